"""C — channel constraints: lengths and formats.

Every rule here reads a message's *effective* channel profile
(``campaign.channel_profile(name)``: the built-in profile of
``rules/channels.camp``, refined by the user's top-level ``channel`` block and
then by the campaign's own ``channel`` block, attribute by attribute) and
measures the copy the way the platform does (``counting``: see
:mod:`campaignlint.text.counting`).

Variants.  A variant is another version of its message: it inherits every
field it does not override.  Rules that look at one text field (C001, C002,
C007, C008) check each variant's own fields where they are written; rules that
look at the whole message (hashtags, mentions, links, repeated hashtags, the
opt-out, the unsubscribe mention) check the message and each variant with its
overrides applied, and report a variant only when its copy changes the result.

Counting choices (documented in each rule):

* hashtags (C003, C004), links (C005) and mentions (C006) are counted over
  all the text fields of the message, as a platform counts them in one post;
* emoji (C007) are counted per text field: the voice's `max emoji` is "per
  message text" (language reference), and the channel's reads the same way;
* the SMS length (C008) and the opt-out (C010) concern the `body`, the text
  that is actually sent.
"""

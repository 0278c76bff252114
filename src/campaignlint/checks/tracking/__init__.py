"""U — tracking links.

The links of a message are its `link`s (and its variants'), plus the URLs
written with a scheme (``https://…``) in its copy.  A bare domain in copy
("verdure.fr/p", "Commandez sur kiosque-bio.fr") is display text, not a link
to track.  An offer's `landing` is checked by U005 only (it belongs to no
channel).

*Own* links go to the brand's site: its `website` (and its subdomains) or the
domain of one of the campaign's offers' `landing`.  The values the rules
expect are the channel's `utm_source` and `utm_medium` (from its profile) and
the campaign's identifier (the NAME after `campaign`) for `utm_campaign`, all
compared and written in lower case with `_` for spaces (the form U004 asks
for), so the fixes never contradict one another.

Fixes rewrite only the query string of the URL (other parameters, their order
and encoding, and the fragment are kept).  They are safe on a `link`; on a URL
written inside the copy they are unsafe (the reader sees the longer URL, and
the text may no longer fit the channel).  No fix is offered when the string
is written with escapes (the text in the file differs from its value).
"""

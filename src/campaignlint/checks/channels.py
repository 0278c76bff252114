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

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ..findings import Applicability, Edit, Finding, Severity
from ..model import Campaign, ChannelProfile, Message, Text, TextField, Variant
from ..resources import load_toml, rules_path
from ..rule import Rule, fix
from ..text import extract
from ..text.counting import TWITTER_CONFIGS, describe_unit, measure
from ..text.sms import gsm_replacements, is_gsm, sms_info
from ._v2 import shortest_text, worst_case_text
from ._format import format_time, local_time, names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext

_SPACES_RE = re.compile(r"\s+")
_TWITTER_URL_WEIGHT = 23


# ------------------------------------------------------------------ helpers

@dataclass(frozen=True)
class _Version:
    """One sendable version of a message: the message itself, or one of its
    variants with the fields it overrides applied."""

    message: Message
    variant: Variant | None
    texts: list[TextField]

    @property
    def label(self) -> str:
        if self.variant is None:
            return f"message `{self.message.name}`"
        return f"variant `{self.variant.name}` of message `{self.message.name}`"

    def body(self) -> TextField | None:
        return next((t for t in self.texts if t.field == "body"), None)


def _versions(message: Message) -> list[_Version]:
    """The message, then each variant that overrides some text."""
    found = [_Version(message, None, list(message.texts))]
    for variant in message.variants:
        if not variant.texts:
            continue  # a variant that only moves the send time has the same copy
        overridden = {t.field for t in variant.texts}
        texts = [t for t in message.texts if t.field not in overridden] + list(variant.texts)
        found.append(_Version(message, variant, texts))
    return found


def _messages(campaign: Campaign) -> Iterator[tuple[Message, ChannelProfile]]:
    """Every message whose channel is known, with its effective profile."""
    for message in campaign.messages:
        profile = campaign.channel_profile(message.channel)
        if profile is not None:
            yield message, profile


def _variant_of(message: Message, text: Text) -> Variant | None:
    for variant in message.variants:
        if any(t is text for t in variant.texts):
            return variant
    return None


def _field_label(message: Message, text: TextField) -> str:
    """``body``, ``headline 3`` (when there are several), ``subject of variant `b```."""
    variant = _variant_of(message, text)
    owner_texts = variant.texts if variant is not None else message.texts
    same = [t for t in owner_texts if t.field == text.field]
    label = text.field
    if len(same) > 1:
        label = f"{text.field} {next(i for i, t in enumerate(same) if t is text) + 1}"
    if variant is not None:
        label += f" of variant `{variant.name}`"
    return label


def _raw_literal(ctx: "CampaignContext", text: Text) -> str | None:
    """The string literal as written in the source, quotes included."""
    source = ctx.source(text.span.path)
    if source is None:
        return None
    return source.text[text.span.start:text.span.end]


def _is_long(raw: str) -> bool:
    return raw.startswith('"""')


def _escape(value: str) -> str:
    """``value`` written inside a string literal (``\\`` and ``"`` escaped)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _source_range(ctx: "CampaignContext", text: Text, start: int, end: int) -> tuple[int, int] | None:
    """Source offsets covering exactly ``text.value[start:end]``, or None.

    Everything written between the first character and the next one is
    included (so an escape such as ``\\u{E9}`` is removed whole).  At the very
    end of the text the last character must be written as itself.
    """
    offsets = text.char_offsets
    value = text.value
    if not offsets or not 0 <= start < end <= len(value):
        return None
    source = ctx.source(text.span.path)
    if source is None:
        return None
    first = offsets[start]
    if source.text[first:first + 1] != value[start] and value[start] != "\n":
        return None
    if end < len(value):
        return first, offsets[end]
    last = offsets[end - 1]
    if source.text[last:last + 1] != value[end - 1]:
        return None
    return first, last + 1


def _removal_ranges(value: str, spans: Iterable[extract.Span]) -> list[tuple[int, int]]:
    """Ranges of ``value`` to delete to remove each span and one adjacent space.

    The space before is taken when there is one (else the space after), never
    a space another removal already takes, so no double space is left behind
    ("#a #b #c" minus #b and #c is "#a"); a line left empty goes with its line
    break.  Contiguous ranges are merged.
    """
    spans = sorted(spans, key=lambda s: s.start)
    claimed: set[int] = set()
    for span in spans:
        claimed.update(range(span.start, span.end))
    ranges: list[tuple[int, int]] = []
    for span in spans:
        start, end = span.start, span.end
        if start > 0 and value[start - 1] == " " and start - 1 not in claimed:
            start -= 1
        elif end < len(value) and value[end] == " " and end not in claimed:
            end += 1
        if (start == 0 or value[start - 1] == "\n") and (end == len(value) or value[end] == "\n"):
            # the line would be left empty: remove it with its line break
            if start > 0 and start - 1 not in claimed:
                start -= 1
            elif end < len(value) and end not in claimed:
                end += 1
        claimed.update(range(start, end))
        ranges.append((start, end))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _removal_edits(ctx: "CampaignContext", items: list[tuple[TextField, extract.Span]]) -> list[Edit] | None:
    """Edits removing every (text, span) item with one adjacent space; None if impossible."""
    by_text: dict[int, tuple[TextField, list[extract.Span]]] = {}
    for text, span in items:
        by_text.setdefault(id(text), (text, []))[1].append(span)
    edits: list[Edit] = []
    for text, spans in by_text.values():
        for start, end in _removal_ranges(text.value, spans):
            where = _source_range(ctx, text, start, end)
            if where is None:
                return None
            edits.append(Edit(where[0], where[1], ""))
    return edits


def _hashtag_key(tag: extract.Span) -> str:
    """Hashtags compare without case but with accents: #Soldes = #soldes ≠ #Soldés."""
    return unicodedata.normalize("NFC", tag.value).casefold()


def _items(version: _Version, finder) -> list[tuple[TextField, extract.Span]]:
    return [(text, span) for text in version.texts for span in finder(text.value)]


def _quote(items: Iterable[str]) -> str:
    return names([f"`{item}`" for item in items])


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _count_rule(rule: Rule, ctx: "CampaignContext", key: str, finder, word: str,
                plural: str, note: str = "") -> Iterator[Finding]:
    """Shared by C005 and C006: more items in the copy than `max <key>`."""
    for message, profile in _messages(ctx.campaign):
        maximum = profile.maxima.get(key)
        if maximum is None:
            continue
        reported: set[tuple] = set()
        for version in _versions(message):
            items = _items(version, finder)
            if len(items) <= maximum:
                continue
            text, span = items[maximum]
            seen_key = (id(text), span.start, len(items))
            if seen_key in reported:
                continue
            reported.add(seen_key)
            extra = [s.text for _t, s in items[maximum:]]
            yield ctx.finding(
                rule, text.span_of(span.start, span.end),
                f"{version.label} has {_plural(len(items), word, plural)}, more than the {maximum} "
                f"allowed on {profile.name} (extra: {_quote(extra)}{note})",
            )


# --------------------------------------------------------- measuring notes

def _length_note(text: str, unit: str) -> str:
    """What makes the count differ from a plain character count, for messages."""
    notes: list[str] = []
    if unit == "twitter":
        urls = extract.extract_urls(text)
        emoji = extract.emoji_sequences(text)
        if urls:
            notes.append(f"each link counts {_TWITTER_URL_WEIGHT}")
        if emoji:
            notes.append("emoji count 2")
        covered: set[int] = set()
        for span in [*urls, *emoji]:
            covered.update(range(span.start, span.end))
        heavy = list(dict.fromkeys(
            ch for index, ch in enumerate(text) if index not in covered and _twitter_weight(ch) > 1
        ))
        if heavy:
            shown = names([_shown(ch) for ch in heavy], limit=4)
            notes.append(f"{shown} {'counts' if len(heavy) == 1 else 'count'} 2")
    elif unit == "utf16":
        if any(ord(ch) > 0xFFFF for ch in text):
            notes.append("emoji count 2")
    elif unit == "width":
        if measure(text, "width") > measure(text, "chars"):
            notes.append("wide characters such as CJK count 2")
    elif unit == "gsm":
        info = sms_info(text)
        if info.encoding == "UCS-2":
            notes.append("UCS-2: the text has characters outside the GSM alphabet")
        elif any(ch in "€[]{}\\~^|\x0c" for ch in text):
            notes.append("GSM-7; € [ ] { } \\ ~ ^ | count 2")
    return f" ({'; '.join(notes)})" if notes else ""


def _twitter_weight(ch: str) -> int:
    """Weight of one character outside links and emoji in twitter-text v3 (1 or 2)."""
    config = TWITTER_CONFIGS["v3"]
    code = ord(ch)
    for start, end, weight in config["ranges"]:
        if start <= code <= end:
            return weight // config["scale"]
    return config["defaultWeight"] // config["scale"]


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.lower() if name else f"U+{ord(ch):04X}"


def _shown(ch: str) -> str:
    """A character as a message can show it (invisible ones by their code)."""
    if ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs"):
        return f"U+{ord(ch):04X}"
    return ch


# ------------------------------------------------------------------- rules

class OverLimit(Rule):
    """A text field is over the channel's hard `limit`.

    Every text field that has a `limit` on the message's channel is measured in
    the channel's `counting` unit (twitter-text weighted length on twitter,
    UTF-16 units on Instagram, display width on Google Ads…); a repeated field
    such as `headline` is checked one by one, and each variant's own fields
    too.  A channel's `max headlines` is checked here as well (more headlines
    than the platform accepts).
    """

    code = "C001"
    name = "over-limit"
    severity = Severity.ERROR
    why = (
        "The platform refuses the text or cuts it: a tweet over 280 weighted "
        "characters cannot be posted, a Google Ads headline over 30 is rejected. "
        "Each channel has its own format and its own way of counting (an emoji "
        "counts 2 on X and on Instagram), so copy written once and pasted "
        "everywhere is the classic multichannel mistake."
    )
    example = (
        "channel twitter\n\n"
        "message tweet_soldes {\n  channel twitter\n"
        "  body \"Les soldes d'hiver commencent : jusqu'à -30 % sur toute la collection éco-responsable, "
        "livraison offerte dès 50 € d'achat, retours gratuits pendant 30 jours, et nos nouveautés en coton "
        "biologique pour affronter le froid sans compromis sur la qualité ni sur vos valeurs. "
        "Rendez-vous sur verdure.fr 🌱🌱 #Soldes\"\n}"
    )
    correction = (
        "channel twitter\n\n"
        "message tweet_soldes {\n  channel twitter\n"
        "  body \"Soldes d'hiver : jusqu'à -30 % sur la collection éco-responsable, livraison offerte "
        "dès 50 €. verdure.fr 🌱 #Soldes\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in _messages(ctx.campaign):
            for text in message.copy_texts():
                limit = profile.limits.get(text.field)
                if limit is None:
                    continue
                value, worst = worst_case_text(ctx.campaign, text.written)  # v2: merge tags at their longest
                length = measure(value, profile.counting)
                if length > limit:
                    yield ctx.finding(
                        self, text.span,
                        f"{_field_label(message, text)} is {length} of {limit} "
                        f"{describe_unit(profile.counting)} on {profile.name}{worst}"
                        f"{_length_note(value, profile.counting)}",
                    )
            maximum = profile.maxima.get("headlines")
            if maximum is None:
                continue
            for version in _versions(message):
                if version.variant is not None and not any(t.field == "headline" for t in version.variant.texts):
                    continue
                headlines = [t for t in version.texts if t.field == "headline"]
                if len(headlines) > maximum:
                    yield ctx.finding(
                        self, headlines[maximum].span,
                        f"{version.label} has {len(headlines)} headlines, more than the {maximum} "
                        f"{profile.name} accepts (`max headlines`)",
                    )


class OutsideRecommended(Rule):
    """A text field is outside the channel's `recommend` bounds.

    Soft bounds (`recommend subject 60`, `recommend preheader 35 .. 110`) are
    measured in the channel's `counting` unit like hard limits: the text is
    longer than the upper bound, or shorter than the lower bound.
    """

    code = "C002"
    name = "outside-recommended-length"
    severity = Severity.WARNING
    why = (
        "Longer text is not refused but cut: an e-mail subject past about 60 "
        "characters loses its end on a phone, an ad's primary text past 125 hides "
        "behind \"See more\". A preheader that is too short lets the inbox fill the "
        "gap with the first words of the e-mail. Adapting the length to each channel "
        "is what makes the same idea work everywhere."
    )
    example = (
        "channel email\n\n"
        "message newsletter {\n  channel email\n"
        "  subject \"Découvrez dès maintenant notre nouvelle collection de printemps en coton biologique\"\n"
        "  preheader \"Nouveautés\"\n}"
    )
    correction = (
        "channel email\n\n"
        "message newsletter {\n  channel email\n"
        "  subject \"Notre collection de printemps en coton bio\"\n"
        "  preheader \"Coton biologique, fibres recyclées, fabriqué au Portugal\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in _messages(ctx.campaign):
            for text in message.copy_texts():
                bounds = profile.recommend.get(text.field)
                if bounds is None:
                    continue
                low, high = bounds
                value, note = worst_case_text(ctx.campaign, text.written)  # v2: merge tags at their longest
                length = measure(value, profile.counting)
                unit = describe_unit(profile.counting)
                both = f" (recommended: {low} to {high})" if low is not None and high is not None else ""
                if high is not None and length > high:
                    side = f"more than the recommended {high}{both}"
                else:
                    value, note = shortest_text(ctx.campaign, text.written)  # lower bounds: at their shortest
                    length = measure(value, profile.counting)
                    if low is not None and length < low:
                        side = f"fewer than the recommended {low}{both}"
                    else:
                        continue
                yield ctx.finding(
                    self, text.span,
                    f"{_field_label(message, text)} is {length} {unit} on {profile.name}{note}, {side}"
                    f"{_length_note(value, profile.counting)}",
                )


class TooManyHashtags(Rule):
    """More hashtags than the channel's `max hashtags`.

    Hashtags are found as twitter-text finds them (`#ModeDurable`, `#ÉtéDurable`;
    not `#16`, not a `#` inside a URL) in every text field of the message, and
    counted per message (each variant with its own copy).  The finding points
    at the first hashtag over the limit.  The fix (unsafe: it changes the copy)
    drops the extra hashtags from the end, each with one adjacent space.
    """

    code = "C003"
    name = "too-many-hashtags"
    severity = Severity.ERROR
    fix = Applicability.UNSAFE
    why = (
        "Platforms cap hashtags and punish stuffing: since December 2025 Instagram "
        "accepts at most 5 per post, and a caption full of hashtags reads as spam. "
        "A few precise hashtags, including the campaign's own, do the work."
    )
    example = (
        "channel instagram\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱 #PortezLeChangement #ModeDurable #Printemps #Coton #Bio #Verdure\"\n}"
    )
    correction = (
        "channel instagram\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱 #PortezLeChangement #ModeDurable #Printemps\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in _messages(ctx.campaign):
            maximum = profile.maxima.get("hashtags")
            if maximum is None:
                continue
            reported: set[tuple] = set()
            for version in _versions(message):
                tags = _items(version, extract.extract_hashtags)
                if len(tags) <= maximum:
                    continue
                text, span = tags[maximum]
                key = (id(text), span.start, len(tags))
                if key in reported:
                    continue
                reported.add(key)
                extra = tags[maximum:]
                edits = _removal_edits(ctx, extra)
                found = fix(Applicability.UNSAFE, edits, f"remove {_quote(s.text for _t, s in extra)}") if edits else None
                yield ctx.finding(
                    self, text.span_of(span.start, span.end),
                    f"{version.label} has {len(tags)} hashtags, more than the {maximum} allowed on "
                    f"{profile.name} (extra: {_quote(s.text for _t, s in extra)})",
                    fix=found,
                )


class RepeatedHashtag(Rule):
    """The same hashtag twice in one message.

    Hashtags are compared without regard to case but with their accents
    (`#Soldes` repeats `#soldes`; `#Eté` and `#Été` differ), over all the text
    fields of the message.  The finding points at the repeat; the safe fix
    removes it with one adjacent space.
    """

    code = "C004"
    name = "repeated-hashtag"
    severity = Severity.WARNING
    fix = Applicability.SAFE
    why = (
        "A repeated hashtag adds nothing to reach (the post is already in that "
        "hashtag's feed) and takes room and attention: it looks careless."
    )
    example = (
        "channel twitter\n\n"
        "message tweet_1 {\n  channel twitter\n"
        "  body \"Les soldes d'hiver sont là : -30 % sur la collection ! #soldes #Soldes #mode\"\n}"
    )
    correction = (
        "channel twitter\n\n"
        "message tweet_1 {\n  channel twitter\n"
        "  body \"Les soldes d'hiver sont là : -30 % sur la collection ! #soldes #mode\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, _profile in _messages(ctx.campaign):
            reported: set[tuple[int, int]] = set()
            for version in _versions(message):
                first: dict[str, str] = {}
                for text, tag in _items(version, extract.extract_hashtags):
                    key = _hashtag_key(tag)
                    if key not in first:
                        first[key] = tag.text
                        continue
                    if (id(text), tag.start) in reported:
                        continue
                    reported.add((id(text), tag.start))
                    edits = _removal_edits(ctx, [(text, tag)])
                    same = "" if first[key] == tag.text else f" (as {first[key]})"
                    yield ctx.finding(
                        self, text.span_of(tag.start, tag.end),
                        f"hashtag {tag.text} is already used earlier in {version.label}{same}: remove the repeat",
                        fix=fix(Applicability.SAFE, edits, f"remove the repeated {tag.text}") if edits else None,
                    )


class TooManyLinks(Rule):
    """More URLs in the copy than the channel's `max links`.

    URLs are found in every text field as twitter-text finds them, with or
    without `https://` (`verdure.fr/p` is a link).  The message's `link`
    attribute is its destination, not copy, and is not counted.
    """

    code = "C005"
    name = "too-many-links"
    severity = Severity.ERROR
    why = (
        "Platforms limit links per post (Threads: 5), and every extra link splits "
        "the reader's attention: one clear destination converts better than a list."
    )
    example = (
        "channel threads { max links 2 }\n\n"
        "message th_lancement {\n  channel threads\n"
        "  body \"La collection : verdure.fr/printemps, le making-of : verdure.fr/atelier, "
        "nos engagements : verdure.fr/engagements\"\n}"
    )
    correction = (
        "channel threads { max links 2 }\n\n"
        "message th_lancement {\n  channel threads\n"
        "  body \"La collection de printemps et son making-of : verdure.fr/printemps\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        yield from _count_rule(self, ctx, "links", extract.extract_urls, "link", "links",
                               "; the `link` attribute is not counted")


class TooManyMentions(Rule):
    """More mentions than the channel's `max mentions`.

    Mentions are `@name` as twitter-text finds them (an e-mail address such as
    `contact@verdure.fr` is not one), counted over every text field of the
    message.
    """

    code = "C006"
    name = "too-many-mentions"
    severity = Severity.WARNING
    why = (
        "Platforms cap mentions (Instagram: 20 per caption) and treat mass tagging "
        "as spam; the people tagged did not ask to be, and it shows."
    )
    example = (
        "channel instagram { max mentions 2 }\n\n"
        "message ig_merci {\n  channel instagram\n"
        "  body \"Merci à @lea_court, @tom_trail et @atelier_porto pour ce shooting !\"\n}"
    )
    correction = (
        "channel instagram { max mentions 2 }\n\n"
        "message ig_merci {\n  channel instagram\n"
        "  body \"Merci à @lea_court et @atelier_porto pour ce shooting !\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        yield from _count_rule(self, ctx, "mentions", extract.extract_mentions, "mention", "mentions")


class TooManyEmoji(Rule):
    """More emoji in a text than the channel's or the voice's `max emoji`.

    The stricter of the two applies, and the message names which.  Each text
    field is counted on its own (the voice's `max emoji` is per message text);
    a whole emoji sequence (👍🏽, 👨‍👩‍👧, 🇫🇷) counts one.  The finding points at
    the first emoji over the limit.
    """

    code = "C007"
    name = "too-many-emoji"
    severity = Severity.WARNING
    why = (
        "Emoji are part of the brand's voice: the style guide fixes how many a "
        "text may carry so that every channel sounds like the same brand, and a "
        "string of emoji makes copy harder to read (and to hear, for screen readers)."
    )
    example = (
        "channel instagram { max emoji 2 }\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱🌿🌍✨ Notre collection de printemps arrive.\"\n}"
    )
    correction = (
        "channel instagram { max emoji 2 }\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱 Notre collection de printemps arrive.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        voice = campaign.voice
        voice_max = voice.max_emoji if voice is not None else None
        brand_voice = campaign.brand.voice if campaign.brand is not None else None
        if voice is not None and brand_voice is not None and (
            voice is brand_voice or voice.spans.get("max_emoji") == brand_voice.spans.get("max_emoji")
        ):
            voice_name = f"the voice of brand `{campaign.brand.name}`"  # the campaign did not change it
        else:
            voice_name = "the campaign's voice"
        for message, profile in _messages(campaign):
            channel_max = profile.maxima.get("emoji")
            limits = [n for n in (channel_max, voice_max) if n is not None]
            if not limits:
                continue
            limit = min(limits)
            if channel_max == voice_max:
                who = f"{profile.name} and {voice_name} allow"
            elif channel_max == limit:
                who = f"{profile.name} allows"
            else:
                who = f"{voice_name} allows"
            for text in message.copy_texts():
                emoji = extract.extract_emoji(text.value)
                if len(emoji) <= limit:
                    continue
                first_extra = emoji[limit]
                yield ctx.finding(
                    self, text.span_of(first_extra.start, first_extra.end),
                    f"{_field_label(message, text)} has {len(emoji)} emoji, more than {who} "
                    f"(max emoji {limit})",
                )


class SmsTooLong(Rule):
    """An SMS needs more segments than the channel's `max segments`.

    The `body` is measured as the phone network sends it: in GSM-7 (160
    characters in one SMS, 153 per part of a longer one; `€ [ ] { } \\ ~ ^ |`
    count 2) when every character belongs to the GSM 03.38 alphabet, otherwise
    in UCS-2 (70 and 67).  The message gives the encoding, the length, the
    segments, and which characters forced UCS-2 with their column.  When
    replacing those characters by GSM-7 equivalents (’ → ', « » → ", œ → oe,
    no-break space → space; the table is `rules/sms_replacements.toml`) brings
    the SMS within its segments, an unsafe fix does it (not for a text written
    with escapes such as `\\u{2019}`).
    """

    code = "C008"
    name = "sms-too-long"
    severity = Severity.ERROR
    fix = Applicability.UNSAFE
    why = (
        "Every segment is billed: an SMS that goes one character over doubles the "
        "cost of the whole send. A single typographic apostrophe (’) or a French "
        "no-break space switches the message to UCS-2, where one SMS holds 70 "
        "characters instead of 160; straight quotes keep it in one segment."
    )
    example = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % sur la collection de printemps avec le code PRINTEMPS15 jusqu’au 31/03. STOP au 36173\"\n}"
    )
    correction = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % sur la collection de printemps avec le code PRINTEMPS15 jusqu'au 31/03. STOP au 36173\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in _messages(ctx.campaign):
            maximum = profile.maxima.get("segments")
            if maximum is None:
                continue
            for text in message.copy_texts():
                if text.field != "body":
                    continue
                value, worst = worst_case_text(ctx.campaign, text.written)  # v2: merge tags at their longest
                info = sms_info(value)
                if info.segments <= maximum:
                    continue
                if worst:
                    worst += " (a name outside GSM 03.38 would switch the SMS to UCS-2)"
                label = _field_label(message, text) + worst
                what = (f"SMS {label} needs {_plural(info.segments, 'segment')}, more than the "
                        f"{maximum} allowed on {profile.name} (`max segments`): ")
                capacity = (f"{info.units} {info.unit_word}; one SMS holds {info.single_capacity}, "
                            f"each part of a longer one {info.part_capacity}")
                if info.encoding == "GSM-7":
                    yield ctx.finding(self, text.span, what + capacity)
                    continue
                non_gsm = sms_info(text.value).non_gsm if worst else info.non_gsm  # positions in the copy
                forced = self._forcing_characters(ctx, text, non_gsm)
                yield ctx.finding(
                    self, text.span,
                    what + f"it is sent in UCS-2 ({capacity}) because of {forced}",
                    fix=self._fix(ctx, text, non_gsm, maximum),
                )

    @staticmethod
    def _forcing_characters(ctx: "CampaignContext", text: TextField, non_gsm: list[tuple[int, str]]) -> str:
        """``’ (right single quotation mark) at column 12; « (…) at line 9, columns 30 and 41``."""
        source = ctx.source(text.span.path)
        by_char: dict[str, list[tuple[int, int]]] = {}
        for index, ch in non_gsm:
            if source is not None and text.char_offsets:
                by_char.setdefault(ch, []).append(source.position(text.char_offsets[index]))
            else:
                by_char.setdefault(ch, [])
        start_line = source.position(text.span.start)[0] if source is not None else 1
        one_line = all(line == start_line for places in by_char.values() for line, _c in places)
        described = []
        for ch, places in by_char.items():
            lines: dict[int, list[int]] = {}
            for line, column in places:
                lines.setdefault(line, []).append(column)
            where = []
            for line, columns in lines.items():
                word = "column" if len(columns) == 1 else "columns"
                where.append(f"{word} {names(columns)}" if one_line else f"line {line}, {word} {names(columns)}")
            at = f" at {', and '.join(where)}" if where else ""
            described.append(f"{_shown(ch)} ({_char_name(ch)}){at}")
        if len(described) > 5:
            described = described[:4] + [f"{len(described) - 4} other characters"]
        return "; ".join(described)

    @staticmethod
    def _fix(ctx: "CampaignContext", text: TextField, non_gsm: list[tuple[int, str]], maximum: int):
        raw = _raw_literal(ctx, text)
        if raw is None or "\\" in raw or not text.char_offsets:
            return None  # escapes: the characters are not written as themselves
        table = gsm_replacements()
        value = text.value
        replacements: dict[int, tuple[int, str]] = {}  # start index -> (end index, new text)
        for index, ch in non_gsm:
            if index in replacements or any(start < index < end for start, (end, _r) in replacements.items()):
                continue
            new = table.get(ch)
            end = index + 1
            if new is None and unicodedata.combining(ch) and index > 0:
                # a decomposed letter (e + U+0301): its composed form may be GSM-7
                composed = unicodedata.normalize("NFC", value[index - 1:index + 1])
                if len(composed) == 1 and (is_gsm(composed) or composed in table):
                    new = composed if is_gsm(composed) else table[composed]
                    replacements.pop(index - 1, None)
                    index -= 1
            if new is None or not is_gsm(new):
                return None
            replacements[index] = (end, new)
        pieces, position = [], 0
        for start in sorted(replacements):
            end, new = replacements[start]
            pieces.append(value[position:start])
            pieces.append(new)
            position = end
        pieces.append(value[position:])
        fixed = "".join(pieces)
        if sms_info(fixed).segments > maximum:
            return None
        edits = []
        for start, (end, new) in sorted(replacements.items()):
            span = text.span_of(start, end)
            edits.append(Edit(span.start, span.end, _escape(new)))
        shown = names(sorted({f"{_shown(ch)}" for _i, ch in non_gsm}), limit=8)
        return fix(Applicability.UNSAFE, edits, f"replace {shown} by GSM-7 characters")


class MissingRequiredField(Rule):
    """A field the channel `require`s is missing.

    `require subject` on e-mail, `require headline, description, link` on Google
    Ads…: the message must carry each listed text field (`link` means at least
    one `link`).  Variants inherit their message's fields, so the message
    itself is checked.  `require unsubscribe` means the body must tell readers
    how to unsubscribe ("Se désabonner", "unsubscribe"…: the phrases are in
    `rules/<language>/channels.toml`, matched without case or accents); it is
    checked on the message and on each variant that rewrites the body.
    `require opt_out` is rule C010.
    """

    code = "C009"
    name = "missing-required-field"
    severity = Severity.ERROR
    why = (
        "Each platform needs its pieces: an e-mail without a subject lands as "
        "\"(no subject)\" and is opened by nobody, a search ad without a link has "
        "nowhere to send the click. And a marketing e-mail must tell readers how "
        "to unsubscribe (the law in France, the EU and the US)."
    )
    example = (
        "channel email\n\n"
        "message newsletter {\n  channel email\n"
        "  body \"Bonjour, découvrez notre collection de printemps.\"\n}"
    )
    correction = (
        "channel email\n\n"
        "message newsletter {\n  channel email\n"
        "  subject \"Notre collection de printemps est arrivée\"\n"
        "  body \"Bonjour, découvrez notre collection de printemps.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in _messages(ctx.campaign):
            for required in profile.require:
                if required in ("opt_out", "unsubscribe"):
                    continue
                if message.has(required):
                    continue
                what = "`link` (where the click leads)" if required == "link" else f"`{required}`"
                yield ctx.finding(
                    self, message,
                    f"message `{message.name}` has no {what}, which {profile.name} requires",
                )
            if "unsubscribe" in profile.require:
                yield from self._unsubscribe(ctx, message, profile)

    def _unsubscribe(self, ctx, message: Message, profile: ChannelProfile) -> Iterator[Finding]:
        data = _unsubscribe_data(message.language)
        for version in _versions(message):
            body = version.body()
            if version.variant is not None and not any(t.field == "body" for t in version.variant.texts):
                continue
            if body is not None and _mentions_unsubscribe(body.value, data["patterns"]):
                continue
            at = body.span if body is not None else message.span
            where = "body" if body is not None else "message (it has no body)"
            yield ctx.finding(
                self, at,
                f"the {where} of {version.label} never tells readers how to unsubscribe, which "
                f"{profile.name} requires: add a line such as \"{data['example']}\"",
            )


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold(text: str) -> str:
    return _strip_accents(text).casefold()


_UNSUBSCRIBE_CACHE: dict[str, dict] = {}


def _unsubscribe_data(language: str) -> dict:
    """The unsubscribe phrases of ``language`` (English when it has no list), compiled."""
    if language not in _UNSUBSCRIBE_CACHE:
        chosen = language if rules_path(language, "channels.toml").is_file() else "en"
        section = load_toml(chosen, "channels.toml")["unsubscribe"]
        patterns = []
        for phrase in section["phrases"]:
            words = [re.escape(w) for w in re.split(r"[\s\-]+", _fold(phrase).strip()) if w]
            patterns.append(re.compile(r"(?<![^\W_])" + r"[\s\-]+".join(words)))
        _UNSUBSCRIBE_CACHE[language] = {"patterns": patterns, "example": section["example"]}
    return _UNSUBSCRIBE_CACHE[language]


def _mentions_unsubscribe(text: str, patterns: list[re.Pattern]) -> bool:
    folded = _fold(text)
    return any(p.search(folded) for p in patterns)


def _normalise_space(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip().casefold()


class MissingOptOut(Rule):
    """The channel requires `opt_out` and the body lacks the channel's opt-out text.

    The body must contain the channel's `opt_out` string (`"STOP"` on the
    built-in SMS profile; teams set theirs, e.g. `"STOP au 36173"`), compared
    without case and with any run of spaces read as one.  Each variant that
    rewrites the body is checked too.  The safe fix appends a space and the
    opt-out text at the end of the body (for a long text, on a new line).
    """

    code = "C010"
    name = "missing-opt-out"
    severity = Severity.ERROR
    fix = Applicability.SAFE
    why = (
        "A marketing SMS must offer a free way to stop receiving them (in France "
        "the law, CPCE art. L34-5, and operators reject campaigns without "
        "\"STOP au 36…\"). Without it the send is illegal and complaints get the "
        "sender number blocked."
    )
    example = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % avec le code PRINTEMPS15 jusqu'au 31/03.\"\n}"
    )
    correction = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % avec le code PRINTEMPS15 jusqu'au 31/03. STOP\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in _messages(ctx.campaign):
            if "opt_out" not in profile.require or not profile.opt_out:
                continue
            wanted = _normalise_space(profile.opt_out)
            for version in _versions(message):
                if version.variant is not None and not any(t.field == "body" for t in version.variant.texts):
                    continue
                body = version.body()
                if body is not None and wanted in _normalise_space(body.value):
                    continue
                if body is None:
                    yield ctx.finding(
                        self, message,
                        f"{version.label} has no body, so no opt-out \"{profile.opt_out}\", which "
                        f"{profile.name} requires",
                    )
                    continue
                yield ctx.finding(
                    self, body.span,
                    f"{_field_label(message, body)} lacks the opt-out \"{profile.opt_out}\" that "
                    f"{profile.name} requires",
                    fix=self._fix(ctx, body, profile.opt_out),
                )

    @staticmethod
    def _fix(ctx: "CampaignContext", body: TextField, opt_out: str):
        raw = _raw_literal(ctx, body)
        source = ctx.source(body.span.path)
        if raw is None or source is None:
            return None
        addition = _escape(opt_out)
        description = f"append \"{opt_out}\" to the body"
        if not _is_long(raw):
            close = body.span.end - 1  # the closing quote
            separator = "" if not body.value or body.value[-1].isspace() else " "
            return fix(Applicability.SAFE, [Edit(close, close, separator + addition)], description)
        # a long text: a new line at the text's indentation, before the closing quotes
        inner = raw[3:-3]
        lines = inner.split("\n")
        indents = [len(line) - len(line.lstrip(" \t")) for line in lines[1:] if line.strip()]
        if indents:
            margin = min(indents)
            sample = next(line for line in lines[1:] if line.strip() and len(line) - len(line.lstrip(" \t")) == margin)
            indent = sample[:margin]
        else:
            line, _column = source.position(body.span.start)
            keyword_line = source.line_text(line)
            indent = keyword_line[: len(keyword_line) - len(keyword_line.lstrip(" \t"))] + "  "
        close = body.span.end - 3
        last_newline = inner.rfind("\n")
        if last_newline != -1 and not inner[last_newline + 1:].strip():
            # the closing quotes are on their own line: add a line before it
            position = body.span.start + 3 + last_newline
            if position > 0 and source.text[position - 1] == "\r":
                position -= 1
        else:
            position = close
        text = f"{source.newline}{indent}{addition}"
        return fix(Applicability.SAFE, [Edit(position, position, text)], description)


class QuietHours(Rule):
    """The send time falls inside the channel's `quiet_hours` or on a `quiet_days` day.

    `at` is read in the campaign's time zone (send times are written in local
    time).  A range of quiet hours may wrap midnight: `20:00 .. 08:00` covers
    20:00 up to, but not including, 08:00 (a send at 08:00 is fine, one at
    20:00 is not).  Days are weekday names (`sunday`).
    """

    code = "C011"
    name = "quiet-hours"
    severity = Severity.ERROR
    why = (
        "An SMS or a push at 22:00 or on a Sunday morning is an intrusion, not a "
        "message: it is the surest way to get opt-outs. French operators' practice "
        "forbids commercial SMS at night and on Sundays and public holidays."
    )
    example = "channel sms\n\nmessage sms_relance {\n  channel sms\n  at 2027-03-25 21:30\n  body \"Verdure : -15 % jusqu'à minuit. STOP\"\n}"
    correction = "channel sms\n\nmessage sms_relance {\n  channel sms\n  at 2027-03-25 12:30\n  body \"Verdure : -15 % jusqu'à minuit. STOP\"\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        zone = f" ({campaign.timezone} time)" if campaign.timezone else ""
        for message, profile in _messages(campaign):
            if message.at is None:
                continue
            at = local_time(message.at, campaign)
            if profile.quiet_hours is not None and _in_quiet_hours(at.time(), *profile.quiet_hours):
                start, end = profile.quiet_hours
                advice = (f"send between {end:%H:%M} and {start:%H:%M}" if start > end
                          else f"send before {start:%H:%M} or from {end:%H:%M}")
                yield ctx.finding(
                    self, message.where("at"),
                    f"send time {format_time(at)}{zone} falls in the quiet hours of {profile.name}, "
                    f"{start:%H:%M} .. {end:%H:%M}: {advice}",
                )
            day = at.strftime("%A").lower()
            if day in profile.quiet_days:
                yield ctx.finding(
                    self, message.where("at"),
                    f"send time {format_time(at)}{zone} is on a {day.capitalize()}, a quiet day on "
                    f"{profile.name} (quiet days: {names(profile.quiet_days)})",
                )


def _in_quiet_hours(t: dt.time, start: dt.time, end: dt.time) -> bool:
    """``start`` inclusive, ``end`` exclusive; a range may wrap midnight; ``start == end`` is empty."""
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


class UndeclaredChannel(Rule):
    """A message uses a channel the campaign does not declare.

    The campaign has no `channel NAME` block (or bare `channel NAME` line) for
    the message's channel, so the channel has no budget, owner or campaign
    settings.  `x` and `twitter` are different names here: use the one the
    campaign declares.
    """

    code = "C012"
    name = "undeclared-channel"
    severity = Severity.WARNING
    why = (
        "The channel mix is a decision: each channel gets its budget, its owner "
        "and its role in the journey. A message on a channel nobody declared is "
        "work nobody planned, funded or will measure."
    )
    example = (
        "channel instagram\n\n"
        "message tt_essai {\n  channel tiktok\n  body \"Trois façons de porter notre veste durable.\"\n}"
    )
    correction = (
        "channel instagram\nchannel tiktok { owner \"Équipe social\" }\n\n"
        "message tt_essai {\n  channel tiktok\n  body \"Trois façons de porter notre veste durable.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from .segments import same_channel

        campaign = ctx.campaign
        for message in campaign.messages:
            name = message.channel
            if name is None or name in campaign.channels or campaign.channel_profile(name) is None:
                continue
            declared = ", ".join(campaign.channels) or "none"
            alias = next((c for c in campaign.channels if same_channel(c, name)), None)
            hint = (f"; it declares `{alias}`, the same platform: use that name" if alias
                    else f"; add `channel {name}` to the campaign (declared: {declared})")
            yield ctx.finding(
                self, message.where("channel"),
                f"message `{message.name}` goes out on {name}, a channel the campaign does not declare{hint}",
            )

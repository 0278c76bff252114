"""C001 over-limit and C002 outside-recommended-length: a text field's length,
measured in the channel's `counting` unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import ngettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...text import extract
from ...text.counting import TWITTER_CONFIGS, describe_unit, measure
from ...text.sms import sms_info
from .._format import names
from .._v2 import shortest_text, worst_case_text
from ._shared import field_label, profiled_messages, show_char, versions

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

_TWITTER_URL_WEIGHT = 23


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
        for message, profile in profiled_messages(ctx.campaign):
            for text in message.copy_texts():
                limit = profile.limits.get(text.field)
                if limit is None:
                    continue
                value, worst = worst_case_text(ctx.campaign, text.written)  # v2: merge tags at their longest
                length = measure(value, profile.counting)
                if length > limit:
                    yield ctx.finding(
                        self, text.span,
                        _("{field_label} is {length} of {limit} {describe_unit} on {profile}{worst}{length_note}")
                        .format(
                            field_label=field_label(message, text), length=length, limit=limit,
                            describe_unit=describe_unit(profile.counting), profile=profile.name, worst=worst,
                            length_note=_length_note(value, profile.counting)),
                    )
            maximum = profile.maxima.get("headlines")
            if maximum is None:
                continue
            for version in versions(message):
                if version.variant is not None and not any(t.field == "headline" for t in version.variant.texts):
                    continue
                headlines = [t for t in version.texts if t.field == "headline"]
                if len(headlines) > maximum:
                    yield ctx.finding(
                        self, headlines[maximum].span,
                        _("{label} has {count} headlines, more than the {maximum} {profile} accepts (`max "
                          "headlines`)").format(
                            label=version.label, count=len(headlines), maximum=maximum, profile=profile.name),
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
        for message, profile in profiled_messages(ctx.campaign):
            for text in message.copy_texts():
                bounds = profile.recommend.get(text.field)
                if bounds is None:
                    continue
                low, high = bounds
                value, note = worst_case_text(ctx.campaign, text.written)  # v2: merge tags at their longest
                length = measure(value, profile.counting)
                unit = describe_unit(profile.counting)
                both = (_(" (recommended: {low} to {high})").format(low=low, high=high)
                        if low is not None and high is not None else "")
                if high is not None and length > high:
                    side = _("more than the recommended {high}{both}").format(high=high, both=both)
                else:
                    value, note = shortest_text(ctx.campaign, text.written)  # lower bounds: at their shortest
                    length = measure(value, profile.counting)
                    if low is not None and length < low:
                        side = _("fewer than the recommended {low}{both}").format(low=low, both=both)
                    else:
                        continue
                yield ctx.finding(
                    self, text.span,
                    _("{field_label} is {length} {unit} on {profile}{note}, {side}{length_note}").format(
                        field_label=field_label(message, text), length=length, unit=unit, profile=profile.name,
                        note=note, side=side, length_note=_length_note(value, profile.counting)),
                )


# --------------------------------------------------------- measuring notes

def _length_note(text: str, unit: str) -> str:
    """What makes the count differ from a plain character count, for messages."""
    notes: list[str] = []
    if unit == "twitter":
        urls = extract.extract_urls(text)
        emoji = extract.emoji_sequences(text)
        if urls:
            notes.append(_("each link counts {weight}").format(weight=_TWITTER_URL_WEIGHT))
        if emoji:
            notes.append(_("emoji count 2"))
        covered: set[int] = set()
        for span in [*urls, *emoji]:
            covered.update(range(span.start, span.end))
        heavy = list(dict.fromkeys(
            ch for index, ch in enumerate(text) if index not in covered and _twitter_weight(ch) > 1
        ))
        if heavy:
            shown = names([show_char(ch) for ch in heavy], limit=4)
            notes.append(ngettext("{characters} counts 2", "{characters} count 2", len(heavy)).format(characters=shown))
    elif unit == "utf16":
        if any(ord(ch) > 0xFFFF for ch in text):
            notes.append(_("emoji count 2"))
    elif unit == "width":
        if measure(text, "width") > measure(text, "chars"):
            notes.append(_("wide characters such as CJK count 2"))
    elif unit == "gsm":
        info = sms_info(text)
        if info.encoding == "UCS-2":
            notes.append(_("UCS-2: the text has characters outside the GSM alphabet"))
        elif any(ch in "€[]{}\\~^|\x0c" for ch in text):
            notes.append(_("GSM-7; € [ ] { } \\ ~ ^ | count 2"))
    return f" ({_('; ').join(notes)})" if notes else ""


def _twitter_weight(ch: str) -> int:
    """Weight of one character outside links and emoji in twitter-text v3 (1 or 2)."""
    config = TWITTER_CONFIGS["v3"]
    code = ord(ch)
    for start, end, weight in config["ranges"]:
        if start <= code <= end:
            return weight // config["scale"]
    return config["defaultWeight"] // config["scale"]

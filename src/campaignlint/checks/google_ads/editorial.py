"""R003–R006: Google Ads editorial rules on punctuation, symbols and phone numbers."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...text.extract import emoji_sequences
from .._packs import char_name, field_label, quote
from ._common import PACK, ads, assets, compiled, customizer_spans, data, inside

# the characters for which neither str.isalnum nor str.isspace holds (re's \w is isalnum or "_", \s isspace)
_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

EDITORIAL = "Google Ads policies, Editorial"


class ExclamationInHeadline(Rule):
    """An exclamation mark in a headline, or more than one in a description.

    Each headline may have none; each description at most one.  The finding
    points at the headline's `!` (at the second `!` of a description).
    """

    code = "R003"
    name = "exclamation-in-headline"
    severity = Severity.ERROR
    pack = PACK
    source = f"{EDITORIAL}: punctuation (no exclamation mark in the headline, one at most in a description)"
    why = (
        "Google disapproves an ad with an exclamation mark in a headline (Editorial policy): "
        "the ad does not run until it is fixed, often after the campaign has started."
    )
    example = 'message ads_noel {\n  channel google_ads\n  headline "Soldes de Noël !"\n}'
    correction = 'message ads_noel {\n  channel google_ads\n  headline "Soldes de Noël"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ads(ctx.campaign):
            for text in assets(message):
                marks = [i for i, ch in enumerate(text.value) if ch in "!！"]
                allowed = 0 if text.field == "headline" else 1
                if len(marks) > allowed:
                    at = marks[allowed]
                    if text.field == "headline":
                        said = _("{label} of ad `{message}` has an exclamation mark: a headline may have none "
                                 "(Google Ads disapproves it)")
                    else:
                        said = _("{label} of ad `{message}` has an exclamation mark: a description may have one, "
                                 "this one has {count} (Google Ads disapproves it)")
                    yield ctx.finding(
                        self, text.span_of(at, at + 1),
                        said.format(label=field_label(message, text), message=message.name, count=len(marks)),
                    )


class RepeatedPunctuation(Rule):
    """Repeated punctuation or symbols in a headline or description: `!!`, `??`, `!?`, `...`, `…`, `***`.

    The pattern is `[punctuation] repeated` in ``rules/google_ads.toml``.
    """

    code = "R004"
    name = "repeated-punctuation"
    severity = Severity.ERROR
    pack = PACK
    source = f"{EDITORIAL}: repeated punctuation or symbols, ellipses"
    why = (
        "Google disapproves ads with repeated punctuation or symbols (\"!!\", \"??\", \"...\"): "
        "they read as gimmicks, and the ad stops running until it is rewritten."
    )
    example = 'message ads_noel {\n  channel google_ads\n  description "Vous hésitez ?? Nos paniers sont prêts."\n}'
    correction = 'message ads_noel {\n  channel google_ads\n  description "Vous hésitez ? Nos paniers sont prêts."\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        (pattern,) = compiled("punctuation", "repeated")
        for message in ads(ctx.campaign):
            for text in assets(message):
                skip = customizer_spans(text.value)
                for m in pattern.finditer(text.value):
                    if inside(m.start(), skip):
                        continue
                    yield ctx.finding(
                        self, text.span_of(*m.span()),
                        _("{label} of ad `{message}` repeats punctuation: {text}; Google Ads allows one mark at a "
                          "time").format(label=field_label(message, text), message=message.name,
                                         text=quote(m.group())),
                    )


class NonStandardSymbol(Rule):
    """An emoji or a symbol outside Google's allowed list in a headline or description.

    Letters, digits and spaces are fine; so are the symbols of
    ``rules/google_ads.toml`` ``[symbols]`` (`€ $ £ % & + - / : , . ' " ( ) ® ™ ©`,
    `*` for ratings, `!` and `?`, typographic apostrophes, dashes and French
    quotes).  `★`, `✓`, `→`, `•` and every emoji are out.  Google Ads
    customizers (`{KeyWord:Chaussures}`) are not symbols.
    """

    code = "R005"
    name = "non-standard-symbol"
    severity = Severity.ERROR
    pack = PACK
    source = f"{EDITORIAL}: non-standard use of symbols, numbers and letters; bullet points"
    why = (
        "Google disapproves ads whose text uses symbols other than the usual punctuation, "
        "emoji or bullets (\"✓\", \"★\", \"→\"): a disapproved ad does not run."
    )
    example = 'message ads_noel {\n  channel google_ads\n  headline "Livraison rapide ✓"\n}'
    correction = 'message ads_noel {\n  channel google_ads\n  headline "Livraison rapide"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        allowed = set(data()["symbols"]["allowed"])
        for message in ads(ctx.campaign):
            for text in assets(message):
                value = text.value
                skip = customizer_spans(value)
                spans = [(e.start, e.end) for e in emoji_sequences(value)]
                covered = {i for start, end in spans for i in range(start, end)}
                for m in _NOT_ALNUM_OR_SPACE.finditer(value):  # the others pass: letters, digits, spaces
                    i, ch = m.start(), m.group()
                    if ch in allowed or i in covered or inside(i, skip):
                        continue
                    if unicodedata.category(ch).startswith("M"):  # a combining accent
                        continue
                    spans.append((i, i + 1))
                for start, end in sorted(spans):
                    symbol = value[start:end]
                    if all(c in allowed for c in symbol):  # © ® ™ are emoji sequences too
                        continue
                    yield ctx.finding(
                        self, text.span_of(start, end),
                        _("{label} of ad `{message}` uses {symbol} ({name}), a symbol Google Ads does not allow: "
                          "write it in words or remove it").format(
                            label=field_label(message, text), message=message.name, symbol=quote(symbol),
                            name=char_name(symbol[0], "symbol")),
                    )


class PhoneNumberInAd(Rule):
    """A phone number in a headline or description.

    French national numbers (`01 23 45 67 89`, `0 800 12 34 56`), E.164 and
    international writings (`+33 1 23 45 67 89`) and North American ones, as
    patterned in ``rules/google_ads.toml`` ``[phone]``; prices, dates, times
    and durations have other shapes.
    """

    code = "R006"
    name = "phone-number-in-ad"
    severity = Severity.ERROR
    pack = PACK
    source = f"{EDITORIAL}: phone numbers in ad text (use call assets)"
    why = (
        "Google does not allow phone numbers in the text of an ad: the ad is disapproved. "
        "A call asset shows the number as a button, counts the calls, and follows the schedule."
    )
    example = 'message ads_noel {\n  channel google_ads\n  description "Commandez au 01 23 45 67 89."\n}'
    correction = 'message ads_noel {\n  channel google_ads\n  description "Commandez en ligne, retrait en boutique."\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        patterns = compiled("phone", "patterns")
        for message in ads(ctx.campaign):
            for text in assets(message):
                seen: list[tuple[int, int]] = []
                for pattern in patterns:
                    for m in pattern.finditer(text.value):
                        if any(s < m.end() and m.start() < e for s, e in seen):
                            continue
                        seen.append(m.span())
                for start, end in sorted(seen):
                    yield ctx.finding(
                        self, text.span_of(start, end),
                        _("{label} of ad `{message}` gives a phone number, {number}: Google Ads refuses them in ad "
                          "text; add a call asset instead").format(
                            label=field_label(message, text), message=message.name,
                            number=quote(text.value[start:end])),
                    )

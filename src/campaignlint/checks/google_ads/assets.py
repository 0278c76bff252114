"""R007 duplicate assets, R008 gimmicky capitalisation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from campaignlint.language import memo

from ...i18n import gettext as _
from ...i18n import N_
from ...findings import Applicability, Edit, Finding, Severity
from ...model import Message, TextField
from ...rule import Rule, fix
from ...text.wording import fold
from .._packs import TAKEOVERS, field_label, quote
from ._common import CHANNEL, PACK, ads, assets, compiled, customizer_spans, data, inside

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

_WORD = re.compile(r"[^\W_]+")
_VOWELS = set("aeiouyAEIOUY")


def _key(value: str) -> str:
    return "".join(ch for ch in fold(value) if ch.isalnum())


class DuplicateAsset(Rule):
    """Two headlines, or two descriptions, of one ad are the same once case, spaces and punctuation are ignored.

    The repeat (the later one) is reported; the safe fix removes its line.
    """

    code = "R007"
    name = "duplicate-asset"
    severity = Severity.ERROR
    fix_applicability = (Applicability.SAFE,)
    pack = PACK
    source = ("Google Ads Help, \"About responsive search ads\" (assets must be unique); "
              "Google Ads Editor's duplicate check")
    why = (
        "Google Ads refuses duplicate headlines or descriptions in an ad, and a repeat wastes "
        "one of the combinations the ad could have tested."
    )
    example = ('message ads_noel {\n  channel google_ads\n  headline "Paniers de Noël garnis"\n'
               '  headline "Paniers de noël garnis !"\n}')
    correction = 'message ads_noel {\n  channel google_ads\n  headline "Paniers de Noël garnis"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ads(ctx.campaign):
            for field in ("headline", "description"):
                seen: dict[str, TextField] = {}
                for text in [t for t in message.texts if t.field == field]:
                    key = _key(text.value)
                    if not key:
                        continue
                    if key in seen:
                        yield ctx.finding(
                            self, text,
                            _("{label} of ad `{message}` repeats {other}, {text}: Google Ads refuses duplicates; "
                              "write another one or remove it").format(
                                label=field_label(message, text), message=message.name,
                                other=field_label(message, seen[key]), text=quote(seen[key].value)),
                            fix=self._remove_line(ctx, text),
                        )
                    else:
                        seen[key] = text

    def _remove_line(self, ctx: "CampaignContext", text: TextField):
        source = ctx.source(text.span.path)
        if source is None:
            return None
        line, _column = source.position(text.span.start)
        end_line, _end_column = source.position(text.span.end)
        content = source.line_text(line)
        before = content[: source.position(text.span.start)[1] - 1].strip()
        after = source.text[text.span.end: source.offset_of(line, len(content) + 1)].strip()
        if line != end_line or before != text.field or (after and not after.startswith("#")):
            return None
        start = source.offset_of(line, 1)
        end = source.offset_of(line + 1, 1) if line < source.line_count else len(source.text)
        what = _("remove the repeated headline") if text.field == "headline" else _("remove the repeated description")
        return fix(Applicability.SAFE, [Edit(start, end, "")], what)


def _names(ctx: "CampaignContext") -> frozenset[str]:
    """Words written in capitals on purpose: brand, senders, offer codes, opt-outs, the voice's `accept`."""
    from ...language.capitals import exemptions_for

    exemptions = exemptions_for(ctx.campaign)
    return exemptions.names | exemptions.accepted


def gimmicky_spans(text: str, language: str, names: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of gimmicky capitals in ``text``: "capitals", "inner", "spaced"."""
    return list(_gimmicky_spans(text, language, names))


@memo.per_text(1024)
def _gimmicky_spans(text: str, language: str, names: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """:func:`gimmicky_spans`, memoised: R008 reads each asset, then T005 asks again of the
    assets where it finds shouting (R008 takes those findings over)."""
    from ...language.capitals import allowed_words, caps_key, shouting_runs

    allowed = allowed_words(language)
    skip = customizer_spans(text)
    found: list[tuple[int, int, str]] = []
    for start, end in shouting_runs(text, language, names, min_letters=2):
        words = [w for w in _WORD.findall(text[start:end]) if len(w) > data()["capitals"]["acronym_max_letters"]]
        # acronyms without a vowel (SNCF, PDF, VTT) are not gimmicks
        if any(_VOWELS & set(caps_key(w)) for w in words) and not inside(start, skip):
            found.append((start, end, "capitals"))
    (spaced,) = compiled("capitals", "spaced")
    for m in spaced.finditer(text):
        if not inside(m.start(), skip) and not any(s < m.end() and m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), "spaced"))
    trademarks = {t.casefold() for t in data()["capitals"]["trademarks"]}
    for m in _WORD.finditer(text):
        word = m.group()
        if not _may_have_inner_capital(word):
            continue  # every other test only keeps a word out
        if inside(m.start(), skip) or word.casefold() in trademarks or caps_key(word) in names:
            continue
        if caps_key(word) in allowed or any(s <= m.start() < e for s, e, _ in found):
            continue
        if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            found.append((m.start(), m.end(), "inner"))
    return tuple(sorted(found))


def _may_have_inner_capital(word: str) -> bool:
    """False only if no lower-case letter of ``word`` is followed by a capital: ``str.isupper``
    is false for any string holding a lower-case letter, ``str.islower`` for any holding a
    capital (or a title-case letter), so a word in capitals, or lower case after its first
    letter ("Livraison", "soldes"), has none."""
    return not (word.isupper() or word[1:].islower())


def _sentence_case(text: str, start: int, end: int, kind: str) -> str:
    piece = text[start:end]
    if kind == "spaced":
        piece = re.sub(r"[ .]", "", piece)
    piece = piece.lower()
    at_start = not text[:start].strip() or text[:start].rstrip()[-1:] in ".!?:"
    return piece[:1].upper() + piece[1:] if at_start else piece


class GimmickyCapitalisation(Rule):
    """Gimmicky capitals in a headline or description.

    A word of 2+ letters in capitals that is not an acronym (those listed in
    ``rules/<lang>/tone.toml``, or without a vowel: SNCF, PDF), the brand's
    name nor the offer code ("FREE", "GRATUIT"; words of 3 letters or fewer, and "KPIs", are read as acronyms);
    capitals inside a word ("FrEe", trademarks of ``rules/google_ads.toml``
    aside); letters spaced or dotted ("L I V R A I S O N", "F.R.E.E").  Title
    Case is allowed.  On these messages this rule takes over T005's findings
    for the words it reports.  The unsafe fix rewrites them in sentence case.
    """

    code = "R008"
    name = "gimmicky-capitalisation"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    pack = PACK
    source = "Google Ads policies, Editorial: gimmicky or unclear use of capitalisation"
    why = (
        "Google disapproves ads that use capitals as a gimmick (\"FREE\", \"L I V R A I S O N\", "
        "\"FrEe\"): the ad stops running. Title Case and real acronyms are fine."
    )
    example = 'message ads_noel {\n  channel google_ads\n  headline "LIVRAISON GRATUITE"\n}'
    correction = 'message ads_noel {\n  channel google_ads\n  headline "Livraison gratuite"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        names = _names(ctx)
        words = {"capitals": N_("{label} of ad `{message}`: {piece} is in capitals, which Google Ads disapproves; "
                                "write {new}"),
                 "inner": N_("{label} of ad `{message}`: {piece} has capitals inside the word, which Google Ads "
                             "disapproves; write {new}"),
                 "spaced": N_("{label} of ad `{message}`: {piece} spaces or dots its letters, which Google Ads "
                              "disapproves; write {new}")}
        for message in ads(ctx.campaign):
            for text in assets(message):
                for start, end, kind in gimmicky_spans(text.value, message.language, names):
                    piece = text.value[start:end]
                    new = _sentence_case(text.value, start, end, kind)
                    yield ctx.finding(
                        self, text.span_of(start, end),
                        _(words[kind]).format(label=field_label(message, text), message=message.name,
                                              piece=quote(piece), new=quote(new)),
                        fix=self._fix(ctx, text, start, end, new),
                    )

    @staticmethod
    def _fix(ctx: "CampaignContext", text: TextField, start: int, end: int, new: str):
        span = text.span_of(start, end)
        source = ctx.source(span.path)
        if source is None or source.text[span.start:span.end] != text.value[start:end]:
            return None
        return fix(Applicability.UNSAFE, [Edit(span.start, span.end, new)], _("write {text}").format(text=quote(new)))


def takes_over_shouting(ctx: Any, message: Message, text: TextField, start: int, end: int) -> bool:
    """T005's hook: on a `google_ads` headline or description where R008 runs and reports these
    words, T005 stays quiet (one finding, the platform's, not two)."""
    config = ctx.config
    if message.channel != CHANNEL or text.field not in ("headline", "description"):
        return False
    if not hasattr(config, "pack_enabled") or not config.pack_enabled(GimmickyCapitalisation, ctx.campaign):
        return False
    if not config.enabled("R008", GimmickyCapitalisation.name):
        return False
    spans = gimmicky_spans(text.value, message.language, _names(ctx))
    return any(s < end and start < e for s, e, _ in spans)


TAKEOVERS.setdefault("T005", []).append(takes_over_shouting)

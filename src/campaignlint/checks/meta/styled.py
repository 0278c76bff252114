"""W001: pseudo-bold, italic, script, full-width or circled letters."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Edit, Finding, Severity
from ...resources import load_toml
from ...rule import Rule, fix
from .._packs import field_label, quote

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

PACK = "meta"


@functools.cache
def _styled() -> tuple[tuple[tuple[int, int], ...], frozenset[str]]:
    data = load_toml("meta.toml")["styled"]
    ranges = tuple((int(low, 16), int(high, 16)) for low, high in data["ranges"])
    return ranges, frozenset(data["channels"])


@functools.cache
def _styled_letter() -> "re.Pattern":
    """One character of the styled ranges."""
    ranges, _channels = _styled()
    return re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]")


def styled_runs(text: str) -> list[tuple[int, int]]:
    """Runs of styled letters; words of them separated by spaces or punctuation make one run."""
    runs: list[tuple[int, int]] = []
    for m in _styled_letter().finditer(text):  # the styled characters, in order
        i = m.start()
        if runs and all(not c.isalnum() for c in text[runs[-1][1]:i]):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


class StyledUnicodeText(Rule):
    """Letters from Unicode's mathematical, full-width or circled letters ("𝐏𝐨𝐫𝐭𝐞𝐳", "Ｓｏｌｄｅｓ", "Ⓝⓞⓔⓛ").

    Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF: pseudo-bold, italic,
    script…), full-width Latin letters (U+FF21–FF5A) and enclosed letters
    (U+24B6–U+24E9), on `facebook`, `instagram`, `threads` and `meta_ads`
    (ranges and channels in ``rules/meta.toml``).  The safe fix writes the
    plain letters (Unicode NFKC).
    """

    code = "W001"
    name = "styled-unicode-text"
    severity = Severity.ERROR
    fix_applicability = (Applicability.SAFE,)
    pack = PACK
    source = ("W3C WAI and WCAG 2.2 success criterion 1.3.1 (Info and relationships); Unicode "
              "Mathematical Alphanumeric Symbols block; Meta Advertising Standards (characters used in "
              "non-standard ways)")
    why = (
        "\"Bold\" letters pasted from a font generator are not letters: screen readers spell "
        "them out one by one (\"mathematical bold capital P…\") or skip them, search and "
        "hashtags do not find them, and Meta's ad review rejects text that uses characters "
        "in non-standard ways."
    )
    example = 'message ig_story {\n  channel instagram\n  body "𝐏𝐨𝐫𝐭𝐞𝐳 la fête à vos proches."\n}'
    correction = 'message ig_story {\n  channel instagram\n  body "Portez la fête à vos proches."\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        _ranges, channels = _styled()
        for message in ctx.campaign.messages:
            if message.channel not in channels:
                continue
            for text in message.copy_texts():
                for start, end in styled_runs(text.value):
                    piece = text.value[start:end]
                    plain = unicodedata.normalize("NFKC", piece)
                    yield ctx.finding(
                        self, text.span_of(start, end),
                        _("{label} of message `{message}` writes {plain} in styled Unicode characters ({styled}): "
                          "screen readers and search cannot read them; write plain letters").format(
                            label=field_label(message, text), message=message.name, plain=quote(plain),
                            styled=quote(piece)),
                        fix=self._fix(ctx, text, start, end, plain),
                    )

    @staticmethod
    def _fix(ctx: "CampaignContext", text, start: int, end: int, plain: str):
        span = text.span_of(start, end)
        source = ctx.source(span.path)
        if source is None or source.text[span.start:span.end] != text.value[start:end]:
            return None
        return fix(Applicability.SAFE, [Edit(span.start, span.end, plain)],
                   _("write {text} in plain letters").format(text=quote(plain)))

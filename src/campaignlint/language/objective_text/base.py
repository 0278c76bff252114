"""The token cursor every reading pass shares: the tokens of one text, which
of them a claim has consumed, and how to look just before a token."""

from __future__ import annotations

import calendar
import datetime
import re

from .claims import DateClaim, ObjectiveClaims
from .tokens import tokenize
from .vocabulary import APOSTROPHES, PhraseSet, vocabulary


class TokenReader:
    """One text's tokens, the claims found so far and the tokens they consumed."""

    def __init__(self, text: str, language: str, reference: datetime.date):
        self.text = text
        self.v = vocabulary(language)
        self.ref = reference
        self.toks = tokenize(text, self.v)
        self.used = [False] * len(self.toks)
        self.claims = ObjectiveClaims(text=text, language=self.v.language)

    # -- helpers -----------------------------------------------------------
    def word(self, i: int) -> str:
        if 0 <= i < len(self.toks) and self.toks[i].kind == "word":
            return self.toks[i].norm
        return ""

    def words_before(self, i: int, count: int = 4) -> list[str]:
        """Up to ``count`` word norms just before token ``i`` (stopping at a
        sentence break), oldest first."""
        out: list[str] = []
        j = i - 1
        while j >= 0 and len(out) < count:
            t = self.toks[j]
            if t.kind == "word":
                out.append(t.norm)
            elif t.kind == "sym" and t.norm in ".;:!?()[]":
                break
            elif t.kind == "sym" and t.norm in APOSTROPHES + "-":
                pass
            else:
                break
            j -= 1
        return list(reversed(out))

    def phrase_before(self, phrases: PhraseSet, i: int, skip: frozenset[str] = frozenset()) -> int:
        """Length of a phrase of ``phrases`` ending just before token ``i``
        (skipping words of ``skip``); 0 when none."""
        words = self.words_before(i, 6)
        while words and words[-1] in skip:
            words.pop()
        if not words:
            return 0
        return phrases.ends_at(words, len(words) - 1)

    def span(self, a: int, b: int) -> tuple[int, int, str]:
        s, e = self.toks[a].start, self.toks[b].end
        return s, e, self.text[s:e]

    def mark(self, a: int, b: int) -> None:
        for k in range(a, b + 1):
            self.used[k] = True

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and not self.used[i]

    def year_at(self, i: int) -> int | None:
        t = self.toks[i] if 0 <= i < len(self.toks) else None
        if t and t.kind == "num" and t.plain and t.value is not None and 1990 <= t.value <= 2100 and len(t.norm) == 4:
            return int(t.value)
        if t and t.kind == "word" and re.fullmatch(r"fy(\d{2}|\d{4})", t.norm):
            y = int(t.norm[2:])
            return 2000 + y if y < 100 else y
        return None

    def infer_year(self, month: int, day: int | None) -> int:
        """The first year in which the date falls on or after the reference."""
        year = self.ref.year
        last = day or calendar.monthrange(year, month)[1]
        if datetime.date(year, month, min(last, calendar.monthrange(year, month)[1])) < self.ref:
            year += 1
        return year

    def role(self, i: int, bare_year: bool = False) -> str:
        fillers = self.v.fillers | {"le", "la", "l", "the", "en", "in"}
        if self.phrase_before(self.v.comparison, i, fillers):
            return "reference"
        if bare_year and self.phrase_before(self.v.year_comparison, i, fillers):
            return "reference"
        if self.phrase_before(self.v.start_words, i, fillers - {"du"}):
            return "start"
        return "deadline"

    def add_date(self, a: int, b: int, earliest: datetime.date, latest: datetime.date, bare_year: bool = False) -> None:
        s, e, t = self.span(a, b)
        self.claims.dates.append(DateClaim(s, e, t, latest, earliest, self.role(a, bare_year)))
        self.mark(a, b)

"""Reading an objective's text: the passes, in order (dates before the numbers
they contain, durations before plain numbers)."""

from __future__ import annotations

import datetime

from .claims import ObjectiveClaims, TermClaim
from .dates import DateReading
from .quantities import QuantityReading


class ObjectiveTextReader(DateReading, QuantityReading):
    """All the passes over one text; :meth:`read` runs them."""

    def read(self) -> ObjectiveClaims:
        self.read_vague_verbs()
        self.read_numeric_dates()
        self.read_quarters()
        self.read_day_month()
        self.read_months()
        self.read_phrases()
        self.read_years()
        self.read_durations()
        self.read_multipliers()
        self.read_percents()
        self.read_numbers()
        for lst in (
            self.claims.dates,
            self.claims.durations,
            self.claims.numbers,
            self.claims.percents,
            self.claims.multipliers,
        ):
            lst.sort(key=lambda c: c.start)
        return self.claims

    def read_vague_verbs(self) -> None:
        idx = [k for k, t in enumerate(self.toks) if t.kind == "word"]
        words = [self.toks[k].norm for k in idx]
        p = 0
        while p < len(words):
            n = self.v.vague.match_at(words, p)
            if n:
                s, e = self.toks[idx[p]].start, self.toks[idx[p + n - 1]].end
                self.claims.vague_verbs.append(TermClaim(s, e, self.text[s:e]))
                p += n
            else:
                p += 1


def read_objective_text(text: str, language: str, reference_date: datetime.date | None = None) -> ObjectiveClaims:
    """Find the measures and the time frame stated by an objective's text.

    ``language`` picks the vocabulary (``fr``, ``en``; others fall back to
    English).  ``reference_date`` — normally the campaign's first day — gives
    the year of a date written without one ("d'ici le 15 octobre", "by June
    30"): the first such day on or after the reference date.  Without it,
    today's date is used.
    """
    reference = reference_date or datetime.date.today()
    return ObjectiveTextReader(text, language, reference).read()

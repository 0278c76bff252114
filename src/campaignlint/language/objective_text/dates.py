"""The date passes: ISO and numeric dates, quarters and semesters, "31 mai",
"fin juin", named days and seasons ("avant Noël"), years ("vs 2026")."""

from __future__ import annotations

import calendar
import datetime
import re

from .base import TokenReader
from .vocabulary import APOSTROPHES


class DateReading(TokenReader):
    """Finds the dates of the text (each a range of days, with its role)."""

    def read_numeric_dates(self) -> None:
        for i, t in enumerate(self.toks):
            if t.kind == "date" and t.date:
                self.add_date(i, i, t.date, t.date)
            elif t.kind == "slashdate":
                parts = [int(x) for x in re.split(r"[/.]", t.norm)]
                if len(parts) == 2 and t.norm in ("24/7",):
                    t.kind = "word"
                    continue
                a, b = parts[0], parts[1]
                day, month = (b, a) if self.v.language == "en" and a <= 12 and b > 12 else (a, b)
                if self.v.language == "en" and a <= 12 and b <= 31 and b > 12:
                    day, month = b, a
                elif self.v.language == "en" and a <= 12 and b <= 12:
                    day, month = b, a  # US order in English
                if not (1 <= month <= 12):
                    t.kind = "word"
                    continue
                if len(parts) == 3:
                    year = parts[2] + (2000 if parts[2] < 100 else 0)
                else:
                    year = self.infer_year(month, day)
                try:
                    d = datetime.date(year, month, day)
                except ValueError:
                    t.kind = "word"
                    continue
                self.add_date(i, i, d, d)

    def read_quarters(self) -> None:
        v = self.v
        for i, t in enumerate(self.toks):
            if self.used[i] or t.kind not in ("word", "num"):
                continue
            kind = None
            index = 0
            last = i
            first = i
            if t.kind == "word" and (m := v.quarter_re.match(t.norm)):
                kind, index = "q", int(m.group(1))
            elif t.kind == "word" and (m := v.semester_re.match(t.norm)):
                kind, index = "s", int(m.group(1))
            else:
                ordv = None
                if t.kind == "num" and t.ordinal and t.value is not None:
                    ordv = int(t.value)
                elif t.kind == "word" and t.norm in v.ordinals:
                    ordv = v.ordinals[t.norm]
                if ordv is not None and i + 1 < len(self.toks):
                    nw = self.word(i + 1)
                    if nw in v.quarter_words and 1 <= ordv <= 4:
                        kind, index, last = "q", ordv, i + 1
                    elif nw in v.semester_words and 1 <= ordv <= 2:
                        kind, index, last = "s", min(ordv, 2), i + 1
                    # "the first half" in English: index 4 for "last" → 2
                    if kind == "s" and t.norm in ("last", "dernier"):
                        index = 2
                if kind is None:
                    continue
            # optional year: "T3 2027", "Q3 of 2027", "du T3 2027"
            year = None
            j = last + 1
            while j < len(self.toks) and (
                self.word(j) in v.fillers or (self.toks[j].kind == "sym" and self.toks[j].norm in "-'’/")
            ):
                j += 1
            if j < len(self.toks) and (y := self.year_at(j)) is not None:
                year, last = y, j
            months = 3 if kind == "q" else 6
            end_month = index * months
            start_month = end_month - months + 1
            if year is None:
                year = self.infer_year(end_month, None)
            earliest = datetime.date(year, start_month, 1)
            latest = datetime.date(year, end_month, calendar.monthrange(year, end_month)[1])
            # "fin T3", "end of Q3": the whole quarter stays acceptable
            self.add_date(first, last, earliest, latest)

    def _month_tok(self, i: int) -> int | None:
        t = self.toks[i] if 0 <= i < len(self.toks) else None
        if t is None or t.kind != "word" or self.used[i]:
            return None
        return self.v.months.get(t.norm)

    def _day_tok(self, i: int) -> int | None:
        t = self.toks[i] if 0 <= i < len(self.toks) else None
        if t is None or self.used[i]:
            return None
        if (
            t.kind == "num"
            and t.value is not None
            and t.value == t.value.to_integral_value()
            and 1 <= t.value <= 31
            and (t.plain or t.ordinal or not t.digits)
        ):
            return int(t.value)
        if t.kind == "word" and t.norm in self.v.ordinals and self.v.ordinals[t.norm] == 1:
            return 1
        return None

    def _year_after(self, j: int) -> tuple[int | None, int]:
        k = j
        if k < len(self.toks) and self.toks[k].kind == "sym" and self.toks[k].norm == ",":
            k += 1
        y = self.year_at(k) if k < len(self.toks) else None
        return (y, k) if y is not None else (None, j - 1)

    def _make_date(self, year: int | None, month: int, day: int) -> datetime.date | None:
        if year is None:
            year = self.infer_year(month, day)
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None

    def read_day_month(self) -> None:
        i = 0
        while i < len(self.toks):
            # "31 mai 2027", "1er juin", "30 June 2027"
            day = self._day_tok(i)
            if day is not None and (month := self._month_tok(i + 1)) is not None:
                year, last = self._year_after(i + 2)
                last = max(last, i + 1)
                d = self._make_date(year, month, day)
                if d:
                    self.add_date(i, last, d, d)
                    i = last + 1
                    continue
            # "June 30", "June 30th, 2027"
            month = self._month_tok(i)
            if month is not None and (day := self._day_tok(i + 1)) is not None and self.year_at(i + 1) is None:
                year, last = self._year_after(i + 2)
                last = max(last, i + 1)
                d = self._make_date(year, month, day)
                if d:
                    self.add_date(i, last, d, d)
                    i = last + 1
                    continue
            i += 1

    def read_months(self) -> None:
        v = self.v
        for i in range(len(self.toks)):
            month = self._month_tok(i)
            if month is None:
                continue
            # a modifier before: "fin juin", "mi-juin", "end of March", "fin d'avril"
            j = i - 1
            while j >= 0 and (
                self.toks[j].kind == "sym" and self.toks[j].norm in "-" + APOSTROPHES or self.word(j) in v.fillers
            ):
                j -= 1
            mode = "whole"
            first = i
            if j >= 0 and self.toks[j].kind == "word":
                words = self.words_before(j + 1, 4)
                n = v.modifier_set.ends_at(words, len(words) - 1) if words else 0
                if n:
                    mode = v.modifiers.get(tuple(words[-n:]), "whole")
                    first = j
                    k = j
                    # extend the span over a multi-word modifier
                    cnt = 1
                    while cnt < n and k > 0:
                        k -= 1
                        if self.toks[k].kind == "word":
                            cnt += 1
                    first = k
            year, last = self._year_after(i + 1)
            last = max(last, i)
            if self.toks[i].norm in v.ambiguous_months and year is None and first == i:
                if not self.phrase_before(v.date_preps, i):
                    continue
                # an ambiguous month name must be capitalised in English ("by May")
                if v.language == "en" and not self.text[self.toks[i].start].isupper():
                    continue
            if year is None:
                year = self.infer_year(month, None)
            end_day = calendar.monthrange(year, month)[1]
            lo, hi = {"end": (21, end_day), "mid": (10, 20), "early": (1, 10)}.get(mode, (1, end_day))
            self.add_date(first, last, datetime.date(year, month, lo), datetime.date(year, month, hi))

    def read_phrases(self) -> None:
        v = self.v
        idx = [k for k, t in enumerate(self.toks) if t.kind == "word" and not self.used[k]]
        words = [self.toks[k].norm for k in idx]
        p = 0
        while p < len(words):
            n_event = v.event_set.match_at(words, p)
            n_phrase = v.date_phrase_set.match_at(words, p)
            n = max(n_event, n_phrase)
            if not n or not self._contiguous(idx[p : p + n]):
                p += 1
                continue
            a, b = idx[p], idx[p + n - 1]
            year, last = self._year_after(b + 1)
            key = tuple(words[p : p + n])
            if n_event >= n_phrase:
                # "spring collection", "soldes d'été": a season or a day names a
                # date only after a date word ("avant Noël", "by Black Friday")
                if not (self.phrase_before(v.date_preps, a, v.fillers) or self.role(a) != "deadline"):
                    p += 1
                    continue
                rng = self._event_range(v.events[key], year)
            else:
                rng = self._phrase_range(v.date_phrases[key], year)
            if rng is None:
                p += 1
                continue
            self.add_date(a, max(b, last), rng[0], rng[1])
            p += n
        return

    def _contiguous(self, positions: list[int]) -> bool:
        """Words separated only by apostrophes or hyphens ("fin de l'année")."""
        for a, b in zip(positions, positions[1:]):
            for k in range(a + 1, b):
                t = self.toks[k]
                if not (t.kind == "sym" and t.norm in APOSTROPHES + "-"):
                    return False
        return True

    def _phrase_range(self, kind: str, year: int | None) -> tuple[datetime.date, datetime.date] | None:
        ref = self.ref
        if kind == "year_end_if_year":
            if year is None:
                return None
            kind = "year_end"
        y = year or ref.year
        if kind == "year_end":
            return datetime.date(y, 12, 1), datetime.date(y, 12, 31)
        if kind == "this_year":
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        if kind in ("quarter_end", "this_quarter"):
            q = (ref.month - 1) // 3
            end_m = q * 3 + 3
            end = datetime.date(ref.year, end_m, calendar.monthrange(ref.year, end_m)[1])
            return (
                datetime.date(ref.year, end_m - 2, 1) if kind == "this_quarter" else end - datetime.timedelta(days=14)
            ), end
        if kind in ("month_end", "this_month"):
            end = datetime.date(ref.year, ref.month, calendar.monthrange(ref.year, ref.month)[1])
            return (
                datetime.date(ref.year, ref.month, 1) if kind == "this_month" else end - datetime.timedelta(days=9)
            ), end
        return None

    def _event_range(self, spec: str, year: int | None) -> tuple[datetime.date, datetime.date] | None:
        def one(part: str, y: int) -> datetime.date:
            if "/" in part:
                m, wd, nth, off = part.split("/")
                weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(wd)
                first = datetime.date(y, int(m), 1)
                delta = (weekday - first.weekday()) % 7
                return first + datetime.timedelta(days=delta + 7 * (int(nth) - 1) + int(off))
            m, d = part.split("-")
            return datetime.date(y, int(m), int(d))

        def rng(y: int) -> tuple[datetime.date, datetime.date]:
            if ".." in spec:
                a, b = spec.split("..")
                lo, hi = one(a, y), one(b, y)
                if hi < lo:
                    hi = one(b, y + 1)
                return lo, hi
            d = one(spec, y)
            return d, d

        if year is not None:
            return rng(year)
        lo, hi = rng(self.ref.year)
        if hi < self.ref:
            lo, hi = rng(self.ref.year + 1)
        return lo, hi

    def read_years(self) -> None:
        v = self.v
        for i, t in enumerate(self.toks):
            if self.used[i]:
                continue
            y = self.year_at(i)
            if y is None:
                continue
            is_fy = t.kind == "word"
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if nxt is not None and nxt.kind == "sym" and nxt.norm in "%€$£":
                continue
            if nxt is not None and nxt.kind == "word" and (nxt.norm in v.currency_words or nxt.norm in v.units):
                continue
            role = self.role(i, bare_year=True)
            if role == "deadline" and not is_fy and not self.phrase_before(v.date_preps, i):
                continue  # "2000 abonnés": a number, not a year
            self.add_date(i, i, datetime.date(y, 1, 1), datetime.date(y, 12, 31), bare_year=True)

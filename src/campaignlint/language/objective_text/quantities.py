"""The quantity passes: durations ("en trois mois"), multipliers ("doubler",
"x3"), percentages and points with their direction, plain numbers and amounts."""

from __future__ import annotations

import re
from decimal import Decimal

from .base import TokenReader
from .claims import DurationClaim, NumberClaim, PercentClaim
from .vocabulary import fold_aligned


class QuantityReading(TokenReader):
    """Finds the durations, multipliers, percentages and numbers of the text."""

    def read_durations(self) -> None:
        v = self.v
        toks = self.toks
        for i, t in enumerate(toks):
            if self.used[i]:
                continue
            # "30j", "90d", "48h" glued
            if t.kind == "num" and t.duration_unit:
                self._add_duration(i, i, t.value or Decimal(0), t.duration_unit, next_word=False)
                continue
            if t.kind != "word" or t.norm not in v.units:
                continue
            unit = v.units[t.norm]
            # amount before the unit: "3 mois", "trois mois", "6-week", "3 prochains mois"
            j = i - 1
            has_next = False
            while j >= 0 and toks[j].kind == "sym" and toks[j].norm == "-" and toks[j].end == toks[j + 1].start:
                j -= 1
            # "les 3 prochains mois"
            k = j
            while (
                k >= 0
                and toks[k].kind == "word"
                and v.next_words.ends_at(self.words_before(k + 1, 2), len(self.words_before(k + 1, 2)) - 1)
            ):
                has_next = True
                k -= 1
            amount: Decimal | None = None
            first = i
            if (
                k >= 0
                and self.free(k)
                and toks[k].kind == "num"
                and toks[k].value is not None
                and not toks[k].ordinal
                and not toks[k].duration_unit
            ):
                amount, first = toks[k].value, k
            elif k >= 0 and toks[k].kind == "word" and toks[k].norm in v.one_words:
                amount, first = Decimal(1), k
            elif has_next:
                amount, first = Decimal(1), j
            # "next" before the amount: "the next 90 days", "next quarter"
            if amount is not None and first > 0:
                nb = self.words_before(first, 2)
                if nb and v.next_words.ends_at(nb, len(nb) - 1):
                    has_next = True
            # "le mois prochain", "l'année prochaine"
            last = i
            if (
                amount is None
                and i + 1 < len(toks)
                and v.next_words.match_at([w.norm if w.kind == "word" else "" for w in toks[i + 1 : i + 3]], 0)
            ):
                amount, has_next, last = Decimal(1), True, i + 1
            if amount is None or amount <= 0:
                continue
            if unit == "years" and self._age_range(first, last):
                continue
            self._add_duration(first, last, amount, unit, next_word=has_next)

    def _age_range(self, first: int, last: int) -> bool:
        """ "les 25-35 ans", "18-24 years old": an age range, neither a measure
        nor a time frame (its tokens are consumed)."""
        toks = self.toks
        k = first - 1
        is_range = (
            k >= 1
            and toks[k].kind == "sym"
            and toks[k].norm in "-–/"
            and toks[k - 1].kind == "num"
            and not self.used[k - 1]
        )
        is_old = self.word(last + 1) == "old"
        if not (is_range or is_old):
            return False
        self.mark(k - 1 if is_range else first, last + 1 if is_old else last)
        return True

    def _add_duration(self, a: int, b: int, amount: Decimal, unit: str, next_word: bool) -> None:
        if unit == "quarters":
            amount, unit = amount * 3, "months"
        elif unit == "semesters":
            amount, unit = amount * 6, "months"
        skip = self.v.skip_words
        framed = next_word or bool(self.phrase_before(self.v.frame, a, skip))
        if not framed:
            # "sur les 3 prochains mois" / "in the next 6 weeks": the frame word before "next"
            words = self.words_before(a, 3)
            framed = any(self.v.next_words.match_at(words, q) for q in range(len(words)))
        s, e, text = self.span(a, b)
        self.claims.durations.append(DurationClaim(s, e, text, amount, unit, framed))  # type: ignore[arg-type]
        self.mark(a, b)

    def read_multipliers(self) -> None:
        v = self.v
        toks = self.toks
        for i, t in enumerate(toks):
            if self.used[i]:
                continue
            value: Decimal | None = None
            first = last = i
            if t.kind == "word" and t.norm in v.mult_verbs:
                value = Decimal(v.mult_verbs[t.norm])
            elif t.kind == "word" and t.norm in v.ambiguous_mult:
                nxt = self.word(i + 1)
                after_ok = nxt in v.verb_after and not (i + 1 < len(toks) and toks[i + 1].start == t.end)
                before = self.words_before(i, 3)
                before_ok = not before or bool(v.verb_before.ends_at(before, len(before) - 1))
                if nxt in v.not_multiplier_after:
                    continue  # "double down", "double opt-in", "triple-check"
                if (
                    after_ok
                    or before_ok
                    and not (i + 1 < len(toks) and toks[i + 1].kind == "sym" and toks[i + 1].norm == "-")
                ):
                    value = Decimal(v.ambiguous_mult[t.norm])
            elif t.kind == "word" and (m := re.fullmatch(r"[x×](\d+(?:[.,]\d+)?)", t.norm)):
                value = Decimal(m.group(1).replace(",", "."))
            elif t.kind == "num" and t.multiplier:
                value = t.value
            elif (
                t.kind == "sym"
                and t.norm in "x×"
                and i + 1 < len(toks)
                and toks[i + 1].kind == "num"
                and self.free(i + 1)
            ):
                value, last = toks[i + 1].value, i + 1
            elif t.kind == "word":
                words = [w.norm if w.kind == "word" else "\0" for w in toks[i : i + 6]]
                n = v.multiply.match_at(words, 0)
                d = v.divide.match_at(words, 0)
                h = v.halves.match_at(words, 0)
                if (n or d) and i + max(n, d) < len(toks):
                    k = i + max(n, d)
                    num = toks[k]
                    if num.kind == "num" and num.value and self.free(k) and words[0] not in ("x",):
                        value = num.value if n >= d else Decimal(1) / num.value
                        last = k
                    elif words[0] == "x" and num.kind == "num" and num.value and num.start == t.end + 1:
                        value, last = num.value, k
                elif h:
                    value, last = Decimal("0.5"), i + h - 1
            elif (
                t.kind == "num"
                and t.value
                and not t.ordinal
                and i + 1 < len(toks)
                and self.word(i + 1) in v.times_words
            ):
                words = [w.norm if w.kind == "word" else "\0" for w in toks[i + 2 : i + 5]]
                n = v.times_after.match_at(words, 0)
                if n:
                    value, last = t.value, i + 1 + n
            if value is None or value <= 0:
                continue
            s, e, text = self.span(first, last)
            self.claims.multipliers.append(NumberClaim(s, e, text, value))
            self.mark(first, last)

    def _direction(self, a: int, b: int) -> str | None:
        v = self.v
        # words after: "20 % de hausse", "20% growth", "20% more", "20 % de moins"
        after = []
        for k in range(b + 1, min(b + 6, len(self.toks))):
            if self.toks[k].kind != "word":
                break
            after.append(self.toks[k].norm)
        for q in range(len(after)):
            if after[q] in ("de", "of", "d", "en"):
                continue
            if v.increase.match_at(after, q):
                return "+"
            if v.decrease.match_at(after, q):
                return "-"
            break
        # "20 % de ventes en plus"
        for q in range(len(after)):
            if v.after_increase.match_at(after, q):
                return "+"
            if v.after_decrease.match_at(after, q):
                return "-"
        # nearest direction word before, within the clause
        words = self.words_before(a, 10)
        for q in range(len(words) - 1, -1, -1):
            if v.decrease.match_at(words, q):
                return "-"
            if v.increase.match_at(words, q):
                return "+"
        return None

    def read_percents(self) -> None:
        v = self.v
        toks = self.toks
        for i, t in enumerate(toks):
            if self.used[i] or t.kind != "num" or t.value is None or t.ordinal:
                continue
            last = None
            unit = "%"
            if (
                i + 1 < len(toks)
                and toks[i + 1].kind == "sym"
                and toks[i + 1].norm in "%٪"
                and toks[i + 1].start - t.end <= 1
            ):
                last = i + 1
            else:
                # "pour cent": "cent" may have been read as a number word
                words = [
                    w.norm if w.kind == "word" else fold_aligned(w.norm) if w.kind == "num" and not w.digits else "\0"
                    for w in toks[i + 1 : i + 4]
                ]
                if n := v.percent_words.match_at(words, 0):
                    last = i + n
                elif n := v.point_words.match_at(words, 0):
                    last, unit = i + n, "pt"
            if last is None:
                continue
            first = i
            direction = None
            signed = False
            if i > 0 and toks[i - 1].kind == "sym" and toks[i - 1].norm in "+-−–" and toks[i - 1].end == t.start:
                before = self.text[toks[i - 1].start - 1] if toks[i - 1].start > 0 else " "
                if not before.isalnum():
                    first = i - 1
                    signed = True
                    direction = "+" if toks[i - 1].norm == "+" else "-"
            if direction is None:
                direction = self._direction(first, last)
            s, e, text = self.span(first, last)
            claim = PercentClaim(s, e, text, t.value, direction, unit, signed)  # type: ignore[arg-type]
            self.claims.percents.append(claim)
            self.mark(first, last)

    def read_numbers(self) -> None:
        v = self.v
        toks = self.toks
        for i, t in enumerate(toks):
            if self.used[i] or t.kind != "num" or t.value is None or t.weak:
                continue
            first = last = i
            currency = None
            if (
                i > 0
                and toks[i - 1].kind == "sym"
                and toks[i - 1].norm in v.currency_symbols
                and toks[i - 1].end == t.start
            ):
                currency, first = v.currency_symbols[toks[i - 1].norm], i - 1
            if i + 1 < len(toks):
                nxt = toks[i + 1]
                if nxt.kind == "sym" and nxt.norm in v.currency_symbols and nxt.start - t.end <= 1:
                    currency, last = v.currency_symbols[nxt.norm], i + 1
                elif nxt.kind == "word" and nxt.norm in v.currency_words and nxt.start - t.end <= 1:
                    currency, last = v.currency_words[nxt.norm], i + 1
            if (
                i > 0
                and toks[i - 1].kind == "sym"
                and toks[i - 1].norm in "+-−–"
                and toks[i - 1].end == t.start
                and first == i
            ):
                before = self.text[toks[i - 1].start - 1] if toks[i - 1].start > 0 else " "
                if not before.isalnum():
                    first = i - 1
            s, e, text = self.span(first, last)
            self.claims.numbers.append(NumberClaim(s, e, text, t.value, currency))
            self.mark(first, last)

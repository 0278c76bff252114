"""Reading an objective's free text: what it measures and when (rules O007, O008).

``read_objective_text`` finds, in the text a team wrote for an objective
("Augmenter les abonnés Instagram de 20 % en trois mois", "Reach 400 trial
sign-ups by June 30"), the quantities and the time frame it states:

* ``numbers``   plain quantities ("1 500 ventes", "10k", "50 000 €", "quinze");
* ``percents``  percentages and percentage points, with the direction the text
  gives them ("+15 %", "réduire le churn de 10 %" → ``-``);
* ``multipliers`` "doubler" = 2, "x3", "multiplier par quatre", "de moitié" = 0.5;
* ``durations`` "en trois mois", "within 6 weeks", "over the next quarter" (3
  months); each says whether it is *framed* as the objective's time frame (after
  "en", "sur", "within", "over", "next" …) or merely describes something ("a
  14-day trial");
* ``dates``     "avant le 31 mai 2027", "d'ici fin juin", "by EOY", "in Q3"; each
  is a range of days (``earliest`` .. ``value``: "in Q3" is 1 July .. 30 September)
  and a role: ``deadline``, ``start`` ("à partir du 1er mars") or ``reference``
  ("+15 % vs 2026");
* ``vague_verbs`` the announcing verbs found ("augmenter", "boost").

A number that belongs to a date, a duration or a compared year is not a
measure.  All spans are ``str`` indices into the given text, end-exclusive.

``compare_with_attributes`` then checks the text against the objective's
attributes and returns only real contradictions (see its docstring for the
tolerances).

The vocabulary (number words, months, units, verbs, …) is rule data:
``rules/<language>/objectives.toml``; a language without such a file is read
with the English vocabulary.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Iterable, Literal

from campaignlint.resources import load_toml, rules_path

__all__ = [
    "Claim",
    "PercentClaim",
    "DurationClaim",
    "DateClaim",
    "TermClaim",
    "ObjectiveClaims",
    "Quantity",
    "Contradiction",
    "read_objective_text",
    "compare_with_attributes",
    "DURATION_TOLERANCE_DAYS",
    "DURATION_TOLERANCE_RATIO",
]

# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Claim:
    """A quantity stated in the text: ``text[start:end]`` says ``value``."""

    start: int
    end: int
    text: str
    value: Decimal
    currency: str | None = None


@dataclass(frozen=True)
class PercentClaim:
    """A percentage ("20 %") or a number of percentage points ("+5 pts").

    ``direction`` is ``"+"`` or ``"-"`` when the text says the metric goes up or
    down (an explicit sign, or a word such as "augmenter", "réduire", "growth"),
    else ``None`` (a level: "un taux d'ouverture de 25 %").
    """

    start: int
    end: int
    text: str
    value: Decimal
    direction: Literal["+", "-"] | None = None
    unit: Literal["%", "pt"] = "%"
    signed: bool = False


@dataclass(frozen=True)
class DurationClaim:
    """A duration: ``amount`` ``unit`` (days, weeks, months, years or hours).

    Quarters and semesters are given in months.  ``framed`` is true when the
    words around make it the objective's time frame ("en trois mois", "within
    6 weeks", "the next 90 days"), false for a descriptive duration ("our
    14-day trial").
    """

    start: int
    end: int
    text: str
    amount: Decimal
    unit: Literal["days", "weeks", "months", "years", "hours"]
    framed: bool = True

    @property
    def value(self) -> tuple[Decimal, str]:
        return (self.amount, self.unit)

    @property
    def approx_days(self) -> float:
        return float(self.amount) * _UNIT_DAYS[self.unit]


@dataclass(frozen=True)
class DateClaim:
    """A date or a span of days named by the text.

    ``value`` is the last day meant ("fin juin" → 30 June, "in Q3" → 30
    September), ``earliest`` the first (a precise date has both equal).
    ``role`` is ``deadline``, ``start`` (after "à partir du", "from") or
    ``reference`` (after "vs", "par rapport à", "than": a point of comparison).
    """

    start: int
    end: int
    text: str
    value: datetime.date
    earliest: datetime.date
    role: Literal["deadline", "start", "reference"] = "deadline"


@dataclass(frozen=True)
class TermClaim:
    """A word or phrase of a vocabulary list found in the text."""

    start: int
    end: int
    text: str


@dataclass
class ObjectiveClaims:
    """Everything measurable or datable found in an objective's text."""

    text: str
    language: str
    numbers: list[Claim] = field(default_factory=list)
    percents: list[PercentClaim] = field(default_factory=list)
    multipliers: list[Claim] = field(default_factory=list)
    durations: list[DurationClaim] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    vague_verbs: list[TermClaim] = field(default_factory=list)

    @property
    def has_measure(self) -> bool:
        """A number, percent or multiplier that is not part of a date or duration."""
        return bool(self.numbers or self.percents or self.multipliers)

    @property
    def has_time_frame(self) -> bool:
        """A framed duration, or a date that is not a mere point of comparison."""
        return any(d.framed for d in self.durations) or any(
            d.role != "reference" for d in self.dates
        )

    @property
    def is_vague(self) -> bool:
        """Nothing in the text can be measured or dated (rule O007)."""
        return not self.has_measure and not self.has_time_frame


@dataclass(frozen=True)
class Quantity:
    """An attribute value to compare with the text (``target``, ``baseline``).

    ``kind`` is ``number``, ``percent`` or ``money``; ``signed`` is true for a
    value written with a sign (``+20%``: a change relative to the baseline).
    """

    kind: Literal["number", "percent", "money"]
    value: Decimal
    signed: bool = False
    currency: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """The text says one thing, an attribute another (rule O008)."""

    kind: Literal["percent", "number", "multiplier", "duration", "date"]
    attribute: Literal["target", "baseline", "within", "deadline"]
    start: int
    end: int
    text_value: str
    attribute_value: str
    message: str


# ---------------------------------------------------------------------------
# Vocabulary

_UNIT_DAYS = {"days": 1.0, "weeks": 7.0, "months": 30.4375, "years": 365.25, "hours": 1 / 24}

_APOSTROPHES = "'’‘`´ʼ"


def _fold(text: str) -> str:
    """Lower-case and strip accents, keeping one character per character."""
    out = []
    for ch in text:
        low = ch.lower()
        if len(low) != 1:
            low = ch
        decomposed = unicodedata.normalize("NFD", low)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else low)
    return "".join(out)


def _norm_phrase(phrase: str) -> tuple[str, ...]:
    """Normalise a vocabulary entry into a tuple of folded words."""
    folded = _fold(phrase)
    for ch in _APOSTROPHES + "-":
        folded = folded.replace(ch, " ")
    return tuple(folded.split())


class _PhraseSet:
    """Phrases (tuples of words), some ending in ``*`` (prefix on the last word)."""

    def __init__(self, entries: Iterable[str]):
        self.exact: dict[tuple[str, ...], str] = {}
        self.prefix: list[tuple[tuple[str, ...], str]] = []
        self.max_len = 1
        for entry in entries:
            words = _norm_phrase(entry)
            if not words:
                continue
            self.max_len = max(self.max_len, len(words))
            if words[-1].endswith("*"):
                self.prefix.append((words[:-1] + (words[-1][:-1],), entry))
            else:
                self.exact[words] = entry

    def match_at(self, words: list[str], i: int) -> int:
        """Length (in words) of the longest phrase starting at ``words[i]``, or 0."""
        best = 0
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in self.exact:
                best = n
                break
        for pat, _ in self.prefix:
            n = len(pat)
            if n > best and i + n <= len(words):
                if tuple(words[i : i + n - 1]) == pat[:-1] and words[i + n - 1].startswith(pat[-1]):
                    best = n
        return best

    def ends_at(self, words: list[str], j: int) -> int:
        """Length of the longest phrase ending at ``words[j]`` (inclusive), or 0."""
        for n in range(min(self.max_len, j + 1), 0, -1):
            if self.match_at(words[j - n + 1 : j + 1], 0) == n:
                return n
        return 0


@dataclass
class _Vocab:
    language: str
    decimal: str
    vague: _PhraseSet
    number_words: dict[str, int]
    scale_words: dict[str, int]
    weak: frozenset[str]
    connectors: frozenset[str]
    one_words: frozenset[str]
    approximate: dict[str, int]
    ordinals: dict[str, int]
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    date_preps: _PhraseSet
    start_words: _PhraseSet
    comparison: _PhraseSet
    year_comparison: _PhraseSet
    modifiers: dict[tuple[str, ...], str]
    modifier_set: _PhraseSet
    fillers: frozenset[str]
    quarter_re: re.Pattern
    semester_re: re.Pattern
    quarter_words: frozenset[str]
    semester_words: frozenset[str]
    date_phrases: dict[tuple[str, ...], str]
    date_phrase_set: _PhraseSet
    events: dict[tuple[str, ...], str]
    event_set: _PhraseSet
    units: dict[str, str]
    duration_suffixes: dict[str, str]
    frame: _PhraseSet
    next_words: _PhraseSet
    skip_words: frozenset[str]
    mult_verbs: dict[str, int]
    ambiguous_mult: dict[str, int]
    verb_before: _PhraseSet
    verb_after: frozenset[str]
    not_multiplier_after: frozenset[str]
    multiply: _PhraseSet
    divide: _PhraseSet
    halves: _PhraseSet
    times_words: frozenset[str]
    times_after: _PhraseSet
    increase: _PhraseSet
    decrease: _PhraseSet
    after_increase: _PhraseSet
    after_decrease: _PhraseSet
    percent_words: _PhraseSet
    point_words: _PhraseSet
    currency_words: dict[str, str]
    currency_symbols: dict[str, str]
    scale_suffixes: dict[str, int]
    ordinal_suffixes: frozenset[str]


def _fold_keys(table: dict) -> dict:
    return {" ".join(_norm_phrase(k)): v for k, v in table.items()}


@functools.cache
def _vocab(language: str) -> _Vocab:
    lang = language.lower().split("-")[0].split("_")[0] if language else "en"
    if not rules_path(lang, "objectives.toml").is_file():
        lang = "en"
    data = load_toml(lang, "objectives.toml")
    ds = data["date_settings"]
    ns = data["number_settings"]
    du = data["durations"]
    mu = data["multipliers"]
    un = data["units"]
    qp = "|".join(re.escape(p) for p in ds["quarter_prefixes"])
    sp = "|".join(re.escape(p) for p in ds["semester_prefixes"])
    return _Vocab(
        language=lang,
        decimal=data.get("decimal_separator", "."),
        vague=_PhraseSet(data["vague_verbs"]),
        number_words=_fold_keys(data["number_words"]),
        scale_words=_fold_keys(data["scale_words"]),
        weak=frozenset(_fold(w) for w in ns["weak"]),
        connectors=frozenset(_fold(w) for w in ns["connectors"]),
        one_words=frozenset(_fold(w) for w in ns["one_words"]),
        approximate=_fold_keys(ns.get("approximate", {})),
        ordinals=_fold_keys(data["ordinals"]),
        months=_fold_keys(data["months"]),
        ambiguous_months=frozenset(_fold(w) for w in ds["ambiguous_months"]),
        date_preps=_PhraseSet(ds["date_prepositions"]),
        start_words=_PhraseSet(ds["start_words"]),
        comparison=_PhraseSet(ds["comparison_words"]),
        year_comparison=_PhraseSet(ds.get("year_comparison_words", [])),
        modifiers={_norm_phrase(k): v for k, v in ds["modifiers"].items()},
        modifier_set=_PhraseSet(ds["modifiers"].keys()),
        fillers=frozenset(_fold(w) for w in ds["fillers"]),
        quarter_re=re.compile(rf"^(?:{qp})([1-4])$"),
        semester_re=re.compile(rf"^(?:{sp})([12])$"),
        quarter_words=frozenset(_fold(w) for w in ds["quarter_words"]),
        semester_words=frozenset(_fold(w) for w in ds["semester_words"]),
        date_phrases={_norm_phrase(k): v for k, v in data["date_phrases"].items()},
        date_phrase_set=_PhraseSet(data["date_phrases"].keys()),
        events={_norm_phrase(k): v for k, v in data["events"].items()},
        event_set=_PhraseSet(data["events"].keys()),
        units=_fold_keys(du["units"]),
        duration_suffixes=_fold_keys(du["suffixes"]),
        frame=_PhraseSet(du["frame_words"]),
        next_words=_PhraseSet(du["next_words"]),
        skip_words=frozenset(_fold(w) for w in du["skip_words"]),
        mult_verbs=_fold_keys(mu["verbs"]),
        ambiguous_mult=_fold_keys(mu.get("ambiguous_verbs", {})),
        verb_before=_PhraseSet(mu.get("verb_position_before", [])),
        verb_after=frozenset(_fold(w) for w in mu.get("verb_position_after", [])),
        not_multiplier_after=frozenset(_fold(w) for w in mu.get("not_multiplier_before", [])),
        multiply=_PhraseSet(mu["multiply_words"]),
        divide=_PhraseSet(mu["divide_words"]),
        halves=_PhraseSet(mu["halves"]),
        times_words=frozenset(_fold(w) for w in mu["times_words"]),
        times_after=_PhraseSet(mu["times_after"]),
        increase=_PhraseSet(data["direction"]["increase"]),
        decrease=_PhraseSet(data["direction"]["decrease"]),
        after_increase=_PhraseSet(data["direction"].get("after_increase", [])),
        after_decrease=_PhraseSet(data["direction"].get("after_decrease", [])),
        percent_words=_PhraseSet(un["percent_words"]),
        point_words=_PhraseSet(un["point_words"]),
        currency_words=_fold_keys(un["currency_words"]),
        currency_symbols=dict(un["currency_symbols"]),
        scale_suffixes=_fold_keys(un["scale_suffixes"]),
        ordinal_suffixes=frozenset(_fold(w) for w in un["ordinal_suffixes"]),
    )


# ---------------------------------------------------------------------------
# Tokens

_LETTER = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    r"(?P<isodate>(?<![\w/])\d{4}-\d{2}-\d{2}(?![\w/]))"
    r"|(?P<slashdate>(?<![\w/.,])\d{1,2}[/.]\d{1,2}(?:[/.]\d{4}|/\d{2})?(?![\w/]))"
    rf"|(?P<num>(?<!{_LETTER})(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.]\d)|\d+(?:[.,_]\d+)*))"
    rf"(?P<suf>{_LETTER}{{1,4}})?(?![^\W_])"
    r"|(?P<word>[^\W_]+)"
    r"|(?P<sym>\S)"
)


@dataclass
class _Tok:
    kind: str  # num | word | sym | date
    start: int
    end: int
    norm: str = ""
    value: Decimal | None = None
    weak: bool = False
    ordinal: bool = False
    digits: bool = False  # written in digits
    plain: bool = False  # digits with no separator, no suffix (a year candidate)
    scale_suffix: bool = False
    duration_unit: str | None = None
    multiplier: bool = False
    currency: str | None = None
    date: datetime.date | None = None


def _parse_digits(raw: str, decimal: str) -> Decimal | None:
    """Read "1 500", "10,000", "2,5", "1.234,5" according to the language."""
    s = re.sub(r"[\s\u00a0\u202f_]", "", raw)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return Decimal(s)
    groups = re.split(r"[.,]", s)
    if len(set(seps)) == 2:
        last = max(s.rfind("."), s.rfind(","))
        intpart = re.sub(r"[.,]", "", s[:last])
        return Decimal(intpart + "." + s[last + 1 :])
    sep = seps[0]
    thousands_like = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(seps) > 1:
        return Decimal("".join(groups)) if thousands_like else None
    if sep == decimal:
        return Decimal(groups[0] + "." + groups[1])
    # the other separator: thousands when followed by exactly three digits
    if thousands_like:
        return Decimal("".join(groups))
    return Decimal(groups[0] + "." + groups[1])


def _tokenize(text: str, v: _Vocab) -> list[_Tok]:
    folded = _fold(text)
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if m.group("isodate"):
            try:
                d = datetime.date.fromisoformat(m.group("isodate"))
            except ValueError:
                toks.append(_Tok("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
                continue
            toks.append(_Tok("date", m.start(), m.end(), date=d, norm="__date__"))
            continue
        if m.group("slashdate"):
            toks.append(_Tok("slashdate", m.start(), m.end(), norm=m.group("slashdate")))
            continue
        if m.group("num") is not None:
            raw, suf = m.group("num"), m.group("suf")
            try:
                value = _parse_digits(raw, v.decimal)
            except InvalidOperation:
                value = None
            if value is None:
                toks.append(_Tok("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
                continue
            tok = _Tok("num", m.start(), m.end(), norm=raw, value=value, digits=True)
            tok.plain = suf is None and raw.isdigit()
            if suf:
                fs = _fold(suf)
                if fs in v.scale_suffixes:
                    tok.value = value * v.scale_suffixes[fs]
                    tok.scale_suffix = True
                elif fs in v.ordinal_suffixes:
                    tok.ordinal = True
                elif fs in v.duration_suffixes:
                    tok.duration_unit = v.duration_suffixes[fs]
                elif fs in ("x",):
                    tok.multiplier = True
                else:
                    # "3D", "4G": not a quantity
                    toks.append(_Tok("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
                    continue
            toks.append(tok)
            continue
        if kind == "word":
            toks.append(_Tok("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
        else:
            toks.append(_Tok("sym", m.start(), m.end(), norm=m.group()))
    return _merge_number_words(toks, text, v)


def _is_number_word(tok: _Tok, v: _Vocab) -> bool:
    return tok.kind == "word" and (tok.norm in v.number_words or tok.norm in v.scale_words)


def _adjacent(a: _Tok, b: _Tok, text: str, maxgap: int = 1) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= maxgap and gap.strip() == ""


def _merge_number_words(toks: list[_Tok], text: str, v: _Vocab) -> list[_Tok]:
    """Join number words ("vingt-cinq", "two hundred and fifty", "deux mille")
    into one number token, and scale a number by a following scale word
    ("1,5 million", "10 mille", "10 k")."""
    out: list[_Tok] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if _is_number_word(tok, v) or (tok.kind == "word" and tok.norm in v.approximate):
            words = [tok]
            j = i + 1
            while j < n:
                t = toks[j]
                if _is_number_word(t, v) and _adjacent(words[-1], t, text, 2):
                    words.append(t)
                    j += 1
                elif (
                    t.kind == "sym"
                    and t.norm == "-"
                    and j + 1 < n
                    and _is_number_word(toks[j + 1], v)
                    and t.start == words[-1].end
                    and toks[j + 1].start == t.end
                ):
                    words.append(toks[j + 1])
                    j += 2
                elif (
                    t.kind == "word"
                    and t.norm in v.connectors
                    and j + 1 < n
                    and _is_number_word(toks[j + 1], v)
                ):
                    words.append(toks[j + 1])
                    j += 2
                else:
                    break
            value = _words_value([w.norm for w in words], v)
            if value is not None:
                num = _Tok("num", tok.start, words[-1].end, norm=text[tok.start : words[-1].end], value=value)
                num.weak = len(words) == 1 and tok.norm in v.weak
                out.append(num)
                i = j
                continue
        if tok.kind == "num" and tok.digits and not tok.ordinal and not tok.duration_unit and i + 1 < n:
            nxt = toks[i + 1]
            if nxt.kind == "word" and nxt.norm in v.scale_words and v.scale_words[nxt.norm] >= 1000 and _adjacent(tok, nxt, text, 2):
                tok.value = (tok.value or Decimal(0)) * v.scale_words[nxt.norm]
                tok.end = nxt.end
                tok.plain = False
                out.append(tok)
                i += 2
                continue
            if nxt.kind == "word" and nxt.norm in v.scale_suffixes and _adjacent(tok, nxt, text, 1) and not tok.scale_suffix:
                tok.value = (tok.value or Decimal(0)) * v.scale_suffixes[nxt.norm]
                tok.end = nxt.end
                tok.plain = False
                out.append(tok)
                i += 2
                continue
        out.append(tok)
        i += 1
    return out


def _words_value(words: list[str], v: _Vocab) -> Decimal | None:
    total = 0
    current = 0
    prev = None
    for w in words:
        if w in v.approximate:
            current = max(current, 1) * v.approximate[w] if current else v.approximate[w]
        elif w in v.number_words:
            val = v.number_words[w]
            if val == 20 and prev == "quatre":  # quatre-vingt(s) = 80
                current += 80 - 4
            else:
                current += val
        elif w in v.scale_words:
            scale = v.scale_words[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        prev = w
    return Decimal(total + current)


# ---------------------------------------------------------------------------
# Reading


class _Reader:
    def __init__(self, text: str, language: str, reference: datetime.date):
        self.text = text
        self.v = _vocab(language)
        self.ref = reference
        self.toks = _tokenize(text, self.v)
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
            elif t.kind == "sym" and t.norm in _APOSTROPHES + "-":
                pass
            else:
                break
            j -= 1
        return list(reversed(out))

    def phrase_before(self, phrases: _PhraseSet, i: int, skip: frozenset[str] = frozenset()) -> int:
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

    # -- passes ------------------------------------------------------------
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
        for lst in (self.claims.dates, self.claims.durations, self.claims.numbers, self.claims.percents, self.claims.multipliers):
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
            while j < len(self.toks) and (self.word(j) in v.fillers or (self.toks[j].kind == "sym" and self.toks[j].norm in "-'’/")):
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
        if t.kind == "num" and t.value is not None and t.value == t.value.to_integral_value() and 1 <= t.value <= 31 and (t.plain or t.ordinal or not t.digits):
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
            while j >= 0 and (self.toks[j].kind == "sym" and self.toks[j].norm in "-" + _APOSTROPHES or self.word(j) in v.fillers):
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
                if not (t.kind == "sym" and t.norm in _APOSTROPHES + "-"):
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
            return (datetime.date(ref.year, end_m - 2, 1) if kind == "this_quarter" else end - datetime.timedelta(days=14)), end
        if kind in ("month_end", "this_month"):
            end = datetime.date(ref.year, ref.month, calendar.monthrange(ref.year, ref.month)[1])
            return (datetime.date(ref.year, ref.month, 1) if kind == "this_month" else end - datetime.timedelta(days=9)), end
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
            while k >= 0 and toks[k].kind == "word" and v.next_words.ends_at(self.words_before(k + 1, 2), len(self.words_before(k + 1, 2)) - 1):
                has_next = True
                k -= 1
            amount: Decimal | None = None
            first = i
            if k >= 0 and self.free(k) and toks[k].kind == "num" and toks[k].value is not None and not toks[k].ordinal and not toks[k].duration_unit:
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
            if amount is None and i + 1 < len(toks) and v.next_words.match_at([w.norm if w.kind == "word" else "" for w in toks[i + 1 : i + 3]], 0):
                amount, has_next, last = Decimal(1), True, i + 1
            if amount is None or amount <= 0:
                continue
            if unit == "years" and self._age_range(first, last):
                continue
            self._add_duration(first, last, amount, unit, next_word=has_next)

    def _age_range(self, first: int, last: int) -> bool:
        """"les 25-35 ans", "18-24 years old": an age range, neither a measure
        nor a time frame (its tokens are consumed)."""
        toks = self.toks
        k = first - 1
        is_range = (
            k >= 1 and toks[k].kind == "sym" and toks[k].norm in "-–/" and toks[k - 1].kind == "num" and not self.used[k - 1]
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
                if after_ok or before_ok and not (i + 1 < len(toks) and toks[i + 1].kind == "sym" and toks[i + 1].norm == "-"):
                    value = Decimal(v.ambiguous_mult[t.norm])
            elif t.kind == "word" and (m := re.fullmatch(r"[x×](\d+(?:[.,]\d+)?)", t.norm)):
                value = Decimal(m.group(1).replace(",", "."))
            elif t.kind == "num" and t.multiplier:
                value = t.value
            elif t.kind == "sym" and t.norm in "x×" and i + 1 < len(toks) and toks[i + 1].kind == "num" and self.free(i + 1):
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
            elif t.kind == "num" and t.value and not t.ordinal and i + 1 < len(toks) and self.word(i + 1) in v.times_words:
                words = [w.norm if w.kind == "word" else "\0" for w in toks[i + 2 : i + 5]]
                n = v.times_after.match_at(words, 0)
                if n:
                    value, last = t.value, i + 1 + n
            if value is None or value <= 0:
                continue
            s, e, text = self.span(first, last)
            self.claims.multipliers.append(Claim(s, e, text, value))
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
            if i + 1 < len(toks) and toks[i + 1].kind == "sym" and toks[i + 1].norm in "%٪" and toks[i + 1].start - t.end <= 1:
                last = i + 1
            else:
                # "pour cent": "cent" may have been read as a number word
                words = [w.norm if w.kind == "word" else _fold(w.norm) if w.kind == "num" and not w.digits else "\0" for w in toks[i + 1 : i + 4]]
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
            self.claims.percents.append(PercentClaim(s, e, text, t.value, direction, unit, signed))  # type: ignore[arg-type]
            self.mark(first, last)

    def read_numbers(self) -> None:
        v = self.v
        toks = self.toks
        for i, t in enumerate(toks):
            if self.used[i] or t.kind != "num" or t.value is None or t.weak:
                continue
            first = last = i
            currency = None
            if i > 0 and toks[i - 1].kind == "sym" and toks[i - 1].norm in v.currency_symbols and toks[i - 1].end == t.start:
                currency, first = v.currency_symbols[toks[i - 1].norm], i - 1
            if i + 1 < len(toks):
                nxt = toks[i + 1]
                if nxt.kind == "sym" and nxt.norm in v.currency_symbols and nxt.start - t.end <= 1:
                    currency, last = v.currency_symbols[nxt.norm], i + 1
                elif nxt.kind == "word" and nxt.norm in v.currency_words and nxt.start - t.end <= 1:
                    currency, last = v.currency_words[nxt.norm], i + 1
            if i > 0 and toks[i - 1].kind == "sym" and toks[i - 1].norm in "+-−–" and toks[i - 1].end == t.start and first == i:
                before = self.text[toks[i - 1].start - 1] if toks[i - 1].start > 0 else " "
                if not before.isalnum():
                    first = i - 1
            s, e, text = self.span(first, last)
            self.claims.numbers.append(Claim(s, e, text, t.value, currency))
            self.mark(first, last)


def read_objective_text(
    text: str, language: str, reference_date: datetime.date | None = None
) -> ObjectiveClaims:
    """Find the measures and the time frame stated by an objective's text.

    ``language`` picks the vocabulary (``fr``, ``en``; others fall back to
    English).  ``reference_date`` — normally the campaign's first day — gives
    the year of a date written without one ("d'ici le 15 octobre", "by June
    30"): the first such day on or after the reference date.  Without it,
    today's date is used.
    """
    reference = reference_date or datetime.date.today()
    return _Reader(text, language, reference).read()


# ---------------------------------------------------------------------------
# Comparing with the attributes

#: A duration in the text agrees with another one when they differ by at most
#: this many days, or by this share of the longer one, whichever is larger
#: ("three months" agrees with a deadline 89 to 95 days after the start).
DURATION_TOLERANCE_DAYS = 3
DURATION_TOLERANCE_RATIO = 0.10

_REL_TOL = Decimal("0.01")


def _close(a: Decimal, b: Decimal, abs_tol: Decimal = Decimal(0)) -> bool:
    return abs(a - b) <= max(abs(b) * _REL_TOL, abs_tol)


def _fmt_num(d: Decimal) -> str:
    d = d.normalize()
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", " ")
    return format(d, "f")


def _fmt_quantity(q: Quantity) -> str:
    sign = "+" if q.signed and q.value >= 0 else ""
    if q.kind == "percent":
        return f"{sign}{_fmt_num(q.value)} %"
    if q.kind == "money":
        return f"{sign}{_fmt_num(q.value)} {q.currency or ''}".rstrip()
    return f"{sign}{_fmt_num(q.value)}"


def _fmt_duration(amount: Decimal, unit: str) -> str:
    word = unit[:-1] if amount == 1 else unit
    return f"{_fmt_num(amount)} {word}"


def _add_months(d: datetime.date, months: int) -> datetime.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return datetime.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _within_end(start: datetime.date, amount: Decimal, unit: str) -> datetime.date:
    """Last day of ``within amount unit`` counted from ``start``, inclusive
    (``within 3 months`` from 2027-03-01 ends on 2027-05-31)."""
    if unit in ("months", "years") and amount == amount.to_integral_value():
        months = int(amount) * (12 if unit == "years" else 1)
        return _add_months(start, months) - datetime.timedelta(days=1)
    days = float(amount) * _UNIT_DAYS[unit]
    return start + datetime.timedelta(days=max(round(days), 1) - 1)


def _norm_unit(unit: str) -> str:
    u = unit.lower().strip()
    if not u.endswith("s"):
        u += "s"
    return {"quarters": "months", "semesters": "months"}.get(u, u)


def _norm_within(within: tuple | None) -> tuple[Decimal, str] | None:
    if within is None:
        return None
    amount, unit = within
    amount = Decimal(str(amount))
    u = _norm_unit(unit)
    if unit.lower().startswith("quarter"):
        amount *= 3
    elif unit.lower().startswith("semester"):
        amount *= 6
    return amount, u


def _durations_agree(a_days: float, b_days: float) -> bool:
    tol = max(DURATION_TOLERANCE_DAYS, DURATION_TOLERANCE_RATIO * max(a_days, b_days))
    return abs(a_days - b_days) <= tol


def compare_with_attributes(
    claims: ObjectiveClaims,
    *,
    target: Quantity | None = None,
    baseline: Quantity | None = None,
    deadline: datetime.date | None = None,
    within: tuple[Decimal | int, str] | None = None,
    campaign_start: datetime.date | None = None,
) -> list[Contradiction]:
    """Where the objective's text contradicts its attributes (rule O008).

    Only real contradictions are returned: the text must state something of
    the same kind as an attribute, and none of what it states may agree.

    * Percents in the text are compared with a percent target (a signed target
      ``+20%`` and an absolute target ``20%`` both agree with "20 %"); they also
      agree with the baseline, the level reached (baseline × (1 + target)), the
      difference in points, or — for a number target with a number baseline —
      the relative change. A text without a percent says nothing about them.
    * Numbers agree with the target, the baseline, their difference, or the
      level a relative target reaches from a number baseline.
    * Multipliers ("doubler", "x3") agree with 1 + a signed percent target, or
      with target ÷ baseline.
    * Values agree within 1 % (and within half a point for a computed
      percentage, which teams round).
    * A framed duration agrees with ``within`` or with the span from
      ``campaign_start`` to ``deadline`` (inclusive) when they differ by at most
      ``DURATION_TOLERANCE_DAYS`` days or ``DURATION_TOLERANCE_RATIO`` of the
      longer one.
    * A date (its range: "fin juin" is 21–30 June, "Q3" July–September, one day
      of slack either side) agrees with ``deadline`` or with the last day of
      ``within`` counted from ``campaign_start``.  Dates that are a start or a
      point of comparison are not compared.

    ``within`` is ``(amount, unit)`` with a unit among days, weeks, months,
    years, hours (singular or plural).
    """
    out: list[Contradiction] = []
    out += _compare_quantities(claims, target, baseline)
    out += _compare_time(claims, deadline, _norm_within(within), campaign_start)
    return out


def _compare_quantities(claims: ObjectiveClaims, target: Quantity | None, baseline: Quantity | None) -> list[Contradiction]:
    out: list[Contradiction] = []
    if target is None:
        return out
    t = target.value
    b = baseline.value if baseline is not None else None
    relative = target.kind == "percent" and target.signed
    half_point = Decimal("0.5")

    # -- percents --------------------------------------------------------
    pct_expected: list[tuple[Decimal, Decimal]] = []  # (value, absolute tolerance)
    if target.kind == "percent":
        pct_expected.append((abs(t), Decimal(0)))
        if b is not None and baseline is not None and baseline.kind == "percent":
            pct_expected.append((b, Decimal(0)))
            if relative:
                pct_expected.append((b * (1 + t / 100), Decimal("0.05")))
                pct_expected.append((b + t, Decimal(0)))
            else:
                pct_expected.append((abs(t - b), Decimal(0)))
                if b:
                    pct_expected.append((abs(t - b) / b * 100, half_point))
    elif b is not None and baseline is not None and baseline.kind != "percent" and b != 0:
        if target.signed:
            pct_expected.append((abs(t) / b * 100, half_point))
        else:
            pct_expected.append((abs(t - b) / b * 100, half_point))
    # points ("+5 pts", "10 points") may be percentage points or points of a
    # score (NPS): they also agree with the values a number target implies
    pt_expected = list(pct_expected)
    if target.kind != "percent" or (baseline is not None and baseline.kind != "percent"):
        pt_expected += [(x, Decimal(0)) for x in ([abs(t)] + ([b, abs(t - b), b + t] if b is not None else []))]

    def pct_agrees(p: PercentClaim) -> bool:
        return any(_close(p.value, e, tol) for e, tol in (pt_expected if p.unit == "pt" else pct_expected))

    if claims.percents and pct_expected:
        if not any(pct_agrees(p) for p in claims.percents):
            p = claims.percents[0]
            out.append(
                Contradiction(
                    "percent", "target", p.start, p.end, p.text, _fmt_quantity(target),
                    f"the text says {p.text.strip()}, the target is {_fmt_quantity(target)}"
                    + (f" (baseline {_fmt_quantity(baseline)})" if baseline is not None and target.kind != "percent" else ""),
                )
            )
        elif relative and target.value != 0:
            # an explicit sign that goes the other way: "-10 %" for a +10% target
            want = "+" if t > 0 else "-"
            if all(p.signed and p.direction not in (None, want) for p in claims.percents if _close(p.value, abs(t))) and any(
                _close(p.value, abs(t)) for p in claims.percents
            ):
                p = next(p for p in claims.percents if _close(p.value, abs(t)))
                out.append(
                    Contradiction(
                        "percent", "target", p.start, p.end, p.text, _fmt_quantity(target),
                        f"the text says {p.text.strip()}, the target is {_fmt_quantity(target)} (the other way)",
                    )
                )

    # -- numbers ---------------------------------------------------------
    num_expected: list[Decimal] = []
    if target.kind in ("number", "money"):
        num_expected.append(abs(t))
        if b is not None:
            num_expected += [b, abs(t - b)]
            if target.signed:
                num_expected.append(b + t)
    elif target.kind == "percent" and b is not None and baseline is not None and baseline.kind in ("number", "money"):
        num_expected += [b]
        if relative:
            num_expected += [b * (1 + t / 100), abs(b * t / 100)]
        else:
            num_expected += [b * t / 100]
    if claims.numbers and num_expected:
        if not any(_close(n.value, e) for n in claims.numbers for e in num_expected):
            n = claims.numbers[0]
            ref = _fmt_quantity(target)
            if target.kind == "percent" and baseline is not None:
                ref += f" from a baseline of {_fmt_quantity(baseline)}"
            out.append(
                Contradiction("number", "target", n.start, n.end, n.text, _fmt_quantity(target),
                              f"the text says {n.text.strip()}, the target is {ref}")
            )

    # -- multipliers -----------------------------------------------------
    expected_m: Decimal | None = None
    if relative:
        expected_m = 1 + t / 100
    elif target.signed and b:
        expected_m = (b + t) / b
    elif b and baseline is not None and baseline.kind == target.kind:
        expected_m = t / b
    if claims.multipliers and expected_m is not None:
        if not any(_close(m.value, expected_m, Decimal("0.02")) for m in claims.multipliers):
            m = claims.multipliers[0]
            desc = _fmt_quantity(target) + (f" from {_fmt_quantity(baseline)}" if baseline is not None and not relative else "")
            out.append(
                Contradiction("multiplier", "target", m.start, m.end, m.text, _fmt_quantity(target),
                              f"the text says {m.text.strip()} (×{_fmt_num(m.value)}), the target is {desc} (×{_fmt_num(expected_m.quantize(Decimal('0.01')))})")
            )
    return out


def _compare_time(
    claims: ObjectiveClaims,
    deadline: datetime.date | None,
    within: tuple[Decimal, str] | None,
    start: datetime.date | None,
) -> list[Contradiction]:
    out: list[Contradiction] = []
    # -- durations -------------------------------------------------------
    framed = [d for d in claims.durations if d.framed]
    refs: list[tuple[float, str, str]] = []  # (days, attribute, description)
    if within is not None:
        if start is not None:
            days = float((_within_end(start, *within) - start).days + 1)
        else:
            days = float(within[0]) * _UNIT_DAYS[within[1]]
        refs.append((days, "within", f"`within` says {_fmt_duration(*within)}"))
    if deadline is not None and start is not None and deadline >= start:
        span = (deadline - start).days + 1
        refs.append((float(span), "deadline", f"the deadline {deadline.isoformat()} is {span} days after the start ({start.isoformat()})"))
    if framed and refs:
        def agrees(d: DurationClaim, ref_days: float) -> bool:
            if start is not None and d.unit in ("months", "years"):
                days = float((_within_end(start, d.amount, d.unit) - start).days + 1)
            else:
                days = d.approx_days
            return _durations_agree(days, ref_days)

        if not any(agrees(d, r[0]) for d in framed for r in refs):
            d = framed[0]
            r = refs[0]
            out.append(
                Contradiction("duration", r[1], d.start, d.end, d.text, r[2].split(" says ")[-1] if r[1] == "within" else deadline.isoformat() if deadline else "",  # type: ignore[arg-type]
                              f"the text says {d.text.strip()}, {r[2]}")
            )
    # -- dates -----------------------------------------------------------
    deadlines = [d for d in claims.dates if d.role == "deadline"]
    date_refs: list[tuple[datetime.date, str, str]] = []
    if deadline is not None:
        date_refs.append((deadline, "deadline", f"the deadline is {deadline.isoformat()}"))
    if within is not None and start is not None:
        end = _within_end(start, *within)
        date_refs.append((end, "within", f"`within {_fmt_duration(*within)}` ends on {end.isoformat()}"))
    if deadlines and date_refs:
        one = datetime.timedelta(days=1)

        def in_range(c: DateClaim, day: datetime.date) -> bool:
            return c.earliest - one <= day <= c.value + one

        if not any(in_range(c, r[0]) for c in deadlines for r in date_refs):
            c = deadlines[0]
            r = date_refs[0]
            said = f"{c.value.day} {c.value.strftime('%B %Y')}" if c.earliest == c.value else f"{c.text.strip()} ({c.earliest.isoformat()} to {c.value.isoformat()})"
            out.append(
                Contradiction("date", r[1], c.start, c.end, c.text, r[0].isoformat(),  # type: ignore[arg-type]
                              f"the text says {said}, {r[2]}")
            )
    return out

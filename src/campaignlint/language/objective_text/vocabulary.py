"""The vocabulary of objective texts: ``rules/<language>/objectives.toml``,
loaded once per language (English when a language has no such file)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from campaignlint.resources import load_toml, rules_path

APOSTROPHES = "'’‘`´ʼ"


def fold_aligned(text: str) -> str:
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
    folded = fold_aligned(phrase)
    for ch in APOSTROPHES + "-":
        folded = folded.replace(ch, " ")
    return tuple(folded.split())


class PhraseSet:
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
        # The prefix phrases as match_at reads them: one-word ones as one tuple for ``str.startswith``,
        # longer ones by their first word (which a match must equal).
        self._one_word = tuple(pat[0] for pat, _ in self.prefix if len(pat) == 1)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for pat, _ in self.prefix:
            if len(pat) > 1:
                self._by_first.setdefault(pat[0], []).append(pat)

    def match_at(self, words: list[str], i: int) -> int:
        """Length (in words) of the longest phrase starting at ``words[i]``, or 0.

        The longest of the exact phrases and of the prefix phrases that match:
        a one-word prefix phrase matches when ``words[i]`` starts with it (one
        ``startswith`` call for all of them), a longer one only when its first
        word is ``words[i]``, so only those are tried.
        ``tests/test_objective_text.py`` compares it with the loop over every phrase.
        """
        best = 0
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in self.exact:
                best = n
                break
        if i >= len(words):
            return best
        if not best and self._one_word and words[i].startswith(self._one_word):
            best = 1
        for pat in self._by_first.get(words[i], ()):
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
class Vocabulary:
    language: str
    decimal: str
    vague: PhraseSet
    number_words: dict[str, int]
    scale_words: dict[str, int]
    weak: frozenset[str]
    connectors: frozenset[str]
    one_words: frozenset[str]
    approximate: dict[str, int]
    ordinals: dict[str, int]
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    date_preps: PhraseSet
    start_words: PhraseSet
    comparison: PhraseSet
    year_comparison: PhraseSet
    modifiers: dict[tuple[str, ...], str]
    modifier_set: PhraseSet
    fillers: frozenset[str]
    quarter_re: re.Pattern
    semester_re: re.Pattern
    quarter_words: frozenset[str]
    semester_words: frozenset[str]
    date_phrases: dict[tuple[str, ...], str]
    date_phrase_set: PhraseSet
    events: dict[tuple[str, ...], str]
    event_set: PhraseSet
    units: dict[str, str]
    duration_suffixes: dict[str, str]
    frame: PhraseSet
    next_words: PhraseSet
    skip_words: frozenset[str]
    mult_verbs: dict[str, int]
    ambiguous_mult: dict[str, int]
    verb_before: PhraseSet
    verb_after: frozenset[str]
    not_multiplier_after: frozenset[str]
    multiply: PhraseSet
    divide: PhraseSet
    halves: PhraseSet
    times_words: frozenset[str]
    times_after: PhraseSet
    increase: PhraseSet
    decrease: PhraseSet
    after_increase: PhraseSet
    after_decrease: PhraseSet
    percent_words: PhraseSet
    point_words: PhraseSet
    currency_words: dict[str, str]
    currency_symbols: dict[str, str]
    scale_suffixes: dict[str, int]
    ordinal_suffixes: frozenset[str]


def _fold_keys(table: dict) -> dict:
    return {" ".join(_norm_phrase(k)): v for k, v in table.items()}


@functools.cache
def vocabulary(language: str) -> Vocabulary:
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
    return Vocabulary(
        language=lang,
        decimal=data.get("decimal_separator", "."),
        vague=PhraseSet(data["vague_verbs"]),
        number_words=_fold_keys(data["number_words"]),
        scale_words=_fold_keys(data["scale_words"]),
        weak=frozenset(fold_aligned(w) for w in ns["weak"]),
        connectors=frozenset(fold_aligned(w) for w in ns["connectors"]),
        one_words=frozenset(fold_aligned(w) for w in ns["one_words"]),
        approximate=_fold_keys(ns.get("approximate", {})),
        ordinals=_fold_keys(data["ordinals"]),
        months=_fold_keys(data["months"]),
        ambiguous_months=frozenset(fold_aligned(w) for w in ds["ambiguous_months"]),
        date_preps=PhraseSet(ds["date_prepositions"]),
        start_words=PhraseSet(ds["start_words"]),
        comparison=PhraseSet(ds["comparison_words"]),
        year_comparison=PhraseSet(ds.get("year_comparison_words", [])),
        modifiers={_norm_phrase(k): v for k, v in ds["modifiers"].items()},
        modifier_set=PhraseSet(ds["modifiers"].keys()),
        fillers=frozenset(fold_aligned(w) for w in ds["fillers"]),
        quarter_re=re.compile(rf"^(?:{qp})([1-4])$"),
        semester_re=re.compile(rf"^(?:{sp})([12])$"),
        quarter_words=frozenset(fold_aligned(w) for w in ds["quarter_words"]),
        semester_words=frozenset(fold_aligned(w) for w in ds["semester_words"]),
        date_phrases={_norm_phrase(k): v for k, v in data["date_phrases"].items()},
        date_phrase_set=PhraseSet(data["date_phrases"].keys()),
        events={_norm_phrase(k): v for k, v in data["events"].items()},
        event_set=PhraseSet(data["events"].keys()),
        units=_fold_keys(du["units"]),
        duration_suffixes=_fold_keys(du["suffixes"]),
        frame=PhraseSet(du["frame_words"]),
        next_words=PhraseSet(du["next_words"]),
        skip_words=frozenset(fold_aligned(w) for w in du["skip_words"]),
        mult_verbs=_fold_keys(mu["verbs"]),
        ambiguous_mult=_fold_keys(mu.get("ambiguous_verbs", {})),
        verb_before=PhraseSet(mu.get("verb_position_before", [])),
        verb_after=frozenset(fold_aligned(w) for w in mu.get("verb_position_after", [])),
        not_multiplier_after=frozenset(fold_aligned(w) for w in mu.get("not_multiplier_before", [])),
        multiply=PhraseSet(mu["multiply_words"]),
        divide=PhraseSet(mu["divide_words"]),
        halves=PhraseSet(mu["halves"]),
        times_words=frozenset(fold_aligned(w) for w in mu["times_words"]),
        times_after=PhraseSet(mu["times_after"]),
        increase=PhraseSet(data["direction"]["increase"]),
        decrease=PhraseSet(data["direction"]["decrease"]),
        after_increase=PhraseSet(data["direction"].get("after_increase", [])),
        after_decrease=PhraseSet(data["direction"].get("after_decrease", [])),
        percent_words=PhraseSet(un["percent_words"]),
        point_words=PhraseSet(un["point_words"]),
        currency_words=_fold_keys(un["currency_words"]),
        currency_symbols=dict(un["currency_symbols"]),
        scale_suffixes=_fold_keys(un["scale_suffixes"]),
        ordinal_suffixes=frozenset(fold_aligned(w) for w in un["ordinal_suffixes"]),
    )

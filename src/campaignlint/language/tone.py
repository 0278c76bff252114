"""The measured tone of copy, and whether it fits the declared tone words (T009).

:func:`measure_tone` reads a text's energy (exclamation marks per sentence,
share of words in capitals, emoji), formality (French *vous*/*tu*, from
:func:`campaignlint.language.address.detect_address`) and complexity (mean
sentence length, reading ease).  :func:`check_tone` compares those figures with
the bounds that ``rules/tones.toml`` gives each tone word and explains, in
words, every bound that is crossed.
"""

from __future__ import annotations

from ..i18n import gettext as _
from ..i18n import ngettext
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from campaignlint.language.address import detect_address
from campaignlint.language.capitals import Exemptions, is_loud
from campaignlint.language.readability import prose_word_tuple, readability, sentence_count
from campaignlint.resources import load_toml

__all__ = ["ToneFeatures", "ToneViolation", "measure_tone", "check_tone", "known_tones"]


class ToneFeatures(NamedTuple):
    """What :func:`measure_tone` measured in one text.

    A named tuple, not a frozen dataclass: T009 measures every text, and a
    frozen dataclass sets its twelve fields one ``object.__setattr__`` call at a
    time (a named tuple is made in one C call; it is just as immutable).
    """

    words: int
    sentences: int
    exclamations: int
    exclamations_per_sentence: float
    caps_words: int
    caps_share: float  # 0-1
    emoji: int
    address: str | None  # "formal" | "informal" | "mixed" | None (not told / not French)
    formality: float | None  # 1 formal, 0.5 mixed, 0 informal, None unknown
    mean_sentence_words: float
    readability: float | None  # None below the readability word minimum
    readability_formula: str | None = None


@dataclass(frozen=True, slots=True)
class ToneViolation:
    """One bound of one tone word that the text crosses."""

    tone: str
    bound: str  # the key in rules/tones.toml, e.g. "max_exclamations_per_sentence"
    value: float
    limit: float
    message: str


_CAPS_WORD = re.compile(r"^[^\W\d_]{2,}$")
_FORMALITY = {"formal": 1.0, "mixed": 0.5, "informal": 0.0}


def _count_emoji(text: str) -> int:
    """``emoji.emoji_count(text)``, without running the package's tokenizer over the whole text.

    The tokenizer only reports sequences of its trie, and a sequence holds only
    characters of the package's sequences (:func:`_emoji_runs`); every sequence
    holds a non-ASCII one.  Any other character cuts the text into pieces the
    tokenizer reads independently (no sequence, no zero-width-joiner rule,
    reaches across it), so the count is the sum of the counts of the runs of
    those characters that hold a non-ASCII one: usually a few short runs, or
    none (accented letters, ``’ « »`` and no-break spaces are not among them).
    ``tests/test_tone.py`` compares both on random text.
    """
    if text.isascii():  # every emoji holds a non-ASCII character: skip the tokenizer
        return 0
    pattern, others = _emoji_runs()
    if others.isdisjoint(text):
        return 0
    runs = pattern.findall(text)
    return sum(_count_run(run) for run in runs) if runs else 0


@functools.cache
def _emoji_runs() -> tuple[re.Pattern, frozenset[str]]:
    """Runs of characters of the ``emoji`` package's sequences holding a non-ASCII one; those characters.

    A run starts only where the previous character is not an ASCII one of those
    (digits, ``#``, ``*``: keycaps), so a long run of digits is read once.  The
    non-ASCII characters above U+FFFF are matched as a few wide ranges holding
    them (the regular expression engine tries such characters one by one):
    a run may then take in a character of no sequence, which the tokenizer
    reads as it would anywhere else, and still ends at a character outside
    every sequence.
    """
    import emoji  # light, but only needed here

    chars = {ch for sequence in emoji.EMOJI_DATA for ch in sequence} | {"\u200d", "\ufe0e", "\ufe0f"}
    ascii_chars = "[" + "".join(re.escape(c) for c in sorted(c for c in chars if c.isascii())) + "]"
    ranges: list[list[int]] = []
    for code in sorted(ord(c) for c in chars if not c.isascii()):
        gap = 1 if code <= 0xFFFF else 0x1000
        if ranges and code - ranges[-1][1] <= gap:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    other = "".join(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}" for a, b in ranges)
    pattern = re.compile(f"(?<!{ascii_chars}){ascii_chars}*+[{other}](?:{ascii_chars}|[{other}])*+")
    return pattern, frozenset(c for c in chars if not c.isascii())


@functools.lru_cache(maxsize=4096)
def _count_run(run: str) -> int:
    import emoji

    return emoji.emoji_count(run)


def _address(text: str, language: str, nlp=None) -> str | None:
    if nlp is not None:  # the text's address is a fact shared with T001/T002
        return nlp.fact("address", text, language, detect_address).address
    return detect_address(text, language).address


#: the bounds of rules/tones.toml, each the measures it reads
BOUNDS = ("max_exclamations_per_sentence", "max_caps_share", "max_emoji", "min_formality",
          "max_mean_sentence_words", "min_readability")


def measure_tone(text: str, language: str, exemptions=None, nlp=None, bounds=None) -> ToneFeatures:
    """Measure the tone of ``text`` (written in ``language``).

    Words and sentences are counted as for readability (URLs, hashtags and
    mentions left out, a line break before a capital, an emoji before a capital
    or a closing hashtag run ends a sentence).  A word counts as "in capitals"
    when it is loud by :func:`campaignlint.language.capitals.is_loud`, the logic
    T005 uses: no digit ("HIVER30", "EV3"), no acronym of the language's list,
    no short word that is not a common word ("DELE", "SUV"), none of the
    campaign's names or the voice's ``accept`` words (``exemptions``, a
    :class:`~campaignlint.language.capitals.Exemptions`).  ``nlp``: the language
    service whose facts (address, reading ease) are shared with other rules.
    ``bounds``: the bounds (:data:`BOUNDS`) the caller will compare with, when not
    all: the measures no other bound reads are skipped (capitals: 0, emoji: 0,
    address and reading ease: ``None``).
    """
    exemptions = exemptions if exemptions is not None else Exemptions()
    n_sentences = sentence_count(text)
    words = prose_word_tuple(text)
    exclamations = text.count("!") + text.count("！")
    caps = 0
    if bounds is None or "max_caps_share" in bounds:  # is_loud wants capitals: keep the words in capitals first
        caps = sum(1 for w in filter(str.isupper, words) if _CAPS_WORD.match(w) and is_loud(w, language, exemptions))
    address = _address(text, language, nlp) if bounds is None or "min_formality" in bounds else None
    score = None
    if bounds is None or "min_readability" in bounds:
        score = (nlp.fact(("readability", 30), text, language, readability) if nlp is not None
                 else readability(text, language))
    return ToneFeatures(
        words=len(words),
        sentences=n_sentences,
        exclamations=exclamations,
        exclamations_per_sentence=exclamations / max(1, n_sentences),
        caps_words=caps,
        caps_share=caps / len(words) if words else 0.0,
        emoji=_count_emoji(text) if bounds is None or "max_emoji" in bounds else 0,
        address=address,
        formality=_FORMALITY.get(address) if address else None,
        mean_sentence_words=len(words) / n_sentences if n_sentences else 0.0,
        readability=score.score if score else None,
        readability_formula=score.formula if score else None,
    )


def bounds_of(tone_words) -> frozenset[str]:
    """The bounds that :func:`check_tone` reads for ``tone_words`` (unknown words have none)."""
    return _bounds_of(tuple(tone_words))


@functools.lru_cache(maxsize=256)
def _bounds_of(tone_words: tuple[str, ...]) -> frozenset[str]:
    """:func:`bounds_of`, memoised: a project declares a handful of tone-word lists."""
    table = known_tones()
    return frozenset(bound for tone in tone_words for bound in table.get(tone.strip().lower(), {}))


def known_tones() -> dict[str, dict[str, float]]:
    """Every tone word of ``rules/tones.toml`` with its bounds."""
    return load_toml("tones.toml").get("tones", {})


def _a(word: str) -> str:
    """"an 'informative'", "a 'warm'": asked only for a message that is made (a gettext call or two each)."""
    return _("an '{tone}'").format(tone=word) if word[:1].lower() in "aeiou" else _("a '{tone}'").format(tone=word)


def _num(x: float) -> str:
    from ..i18n import language

    text = f"{x:g}" if x == int(x) else f"{x:.2f}".rstrip("0").rstrip(".")
    return text if language() == "en" else text.replace(".", ",")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@functools.lru_cache(maxsize=256)
def _known_bounds(tone_words: tuple[str, ...]) -> tuple[tuple[str, dict[str, float]], ...]:
    """The known words of ``tone_words`` (trimmed, lower-cased, each once) with their bounds (memoised)."""
    table = known_tones()
    return tuple((tone, table[tone]) for tone in dict.fromkeys(w.strip().lower() for w in tone_words)
                 if table.get(tone))


@functools.cache
def _min_caps_words() -> int:
    """Texts with fewer words are never loud by their share of capitals."""
    return load_toml("tones.toml").get("settings", {}).get("min_words_for_caps", 5)


def check_tone(features: ToneFeatures, tone_words: list[str]) -> list[ToneViolation]:
    """The bounds of ``tone_words`` that ``features`` crosses (unknown words are skipped).

    Each violation's message names the measured value, the tone and its bound,
    e.g. "3 exclamation marks for 2 sentences: too loud for an 'authoritative'
    tone (at most 0.25 per sentence)".
    """
    min_caps_words = _min_caps_words()
    out: list[ToneViolation] = []
    f = features
    for tone, bounds in _known_bounds(tuple(tone_words)):
        limit = bounds.get("max_exclamations_per_sentence")
        if limit is not None and f.exclamations and f.exclamations_per_sentence > limit:
            out.append(ToneViolation(tone, "max_exclamations_per_sentence", f.exclamations_per_sentence, limit,
                _("{marks} for {sentences}: too loud for {tone} tone (at most {limit} per sentence)").format(
                    marks=ngettext("{count} exclamation mark", "{count} exclamation marks", f.exclamations).format(
                        count=f.exclamations),
                    sentences=ngettext("{count} sentence", "{count} sentences", max(1, f.sentences)).format(
                        count=max(1, f.sentences)),
                    tone=_a(tone), limit=_num(limit))))
        limit = bounds.get("max_caps_share")
        if limit is not None and f.caps_words and f.words >= min_caps_words and f.caps_share > limit:
            out.append(ToneViolation(tone, "max_caps_share", f.caps_share, limit,
                _("{caps} of {words} words in capitals ({share} %): too loud for {tone} tone (at most {limit} %)")
                .format(caps=f.caps_words, words=f.words, share=round(f.caps_share * 100), tone=_a(tone),
                        limit=round(limit * 100))))
        limit = bounds.get("max_emoji")
        if limit is not None and f.emoji > limit:
            out.append(ToneViolation(tone, "max_emoji", f.emoji, limit,
                _("{emoji}: too many for {tone} tone (at most {limit})").format(
                    emoji=ngettext("{count} emoji", "{count} emoji", f.emoji).format(count=f.emoji), tone=_a(tone),
                    limit=_num(limit))))
        limit = bounds.get("min_formality")
        if limit is not None and f.formality is not None and f.formality < limit:
            how = {"informal": _("informally (tu)"), "mixed": _("both formally and informally (vous and tu)")}
            expected = _("formal address expected") if limit > 0.5 else _("at least partly formal address expected")
            out.append(ToneViolation(tone, "min_formality", f.formality, limit,
                _("addresses the reader {how}: too familiar for {tone} tone ({expected})").format(
                    how=how.get(f.address or '', f.address or ''), tone=_a(tone), expected=expected)))
        limit = bounds.get("max_mean_sentence_words")
        if limit is not None and f.sentences and f.mean_sentence_words > limit:
            out.append(ToneViolation(tone, "max_mean_sentence_words", f.mean_sentence_words, limit,
                _("sentences average {words} words: too long for {tone} tone (at most {limit})").format(
                    words=_num(round(f.mean_sentence_words, 1)), tone=_a(tone), limit=_num(limit))))
        limit = bounds.get("min_readability")
        if limit is not None and f.readability is not None and f.readability < limit:
            out.append(ToneViolation(tone, "min_readability", f.readability, limit,
                _("reading ease {score} ({formula}): too hard for {tone} tone (at least {limit})").format(
                    score=_num(round(f.readability, 1)),
                    formula=_(f.readability_formula) if f.readability_formula else "", tone=_a(tone),
                    limit=_num(limit))))
    return out

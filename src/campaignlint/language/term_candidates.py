"""Which terms a text may hold: the cheap pre-check of :mod:`campaignlint.language.terms`.

Before any word list is made, a text is kept for a term only if each stem of
the term begins one of its words (:func:`_candidates`): each word looks its
beginnings up among the list's stems, instead of each term being tried against
every word.  Also the foldings both modules use (case, "’", accents) and the
hashtag patterns.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from campaignlint.language import memo

_HASHTAG = re.compile(r"(?<![\w#@])[#@][^\W_][\w]*")
_CAMEL = re.compile(r"[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]+(?![a-zß-öø-ÿ])|\d+")


def _fold(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower().replace("’", "'")


def _unaccent(s: str) -> str:
    """``s`` in NFD without its combining marks."""
    if s.isascii():
        return s  # nothing to decompose, no mark
    decomposed = unicodedata.normalize("NFD", s)
    if max(decomposed) <= "\uffff":
        return _bmp_marks().sub("", decomposed)  # one pass in C
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _bmp_marks() -> re.Pattern:
    """The combining characters (``unicodedata.combining``) of the Basic Multilingual Plane."""
    marks = "".join(chr(code) for code in range(0x10000) if unicodedata.combining(chr(code)))
    return re.compile("[" + re.escape(marks) + "]")


_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8192)
def _stems(term: str) -> tuple[tuple[str, int], ...]:
    """For each word of ``term``: the beginning its inflected forms keep, and their longest length.

    Inflection changes the end of a word ("écolo" → "écolos", "synergy" →
    "synergies", "porter" → "portaient"): a word of n letters keeps its first
    max(4, n - 2) letters (all of it when shorter) and grows by 3 letters at most.
    Words of under 4 letters (articles) are not required.  Accents and case are
    ignored.
    """
    words = _LETTERS.findall(_unaccent(_fold(term)))
    long_words = [w for w in words if len(w) >= 4] or words  # "le", "la", "les": too variable to require
    return tuple((w if len(w) <= 4 else w[: max(4, len(w) - 2)], len(w) + 3) for w in long_words)


@memo.per_text(4096)
def _flat(text: str) -> str:
    return _unaccent(_fold(text))


@memo.per_text(4096)
def _flat_words(text: str, in_hashtags: bool) -> frozenset[str]:
    if not in_hashtags:
        return frozenset(_LETTERS.findall(_flat(text)))
    plain = _flat_words(text, False)  # shared with the lists searched outside hashtags
    if "#" not in text and "@" not in text:
        return plain  # no hashtag nor @mention: no other word
    words = set(plain)
    for tag in _HASHTAG.finditer(text):
        words.update(_flat(part) for part in _CAMEL.findall(tag.group()[1:]))
    return frozenset(words)


def _could_match(text: str, term: str, in_hashtags: bool = False) -> bool:
    """A cheap necessary condition for ``term`` to occur in ``text``.

    Every stem of the term (see :func:`_stems`) must begin a word of the text
    that is not too long for it.  Only when it holds is the text analysed
    (tokens and lemmas): careful copy usually contains none of the avoided or
    hype terms, so most texts are never analysed.  (Suppletive forms — "yeux" for
    "œil", "bought" for "buy" — are not found: write terms in the form copy
    uses.)
    """
    return bool(_candidates(text, (term,), in_hashtags))


@functools.lru_cache(maxsize=1024)
def _stem_sets(terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """For each of ``terms``, the stems (:func:`_stems`) it needs, without their lengths."""
    return tuple(tuple(stem for stem, _longest in _stems(term)) for term in terms)


def _may_have_candidates(text: str, terms: tuple[str, ...], in_hashtags: bool) -> bool:
    """False only if :func:`_candidates` of ``text`` is empty; a few substring searches in C
    for a short term list (the theme's), before any word set is made.

    A candidate's every stem begins a word of :func:`_flat_words`; without hashtags
    (no ``#`` or ``@`` in the text, or ``in_hashtags`` false) those words are the
    letter runs of ``_flat(text)``, so each stem is a substring of ``_flat(text)``.
    A term without stems is always a candidate (``all`` of nothing is true);
    a text with hashtags searched is passed on as it is."""
    if in_hashtags and ("#" in text or "@" in text):
        return True
    flat = _flat(text)
    return any(all(stem in flat for stem in stems) for stems in _stem_sets(terms))


_Stems = tuple[tuple[str, int], ...]


class _StemIndex:
    """For a term list: each term's stems, the terms (by position) each stem
    belongs to, the stems' lengths (ascending), the terms without stems, and,
    memoised per word, the stems a word begins with (copy repeats its words)."""

    __slots__ = ("stems", "owners", "lengths", "always", "_heads", "_headless")

    def __init__(self, terms: tuple[str, ...]):
        self.stems = tuple(_stems(term) for term in terms)
        owners: dict[str, list[int]] = {}
        for index, term_stems in enumerate(self.stems):
            for stem, _longest in term_stems:
                owners.setdefault(stem, []).append(index)
        self.lengths = tuple(sorted({len(stem) for stem in owners}))
        self.always = tuple(index for index, term_stems in enumerate(self.stems) if not term_stems)
        self.owners = {stem: tuple(found) for stem, found in owners.items()}
        self._heads: dict[str, tuple[str, ...]] = {}  # the words seen that begin with stems
        self._headless: set[str] = set()  # the words seen that begin with none (most words)

    def heads(self, words: frozenset[str]) -> list[tuple[str, tuple[str, ...]]]:
        """The ``words`` that begin with stems, each with those stems.

        The words already known to begin with none are set aside by one set
        difference (in C), so only the others are looked at one by one."""
        out = []
        heads, headless, owners, lengths = self._heads, self._headless, self.owners, self.lengths
        for word in words.difference(headless):
            found = heads.get(word)
            if found is None:
                size = len(word)
                found = tuple(head for head in (word[:length] for length in lengths if length <= size)
                              if head in owners)
                if len(heads) + len(headless) >= 65536:  # bounded
                    heads.clear()
                    headless.clear()
                if not found:
                    headless.add(word)
                    continue
                heads[word] = found
            out.append((word, found))
        return out


@functools.lru_cache(maxsize=256)
def _stem_index(terms: tuple[str, ...]) -> _StemIndex:
    return _StemIndex(terms)


@memo.per_text(8192)
def _candidates(text: str, terms: tuple[str, ...], in_hashtags: bool) -> tuple[str, ...]:
    """The ``terms`` that :func:`_could_match` ``text``, in their order.

    Instead of testing every stem against every word, each word of the text
    looks up its own beginnings among the list's stems, keeping for each stem
    the length of the shortest word it begins; a term is a candidate when each
    of its stems begins a word no longer than that stem allows.
    """
    index = _stem_index(terms)
    stems, owners, always = index.stems, index.owners, index.always
    shortest: dict[str, int] = {}
    for word, found in index.heads(_flat_words(text, in_hashtags)):
        size = len(word)
        for head in found:
            if shortest.get(head, size + 1) > size:
                shortest[head] = size
    if not shortest and not always:
        return ()
    found_terms = set(always)
    for stem in shortest:
        found_terms.update(owners[stem])
    return tuple(
        terms[index] for index in sorted(found_terms)
        if all(stem in shortest and shortest[stem] <= longest for stem, longest in stems[index])
    )

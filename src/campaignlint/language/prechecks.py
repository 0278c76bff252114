"""Cheap necessary conditions, tested before a slow case-insensitive search.

A case-insensitive alternation of phrases (``(?i)code promo|code|coupon…``) is
tried by Python's ``re`` at every position of a text.  It can only match where
the lower-cased text holds a lower-cased piece of one of its phrases —
unless the text holds one of the few characters that ``re`` matches, ignoring
case, with a letter that is not their lower case (``ſ`` with ``s``, ``ı`` and
``İ`` with ``i``): :func:`may_hold` says so in a few substring searches.

A caller that already has the text's words (its runs of letters, ``[^\\W\\d_]+``,
lower-cased) asks :func:`may_hold_words` instead: no second lower-casing of the text.
"""

from __future__ import annotations

import re

__all__ = ["first_words", "may_hold", "key_runs", "may_hold_words"]

# the characters re.IGNORECASE equates with a Latin letter of another lower case (ſ ~ s,
# ı ~ i, ẛ ~ ṡ; İ lower-cases to two characters); the words given are Latin
_CASE_FOLD_ODDITIES = frozenset("ſıİẛ")
# the same, searched in C (a set's isdisjoint(text) makes a string of every character)
_ODDITY = re.compile("[" + "".join(sorted(_CASE_FOLD_ODDITIES)) + "]")
_BREAKS = re.compile(r"[\s'’]+")
_LETTERS = re.compile(r"[^\W\d_]+")


def first_words(phrases) -> frozenset[str] | None:
    """For each phrase, the lower-cased longest piece between spaces and apostrophes.

    Those pieces are matched literally (only the spaces and apostrophes of a
    phrase may match other characters: ``\\s+``, ``['’]``), so a text holding the
    phrase, in any case, holds its piece.  ``None`` if a phrase has no piece.
    """
    words = set()
    for phrase in phrases:
        piece = max(_BREAKS.split(phrase.strip()), key=len)
        if not piece:
            return None
        words.add(piece.lower())
    return frozenset(words)


def may_hold(text: str, words: frozenset[str] | None) -> bool:
    """Whether ``text`` may hold, in any case, a phrase whose piece (:func:`first_words`) is among ``words``."""
    if words is None or _ODDITY.search(text):
        return True
    return any(map(text.lower().__contains__, words))  # (the substring tests in C, no generator)


def key_runs(phrases) -> frozenset[str] | None:
    """For each phrase, its longest run of letters (``[^\\W\\d_]+``, the first of equals), lower-cased.

    For phrases matched as whole words (``\\b`` or ``(?<!\\w)`` … ``(?!\\w)`` around them), literally
    but for case (their other characters — spaces, hyphens, apostrophes, digits — match no
    letter), each run of letters of a phrase is a whole run of letters of a text that holds it:
    the text's word, lower-cased, is the run.  ``None`` if a phrase has no letter.
    """
    runs = set()
    for phrase in phrases:
        letters = _LETTERS.findall(phrase)
        if not letters:
            return None
        runs.add(max(letters, key=len).lower())
    return frozenset(runs)


def may_hold_words(text: str, lows, runs: frozenset[str] | None) -> bool:
    """Whether ``text``, whose runs of letters lower-cased are ``lows`` (in any order), may hold a phrase
    whose key run (:func:`key_runs`) is among ``runs``: one set test over the words, no lower-casing."""
    if runs is None or _ODDITY.search(text):
        return True
    return not runs.isdisjoint(lows)

"""Cheap necessary conditions, tested before a slow case-insensitive search.

A case-insensitive alternation of phrases (``(?i)code promo|code|coupon…``) is
tried by Python's ``re`` at every position of a text.  It can only match where
the lower-cased text holds a lower-cased piece of one of its phrases —
unless the text holds one of the few characters that ``re`` matches, ignoring
case, with a letter that is not their lower case (``ſ`` with ``s``, ``ı`` and
``İ`` with ``i``): :func:`may_hold` says so in a few substring searches.
"""

from __future__ import annotations

import re

__all__ = ["first_words", "may_hold"]

# the characters re.IGNORECASE equates with a Latin letter of another lower case (ſ ~ s,
# ı ~ i, ẛ ~ ṡ; İ lower-cases to two characters); the words given are Latin
_CASE_FOLD_ODDITIES = frozenset("ſıİẛ")
_BREAKS = re.compile(r"[\s'’]+")


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
    if words is None or not _CASE_FOLD_ODDITIES.isdisjoint(text):
        return True
    low = text.lower()
    return any(word in low for word in words)

"""Per-text memos: bounded ``lru_cache``\\ s that the batch lint empties after each file.

A text of one file is read by several rules (the same words, sentences, claims…),
so its facts are memoised; a text of a campaign file is rarely seen again in
another file, so the batch path (``Linter.lint_many``) calls :func:`clear` when
a file is done: memory then does not grow while the memos fill up over the
first thousands of texts.  Memos keyed by single words (lemmas, syllables,
stems) are not registered here: words come back from file to file.
"""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

_MEMOS: list = []


def per_text(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, emptied by :func:`clear`."""

    def decorate(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _MEMOS.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def clear() -> None:
    """Empty every per-text memo."""
    for cached in _MEMOS:
        cached.cache_clear()

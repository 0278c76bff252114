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


def last_campaign(function: F) -> F:
    """Memoise ``function(campaign, *args)`` for the last campaign (and arguments) it was asked about.

    The engine runs every rule on a campaign before the next one, so the rules that read the
    same fact of a campaign (its links, its offer claims, its exemptions…) ask it one after the
    other.  The campaign is compared by identity and held with the answer, so its ``id`` cannot
    be reused meanwhile (rules do not change the model); the other arguments by equality.  The
    answer of the campaign before is dropped with it.  Not emptied by :func:`clear`: one
    campaign at most is kept.
    """
    last: list = [None]  # (campaign, args, answer), swapped whole: a reader never sees half of it

    @functools.wraps(function)
    def cached(campaign, *args):
        entry = last[0]
        if entry is not None and entry[0] is campaign and entry[1] == args:
            return entry[2]
        answer = function(campaign, *args)
        last[0] = (campaign, args, answer)
        return answer

    return cached  # type: ignore[return-value]

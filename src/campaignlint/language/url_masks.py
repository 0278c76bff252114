"""Masks of copy (URLs, e-mail addresses, domains, codes) found in linear time.

Python's ``re`` tries a pattern at every position of the text, and a pattern
such as ``[\\w.+-]+@[\\w-]+…`` (an e-mail address) first runs to the end of the
word it starts in before it fails: on a 100,000-character word without ``@``
that is 100,000 attempts of up to 100,000 steps each — twenty seconds and more
of a user's keystroke in an editor.

A :class:`Scanner` finds exactly the matches ``pattern.finditer`` finds, but
it tries the pattern only where a match can start, and after a failed attempt
it skips every later position that is sure to fail too.  That rests on a
property each scanner below has (and says why): a failure at ``q`` means a
failure at every later start inside the same *run* (the stretch of characters
the pattern would have scanned from ``q``), because the pattern's outcome only
depends on where the run ends and what follows it.  Each character is then
read a bounded number of times.

An :class:`Alternation` gives the matches of ``A1|A2|…`` (leftmost match, the
first alternative that matches there, scanning on after it) from one searcher
per alternative, so a long pattern made of such alternatives keeps the exact
behaviour of the single regular expression it replaces.  The tests compare
both on random text (``tests/test_slow_inputs.py``).

None of these patterns matches the empty string.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, Union

__all__ = [
    "Scanner", "Alternation", "Searcher", "finditer", "sub",
    "EMAIL", "DOMAIN", "PROMO_CODE", "bare_domain", "URL_LIKE", "may_hold_url", "may_hold_url_or_tag",
]

Searcher = Callable[[str, int], Union[re.Match, None]]


class Scanner:
    """``pattern.search``, in linear time, for a pattern whose failures are run-wide.

    * ``first``: a zero-width pattern whose matches are every position where
      ``pattern`` could match at all (its *viable* starts);
    * ``skip``: matched at a viable start where ``pattern`` failed, it ends
      where the run ends: no viable start before that end can match;
    * ``candidate``: a zero-width pattern, linear to search, that matches at or
      before the first viable start of every run holding a match (typically at
      the run's first character, when the run is followed by what the pattern
      needs); it only saves attempts, it never decides.

    * ``cue`` (optional): a pattern every match holds (``@`` in an e-mail
      address): where it does not occur at or after ``pos``, no match starts
      there either, and one search in C says so.

    The first attempt of :meth:`search` is made at the first viable start at or
    after ``pos`` (which may be in the middle of a run, where the previous match
    ended), then only from candidates.
    """

    def __init__(self, pattern: re.Pattern, first: re.Pattern, skip: re.Pattern, candidate: re.Pattern,
                 cue: re.Pattern | None = None):
        self.pattern = pattern
        self.first = first
        self.skip = skip
        self.candidate = candidate
        self.cue = cue

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """The match ``self.pattern.search(text, pos)`` would return."""
        if self.cue is not None and self.cue.search(text, pos) is None:
            return None  # a match starting at or after pos would hold the cue there
        at_candidate = False
        while True:
            if at_candidate:
                found = self.candidate.search(text, pos)
                if found is None:
                    return None
                pos = found.start()
            at_candidate = True
            viable = self.first.search(text, pos)
            if viable is None:
                return None
            start = viable.start()
            match = self.pattern.match(text, start)
            if match is not None:
                return match
            pos = max(self.skip.match(text, start).end(), start + 1)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches ``self.pattern.finditer(text)`` would give."""
        return finditer(self.search, text)

    def sub(self, repl, text: str) -> str:
        """``self.pattern.sub(repl, text)``."""
        return sub(self.search, repl, text)


class Alternation:
    """The matches of ``(?:A1|A2|…)``, from one searcher per alternative.

    Each searcher must behave as ``Ak.search`` (a compiled pattern's bound
    ``search`` or a :class:`Scanner`'s), with the flags of the whole pattern.
    At each step the leftmost match wins, and among matches starting at the
    same place the first alternative: what the regular expression engine does.
    """

    def __init__(self, *alternatives: re.Pattern | Scanner):
        self.searchers: list[Searcher] = [a.search for a in alternatives]

    def finditer(self, text: str) -> Iterator[re.Match]:
        searchers = self.searchers
        pending: list[re.Match | None] = [search(text, 0) for search in searchers]
        pos = 0
        while True:
            best: re.Match | None = None
            for k, match in enumerate(pending):
                if match is not None and match.start() < pos:
                    match = pending[k] = searchers[k](text, pos)
                if match is not None and (best is None or match.start() < best.start()):
                    best = match
            if best is None:
                return
            yield best
            pos = best.end()

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        best = None
        for search in self.searchers:
            match = search(text, pos)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

    def sub(self, repl, text: str) -> str:
        """``pattern.sub(repl, text)``: ``repl`` is a string (taken literally) or a function of the match."""
        return sub(self.finditer, repl, text, whole=True)


def finditer(search: Searcher, text: str) -> Iterator[re.Match]:
    """Successive non-overlapping matches of ``search`` (as ``finditer`` gives them)."""
    pos = 0
    while True:
        match = search(text, pos)
        if match is None:
            return
        yield match
        pos = match.end()


def sub(search, repl, text: str, *, whole: bool = False) -> str:
    """Replace the matches of ``search`` (or of ``search(text)`` itself with ``whole``) by ``repl``.

    ``repl`` is a plain string (no group references) or a function of the match.
    """
    matches = search(text) if whole else finditer(search, text)
    pieces: list[str] = []
    last = 0
    for match in matches:
        pieces.append(text[last: match.start()])
        pieces.append(repl(match) if callable(repl) else repl)
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


# ----------------------------------------------------------------- scanners

# An e-mail address: ``[\w.+-]+@[\w-]+(?:\.[\w-]+)+``.  Its local part runs to
# the end of the run of ``[\w.+-]`` characters it starts in (``@`` is not one
# of them), so whether it matches depends only on what follows the run.
EMAIL = Scanner(
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    first=re.compile(r"(?=[\w.+-])"),
    skip=re.compile(r"[\w.+-]*"),
    candidate=re.compile(r"(?<![\w.+-])(?=[\w.+-]++@)"),
    cue=re.compile("@"),
)


def _chain_scanner(pattern: re.Pattern, first: str, flags: int = 0, cue: str = r"\.") -> Scanner:
    """A scanner for a domain-like pattern ``<start>[\\w-]*(?:\\.[\\w-]+)*\\.<end>``.

    From a start, ``[\\w-]*`` and the dotted segments run to the end of the
    chain ``word-word.word.word`` (a dot is not in ``[\\w-]``), and the pattern
    matches when some later segment of the chain begins with what ``<end>``
    wants: a later start in the same chain sees a part of the same segments.
    Every match holds the ``\\.<end>`` it ends with: ``cue`` is that dot, or the
    dot with what ``<end>`` begins with.
    """
    return Scanner(
        pattern,
        first=re.compile(first, flags),
        skip=re.compile(r"[\w-]*(?:\.[\w-]+)*"),
        candidate=re.compile(r"(?<![\w-])(?=[\w-]*+\.[\w-])"),
        cue=re.compile(cue, flags),
    )


# A bare domain as the prose masks write it: ``\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?``
# (case-insensitive).
DOMAIN = _chain_scanner(
    re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE),
    first=r"\b(?=[\w-])",
    flags=re.IGNORECASE,
    cue=r"\.[a-z]{2}",
)


def bare_domain(pattern: str) -> Scanner:
    """A scanner for a ``(?i)(?<![\\w@.])[a-z0-9][\\w-]*(?:\\.[\\w-]+)*\\.<end>`` pattern."""
    if not pattern.startswith(r"(?i)(?<![\w@.])[a-z0-9][\w-]*(?:\.[\w-]+)*\."):  # pragma: no cover
        raise ValueError(f"not a bare-domain pattern: {pattern}")
    return _chain_scanner(re.compile(pattern), first=r"(?<![\w@.])(?=[a-z0-9])", flags=re.IGNORECASE)


# A promo code: capitals and digits, at least one of each (``TUTO20``, ``VOUS-10``):
# ``\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{2,}\b``.  Both
# lookaheads and the code itself stay inside the run of ``[A-Z0-9-]``: a later
# start in the run sees less of it.
PROMO_CODE = Scanner(
    re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{2,}\b"),
    first=re.compile(r"(?<!\w)(?=[A-Z0-9])"),
    skip=re.compile(r"[A-Z0-9-]*"),
    candidate=re.compile(r"(?<![A-Z0-9-])(?=[A-Z-]*+\d)"),
    cue=re.compile(r"\d"),  # the digit the first lookahead wants, at or after the code's start
)


# Explicit URLs, e-mail addresses and bare domains (verdure.fr/p), found in linear time.
URL_LIKE = Alternation(re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE), EMAIL, DOMAIN)
# What any match of URL_LIKE needs (``http://``, ``www.``, ``@`` or a dot before two letters),
# and the same with a ``#`` for the masks that also blank hashtags: most copy holds none.
# ``@|\.[a-z]{2}|https?://|www\.`` (case-insensitive), written so that each match opens with one
# character class: ``re`` then skips the characters that cannot open a match in C instead of
# trying the alternation at each of them (4x faster on campaign copy; same answers:
# tests/test_shortcuts.py)
_URL_CUES = re.compile(r"[@.hHwW](?i:(?<=@)|(?<=\.)[a-z]{2}|(?<=h)ttps?://|(?<=w)ww\.)")
_URL_OR_TAG_CUES = re.compile(r"[@#.hHwW](?i:(?<=[@#])|(?<=\.)[a-z]{2}|(?<=h)ttps?://|(?<=w)ww\.)")


def may_hold_url(text: str) -> bool:
    """False only if ``text`` holds no match of :data:`URL_LIKE` (a cheap test before the scan)."""
    return _URL_CUES.search(text) is not None


def may_hold_url_or_tag(text: str) -> bool:
    """False only if ``text`` holds no URL, e-mail address, domain, #hashtag or @mention."""
    return _URL_OR_TAG_CUES.search(text) is not None

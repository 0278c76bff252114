"""Quoted speech in copy: the stretches a brand quotes rather than says itself.

A testimonial (« Si tu hésites, prends rendez-vous », nous dit Claire) or a
customer's words ("as one customer told us: …") are not the brand addressing
its reader, so the address rules (T001, T002 and T009's formality) leave them
out.  :func:`quoted_spans` recognises:

* text between French guillemets « … » (nested pairs included), curly quotes
  “ … ” and „ … “, and straight double quotes " … " (paired in order; a lone
  last one opens nothing);
* an opening mark that is never closed: the quote runs to the end of its line
  (a quoted paragraph whose closing mark was forgotten, or one that closes on a
  later line only quotes up to that line's end);
* a line introduced as a quote: the rest of a line after a colon that follows a
  speech verb within 40 characters ("nous dit :", "Comme le dit Marc, client
  depuis 2019 :", "told us:", "says:"; the words are in :data:`SPEECH_CUES`),
  and a line that starts with ``>``.

Single quotes and apostrophes (', ’, ‹ ›) are never read as quotes: they are
apostrophes far more often.  Every scan is one pass over the text.
"""

from __future__ import annotations

import re

from campaignlint.language.prechecks import first_words, key_runs, may_hold, may_hold_words

__all__ = ["quoted_spans", "SPEECH_CUES"]

_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
# "… nous dit :", "témoigne Claire :", "Comme le dit Marc, client depuis 2019 :", "as one
# customer told us:" - a speech verb, then at most 40 characters (the speaker), then a colon.
SPEECH_CUES = (
    "dit", "disait", "dit-elle", "dit-il", "raconte", "racontait", "témoigne", "confie", "explique",
    "écrit", "résume", "ajoute", "souligne", "précise", "avoue", "lance", "s'exclame",
    "says", "said", "told us", "tells us", "writes", "wrote", "explains", "explained", "puts it",
    "shares", "shared", "adds", "added",
)
_CUE_LINE = re.compile(
    r"(?im)\b(?:" + "|".join(re.escape(c) for c in sorted(SPEECH_CUES, key=len, reverse=True))
    + r")\b[^\n:.!?]{0,40}?(?P<quote>:[ \t]*(?=\S)[^\n]*)"
)
_CUE_WORDS = first_words(SPEECH_CUES)
_CUE_RUNS = key_runs(SPEECH_CUES)


def _may_hold_cue(text: str, words=None) -> bool:
    """Whether ``text`` may hold a speech cue; ``words``: its runs of letters lower-cased, if known."""
    return may_hold(text, _CUE_WORDS) if words is None else may_hold_words(text, words, _CUE_RUNS)


_ANGLE_LINE = re.compile(r"(?m)^[ \t]*>[^\n]*")
_QUOTE_MARK = re.compile('[«“„"]')
# every quoted stretch holds one of these: a quote mark, the colon of a cue line, the ">" of an angle line
_MAY_QUOTE = re.compile('[«“„":>]')


def quoted_spans(text: str, words=None) -> list[tuple[int, int]]:
    """``(start, end)`` of every quoted stretch of ``text``, quote marks included, sorted by start.

    ``words``: the runs of letters of ``text`` (``[^\\W\\d_]+``) lower-cased, when the caller has
    them (the speech cues are then looked up among them instead of in the lower-cased text)."""
    if not _MAY_QUOTE.search(text):
        return []  # most copy: no quote mark, no colon, no ">" (one search in C)
    spans = _marked_spans(text) if _QUOTE_MARK.search(text) else []
    if ":" in text and _may_hold_cue(text, words):
        spans.extend(m.span("quote") for m in _CUE_LINE.finditer(text))
    if ">" in text:
        spans.extend(m.span() for m in _ANGLE_LINE.finditer(text))
    spans.sort()
    return spans


def _marked_spans(text: str) -> list[tuple[int, int]]:
    """The stretches between quote marks (one pass over the characters), in the order they close."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (the closing mark awaited, where the quote opened)
    straight_open: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            # an unclosed quote stops at the end of its line
            if stack:
                spans.append((stack[0][1], i))
                stack.clear()
            if straight_open is not None:
                spans.append((straight_open, i))
                straight_open = None
            continue
        if stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
            continue
        if ch in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[ch], i))
            continue
        if ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i + 1))
                straight_open = None
    if stack:
        spans.append((stack[0][1], len(text)))
    # a lone straight quote at the very end opens nothing: left out on purpose
    return spans

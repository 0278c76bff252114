"""Which language is this copy in?  Stop-word ratios, no model, no network.

Each candidate language (fr, en, es, de, it, pt, nl) has a stop-word list in
``rules/<lang>/stop_words.txt`` (copied from spaCy, MIT licence).  Every word
of the text found in some lists gives each of those ``1/k`` points (``k`` lists
share it: "a" or "de" say little); the language with the most points wins.

Only prose counts: URLs, bare domains, e-mail addresses, @mentions, #hashtags,
numbers and promo codes (words with digits) are left out, so brand names and
tags cannot tip the balance; a brand name is just a word in no list.  Texts of
fewer than :data:`MIN_WORDS` words, or with fewer than three stop words, give
``(None, 0.0)``: a three-word call to action is never judged.

The confidence (0–1) is the winner's share of all points, damped when stop
words are scarce (copy made of nouns) or the text is short.
"""

from __future__ import annotations

import functools
import re

from campaignlint.language.readability import TAG, prose_text
from campaignlint.language.url_masks import DOMAIN, EMAIL, Alternation
from campaignlint.resources import load_word_list

__all__ = ["detect_language", "LANGUAGES", "MIN_WORDS"]

LANGUAGES: tuple[str, ...] = ("fr", "en", "es", "de", "it", "pt", "nl")
MIN_WORDS = 8

# URLs, e-mail addresses, bare domains, #hashtags, @mentions and words with a
# digit: ``(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+
# |\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?|(?<![\w#@])[#@][^\W_]\w*|\b\w*\d\w*\b``
# (case-insensitive), matched in linear time (see ``url_masks``).
_NOT_PROSE = Alternation(
    re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE),
    EMAIL,
    DOMAIN,
    TAG,  # a hashtag or mention (the prose masks' pattern)
    re.compile(r"\b\w*\d\w*\b", re.IGNORECASE),  # _DIGIT_WORD
)
_DIGIT_WORD = re.compile(r"\b\w*\d\w*\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_]+['’]?")
# Where a match of the prose masks (URL, e-mail address, domain, tag) may start
# or end inside a run of word characters: a URL glued to the word before it
# ("h2http://…"), a domain whose last label runs on into a word character
# ("site.com2").  Elsewhere every such match starts and ends at a word boundary.
# ``(?<=\w)(?:https?://|www\.)|\.[a-z]{2,}+(?=\w)`` written to open with the one class every match
# starts with (``h``, ``w``, ``.``), each branch checking with a lookbehind which it read: ``re`` then
# skips the other characters in C (3x faster; the same answers: tests/test_detect.py).
_UNALIGNED = re.compile(r"[.hw](?:(?<=\wh)ttps?://|(?<=\ww)ww\.|(?<=\.)[a-z]{2,}+(?=\w))", re.IGNORECASE)


@functools.cache
def _stop_words() -> dict[str, tuple[str, ...]]:
    """word -> languages whose list holds it."""
    index: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for word in load_word_list(lang, "stop_words.txt"):
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@functools.cache
def _points() -> dict[str, tuple[tuple[str, ...], float]]:
    """token -> (its languages, the points each gets: ``1/k``), for every token that is a stop word.

    A token ends in at most one apostrophe ("l'", "qu'"): it is the stop word
    it spells, or else the stop word without the apostrophe, so every stop word
    is also entered with one (unless that form is a stop word of its own).
    """
    index = _stop_words()
    points = {word: (langs, 1.0 / len(langs)) for word, langs in index.items()}
    for word, langs in index.items():
        points.setdefault(word + "'", (langs, 1.0 / len(langs)))
    return points


def _blank_digit_words(text: str) -> str:
    """``text`` with its words holding a digit blanked (a text without a digit is left as it is)."""
    return _DIGIT_WORD.sub(" ", text) if _DIGIT.search(text) else text


def _masked(text: str) -> str:
    """``_NOT_PROSE.sub(" ", text)``, from the prose masks T006, T007 and T009 share when that is the same.

    When every match of the prose masks starts and ends at a word boundary
    (no :data:`_UNALIGNED` in the text), a run of word characters is either
    wholly inside one or wholly outside, and the masks blank no part of a
    word they do not blank whole: the combined pattern then blanks what the
    prose masks blank, and the words with a digit outside them, which the digit
    mask then finds in the masked text (blanking with a space leaves the other
    runs as they were).  When the prose masks blank nothing (the same text
    back), only the digit mask can.  ``tests/test_detect.py`` compares both on
    random text.
    """
    prose = prose_text(text)  # memoised: T007 has just read the text's prose words
    if prose is text:  # no URL, address, domain or tag matched: only the words with a digit
        return _blank_digit_words(text)
    if _UNALIGNED.search(text):
        return _NOT_PROSE.sub(" ", text)
    return _blank_digit_words(prose)


def detect_language(text: str) -> tuple[str | None, float]:
    """``(language code, confidence)``, or ``(None, 0.0)`` when the text is too short to tell."""
    # "’" made "'" in the whole text at once (neither is a word character: the same tokens);
    # every token has a letter, so none is only an apostrophe
    words = list(map(str.lower, _TOKEN.findall(_masked(text).replace("’", "'"))))
    if len(words) < MIN_WORDS:
        return None, 0.0
    found = [entry for entry in map(_points().get, words) if entry is not None]
    hits = len(found)
    if hits < 3:
        return None, 0.0
    points = dict.fromkeys(LANGUAGES, 0.0)
    for langs, share in found:  # in the text's order: the same sums to the last bit
        for lang in langs:
            points[lang] += share
    best = max(LANGUAGES, key=lambda lang: points[lang])
    total = sum(points.values())
    share = points[best] / total if total else 0.0
    coverage = hits / len(words)
    confidence = share * min(1.0, coverage / 0.25) * min(1.0, len(words) / 15)
    return best, round(confidence, 3)

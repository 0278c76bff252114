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

from campaignlint.language.url_masks import DOMAIN, EMAIL, Alternation, may_hold_url_or_tag
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
    re.compile(r"(?<![\w#@])[#@][^\W_]\w*", re.IGNORECASE),
    re.compile(r"\b\w*\d\w*\b", re.IGNORECASE),  # _DIGIT_WORD
)
_DIGIT_WORD = re.compile(r"\b\w*\d\w*\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+['’]?")


@functools.cache
def _stop_words() -> dict[str, tuple[str, ...]]:
    """word -> languages whose list holds it."""
    index: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for word in load_word_list(lang, "stop_words.txt"):
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def detect_language(text: str) -> tuple[str | None, float]:
    """``(language code, confidence)``, or ``(None, 0.0)`` when the text is too short to tell."""
    # without a URL, address, domain or tag the masks reduce to the words with a digit (one regex)
    masked = _NOT_PROSE.sub(" ", text) if may_hold_url_or_tag(text) else _DIGIT_WORD.sub(" ", text)
    # "’" made "'" in the whole text at once (neither is a word character: the same tokens);
    # every token has a letter, so none is only an apostrophe
    words = [t.lower() for t in _TOKEN.findall(masked.replace("’", "'"))]
    if len(words) < MIN_WORDS:
        return None, 0.0
    index = _stop_words()
    points = dict.fromkeys(LANGUAGES, 0.0)
    hits = 0
    for word in words:
        langs = index.get(word) or index.get(word.rstrip("'"))
        if not langs:
            continue
        hits += 1
        for lang in langs:
            points[lang] += 1.0 / len(langs)
    if hits < 3:
        return None, 0.0
    best = max(LANGUAGES, key=lambda lang: points[lang])
    total = sum(points.values())
    share = points[best] / total if total else 0.0
    coverage = hits / len(words)
    confidence = share * min(1.0, coverage / 0.25) * min(1.0, len(words) / 15)
    return best, round(confidence, 3)

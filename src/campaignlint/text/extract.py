"""Find hashtags, mentions, URLs and emoji in copy, the way the platforms do.

The hashtag, mention and URL rules follow twitter-text (the extraction code
Twitter/X publishes and that most social tools copy), checked against its
official conformance cases (``tests/data/twitter-text/extract.yml``):

* a hashtag is ``#`` (or the full-width ``＃``) followed by letters, marks,
  digits and a few joiners, with at least one letter: ``#PortezLeChangement``,
  ``#ÉtéDurable``, ``#mañana`` are hashtags; ``#16`` is not.  The ``#`` must
  not follow a letter or digit (``C#`` and ``&#39;`` are not hashtags), and a
  ``#`` inside a URL (``https://verdure.fr/#collection``) is part of the URL;
* a mention is ``@name`` (1–20 letters, digits or ``_``) not preceded by a
  letter or digit, so ``contact@verdure.fr`` (an e-mail address) is not a
  mention;
* a URL is found with or without its scheme: ``https://verdure.fr/p`` and
  ``verdure.fr/p`` both are URLs (the domain must end in a real top-level
  domain, so ``merci.Votre`` is not one; beware that many brand names are
  TLDs now: ``M.Dupont`` is a URL, as on Twitter).  URL extraction uses the
  ``twitter-text-parser`` package (an exact port of twitter-text's URL regular
  expression and TLD list, which passes every official URL case); it is
  imported on first use.

Emoji are full sequences found with the ``emoji`` package: a ZWJ sequence
(👨‍👩‍👧), a skin-tone variant (👍🏽), a flag (🇫🇷) or a keycap (1️⃣) is one emoji.

Every function returns :class:`Occurrence` objects whose ``start``/``end`` are
Python ``str`` indices (code points) into the text it was given, end-exclusive,
in text order.

Speed: several rules ask for the URLs and emoji of the same text, and
twitter-text's URL expression and the ``emoji`` tokenizer are slow, so URLs,
hashtags and emoji are memoised per text (each call returns a fresh list), and texts that
cannot hold any are answered without them: no URL without a ``.`` directly
followed by a letter (every top-level domain starts with one), no ``http(s)://``
URL without ``://``, no emoji without one of the non-ASCII characters of the
``emoji`` package's sequences (accented letters, ``’``, ``«``, ``…`` and no-break
spaces are not among them).
"""

from __future__ import annotations

import functools
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import regex

__all__ = [
    "Occurrence",
    "extract_hashtags",
    "extract_mentions",
    "extract_urls",
    "extract_emoji",
    "emoji_sequences",
]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One hashtag, mention, URL or emoji found in a string: ``text[start:end] == found.text``.

    ``start``/``end`` are positions inside the string that was searched (a
    message's text value), not offsets into a file: that is
    :class:`campaignlint.source.Span`.  ``Text.span_of(start, end)`` turns an
    occurrence in a text's value into a file span.

    For a hashtag ``text`` includes the ``#`` (``"#ModeDurable"``), for a
    mention the ``@``; :attr:`value` gives the name without its sign.
    """

    start: int
    end: int
    text: str

    @property
    def value(self) -> str:
        """The hashtag or mention name without its ``#``/``@`` sign (other occurrences: the text)."""
        if self.text[:1] in ("#", "＃", "@", "＠"):
            return self.text[1:]
        return self.text


# --- hashtags (twitter-text: hashtag.js / validHashtag) -----------------------

# Characters allowed inside a hashtag besides letters, marks and decimal digits
# (twitter-text's ``hashtagSpecialChars``): underscore, ZWNJ, ZWJ, and a few
# CJK / Hebrew / Tibetan punctuation marks that are part of words.
_HASHTAG_SPECIAL = "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
_HASHTAG_ALPHA = r"[\p{L}\p{M}]"
_HASHTAG_ALNUM = r"[\p{L}\p{M}\p{Nd}" + _HASHTAG_SPECIAL + r"]"

_HASHTAG_RE = regex.compile(
    # boundary: start, a variation selector (✌️#tag), or any character that is
    # neither part of a word nor "&" (HTML entities such as &#39;)
    r"(?:(?<=[\uFE0E\uFE0F])|(?<!" + _HASHTAG_ALNUM[:-1] + r"&]))"
    r"[#＃](?![\uFE0F\u20E3])"  # not the keycap emoji #️⃣
    r"(" + _HASHTAG_ALNUM + r"*" + _HASHTAG_ALPHA + _HASHTAG_ALNUM + r"*)",
)
# A hashtag directly followed by another # or by "://" is not one.
_HASHTAG_END_RE = regex.compile(r"[#＃]|://")

# --- mentions (twitter-text: validMentionOrList) ------------------------------

_MENTION_RE = regex.compile(
    r"(?P<before>^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)"
    r"(?P<mention>[@＠][a-zA-Z0-9_]{1,20})"
    r"(?P<slug>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
)
# A mention followed by another @, an accented Latin letter or "://" is not one.
_MENTION_END_RE = regex.compile(
    r"[@＠\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259"
    r"\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]|://"
)

_SCHEME_RE = regex.compile(r"https?://", regex.IGNORECASE)


def extract_hashtags(text: str) -> list[Occurrence]:
    """Hashtags in ``text``, ``#`` included (``Occurrence(…, text="#ModeDurable")``).

    A ``#`` that belongs to a URL (``verdure.fr/#faq``) is not a hashtag.
    """
    if "#" not in text and "＃" not in text:
        return []
    return list(_hashtags(text))


@functools.lru_cache(maxsize=4096)
def _hashtags(text: str) -> tuple[Occurrence, ...]:
    """:func:`extract_hashtags` without the pre-check, memoised per text."""
    tags: list[Occurrence] = []
    for match in _HASHTAG_RE.finditer(text):
        end = match.end()
        if _HASHTAG_END_RE.match(text, end):
            continue
        tags.append(Occurrence(match.start(), end, match.group(0)))
    if tags:
        urls = extract_urls(text)
        if urls:
            tags = [tag for tag in tags if not any(_overlaps(tag, url) for url in urls)]
    return tuple(tags)


def extract_mentions(text: str) -> list[Occurrence]:
    """Mentions in ``text``, ``@`` included (``Occurrence(…, text="@verdure")``).

    An e-mail address (``contact@verdure.fr``) is not a mention.  A Twitter
    list reference (``@verdure/equipe``) is not counted as a mention, as in
    twitter-text's ``extractMentionsWithIndices``.
    """
    if "@" not in text and "＠" not in text:
        return []
    mentions: list[Occurrence] = []
    for match in _MENTION_RE.finditer(text):
        if _MENTION_END_RE.match(text, match.end()):
            continue
        if match.group("slug"):
            continue
        start, end = match.span("mention")
        mentions.append(Occurrence(start, end, match.group("mention")))
    return mentions


def extract_urls(text: str, with_scheme_only: bool = False) -> list[Occurrence]:
    """URLs in ``text``: ``https://verdure.fr/p`` and also ``verdure.fr/p``.

    With ``with_scheme_only=True`` only the URLs written with ``http://`` or
    ``https://`` are returned (a bare ``verdure.fr/p`` in copy is display text).
    """
    if (with_scheme_only and "://" not in text) or not _URL_HINT.search(text):
        return []  # the substring test first: it is the cheaper one
    return list(_urls(text, with_scheme_only))


# A URL's domain ends with "." and a top-level domain, and every TLD of
# twitter-text's lists (and punycode's "xn--") starts with a letter.
_URL_HINT = re.compile(r"\.[^\W\d_]")


# twitter-text's URL pattern takes time quadratic in the length of a chain of
# dotted segments ("a.a.a.a…": 1,000 characters take a second, 2,000 four).
# No URL has that many segments (a dot followed by a letter) in one word, so a
# word with more than MAX_DOTS_IN_URL of them is never a URL, and the others are
# read word by word.  (Trailing periods are not segments: "verdure.fr......" stays a URL.)
MAX_DOTS_IN_URL = 30
_WORD = re.compile(r"\S+")


def _segments(word: str) -> int:
    return len(_URL_HINT.findall(word))


@functools.lru_cache(maxsize=4096)
def _urls(text: str, with_scheme_only: bool) -> tuple[Occurrence, ...]:
    """:func:`extract_urls` without the pre-checks, memoised per text."""
    if any(_segments(word) > MAX_DOTS_IN_URL for word in text.split()):
        spans: list[Occurrence] = []
        for word in _WORD.finditer(text):
            if 0 < _segments(word.group()) <= MAX_DOTS_IN_URL:
                for span in _urls(word.group(), with_scheme_only):
                    spans.append(Occurrence(word.start() + span.start, word.start() + span.end, span.text))
        return tuple(spans)
    spans = []
    for entity in _twitter_url_extractor()(text, not with_scheme_only):
        start, end = entity["indices"]
        if with_scheme_only and not _SCHEME_RE.match(text, start):
            continue
        spans.append(Occurrence(start, end, text[start:end]))
    return tuple(spans)


def extract_emoji(text: str) -> list[Occurrence]:
    """Emoji in ``text``, each full sequence (ZWJ, skin tone, flag, keycap) as one span.

    The typographic symbols ©, ® and ™ are emoji only when written with the
    emoji variation selector (``©️``): in "Verdure® 2027 ©" they are not
    counted (twemoji leaves them as text too).
    """
    return [
        span for span in emoji_sequences(text) if span.text not in _TYPOGRAPHIC_SYMBOLS
    ]


def emoji_sequences(text: str) -> list[Occurrence]:
    """Every emoji sequence the ``emoji`` package knows, bare ©, ® and ™ included.

    This is what twitter-text's length counting treats as an emoji (its table
    also lists them); :func:`extract_emoji` is the reader's view.
    """
    if text.isascii() or _emoji_characters().isdisjoint(text):
        return []
    return list(_emoji_sequences(text))


@functools.lru_cache(maxsize=4096)
def _emoji_sequences(text: str) -> tuple[Occurrence, ...]:
    """:func:`emoji_sequences` without the pre-checks, memoised per text."""
    import emoji  # a trie of every emoji sequence (Unicode emoji 16+), built on first use

    return tuple(
        Occurrence(item["match_start"], item["match_end"], item["emoji"])
        for item in emoji.emoji_list(text)
    )


@functools.cache
def _emoji_characters() -> frozenset[str]:
    """Every non-ASCII character of the ``emoji`` package's sequences.

    The package's tokenizer only reports sequences it knows, whole, and each
    of them holds at least one non-ASCII character (the keycaps ``1️⃣`` and
    ``#️⃣`` too: U+FE0F, U+20E3): a text with none of these characters holds no
    emoji.
    """
    import emoji

    return frozenset(ch for sequence in emoji.EMOJI_DATA for ch in sequence if not ch.isascii())


_TYPOGRAPHIC_SYMBOLS = frozenset("\u00a9\u00ae\u2122")


def _overlaps(a: Occurrence, b: Occurrence) -> bool:
    return a.start < b.end and b.start < a.end


@functools.cache
def _twitter_url_extractor():
    """``twitter_text.extract_urls_with_indices``, imported on first use.

    twitter-text-parser loads its (unused here) emoji table with the deprecated
    ``pkg_resources`` module, which recent setuptools no longer ship.  While it
    is imported, a minimal stand-in providing ``resource_string`` is put in
    ``sys.modules`` (and removed afterwards) unless the real module is already
    loaded, so the import neither depends on setuptools nor pays for it.
    """
    shim = None
    if "pkg_resources" not in sys.modules:
        shim = types.ModuleType("pkg_resources")

        def resource_string(module_name: str, resource: str) -> bytes:
            module = sys.modules[module_name]
            return (Path(module.__file__).parent / resource).read_bytes()

        shim.resource_string = resource_string
        sys.modules["pkg_resources"] = shim
    try:
        from twitter_text.extract_urls import extract_urls_with_indices
    finally:
        if shim is not None and sys.modules.get("pkg_resources") is shim:
            del sys.modules["pkg_resources"]
    return extract_urls_with_indices

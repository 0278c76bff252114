"""Measure copy the way each platform measures it (docs/channels.md, counting units).

=============  =================================================================
unit           one unit is
=============  =================================================================
``chars``      a Unicode code point after NFC normalisation
``graphemes``  an extended grapheme cluster (👍🏽 and 👨‍👩‍👧 are one), after NFC
``utf16``      a UTF-16 code unit after NFC (🌱, outside the BMP, is two)
``twitter``    the weighted length of twitter-text (config v3 by default)
``gsm``        SMS units: GSM 03.38 septets (extension characters cost 2) when
               the text fits GSM-7, else UTF-16 units (see :mod:`.sms`)
``width``      display width after NFC: East Asian Wide and Fullwidth
               characters (CJK, full-width Latin, most emoji) count 2
=============  =================================================================

The twitter weighted length follows twitter-text's ``parseTweet`` exactly and
passes every case of its conformance sections ``WeightedTweetsCounterTest``
(v2), ``WeightedTweetsWithDiscountedEmojiCounterTest`` and
``UnicodeDirectionalMarkerCounterTest`` (v3):

1. the text is NFC-normalised;
2. each URL (found as twitter-text finds them, scheme or not) weighs
   ``transformedURLLength`` (23);
3. with ``emojiParsingEnabled`` (v3) each emoji sequence weighs the default
   weight (2), however many code points it has;
4. every other code point weighs its range's weight (1 for Latin, Cyrillic,
   Greek, Arabic… up to U+10FF and some punctuation) or the default weight (2:
   CJK, emoji without parsing, …);
5. the sum is divided by the scale; the text is valid when it is not empty,
   holds no invalid character (U+FFFE, U+FEFF, U+FFFF) and weighs at most
   ``maxWeightedTweetLength`` (280).

The ``twitter-text-parser`` package computes the same figures for the
conformance cases, but two quirks make it unfit here: it turns CRLF into LF
before counting (``"a\\r\\nb"`` weighs 3 instead of 4) and its emoji table
dates from Unicode 12 (🫶🏽, 🐦‍🔥, 🧑‍🧑‍🧒 and 🫱🏻‍🫲🏿 weigh 4, 5, 8 and 9 there
instead of 2).  So the loop is written here; the package's URL extraction (exact and
conformance-tested) is used through :func:`.extract.extract_urls`, and emoji
sequences come from the up-to-date ``emoji`` package.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex

from ..i18n import N_
from ..i18n import gettext as _
from . import extract as _extract

__all__ = [
    "UNITS",
    "TWITTER_CONFIGS",
    "TwitterLength",
    "measure",
    "twitter_length",
    "describe_unit",
]

UNITS: tuple[str, ...] = ("chars", "graphemes", "utf16", "twitter", "gsm", "width")

_UNIT_WORDS = {
    "chars": N_("characters"),
    "graphemes": N_("grapheme clusters"),
    "utf16": N_("UTF-16 code units"),
    "twitter": N_("weighted characters"),
    "gsm": N_("SMS units"),
    "width": N_("width units"),
}

# twitter-text's length configurations, as published in its ``config/``
# folder (v1.json, v2.json, v3.json; Apache-2.0).  These are the platform's
# counting algorithm, not tunable rule data: the channel's own limit (280 on
# twitter) lives in rules/channels.camp.
_TWITTER_RANGES = (
    (0, 4351, 100),
    (8192, 8205, 100),
    (8208, 8223, 100),
    (8242, 8247, 100),
)
TWITTER_CONFIGS: dict[str, dict] = {
    "v1": {
        "version": 1,
        "maxWeightedTweetLength": 140,
        "scale": 1,
        "defaultWeight": 1,
        "emojiParsingEnabled": False,
        "transformedURLLength": 23,
        "ranges": (),
    },
    "v2": {
        "version": 2,
        "maxWeightedTweetLength": 280,
        "scale": 100,
        "defaultWeight": 200,
        "emojiParsingEnabled": False,
        "transformedURLLength": 23,
        "ranges": _TWITTER_RANGES,
    },
    "v3": {
        "version": 3,
        "maxWeightedTweetLength": 280,
        "scale": 100,
        "defaultWeight": 200,
        "emojiParsingEnabled": True,
        "transformedURLLength": 23,
        "ranges": _TWITTER_RANGES,
    },
}

# twitter-text's invalid characters (``invalidCharsGroup``).
_TWITTER_INVALID = frozenset("\ufffe\ufeff\uffff")

_GRAPHEME_RE = regex.compile(r"\X")


@dataclass(frozen=True, slots=True)
class TwitterLength:
    """Result of :func:`twitter_length` (the fields of twitter-text's ``parseTweet``).

    ``weighted_length``, ``valid``, ``permillage`` and the four range ends
    are exactly twitter-text's (ranges are inclusive and in UTF-16 code units
    of the original text, as in the conformance file).  ``valid_text_end`` is
    the same boundary as a Python ``str`` index into the original text: the
    text up to it fits the limit, the rest overflows (exact when the text is
    already NFC, which is the norm).  ``max_weighted_length`` is the config's
    maximum (280 for v2 and v3).
    """

    weighted_length: int
    valid: bool
    permillage: int
    display_range_start: int
    display_range_end: int
    valid_range_start: int
    valid_range_end: int
    valid_text_end: int
    max_weighted_length: int


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _char_weight(code_point: int, config: dict) -> int:
    for start, end, weight in config["ranges"]:
        if start <= code_point <= end:
            return weight
    return config["defaultWeight"]


def twitter_length(text: str, config: str = "v3") -> TwitterLength:
    """The twitter-text weighted length of ``text`` under config ``"v1"``, ``"v2"`` or ``"v3"``.

    >>> twitter_length("Portez le changement 🌱 https://verdure.fr/printemps").weighted_length
    47

    Memoised per text and config (C001, C002 and their messages measure the
    same text).
    """
    if config not in TWITTER_CONFIGS:
        raise ValueError(
            f"unknown twitter-text config {config!r} (expected one of {', '.join(TWITTER_CONFIGS)})"
        )
    return _twitter_length(text, config)


@functools.lru_cache(maxsize=4096)
def _twitter_length(text: str, config: str) -> TwitterLength:
    cfg = TWITTER_CONFIGS[config]
    scale = cfg["scale"]
    max_scaled = cfg["maxWeightedTweetLength"] * scale
    url_weight = cfg["transformedURLLength"] * scale

    normalized = unicodedata.normalize("NFC", text)
    # entity start -> (end, weight)
    entities: dict[int, tuple[int, int]] = {}
    if cfg["emojiParsingEnabled"]:
        for span in _extract.emoji_sequences(normalized):
            entities[span.start] = (span.end, cfg["defaultWeight"])
    for span in _extract.extract_urls(normalized):  # URLs win over emoji
        entities[span.start] = (span.end, url_weight)

    weighted = 0
    has_invalid = False
    valid_end = 0  # code point index in `normalized` where the valid part ends
    index = 0
    length = len(normalized)
    while index < length:
        entity = entities.get(index)
        if entity is not None:
            end, weight = entity
        else:
            end, weight = index + 1, _char_weight(ord(normalized[index]), cfg)
        weighted += weight
        if not has_invalid:
            has_invalid = any(ch in _TWITTER_INVALID for ch in normalized[index:end])
        if not has_invalid and weighted <= max_scaled:
            valid_end = end
        index = end

    weighted_length = weighted // scale
    max_length = cfg["maxWeightedTweetLength"]
    utf16_text = _utf16_len(text)
    utf16_normalization_offset = utf16_text - _utf16_len(normalized)
    valid_range_end = _utf16_len(normalized[:valid_end]) - 1 + utf16_normalization_offset
    return TwitterLength(
        weighted_length=weighted_length,
        valid=not has_invalid and 0 < weighted_length <= max_length,
        permillage=weighted_length * 1000 // max_length,
        display_range_start=0,
        display_range_end=max(utf16_text - 1, 0),
        valid_range_start=0,
        valid_range_end=valid_range_end,
        valid_text_end=_original_index(valid_end, length, len(text)),
        max_weighted_length=max_length,
    )


def _original_index(index: int, normalized_length: int, original_length: int) -> int:
    """Map an index of the NFC text back to the original (exact when NFC changed nothing)."""
    if index <= 0:
        return 0
    if index >= normalized_length:
        return original_length
    return min(max(index + original_length - normalized_length, 0), original_length)


def measure(text: str, unit: str) -> int:
    """Length of ``text`` in ``unit`` (one of :data:`UNITS`); ValueError for an unknown unit.

    ``twitter`` uses the v3 config; ``gsm`` counts GSM-7 septets when the text
    fits GSM 03.38, else UTF-16 units (the text is measured as written, without
    normalisation, since that is what the SMS gateway sends).
    """
    if unit == "chars":
        return len(unicodedata.normalize("NFC", text))
    if unit == "graphemes":
        normalized = unicodedata.normalize("NFC", text)
        if normalized.isascii():
            # every ASCII character is its own cluster except CR LF
            return len(normalized) - normalized.count("\r\n")
        return sum(1 for _ in _GRAPHEME_RE.finditer(normalized))
    if unit == "utf16":
        return _utf16_len(unicodedata.normalize("NFC", text))
    if unit == "twitter":
        return twitter_length(text).weighted_length
    if unit == "gsm":
        from .sms import sms_info

        return sms_info(text).units
    if unit == "width":
        normalized = unicodedata.normalize("NFC", text)
        if normalized.isascii():
            return len(normalized)
        from wcwidth import wcwidth

        return sum(2 if wcwidth(ch) == 2 else 1 for ch in normalized)
    raise ValueError(_unknown_unit(unit))


def describe_unit(unit: str) -> str:
    """A plain word for ``unit`` in messages: ``"weighted characters"``, ``"characters"``…"""
    try:
        return _(_UNIT_WORDS[unit])
    except KeyError:
        raise ValueError(_unknown_unit(unit)) from None


def _unknown_unit(unit: str) -> str:
    return f"unknown counting unit {unit!r} (expected one of: {', '.join(UNITS)})"

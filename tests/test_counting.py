"""Counting units (language reference §3), twitter-text conformance included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from campaignlint.text.counting import (
    TWITTER_CONFIGS,
    UNITS,
    TwitterLength,
    describe_unit,
    measure,
    twitter_length,
)

DATA = Path(__file__).parent / "data" / "twitter-text"

_FIELDS = {
    "weightedLength": "weighted_length",
    "valid": "valid",
    "permillage": "permillage",
    "displayRangeStart": "display_range_start",
    "displayRangeEnd": "display_range_end",
    "validRangeStart": "valid_range_start",
    "validRangeEnd": "valid_range_end",
}
_SECTIONS = {
    "WeightedTweetsCounterTest": "v2",
    "WeightedTweetsWithDiscountedEmojiCounterTest": "v3",
    "UnicodeDirectionalMarkerCounterTest": "v3",
}


def _official_cases():
    tests = yaml.safe_load((DATA / "validate.yml").read_text(encoding="utf-8"))["tests"]
    for section, config in _SECTIONS.items():
        for case in tests[section]:
            yield pytest.param(config, case, id=f"{section}: {case['description']}")


OFFICIAL = list(_official_cases())


def test_every_official_section_is_loaded():
    assert len(OFFICIAL) == 20 + 22 + 2


@pytest.mark.parametrize("config, case", OFFICIAL)
def test_official_twitter_text_length_case(config, case):
    result = twitter_length(case["text"], config=config)
    got = {key: getattr(result, attr) for key, attr in _FIELDS.items()}
    assert got == case["expected"]


@pytest.mark.parametrize("config, case", [p for p in OFFICIAL if p.values[0] == "v3"])
def test_measure_twitter_is_the_v3_weighted_length(config, case):
    assert measure(case["text"], "twitter") == case["expected"]["weightedLength"]


@pytest.mark.parametrize("version", ["v1", "v2", "v3"])
def test_built_in_configs_match_the_published_json(version):
    published = json.loads((DATA / f"{version}.json").read_text(encoding="utf-8"))
    ours = TWITTER_CONFIGS[version]
    for key, value in published.items():
        if key == "ranges":
            assert [(r["start"], r["end"], r["weight"]) for r in value] == list(ours["ranges"])
        else:
            assert ours[key] == value, key
    assert ours["emojiParsingEnabled"] == published.get("emojiParsingEnabled", False)


def test_unknown_config_is_refused():
    with pytest.raises(ValueError, match="v4"):
        twitter_length("Bonjour", config="v4")


# --- realistic tweets --------------------------------------------------------

LONG_URL = (
    "https://verdure.fr/collections/printemps/veste-coupe-vent"
    "?utm_source=twitter&utm_medium=social&utm_campaign=printemps2027"
)


def test_a_long_url_counts_23():
    assert len(LONG_URL) == 121
    copy = (
        "Portez le changement : notre veste coupe-vent est tissée à partir de bouteilles "
        "recyclées, doublée de coton biologique et faite au Portugal. Légère et déperlante, "
        "elle vous suit partout : "
    )
    tweet = copy + LONG_URL
    assert len(tweet) == 309  # over 280 code points...
    result = twitter_length(tweet)
    assert result.weighted_length == 211  # ...but the URL weighs 23
    assert result.valid
    assert measure(tweet, "chars") == 309


def test_thirty_emoji_push_a_257_code_point_tweet_over_280():
    copy = (
        "Trente jours, trente gestes pour une garde-robe plus durable. Chaque matin, un conseil "
        "simple : réparer, échanger, laver à froid, choisir le coton biologique. Relevez le "
        "défi et partagez vos progrès avec #PortezLeChangement !! "
    )
    emoji = "🌱🌍♻👕👖🧵🪡💚🌿🍃" * 3  # 30 emoji, one code point each
    tweet = copy + emoji
    assert len(copy) == 227 and len(emoji) == 30
    assert len(tweet) == 257  # fits 280 code points...
    result = twitter_length(tweet)
    assert result.weighted_length == 287  # ...but each emoji weighs 2
    assert not result.valid
    assert result.permillage == 1025
    # the valid part stops inside the emoji run: 227 + 26 emoji = 279, the 27th makes 281
    assert result.valid_text_end == 227 + 26
    assert twitter_length(tweet[: result.valid_text_end]).valid


def test_short_french_tweet_is_valid():
    tweet = "L’été arrive chez Verdure 🌱 Découvrez la collection : verdure.fr/p #ModeDurable"
    result = twitter_length(tweet)
    # ’ (U+2019) is in a weight-1 range; 🌱 weighs 2; verdure.fr/p is a URL (23)
    assert result.weighted_length == len(tweet) - len("verdure.fr/p") + 23 + 1
    assert result.valid and result.valid_text_end == len(tweet)


def test_crlf_counts_two_characters():
    # twitter-text counts \r and \n separately (twitter-text-parser wrongly merges them)
    assert measure("Bonjour\r\nà tous", "twitter") == 15
    assert measure("Bonjour\nà tous", "twitter") == 14


@pytest.mark.parametrize(
    "emoji",
    [
        "🫶🏽",  # heart hands + skin tone (Emoji 14)
        "🐦\u200d🔥",  # phoenix (Emoji 15.1)
        "🧑\u200d🧑\u200d🧒",  # family: adult, adult, child (Emoji 15.1)
        "🫱🏻\u200d🫲🏿",  # handshake with two skin tones (Emoji 14)
        "🏳️\u200d🌈",
        "🇫🇷",
        "1️⃣",
    ],
)
def test_recent_emoji_sequences_weigh_two(emoji):
    assert measure(emoji, "twitter") == 2


def test_emoji_weigh_one_code_point_each_without_emoji_parsing():
    assert twitter_length("🙋🏽", config="v2").weighted_length == 4
    assert twitter_length("🙋🏽", config="v3").weighted_length == 2


def test_empty_and_invalid_tweets():
    empty = twitter_length("")
    assert empty.weighted_length == 0 and not empty.valid
    assert not twitter_length("Soldes\ufffe").valid
    assert isinstance(empty, TwitterLength)


def test_overflow_boundary_is_a_str_index():
    text = "x" * 300
    result = twitter_length(text)
    assert result.weighted_length == 300 and not result.valid
    assert result.valid_range_end == 279
    assert result.valid_text_end == 280


# --- the other units ----------------------------------------------------------


def test_chars_count_code_points_after_nfc():
    assert measure("e\u0301te\u0301", "chars") == 3  # é t é, decomposed
    assert measure("Été durable", "chars") == 11
    assert measure("👍🏽", "chars") == 2


def test_graphemes_count_what_the_eye_sees():
    assert measure("👍🏽", "graphemes") == 1
    assert measure("👩🏽\u200d💻", "graphemes") == 1  # woman technologist, medium skin tone
    assert measure("👨\u200d👩\u200d👧", "graphemes") == 1
    assert measure("🇫🇷", "graphemes") == 1
    assert measure("e\u0301", "graphemes") == 1
    assert measure("Merci 🙏🏾 !", "graphemes") == 9
    assert measure("Bonjour\r\nà tous", "graphemes") == 14  # CR LF is one cluster
    assert measure("Bonjour\r\nall", "graphemes") == 11  # ASCII shortcut agrees


def test_utf16_counts_code_units():
    assert measure("Soldes", "utf16") == 6
    assert measure("🌱", "utf16") == 2
    assert measure("👍🏽", "utf16") == 4
    assert measure("👨\u200d👩\u200d👧", "utf16") == 8
    assert measure("été", "utf16") == 3


def test_width_counts_full_width_characters_twice():
    assert measure("Soldes d'hiver", "width") == 14
    assert measure("ＳＡＬＥ", "width") == 8  # full-width Latin
    assert measure("セール開催中", "width") == 12  # katakana and kanji are wide
    assert measure("ｾｰﾙ", "width") == 3  # half-width katakana is narrow
    assert measure("Été -20 %", "width") == 9  # accented Latin is narrow
    assert measure("限定SALE", "width") == 8


def test_gsm_counts_septets_or_utf16_units():
    assert measure("Soldes -20 % : 49,90 €", "gsm") == 23  # € costs two septets
    assert measure("Forêt", "gsm") == 5  # ê is not GSM: UCS-2, 5 units
    assert measure("Merci 🌱", "gsm") == 8  # UCS-2: 🌱 is a surrogate pair


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="words"):
        measure("Bonjour", "words")
    with pytest.raises(ValueError):
        describe_unit("words")


def test_every_unit_is_measured_and_described():
    for unit in UNITS:
        assert measure("Portez le changement 🌱", unit) > 0
        assert describe_unit(unit)
    assert describe_unit("twitter") == "weighted characters"
    assert describe_unit("chars") == "characters"
    assert describe_unit("graphemes") == "grapheme clusters"

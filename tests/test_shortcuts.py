"""The cheap tests some rules run before their slow path give the slow path's answer."""

from __future__ import annotations

import random
import sys
import unicodedata
from urllib.parse import unquote_plus


def test_inner_capital_shortcut_never_skips_a_word_with_one():
    from campaignlint.checks.google_ads.assets import _may_have_inner_capital

    rng = random.Random(11)
    alphabet = "aAbBéÉǅǆßẞ1-’ ΣσﬀK"
    for _ in range(50_000):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            assert _may_have_inner_capital(word), word


def test_r005_visits_exactly_the_characters_neither_alnum_nor_space():
    from campaignlint.checks.google_ads.editorial import _NOT_ALNUM_OR_SPACE

    for code in range(0, sys.maxunicode + 1, 7):  # every seventh code point (all of them: a few seconds)
        ch = chr(code)
        assert (_NOT_ALNUM_OR_SPACE.fullmatch(ch) is not None) == (not (ch.isalnum() or ch.isspace())), hex(code)


def test_strip_accents_of_ascii_and_of_the_rest():
    from campaignlint.text.wording import strip_accents

    def slow(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

    for text in ("", "PROMO", "Écolo", "noël", "a\u0301b", "ǅ", "ﬀ"):
        assert strip_accents(text) == slow(text)


def test_query_values_decoded_as_unquote_plus():
    from campaignlint.text.urls import _decode

    rng = random.Random(2)
    for _ in range(20_000):
        text = "".join(rng.choice("ab+%2041 é_-") for _ in range(rng.randint(0, 8)))
        assert _decode(text) == unquote_plus(text), text


def test_url_cues_opening_with_one_class_answer_as_the_alternation():
    import re

    from campaignlint.language import url_masks

    slow_url = re.compile(r"@|\.[a-z]{2}|https?://|www\.", re.IGNORECASE)
    slow_tag = re.compile(r"[@#]|\.[a-z]{2}|https?://|www\.", re.IGNORECASE)
    rng = random.Random(5)
    alphabet = "hHtTpPsSwW.:/@#aZé ſK1"
    samples = ["", "voir www.x", "HTTPS://A", "httſ://", "a.Fr", "a.K", "@", "#tag", "wWw.", "h.tt"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(100_000)]
    for text in samples:
        assert url_masks.may_hold_url(text) == (slow_url.search(text) is not None), text
        assert url_masks.may_hold_url_or_tag(text) == (slow_tag.search(text) is not None), text


def test_tag_patterns_written_sign_first_find_the_same_spans():
    import re

    from campaignlint.language import readability

    pairs = [
        (re.compile(r"(?<![\w#@])[#@][^\W_]\w*", re.IGNORECASE), readability.TAG),
        (re.compile(r"(?<![\w&])[#@]\w+"), re.compile(r"[#@](?<![\w&].)\w+")),  # offers' tag mask
    ]
    rng = random.Random(3)
    samples = ["#a", "a#b", "&#x", "##a", "@_a", "\n#a", "é@b", "#é"]
    samples += ["".join(rng.choice("#@a_1 é\n&") for _ in range(rng.randint(0, 8))) for _ in range(100_000)]
    for slow, fast in pairs:
        for text in samples:
            assert [m.span() for m in slow.finditer(text)] == [m.span() for m in fast.finditer(text)], text

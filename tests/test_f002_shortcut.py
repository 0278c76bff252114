"""F002's proof that a text holds a URL agrees with twitter-text (``extract_urls``)."""

from __future__ import annotations

import random

import pytest

from campaignlint.checks.funnel.f002_conversion_without_cta import _surely_a_url
from campaignlint.text.extract import extract_urls

_TLDS = ("com", "fr", "io", "net", "org", "de", "es", "it", "nl", "be", "ch", "eu")
_PIECES = (
    "verdure", "Verdure", "a", "x" * 63, "x" * 64, "9", ".", "..", "/", "-", "_", "@", "$", "#", "＃", "＠",
    " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\u200e", "\u202a", "\ufeff", "é", "%", "?", "!", ":", "https://",
    "http://", "www.", "c4", "/c4", "/soldes?x=1", "/" + "p" * 250, "(", ")", "«", "»", "'", "\"", ",",
    "STOP au 36173", "+", "&", "=", "*", "…", "中", "🎉", "xn--", "co.uk", "t.co", "fr", "com", "comx",
) + tuple("." + t for t in _TLDS)


@pytest.mark.parametrize("tld", _TLDS)
def test_each_top_level_domain_is_a_url(tld):
    for text in (f"verdure.{tld}", f"Voir verdure.{tld}/c4 STOP", f"a\nverdure.{tld}/x?y", f"x.{tld} !"):
        assert _surely_a_url(text) and extract_urls(text)


def test_no_false_proof_on_random_text():
    rng = random.Random(11)
    proved = 0
    for _ in range(30000):
        text = "".join(rng.choice(_PIECES) if rng.random() < 0.8 else f"{rng.choice(_PIECES)}.{rng.choice(_TLDS)}"
                       for _ in range(rng.randint(1, 9)))
        if _surely_a_url(text):
            proved += 1
            assert extract_urls(text), text
    assert proved > 400  # the pieces do make the proof's case often


def test_not_proved_stays_to_twitter_text():
    for text in ("contact@verdure.fr", "$verdure.fr", "#verdure.fr", "-verdure.fr", "verdure.frx", "verdure.fr@",
                 "verdure.fr-", "a.b.verdure.fr", "https://verdure.fr", "verdure.fr/" + "p" * 300, "x" * 64 + ".fr"):
        assert not _surely_a_url(text)

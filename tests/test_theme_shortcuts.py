"""The theme rules' shortcuts (M005, M006) give the answers of the long way."""

from __future__ import annotations

import random
import unicodedata

from campaignlint.language.term_candidates import _candidates, _may_have_candidates
from campaignlint.language.terms import _on_surface, _surface_pattern, _surface_patterns, mentions_any

_WORDS = ("Portez", "le", "changement", "changements", "durable", "durables", "écolo", "ÉCOLOS", "synergie",
          "recyclée", "recycle", "laine", "d'été", "l'hiver", "coupe-vent", "éco-responsable", "Profitez-en",
          "#PortezLeChangement", "#Durable", "@marque", "https://ex.fr/changement", "www.durable.fr", "a@b.fr",
          "Changeons", "dur", "port", "e\u0301colo", "ﬁn", "ſynergie", "İstanbul", "—", ",", "!", "12", "-20 %")
_TERMS = (("Portez le changement",), ("changement", "durable"), ("écolo",), ("synergy", "laine recyclée"),
          ("Portez le changement", "coupe-vent", "éco"), ("le",), ("",), ("d'été", "hiver"))


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 12)))
        yield unicodedata.normalize("NFD", text) if rng.random() < 0.1 else text


def test_no_candidate_where_the_substring_precheck_says_none():
    """``_may_have_candidates`` false ⇒ ``_candidates`` empty, with and without hashtags."""
    for text in _texts(11, 6000):
        for terms in _TERMS:
            for in_hashtags in (False, True):
                if not _may_have_candidates(text, terms, in_hashtags):
                    assert _candidates(text, terms, in_hashtags) == (), (text, terms, in_hashtags)


def test_one_surface_alternation_answers_as_each_term_searched():
    for text in _texts(12, 3000):
        flat_texts = (text, text.lower())
        for terms in _TERMS:
            combined = _surface_patterns(terms)
            each = [p for p in map(_surface_pattern, terms) if p is not None]
            for flat in flat_texts:
                expected = any(p.search(flat) for p in each)
                assert (combined is not None and combined.search(flat) is not None) == expected, (flat, terms)


def _on_surface_long_way(text: str, terms: tuple[str, ...], in_hashtags: bool) -> bool:
    """``_on_surface`` as written before: every term's pattern, hashtags joined even without a ``#``."""
    from campaignlint.language.nlp import strip_urls
    from campaignlint.language.term_candidates import _CAMEL, _HASHTAG, _flat

    flat = _flat(strip_urls(text))
    hashtags = ""
    if in_hashtags:
        hashtags = _flat(" ".join(
            " ".join(_CAMEL.findall(m.group()[1:])) for m in _HASHTAG.finditer(text) if m.group().startswith("#")
        ))
    for term in terms:
        pattern = _surface_pattern(term)
        if pattern is not None and (pattern.search(flat) or (hashtags and pattern.search(hashtags))):
            return True
    return False


def test_on_surface_as_the_long_way():
    for text in _texts(13, 3000):
        for terms in _TERMS:
            for in_hashtags in (False, True):
                assert _on_surface(text, terms, in_hashtags) == _on_surface_long_way(text, terms, in_hashtags)


def test_mentions_any_as_each_text_searched():
    """The pre-checked ``mentions_any`` answers as surface search plus ``find_terms`` on every text."""
    from campaignlint.language.terms import find_terms

    rng = random.Random(14)
    texts = list(_texts(15, 1200))
    for _ in range(1500):
        group = rng.sample(texts, rng.randint(1, 3))
        terms = rng.choice(_TERMS)
        language = rng.choice(("fr", "en", "de"))
        expected = any(_on_surface_long_way(t, terms, True) for t in group) or any(
            find_terms(t, language, list(terms), in_hashtags=True) for t in group)
        assert mentions_any(group, language, list(terms), in_hashtags=True) == expected, (group, terms)


def test_theme_flags_kept_for_one_campaign_only():
    """M005 and M006 read the answers of the campaign they check, and of no other."""
    from pathlib import Path

    from campaignlint.checks.consistency.m005_m006_theme import (_on_theme_cached, _on_theme_flags, on_theme,
                                                                  theme_terms)
    from campaignlint.engine import Linter, Options

    root = Path(__file__).resolve().parent.parent / "examples"
    campaigns = []
    for name in ("flawed/rentree.camp", "northwind/launch.camp", "verdure/ete.camp"):
        linter = Linter(Options(), cwd=root)
        linter.lint_file(root / name, linted_root=root)
        campaigns.extend(linter.loaded(root / name).model.campaigns)
    assert campaigns
    for campaign in campaigns * 2:
        terms = theme_terms(campaign)
        flags = _on_theme_flags(campaign, terms, None)
        assert _on_theme_flags(campaign, terms + ["autre"], None) is not flags  # other terms: other answers
        flags = _on_theme_flags(campaign, terms, None)
        for message in campaign.messages:
            assert _on_theme_cached(flags, message, terms, None) == on_theme(message, terms, None)
        assert _on_theme_flags(campaign, terms, None) is flags


def test_m007_words_without_underscore_as_the_one_pattern():
    """``\\w+`` finds the runs ``[^\\W_]+`` finds in any text without ``_`` (and the text with one keeps it)."""
    import re

    from campaignlint.checks.consistency.m007_pasted_copy import _WORDS, _words_of

    assert _WORDS.pattern == r"[^\W_]+"
    rng = random.Random(16)
    alphabet = "ab_ é1٣ﬁ\u0301-’'#@.\u00a0\u2028𝔸ſK中"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _words_of(text) == re.findall(r"[^\W_]+", text), text

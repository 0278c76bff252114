"""Term matching for T003 (avoid / prefer … over), T008 (hype) and M005/M006 (theme)."""

from __future__ import annotations

import pytest

from campaignlint.language.terms import find_hype, find_terms, replace_preserving_case


def _found(text, lang, terms, **kw):
    return [(m.matched, m.term, m.exact) for m in find_terms(text, lang, terms, **kw)]


def test_inflected_forms_and_elisions_french():
    text = "Nos looks écolos et ÉCOLO, fabriqués sans rien d'industriel, vraiment pas chers !"
    found = _found(text, "fr", ["écolo", "industriel", "pas cher"])
    assert found == [
        ("écolos", "écolo", False),
        ("ÉCOLO", "écolo", True),
        ("industriel", "industriel", True),
        ("pas chers", "pas cher", False),
    ]


def test_offsets_are_str_indices():
    text = "🌱 Du style écolo 🌱 et d’industriel"  # emoji outside the BMP, typographic apostrophe
    for m in find_terms(text, "fr", ["écolo", "industriel"]):
        assert text[m.start:m.end] == m.matched
    assert len(find_terms(text, "fr", ["écolo", "industriel"])) == 2


def test_whole_words_only():
    assert find_terms("Il faut partir tôt : l'artisanat a ses exigences.", "fr", ["art"]) == []
    assert find_terms("Our partners support startups.", "en", ["art", "part"]) == []


def test_not_inside_compounds_urls_or_hashtags():
    text = "Une mode éco-responsable, voir verdure.fr/responsable et https://x.fr/responsable #Responsable"
    assert find_terms(text, "fr", ["responsable"]) == []


def test_french_enclitic_pronoun_does_not_block():
    assert _found("Profitez-en dès aujourd'hui.", "fr", ["profitez"]) == [("Profitez", "profitez", True)]


def test_hashtags_searched_on_request():
    text = "Partagez votre tenue avec #PortezLeChangement"
    assert find_terms(text, "fr", ["changement"]) == []
    m = find_terms(text, "fr", ["changement"], in_hashtags=True)
    assert [(x.matched, x.exact) for x in m] == [("Changement", False)]


def test_english_plural_and_hyphen_variants():
    text = "This game-changer creates synergies. Game changers everywhere! Quick signup, sign-ups welcome."
    found = _found(text, "en", ["game-changer", "synergy", "sign up", "signup"])
    assert ("game-changer", "game-changer", True) in found
    assert ("synergies", "synergy", False) in found
    assert ("Game changers", "game-changer", False) in found
    assert ("signup", "signup", True) in found
    assert ("sign-ups", "sign up", False) in found


def test_longest_match_wins_and_order():
    text = "Prix cassés sur la collection : des prix vraiment cassés."
    found = find_terms(text, "fr", ["prix", "prix cassés"])
    assert [(m.matched, m.term) for m in found] == [("Prix cassés", "prix cassés"), ("prix", "prix")]


def test_careful_copy_is_quiet():
    verdure = (
        "Notre nouvelle collection est conçue pour durer : coton biologique, fibres recyclées "
        "et ateliers partenaires au Portugal. Portez le changement, à votre rythme."
    )
    assert find_terms(verdure, "fr", ["écolo", "eco-friendly", "collec", "pas cher", "prix cassés"]) == []
    northwind = "Most dashboards show you what happened. Ours answer the next question: why."
    assert find_terms(northwind, "en", ["game-changer", "synergy", "signup"]) == []


def test_lemma_matching_for_theme_keywords():
    text = "Des vêtements durables, pensés pour le changement."
    assert [m.matched for m in find_terms(text, "fr", ["durable", "changement"])] == ["durables", "changement"]
    en = "Northwind's dashboards answered every question."
    assert [m.matched for m in find_terms(en, "en", ["dashboard", "answer"])] == ["dashboards", "answered"]


def test_find_hype_french_and_english():
    tweet = ("LES SOLDES SONT LÀ !!! Profite de -40% sur toute la collection, c'est le meilleur prix "
             "du marché, la meilleure collection, révolutionnaire !")
    assert [m.matched for m in find_hype(tweet, "fr")] == ["meilleur prix", "la meilleure", "révolutionnaire"]
    en = "Our best-in-class, world class platform is the best ever. Revolutionizing dashboards."
    assert [m.matched for m in find_hype(en, "en")] == ["best-in-class", "world class", "best ever", "Revolutionizing"]


def test_find_hype_quiet_on_careful_copy_and_unknown_language():
    assert find_hype("Notre collection de printemps est tissée à partir de coton biologique.", "fr") == []
    assert find_hype("Most dashboards show you what happened. Ours answer the next question: why.", "en") == []
    assert find_hype("La mejor colección del mundo", "es") == []  # no Spanish list shipped


@pytest.mark.parametrize(
    "original, replacement, expected",
    [
        ("Écolo", "éco-responsable", "Éco-responsable"),
        ("ECOLO", "éco-responsable", "ÉCO-RESPONSABLE"),
        ("écolo", "éco-responsable", "éco-responsable"),
        ("Pas Cher", "abordable", "Abordable"),
        ("signup", "sign up", "sign up"),
        ("Signup", "sign up", "Sign up"),
        ("game-changer", "breakthrough", "breakthrough"),
    ],
)
def test_replace_preserving_case(original, replacement, expected):
    assert replace_preserving_case(original, replacement) == expected

"""Tests of the tu/vous detector (rules T001, T002).

The evaluation set ``tests/data/eval/address_fr.jsonl`` holds real-looking
copy (emails, SMS, social posts, push) labelled formal / informal / mixed /
none; the thresholds below are the contract: precision >= 0.95 and recall >=
0.85 for the mixed label (T001) and for the formal and informal labels (T002).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from campaignlint.language.address import AddressResult, Marker, detect_address
from evaluation import load_jsonl, score_address

EVAL = Path(__file__).parent / "data" / "eval" / "address_fr.jsonl"


@pytest.fixture(scope="module")
def scores():
    return score_address(load_jsonl(EVAL), "fr")


def test_eval_set_is_large_enough():
    records = load_jsonl(EVAL)
    assert len(records) >= 70
    labels = {r["label"] for r in records}
    assert labels == {"formal", "informal", "mixed", "none"}


@pytest.mark.parametrize("label", ["mixed", "formal", "informal", "none"])
def test_precision_and_recall(scores, label):
    score = scores[label]
    assert score.precision >= 0.95, score.errors
    assert score.recall >= 0.85, score.errors


def address(text: str) -> str | None:
    return detect_address(text, "fr").address


# --- mixing (T001) ---------------------------------------------------------


def test_vous_and_tu_in_one_email_is_mixed():
    result = detect_address(
        "Bonjour Claire, votre commande est partie. Tu peux la suivre depuis l'appli.", "fr"
    )
    assert result.address == "mixed"
    assert [m.text for m in result.formal] == ["votre"]
    assert [m.text for m in result.informal] == ["Tu"]


def test_flawed_example_tweet_is_mixed():
    text = (
        "LES SOLDES SONT LÀ !!! Profite de -40% avec le code HIVER40 sur toute la collection, "
        "c'est le meilleur prix du marché, vous allez adorer nos nouveautés écolo #soldes #mode"
    )
    result = detect_address(text, "fr")
    assert result.address == "mixed"
    assert any(m.text == "Profite" and m.reason == "imperative" for m in result.informal)


def test_one_register_is_not_mixed():
    assert address("Profite de -20 % avec ton code, il t'attend dans ton espace.") == "informal"
    assert address("Profitez de -20 % avec votre code, il vous attend dans votre espace.") == "formal"


# --- imperatives -------------------------------------------------------------


@pytest.mark.parametrize("text", ["Profite de l'offre", "Découvre la collection", "Craque pour la veste Brise"])
def test_sentence_initial_informal_imperative(text):
    assert address(text) == "informal"


@pytest.mark.parametrize("text", ["Profitez de l'offre", "Découvrez la collection", "Craquez pour la veste Brise"])
def test_formal_imperative(text):
    assert address(text) == "formal"


@pytest.mark.parametrize("text", ["Faites le plein de couleurs.", "Dites-nous tout !", "Soyez les premiers.",
                                  "Ayez le réflexe seconde main.", "Veuillez trouver votre facture ci-jointe."])
def test_irregular_formal_imperatives(text):
    assert address(text) == "formal"


def test_portez_le_changement_slogan_is_formal():
    assert address("Portez le changement 🌱") == "formal"


@pytest.mark.parametrize("text", [
    "Commande passée avant midi, expédiée le jour même.",
    "Offre valable jusqu'au 31 mai dans la limite des stocks.",
    "Livre d'or : vos avis sur la veste Brise.".replace("vos avis", "les avis"),
])
def test_imperative_homographs_used_as_nouns_are_neutral(text):
    assert address(text) is None


def test_homograph_with_an_object_is_an_imperative():
    assert address("Commande ta veste avant minuit.") == "informal"
    assert address("Offre-toi la veste Brise.") == "informal"


def test_negative_imperatives():
    assert address("N'attends plus !") == "informal"
    assert address("Ne rate pas la vente privée.") == "informal"
    assert address("Ne manquez pas la vente privée.") == "formal"


def test_pronominal_imperatives():
    informal = detect_address("Inscris-toi à la newsletter.", "fr")
    assert informal.address == "informal"
    assert [(m.text, m.reason) for m in informal.informal] == [
        ("Inscris", "imperative"), ("toi", "pronominal_imperative")]
    formal = detect_address("Inscrivez-vous à la newsletter.", "fr")
    assert formal.address == "formal"
    assert any(m.reason == "pronominal_imperative" and m.text == "vous" for m in formal.formal)


def test_questions():
    assert address("As-tu déjà essayé notre legging ?") == "informal"
    assert address("Avez-vous déjà essayé notre legging ?") == "formal"
    assert address("Envie de changer d'air ?") is None


# --- traps -------------------------------------------------------------------


def test_tes_is_not_test_or_teste():
    assert address("Test grandeur nature : 200 km de course.") is None
    assert address("Nos équipes ont testé la veste pendant six mois.") is None
    assert address("Tes avis comptent.") == "informal"


def test_elided_t():
    result = detect_address("Ton panier t'attend.", "fr")
    assert [m.reason for m in result.informal] == ["possessive", "elision"]
    assert result.informal[1].text == "t"
    assert address("Une surprise t’attend en boutique.") == "informal"  # curly apostrophe


def test_euphonic_t_and_t_shirt_are_not_elisions():
    assert address("Que va-t-il se passer le 12 mars ?") is None
    assert address("Ce t-shirt en coton bio est fabriqué au Portugal.") is None


def test_hashtags_urls_mentions_and_codes_do_not_count():
    assert address("Trois façons de porter la veste. #TuVasAdorer #PortezLeChangement") is None
    assert address("Tout est sur https://verdure.fr/vous-aussi et verdure.fr/toi") is None
    assert address("Merci @vousetnous pour le partage.") is None
    assert address("-10 % avec le code TU10.") is None


def test_plural_vous_to_a_group_is_formal():
    assert address("Merci à toutes et à tous : vous êtes 10 000 à nous suivre !") == "formal"


def test_nouns_ending_in_ez_are_not_verbs():
    assert address("Chez Verdure, chaque pièce est pensée pour durer.") is None
    assert address("Fabriqué à Roubaix par Lopez & Fils depuis 1962.") is None


def test_participle_faites_is_not_an_imperative():
    assert address("Les retouches sont faites à la main.") is None


def test_ton_as_a_noun():
    assert address("Un look ton sur ton pour la rentrée.") is None
    assert address("Le ton de la marque reste chaleureux.") is None


def test_rendez_vous_is_a_noun():
    assert address("Prends rendez-vous en boutique.") == "informal"
    assert address("Rendez-vous au parc dimanche à 9 h.") is None


def test_tiens_is_the_verb_unless_after_an_article():
    assert address("Je tiens à vous remercier.") == "formal"
    assert address("Nous tenons à remercier nos ateliers.") is None
    assert address("Ce cadeau est le tien.") == "informal"


# --- API ----------------------------------------------------------------------


def test_marker_spans_index_the_given_text():
    text = "Bonjour ! Découvre nos nouveautés, puis dites-nous ce que vous en pensez."
    result = detect_address(text, "fr")
    for marker in result.formal + result.informal:
        assert isinstance(marker, Marker)
        assert text[marker.start:marker.end] == marker.text
    assert result.address == "mixed"


def test_english_and_other_languages_have_no_markers():
    for lang in ("en", "en-GB", "de", "es", ""):
        result = detect_address("Tu veux profiter de vos avantages ?", lang)
        assert result == AddressResult()
        assert result.address is None


def test_regional_french_tags_are_french():
    assert detect_address("Profitez-en !", "fr-CA").address == "formal"
    assert detect_address("Profite de l'offre !", "fr_BE").address == "informal"


def test_empty_text():
    assert detect_address("", "fr").address is None


def test_interjection_allez_and_set_phrase_saviez_vous():
    assert address("Allez, on se lance ? Télécharge l'appli.") == "informal"
    assert address("Allez voir la nouvelle collection.") == "formal"
    assert address("Le saviez-vous ? Un jean nécessite 7 000 litres d'eau.") is None

"""Hashtags, mentions, URLs and emoji: twitter-text's official cases, then French copy."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from campaignlint.text.extract import (
    Occurrence,
    emoji_sequences,
    extract_emoji,
    extract_hashtags,
    extract_mentions,
    extract_urls,
)

_TESTS = yaml.safe_load(
    (Path(__file__).parent / "data" / "twitter-text" / "extract.yml").read_text(encoding="utf-8")
)["tests"]


def _cases(*sections):
    return [
        pytest.param(case, id=f"{section}: {case['description']}")
        for section in sections
        for case in _TESTS[section]
    ]


def _values(spans):
    return [span.value for span in spans]


def _check_spans(text, spans):
    for span in spans:
        assert text[span.start : span.end] == span.text


# --- official twitter-text cases ---------------------------------------------------


@pytest.mark.parametrize("case", _cases("hashtags", "hashtags_from_astral"))
def test_official_hashtags(case):
    spans = extract_hashtags(case["text"])
    _check_spans(case["text"], spans)
    assert _values(spans) == case["expected"]


@pytest.mark.parametrize("case", _cases("hashtags_with_indices"))
def test_official_hashtags_with_indices(case):
    got = [{"hashtag": s.value, "indices": [s.start, s.end]} for s in extract_hashtags(case["text"])]
    assert got == case["expected"]


@pytest.mark.parametrize("case", _cases("mentions"))
def test_official_mentions(case):
    spans = extract_mentions(case["text"])
    _check_spans(case["text"], spans)
    assert _values(spans) == case["expected"]


@pytest.mark.parametrize("case", _cases("mentions_with_indices"))
def test_official_mentions_with_indices(case):
    got = [{"screen_name": s.value, "indices": [s.start, s.end]} for s in extract_mentions(case["text"])]
    assert got == case["expected"]


@pytest.mark.parametrize("case", _cases("urls", "tco_urls_with_params"))
def test_official_urls(case):
    spans = extract_urls(case["text"])
    _check_spans(case["text"], spans)
    assert [s.text for s in spans] == case["expected"]


@pytest.mark.parametrize("case", _cases("urls_with_indices", "urls_with_directional_markers"))
def test_official_urls_with_indices(case):
    got = [{"url": s.text, "indices": [s.start, s.end]} for s in extract_urls(case["text"])]
    assert got == case["expected"]


def test_enough_official_cases_run():
    count = sum(
        len(_TESTS[s])
        for s in (
            "hashtags", "hashtags_from_astral", "hashtags_with_indices", "mentions",
            "mentions_with_indices", "urls", "tco_urls_with_params", "urls_with_indices",
            "urls_with_directional_markers",
        )
    )
    assert count >= 200


# --- French marketing copy ------------------------------------------------------------

INSTAGRAM = (
    "Portez le changement 🌱\n"
    "Notre collection de printemps est tissée à partir de coton biologique et de fibres recyclées.\n"
    "Découvrez les coulisses de sa fabrication en story. #PortezLeChangement #ModeDurable"
)


def test_hashtags_in_french_copy():
    spans = extract_hashtags(INSTAGRAM)
    assert [s.text for s in spans] == ["#PortezLeChangement", "#ModeDurable"]
    _check_spans(INSTAGRAM, spans)
    assert spans[0].value == "PortezLeChangement"


def test_accented_hashtags():
    text = "Cet été, on voyage léger #ÉtéDurable #modeéthique #Noël2027 #çaRoule"
    assert _values(extract_hashtags(text)) == ["ÉtéDurable", "modeéthique", "Noël2027", "çaRoule"]


def test_hashtag_ends_at_punctuation():
    text = "Rejoignez le mouvement #PortezLeChangement, #ModeDurable! et #Verdure."
    assert _values(extract_hashtags(text)) == ["PortezLeChangement", "ModeDurable", "Verdure"]


def test_things_that_are_not_hashtags():
    assert extract_hashtags("Offre n°1 : -20 % sur le #1 des ventes") == []
    assert extract_hashtags("Notre équipe C# recrute") == []
    assert extract_hashtags("L&#39;été arrive") == []
    assert extract_hashtags("Un # seul ne compte pas") == []


def test_a_hash_inside_a_url_is_not_a_hashtag():
    text = "Tout est sur https://verdure.fr/printemps#collection et verdure.fr/#faq #Printemps"
    assert _values(extract_hashtags(text)) == ["Printemps"]


def test_url_without_scheme():
    text = "Verdure : -15 % avec le code PRINTEMPS15. verdure.fr/p STOP au 36173"
    spans = extract_urls(text)
    assert [s.text for s in spans] == ["verdure.fr/p"]
    _check_spans(text, spans)
    assert extract_urls(text, with_scheme_only=True) == []


def test_urls_with_scheme_only():
    text = (
        "Commandez sur kiosque-bio.fr ou sur https://verdure.fr/printemps?utm_source=sms "
        "(et lisez www.verdure.fr/blog)."
    )
    assert [s.text for s in extract_urls(text)] == [
        "kiosque-bio.fr",
        "https://verdure.fr/printemps?utm_source=sms",
        "www.verdure.fr/blog",
    ]
    assert [s.text for s in extract_urls(text, with_scheme_only=True)] == [
        "https://verdure.fr/printemps?utm_source=sms"
    ]


def test_sentence_final_full_stop_is_not_part_of_the_url():
    text = "Rendez-vous sur https://verdure.fr/printemps."
    assert [s.text for s in extract_urls(text)] == ["https://verdure.fr/printemps"]


def test_things_that_are_not_urls():
    assert extract_urls("Bonjour M.Martin, merci.Votre commande est partie.") == []
    assert extract_urls("Valable jusqu'au 31/03. Prix : 49.90 EUR") == []
    assert extract_urls("") == []


def test_mentions_in_french_copy():
    text = "Merci @verdure_fr et @LucieMartin pour la séance photo ! Écrivez à contact@verdure.fr"
    spans = extract_mentions(text)
    assert [s.text for s in spans] == ["@verdure_fr", "@LucieMartin"]
    _check_spans(text, spans)


def test_email_address_is_not_a_mention():
    assert extract_mentions("Une question ? contact@verdure.fr ou service.client@verdure.fr") == []


def test_twitter_list_reference_is_not_a_mention():
    assert extract_mentions("Suivez @verdure/ambassadeurs") == []


# --- emoji ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "emoji",
    [
        "🌱",
        "❤️",  # with the emoji variation selector
        "👍🏽",  # skin tone
        "👩🏽\u200d💻",  # ZWJ + skin tone
        "👨\u200d👩\u200d👧\u200d👦",  # family ZWJ sequence
        "🏳️\u200d🌈",
        "🇫🇷",  # flag
        "1️⃣",  # keycap
        "#️⃣",
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland (tag sequence)
        "🫶🏽",  # Emoji 14
        "🐦\u200d🔥",  # Emoji 15.1
    ],
)
def test_an_emoji_sequence_is_one_emoji(emoji):
    text = f"Merci {emoji} !"
    spans = extract_emoji(text)
    assert spans == [Occurrence(6, 6 + len(emoji), emoji)]


def test_counting_emoji_in_copy():
    text = "Portez le changement 🌱🌍 Nouveautés 👕👖 en boutique 🇫🇷"
    assert [s.text for s in extract_emoji(text)] == ["🌱", "🌍", "👕", "👖", "🇫🇷"]


def test_text_without_emoji():
    assert extract_emoji("Soldes d'hiver : -30 % sur tout, n°1 des ventes #Verdure 2027") == []
    assert extract_emoji("Été durable, « collection » — à découvrir…") == []


def test_typographic_symbols_are_emoji_only_with_the_selector():
    text = "Verdure® 2027 © tous droits réservés ™"
    assert extract_emoji(text) == []
    assert len(emoji_sequences(text)) == 3  # what twitter-text weighs as emoji
    assert [s.text for s in extract_emoji("Verdure©️")] == ["©️"]


def test_long_dotted_chains_are_not_urls_and_stay_fast():
    import time

    from campaignlint.text.extract import MAX_DOTS_IN_URL, extract_urls

    chain = "a." * 50_000
    started = time.process_time()  # CPU time: a guard against quadratic scanning, not a speed test
    assert extract_urls(chain) == []
    assert extract_urls("www." * 25_000) == []
    text = "voir https://verdure.fr/p?a=1 et " + "a." * (MAX_DOTS_IN_URL + 5) + " puis verdure.fr"
    assert [span.text for span in extract_urls(text)] == ["https://verdure.fr/p?a=1", "verdure.fr"]
    assert time.process_time() - started < 5

"""Measured tone and tone-word bounds (rule T009).

The careful examples of the specification must pass: their copy is checked here
with the tone words that apply to each message (voice tones of the brand plus
the channel's tones from spec/channels.md).  The flawed example's shouty copy
must not.
"""

from __future__ import annotations

import pytest

from campaignlint.language.tone import check_tone, known_tones, measure_tone

VERDURE_VOICE = ["inspiring", "warm"]
NORTHWIND_VOICE = ["authoritative", "informative"]
INSTAGRAM, TIKTOK, EMAIL, LINKEDIN = ["inspiring", "community"], ["fun", "dynamic"], ["informative", "personal"], ["authoritative", "visionary"]

# (language, tone words, copy) — copied from spec/examples/verdure/printemps.camp and northwind/launch.camp
CAREFUL = [
    ("fr", VERDURE_VOICE + INSTAGRAM, "Portez le changement 🌱\nNotre collection de printemps est tissée à partir de coton biologique et de fibres recyclées.\nDécouvrez les coulisses de sa fabrication en story. #PortezLeChangement #ModeDurable"),
    ("fr", VERDURE_VOICE + TIKTOK, "Trois façons de porter notre veste durable pour courir en ville. Portez le changement ! #PortezLeChangement"),
    ("fr", VERDURE_VOICE + EMAIL, "Portez le changement : -15 % sur la collection"),
    ("fr", VERDURE_VOICE + EMAIL, "Coton biologique, fibres recyclées, fabriqué au Portugal"),
    ("fr", VERDURE_VOICE + EMAIL, "Bonjour,\n\nNotre nouvelle collection est conçue pour durer : coton biologique, fibres recyclées\net ateliers partenaires au Portugal. Pour son lancement, profitez de 15 % de remise\navec le code PRINTEMPS15, valable jusqu'au 31 mars 2027.\n\nPortez le changement, à votre rythme."),
    ("fr", VERDURE_VOICE + EMAIL, "Découvrir la collection"),
    ("fr", VERDURE_VOICE, "VERDURE"),
    ("fr", VERDURE_VOICE, "Verdure : -15 % sur la collection durable de printemps avec le code PRINTEMPS15 jusqu'au 31/03. verdure.fr/p STOP au 36173"),
    ("fr", VERDURE_VOICE, "verdure.fr/p"),
    ("fr", VERDURE_VOICE + INSTAGRAM, "Vous portez déjà le changement ? Partagez votre tenue préférée avec #PortezLeChangement :\nnous republierons nos coups de cœur chaque vendredi."),
    ("en", NORTHWIND_VOICE + LINKEDIN, "Most dashboards show you what happened. Ours answer the next question: why.\nNorthwind's new dashboards answer back, with the driver behind every change."),
    ("en", NORTHWIND_VOICE, "Dashboards That Answer Back"),
    ("en", NORTHWIND_VOICE, "See Why Your Metrics Move"),
    ("en", NORTHWIND_VOICE, "Free 14-Day Trial"),
    ("en", NORTHWIND_VOICE, "Northwind explains every change in your KPIs. Connect your warehouse in minutes."),
    ("en", NORTHWIND_VOICE, "Root-cause answers on every chart. Start a 14-day trial, no card needed."),
    ("en", NORTHWIND_VOICE, "Start trial"),
    ("en", NORTHWIND_VOICE + EMAIL, "Why did revenue dip on Tuesday?"),
    ("en", NORTHWIND_VOICE + EMAIL, "Dashboards that answer back, in your warehouse"),
    ("en", NORTHWIND_VOICE + EMAIL, "Hi,\n\nYour dashboards tell you revenue dipped. Northwind tells you it was the\ncheckout change in the Midwest stores, and by how much.\n\nSee the dashboard that answers back on your own data."),
    ("en", NORTHWIND_VOICE + EMAIL, "Your dashboard can answer back"),
    ("en", NORTHWIND_VOICE + EMAIL, "Book a demo"),
    ("en", NORTHWIND_VOICE + EMAIL, "Your 14-day trial is one click away"),
    ("en", NORTHWIND_VOICE + EMAIL, "Connect a warehouse, get answers today"),
    ("en", NORTHWIND_VOICE + EMAIL, "Connect your warehouse and get your first answers in under ten minutes."),
]

SHOUTY = ("LES SOLDES SONT LÀ !!! Profite de -40% avec le code HIVER40 sur toute la collection, c'est le meilleur "
          "prix du marché, vous allez adorer nos nouveautés écolo ultra confortables pour l'hiver, livraison offerte "
          "dès 50 € d'achat, retours gratuits pendant 30 jours, et tout ça sans compromis sur la qualité ! "
          "#soldes #soldes #mode #hiver")


@pytest.mark.parametrize("language, tones, text", CAREFUL)
def test_careful_examples_pass(language, tones, text):
    assert check_tone(measure_tone(text, language), tones) == []


def test_shouty_flawed_copy_fails():
    f = measure_tone(SHOUTY, "fr")
    assert (f.exclamations, f.sentences, f.address) == (4, 2, "mixed")
    # email_1 of the flawed example carries this copy on the email channel (informative, personal)
    messages = [v.message for v in check_tone(f, EMAIL)]
    assert messages == [
        "4 exclamation marks for 2 sentences: too loud for an 'informative' tone (at most 0.5 per sentence)",
        "4 exclamation marks for 2 sentences: too loud for a 'personal' tone (at most 1 per sentence)",
    ]
    # and it is too loud for every tone but the exuberant ones
    quiet_enough = {t for t in known_tones() if not check_tone(f, [t])}
    assert quiet_enough == {"fun", "playful", "bold"}


def test_features():
    f = measure_tone("NOUVEAU : LA COLLECTION EST ARRIVÉE 🎉🎉 Découvrez-la vite !", "fr")
    assert f.caps_words == 5 and f.emoji == 2 and f.exclamations == 1
    assert f.address == "formal" and f.formality == 1.0
    assert f.readability is None  # too short to score


def test_caps_emoji_formality_and_length_bounds():
    loud = measure_tone("DERNIÈRE CHANCE : TOUT DOIT DISPARAÎTRE avant ce soir, profite des prix 🔥🔥🔥", "fr")
    msgs = [v.message for v in check_tone(loud, ["serious"])]
    assert any("words in capitals" in m for m in msgs)
    assert "3 emoji: too many for a 'serious' tone (at most 0)" in msgs
    assert any(m.startswith("addresses the reader informally (tu)") for m in msgs)
    long_sentence = measure_tone(
        "Notre équipe a imaginé cette veste pour les coureurs qui traversent la ville chaque matin, "
        "qui cherchent une coupe ajustée, une matière respirante et une fabrication responsable, "
        "sans renoncer au style ni au confort.", "fr")
    assert [v.bound for v in check_tone(long_sentence, ["dynamic"])] == ["max_mean_sentence_words"]
    assert check_tone(long_sentence, ["inspiring", "warm"]) == []


def test_readability_bound():
    hard = ("L'implémentation opérationnelle de notre méthodologie d'optimisation multicanale, conformément aux "
            "recommandations réglementaires internationales, nécessite préalablement l'identification systématique "
            "des problématiques organisationnelles, technologiques, environnementales et comportementales "
            "caractéristiques des consommateurs sensibilisés. Cette démarche méthodologique particulièrement "
            "ambitieuse nécessitera également l'accompagnement personnalisé des collaborateurs.")
    f = measure_tone(hard, "fr")
    assert f.words >= 30 and f.readability < 0
    v = check_tone(f, ["informative"])
    assert [x.bound for x in v] == ["min_readability"]
    assert "Kandel–Moles" in v[0].message and "at least 30" in v[0].message


def test_unknown_tone_words_are_ignored():
    assert check_tone(measure_tone(SHOUTY, "fr"), ["moonlike", ""]) == []


def test_english_formality_unknown():
    f = measure_tone("You will love our new dashboards. Book a demo today.", "en")
    assert f.address is None and f.formality is None


def test_the_capitals_helpers_other_families_read_are_there():
    # google_ads assets and email hygiene read the shared capitals logic (a merge once dropped a helper)
    from campaignlint.language.capitals import allowed_words, caps_key, code_cues, exemptions_for, shouting_runs

    allowed, cues = allowed_words("fr"), code_cues("fr")
    assert "RGPD" in allowed and "code" in cues
    assert caps_key("Noël") == "NOEL"
    assert callable(exemptions_for) and callable(shouting_runs)



def test_emoji_count_equals_the_emoji_package_on_random_text():
    """``_count_emoji`` counts run by run what ``emoji.emoji_count`` counts over the whole text."""
    import random

    import emoji

    from campaignlint.language.tone import _count_emoji

    sequences = list(emoji.EMOJI_DATA)
    parts = sorted({ch for sequence in sequences for ch in sequence}) + ["\u200d", "\ufe0f", "\ufe0e", "\u20e3"]
    prose = list("aé 1#*!.\n’«»\u00a0-") + ["Portez", "2027", "verdure.fr"]
    rng = random.Random(11)
    for _ in range(3000):
        pieces = []
        for _ in range(rng.randint(0, 12)):
            pick = rng.random()
            pieces.append(rng.choice(sequences) if pick < 0.35 else rng.choice(parts) if pick < 0.7
                          else rng.choice(prose))
        text = "".join(pieces)
        assert _count_emoji(text) == emoji.emoji_count(text), repr(text)
    for text in ("👩‍👩‍👧‍👦 et 🧑🏽‍🚀!", "1️⃣2️⃣#️⃣", "🏻\u200d🌱", "x🏻\u200d🏻y", "Verdure® 2027 © ™", "🇫🇷🇫",
                 "9" * 5000 + "🌱"):
        assert _count_emoji(text) == emoji.emoji_count(text), repr(text)

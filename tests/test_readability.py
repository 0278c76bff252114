"""Reading ease (campaignlint.language.readability), checked against textstat."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from campaignlint.language.readability import count_text, readability, split_sentences
from campaignlint.resources import load_toml

FR_PLAIN = (
    "Notre nouvelle collection est conçue pour durer avec du coton biologique et des fibres recyclées. "
    "Les ateliers partenaires sont installés au Portugal depuis vingt ans. Pour son lancement, profitez "
    "de quinze pour cent de remise sur toute la collection. Portez le changement à votre rythme."
)
EN_PLAIN = (
    "Most dashboards show you what happened last week. Ours answer the next question for you: why it "
    "happened. Northwind explains every change in your numbers with the driver behind it. Connect your "
    "warehouse in minutes and see the answers on your own data today."
)
FR_HARD = (
    "L'implémentation opérationnelle de notre méthodologie d'optimisation multicanale, conformément aux "
    "recommandations réglementaires internationales, nécessite préalablement l'identification systématique "
    "des problématiques organisationnelles, technologiques, environnementales et comportementales "
    "caractéristiques des consommateurs particulièrement sensibilisés aux considérations écologiques."
)


def test_matches_textstat_on_text_without_traps():
    import textstat

    textstat.set_lang("fr")
    assert readability(FR_PLAIN, "fr").score == pytest.approx(textstat.flesch_reading_ease(FR_PLAIN), abs=0.01)
    # "en-US" makes textstat skip its CMU dictionary (network) and use Pyphen, as we do
    textstat.set_lang("en-US")
    assert readability(EN_PLAIN, "en").score == pytest.approx(textstat.flesch_reading_ease(EN_PLAIN), abs=0.01)


def test_coefficients_agree_with_textstat():
    from textstat.backend.utils.constants import LANG_CONFIGS

    ours = load_toml("readability.toml")
    for lang in ("en", "fr", "de", "es", "it", "nl"):
        theirs = {**LANG_CONFIGS["en"], **LANG_CONFIGS[lang]}
        assert ours[lang]["base"] == theirs["fre_base"]
        assert ours[lang]["sentence_length"] == theirs["fre_sentence_length"]
        assert ours[lang]["syllables_per_word"] == theirs["fre_syll_per_word"]
    assert readability(FR_PLAIN, "fr").formula.startswith("Kandel")
    assert readability(EN_PLAIN, "en").formula == "Flesch reading ease"


def test_hard_french_scores_low_plain_scores_high():
    assert readability(FR_HARD, "fr", min_words=10).score < 30
    assert readability(FR_PLAIN, "fr").score > 60


def test_short_texts_give_none():
    assert readability("Portez le changement 🌱", "fr") is None
    assert readability(FR_PLAIN, "fr", min_words=100) is None
    assert readability(FR_PLAIN, "fr", min_words=45) is not None  # FR_PLAIN has 45 words
    assert readability(FR_PLAIN, "ja") is None  # no formula


def test_traps_neutralised():
    # elisions stay one word, hyphenated words are their parts
    assert count_text("Profitez-en dès aujourd'hui, d'été comme d'hiver.") == (7, 1)
    # short sentences count ("textstat ignores sentences of two words or fewer")
    assert count_text("Soldes ! Vite ! Tout doit disparaître.") == (5, 3)
    # a line break before a capital ends a sentence, a wrapped line does not
    assert split_sentences("Portez le changement 🌱\nNotre collection est durable,\net belle.") == [
        "Portez le changement 🌱", "Notre collection est durable,\net belle"]
    # URLs, hashtags and mentions are not prose
    assert count_text("Découvrez la collection sur https://verdure.fr/p #Mode @verdure verdure.fr/p") == (4, 1)


def test_elision_does_not_change_syllables():
    a = readability("d'été " * 30, "fr")
    b = readability("été " * 30, "fr")
    assert a.syllables == b.syllables


def test_english_needs_no_network_and_no_nltk():
    """textstat's English mode would call nltk.download('cmudict'); we never import it."""
    src = Path(__file__).resolve().parents[1] / "src"
    code = (
        "import sys, socket\n"
        "def boom(*a, **k): raise RuntimeError('network used')\n"
        "socket.socket.connect = boom\n"
        "from campaignlint.language.readability import readability\n"
        f"r = readability({EN_PLAIN!r}, 'en')\n"
        "assert r is not None and r.score > 50, r\n"
        "assert 'nltk' not in sys.modules and 'textstat' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(src)}, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


# The sentence cuts as first written (an alternation of lookbehinds, tried at every position); the module's
# pattern opens with one character class instead, and must give the same sentences.
_FIRST_SENTENCE_END = (
    r"(?<![.!?…])[.!?…]+(?=[\s\"'»”)\]]|$)"
    r"|(?<![ \t])[ \t]*\n(?:[ \t]*\n)+"
    r"|(?<![ \t])[ \t]*\n(?=[ \t]*[^\s\w,;:)\]»”]|[ \t]*[^\W\d_](?<![a-zß-ÿ])|[ \t]*\d)"
    r"|(?<![{e}])[{e}]+[ \t]+(?=[^\W\d_](?<![a-zß-ÿ]))"
)
_PIECES = list("aZéß \t\n.!?…\"'’»”)],;:#@1_-/😀😶☀❶🄁\u200d\ufe0fAÉ") + [
    "  ", "\n\n", " \n", "www.", "http://", ".com", "x@y.fr", "#Tag ", "Merci"]


def _random_texts(seed: int, count: int):
    import random

    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 20)))


def test_sentence_cuts_equal_the_first_pattern_on_random_text():
    import re

    from campaignlint.language import readability as module

    first = re.compile(_FIRST_SENTENCE_END.format(e=module._EMOJI))
    for text in _random_texts(5, 20_000):
        cleaned = module._prose(module._HASHTAG_BEFORE_CAPITAL.sub("\n\n", text) if "#" in text else text)
        expected = tuple(p.strip() for p in first.split(cleaned) if module._WORD.search(p))
        assert module._sentences.__wrapped__(text) == expected, text


def test_words_equal_the_words_of_each_sentence_on_random_text():
    from campaignlint.language import readability as module

    for text in _random_texts(6, 20_000):
        sentences = module._sentences(text)
        assert list(module._words(text, sentences)) == [w for s in sentences for w in module._WORD.findall(s)], text


def test_short_text_told_before_the_sentences_as_after():
    """``readability`` answers ``None`` for a short text before cutting it: the same as cutting it first."""
    import random

    from campaignlint.language import readability as module

    def reference(text, language, min_words):
        sentences = module._sentences(text)
        words = module._sentence_words(sentences)
        if not words or len(words) < min_words:
            return None
        return module.readability(text, language, min_words)

    pieces = ["Bonjour", "le", "monde", ".", "!", " ", "\n", "#fun", "❶", "🎉", "d'été", "Profitez-en", "https://a.fr",
              "x", "A", "…", "?", "2"]
    rng = random.Random(5)
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for min_words in (1, 5, 30):
            assert module.readability(text, "fr", min_words) == reference(text, "fr", min_words), text

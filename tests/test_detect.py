"""Language detection by stop words (rule T007)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from campaignlint.language.detect import detect_language

EVAL = Path(__file__).parent / "data" / "eval" / "language.jsonl"


def _rows():
    return [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_evaluation_set_accuracy():
    """49 labelled texts (fr 12, en 12, es 6, de 6, it 2, pt 2, nl 1, too short 8): all right today."""
    rows = _rows()
    assert len(rows) >= 30
    wrong = [(r["lang"], detect_language(r["text"]), r["text"][:50]) for r in rows
             if detect_language(r["text"])[0] != r["lang"]]
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.95, wrong


@pytest.mark.parametrize("cta", ["Découvrir la collection", "Start trial", "Book a demo",
                                 "Portez le changement 🌱", "Jetzt kaufen", "Compra ya"])
def test_short_ctas_are_never_judged(cta):
    assert detect_language(cta) == (None, 0.0)


def test_confident_on_real_copy():
    lang, conf = detect_language(
        "Vous portez déjà le changement ? Partagez votre tenue préférée avec #PortezLeChangement : "
        "nous republierons nos coups de cœur chaque vendredi.")
    assert lang == "fr" and conf >= 0.6
    lang, conf = detect_language(
        "Your dashboards tell you revenue dipped. Northwind tells you it was the checkout change in "
        "the Midwest stores, and by how much.")
    assert lang == "en" and conf >= 0.6


def test_english_copy_in_a_french_campaign_is_seen():
    lang, _ = detect_language("Our spring collection is woven from organic cotton and recycled fibres. "
                              "Discover how it is made in our latest story.")
    assert lang == "en"


def test_brand_names_hashtags_and_urls_do_not_skew():
    # English brand, tags and URL around French copy: still French
    text = ("Northwind Analytics Dashboard Pro #BigData #Analytics https://northwind.io/fr/demo @northwind "
            "vous aide à comprendre pourquoi vos ventes baissent, et de combien.")
    assert detect_language(text)[0] == "fr"
    # only tags, URLs and codes: nothing to judge
    assert detect_language("#soldes #mode #hiver #promo #verdure #look #style #ootd https://verdure.fr HIVER30") == (None, 0.0)


def test_french_with_english_loanwords_stays_french():
    text = "Le must-have de la saison est enfin de retour en boutique : un trench léger, so chic. #OOTD #fashion"
    assert detect_language(text)[0] == "fr"


def test_masks_from_the_prose_masks_equal_the_combined_masks_on_random_text():
    """``_masked`` starts from the prose masks T006 and T009 share: the same tokens as one combined pass."""
    import random

    from campaignlint.language import detect as module

    pieces = ["http://", "https://", "www.", "h", "w", "2", "a", "é", "_", "-", ".", ".com", ".fr", "@", "#", " ",
              "/", "x.y", "K", "ſ", "İ", "1a", "de", "la", "the", "’", "'", "Foo", ".c", "+", "\n"]
    rng = random.Random(7)
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert (module._TOKEN.findall(module._masked(text))
                == module._TOKEN.findall(module._NOT_PROSE.sub(" ", text))), text


def test_unaligned_opening_with_one_class_answers_as_the_first_pattern():
    """``_UNALIGNED`` (one class first, lookbehinds after) finds a match exactly when the first pattern does."""
    import random
    import re

    first = re.compile(r"(?<=\w)(?:https?://|www\.)|\.[a-z]{2,}+(?=\w)", re.IGNORECASE)  # as first written

    from campaignlint.language import detect as module

    pieces = ["http://", "https://", "HTTPS://", "www.", "WwW.", "h", "H", "w", "W", "ttp", "ww", "2", "a", "é",
              "_", "-", ".", ".com", ".fr", ".C", "@", "#", " ", "/", "K", "ſ", "İ", "1a", "’", "\n", "s", ":"]
    rng = random.Random(13)
    for _ in range(60_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert bool(module._UNALIGNED.search(text)) == bool(first.search(text)), text


def test_points_give_the_stop_word_lookup():
    """Every stop word, and every stop word with an apostrophe, scores as the word-by-word lookup did.

    (A token ends in one apostrophe at most: "c''" is never looked up.)
    """
    from campaignlint.language import detect as module

    index = module._stop_words()
    points = module._points()
    for word in list(index) + [w + "'" for w in index if not w.endswith("'")] + ["zzz", "zzz'"]:
        langs = index.get(word) or index.get(word.rstrip("'"))
        assert points.get(word) == ((langs, 1.0 / len(langs)) if langs else None), word

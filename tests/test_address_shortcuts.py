"""The shortcuts of the address detector and of the quote finder give the answers of the full scans.

``test_markers_unchanged_on_mutated_copy`` compares ``detect_address`` on seeded, mutated French copy
with a digest recorded with the code before the shortcuts (main at db3875e).
"""

from __future__ import annotations

import hashlib
import random
import re

from campaignlint.language import address, prechecks, quotes

_PIECES = [
    "Profite", "profitez", "Découvrez", "découvre", "vous", "Vous", "tu", "TU", "ton", "ton sur ton",
    "Ton-sur-ton", "rendez-vous", "RENDEZ-VOUS", "le saviez-vous", "Saviez-vous que", "tête-à-tête",
    "m'as-tu-vu", "t'", "t’", "Inscris-toi", "Inscrivez-vous", "N'attends", "ne", "rate", "Commande",
    "ta", "veste", "Le manteau", "passe", "à 129 €", "et", "Allez", "chez", "le tien", "les vôtres",
    "«", "»", "“", "”", "„", '"', ">", ":", " : ", "nous dit", "témoigne", "s'exclame", "S’EXCLAME",
    "dit-elle", "told us", "#tuto", "#Vous", "&#x", "@marc", "marc@verdure.fr", "https://x.fr/tu",
    "WWW.verdure.fr", "wWw.x", "verdure.fr/p", "TUTO20", "VOUS-10", "2024", "ſ", "ı", "İ", "ẛ", "K",
    "🌿", "😀", "•", "—", " - ", ", ", ". ", "! ", "?", "\n", "\n> ", " ", " ", "  ", "é", "_", "1",
]


def _texts(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(_PIECES) + rng.choice(("", " ", " ", ", ")) for _ in range(rng.randint(0, 24)))


def _digest(texts) -> tuple[int, str]:
    h = hashlib.sha256()
    markers = 0
    for text in texts:
        result = address._detect_french(text)
        for kind in (result.formal, result.informal):
            markers += len(kind)
            h.update(repr([(m.start, m.end, m.text, m.reason) for m in kind]).encode())
        h.update(b"|")
    return markers, h.hexdigest()


def test_markers_unchanged_on_mutated_copy():
    # recorded with db3875e's detector (before the shortcuts below)
    assert _digest(_texts(6000, 17)) == (8777, "333fe30122a15d38caa433998d0f968b1f9b7c72fd1110e5fff45892c8aa95c5")


def test_quoted_spans_unchanged_on_mutated_copy():
    h = hashlib.sha256()
    spans = 0
    for text in _texts(6000, 23):
        found = quotes.quoted_spans(text)
        assert quotes.quoted_spans(text, _lows(text)) == found, text  # the cues looked up among the words
        spans += len(found)
        h.update(repr(found).encode())
    # recorded with db3875e's quoted_spans
    assert (spans, h.hexdigest()) == (3525, "a182d95884c086e2995699c110fd4e5381590b4496f7beb089c539a062dcd5b6")


def _lows(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


def test_a_text_without_a_quote_mark_colon_or_angle_has_no_quoted_span():
    for text in _texts(20_000, 29):
        if not quotes._MAY_QUOTE.search(text):
            assert not quotes._marked_spans(text), text
            assert not quotes._CUE_LINE.search(text), text
            assert not quotes._ANGLE_LINE.search(text), text


def test_words_and_gaps_from_one_split():
    for text in [*_texts(3000, 31), "", "a", "1", "é-à", "l'été 2024 !"]:
        parts = address._WORDS_AND_GAPS.split(text)
        lows = [w.lower() for w in parts[1::2]]
        words = address._tokens(text, parts, list(lows), address._french_data())
        matches = list(re.finditer(r"[^\W\d_]+", text))
        assert words.starts == [m.start() for m in matches]
        assert words.ends == [m.end() for m in matches]
        assert words.texts == [m.group() for m in matches]
        assert words.gaps == [text[(matches[k - 1].end() if k else 0):m.start()] for k, m in enumerate(matches)]
        assert all(low in ("", m.group().lower()) for low, m in zip(words.lows, matches))


def test_tag_masks_written_sign_first_find_the_same_spans():
    pairs = [(re.compile(r"(?<![\w@])@\w+"), address._MASKS[2][0]),
             (re.compile(r"(?<![\w&])#\w+"), address._MASKS[3][0])]
    rng = random.Random(3)
    samples = ["#a", "a#b", "&#x", "##a", "@@a", "a@b", "\n#a", "é@b", "#é", "@_"]
    samples += ["".join(rng.choice("#@a_1 é\n&") for _ in range(rng.randint(0, 8))) for _ in range(50_000)]
    for slow, fast in pairs:
        for text in samples:
            assert [m.span() for m in slow.finditer(text)] == [m.span() for m in fast.finditer(text)], text


def test_url_hint_without_lower_casing():
    hint = address._MASKS[0][1]
    # only "w" and "W" lower-case to a "w", only "." to a ".": the two hints agree on every text
    assert [chr(c) for c in range(0x110000) if "w" in chr(c).lower()] == ["W", "w"]
    assert [chr(c) for c in range(0x110000) if "." in chr(c).lower()] == ["."]
    rng = random.Random(7)
    samples = ["", "www.x", "WwW.", "w.", "ww", "x://", ":/", "İww."]
    samples += ["".join(rng.choice("wW.:/İ a") for _ in range(rng.randint(0, 8))) for _ in range(50_000)]
    for text in samples:
        assert bool(hint(text)) == ("://" in text or "ww." in text.lower()), text


def test_oddity_search_answers_as_the_set():
    for code in range(0, 0x110000, 3):
        text = "a" + chr(code)
        assert (prechecks._ODDITY.search(text) is None) == prechecks._CASE_FOLD_ODDITIES.isdisjoint(text)
    for ch in prechecks._CASE_FOLD_ODDITIES:
        assert prechecks._ODDITY.search("x" + ch)

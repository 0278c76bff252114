"""The cheap pre-checks never hide a match of the slow search they guard."""

from __future__ import annotations

import random
import re

from campaignlint.language import address, offers, quotes
from campaignlint.language.prechecks import first_words, key_runs, may_hold, may_hold_words


def _random_texts(pieces, count=3000, seed=5):
    rng = random.Random(seed)
    alphabet = list("abcdeiosſıİẛKÉé'’ -:\n") + ["CODE", "Code", "coupon", "RENDEZ-VOUS", "nous dit :",
                                                   "s’exclame", "S'EXCLAME", "ton sur ton", "TON  SUR\nTON"]
    for _ in range(count):
        yield "".join(rng.choice(alphabet + pieces) for _ in range(rng.randint(0, 14)))


def test_a_text_that_may_not_hold_a_phrase_has_no_match():
    for phrases, pattern in [
        (quotes.SPEECH_CUES, quotes._CUE_LINE),
        (offers._lang_data("fr")["code_cue_words"], offers._lang_data("fr")["code_cue_re"]),
        (offers._lang_data("en")["code_cue_words"], offers._lang_data("en")["code_cue_re"]),
    ]:
        words = phrases if isinstance(phrases, frozenset) else first_words(phrases)
        pieces = [w.upper() for w in words] + sorted(words)
        for text in _random_texts(pieces + ["PROMO20 ", " X1Y2Z "]):
            if pattern.search(text):
                assert may_hold(text, words), (pattern.pattern[:40], text)


def test_a_text_whose_words_may_not_hold_a_phrase_has_no_match():
    data = address._french_data()
    for runs, pattern, phrases in [
        (quotes._CUE_RUNS, quotes._CUE_LINE, quotes.SPEECH_CUES),
        (data["phrase_runs"], data["phrases"], ["ton sur ton", "rendez-vous", "m'as-tu-vu", "le saviez-vous"]),
    ]:
        pieces = [w.upper() for w in runs] + sorted(runs) + list(phrases) + [p.upper() for p in phrases]
        for text in _random_texts(pieces + ["1", "_", "é", "x"], count=20_000):
            if pattern.search(text):
                lows = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
                assert may_hold_words(text, lows, runs), (pattern.pattern[:40], text)


def test_key_runs_take_the_longest_run_of_letters():
    assert key_runs(["s'exclame", "dit-elle", "m'as-tu-vu", "code 2"]) == {"exclame", "elle", "as", "code"}
    assert key_runs(["2-3"]) is None
    assert may_hold_words("ıl", [], frozenset({"zz"}))  # a case-folding oddity: always searched
    assert not may_hold_words("Rendez-les", ["rendez", "les"], frozenset({"vous"}))


def test_first_words_takes_the_longest_literal_piece():
    assert first_words(["s'exclame", "code promo", "m'as-tu-vu"]) == {"exclame", "promo", "as-tu-vu"}
    assert first_words(["'"]) is None
    assert may_hold("ıl", frozenset({"zz"}))  # a case-folding oddity: always searched
    assert not may_hold("Profitez-en", frozenset({"code"}))
    assert re.search(r"(?i)code", "COſE") is None  # (ſ is s, not d: the oddity only costs a search)

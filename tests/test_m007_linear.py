"""M007 compares only candidate pairs: the same pairs as comparing every pair, in near-linear time."""

from __future__ import annotations

import difflib
import random

import pytest

from campaignlint.checks.consistency.m007_pasted_copy import _similar_pairs


def _every_pair(bodies, channels, threshold):
    """The rule before prefix filtering: each body against every earlier one, first match wins."""
    for position, words in enumerate(bodies):
        for earlier in range(position):
            if channels[earlier] == channels[position]:
                continue
            ratio = difflib.SequenceMatcher(None, bodies[earlier], words, autojunk=False).ratio()
            if ratio + 1e-9 >= threshold:
                yield position, earlier, ratio
                break


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.6, 0.75, 0.9, 0.95, 1.0])
@pytest.mark.parametrize("seed", range(6))
def test_same_pairs_as_every_pair(seed, threshold):
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(rng.choice([5, 12, 40]))]
    bodies = []
    for _ in range(60):
        if bodies and rng.random() < 0.3:  # a pasted body, edited a little
            words = list(rng.choice(bodies))
            for _ in range(rng.randint(0, 3)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            if rng.random() < 0.5:
                words.append(rng.choice(vocabulary))
        else:
            words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 30))]
        bodies.append(tuple(words))
    channels = [rng.choice(["email", "sms", "twitter"]) for _ in bodies]
    fast = [(p, e, round(r, 12)) for p, e, r in _similar_pairs(bodies, channels, threshold)]
    slow = [(p, e, round(r, 12)) for p, e, r in _every_pair(bodies, channels, threshold)]
    assert fast == slow
    if 0 < threshold < 1:
        assert slow or threshold > 0.6  # the cases exercise matches, not only misses


def test_comparisons_grow_linearly(monkeypatch):
    """Unrelated bodies (their vocabulary grows with their number, as copy's does):
    5× the bodies cost about 5× the comparisons (every pair would be 25×)."""
    from campaignlint.checks.consistency import m007_pasted_copy

    calls = []
    real = m007_pasted_copy._shared_words  # each comparison past the length bound counts its shared words
    monkeypatch.setattr(m007_pasted_copy, "_shared_words", lambda *args: calls.append(1) or real(*args))

    def alignments(n: int) -> int:
        rng = random.Random(7)
        vocabulary = [f"w{i}" for i in range(4 * n)]
        bodies = [tuple(rng.choice(vocabulary) for _ in range(20)) for _ in range(n)]
        calls.clear()
        assert list(_similar_pairs(bodies, ["email", "sms"] * (n // 2), 0.9)) == []
        return len(calls)

    small, large = alignments(400), alignments(2000)
    assert large < 8 * small and large < 2000 * 1999 // 20


def test_numbered_tokens_sort_as_the_pairs_they_stand_for():
    """A repeat is the word, NUL and two characters of its count: the strings order as (word, k) pairs."""
    from campaignlint.checks.consistency.m007_pasted_copy import _numbered

    rng = random.Random(7)
    vocabulary = ["a", "ab", "abc", "b", "ba", "é", "a0", "zzz"]
    for _ in range(300):
        words = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 200)))
        seen: dict[str, int] = {}
        pairs = []
        for word in words:
            pairs.append((word, seen.get(word, 0)))
            seen[word] = seen.get(word, 0) + 1
        tokens = _numbered(words)
        assert len(set(tokens)) == len(tokens) == len(pairs)
        encoded = {pair: pair[0] if pair[1] == 0 else f"{pair[0]}\0{chr(pair[1] >> 16)}{chr(pair[1] & 0xFFFF)}"
                   for pair in pairs}
        assert sorted(tokens) == [encoded[pair] for pair in sorted(pairs)]


def test_url_cues_as_the_single_case_insensitive_search():
    import re

    from campaignlint.checks.consistency.m007_pasted_copy import _may_hold_url_or_tag

    single = re.compile(r"[#＃@＠]|\.[a-z]{2}|https?://|www\.", re.IGNORECASE)
    rng = random.Random(3)
    alphabet = "htps:/.wWHx#@＃＠ıſKk ab"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))).casefold()
        assert _may_hold_url_or_tag(text) == bool(single.search(text)), text


def test_tag_mask_written_sign_first_finds_the_same_spans():
    import re

    from campaignlint.checks.consistency.m007_pasted_copy import _URL_OR_TAG

    tag = _URL_OR_TAG.searchers[-1].__self__
    before = re.compile(r"(?<![\w&])[#＃@＠]\w+", re.IGNORECASE)
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice("ab&#@＃＠ _é1\n.") for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in tag.finditer(text)] == [m.span() for m in before.finditer(text)], text


def test_shared_words_count_as_difflibs_quick_ratio():
    """The numbered tokens' sets share as many tokens as difflib's ``quick_ratio`` counts matches."""
    from campaignlint.checks.consistency.m007_pasted_copy import _numbered, _shared_words

    rng = random.Random(8)
    vocabulary = ["a", "ab", "b", "é", "a0"]
    for _ in range(2000):
        a, b = (tuple(rng.choice(vocabulary) for _ in range(rng.randint(1, 30))) for _ in range(2))
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        shared = _shared_words([frozenset(_numbered(a)), frozenset(_numbered(b))], 0, 1)
        assert 2.0 * shared / (len(a) + len(b)) == matcher.quick_ratio(), (a, b)

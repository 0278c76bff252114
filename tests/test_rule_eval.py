"""The copy-reading rules on the labelled set of issue 13 (``tests/data/eval/rules.jsonl``).

The figures are in docs/evaluation-copy.md; ``bench/rule_eval.py`` prints them.
The dev part must be read right; the held-out part (kept out of tuning) must
stay at least as precise as its first run.
"""

from __future__ import annotations

import pytest

import rule_eval  # bench/rule_eval.py (tests/conftest.py puts bench/ on the path)

RECORDS = rule_eval.load(rule_eval.DEFAULT_SET)


def test_the_set_covers_every_class_in_both_languages_and_splits():
    classes = {r["class"] for r in RECORDS}
    assert set(rule_eval.FAMILIES) <= classes
    assert {r["lang"] for r in RECORDS} == {"fr", "en"}
    assert {r["split"] for r in RECORDS} == {"dev", "holdout"}
    for cls in classes:
        labels = {r["fires"] for r in RECORDS if r["class"] == cls}
        assert labels == {True, False} or cls in ("invalid_utm", "unknown_tone"), cls


@pytest.mark.slow  # lints 90 campaigns (about 20 s): CI runs it
def test_dev_records_are_all_read_right():
    families, _classes = rule_eval.evaluate(RECORDS, "dev")
    wrong = [e for s in families.values() for e in s.errors]
    assert not wrong and not rule_eval.SKIPPED, wrong or rule_eval.SKIPPED


@pytest.mark.slow
def test_held_out_records_keep_their_first_run_figures():
    families, _classes = rule_eval.evaluate(RECORDS, "holdout")
    assert not rule_eval.SKIPPED
    for name, score in families.items():
        assert score.recall == 1.0, (name, score.errors)
        assert score.precision >= 0.66, (name, score.errors)

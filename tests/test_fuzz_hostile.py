"""The hostile fuzzer (bench/fuzz.py --hostile, bench/hostile.py) in the test suite.

A seeded run of 400 cases by default (about 10 s) and of 2,000 cases in a slow-marked
test (about 50 s on 2 cores); the long runs (100,000+ cases) are in docs/robustness.md.
Each case: lint, and in turn parse, fmt, the five reporters, the --fix property
and a configuration file of a random shape; 5 s per case at most.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import fuzz  # noqa: E402
import hostile  # noqa: E402


def _clean(report):
    assert report.escapes == {}, {kind: cases[:5] for kind, cases in report.escapes.items()}
    assert report.hangs == []


def test_a_seeded_hostile_run_is_clean(tmp_path):
    report = fuzz.run_hostile(2026, range(400), timeout=5.0, inline=True, folder=tmp_path, save=False)
    assert report.cases == 400
    _clean(report)


@pytest.mark.slow
def test_a_seeded_2000_case_hostile_run_is_clean(tmp_path):
    report = fuzz.run_hostile(11, range(2000), timeout=5.0, inline=True, folder=tmp_path, save=False)
    assert report.cases == 2000
    _clean(report)


def test_the_seeds_cover_every_camp_file_and_the_rule_cases():
    seeds = hostile.seed_files()
    repo = Path(__file__).resolve().parent.parent
    files = [p for p in repo.rglob("*.camp") if ".git" not in p.parts and "crashes" not in p.parts]
    cases = list((repo / "tests" / "rules").glob("*.yml"))
    assert len(seeds) > len(files) + len(cases)  # the rule cases hold several campaigns each
    assert any("channel instagram" in s.decode("utf-8", "replace") for s in seeds)


def test_cases_are_a_function_of_seed_and_number():
    seeds = hostile.seed_files()
    assert hostile.make_case(seeds, 3, 17)[0] == hostile.make_case(seeds, 3, 17)[0]
    assert len({hostile.make_case(seeds, 3, n)[0] for n in range(50)}) > 40


def test_the_hostile_harness_reports_an_escape_and_a_hang(tmp_path, monkeypatch):
    """The run above could not fail if an exception were swallowed or a hang went unseen: prove both are caught."""
    from campaignlint.reporters import json_report

    def boom(findings, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(json_report, "render", boom)
    report = fuzz.run_hostile(5, range(1, 8, 3), timeout=5.0, inline=True, folder=tmp_path, save=False)
    assert list(report.escapes) == ["RuntimeError: boom"]
    monkeypatch.undo()

    monkeypatch.setattr(hostile, "run_case", lambda *args: time.sleep(3))
    (tmp_path / "b").mkdir()
    report = fuzz.run_hostile(5, range(2), timeout=0.5, inline=True, folder=tmp_path / "b", save=False)
    assert report.hangs == [0, 1]

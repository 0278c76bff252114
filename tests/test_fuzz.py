"""Robustness in CI: a few hundred fuzzed campaigns (bench/fuzz.py runs 100,000+).

Properties (see bench/fuzz.py): the engine returns findings for every input and
never raises; `--fix` (unsafe fixes included) leaves a file that parses when the
input parsed; the formatter, when present, is idempotent and keeps the model.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import fuzz  # noqa: E402

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    return fuzz.Harness(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="module")
def real():
    return fuzz.seeds()


@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_generated_campaigns_never_crash(harness, seed):
    harness.check(fuzz.generated(random.Random(seed)).encode("utf-8"))


@pytest.mark.slow
@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_examples_never_crash(harness, real, seed):
    rng = random.Random(seed)
    harness.check(fuzz.mutate(rng, rng.choice(real))[:300_000])


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000) | st.text(max_size=1000).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_never_crash(harness, data):
    harness.check(data, fix=False)


def test_the_harness_detects_a_crash(harness, monkeypatch):
    """The properties above could not fail if an exception were swallowed: prove one escapes."""
    from campaignlint.engine import Linter

    def boom(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Linter, "findings_for", boom)
    with pytest.raises(RuntimeError):
        harness.check(b'campaign c { name "C" }\n', fix=False)


@pytest.mark.slow
def test_a_few_cases_through_the_installed_command(tmp_path, real):
    rng = random.Random(2027)
    cases = [fuzz.mutate(rng, rng.choice(real)) for _ in range(3)] + [fuzz.generated(rng).encode()]
    assert fuzz.run_cli_cases(tmp_path, cases) == 0

"""Shared test helpers: the installed command, temporary campaigns."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
REPO = TESTS.parent

# The evaluation harnesses (bench/evaluation.py, bench/objective_eval.py) are not
# part of the installed package: the tests that score the analysers import them
# from bench/ (``from evaluation import …``).
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))

# The tests expect English unless they ask for another language: a French
# locale on the machine running them must not change the messages.
os.environ["LANGUAGE"] = "en"


def command() -> list[str]:
    """The installed console script (falls back to ``python -m campaignlint``)."""
    script = Path(sys.executable).parent / "campaignlint"
    if script.exists():
        return [str(script)]
    found = shutil.which("campaignlint")
    if found:
        return [found]
    return [sys.executable, "-m", "campaignlint"]


def run_cli(*args: str, cwd: Path | None = None, input: str | bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("CAMPAIGNLINT_DEBUG", None)
    if isinstance(input, str):
        input = input.encode("utf-8")
    process = subprocess.run([*command(), *args], cwd=cwd, input=input, capture_output=True, env=full_env, timeout=300)
    process.stdout = process.stdout.decode("utf-8", "replace")
    process.stderr = process.stderr.decode("utf-8", "replace")
    return process


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def write(tmp_path):
    """Write files into a fresh project folder: write({"a.camp": "..."}) → folder."""

    def _write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return tmp_path

    return _write


@pytest.fixture(autouse=True)
def _english_again():
    """A test that switches the language in this process leaves English behind."""
    yield
    from campaignlint import i18n

    i18n.set_language("en")

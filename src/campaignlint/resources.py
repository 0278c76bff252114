"""Where the shipped data lives.

The grammar (``grammar/``) and the rule data (``rules/``) sit at the repository
root and are copied into the wheel as ``campaignlint/grammar`` and
``campaignlint/rules``.  Installed, they are found inside the package; run from
a source checkout (``PYTHONPATH=src``), they are found at the repository root.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"campaignlint is missing its {name}/ data folder")


def grammar_path(filename: str = "camp.lark") -> Path:
    return _data_dir("grammar") / filename


def rules_path(*parts: str) -> Path:
    """Path of a rule-data file, e.g. ``rules_path("fr", "hype.txt")``."""
    return _data_dir("rules").joinpath(*parts)


@functools.cache
def load_toml(*parts: str) -> dict:
    with rules_path(*parts).open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def load_word_list(*parts: str) -> tuple[str, ...]:
    """A word list: one entry a line, ``#`` comments and blank lines ignored."""
    entries = []
    for line in rules_path(*parts).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


def rule_data_fingerprint() -> str:
    """A hash of every rule-data file and the grammar (a cache key)."""
    import hashlib

    digest = hashlib.sha256()
    for folder in (_data_dir("rules"), _data_dir("grammar")):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()

"""Precision and recall of the copy analysers on labelled evaluation sets.

An evaluation harness, not part of the installed package: the tests import
it with ``bench/`` on ``sys.path`` (see ``tests/conftest.py``).

The sets live in ``tests/data/eval/`` (JSON Lines, one labelled text a line):

* ``address_fr.jsonl``: ``{"id", "text", "label"}`` with ``label`` one of
  ``formal``, ``informal``, ``mixed``, ``none``;
* ``offers_fr.jsonl``, ``offers_en.jsonl``: ``{"id", "text", "reference_year",
  "discounts", "codes", "prices", "end_dates"}``; a discount is written
  ``"20%"`` or ``"10 EUR"``, a price ``"49.90 EUR"``, an end date
  ``"2027-05-31"``, a code as it is.

Address is scored per label (a one-against-the-rest classification: the
precision of ``mixed`` is the share of texts called mixed that are mixed),
which gives T001 (``mixed``) and T002 (``formal`` / ``informal``). Offer claims
are scored per kind by matching the multiset of values found in each text with
the expected one: a value found and expected is a true positive, a value found
and not expected a false positive, a value expected and not found a false
negative. Spans are not scored, only values.

Re-run from the repository root::

    PYTHONPATH=src python bench/evaluation.py [tests/data/eval] [-v] [--split holdout]

Each record may carry ``"split"``: ``"dev"`` (written first, used while the
word lists were built) or ``"holdout"`` (written afterwards, in other sectors,
to measure how the analysers do on copy they were not tuned on).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from campaignlint.language.address import detect_address
from campaignlint.language.offers import extract_offer_claims

__all__ = [
    "Score",
    "load_jsonl",
    "parse_expected",
    "score_address",
    "score_offers",
    "format_table",
    "ADDRESS_LABELS",
    "CLAIM_KINDS",
]

DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval"

ADDRESS_LABELS = ("formal", "informal", "mixed", "none")
CLAIM_KINDS = ("discounts", "codes", "prices", "end_dates")


@dataclass
class Score:
    """Counts for one label or claim kind, with the errors for inspection."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def support(self) -> int:
        """How many items were expected (TP + FN)."""
        return self.tp + self.fn


def load_jsonl(path: str | Path) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _money(text: str) -> tuple[Decimal, str]:
    amount, currency = text.split()
    return Decimal(amount), currency


def parse_expected(kind: str, raw: str):
    """Turn an expected value as written in a set into a comparable value."""
    if kind == "discounts":
        raw = raw.strip()
        if raw.endswith("%"):
            return Decimal(raw[:-1].strip())
        return _money(raw)
    if kind == "prices":
        return _money(raw)
    if kind == "end_dates":
        return date.fromisoformat(raw)
    return raw


def _normal(value):
    """Make Decimals compare by value in a Counter (49.9 == 49.90)."""
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, tuple):
        return tuple(_normal(v) for v in value)
    return value


def score_address(records: Iterable[dict], language: str = "fr") -> dict[str, Score]:
    """Per-label scores of :func:`detect_address` on labelled records."""
    scores = {label: Score() for label in ADDRESS_LABELS}
    for record in records:
        predicted = detect_address(record["text"], language).address or "none"
        expected = record["label"]
        for label in ADDRESS_LABELS:
            score = scores[label]
            if predicted == label and expected == label:
                score.tp += 1
            elif predicted == label:
                score.fp += 1
                score.errors.append(f"{record['id']}: expected {expected}, got {predicted}")
            elif expected == label:
                score.fn += 1
                score.errors.append(f"{record['id']}: expected {expected}, got {predicted}")
    return scores


def score_offers(records: Iterable[dict], language: str) -> dict[str, Score]:
    """Per-kind scores of :func:`extract_offer_claims` on labelled records."""
    scores = {kind: Score() for kind in CLAIM_KINDS}
    for record in records:
        claims = extract_offer_claims(record["text"], language, record.get("reference_year"))
        for kind in CLAIM_KINDS:
            expected = Counter(_normal(parse_expected(kind, v)) for v in record.get(kind, []))
            found = Counter(_normal(c.value) for c in getattr(claims, kind))
            hit = expected & found
            score = scores[kind]
            score.tp += sum(hit.values())
            extra = found - hit
            missed = expected - hit
            score.fp += sum(extra.values())
            score.fn += sum(missed.values())
            if extra or missed:
                score.errors.append(
                    f"{record['id']}: {kind} extra={sorted(map(str, extra.elements()))} "
                    f"missed={sorted(map(str, missed.elements()))}"
                )
    return scores


def format_table(title: str, scores: dict[str, Score]) -> str:
    """A Markdown table of the scores."""
    lines = [
        f"| {title} | TP | FP | FN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, s in scores.items():
        lines.append(f"| {name} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.3f} | {s.recall:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the tables (and the errors with ``-v``) for the sets in a folder."""
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    split = None
    if "--split" in args:
        at = args.index("--split")
        split = args[at + 1]
        del args[at:at + 2]
    folder = Path(args[0]) if args else DEFAULT_FOLDER

    def records(name: str) -> list[dict]:
        rows = load_jsonl(folder / name)
        return [r for r in rows if split is None or r.get("split", "dev") == split]

    sections = [
        ("address (fr)", score_address(records("address_fr.jsonl"), "fr")),
        ("offers (fr)", score_offers(records("offers_fr.jsonl"), "fr")),
        ("offers (en)", score_offers(records("offers_en.jsonl"), "en")),
    ]
    for title, scores in sections:
        print(format_table(title, scores))
        if verbose:
            for name, s in scores.items():
                for err in s.errors:
                    print(f"  - [{name}] {err}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Measure how well the objective-text reader serves rules O007 and O008.

The labelled set ``tests/data/eval/objectives.jsonl`` holds one objective per
line: ``id``, ``language``, ``text``, ``vague`` (nothing in the text can be
measured or dated) and, for some, ``attributes`` written as in a ``.camp``
file (``target``, ``baseline``, ``deadline``, ``within``, ``campaign_start``)
with ``contradiction`` (the text contradicts them).

Run it::

    PYTHONPATH=src python bench/objective_eval.py [path] [--verbose]

It prints precision and recall for O007 (vague detection) and O008
(contradiction detection), the positive class being "the rule fires".
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from campaignlint.checks.objectives.o008_text_contradicts import Quantity, compare_with_attributes
from campaignlint.language.objective_text import read_objective_text

import evaluation  # bench/evaluation.py, next to this file

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval" / "objectives.jsonl"

_QTY_RE = re.compile(r"^\s*([+-])?\s*(\d[\d_]*(?:\.\d+)?)\s*(%|[A-Z]{3}|€|\$|£)?\s*$")
_DUR_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(hours?|days?|weeks?|months?|years?)\s*$")


def parse_quantity(text: str) -> Quantity:
    """``"+20%"``, ``"12_000"``, ``"42 EUR"`` → a :class:`Quantity`."""
    m = _QTY_RE.match(text)
    if not m:
        raise ValueError(f"not a quantity: {text!r}")
    sign, digits, unit = m.groups()
    value = Decimal(digits.replace("_", ""))
    if sign == "-":
        value = -value
    if unit == "%":
        return Quantity("percent", value, signed=bool(sign))
    if unit:
        currency = {"€": "EUR", "$": "USD", "£": "GBP"}.get(unit, unit)
        return Quantity("money", value, signed=bool(sign), currency=currency)
    return Quantity("number", value, signed=bool(sign))


def parse_duration(text: str) -> tuple[Decimal, str]:
    m = _DUR_RE.match(text)
    if not m:
        raise ValueError(f"not a duration: {text!r}")
    unit = m.group(2)
    return Decimal(m.group(1)), unit if unit.endswith("s") else unit + "s"


@dataclass
class Score(evaluation.Score):
    """``evaluation.Score`` plus true negatives: O007/O008 label every case."""

    tn: int = 0

    def add(self, predicted: bool, expected: bool, label: str) -> None:
        if predicted and expected:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.errors.append(f"false positive: {label}")
        elif expected:
            self.fn += 1
            self.errors.append(f"false negative: {label}")
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def load_set(path: Path | str = DEFAULT_SET) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(path: Path | str = DEFAULT_SET, split: str | None = None) -> tuple[Score, Score]:
    """(O007 score, O008 score) over the labelled set (or one ``split`` of it:
    ``dev`` — the cases written while building the reader — or ``holdout`` —
    cases written afterwards and scored before any change)."""
    o007, o008 = Score(), Score()
    for item in load_set(path):
        if split is not None and item.get("split", "dev") != split:
            continue
        attrs = item.get("attributes") or {}
        start = datetime.date.fromisoformat(attrs["campaign_start"]) if "campaign_start" in attrs else None
        claims = read_objective_text(item["text"], item["language"], start or datetime.date(2027, 1, 1))
        o007.add(claims.is_vague, bool(item["vague"]), f"{item['id']} {item['text']!r}")
        if "contradiction" in item:
            found = compare_with_attributes(
                claims,
                target=parse_quantity(attrs["target"]) if "target" in attrs else None,
                baseline=parse_quantity(attrs["baseline"]) if "baseline" in attrs else None,
                deadline=datetime.date.fromisoformat(attrs["deadline"]) if "deadline" in attrs else None,
                within=parse_duration(attrs["within"]) if "within" in attrs else None,
                campaign_start=start,
            )
            detail = "; ".join(c.message for c in found)
            o008.add(bool(found), bool(item["contradiction"]), f"{item['id']} {item['text']!r} {detail}")
    return o007, o008


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in args
    args = [a for a in args if a != "--verbose"]
    path = Path(args[0]) if args else DEFAULT_SET
    for split in (None, "dev", "holdout"):
        o007, o008 = evaluate(path, split)
        if split:
            print(f"-- {split} cases only")
        _print(o007, o008, verbose and split is None)
    return 0


def _print(o007: Score, o008: Score, verbose: bool) -> None:
    for code, score in (("O007 vague objective", o007), ("O008 text contradicts attributes", o008)):
        print(
            f"{code}: precision {score.precision:.3f}, recall {score.recall:.3f} "
            f"(tp {score.tp}, fp {score.fp}, fn {score.fn}, tn {score.tn}; {score.total} cases)"
        )
        if verbose:
            for err in score.errors:
                print("   ", err)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""Precision and recall of the copy-reading rules on labelled real-looking copy (issue 13).

The labelled set ``tests/data/eval/rules.jsonl`` holds one message a line:

* ``id``, ``rule`` (the rule code scored), ``class`` (what the text tests:
  ``quote``, ``third_person``, ``capitals``, ``sentences``,
  ``declared_vs_default``, ``unknown_tone``, ``prices``, ``superlatives``,
  ``cta_inline``, ``cedilla``, ``invalid_utm``), ``lang``, ``split`` (``dev``
  or ``holdout``: held-out records were written with the others, before the
  tool ran on them, and are kept out of tuning);
* the campaign around the message: ``channel``, ``voice`` (the lines of a
  ``voice { … }`` block, or null), ``offer`` (the lines of an ``offer { … }``
  block), ``stage``, ``profile`` (lines of a top-level ``channel`` block
  refining the channel), ``fields`` (``subject``, ``body``, ``headline``,
  ``description``, ``link``…);
* ``fires``: whether the rule should report something on this message.

Each record becomes a ``.camp`` file linted with only its rule selected; the
positive class is "the rule fires".  Run it::

    PYTHONPATH=src python bench/rule_eval.py [path] [--split dev|holdout] [-v]

It prints precision and recall per rule family (address T001/T002, capitals
T005/T009, sentences T006/T009, tone declared T009, prices M004, superlatives
T008, channels F002/C008/U004) and per class.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval" / "rules.jsonl"

#: the family a class is reported under
FAMILIES = {
    "quote": "address (T001, T002)", "third_person": "address (T001, T002)",
    "capitals": "capitals (T005, T009)", "sentences": "sentences (T006, T009)",
    "declared_vs_default": "declared tone (T009, E003)", "unknown_tone": "declared tone (T009, E003)",
    "prices": "prices (M004)", "superlatives": "superlatives (T008)",
    "cta_inline": "channels (F002, C008, U004)", "cedilla": "channels (F002, C008, U004)",
    "invalid_utm": "channels (F002, C008, U004)",
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, expected: bool, got: bool, label: str) -> None:
        if expected and got:
            self.tp += 1
        elif expected:
            self.fn += 1
            self.errors.append(f"{label}: missed")
        elif got:
            self.fp += 1
            self.errors.append(f"{label}: false finding")
        else:
            self.tn += 1


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_camp(record: dict) -> str:
    """The ``.camp`` text of one record."""
    channel = record.get("channel") or "email"
    lines = []
    if record.get("profile"):
        lines += [f"channel {channel} {{", f"  {record['profile']}", "}", ""]
    lines += ["campaign eval {", '  name "Eval"', f"  language {record['lang']}",
              "  period 2027-01-01 .. 2027-12-31"]
    if record.get("voice"):
        lines += ["  voice {", f"    {record['voice']}", "  }"]
    lines.append(f"  channel {channel}")
    if record.get("offer"):
        lines += ["  offer o {", f"    {record['offer']}", "  }"]
    lines += ["  message m {", f"    channel {channel}"]
    if record.get("offer"):
        lines.append("    offer o")
    if record.get("stage"):
        lines.append(f"    stage {record['stage']}")
    for key, value in record["fields"].items():
        lines.append(f"    {key} {_quote(value)}")
    lines += ["  }", "}", ""]
    return "\n".join(lines)


def fires(record: dict, folder: Path) -> tuple[bool | None, list[str]]:
    """Whether the record's rule reports anything on it (and the messages); ``None`` when
    the record is not a valid campaign for this version (its error messages)."""
    from campaignlint.engine import Linter, Options

    path = folder / f"{record['id']}.camp"
    path.write_text(to_camp(record), encoding="utf-8")
    findings = Linter(Options(select=[record["rule"]]), cwd=folder).lint_file(path)
    errors = [f.message for f in findings if f.code.startswith("E") and f.code != record["rule"]]
    if errors:  # a setting this version does not know (when measuring an older version)
        return None, errors
    got = [f.message for f in findings if f.code == record["rule"]]
    return bool(got), got


#: records the last :func:`evaluate` could not lint (an unknown setting), with why
SKIPPED: list[str] = []


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(records: list[dict], split: str | None = None) -> tuple[dict[str, Score], dict[str, Score]]:
    """``(per family, per class)`` scores of the records (of ``split`` only, when given)."""
    families: dict[str, Score] = {}
    classes: dict[str, Score] = {}
    skipped = SKIPPED
    skipped.clear()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "campaignlint.toml").write_text("", encoding="utf-8")
        for record in records:
            if split and record.get("split", "dev") != split:
                continue
            got, messages = fires(record, folder)
            if got is None:
                skipped.append(f"{record['id']}: {messages[0][:100]}")
                continue
            label = f"{record['id']} {record['rule']} {record['class']}"
            if messages:
                label += f" ({messages[0][:90]})"
            family = FAMILIES.get(record["class"], record["class"])
            families.setdefault(family, Score()).add(record["fires"], got, label)
            classes.setdefault(f"{record['class']} ({record['rule']})", Score()).add(record["fires"], got, label)
    return families, classes


def format_table(scores: dict[str, Score], title: str) -> str:
    rows = [f"| {title} | texts | TP | FP | FN | TN | precision | recall |", "|---|---|---|---|---|---|---|---|"]
    for name, s in sorted(scores.items()):
        rows.append(f"| {name} | {s.tp + s.fp + s.fn + s.tn} | {s.tp} | {s.fp} | {s.fn} | {s.tn} "
                    f"| {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv or "--verbose" in argv
    split = None
    if "--split" in argv:
        split = argv[argv.index("--split") + 1]
    paths = [a for a in argv if not a.startswith("-") and a != split]
    records = load(Path(paths[0]) if paths else DEFAULT_SET)
    families, classes = evaluate(records, split)
    print(format_table(families, "family"))
    print()
    print(format_table(classes, "class (rule)"))
    if SKIPPED:
        print(f"\n{len(SKIPPED)} records not valid for this version (not scored):")
        for line in SKIPPED:
            print("  " + line)
    if verbose:
        for scores in (classes,):
            for s in scores.values():
                for error in s.errors:
                    print("  " + error)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))

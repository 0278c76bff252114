"""Rule test cases as data (sqlfluff style): ``tests/rules/<CODE>.yml``.

Each file::

    rule: O004
    cases:
      - name: an objective with no deadline
        fail: |            # the campaign file (or `files:` for several)
          campaign …
        expect:            # the findings of this rule, in order
          - line: 5
            column: 3
            message: "has no deadline"   # a part of the message
        fix: |             # optional: the file after --fix (--unsafe-fixes for unsafe fixes)
          campaign …
      - name: a careful objective
        pass: |
          campaign …

Every case runs through the engine with only that rule selected.  ``files``
(a mapping name → text, the first is linted) allows imports.  ``config``
(a TOML string) writes a campaignlint.toml beside the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from campaignlint.engine import Linter, Options
from campaignlint.fixes import fix_file
from campaignlint.rule import REGISTRY, load_all_rules

RULES_DIR = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(RULES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            yield pytest.param(data["rule"], case, id=f"{path.stem}-{index}-{case.get('name', '')[:40]}")


def _setup(tmp_path: Path, case: dict) -> Path:
    files = case.get("files") or {"campaign.camp": case.get("fail", case.get("pass"))}
    first = None
    for name, text in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        first = first or target
    if case.get("config"):
        (tmp_path / "campaignlint.toml").write_text(case["config"], encoding="utf-8")
    else:
        (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    return first


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_case(tmp_path, code, case):
    load_all_rules()
    assert code in REGISTRY, f"{code} is not a registered rule"
    path = _setup(tmp_path, case)
    linter = Linter(Options(select=[code]), cwd=tmp_path)
    findings = [f for f in linter.lint_file(path) if f.code == code]
    if "pass" in case and "fail" not in case and "files" not in case:
        assert findings == [], "\n".join(f"{f.range.start_line}:{f.range.start_column} {f.message}" for f in findings)
        return
    expected = case.get("expect", [])
    if "files" in case and not expected:
        assert findings == [], "\n".join(f"{f.range.start_line}:{f.range.start_column} {f.message}" for f in findings)
        return
    got = [f"{f.range.start_line}:{f.range.start_column} {f.message}" for f in findings]
    assert len(findings) == len(expected), f"expected {len(expected)} findings, got:\n" + "\n".join(got)
    for finding, wanted in zip(findings, expected):
        if "line" in wanted:
            assert finding.range.start_line == wanted["line"], got
        if "column" in wanted:
            assert finding.range.start_column == wanted["column"], got
        if "message" in wanted:
            assert wanted["message"] in finding.message, got
        if "severity" in wanted:
            assert finding.severity.value == wanted["severity"]
    if "fix" in case:
        outcome = fix_file(Linter(Options(select=[code]), cwd=tmp_path), path, unsafe=True)
        assert outcome.fixed == case["fix"]
        again = fix_file(Linter(Options(select=[code]), cwd=tmp_path), path, unsafe=True, text=outcome.fixed)
        assert again.fixed == outcome.fixed, "fixing twice must equal fixing once"

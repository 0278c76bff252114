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
        applicability: safe  # with `fix`: `safe` — `--fix` gives `fix`; `unsafe` — `--fix` changes
                             # nothing and `--fix --unsafe-fixes` gives `fix`; `mixed` — `--fix`
                             # gives `safe_fix` and `--fix --unsafe-fixes` gives `fix`
        fix: |             # optional: the file after the fix
          campaign …
      - name: a careful objective
        pass: |
          campaign …

Every case runs through the engine with only that rule selected.  Every fix a
finding carries must have an applicability the rule declares
(``fix_applicability``), and a rule that declares no fix must offer none.  ``files``
(a mapping name → text, the first is linted) allows imports.  ``config``
(a TOML string) writes a campaignlint.toml beside the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from campaignlint.engine import Linter, Options
from campaignlint.fixes import fix_file
from campaignlint.rule import REGISTRY
from campaignlint.registry import load_all_rules

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
    rule = REGISTRY[code]
    for finding in findings:
        if finding.fix is None:
            assert rule.fix_availability.value != "always", f"{code} declares a fix for every finding"
        else:
            assert finding.fix.applicability in rule.fix_applicability, (
                f"{code} offers a {finding.fix.applicability.value} fix but declares {rule.fix_applicability}")
    if "fix" in case:
        applicability = case.get("applicability")
        assert applicability in ("safe", "unsafe", "mixed"), "a fix case states its `applicability: safe|unsafe|mixed`"
        original = path.read_bytes().decode("utf-8")
        safe_run = fix_file(Linter(Options(select=[code]), cwd=tmp_path), path, unsafe=False)
        unsafe_run = fix_file(Linter(Options(select=[code]), cwd=tmp_path), path, unsafe=True)
        if applicability == "safe":
            assert safe_run.fixed == case["fix"], "`--fix` alone must give the fixed text"
        elif applicability == "unsafe":
            assert safe_run.fixed == original, "an unsafe fix must not be applied by `--fix` alone"
        else:  # some fixes of the case are safe, others unsafe: `safe_fix` is what `--fix` alone gives
            assert safe_run.fixed == case["safe_fix"]
            assert original != case["safe_fix"] != case["fix"], "a mixed case has both kinds of fix"
        assert unsafe_run.fixed == case["fix"]
        again = fix_file(Linter(Options(select=[code]), cwd=tmp_path), path, unsafe=True, text=unsafe_run.fixed)
        assert again.fixed == unsafe_run.fixed, "fixing twice must equal fixing once"

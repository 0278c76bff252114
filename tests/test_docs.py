"""The documentation is generated from the rules themselves and kept up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaignlint.docs import configuration_markdown, explain_text, rule_catalogue_markdown
from campaignlint.rule import REGISTRY
from campaignlint.registry import load_all_rules

from conftest import REPO, run_cli

load_all_rules()


def test_rule_catalogue_is_up_to_date():
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rule_catalogue_markdown(), "run: python -m campaignlint.docs > docs/rules.md"


def test_configuration_docs_are_up_to_date():
    committed = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert committed == configuration_markdown(), "run: python -m campaignlint.docs configuration > docs/configuration.md"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_is_documented(code):
    rule = REGISTRY[code]
    assert rule.name and rule.name == rule.name.lower()
    assert rule.summary, f"{code} has no docstring"
    assert len(rule.why) > 40, f"{code} needs its marketing reason (`why`)"
    assert rule.example and rule.correction, f"{code} needs an example and its correction"
    text = explain_text(rule)
    assert "Why it matters" in text and "Example that fires" in text


def test_every_rule_has_cases():
    cases = {path.stem for path in (Path(__file__).parent / "rules").glob("*.yml")}
    missing = sorted(code for code in REGISTRY if code not in cases and code != "E008")
    assert missing == [], f"rules without tests/rules/<CODE>.yml: {missing}"


def test_explain_every_code_through_the_command():
    for code in ("E001", "N001"):
        result = run_cli("explain", code)
        assert result.returncode == 0
        assert result.stdout.startswith(code)


def test_every_case_file_fires_and_stays_quiet():
    import yaml

    weak = []
    for path in sorted((Path(__file__).parent / "rules").glob("*.yml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        fires = any(case.get("expect") for case in cases)
        quiet = any(("pass" in case) or ("files" in case and not case.get("expect")) for case in cases)
        if not (fires and quiet):
            weak.append(path.stem)
    assert weak == [], f"case files without both a firing and a quiet case: {weak}"

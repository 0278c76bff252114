"""Reporters through the command: SARIF (official schema), GitHub workflow commands, JUnit XML, JSON (our schema)."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from campaignlint.reporters.github_report import escape_data, escape_property
from campaignlint.registry import load_all_rules

from conftest import DATA, REPO, run_cli

EXAMPLES = DATA / "examples"
SARIF_SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JSON_SCHEMA = json.loads((REPO / "docs" / "json-output.schema.json").read_text(encoding="utf-8"))

# A folder name with every character GitHub's commands must escape in a property.
FOLDER = "soldes,été:100%"
PROMO = '''rule pas_gratuit {
  message "Évitez « gratuit » : 100% des offres\\nsont payantes, vraiment"
  severity error
  forbid "gratuit", "offert"
  suggest "inclus"
}

rule pas_cher {
  code "ACME001"
  message "Jamais « pas cher »"
  severity info
  forbid "pas cher"
}

campaign soldes {
  name "Soldes d'été"
  language fr
  period 2027-06-24 .. 2027-07-21
  segment s { persona "Maya, 28 ans, court trois fois par semaine" }
  channel instagram
  message ig {
    channel instagram
    segments s
    stage awareness
    at 2027-06-24 09:00
    body "Livraison gratuit 🌱🎉 et retour offert, pas cher !"
  }
}
'''

GITHUB_LINE = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<endLine>\d+),endColumn=(?P<endColumn>\d+),title=(?P<title>[^,:\r\n]+)"
    r"::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


@pytest.fixture
def promo(tmp_path) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "promo.camp").write_text(PROMO, encoding="utf-8")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    return tmp_path


def _json_findings(cwd: Path, *paths: str) -> list[dict]:
    result = run_cli("check", "--format", "json", *paths, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


# ------------------------------------------------------------ SARIF

def _sarif(cwd: Path, *paths: str) -> dict:
    result = run_cli("check", "--format", "sarif", *paths, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_sarif_of_the_examples_is_valid_and_documents_every_rule():
    log = _sarif(EXAMPLES, ".")
    jsonschema.validate(log, SARIF_SCHEMA)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "campaignlint" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert set(ids) >= set(load_all_rules())  # every registered rule, findings or not
    listed = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {rule["code"] for rule in listed} <= set(ids)
    e001 = driver["rules"][ids.index("E001")]
    assert e001["name"] == "syntax-error"
    assert e001["defaultConfiguration"]["level"] == "error"
    assert e001["shortDescription"]["text"].startswith("The file cannot be read")
    assert "Why it matters" in e001["help"]["text"] and "Why it matters" in e001["help"]["markdown"]
    assert {artifact["location"]["uri"] for artifact in run["artifacts"]} == {
        "flawed/soldes.camp", "northwind/launch.camp", "verdure/brand.camp", "verdure/printemps.camp",
        "v2/flawed_v2.camp", "v2/noel_fournil.camp"}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_custom_rules_and_fixes(promo):
    log = _sarif(promo, FOLDER)
    jsonschema.validate(log, SARIF_SCHEMA)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    findings = _json_findings(promo, FOLDER)
    assert len(run["results"]) == len(findings) >= 3
    by_code = {}
    for result, finding in zip(run["results"], findings):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == finding["code"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert artifact["uri"] == "soldes%2C%C3%A9t%C3%A9%3A100%25/promo.camp"
        assert unquote(artifact["uri"]) == finding["path"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding["range"]["start"]["line"], finding["range"]["start"]["column"],
            finding["range"]["end"]["line"], finding["range"]["end"]["column"])
        by_code.setdefault(result["ruleId"], []).append(result)
    # custom rules are described in the driver even though they are not registered
    custom = {rule["id"]: rule for rule in rules if rule["id"] in ("pas_gratuit", "ACME001")}
    assert set(custom) == {"pas_gratuit", "ACME001"}
    assert custom["ACME001"]["name"] == "pas_cher"
    assert custom["ACME001"]["defaultConfiguration"]["level"] == "note"
    # the forbidden words after the emoji: columns in code points (🌱🎉 are one column each)
    gratuit, offert = by_code["pas_gratuit"]
    assert gratuit["locations"][0]["physicalLocation"]["region"]["startColumn"] == 21
    assert offert["locations"][0]["physicalLocation"]["region"]["startColumn"] == 42
    for result in (gratuit, offert):
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        (replacement,) = change["replacements"]
        assert replacement["insertedContent"]["text"] == "inclus"
        assert replacement["deletedRegion"] == result["locations"][0]["physicalLocation"]["region"]
    assert "fixes" not in by_code["ACME001"][0]


def _apply_sarif_fixes(text: str, results: list[dict]) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    edits = []
    for result in results:
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for replacement in change["replacements"]:
                    region = replacement["deletedRegion"]
                    edits.append((offset(region["startLine"], region["startColumn"]),
                                  offset(region["endLine"], region["endColumn"]),
                                  replacement["insertedContent"]["text"]))
    for start, end, content in sorted(edits, reverse=True):
        text = text[:start] + content + text[end:]
    return text


def test_sarif_fixes_applied_by_a_consumer_give_what_check_fix_writes(promo):
    log = _sarif(promo, FOLDER)
    path = promo / FOLDER / "promo.camp"
    expected = _apply_sarif_fixes(path.read_text(encoding="utf-8"), log["runs"][0]["results"])
    assert "Livraison inclus 🌱🎉 et retour inclus, pas cher !" in expected
    run_cli("check", "--fix", FOLDER, cwd=promo)
    assert path.read_text(encoding="utf-8") == expected


def test_sarif_output_file_and_exit_code(promo):
    result = run_cli("check", "--format", "sarif", "--output-file", "report.sarif", FOLDER, cwd=promo)
    assert result.returncode == 1  # pas_gratuit is an error
    assert result.stdout == ""
    jsonschema.validate(json.loads((promo / "report.sarif").read_text(encoding="utf-8")), SARIF_SCHEMA)


def test_sarif_of_a_file_that_does_not_parse(tmp_path):
    (tmp_path / "cassé.camp").write_text('campaign c {\n  name "Soldes\n}\n', encoding="utf-8")
    log = _sarif(tmp_path, ".")
    jsonschema.validate(log, SARIF_SCHEMA)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "E001" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "cass%C3%A9.camp"


# ------------------------------------------------------------ GitHub

def test_github_escaping_matches_the_toolkit():
    assert escape_data("100% sûr\r\nou: pas, vraiment") == "100%25 sûr%0D%0Aou: pas, vraiment"
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"


def test_github_commands_follow_the_workflow_grammar(promo):
    result = run_cli("check", "--format", "github", FOLDER, cwd=promo)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    findings = _json_findings(promo, FOLDER)
    commands, summary = lines[:-1], lines[-1]
    assert len(commands) == len(findings)
    for line, finding in zip(commands, findings):
        match = GITHUB_LINE.match(line)
        assert match, line
        assert match["command"] == {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        assert match["file"] == "soldes%2Cété%3A100%25/promo.camp"
        assert _unescape(match["file"]) == finding["path"]
        assert _unescape(match["message"]) == finding["message"]
        assert (int(match["line"]), int(match["col"]), int(match["endLine"]), int(match["endColumn"])) == (
            finding["range"]["start"]["line"], finding["range"]["start"]["column"],
            finding["range"]["end"]["line"], finding["range"]["end"]["column"])
        title = _unescape(match["title"])
        assert title.split(" ")[0] == finding["code"]
    gratuit = next(line for line in commands if "title=pas_gratuit::" in line)
    assert "100%25 des offres%0Asont payantes" in gratuit  # %, newline escaped in the message
    assert "title=ACME001 pas_cher::" in result.stdout
    assert not summary.startswith("::")
    assert summary.startswith("campaignlint: Found ") and "in 1 file" in summary


def test_github_on_clean_files_is_only_a_summary(tmp_path):
    shutil.copytree(EXAMPLES / "verdure", tmp_path / "verdure")
    result = run_cli("check", "--format", "github", "--select", "E", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "campaignlint: All clear: no problem found in 2 files.\n"


# ------------------------------------------------------------ JUnit

@pytest.mark.slow
def test_junit_has_a_suite_per_file_and_a_case_per_finding(promo):
    result = run_cli("check", "--format", "junit", FOLDER, "examples", cwd=promo)
    assert result.returncode == 1
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(result.stdout.encode("utf-8"))
    findings = _json_findings(promo, FOLDER, "examples")
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {"soldes,été:100%/promo.camp", "examples/flawed/soldes.camp", "examples/northwind/launch.camp",
                           "examples/verdure/brand.camp", "examples/verdure/printemps.camp",
                           "examples/v2/flawed_v2.camp", "examples/v2/noel_fournil.camp"}
    total_failures = 0
    for name, suite in suites.items():
        expected = [f for f in findings if f["path"] == name]
        cases = suite.findall("testcase")
        failures = [case for case in cases if case.find("failure") is not None]
        # failures only at or above --fail-on (error): the others pass, with the finding in <system-out>
        assert int(suite.get("failures")) == len(failures) == len([f for f in expected if f["severity"] == "error"])
        assert int(suite.get("tests")) == len(cases)
        assert len({case.get("name") for case in cases}) == len(cases)
        if not expected:
            assert len(cases) == 1 and cases[0].find("failure") is None
            continue
        for case, finding in zip(cases, expected):
            assert case.get("classname") == name
            start = finding["range"]["start"]
            assert case.get("name").startswith(f"{finding['code']} (line {start['line']}, column {start['column']})")
            failure = case.find("failure")
            if finding["severity"] != "error":
                assert failure is None and finding["message"] in case.find("system-out").text
                continue
            assert failure.get("message") == finding["message"]  # newline and quotes survive the escaping
            assert failure.get("type") == finding["severity"]
        total_failures += len(failures)
    assert int(root.get("failures")) == total_failures == len([f for f in findings if f["severity"] == "error"])
    promo_suite = suites["soldes,été:100%/promo.camp"]
    messages = [case.find("failure").get("message") for case in promo_suite.findall("testcase")
                if case.find("failure") is not None]
    assert any("100% des offres\nsont payantes" in message for message in messages)


# ------------------------------------------------------------ JSON

@pytest.mark.slow
def test_json_output_matches_its_schema(promo):
    validator = jsonschema.Draft202012Validator(JSON_SCHEMA)
    validator.check_schema(JSON_SCHEMA)
    findings = _json_findings(promo, ".")
    assert findings
    validator.validate(findings)
    fixed = [f for f in findings if f["fix"] and f["code"] == "pas_gratuit"]
    assert len(fixed) == 2 and all(f["fix"]["applicability"] == "safe" for f in fixed)
    gratuit = next(f for f in fixed if "“gratuit”" in f["message"])
    assert gratuit["fix"]["edits"] == [{"start": gratuit["range"]["start"], "end": gratuit["range"]["end"], "content": "inclus"}]


def test_json_schema_rejects_a_malformed_report():
    validator = jsonschema.Draft202012Validator(JSON_SCHEMA)
    good = {"code": "O004", "name": "objective-without-deadline", "severity": "error", "message": "m", "path": "a.camp",
            "range": {"start": {"line": 1, "column": 1}, "end": {"line": 1, "column": 5}}, "fix": None}
    validator.validate([good])
    assert not validator.is_valid([{**good, "severity": "fatal"}])
    assert not validator.is_valid([{k: v for k, v in good.items() if k != "range"}])
    assert not validator.is_valid([{**good, "range": {"start": {"line": 0, "column": 1}, "end": {"line": 1, "column": 1}}}])
    assert not validator.is_valid([{**good, "fix": {"applicability": "maybe", "description": "", "edits": []}}])

"""JUnit XML: agrees with the exit code, unique test-case names, well-formed whatever the copy holds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from campaignlint.findings import Finding, Range, Severity
from campaignlint.reporters import ReportContext
from campaignlint.reporters.junit_report import clean, render

from conftest import run_cli

#: every C0 and C1 control, DEL, every Unicode noncharacter (U+FDD0–U+FDEF and the last two of each plane)
AWKWARD = ([chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
           + [chr(c) for c in range(0xFDD0, 0xFDF0)]
           + [chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF)])


def _is_xml_char(char: str) -> bool:
    """XML 1.0 §2.2 Char, without the discouraged ranges (controls, noncharacters)."""
    code = ord(char)
    if char in "\t\n\r":
        return True
    if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF:
        return False
    return (code & 0xFFFE) != 0xFFFE


def _finding(code: str, line: int, column: int, severity=Severity.WARNING, message="m", path="a.camp") -> Finding:
    return Finding(code, severity, message, path, Range(line, column, line, column + 1), rule_name=code.lower())


def test_every_forbidden_or_discouraged_character_is_written_visibly():
    text = "".join(AWKWARD) + "\ud800\udfff"
    cleaned = clean("«" + text + "»")
    assert all(_is_xml_char(char) for char in cleaned)
    assert "[U+FFFE]" in cleaned and "[U+10FFFF]" in cleaned and "[U+0001]" in cleaned and "[U+D800]" in cleaned
    assert "\t\n[U+000B][U+000C]\r" in cleaned and cleaned.startswith("«") and cleaned.endswith("»")
    assert clean("Été 🌱 — “ok”") == "Été 🌱 — “ok”"  # nothing else changes


@pytest.mark.parametrize("char", AWKWARD + ["\udc80"], ids=lambda c: f"U+{ord(c):04X}")
def test_the_report_parses_whatever_a_message_or_path_holds(char):
    findings = [_finding("T001", 3, 1, Severity.ERROR, message=f"“{char}” counts as 2", path=f"x{char}.camp")]
    xml = render(findings, ReportContext(files=[f"x{char}.camp"]))
    assert all(_is_xml_char(c) for c in xml)
    root = ET.fromstring(xml.encode("utf-8"))  # expat: a forbidden character is a fatal error
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == clean(f"“{char}” counts as 2")


def test_failures_only_at_or_above_fail_on_and_unique_names():
    findings = [_finding("C001", 3, 5, Severity.ERROR), _finding("C001", 3, 9), _finding("C001", 3, 9, message="other"),
                _finding("F004", 4, 1, Severity.INFO)]
    root = ET.fromstring(render(findings, ReportContext(files=["a.camp"])))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    names = [case.get("name") for case in cases]
    assert names == ["C001 (line 3, column 5)", "C001 (line 3, column 9)", "C001 (line 3, column 9) #2",
                     "F004 (line 4, column 1)"]
    assert [case.find("failure") is not None for case in cases] == [True, False, False, False]
    assert cases[1].find("system-out").text == "a.camp:3:9: C001 warning: m [c001]"
    assert suite.get("failures") == root.get("failures") == "1" and suite.get("tests") == "4"
    warning = ET.fromstring(render(findings, ReportContext(files=["a.camp"], fail_on=Severity.WARNING)))
    assert warning.get("failures") == "3"


def test_a_passing_run_has_no_failure_and_a_failing_one_has(tmp_path):
    (tmp_path / "a.camp").write_text(
        'rule pas_gratuit {\n  message "Attention ' + "".join(f"\\u{{{ord(c):X}}}" for c in AWKWARD) + ' fin"\n'
        '  forbid "gratuit"\n}\ncampaign c {\n  period 2027-01-01 .. 2027-01-31\n'
        '  message m { channel web; body "gratuit" }\n}\n', encoding="utf-8")
    passing = run_cli("check", "a.camp", "--select", "pas_gratuit", "--format", "junit", cwd=tmp_path)
    assert passing.returncode == 0, passing.stderr
    root = ET.fromstring(passing.stdout.encode("utf-8"))
    assert root.get("failures") == "0" and root.get("tests") == "1"
    out = root.find("testsuite/testcase/system-out").text
    assert "a.camp:7:34: pas_gratuit warning: Attention [U+0000][U+0001]" in out and "[U+10FFFF] fin" in out
    failing = run_cli("check", "a.camp", "--select", "pas_gratuit", "--format", "junit", "--fail-on", "warning",
                      cwd=tmp_path)
    assert failing.returncode == 1
    root = ET.fromstring(failing.stdout.encode("utf-8"))
    assert root.get("failures") == "1" and root.find("testsuite/testcase/failure").get("type") == "warning"

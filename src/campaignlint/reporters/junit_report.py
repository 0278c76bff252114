"""The JUnit XML report, as CI servers (GitLab, Jenkins, Azure) read it.

``<testsuites>`` holds one ``<testsuite>`` per linted file (named after its
path); each finding is a test case named ``CODE (line L, column C)`` (unique in
its suite: a repeated name gets `` #2``, `` #3``…).  A finding at or above the
run's ``--fail-on`` severity is a ``<failure>`` (message, severity as
``type``); one below it is a passing test case whose ``<system-out>`` holds the
finding, so that the report agrees with the exit code.  A clean file has one
passing test case.

Built with ``xml.etree`` (every attribute and text escaped); characters that
XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE, U+FFFF) or
discourages (C1 controls, the other noncharacters) are written as ``[U+XXXX]``,
so the file is well-formed whatever the copy holds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

from ..findings import Finding, Severity
from ..i18n import N_
from ..i18n import gettext as _
from . import ReportContext

#: the test case of a file without findings (test case names follow the language of the run, as CI shows them)
CLEAN_CASE = N_("no problem found")

#: XML 1.0 §2.2: forbidden (C0 but tab/LF/CR, surrogates, U+FFFE/U+FFFF) or discouraged (DEL, C1, noncharacters)
UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


def clean(text: str) -> str:
    """``text`` with every character XML 1.0 forbids or discourages written as ``[U+XXXX]``."""
    return UNSAFE.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)


def _line(path: str, finding: Finding) -> str:
    where = finding.range
    from .text_report import severity_word

    said = _("{severity}: {message}").format(severity=severity_word(finding.severity), message=finding.message)
    return (f"{path}:{where.start_line}:{where.start_column}: {finding.code} {said}"
            + (f" [{finding.rule_name}]" if finding.rule_name else ""))


def build(findings: list[Finding], context: ReportContext) -> ET.Element:
    threshold = context.fail_on
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = list(dict.fromkeys([*context.files, *by_path]))
    root = ET.Element("testsuites", name="campaignlint")
    total_tests = total_failures = 0
    for path in paths:
        found = by_path.get(path, [])
        failing = [f for f in found if f.severity.rank >= threshold.rank]
        tests = max(1, len(found))
        name = clean(path)
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(tests), failures=str(len(failing)),
                              errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", name=_(CLEAN_CASE), classname=name)
        seen: Counter[str] = Counter()
        for finding in found:
            where = finding.range
            case_name = clean(_("{code} (line {line}, column {column})").format(
                code=finding.code, line=where.start_line, column=where.start_column))
            seen[case_name] += 1
            if seen[case_name] > 1:
                case_name += f" #{seen[case_name]}"
            case = ET.SubElement(suite, "testcase", name=case_name, classname=name)
            case.set("file", name)
            case.set("line", str(where.start_line))
            if finding.severity.rank >= threshold.rank:
                failure = ET.SubElement(case, "failure", message=clean(finding.message), type=finding.severity.value)
                failure.text = clean(_line(path, finding))
            else:
                ET.SubElement(case, "system-out").text = clean(_line(path, finding))
        total_tests += tests
        total_failures += len(failing)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    return root


def render(findings: list[Finding], context: ReportContext) -> str:
    root = build(findings, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

"""The JUnit XML report, as CI servers (GitLab, Jenkins, Azure) read it.

``<testsuites>`` holds one ``<testsuite>`` per linted file (named after its
path); each finding is a failing ``<testcase name="CODE (line L)">`` whose
``<failure>`` carries the message and the severity (``type``); a clean file
has a single passing test case.  Built with ``xml.etree`` so every attribute
and text is escaped correctly.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..findings import Finding
from . import ReportContext

CLEAN_CASE = "no problem found"


def build(findings: list[Finding], context: ReportContext) -> ET.Element:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = list(dict.fromkeys([*context.files, *by_path]))
    root = ET.Element("testsuites", name="campaignlint")
    total_tests = total_failures = 0
    for path in paths:
        found = by_path.get(path, [])
        tests = max(1, len(found))
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(tests), failures=str(len(found)),
                              errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=path)
        for finding in found:
            where = finding.range
            case = ET.SubElement(suite, "testcase", name=f"{finding.code} (line {where.start_line})", classname=path)
            case.set("file", path)
            case.set("line", str(where.start_line))
            failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity.value)
            failure.text = (f"{path}:{where.start_line}:{where.start_column}: {finding.code} "
                            f"{finding.severity.value}: {finding.message}"
                            + (f" [{finding.rule_name}]" if finding.rule_name else ""))
        total_tests += tests
        total_failures += len(found)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    return root


def render(findings: list[Finding], context: ReportContext) -> str:
    root = build(findings, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

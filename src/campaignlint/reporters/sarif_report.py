"""The SARIF 2.1.0 report, as GitHub code scanning reads it.

One run; ``tool.driver.rules`` lists every registered rule with its
documentation (``help`` is the text of ``campaignlint explain``), plus any
custom rule (``rule`` blocks of a ``.camp`` file) that produced a finding.
Columns count Unicode code points, which the run declares with
``columnKind: "unicodeCodePoints"``.  Locations are relative to
``%SRCROOT%`` (the working folder); fixes become ``fixes[].artifactChanges``
whose regions are computed from the edits' offsets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity
from . import ReportContext

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def level(severity: Severity) -> str:
    """SARIF level of a campaignlint severity (``info`` is SARIF's ``note``)."""
    return LEVELS[severity]


def _artifact(path: str) -> dict:
    """An artifactLocation: relative paths against %SRCROOT%, absolute ones as file URIs."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix()), "uriBaseId": "%SRCROOT%"}


def _rule_descriptor(rule) -> dict:
    from ..docs import explain_text

    text = explain_text(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.what or rule.summary or rule.name},
        "help": {"text": text, "markdown": _markdown(rule, text)},
        "defaultConfiguration": {"level": level(rule.severity)},
        "properties": {"tags": [rule.family], "fixable": rule.fix_availability.value,
                       "fixApplicability": [a.value for a in rule.fix_applicability]},
    }


def _markdown(rule, text: str) -> str:
    """The explain text for GitHub's rule help pane: a heading, then the text as-is."""
    body = text.split("\n", 2)[2] if text.count("\n") >= 2 else text
    return f"**{rule.code} {rule.name}** ({rule.severity.value} by default)\n\n```text\n{body.rstrip()}\n```\n"


def _custom_descriptor(finding: Finding) -> dict:
    name = finding.rule_name or finding.code
    return {
        "id": finding.code,
        "name": name,
        "shortDescription": {"text": f"Custom rule `{name}` (a `rule` block in a .camp file)"},
        "fullDescription": {"text": f"Custom rule `{name}`, defined in the campaign files themselves "
                                    "(docs/language.md, custom rules)."},
        "help": {"text": f"Custom rule {name}: see its `rule {name}` block.",
                 "markdown": f"Custom rule `{name}`: see its `rule {name} {{ … }}` block."},
        "defaultConfiguration": {"level": level(finding.severity)},
        "properties": {"tags": ["custom"]},
    }


def _region(source, start: int, end: int) -> dict:
    start_line, start_column = source.position(start)
    end_line, end_column = source.position(end)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def _result(finding: Finding, index: int, context: ReportContext) -> dict:
    where = finding.range
    result = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": level(finding.severity),
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": _artifact(finding.path),
                "region": {
                    "startLine": where.start_line, "startColumn": where.start_column,
                    "endLine": where.end_line, "endColumn": where.end_column,
                },
            },
        }],
    }
    source = context.sources.get(finding.path)
    if finding.fix is not None and finding.fix.edits and source is not None:
        description = finding.fix.description or f"fix {finding.code}"
        if finding.fix.applicability.value == "unsafe":
            description += " (unsafe: review it)"
        result["fixes"] = [{
            "description": {"text": description},
            "artifactChanges": [{
                "artifactLocation": _artifact(finding.path),
                "replacements": [
                    {"deletedRegion": _region(source, edit.start, edit.end),
                     "insertedContent": {"text": edit.replacement}}
                    for edit in finding.fix.edits
                ],
            }],
        }]
    return result


def build(findings: list[Finding], context: ReportContext) -> dict:
    """The SARIF log as a Python dict."""
    from ..registry import load_all_rules

    registry = load_all_rules()
    rules = [_rule_descriptor(rule) for _code, rule in sorted(registry.items())]
    index = {descriptor["id"]: position for position, descriptor in enumerate(rules)}
    for finding in findings:
        if finding.code not in index:
            index[finding.code] = len(rules)
            rules.append(_custom_descriptor(finding))
    root = Path.cwd().as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": {
            "name": "campaignlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": rules,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": _artifact(path)} for path in context.files],
        "results": [_result(f, index[f.code], context) for f in findings],
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": [{"level": "note", "message": {"text": note}}
                                                        for note in context.notes]}],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(findings: list[Finding], context: ReportContext) -> str:
    return json.dumps(build(findings, context), ensure_ascii=False, indent=2) + "\n"

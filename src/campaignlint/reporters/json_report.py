"""The JSON report: an array with one object per finding.

Shape (see ``docs/json-output.schema.json``)::

    {"code": "C001", "name": "text-over-limit", "severity": "error",
     "message": "...", "path": "campaigns/spring.camp",
     "range": {"start": {"line": 3, "column": 5}, "end": {"line": 3, "column": 40}},
     "fix": null | {"applicability": "safe"|"unsafe", "description": "...",
                    "edits": [{"start": {...}, "end": {...}, "content": "..."}]}}

Lines and columns are 1-based; columns count Unicode code points.
"""

from __future__ import annotations

import json

from ..findings import Finding
from . import ReportContext


def finding_to_json(finding: Finding, context: ReportContext) -> dict:
    data = finding.to_json()
    if finding.fix is not None:
        source = context.sources.get(finding.path)
        edits = []
        for edit in finding.fix.edits:
            if source is not None:
                start_line, start_column = source.position(edit.start)
                end_line, end_column = source.position(edit.end)
            else:  # pragma: no cover - every finding's file has a source
                start_line = start_column = end_line = end_column = 0
            edits.append({
                "start": {"line": start_line, "column": start_column},
                "end": {"line": end_line, "column": end_column},
                "content": edit.replacement,
            })
        data["fix"] = {
            "applicability": finding.fix.applicability.value,
            "description": finding.fix.description,
            "edits": edits,
        }
    return data


def render(findings: list[Finding], context: ReportContext) -> str:
    return json.dumps([finding_to_json(f, context) for f in findings], ensure_ascii=False, indent=2) + "\n"

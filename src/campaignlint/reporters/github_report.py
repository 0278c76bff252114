"""The GitHub Actions report: one workflow command per finding, then a summary.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``
(``warning`` and ``notice`` for the other severities), escaped exactly as
GitHub's own toolkit (``@actions/core``) escapes commands: in the message
``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in the properties ``:`` and
``,`` also become ``%3A`` and ``%2C``.  GitHub shows only the first few
annotations of a step, so the last line is a plain-text summary of the run.
"""

from __future__ import annotations

from ..findings import Finding, Severity
from . import ReportContext

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value (toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    where = finding.range
    name = finding.rule_name if finding.rule_name not in ("", finding.code) else ""
    title = f"{finding.code} {name}".strip()
    properties = [
        ("file", finding.path.replace("\\", "/")),
        ("line", str(where.start_line)),
        ("col", str(where.start_column)),
        ("endLine", str(where.end_line)),
        ("endColumn", str(where.end_column)),
        ("title", title),
    ]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(findings: list[Finding], context: ReportContext) -> str:
    from .text_report import summary

    lines = [command(finding) for finding in findings]
    if not context.quiet:
        lines.extend(f"campaignlint: {note}" for note in context.notes)
        lines.append(f"campaignlint: {summary(findings, context)}")
    return "\n".join(lines) + ("\n" if lines else "")

"""The text report: one line a finding, then a summary.

``path:line:col: CODE message`` with the severity in words and ``[*]`` for a
finding that ``--fix`` can repair (``[*unsafe]`` when it needs
``--unsafe-fixes``).
"""

from __future__ import annotations

from collections import Counter

import click

from ..findings import Applicability, Finding, Severity
from . import ReportContext

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _marker(finding: Finding) -> str:
    if finding.fix is None:
        return ""
    return " [*]" if finding.fix.applicability is Applicability.SAFE else " [*unsafe]"


def render(findings: list[Finding], context: ReportContext) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if context.color else (lambda text, **kw: text)
    lines: list[str] = []
    if context.statistics:
        counts = Counter(f.code for f in findings)
        names = {f.code: (f.rule_name, f.severity) for f in findings}
        safe = Counter(f.code for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE)
        unsafe = Counter(f.code for f in findings if f.fix is not None and f.fix.applicability is not Applicability.SAFE)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            name, severity = names[code]
            # the real applicability of this run's fixes: [*] when --fix repairs some
            mark = " [*]" if safe[code] else (" [*unsafe]" if unsafe[code] else "")
            lines.append(f"{count:5d}  {style(code, bold=True)}  {severity.value:<7}  {name}{mark}")
    else:
        for finding in findings:
            where = f"{finding.path}:{finding.range.start_line}:{finding.range.start_column}:"
            severity = style(finding.severity.value, fg=COLORS[finding.severity])
            lines.append(f"{style(where, bold=True)} {style(finding.code, bold=True)} {severity}: {finding.message}{_marker(finding)}")
            if context.show_source:
                source = context.sources.get(finding.path)
                if source is not None:
                    text = source.line_text(finding.range.start_line)
                    lines.append(f"    {text}")
                    width = finding.range.end_column - finding.range.start_column if finding.range.end_line == finding.range.start_line else len(text) - finding.range.start_column + 1
                    lines.append("    " + " " * (finding.range.start_column - 1) + style("^" * max(1, width), fg=COLORS[finding.severity]))
    if not context.quiet:
        lines.extend(context.notes)
        lines.append(summary(findings, context))
    return "\n".join(lines) + ("\n" if lines else "")


def summary(findings: list[Finding], context: ReportContext) -> str:
    fixed = sum(context.fixed.values())
    files = len(context.files)
    file_word = "file" if files == 1 else "files"
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.")
    if not findings:
        parts.append(f"All clear: no problem found in {files} {file_word}.")
        return " ".join(parts)
    counts = Counter(f.severity for f in findings)
    detail = ", ".join(
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]
    )
    total = len(findings)
    parts.append(f"Found {total} problem{'s' if total != 1 else ''} ({detail}) in {files} {file_word}.")
    safe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    if safe:
        parts.append(f"{safe} fixable with --fix.")
    if unsafe and not context.unsafe_fixes:
        parts.append(f"{unsafe} more with --fix --unsafe-fixes.")
    return " ".join(parts)

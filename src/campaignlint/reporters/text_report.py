"""The text report: one line a finding, then a summary.

``path:line:col: CODE message`` with the severity in words and ``[*]`` for a
finding that ``--fix`` can repair (``[*unsafe]`` when it needs
``--unsafe-fixes``).
"""

from __future__ import annotations

from collections import Counter

import click

from ..findings import Applicability, Finding, Severity
from ..i18n import N_
from ..i18n import gettext as _
from ..i18n import ngettext
from . import ReportContext

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
#: the severity in words, in the language of the run (the JSON and SARIF keep `error`, `warning`, `info`)
SEVERITY_WORDS = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}


def severity_word(severity: Severity) -> str:
    return _(SEVERITY_WORDS[severity])


def _marker(finding: Finding) -> str:
    if finding.fix is None:
        return ""
    return " [*]" if finding.fix.applicability is Applicability.SAFE else " [*unsafe]"


def _plain(text: str, **_style) -> str:
    return text


def line_of(finding: Finding, style=_plain) -> str:
    """``path:line:col: CODE severity: message [*]``: a finding's line of the report."""
    where = f"{finding.path}:{finding.range.start_line}:{finding.range.start_column}:"
    severity = style(severity_word(finding.severity), fg=COLORS[finding.severity])
    said = _("{severity}: {message}").format(severity=severity, message=finding.message)
    return f"{style(where, bold=True)} {style(finding.code, bold=True)} {said}{_marker(finding)}"


def render(findings: list[Finding], context: ReportContext) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if context.color else _plain
    lines: list[str] = []
    if context.statistics:
        counts = Counter(f.code for f in findings)
        names = {f.code: (f.rule_name, f.severity) for f in findings}
        safe = Counter(f.code for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE)
        unsafe = Counter(f.code for f in findings
                         if f.fix is not None and f.fix.applicability is not Applicability.SAFE)
        width = max(7, *(len(severity_word(s)) for s in Severity))  # « avertissement » is longer than « warning »
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            name, severity = names[code]
            # the real applicability of this run's fixes: [*] when --fix repairs some
            mark = " [*]" if safe[code] else (" [*unsafe]" if unsafe[code] else "")
            lines.append(f"{count:5d}  {style(code, bold=True)}  {severity_word(severity):<{width}}  {name}{mark}")
    else:
        for finding in findings:
            lines.append(line_of(finding, style))
            if context.show_source:
                source = context.sources.get(finding.path)
                if source is not None:
                    text = source.line_text(finding.range.start_line)
                    lines.append(f"    {text}")
                    span = finding.range
                    width = (span.end_column - span.start_column if span.end_line == span.start_line
                             else len(text) - span.start_column + 1)
                    lines.append("    " + " " * (span.start_column - 1)
                                 + style("^" * max(1, width), fg=COLORS[finding.severity]))
    if not context.quiet:
        lines.extend(context.notes)
        lines.append(summary(findings, context))
    return "\n".join(lines) + ("\n" if lines else "")


def counts_of(findings: list[Finding]) -> list[int]:
    """Errors, warnings, info, safe fixes, unsafe fixes: what the summary line counts."""
    counts = Counter(f.severity for f in findings)
    safe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    return [counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], safe, unsafe]


def summary(findings: list[Finding], context: ReportContext) -> str:
    return summary_of(counts_of(findings), context)


def summary_of(numbers: list[int], context: ReportContext) -> str:
    """The summary line from ``counts_of``'s numbers (added up over files: a run answered from its stored rows)."""
    fixed = sum(context.fixed.values())
    files = len(context.files)
    parts = []
    if fixed:
        parts.append(ngettext("Fixed {count} problem.", "Fixed {count} problems.", fixed).format(count=fixed))
    errors, warnings, infos, safe, unsafe = numbers
    counts = {Severity.ERROR: errors, Severity.WARNING: warnings, Severity.INFO: infos}
    if not errors + warnings + infos:
        parts.append(ngettext("All clear: no problem found in {files} file.",
                              "All clear: no problem found in {files} files.", files).format(files=files))
        return " ".join(parts)
    words = {
        Severity.ERROR: lambda n: ngettext("{count} error", "{count} errors", n),
        Severity.WARNING: lambda n: ngettext("{count} warning", "{count} warnings", n),
        Severity.INFO: lambda n: ngettext("{count} info", "{count} info", n),
    }
    detail = ", ".join(words[s](counts[s]).format(count=counts[s])
                       for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
    total = errors + warnings + infos
    found = ngettext("Found {count} problem ({detail}) in {files} file.",
                     "Found {count} problems ({detail}) in {files} file.", total) if files == 1 else ngettext(
                     "Found {count} problem ({detail}) in {files} files.",
                     "Found {count} problems ({detail}) in {files} files.", total)
    parts.append(found.format(count=total, detail=detail, files=files))
    if safe:
        parts.append(ngettext("{count} fixable with --fix.", "{count} fixable with --fix.", safe).format(count=safe))
    if unsafe and not context.unsafe_fixes:
        parts.append(ngettext("{count} more with --fix --unsafe-fixes.", "{count} more with --fix --unsafe-fixes.",
                              unsafe).format(count=unsafe))
    return " ".join(parts)

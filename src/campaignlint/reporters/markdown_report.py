"""The Markdown summary (``--format markdown``; GitHub's step summary with ``--format github``).

A verdict line, a short table of findings by severity and by channel, the
findings that fail the run (at or above ``--fail-on``) as ``file:line`` links,
then the rest in a collapsed ``<details>`` list.  GitHub shows only the first
annotations of a step: this summary is where people read everything.

Links point at the file on GitHub when the run is inside GitHub Actions
(``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY``, ``GITHUB_SHA``; paths made
relative to ``GITHUB_WORKSPACE``), else they are relative links ``path#Lline``.
Campaign text in messages is escaped (``<``, ``>``, ``&``; ``|`` in tables).
"""

from __future__ import annotations

import html
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from ..findings import Applicability, Finding, Severity
from ..i18n import gettext as _
from ..i18n import ngettext
from . import ReportContext

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
#: the collapsed list stops there (GitHub caps a step summary at 1 MiB)
MAX_LISTED = 500


def _labels() -> dict[Severity, str]:
    return {Severity.ERROR: _("Errors"), Severity.WARNING: _("Warnings"), Severity.INFO: _("Tips")}


def escape(text: str, table: bool = False) -> str:
    text = html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")
    return text.replace("|", "\\|").replace("\n", " ") if table else text.replace("\n", " ")


def link(finding: Finding, env=None) -> str:
    """``[path:line](url)``: a GitHub blob link inside Actions, a relative link elsewhere."""
    env = os.environ if env is None else env
    path = finding.path.replace("\\", "/")
    line = finding.range.start_line
    target = path
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace:
        absolute = Path(finding.path) if os.path.isabs(finding.path) else Path.cwd() / finding.path
        try:
            target = absolute.resolve().relative_to(Path(workspace).resolve()).as_posix()
        except ValueError:
            target = path
    repository, sha = env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if repository and sha and not os.path.isabs(target):
        server = env.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        url = f"{server}/{repository}/blob/{sha}/{quote(target)}#L{line}"
    else:
        url = f"{quote(target)}#L{line}"
    return f"[{escape(path)}:{line}]({url})"


def _item(finding: Finding) -> str:
    mark = ""
    if finding.fix is not None:
        mark = " " + (_("(fixable)") if finding.fix.applicability is Applicability.SAFE
                      else _("(fixable with --unsafe-fixes)"))
    return f"- {ICONS[finding.severity]} {link(finding)} `{finding.code}` {escape(finding.message)}{mark}"


def _channels(findings: list[Finding], context: ReportContext) -> Counter | None:
    if context.linter is None or not findings:
        return None
    from ..report import load_models
    from ..report.data import Attribution, campaigns_of

    try:
        attribution = Attribution(campaigns_of(load_models(context.linter, context.files)))
    except Exception:  # the summary never fails a run: without models, no channel table
        return None
    return Counter((attribution.channel(f) or _("Not about one channel"), f.severity) for f in findings)


def render(findings: list[Finding], context: ReportContext) -> str:
    labels = _labels()
    threshold = context.fail_on
    blocking = [f for f in findings if f.severity.rank >= threshold.rank]
    rest = [f for f in findings if f.severity.rank < threshold.rank]
    files = len(context.files)
    lines = ["## campaignlint", ""]
    checked = ngettext("{files} file checked", "{files} files checked", files).format(files=files)
    if blocking:
        lines.append("❌ " + ngettext("**{count} problem blocks the launch** ({checked}).",
                                     "**{count} problems block the launch** ({checked}).",
                                     len(blocking)).format(count=len(blocking), checked=checked))
    elif findings:
        lines.append("✅ " + ngettext("Nothing blocks the launch; {count} thing is worth a look.",
                                     "Nothing blocks the launch; {count} things are worth a look.",
                                     len(findings)).format(count=len(findings)))
    else:
        lines.append("✅ " + ngettext("All clear: no problem found in {files} file.",
                                     "All clear: no problem found in {files} files.", files).format(files=files))
    if not findings:
        return "\n".join(lines) + "\n"
    counts = Counter(f.severity for f in findings)
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE)
    lines += ["", f"| {_('Level')} | {_('Problems')} |", "|---|---:|"]
    lines += [f"| {ICONS[s]} {labels[s]} | {counts[s]} |" for s in SEVERITIES]
    if fixable:
        lines += ["", ngettext("{count} can be fixed automatically with `campaignlint check --fix`.",
                               "{count} can be fixed automatically with `campaignlint check --fix`.",
                               fixable).format(count=fixable)]
    channels = _channels(findings, context)
    if channels:
        names = list(dict.fromkeys(name for name, _s in sorted(channels, key=lambda k: (-channels[k], k[0]))))
        lines += ["", f"| {_('Channel')} | {labels[Severity.ERROR]} | {labels[Severity.WARNING]} | "
                      f"{labels[Severity.INFO]} |", "|---|---:|---:|---:|"]
        lines += [f"| {escape(name, table=True)} | " + " | ".join(str(channels[(name, s)]) for s in SEVERITIES) + " |"
                  for name in names]
    if blocking:
        level = {Severity.ERROR: _("error"), Severity.WARNING: _("warning"), Severity.INFO: _("tip")}[threshold]
        lines += ["", "### " + _("To fix before launch (level {level} and above)").format(level=level), ""]
        lines += [_item(f) for f in blocking]
    if rest:
        summary = ngettext("{count} other problem", "{count} other problems", len(rest)).format(count=len(rest))
        lines += ["", f"<details><summary>{summary}</summary>", ""]
        lines += [_item(f) for f in rest[:MAX_LISTED]]
        if len(rest) > MAX_LISTED:
            lines.append("- " + _("… and {count} more: run campaignlint locally to see them all.").format(
                count=len(rest) - MAX_LISTED))
        lines += ["", "</details>"]
    for note in context.notes:
        lines += ["", f"> {escape(note)}"]
    return "\n".join(lines) + "\n"

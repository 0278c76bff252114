"""Reporters: findings → text for people and tools.

Each reporter is a function ``render(findings, context) -> str``; the
formats are listed in ``FORMATS`` and loaded only when chosen.  ``html`` is
the report of :mod:`campaignlint.report` (it also reads the files' models,
through ``context.linter``).  With ``github`` inside GitHub Actions
(``GITHUB_STEP_SUMMARY`` set), the ``markdown`` summary is appended to the
step summary file as well.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, Severity

FORMATS = ("text", "json", "sarif", "github", "junit", "markdown", "html")
MODULES = {"html": "campaignlint.report.reporter"}


@dataclass
class ReportContext:
    files: list[str] = field(default_factory=list)
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    show_source: bool = False
    unsafe_fixes: bool = False
    sources: dict = field(default_factory=dict)  # display path → SourceText
    fixed: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR  # the lowest severity that fails the run
    linter: Any = None  # the engine.Linter of the run, for reporters that read the models (html, markdown)


def render(fmt: str, findings: list[Finding], context: ReportContext) -> str:
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], findings, context)
    module = importlib.import_module(MODULES.get(fmt, f"campaignlint.reporters.{fmt}_report"))
    return module.render(findings, context)


def append_step_summary(target: str, findings: list[Finding], context: ReportContext) -> None:
    """Append the Markdown summary to GitHub's step summary file; a failure becomes a note."""
    from .markdown_report import render as markdown

    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown(findings, context) + "\n")
    except OSError as error:
        from ..i18n import gettext as _

        context.notes.append(_("could not write the step summary to {path}: {error}").format(
            path=target, error=error.strerror or error))

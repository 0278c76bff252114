"""Reporters: findings → text for people and tools.

Each reporter is a function ``render(findings, context) -> str``; the
formats are listed in ``FORMATS`` and loaded only when chosen.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..findings import Finding, Severity

FORMATS = ("text", "json", "sarif", "github", "junit")


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
    fail_on: Severity = Severity.ERROR  # the run's --fail-on (JUnit: failures only at or above it)


def render(fmt: str, findings: list[Finding], context: ReportContext) -> str:
    module = importlib.import_module(f"campaignlint.reporters.{fmt}_report")
    return module.render(findings, context)

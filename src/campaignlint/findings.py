"""Findings and fixes: what every rule produces and every reporter prints.

Positions are 1-based lines and columns counted in Unicode code points (the
unit declared in SARIF).  Offsets are 0-based indices into the decoded source
text (Python ``str`` indices, BOM removed).  A fix is a list of text edits plus
an applicability, as in Ruff: ``safe`` fixes cannot change what the campaign
means and are applied by ``--fix``; ``unsafe`` ones need ``--unsafe-fixes``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Range:
    """A stretch of a source file: 1-based lines and columns, end exclusive."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    start_offset: int = 0
    end_offset: int = 0

    def to_json(self) -> dict:
        return {
            "start": {"line": self.start_line, "column": self.start_column},
            "end": {"line": self.end_line, "column": self.end_column},
        }


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` (code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]
    description: str = ""

    def permitted(self, unsafe_fixes: bool) -> bool:
        """Whether a fix run applies this fix: a safe one always, an unsafe one only with ``--unsafe-fixes``."""
        return self.applicability is Applicability.SAFE or unsafe_fixes

    def to_json(self, source: str | None = None) -> dict:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement}
                for e in self.edits
            ],
        }


@dataclass
class Finding:
    code: str
    severity: Severity
    message: str
    path: str  # as displayed: relative to the working folder when possible
    range: Range
    fix: Fix | None = None
    rule_name: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple:
        return (self.path, self.range.start_line, self.range.start_column, self.code, self.message)

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "name": self.rule_name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "range": self.range.to_json(),
            "fix": self.fix.to_json() if self.fix else None,
        }


def unique_sorted(findings) -> list[Finding]:
    """The findings in report order, each once (the same code, message and range of
    the same file can be reached twice: a brand file imported by two campaigns)."""
    unique: dict[tuple, Finding] = {}
    for finding in findings:
        unique.setdefault((finding.path, finding.range, finding.code, finding.message), finding)
    return sorted(unique.values(), key=Finding.sort_key)


@dataclass
class FileReport:
    """Findings of one linted file (reporters group by file)."""

    path: str
    findings: list[Finding] = field(default_factory=list)

"""``# noqa`` suppression (docs/language.md, "Suppressing a finding").

``# noqa: CODE[, CODE…]`` at the end of a line silences those codes (or
prefixes, or rule names) for findings on that line; on the header line of a
block it silences them for the whole block; on the last line of a statement
that spans several lines (a long text) it silences them for the whole
statement.  A bare ``# noqa`` silences
everything on the line.  Suppressions that silence nothing become N001.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Finding
from .frontend.tree import Document, Node
from .source import SourceText

NOQA = re.compile(r"#\s*noqa(?P<colon>\s*:\s*(?P<codes>[A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*))?", re.IGNORECASE)


@dataclass
class Suppression:
    line: int
    start: int
    end: int
    codes: list[str] | None  # None: every code
    first_line: int
    last_line: int
    used: set[str] = field(default_factory=set)
    used_any: bool = False

    def matches(self, finding: Finding) -> bool:
        if not self.first_line <= finding.range.start_line <= self.last_line:
            return False
        if self.codes is None:
            return True
        return any(finding.code.startswith(code) or finding.rule_name == code for code in self.codes)


def _block_headers(nodes: list[Node], source: SourceText, found: dict[int, tuple[int, int]]) -> None:
    for node in nodes:
        if node.children is not None and node.block_start is not None:
            header_line = source.position(node.block_start)[0]
            end_line = source.position(max(node.block_end - 1, node.block_start))[0]
            found.setdefault(header_line, (source.position(node.start)[0], end_line))
            _block_headers(node.children, source, found)
        elif node.children is None:  # a statement over several lines: its last line covers it
            first_line, last_line = source.position(node.start)[0], source.position(max(node.end - 1, node.start))[0]
            if last_line > first_line:
                found.setdefault(last_line, (first_line, last_line))


def collect(document: Document, source: SourceText) -> list[Suppression]:
    headers: dict[int, tuple[int, int]] = {}
    _block_headers(document.nodes, source, headers)
    suppressions = []
    for comment in document.comments:
        match = NOQA.search(comment.text)
        if not match:
            continue
        line = source.position(comment.start)[0]
        codes = None
        if match.group("codes"):
            codes = [code.strip() for code in match.group("codes").split(",")]
        first, last = headers.get(line, (line, line))
        start = comment.start + match.start()
        suppressions.append(Suppression(line, start, comment.start + match.end(), codes, first, last))
    return suppressions


def apply(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings; record which suppression served."""
    if not suppressions:
        return findings
    kept = []
    for finding in findings:
        silenced = False
        for suppression in suppressions:
            if suppression.matches(finding):
                silenced = True
                suppression.used_any = True
                if suppression.codes:
                    for code in suppression.codes:
                        if finding.code.startswith(code) or finding.rule_name == code:
                            suppression.used.add(code)
        if not silenced:
            kept.append(finding)
    return kept

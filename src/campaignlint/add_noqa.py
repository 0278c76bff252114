"""``check --add-noqa``: silence every current finding with ``# noqa: CODE`` (to adopt the tool).

Each line with a finding gets ``  # noqa: CODE[, CODE…]`` at its end; a line
that already has a ``# noqa: …`` comment gets the new codes merged into it; a
bare ``# noqa`` is left alone.  Running it twice changes nothing the second
time (the findings are silenced by then).

A comment may not go where the end of the line is inside a text (a long
``\"\"\"…\"\"\"`` text spanning several lines) or where the line ends with a
``\\`` continuation: the comment would become part of the text, or break the
continuation.  A finding on such a line gets its ``# noqa`` on the line where
its statement ends (a ``# noqa`` there covers every line of the statement) or,
when that line is no better, on the header line of its block (which covers the
whole block).

Files with a syntax error (E001) are not touched: their layout is unknown.
"""

from __future__ import annotations

import os

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .i18n import gettext as _
from .noqa import NOQA

#: findings never silenced this way: syntax errors (the file is not read) and unused noqa
SKIPPED_CODES = ("E001", "N001")


@dataclass
class NoqaOutcome:
    path: Path
    display: str
    text: str | None = None  # the new text, None when unchanged
    added: int = 0  # codes written
    lines: int = 0  # lines changed
    problems: list[str] = field(default_factory=list)


def _walk(nodes):
    for node in nodes:
        yield node
        if node.children:
            yield from _walk(node.children)


def _values(node):
    for group in node.groups:
        yield from group


def _blocked_lines(document, source) -> set[int]:
    """Lines whose end is inside a literal, or is a ``\\`` continuation."""
    blocked: set[int] = set()
    for node in _walk(document.nodes):
        for value in _values(node):
            first, last = source.position(value.start)[0], source.position(value.end)[0]
            blocked.update(range(first, last))
    comments = [(c.start, c.end) for c in document.comments]
    for line in range(1, source.line_count + 1):
        content = source.line_text(line)
        if content.rstrip(" \t").endswith("\\"):
            offset = source.offset_of(line, len(content.rstrip(" \t")))
            if not any(start <= offset < end for start, end in comments):
                blocked.add(line)
    return blocked


def _places(document, source, offset: int) -> list[int]:
    """Where a ``# noqa`` for ``offset`` may go, best first: the line where the innermost
    statement holding it ends (a block: its header line), then the headers of the enclosing blocks."""
    chain = []  # the nodes holding offset, outermost first
    nodes = document.nodes
    while nodes:
        holder = next((n for n in nodes if n.start <= offset < max(n.end, n.start + 1)), None)
        if holder is None:
            break
        chain.append(holder)
        inside_body = holder.block_start is not None and offset > holder.block_start
        nodes = holder.children if inside_body and holder.children else []
    places = []
    for node in reversed(chain):
        if node.block_start is not None:
            places.append(source.position(node.block_start)[0])
        else:
            places.append(source.position(max(node.end - 1, node.start))[0])
    return places


def add_noqa(path: Path, display: str, source, document, findings: list[Finding]) -> NoqaOutcome:
    """The text of ``source`` with a ``# noqa`` for each of ``findings`` (those of this file)."""
    outcome = NoqaOutcome(path, display)
    blocked = _blocked_lines(document, source)
    wanted: dict[int, list[str]] = {}
    for finding in findings:
        if finding.path != display or finding.code in SKIPPED_CODES:
            continue
        line = finding.range.start_line
        if line in blocked:
            offset = finding.range.start_offset or source.offset_of(line, finding.range.start_column)
            target = next((place for place in _places(document, source, offset) if place not in blocked), None)
            if target is None:
                outcome.problems.append(_("{file}:{line}: no place for a `# noqa: {code}` comment (the line ends "
                                          "inside a text or with `\\`); add it by hand").format(
                    file=display, line=line, code=finding.code))
                continue
            line = target
        codes = wanted.setdefault(line, [])
        if finding.code not in codes:
            codes.append(finding.code)
    if not wanted:
        return outcome
    comments = {source.position(c.start)[0]: c for c in document.comments}
    text = source.text
    edits: list[tuple[int, int, str]] = []
    for line, codes in wanted.items():
        content = source.line_text(line)
        line_start = source.offset_of(line, 1)
        comment = comments.get(line)
        match = NOQA.search(comment.text) if comment is not None else None
        if match is not None:
            if not match.group("codes"):
                continue  # a bare `# noqa` already silences everything on the line
            present = [code.strip() for code in match.group("codes").split(",")]
            new = [code for code in codes if code not in present]
            if not new:
                continue
            start = comment.start + match.start("codes")
            end = comment.start + match.end("codes")
            edits.append((start, end, ", ".join([*present, *new])))
            outcome.added += len(new)
        else:
            end = line_start + len(content.rstrip(" \t"))
            edits.append((end, line_start + len(content), "  # noqa: " + ", ".join(codes)))
            outcome.added += len(codes)
        outcome.lines += 1
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    if text != source.text:
        outcome.text = text
    return outcome


def run(linter, paths: list[str], *, write) -> tuple[int, int, list[str]]:
    """Add ``# noqa`` comments in every file of ``paths``; returns (codes added, files changed, notes).

    ``write(path, text, had_bom, folder)`` writes one file (``folder``: the folder argument it was found
    in, or None) and returns None, or why it could not, in words.
    """
    from .engine import discover_files

    added = changed = 0
    notes: list[str] = []
    targets: dict[Path, Path | None] = {}  # file → the folder it was found in (its root for writing), if any
    for raw in paths:
        folder = Path(os.path.abspath(raw)) if Path(raw).is_dir() else None
        for path in discover_files([raw]):
            targets.setdefault(path, folder)
    for path, folder in targets.items():
        findings = linter.lint_file(path)
        loaded = linter.loaded(path)
        if loaded is None or loaded.source is None:
            continue
        if loaded.document is None:
            if any(f.code == "E001" and f.path == loaded.display for f in findings):
                notes.append(_("{file}: not changed: it has a syntax error (E001); fix it first").format(
                    file=loaded.display))
            continue
        outcome = add_noqa(path, loaded.display, loaded.source, loaded.document, findings)
        notes.extend(outcome.problems)
        if outcome.text is None:
            continue
        check = linter.lint_file(path, text=outcome.text)
        if any(f.code == "E001" and f.path == loaded.display for f in check):  # pragma: no cover - a safety net
            notes.append(_("{file}: not changed: the comments would have broken the file (please report it)").format(
                file=loaded.display))
            continue
        failure = write(path, outcome.text, loaded.source.had_bom, folder)
        if failure is not None:  # like a fix: never outside the project, never a read-only file
            notes.append(_("{file}: the noqa comments were not written: {error}; the file was not changed").format(
                file=loaded.display, error=failure))
            continue
        added += outcome.added
        changed += 1
    return added, changed, notes

"""Applying fixes: text edits, re-lint, repeat (Ruff's model).

Each pass applies the non-overlapping edits of the permitted fixes, re-parses and
re-lints the result and, if a fix made the file unreadable (a syntax error or a
new front-end error E001–E008), drops that fix (and names its rule).  Passes
repeat until nothing fixable is left, at most ``MAX_PASSES`` times.  Files are
written atomically (a temporary file in the same folder, then a rename),
keeping the BOM, the line endings and the file's permissions; a symbolic link
stays a link to the rewritten file — when that file is inside the project root.
A read-only file is refused; a file with hard links or another owner is
rewritten in place once the temporary copy is complete.
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Linter
from .findings import Finding, Fix
from .frontend.parser import SyntaxProblem, parse
from .source import BOM

MAX_PASSES = 10


@dataclass
class FixOutcome:
    path: Path
    original: str  # decoded text, BOM removed
    fixed: str
    applied: int = 0
    rejected: list[str] = field(default_factory=list)  # rule codes whose fix broke the file
    looping: list[str] = field(default_factory=list)  # rule codes still fixing after the cap
    still_fixable: list[Finding] = field(default_factory=list)  # their findings, when the cap was reached
    findings: list[Finding] = field(default_factory=list)
    #: the fixes applied, in order: (rule code, line in the text the fix was applied to, description)
    log: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def apply_edits(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply every fix whose edits do not overlap an earlier one's."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, f.edits[0].end) if f.edits else (0, 0)):
        if not fix.edits:
            continue
        overlaps = any(_overlap(edit.start, edit.end, start, end) for edit in fix.edits for start, end in taken)
        if overlaps:
            continue
        chosen.append(fix)
        taken.extend((edit.start, edit.end) for edit in fix.edits)
    edits = sorted((edit for fix in chosen for edit in fix.edits), key=lambda e: (e.start, e.end), reverse=True)
    for edit in edits:
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, chosen


def _overlap(start1: int, end1: int, start2: int, end2: int) -> bool:
    """Do two edits conflict?  Replacements that only touch (``[a, b)`` and ``[b, c)``) do not: the
    duplicates of a run such as ``#tag #tag #tag`` are all removed in one pass.  An insertion at
    the edge of another edit does (which goes first would be a guess)."""
    if start1 == end1 or start2 == end2:
        return start2 <= start1 <= end2 if start1 == end1 else start1 <= start2 <= end1
    return start1 < end2 and start2 < end1


def _parses(text: str) -> bool:
    try:
        parse(text)
        return True
    except (SyntaxProblem, RecursionError):
        return False


def _front_end_errors(findings: list[Finding], display: str) -> set[tuple[str, str]]:
    """The file's own E-findings (syntax, schema, references), by code and message."""
    return {(f.code, f.message) for f in findings if f.path == display and f.code.startswith("E")}


def _syntax_error_at(text: str) -> int | None:
    """Where the text's syntax error is, None if it parses."""
    try:
        parse(text)
    except SyntaxProblem as error:
        return error.offset
    except RecursionError:
        return 0
    return None


def fix_file(linter: Linter, path: Path, unsafe: bool, *, text: str | None = None) -> FixOutcome:
    """Fix one file in memory; the caller decides whether to write it.

    A pass applies every permitted, non-overlapping fix at once.  If the result
    does not parse, or has a front-end error (E001–E008) the file did not have
    before, the pass is undone and its fixes are tried one at a time: those
    that break the file are dropped (their rule codes are listed in
    ``rejected``) and no fix of that rule is tried again in this file.
    """
    path = Path(os.path.abspath(path))
    findings = linter.lint_file(path, text=text)
    display = linter._display(path)
    source = linter.sources.get(display)
    if source is None:
        return FixOutcome(path, "", "", findings=findings)
    had_bom = source.had_bom
    original = current = source.text
    outcome = FixOutcome(path, original, original)
    rejected: set[str] = set()
    baseline = _front_end_errors(findings, display)
    unreadable = _syntax_error_at(original)

    def attempt(text_before: str, fixes: list[Fix]) -> tuple[str, list[Fix], list[Finding] | None]:
        new_text, chosen = apply_edits(text_before, fixes)
        if unreadable is not None:
            # the file had a syntax error: its fix may reveal the errors it hid (or a later
            # syntax error), but must not leave a syntax error at or before the one it fixed
            still = _syntax_error_at(new_text)
            if still is not None and still <= unreadable:
                return text_before, chosen, None
            return new_text, chosen, linter.lint_file(path, text=_with_bom(had_bom, new_text))
        if not _parses(new_text):
            return text_before, chosen, None
        new_findings = linter.lint_file(path, text=_with_bom(had_bom, new_text))
        if _front_end_errors(new_findings, display) - baseline:
            return text_before, chosen, None
        return new_text, chosen, new_findings

    for _pass in range(MAX_PASSES):
        candidates = [(f.fix, f.code) for f in findings
                      if f.fix is not None and f.path == display and f.fix.permitted(unsafe) and f.code not in rejected]
        if not candidates:
            break
        codes = {id(fix): code for fix, code in candidates}
        new_text, chosen, new_findings = attempt(current, [fix for fix, _code in candidates])
        if new_findings is None:
            # find the fixes that broke the file: apply them one at a time
            kept = []
            # from the end of the file backwards, so that the offsets of the
            # fixes still to try stay valid after each one is applied
            for fix in sorted(chosen, key=lambda f: f.edits[0].start, reverse=True):
                trial, _applied, trial_findings = attempt(new_text, [fix])
                if trial_findings is None:
                    rejected.add(codes[id(fix)])
                else:
                    new_text, new_findings = trial, trial_findings
                    kept.append(fix)
            chosen = kept
            if not chosen:
                # restore the findings of the text we keep
                findings = linter.lint_file(path, text=_with_bom(had_bom, current))
                continue
        outcome.applied += len(chosen)
        if unreadable is not None:  # the file reads further now: judge the next fixes against what it is
            baseline = _front_end_errors(new_findings, display)
            unreadable = _syntax_error_at(new_text)
        outcome.log.extend((codes[id(fix)], current.count("\n", 0, fix.edits[0].start) + 1, fix.description)
                           for fix in sorted(chosen, key=lambda f: f.edits[0].start))
        current = new_text
        assert new_findings is not None
        findings = new_findings
    else:
        still = [f for f in findings if f.fix is not None and f.path == display and f.fix.permitted(unsafe)
                 and f.code not in rejected]
        outcome.looping = sorted({f.code for f in still})
        outcome.still_fixable = still
    outcome.fixed = current
    outcome.rejected = sorted(rejected)
    outcome.findings = findings
    return outcome


def pass_limit_note(display: str, outcome: FixOutcome, shown: int = 5) -> str:
    """What is still fixable when the pass limit was reached, and why it was left."""
    from .i18n import gettext as _

    items = [_("{code} at line {line}, column {column} ({message})").format(
        code=f.code, line=f.range.start_line, column=f.range.start_column, message=f.message)
             for f in outcome.still_fixable[:shown]]
    more = len(outcome.still_fixable) - shown
    if more > 0:
        items.append(_("and {count} more").format(count=more))
    return _("{file}: the fixes stopped after {passes} passes (each pass re-checks the file, and these fixes kept "
             "finding more to change, or overlapped others): still fixable: {items}. Run --fix again, or fix them "
             "by hand.").format(file=display, passes=MAX_PASSES, items=_("; ").join(items))


def _with_bom(had_bom: bool, text: str) -> str:
    return BOM + text if had_bom else text


class WriteError(Exception):
    """A fixed (or formatted) text could not be written; the message says why, in words (exit 2)."""


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "the file would be too large",
    errno.EIO: "the disk reported an input/output error",
}


def _reason(error: OSError) -> str:
    return _REASONS.get(error.errno, error.strerror or str(error))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def write_atomically(path: Path, text: str, had_bom: bool, *, root: Path | None = None) -> None:
    """Write ``text`` to ``path`` without ever leaving it half-written; ``WriteError`` if it cannot be.

    * ``root``: the resolved target (symlinks followed) must be inside it;
    * a read-only file (no write permission, or no write bit at all, even for
      root) is refused;
    * the text is first written completely to a temporary file in the same folder
      and synced (a full disk fails there, the file untouched); then the temporary
      file replaces the file (a rename), or — when the rename would change the
      file's owner or break its hard links — the file is rewritten in place, after
      reserving the space, and the temporary copy is removed.
    """
    data = _with_bom(had_bom, text).encode("utf-8")
    try:
        real = path.resolve(strict=True)  # a link: rewrite the file it points to, keep the link
    except (OSError, RuntimeError):
        raise WriteError("the file cannot be found any more (or is a link loop)") from None
    if root is not None and not _inside(real, root.resolve()):
        raise WriteError(f"it is a link to a file outside the project folder ({real}); a fix never writes outside it")
    try:
        info = os.stat(real)
    except OSError as error:
        raise WriteError(_reason(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError("it is not a regular file")
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise WriteError("the file is read-only (make it writable to fix it)")
    folder = real.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"the folder cannot be written ({_reason(error)})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, info.st_mode & 0o7777)
        in_place = info.st_nlink > 1
        if not in_place:
            made = os.stat(temporary)
            if (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
                try:
                    os.chown(temporary, info.st_uid, info.st_gid)
                except OSError:
                    in_place = True  # only root may give a file away: keep the owner by writing in place
        if in_place:
            _rewrite_in_place(real, data, info.st_size)
            os.unlink(temporary)
        else:
            os.replace(temporary, real)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise WriteError(_reason(error)) from None
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _rewrite_in_place(path: Path, data: bytes, old_size: int) -> None:
    descriptor = os.open(path, os.O_WRONLY)
    try:
        if len(data) > old_size and hasattr(os, "posix_fallocate"):
            os.posix_fallocate(descriptor, 0, len(data))  # a full disk fails here, before a byte changes
        view = memoryview(data)
        written = 0
        while written < len(data):
            written += os.pwrite(descriptor, view[written:], written)
        os.ftruncate(descriptor, len(data))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def unified_diff(display: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{display}", tofile=f"b/{display}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)

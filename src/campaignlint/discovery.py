"""Finding the campaign files of a run: folders walked in order, ``.gitignore`` obeyed
(every level up to the git root), hidden files and folders skipped, symlink loops
walked once, unreadable folders said (light: no Lark, no pydantic)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from . import safe_io
from .config import MAX_FILE_SIZE_LIMIT, git_root
from .i18n import gettext as _


class UsageError(Exception):
    """The tool cannot do its job (exit 2): bad path, unreadable folder, …"""


# --------------------------------------------------------------- walking

def _spec(lines: list[str]):
    import pathspec  # only when there is a .gitignore

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _gitignore_specs(folder: Path):
    specs = []
    stop = git_root(folder)
    chain = [folder, *folder.parents]
    for candidate in chain:
        ignore = candidate / ".gitignore"
        if ignore.is_file():
            try:
                lines = safe_io.read_text(ignore, MAX_FILE_SIZE_LIMIT, errors="replace").splitlines()
            except OSError:
                lines = []
            specs.append((candidate, _spec(lines)))
        if stop is not None and candidate == stop:
            break
        if stop is None:
            break
    return specs


def _ignored(path: Path, specs, is_dir: bool) -> bool:
    for base, spec in specs:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if is_dir:
            relative += "/"
        if spec.match_file(relative):
            return True
    return False


def discover_files(paths: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(_("{path}: no such file or folder").format(path=raw))
        kind = None if path.is_dir() else safe_io.describe(path)
        if kind is not None:  # a pipe, a device, a link to /dev/zero: never opened
            raise UsageError(_("{path}: this is {kind}, not a file; it was not read").format(path=raw, kind=kind))
        if path.is_file():
            if not os.access(path, os.R_OK):
                raise UsageError(_("{path}: this file cannot be read (permission denied)").format(path=raw))
            resolved = Path(os.path.abspath(path))
            if resolved not in seen:
                seen.add(resolved)
                found.append(resolved)
            continue
        if not os.access(path, os.R_OK | os.X_OK):
            raise UsageError(_("{path}: this folder cannot be read (permission denied)").format(path=raw))
        root = Path(os.path.abspath(path))
        specs = _gitignore_specs(root)
        visited: set[tuple[int, int]] = set()
        def unreadable(error: OSError, raw=raw, root=root) -> None:  # a subfolder: not skipped without a word
            try:
                shown = os.path.normpath(os.path.join(raw, os.path.relpath(error.filename, root)))
            except (TypeError, ValueError):
                shown = str(error.filename)
            reason = _("permission denied") if isinstance(error, PermissionError) else (error.strerror or str(error))
            raise UsageError(_("{path}: this folder cannot be read ({reason})").format(path=shown, reason=reason))

        for current, dirs, files in os.walk(root, followlinks=True, onerror=unreadable):
            here = Path(current)
            try:
                stat = here.stat()
            except OSError:
                dirs[:] = []
                continue
            key = (stat.st_dev, stat.st_ino)
            if key in visited:  # a symlink loop: walk each real folder once
                dirs[:] = []
                continue
            visited.add(key)
            local = here / ".gitignore"
            if here != root and local.is_file():
                try:
                    lines = safe_io.read_text(local, MAX_FILE_SIZE_LIMIT, errors="replace").splitlines()
                    specs.append((here, _spec(lines)))
                except OSError:
                    pass
            dirs[:] = sorted(
                d for d in dirs
                if not d.startswith(".") and not _ignored(here / d, specs, True)
            )
            for name in sorted(files):
                if name.endswith(".camp") and not name.startswith("."):
                    candidate = here / name
                    if not _ignored(candidate, specs, False) and candidate not in seen:
                        seen.add(candidate)
                        found.append(candidate)
    return found

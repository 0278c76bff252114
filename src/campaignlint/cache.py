"""The result cache: re-running on an unchanged tree costs a hash per file.

Findings of each linted file are stored in ``.campaignlint_cache/`` at the
file's project root (the folder gets its own ``.gitignore`` containing ``*``).
An entry is used only if all of these are unchanged:

* the file's content (SHA-256 of its bytes),
* the content of every file its imports ask for, directly or not — a missing
  import counts too: creating it changes the result,
* the configuration (``Config.fingerprint()``, which includes rule packs), the
  project root, the working folder and the displayed path (findings carry it),
* the rule data and grammar (``resources.rule_data_fingerprint()``),
* the tool: its version, the Python version and the size and modification time
  of every module of the package (editing a rule invalidates the cache).

Entries are JSON, one file per linted file (named by a hash of its path), and
are written atomically (temporary file + ``os.replace``), so concurrent runs
never read a half-written entry: at worst they both lint and the last write
wins.  Any unreadable or malformed entry is a miss; a cache folder that cannot
be written is silently skipped.  The SourceText reporters need is not stored:
``engine.SourceStore`` re-reads a file when a reporter asks for it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .findings import Applicability, Edit, Finding, Fix, Range, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .engine import FileOutcome
    from .project import Project

CACHE_DIR = ".campaignlint_cache"
#: bump when the entry layout changes
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent


def tool_fingerprint() -> str:
    """Version, Python version, and the size/mtime of every module of the package."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{FORMAT}".encode())
    stack = [_PACKAGE]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and entry.name != "__pycache__" and not entry.name.startswith("."):
                stack.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                stat = entry.stat()
                digest.update(f"{entry.path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


# ------------------------------------------------------------------ (de)serialising

def finding_to_data(finding: Finding) -> list:
    r = finding.range
    fix = None
    if finding.fix is not None:
        fix = [finding.fix.applicability.value, finding.fix.description,
               [[e.start, e.end, e.replacement] for e in finding.fix.edits]]
    return [finding.code, finding.severity.value, finding.message, finding.path,
            [r.start_line, r.start_column, r.end_line, r.end_column, r.start_offset, r.end_offset],
            finding.rule_name, fix]


_SEVERITIES = {s.value: s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def finding_from_data(data: list) -> Finding:
    code, severity, message, path, where, rule_name, fix = data
    decoded_fix = None
    if fix is not None:
        applicability, description, edits = fix
        decoded_fix = Fix(_APPLICABILITIES[applicability], tuple(Edit(s, e, t) for s, e, t in edits), description)
    return Finding(code, _SEVERITIES[severity], message, path, Range(*where), decoded_fix, rule_name)


# ------------------------------------------------------------------ the cache

class ResultCache:
    """One run's view of the caches of the project roots it touches."""

    def __init__(self, project: "Project"):
        from . import resources

        self.project = project
        from . import i18n

        self.tool = tool_fingerprint() + "|" + i18n.language()  # the messages are in the run's language
        self.rules = resources.rule_data_fingerprint()
        self._hashes: dict[Path, str | None] = {}
        self._config_prints: dict[int, str] = {}
        self._seen: dict[Path, tuple[str, Path, str | None]] = {}  # path → (context, entry file, content hash)
        self._ready: dict[Path, bool] = {}  # cache folder → writable
        self.hits = 0
        self.misses = 0

    # -- keys ----------------------------------------------------------
    def file_hash(self, path: Path) -> str | None:
        """SHA-256 of a file's bytes (memoised for the run); None if it cannot be read."""
        if path not in self._hashes:
            try:
                self._hashes[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._hashes[path] = None
        return self._hashes[path]

    def _locate(self, path: Path, linted_root: Path | None) -> tuple[str, Path]:
        project = self.project
        config = project.config_for(path)
        root = project.root(config, path, linted_root)
        printed = self._config_prints.get(id(config))
        if printed is None:
            printed = self._config_prints[id(config)] = config.fingerprint()
        context = hashlib.sha256(json.dumps(
            [FORMAT, self.tool, self.rules, printed, str(root), str(project.cwd), project.display(path)]
        ).encode()).hexdigest()
        name = hashlib.sha256(str(path).encode()).hexdigest()[:40] + ".json"
        return context, Path(root) / CACHE_DIR / name

    # -- reading -------------------------------------------------------
    def get(self, path: Path, linted_root: Path | None) -> list[Finding] | None:
        """The cached findings of ``path``, or None (a miss)."""
        context, entry_file = self._locate(path, linted_root)
        content = self.file_hash(path)
        self._seen[path] = (context, entry_file, content)
        if content is None:
            self.misses += 1
            return None
        try:
            entry = json.loads(entry_file.read_bytes())
            valid = (entry["context"] == context and entry["content"] == content
                     and all(self.file_hash(Path(dep)) == digest for dep, digest in entry["deps"]))
            findings = [finding_from_data(item) for item in entry["findings"]] if valid else None
        except (OSError, ValueError, KeyError, TypeError):
            findings = None
        if findings is None:
            self.misses += 1
        else:
            self.hits += 1
        return findings

    # -- writing -------------------------------------------------------
    def put(self, path: Path, linted_root: Path | None, outcome: "FileOutcome") -> None:
        """Store the outcome of linting ``path`` (keyed on what ``get`` saw)."""
        seen = self._seen.get(path)
        if seen is None:
            context, entry_file = self._locate(path, linted_root)
            seen = (context, entry_file, self.file_hash(path))
        context, entry_file, content = seen
        if content is None or not self._prepare(entry_file.parent):
            return
        deps = [[str(dep), self.file_hash(dep)] for dep in outcome.dependencies]
        entry = {"context": context, "content": content, "deps": deps,
                 "findings": [finding_to_data(f) for f in outcome.findings]}
        self._write(entry_file, json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def _prepare(self, folder: Path) -> bool:
        ready = self._ready.get(folder)
        if ready is None:
            try:
                folder.mkdir(exist_ok=True)
                ignore = folder / ".gitignore"
                if not ignore.exists():
                    self._write(ignore, b"# campaignlint's result cache: never commit it\n*\n")
                ready = os.access(folder, os.W_OK)
            except OSError:
                ready = False
            self._ready[folder] = ready
        return ready

    def _write(self, target: Path, data: bytes) -> None:
        try:
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        except OSError:
            self._ready[target.parent] = False
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass

    # -- project scope (v2) --------------------------------------------
    def _project_key(self, files: list[tuple[Path, Path | None]]) -> tuple[str, Path] | None:
        """Every campaign file of the run and its contents, with each one's context (cli.md)."""
        parts = []
        for path, linted_root in sorted(files, key=lambda item: str(item[0])):
            context, _entry = self._locate(path, linted_root)
            content = self.file_hash(path)
            if content is None:
                return None
            parts.append([str(path), context, content])
        key = hashlib.sha256(json.dumps(["project", FORMAT, parts]).encode()).hexdigest()
        first, root = files[0]
        _context, entry = self._locate(first, root)
        names = hashlib.sha256(json.dumps(sorted(str(p) for p, _ in files)).encode()).hexdigest()[:40]
        return key, entry.parent / f"project-{names}.json"

    def get_project(self, files: list[tuple[Path, Path | None]]) -> list[Finding] | None:
        """The cached findings of the project-scope rules for exactly these files and contents, or None."""
        located = self._project_key(files)
        if located is None:
            return None
        key, entry_file = located
        try:
            entry = json.loads(entry_file.read_bytes())
            if entry["key"] != key:
                return None
            return [finding_from_data(item) for item in entry["findings"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_project(self, files: list[tuple[Path, Path | None]], findings: list[Finding]) -> None:
        located = self._project_key(files)
        if located is None:
            return
        key, entry_file = located
        if not self._prepare(entry_file.parent):
            return
        entry = {"key": key, "findings": [finding_to_data(f) for f in findings]}
        self._write(entry_file, json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


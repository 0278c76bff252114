"""The result cache: re-running on an unchanged tree costs a hash per file.

Findings of each linted file are stored in one SQLite file per project root,
``.campaignlint_cache/results-v<FORMAT>.sqlite3`` (the folder gets its own
``.gitignore`` containing ``*``).
An entry is used only if all of these are unchanged:

* the file's content (SHA-256 of its bytes),
* the content of every file its imports ask for, directly or not — a missing
  import counts too: creating it changes the result,
* the configuration (``Config.fingerprint()``, which includes rule packs), the
  project root, the working folder and the displayed path (findings carry it),
* the rule data and grammar (``resources.rule_data_fingerprint()``),
* the tool: its version, the Python version and the size and modification time
  of every module of the package (editing a rule invalidates the cache).

One row per linted file (keyed by its absolute path) holds the key
components above, the findings as compact JSON, their lines of the text
report as rendered (printed as they are when every file is a hit), the counts
of its summary line, and the file's project-scope summaries (``FileRow``).  A run reads every row of
a root in one query and writes its new rows in one transaction at the end
(``flush``); SQLite's locking (WAL journal, a busy timeout) makes concurrent
runs safe: at worst they both lint and the last write wins.  The format
version is in the file name, so an older layout is never read.  Any
unreadable row, or a damaged database (which is then rebuilt), is a miss; a
cache folder that cannot be written is silently skipped.  The project-scope
phase has its own rows (``kind`` = ``project``), keyed by every file of the run
with its context and summaries: a changed file whose summary is unchanged does
not re-run it.  An asset file too large to hash (a video) counts by its size
and modification time.  The SourceText reporters need is not stored:
``engine.SourceStore`` re-reads a file when a reporter asks for it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import functools
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, safe_io
from .findings import Applicability, Edit, Finding, Fix, Range, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .engine import FileOutcome
    from .project import Project

_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}

CACHE_DIR = ".campaignlint_cache"
#: an entry holds a file's findings: far less than this; a bigger one is a miss, unread
MAX_ENTRY_SIZE = 50_000_000
#: bump when the entry layout changes
FORMAT = 3
_PACKAGE = Path(__file__).resolve().parent


def tool_fingerprint() -> str:
    """Version, Python version, and the size/mtime of every module of the package (once per process)."""
    return _tool_fingerprint(__version__)


@functools.lru_cache(maxsize=4)
def _tool_fingerprint(version: str) -> str:
    digest = hashlib.sha256(f"{version}|{sys.version}|{FORMAT}".encode())
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

def _signature(path: Path) -> str | None:
    """Size, modification time (ns) and inode of a file, or None."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}"


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


def _check(condition: bool) -> None:
    if not condition:
        raise ValueError("not a cache entry")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def finding_from_data(data: list) -> Finding:
    """A stored finding; ValueError unless every field has the type it was written with (odd entry: a miss)."""
    _check(isinstance(data, list) and len(data) == 7)
    code, severity, message, path, where, rule_name, fix = data
    _check(isinstance(code, str) and isinstance(message, str) and isinstance(path, str)
           and (rule_name is None or isinstance(rule_name, str)) and severity in _SEVERITIES)
    _check(isinstance(where, list) and len(where) == 6 and all(_is_int(n) for n in where))
    decoded_fix = None
    if fix is not None:
        _check(isinstance(fix, list) and len(fix) == 3)
        applicability, description, edits = fix
        _check(applicability in _APPLICABILITIES and isinstance(description, str) and isinstance(edits, list))
        _check(all(isinstance(e, list) and len(e) == 3 and _is_int(e[0]) and _is_int(e[1]) and isinstance(e[2], str)
                   for e in edits))
        decoded_fix = Fix(_APPLICABILITIES[applicability], tuple(Edit(s, e, t) for s, e, t in edits), description)
    return Finding(code, _SEVERITIES[severity], message, path, Range(*where), decoded_fix, rule_name)


class FileRow:
    """One file's findings in compact form: their JSON (decoded only when asked), their lines of
    the text report (UTF-8 bytes: stored and printed without decoding), the counts of the summary
    line (``text_report.counts_of``) and the path every finding is on (None when they are on
    several, "" when there is none)."""

    __slots__ = ("_data", "rendered", "counts", "path", "_fetch")

    def __init__(self, data: str | None, rendered: bytes, counts: list[int], path: str | None, fetch=None):
        self._data, self.rendered, self.counts, self.path, self._fetch = data, rendered, counts, path, fetch

    @classmethod
    def of(cls, findings: list[Finding]) -> "FileRow":
        from .reporters.text_report import counts_of, line_of

        paths = {f.path for f in findings}
        return cls(json.dumps([finding_to_data(f) for f in findings], **_COMPACT),
                   "".join(line_of(f) + "\n" for f in findings).encode("utf-8", "surrogateescape"),
                   counts_of(findings),
                   paths.pop() if len(paths) == 1 else (None if paths else ""))

    @property
    def data(self) -> str:
        if self._data is None:
            self._data = self._fetch() if self._fetch is not None else "[]"
        if isinstance(self._data, bytes):
            return zlib.decompress(self._data).decode("utf-8", "surrogatepass")
        return self._data

    def shrink(self) -> "FileRow":
        """Keep the findings' JSON compressed (a run holds every file's row until it reports)."""
        if isinstance(self._data, str) and len(self._data) > 256:
            self._data = zlib.compress(self._data.encode("utf-8", "surrogatepass"), 1)
        return self

    def decode(self) -> list[Finding]:
        return [finding_from_data(item) for item in json.loads(self.data)]

    def __getstate__(self):  # sent back by a worker: no callable
        if self._data is None:
            self.data  # noqa: B018  (fetched now)
        return (self._data, self.rendered, self.counts, self.path)

    def __setstate__(self, state) -> None:
        self._data, self.rendered, self.counts, self.path = state
        self._fetch = None


class CachedFile:
    """A hit: the file's stored row, the digest of its project-scope summaries and how to read them
    (only when the project phase is not a hit itself)."""

    __slots__ = ("row", "digest", "fetch")

    def __init__(self, row: FileRow, digest: str | None, fetch):
        self.row, self.digest, self.fetch = row, digest, fetch


def summary_digest(summary: str | None) -> str | None:
    return None if summary is None else hashlib.sha256(summary.encode("utf-8", "surrogatepass")).hexdigest()


#: a file modified less than this long before its row was written may change again within the
#: same timestamp: its size and modification time are not trusted for it (git's "racy" files)
RACY_NS = 2_000_000_000


# ------------------------------------------------------------------ the cache

_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, key TEXT NOT NULL, context TEXT, "
           "content TEXT, deps TEXT, findings TEXT, rendered BLOB, counts TEXT, summary TEXT, stat TEXT, "
           "PRIMARY KEY (kind, key)) WITHOUT ROWID")


class _Store:
    """The SQLite file of one project root: rows read at once, new rows written at the end."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / f"results-v{FORMAT}.sqlite3"
        self.rows: dict[tuple[str, str], tuple] = {}
        self.pending: dict[tuple[str, str], tuple] = {}
        self._columns: dict[str, dict] = {}  # column → (kind, key) → (context, content, value)
        try:
            if self.path.is_file():  # everything but the findings' JSON, read only if a reporter needs it
                connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)
                try:
                    for kind, key, *row in connection.execute(
                            "SELECT kind, key, context, content, deps, rendered, counts, stat FROM entries"):
                        self.rows[(kind, key)] = tuple(row)
                finally:
                    connection.close()
        except sqlite3.Error:  # damaged or locked too long: every file is a miss
            self.rows = {}

    def findings(self, kind: str, key: str) -> str:
        """The stored findings JSON of a row (every row's, read in one query on first use)."""
        return self._later("findings", kind, key)

    def summary(self, kind: str, key: str) -> str:
        """The stored project-scope summaries of a row (read as ``findings``)."""
        return self._later("summary", kind, key)

    def _later(self, column: str, kind: str, key: str) -> str:
        """A column left out of the first query, with the context and content hash it was read with:
        a row another run rewrote meanwhile is not taken for this one (ValueError)."""
        if column not in self._columns:
            found = self._columns[column] = {}
            try:
                connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)
                try:
                    for row_kind, row_key, context, content, data in connection.execute(
                            f"SELECT kind, key, context, content, {column} FROM entries"):
                        found[(row_kind, row_key)] = (context, content, data)
                finally:
                    connection.close()
            except sqlite3.Error:
                pass
        known, later = self.rows.get((kind, key)), self._columns[column].get((kind, key))
        if known is None or later is None or later[:2] != tuple(known[:2]) or not isinstance(later[2], str):
            raise ValueError("the cache changed during the run")
        return later[2]

    def flush(self) -> None:
        if not self.pending:
            return
        for attempt in (1, 2):
            try:
                connection = sqlite3.connect(self.path, timeout=10)
                try:
                    connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute(_SCHEMA)
                    with connection:
                        connection.executemany(
                            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [(kind, key, *row) for (kind, key), row in self.pending.items()])
                finally:
                    connection.close()
                break
            except sqlite3.DatabaseError:
                if attempt == 2 or not self.path.exists():
                    break
                try:  # damaged: start a new one (another run may do the same: fine)
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                except OSError:
                    break
            except OSError:
                break
        self.pending.clear()


class ResultCache:
    """One run's view of the caches of the project roots it touches."""

    def __init__(self, project: "Project"):
        from . import resources

        self.project = project
        from . import i18n

        self.tool = tool_fingerprint() + "|" + i18n.language()  # the messages are in the run's language
        self.rules = resources.rule_data_fingerprint()
        self._hashes: dict[str, str | None] = {}
        self._prefixes: dict[tuple[int, Path], object] = {}  # (configuration, root) → hash of the shared part
        self._by_folder: dict[tuple[str, Path | None], tuple] = {}  # (folder, linted root) → (prefix, cache)
        self._seen: dict[Path, tuple[str, Path, str | None]] = {}  # path → (context, cache folder, content hash)
        self._ready: dict[Path, bool] = {}  # cache folder → writable
        self._stores: dict[Path, _Store] = {}
        self.hits = 0
        self.misses = 0

    # -- keys ----------------------------------------------------------
    def file_hash(self, path: Path | str) -> str | None:
        """SHA-256 of a file's bytes (memoised for the run); None if it cannot be read."""
        key = str(path)
        if key not in self._hashes:
            try:  # a bigger file is a miss (then E008), unread
                limit = self.project.config_for(Path(path)).max_file_size
                self._hashes[key] = hashlib.sha256(safe_io.read_bytes(path, limit)).hexdigest()
            except OSError:
                self._hashes[key] = None
        return self._hashes[key]

    def _locate(self, path: Path, linted_root: Path | None) -> tuple[str, Path]:
        project = self.project
        where = (os.path.dirname(str(path)), linted_root)
        shared = self._by_folder.get(where)
        if shared is None:  # what every file of a folder shares (configuration, root): hashed once
            config = project.config_for(path)
            root = project.root(config, path, linted_root)
            prefix = self._prefixes.get((id(config), root))
            if prefix is None:
                prefix = self._prefixes[(id(config), root)] = hashlib.sha256(json.dumps(
                    [FORMAT, self.tool, self.rules, config.fingerprint(), str(root), str(project.cwd)]).encode())
            shared = self._by_folder[where] = (prefix, Path(root) / CACHE_DIR)
        prefix, folder = shared
        digest = prefix.copy()
        digest.update(project.display(path).encode("utf-8", "surrogatepass"))
        return digest.hexdigest(), folder

    def _store(self, folder: Path) -> _Store:
        store = self._stores.get(folder)
        if store is None:
            store = self._stores[folder] = _Store(folder)
        return store

    def dependency_hash(self, path: Path | str) -> str | None:
        """A dependency's key: its content hash, or, for a file too large to hash (a video, whose byte
        size the A rules read), its size and modification time; None when it does not exist."""
        digest = self.file_hash(path)
        if digest is not None:
            return digest
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return f"stat:{stat.st_size}:{stat.st_mtime_ns}"

    # -- reading -------------------------------------------------------
    def get(self, path: Path, linted_root: Path | None) -> CachedFile | None:
        """The cached outcome of ``path`` (its row and project-scope summary), or None (a miss).

        The file's content is hashed unless its size, modification time and inode are those
        stored with its row (recorded only when it had not changed for ``RACY_NS``)."""
        context, folder = self._locate(path, linted_root)
        store = self._store(folder)
        key = str(path)
        row = store.rows.get(("file", key))
        signature = _signature(path)
        content = None
        if row is not None and signature is not None and row[5] == signature and isinstance(row[1], str):
            content = self._hashes[key] = row[1]
        else:
            content = self.file_hash(path)
        self._seen[path] = (context, folder, content, signature)
        if content is None:
            self.misses += 1
            return None
        hit = None
        if row is not None:
            try:
                stored_context, stored_content, deps, rendered, counts, _stat = row
                if (stored_context == context and stored_content == content and isinstance(rendered, bytes)
                        and all(self.dependency_hash(dep) == digest for dep, digest in json.loads(deps))):
                    numbers = json.loads(counts)
                    _check(isinstance(numbers, list) and len(numbers) == 7 and all(_is_int(n) for n in numbers[:5])
                           and (numbers[5] is None or isinstance(numbers[5], str))
                           and (numbers[6] is None or isinstance(numbers[6], str)))
                    hit = CachedFile(FileRow(None, rendered, numbers[:5], numbers[5],
                                             lambda: store.findings("file", key)),
                                     numbers[6], lambda: store.summary("file", key))
            except (ValueError, KeyError, TypeError, RecursionError, MemoryError):  # an odd row is a miss
                hit = None
        if hit is None:
            self.misses += 1
        else:
            self.hits += 1
        return hit

    # -- writing -------------------------------------------------------
    def put(self, path: Path, linted_root: Path | None, outcome: "FileOutcome") -> None:
        """Store the outcome of linting ``path`` (keyed on what ``get`` saw); written by ``flush``."""
        seen = self._seen.get(path)
        if seen is None:
            context, folder = self._locate(path, linted_root)
            signature = _signature(path)
            seen = (context, folder, self.file_hash(path), signature)
        context, folder, content, signature = seen
        if content is None or not self._prepare(folder):
            return
        if signature is not None and time.time_ns() - int(signature.split(":")[1]) < RACY_NS:
            signature = None  # changed just now: it could change again unseen by its timestamp
        deps = [[str(dep), self.dependency_hash(dep)] for dep in outcome.dependencies]
        row = outcome.row
        self._store(folder).pending[("file", str(path))] = (
            context, content, json.dumps(deps, **_COMPACT), row.data, row.rendered,
            json.dumps([*row.counts, row.path, outcome.summary_digest], **_COMPACT), outcome.summary, signature)

    def flush(self) -> None:
        """Write every new row (one transaction per project root)."""
        for store in self._stores.values():
            store.flush()

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
        import tempfile

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
    def _project_key(self, files: list[tuple[Path, Path | None, str | None]]) -> tuple[str, str, Path]:
        """Every campaign file of the run with its context and the digest of its project-scope summaries
        (which hold what the phase reads of the file and its imports): (the key, the row's name, the
        cache folder of the first file's root)."""
        parts = []
        for path, linted_root, digest in sorted(files, key=lambda item: str(item[0])):
            seen = self._seen.get(path)
            context = seen[0] if seen is not None else self._locate(path, linted_root)[0]
            parts.append([str(path), context, digest])
        key = hashlib.sha256(json.dumps(["project", FORMAT, parts]).encode()).hexdigest()
        first, root, _digest = files[0]
        seen = self._seen.get(first)
        folder = seen[1] if seen is not None else self._locate(first, root)[1]
        names = hashlib.sha256(json.dumps(sorted(str(p) for p, _r, _s in files)).encode()).hexdigest()[:40]
        return key, names, folder

    def get_project(self, files: list[tuple[Path, Path | None, str | None]]) -> FileRow | None:
        """The cached findings of the project-scope rules for exactly these files and summaries
        (``files``: path, linted root, digest of its summaries), or None."""
        key, names, folder = self._project_key(files)
        row = self._store(folder).rows.get(("project", names))
        try:
            if row is None or row[0] != key:
                return None
            numbers = json.loads(row[4])
            _check(isinstance(row[3], bytes) and isinstance(row[2], str) and isinstance(numbers, list)
                   and len(numbers) == 7)
            found = FileRow(row[2], row[3], numbers[:5], numbers[5])
            found.decode()  # project findings are few: decode now, so that an odd row is a miss
            return found
        except (ValueError, KeyError, TypeError, RecursionError, MemoryError):  # an odd row is a miss
            return None

    def put_project(self, files: list[tuple[Path, Path | None, str | None]], found: FileRow) -> None:
        """Store the project-scope findings of this run (written by ``flush``)."""
        key, names, folder = self._project_key(files)
        if not self._prepare(folder):
            return
        # the findings go in the deps column too: read with the other rows, no second query
        self._store(folder).pending[("project", names)] = (
            key, None, found.data, found.data, found.rendered, json.dumps([*found.counts, found.path, None],
                                                                           **_COMPACT), None, None)

"""The engine: files → model → rules → findings (→ fixes).

Data flows one way.  ``lint`` walks the paths, finds each file's
configuration, loads the file with its imports (front-end findings E001–E008),
runs every selected rule on every campaign, applies ``# noqa``, severity
overrides and per-file ignores, and returns the findings sorted.
"""

from __future__ import annotations

import collections
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import safe_io
from .i18n import ngettext
from .i18n import gettext as _
from .config import MAX_FILE_SIZE_LIMIT, Config, git_root
from .findings import Edit, Finding, Severity, unique_sorted
from .rule import Rule
from .project import Options, Project
from .registry import campaign_rules, load_all_rules, rule_catalogue
from .context import CampaignContext, FileContext
from .frontend.decode import decode
from .source import SourceText, Span

if TYPE_CHECKING:  # pragma: no cover - the loader and model (lark, pydantic) load lazily:
    from .frontend.loader import LoadedFile, Loader  # a run answered from the cache never needs them
    from .model import Campaign, Located


class UsageError(Exception):
    """The tool cannot do its job (exit 2): bad path, unreadable folder, …"""


# --------------------------------------------------------------- walking

def _gitignore_specs(folder: Path):
    import pathspec

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
            specs.append((candidate, pathspec.GitIgnoreSpec.from_lines(lines)))
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
    import pathspec

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
                    specs.append((here, pathspec.GitIgnoreSpec.from_lines(lines)))
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


# --------------------------------------------------------------- the linter

@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    fixed: dict[str, int] = field(default_factory=dict)  # display path → fixes applied
    fix_notes: list[str] = field(default_factory=list)
    fix_log: list[tuple[str, str, int, str]] = field(default_factory=list)  # path, code, line, description


#: files loaded, checked and released together by ``Linter.lint``
BATCH_FILES = 32


@dataclass
class FileOutcome:
    """The result of linting one file: its findings and the files it depends on."""

    findings: list[Finding]
    #: every import target asked for, directly or not (absolute; found or not)
    dependencies: list[Path] = field(default_factory=list)


class SourceStore(dict):
    """Display path → ``SourceText``, re-reading released files from disk on demand.

    ``Linter.lint`` releases each file once its findings are made (memory stays
    flat however many files are linted); reporters then get the text back by
    asking for it.  Only the last file re-read is kept.
    """

    def __init__(self, cwd: Path):
        super().__init__()
        self.cwd = cwd
        self._last: tuple[str, SourceText | None] | None = None

    def _reread(self, key: str) -> SourceText | None:
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        path = Path(key)
        if not path.is_absolute():
            path = self.cwd / path
        try:
            data = safe_io.read_bytes(path, MAX_FILE_SIZE_LIMIT)  # a pipe or a device is never opened
        except OSError:
            source = None
        else:  # the loader's decoding (light: no Lark, no pydantic); no size limit here
            source, _problem = decode(data, key, len(data))
        self._last = (key, source)
        return source

    def get(self, key, default=None):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        found = self._reread(key) if isinstance(key, str) else None
        return default if found is None else found

    def __missing__(self, key):
        found = self._reread(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found


class Linter:
    def __init__(self, options: Options | None = None, cwd: Path | None = None):
        self.options = options or Options()
        self.cwd = cwd or Path.cwd()
        # configuration is validated against the rule catalogue (no rule module imported
        # when it is cached); the rules load on the first file that is actually linted
        self.project = Project(self.options, self.cwd, rule_catalogue())
        self.sources: dict[str, SourceText] = SourceStore(self.cwd)
        self._loaders: dict[tuple, Loader] = {}
        from .language.nlp import NLP

        self.nlp = NLP()  # this linter's analyses and facts of texts (bounded LRUs)

    @functools.cached_property
    def rules(self) -> dict[str, Rule]:
        return load_all_rules()

    # -- configuration (see campaignlint.project) ----------------------------
    def config_for(self, path: Path) -> Config:
        return self.project.config_for(path)

    def project_root(self, config: Config, path: Path, linted_root: Path | None) -> Path:
        return self.project.root(config, path, linted_root)

    def fail_on(self, paths: list[str]) -> Severity:
        return self.project.fail_on(paths)

    def _display(self, path: Path) -> str:
        return self.project.display(path)

    def loader_for(self, config: Config, root: Path, overrides: dict[Path, str] | None = None) -> Loader:
        from .frontend.loader import Loader

        key = (id(config), root, tuple(sorted((overrides or {}).items())))
        if key not in self._loaders:
            if overrides:  # unsaved texts (stdin, editors, fixes): keep only the latest
                for old in [k for k in self._loaders if k[2]]:
                    del self._loaders[old]
            self._loaders[key] = Loader(root, max_file_size=config.max_file_size, rule_packs=config.rule_packs,
                                        cwd=self.cwd, overrides=overrides)
        return self._loaders[key]

    # -- linting -----------------------------------------------------------
    def lint_file(self, path: Path, *, linted_root: Path | None = None, text: str | None = None,
                  front_end=None, other_texts: dict[Path, str] | None = None) -> list[Finding]:
        """The findings of one file (``text``: its unsaved content).  ``front_end``: called
        with the syntax and schema findings (E) as soon as the file is read, before any
        rule runs (the language server publishes them first).  ``other_texts``: unsaved
        contents of other files (an import open in an editor)."""
        path = Path(os.path.abspath(path))
        config = self.config_for(path)
        root = self.project_root(config, path, linted_root)
        overrides = {Path(os.path.abspath(p)): t for p, t in (other_texts or {}).items()}
        if text is not None:
            overrides[path] = text
        overrides = overrides or None
        loader = self.loader_for(config, root, overrides)
        loaded = loader.load(path)
        for other in loader.files.values():
            if other.source is not None:
                self.sources[other.display] = other.source
        if front_end is not None:
            ctx = FileContext(self.sources, loaded, config, self.rules, self.nlp)
            front_end([ctx.finding(self.rules[p.code], p.span, p.message) for p in loaded.problems
                       if p.code in self.rules])
        findings = self.findings_for(loaded, config)
        project = self.lint_project([(path, linted_root)], overrides=overrides)  # v2: this file is the whole run
        return sorted(findings + project, key=Finding.sort_key) if project else findings

    def loaded(self, path: Path) -> LoadedFile | None:
        """The file as read by the last ``lint_file`` of it (model, problems, source)."""
        path = Path(os.path.abspath(path))
        for loader in self._loaders.values():
            if path in loader.files:
                return loader.files[path]
        return None

    def findings_for(self, loaded: LoadedFile, config: Config) -> list[Finding]:
        findings: list[Finding] = []
        ctx = FileContext(self.sources, loaded, config, self.rules, self.nlp)
        for problem in loaded.problems:
            rule = self.rules[problem.code]
            findings.append(ctx.finding(rule, problem.span, problem.message, problem.fix))
        selected = [rule for rule in self.rules.values()
                    if rule.scope != "front-end" and config.enabled(rule.code, rule.name)]
        if loaded.model is not None:
            for rule in selected:
                if rule.scope == "file" and config.pack_enabled(rule):
                    findings.extend(rule.check_file(ctx))
            for campaign in loaded.model.campaigns:
                cctx = CampaignContext(self.sources, loaded, config, campaign, self.rules, self.nlp)
                declared = [rule for rule in campaign_rules(cctx) if config.enabled(rule.code, rule.name)]
                for rule in selected + declared:  # the registered rules, then the campaign's own
                    if rule.scope == "campaign" and config.pack_enabled(rule, campaign):
                        findings.extend(rule.check(cctx))
        return self._finish(findings, loaded, config)

    def _finish(self, findings: list[Finding], loaded: LoadedFile, config: Config) -> list[Finding]:
        from . import noqa

        kept = []
        for finding in findings:
            if (finding.code not in ("E001", "E008")
                    and not config.enabled(finding.code, finding.rule_name, finding.path)):
                continue
            finding.severity = config.severity_of(finding.code, finding.severity)
            kept.append(finding)
        if loaded.document is not None and loaded.source is not None:
            suppressions = noqa.collect(loaded.document, loaded.source)
            own = [f for f in kept if f.path == loaded.display]
            others = [f for f in kept if f.path != loaded.display]
            own = noqa.apply(own, suppressions)
            kept = own + others
            ctx = FileContext(self.sources, loaded, config, self.rules, self.nlp)
            for rule in self.rules.values():
                if rule.scope == "suppressions" and config.enabled(rule.code, rule.name, loaded.display):
                    kept.extend(rule.check_suppressions(ctx, suppressions))
        return unique_sorted(kept)

    def lint(self, paths: list[str], stdin_text: str | None = None, stdin_filename: str | None = None,
             *, cache: bool = False, jobs: int = 1) -> RunResult:
        """Lint files and folders (``-`` is standard input).

        ``cache``: read and write ``.campaignlint_cache/`` at each project root
        (see ``campaignlint.cache``).  ``jobs``: worker processes; files are only
        spread over workers when there are enough of them to pay the start-up
        (``campaignlint.parallel.workers_for``).  Findings come out in the same
        order whatever ``jobs`` is.
        """
        result = RunResult()
        files: list[tuple[Path, Path | None]] = []
        for raw in paths:
            if raw == "-":
                continue
            for path in discover_files([raw]):
                files.append((path, Path(os.path.abspath(raw)) if Path(raw).is_dir() else None))
        per_file: list[list[Finding]] = [[] for _ in files]
        for path, _root in files:
            result.files.append(self._display(path))
        store = None
        pending = list(range(len(files)))
        if cache and files:
            from .cache import ResultCache

            store = ResultCache(self.project)
            pending = []
            for index, (path, root) in enumerate(files):
                hit = store.get(path, root)
                if hit is None:
                    pending.append(index)
                else:
                    per_file[index] = hit
        if pending:
            work = [files[index] for index in pending]
            from .parallel import lint_in_workers, workers_for

            workers = workers_for(jobs, len(work))
            outcomes = (lint_in_workers(functools.partial(Linter, self.options, self.cwd), work, workers)
                        if workers > 1 else self.lint_many(work))
            for index, outcome in zip(pending, outcomes):
                per_file[index] = outcome.findings
                if store is not None:
                    store.put(files[index][0], files[index][1], outcome)
        all_findings = [finding for findings in per_file for finding in findings]
        project_findings = self.lint_project(files, store)  # v2: the project-scope phase
        all_findings.extend(project_findings)
        if store is not None:
            store.flush()
        if "-" in paths:
            name = Path(os.path.abspath(stdin_filename or "stdin.camp"))
            result.files.append(self._display(name))
            all_findings.extend(self.lint_file(name, text=stdin_text or ""))
        elif not pending and not project_findings and _in_report_order(result.files, per_file):
            result.findings = all_findings  # every file a hit, each on its own path: already in order
            return result
        result.findings = unique_sorted(all_findings)
        return result

    # -- project scope (v2) ------------------------------------------------
    def lint_project(self, files: list[tuple[Path, Path | None]], store=None,
                     overrides: dict[Path, str] | None = None) -> list[Finding]:
        """The second phase: project-scope rules over every campaign file of the run.

        A rule declares ``scope = "project"`` and implements ``check_project``,
        which sees every file of the run loaded (``context.ProjectContext``) and
        reports on those files only.  Its findings go through each file's
        configuration and ``# noqa`` like any other.  Results are cached under a
        key made of every file of the run and its contents (``cache.ResultCache.
        get_project``): any change to any file re-runs this phase, and only it.
        """
        from . import noqa
        from .context import ProjectContext

        # the catalogue says whether there are project-scope rules: a warm run imports no rule
        if not files or not any(getattr(r, "scope", None) == "project" for r in self.project.rules.values()):
            return []
        if store is not None:
            cached = store.get_project(files)
            if cached is not None:
                return cached
        rules = [rule for rule in self.rules.values() if rule.scope == "project"]
        loaded: list[tuple[LoadedFile, Config]] = []
        fresh: list[tuple[Loader, Path]] = []
        for path, linted_root in files:
            path = Path(os.path.abspath(path))
            config = self.config_for(path)
            if not any(config.enabled(rule.code, rule.name) for rule in rules):
                continue
            loader = self.loader_for(config, self.project_root(config, path, linted_root), overrides)
            if path not in loader.files:
                fresh.append((loader, path))
            loaded.append((loader.load(path), config))
        by_display = {item.display: (item, config) for item, config in loaded}
        per_file: dict[str, list[Finding]] = {}
        # positions come from the texts this phase read (unsaved ones included), not from the disk
        read = {item.display: item.source for item, _config in loaded if item.source is not None}
        context = ProjectContext(collections.ChainMap(read, self.sources), loaded)
        for rule in rules:
            for finding in rule.check_project(context):
                item, config = by_display.get(finding.path, (None, None))
                if config is None or not config.enabled(finding.code, finding.rule_name, finding.path):
                    continue
                finding.severity = config.severity_of(finding.code, finding.severity)
                per_file.setdefault(finding.path, []).append(finding)
        found: list[Finding] = []
        for display, findings in per_file.items():
            item = by_display[display][0]
            if item.document is not None and item.source is not None:
                findings = noqa.apply(findings, noqa.collect(item.document, item.source))
            found.extend(findings)
        for loader, path in fresh:  # memory stays flat: forget what this phase loaded
            if not any(path in other.imported for other in loader.files.values()):
                loader.files.pop(path, None)
        found.sort(key=Finding.sort_key)
        if store is not None:
            store.put_project(files, found)
        return found

    def lint_many(self, files: list[tuple[Path, Path | None]]):
        """Lint files on disk in order, ``BATCH_FILES`` at a time; yields a ``FileOutcome`` each.

        Each batch is loaded, checked, then released (models and sources; the
        language service's caches are bounded LRUs), so memory does not grow
        with the number of files.  Files imported by others stay loaded.
        """
        for start in range(0, len(files), BATCH_FILES):
            batch = files[start : start + BATCH_FILES]
            prepared = []
            for path, linted_root in batch:
                path = Path(os.path.abspath(path))
                config = self.config_for(path)
                loader = self.loader_for(config, self.project_root(config, path, linted_root))
                loaded = loader.load(path)
                for other in loader.files.values():
                    if other.source is not None and other.display not in self.sources:
                        self.sources[other.display] = other.source
                prepared.append((loaded, config, loader))
            for loaded, config, loader in prepared:
                yield FileOutcome(self.findings_for(loaded, config), _dependencies(loaded, loader))
            self._release(prepared)

    def _release(self, prepared) -> None:
        """Forget the files of a finished batch (those no other file imports)."""
        for loader in {id(loader): loader for _loaded, _config, loader in prepared}.values():
            imported = {path for other in loader.files.values() for path in other.imported}
            for loaded, _config, owner in prepared:
                if owner is loader and loaded.path not in imported and loader.files.get(loaded.path) is loaded:
                    del loader.files[loaded.path]
            kept = {other.display for other in loader.files.values()}
            for loaded, _config, owner in prepared:
                if owner is loader and loaded.display not in kept:
                    self.sources.pop(loaded.display, None)


def _in_report_order(displays: list[str], per_file: list[list[Finding]]) -> bool:
    """Whether the files' findings, concatenated, are already sorted and unique: each
    file's list is (``_finish``), so it is enough that every finding is on its own
    file's path and the paths come in increasing order."""
    previous = None
    for display, findings in zip(displays, per_file):
        if not findings:
            continue
        if (previous is not None and display <= previous) or any(f.path != display for f in findings):
            return False
        previous = display
    return True


def _dependencies(loaded: LoadedFile, loader: Loader) -> list[Path]:
    """Every path the file's imports asked for, transitively (found or not)."""
    seen: list[Path] = []
    queue = list(loaded.requested)
    while queue:
        path = queue.pop(0)
        if path in seen or path == loaded.path:
            continue
        seen.append(path)
        other = loader.files.get(path)
        if other is not None:
            queue.extend(other.requested)
    if loaded.model is not None:  # v2: the local asset files the A rules read (a missing one counts too)
        from .assets import is_remote

        for campaign in loaded.model.campaigns:
            for message in campaign.messages:
                for asset in message.all_assets():
                    if not is_remote(asset.path.value):
                        target = Path(os.path.abspath(loaded.path.parent / asset.path.value))
                        if target not in seen:
                            seen.append(target)
    return seen

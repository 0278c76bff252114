"""The engine: files → model → rules → findings (→ fixes).

Data flows one way.  ``lint`` walks the paths, finds each file's
configuration, loads the file with its imports (front-end findings E001–E008),
runs every selected rule on every campaign, applies ``# noqa``, severity
overrides and per-file ignores, and returns the findings sorted.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import safe_io
from .language import memo
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
from .discovery import UsageError, discover_files  # noqa: F401  (the engine's API)

if TYPE_CHECKING:  # pragma: no cover - the loader and model (lark, pydantic) load lazily:
    from .cache import CachedFile, FileRow
    from .frontend.loader import LoadedFile, Loader  # a run answered from the cache never needs them
    from .model import Campaign, Located


# --------------------------------------------------------------- the linter

class RunResult:
    """What ``Linter.lint`` found.  ``findings`` are decoded from the compact rows of the
    run (cache hits, workers) on first use; ``rendered`` is set when the text report of
    the run is just the files' stored renderings in order (``Rendered``), so the command
    line can print it without decoding a finding."""

    def __init__(self, findings: list[Finding] | None = None, files: list[str] | None = None):
        self._findings: list[Finding] = findings if findings is not None else []
        self._lazy = None
        self.files: list[str] = files if files is not None else []
        self.fixed: dict[str, int] = {}  # display path → fixes applied
        self.fix_notes: list[str] = []
        self.fix_log: list[tuple[str, str, int, str]] = []  # path, code, line, description
        self.rendered: Rendered | None = None

    @property
    def findings(self) -> list[Finding]:
        if self._lazy is not None:
            self._findings, self._lazy = self._lazy(), None
        return self._findings

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._findings, self._lazy, self.rendered = value, None, None


@dataclass
class Rendered:
    """The text report's lines of a run, as stored per file, and what its summary counts."""

    texts: list[bytes]  # per file: one line a finding, each ending with a newline (UTF-8)
    counts: list[int]  # errors, warnings, info, safe fixes, unsafe fixes


#: files loaded, checked and released together by ``Linter.lint``
BATCH_FILES = 32


class FileOutcome:
    """The result of linting one file: its findings (as objects, or as a compact row that
    decodes them on first use), the files it depends on, its project-scope summary."""

    def __init__(self, findings: list[Finding] | None, dependencies: list[Path] | None = None,
                 summary: str | None = None, row: "FileRow | None" = None, cached: "CachedFile | None" = None):
        self._findings = findings
        #: every import target asked for, directly or not (absolute; found or not), and asset files
        self.dependencies = dependencies or []
        self._summary = summary
        self._row = row
        self._cached = cached  # a cache hit: its summaries are read only if the project phase needs them

    @property
    def summary(self) -> str | None:
        """The JSON of the file's project-scope summaries (``Linter.summary_of``), None without project rules."""
        if self._cached is not None:
            self._summary = None if self._cached.digest is None else self._cached.fetch()
            self._cached = None
        return self._summary

    @property
    def summary_digest(self) -> str | None:
        from .cache import summary_digest

        return self._cached.digest if self._cached is not None else summary_digest(self._summary)

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = self._row.decode() if self._row is not None else []
        return self._findings

    @property
    def row(self) -> "FileRow":
        """The compact form: findings JSON, text rendering, counts (made once)."""
        if self._row is None:
            from .cache import FileRow

            self._row = FileRow.of(self._findings or [])
        return self._row

    def compact(self) -> "FileOutcome":
        """The same outcome holding only strings and numbers, the findings' JSON compressed (what a
        worker sends back, what a run keeps until it reports)."""
        return FileOutcome(None, self.dependencies, self._summary, self.row.shrink(), self._cached)


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
        self._suppressions: tuple | None = None  # (the file last finished, its # noqa comments)

    @functools.cached_property
    def rules(self) -> dict[str, Rule]:
        return load_all_rules()

    @functools.cached_property
    def nlp(self):
        """This linter's analyses and facts of texts (bounded LRUs; made on the first file linted)."""
        from .language.nlp import NLP

        return NLP()

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
        phase = self._project_phase([(path, linted_root, FileOutcome(None, summary=self.summary_of(loaded, config)))])
        project = phase.findings if phase is not None else []
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

    def summary_of(self, loaded: LoadedFile, config: Config) -> str | None:
        """The file's project-scope summaries, as JSON: each enabled project-scope rule's ``summarize``
        of it, and its ``# noqa`` comments (the project phase applies them).  None: no such rule."""
        rules = [rule for rule in self.rules.values()
                 if rule.scope == "project" and config.enabled(rule.code, rule.name)]
        if not rules:
            return None
        import json

        from . import noqa

        ctx = FileContext(self.sources, loaded, config, self.rules, self.nlp)
        summaries = {rule.code: rule.summarize(ctx) if loaded.model is not None else None for rule in rules}
        comments: list = []
        if (loaded.document is not None and loaded.source is not None
                and any("noqa" in comment.text.lower() for comment in loaded.document.comments)):
            last = self._suppressions
            suppressions = last[1] if last is not None and last[0] is loaded else noqa.collect(loaded.document,
                                                                                               loaded.source)
            comments = [[s.first_line, s.last_line, s.codes] for s in suppressions]
        return json.dumps({"rules": summaries, "noqa": comments}, separators=(",", ":"))

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
            self._suppressions = (loaded, suppressions)  # summary_of reads them again
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
            linted_root = Path(os.path.abspath(raw)) if Path(raw).is_dir() else None
            files.extend((path, linted_root) for path in discover_files([raw]))
        outcomes: list[FileOutcome] = [FileOutcome([]) for _ in files]
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
                    outcomes[index] = FileOutcome(None, row=hit.row, cached=hit)
        if pending:
            work = [files[index] for index in pending]
            from .parallel import lint_in_workers, workers_for

            workers = workers_for(jobs, len(work))
            fresh = (lint_in_workers(functools.partial(Linter, self.options, self.cwd), work, workers)
                     if workers > 1 else self.lint_many(work))
            for index, outcome in zip(pending, fresh):
                outcomes[index] = outcome = outcome.compact()  # strings only: memory stays flat
                if store is not None:
                    store.put(files[index][0], files[index][1], outcome)
        # v2: the project-scope phase, over the files' summaries
        phase = self._project_phase([(path, root, outcome) for (path, root), outcome in zip(files, outcomes)], store)
        if store is not None:
            store.flush()
        stdin: list[Finding] = []
        if "-" in paths:
            name = Path(os.path.abspath(stdin_filename or "stdin.camp"))
            result.files.append(self._display(name))
            stdin = self.lint_file(name, text=stdin_text or "")
        in_order = (not stdin and (phase is None or not sum(phase.row.counts[:3]))
                    and _in_report_order(result.files, [outcome.row for outcome in outcomes]))
        if in_order:  # each file's findings on its own path, paths in order: the report is the rows as they are
            totals = [sum(numbers) for numbers in zip(*(outcome.row.counts for outcome in outcomes))] or [0] * 5
            result.rendered = Rendered([outcome.row.rendered for outcome in outcomes], totals)
        fallback = [(files[index], outcome) for index, outcome in enumerate(outcomes)]

        def decode() -> list[Finding]:
            found = [finding for (path, root), outcome in fallback for finding in self._decoded(path, root, outcome)]
            if in_order:
                return found
            return unique_sorted(found + (phase.findings if phase is not None else []) + stdin)

        result._lazy = decode
        return result

    def _decoded(self, path: Path, root: Path | None, outcome: FileOutcome) -> list[Finding]:
        """A file's findings from its row; should its stored JSON have gone (another run rebuilt the
        cache meanwhile), the file is linted again."""
        try:
            return outcome.findings
        except ValueError:
            return next(iter(self.lint_many([(path, root)]))).findings

    # -- project scope (v2) ------------------------------------------------
    def lint_project(self, files: list[tuple[Path, Path | None]], store=None,
                     overrides: dict[Path, str] | None = None) -> list[Finding]:
        """The project-scope findings of ``files`` alone (the language server's workspace folder):
        each file is loaded (``overrides``: unsaved texts), summarised and released, one at a time,
        then ``_project_phase`` runs over the summaries."""
        if not files or not any(getattr(r, "scope", None) == "project" for r in self.project.rules.values()):
            return []
        entries = []
        fresh: list[tuple[Loader, Path, str]] = []
        for path, linted_root in files:
            path = Path(os.path.abspath(path))
            config = self.config_for(path)
            loader = self.loader_for(config, self.project_root(config, path, linted_root), overrides)
            loaded = loader.files.get(path)
            if loaded is None:
                loaded = loader.load(path)
                fresh.append((loader, path, loaded.display))
            if loaded.source is not None:  # positions come from the text this phase read (unsaved ones included)
                self.sources[loaded.display] = loaded.source
            entries.append((path, linted_root, FileOutcome(None, summary=self.summary_of(loaded, config))))
        for loader, path, display in fresh:  # forget what this phase loaded (a later file may have imported it)
            if not any(path in other.imported for other in loader.files.values()):
                loader.files.pop(path, None)
                self.sources.pop(display, None)
        phase = self._project_phase(entries, store)
        return phase.findings if phase is not None else []

    def _project_phase(self, entries: list[tuple[Path, Path | None, FileOutcome]], store=None) -> FileOutcome | None:
        """The second phase: project-scope rules over the summaries of every campaign file of the run.

        A rule declares ``scope = "project"``, a ``summarize(ctx)`` run on each file in the file
        phase (``summary_of``: JSON, cached with the file's findings) and a ``check_project(ctx)``
        that sees every file's summary (``context.ProjectContext``, never a model) and reports on
        those files only.  Its findings go through each file's configuration and ``# noqa`` like
        any other.  Results are cached under a key made of every file of the run, its context and
        its summaries (``cache.ResultCache.get_project``): a change to any summary re-runs this
        phase, and only it.  None: no project-scope rule exists.
        """
        # the catalogue says whether there are project-scope rules: a warm run imports no rule
        if not entries or not any(getattr(r, "scope", None) == "project" for r in self.project.rules.values()):
            return None
        digests = [(path, root, outcome.summary_digest) for path, root, outcome in entries]
        if store is not None:
            cached = store.get_project(digests)
            if cached is not None:
                return FileOutcome(None, row=cached)
        import json

        from . import noqa
        from .context import ProjectContext, ProjectFile

        rules = [rule for rule in self.rules.values() if rule.scope == "project"]
        per_rule: dict[str, list[ProjectFile]] = {rule.code: [] for rule in rules}
        by_display: dict[str, tuple[Path, list]] = {}
        for path, root, outcome in entries:
            try:
                summary = outcome.summary
            except ValueError:  # the cache changed meanwhile: summarise the file again
                summary = next(iter(self.lint_many([(path, root)]))).summary
            if summary is None:
                continue
            data = json.loads(summary)
            display = self._display(path)
            by_display[display] = (path, data["noqa"])
            for code, value in data["rules"].items():
                if code in per_rule:
                    per_rule[code].append(ProjectFile(display, value))
        per_file: dict[str, list[Finding]] = {}
        for rule in rules:
            if not per_rule[rule.code]:
                continue
            for finding in rule.check_project(ProjectContext(per_rule[rule.code])):
                known = by_display.get(finding.path)
                config = self.config_for(known[0]) if known is not None else None
                if config is None or not config.enabled(finding.code, finding.rule_name, finding.path):
                    continue
                finding.severity = config.severity_of(finding.code, finding.severity)
                per_file.setdefault(finding.path, []).append(finding)
        found: list[Finding] = []
        for display, findings in per_file.items():
            comments = [noqa.Suppression(0, 0, 0, codes, first, last) for first, last, codes in by_display[display][1]]
            found.extend(noqa.apply(findings, comments))
        found.sort(key=Finding.sort_key)
        outcome = FileOutcome(found)
        if store is not None:
            store.put_project(digests, outcome.row)
        return outcome

    def lint_many(self, files: list[tuple[Path, Path | None]]):
        """Lint files on disk in order, ``BATCH_FILES`` at a time; yields a ``FileOutcome`` each.

        Each batch is loaded, checked, then released (models and sources; the
        per-text memos and the language service's facts are emptied after each
        file), so memory does not grow with the number of files.  Files imported by others stay loaded.
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
                findings = self.findings_for(loaded, config)
                outcome = FileOutcome(findings, _dependencies(loaded, loader), self.summary_of(loaded, config))
                memo.clear()  # the file's texts are done: their memos and facts would only fill memory
                self.nlp.clear()
                yield outcome
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


def _in_report_order(displays: list[str], rows: list[FileRow]) -> bool:
    """Whether the files' findings, concatenated, are already sorted and unique: each
    file's list is (``_finish``), so it is enough that every finding is on its own
    file's path and the paths come in increasing order."""
    previous = None
    for display, row in zip(displays, rows):
        if row.path == "":  # no finding
            continue
        if (previous is not None and display <= previous) or row.path != display:
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

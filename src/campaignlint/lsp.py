"""The language server (``campaignlint lsp``), on standard input/output (pygls 2).

* Diagnostics when a document is opened or saved, and ~300 ms after the last
  change: the editor's unsaved text is linted (``Linter.lint_file(path,
  text=…)``) with the configuration found from the file's folder; findings in
  files it imports are published for those files too.
* The server never blocks: lints run on one worker thread, off the event
  loop, so hovers, code actions and formatting are answered while a lint runs.
  A lint's result is dropped if the document changed meanwhile (the newer
  version's lint is already queued).  Each folder keeps its ``Linter`` (rules,
  grammar, language service) between keystrokes; its configuration and the
  imported files are read again for every lint, so an edited import or
  ``campaignlint.toml`` is seen at once.
* Positions: findings count code points; LSP clients count UTF-16 code units
  by default (or what was negotiated): every position goes through the
  workspace's position codec, so an emoji before a word still puts the
  squiggle under that word.
* Quick fixes: one code action per finding with a fix ("Fix CODE:
  description", "(unsafe)" for unsafe ones, safe ones preferred), plus a
  "fix all" source action applying every safe fix.
* Project-scope rules (P006) run over every campaign file of the document's
  workspace folder (``lsp_project``; unsaved texts first), debounced, on their
  own thread (stale results dropped), and their diagnostics go to every file
  they concern, open or not.
* Hover on a finding: its rule's documentation (``campaignlint explain``); elsewhere the v2 construct (kept model).
* Document formatting with the formatter (``campaignlint fmt``).
* Robust framing (``read_frames``): a frame with a bad ``Content-Length`` (not a
  number, shorter or longer than its body, absurdly large) or a body that is not
  JSON is dropped and logged, and the reader finds the next frame — pygls's own
  loop would stay out of step for good.  Requests about a document the client
  never opened get an empty answer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from . import __version__, lsp_lang
from .findings import Applicability, Finding, Severity
from .i18n import gettext as _
from .lsp_frames import read_frames
from .lsp_hover import Kept, hover_in, loaded_for
from .lsp_project import ProjectFinding, ProjectPhases, folder_of, project_codes

DEBOUNCE_SECONDS = 0.3
#: syntax and schema diagnostics are published on their own if the whole lint takes longer than this
EARLY_SECONDS = 0.25
SOURCE = "campaignlint"
FIX_ALL_KIND = "source.fixAll.campaignlint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

log = logging.getLogger(__name__)


@dataclass
class Entry:
    """A finding, its diagnostic, and the text its offsets refer to."""

    finding: Finding
    diagnostic: types.Diagnostic
    text: str  # the linted text (BOM removed)
    had_bom: bool


class CampaignServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        #: origin document → target uri → entries (a lint of one document may report on its imports)
        self.contributions: dict[str, dict[str, list[Entry]]] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._project_codes: set[str] | None = None
        self._linters: dict[Path, object] = {}  # folder → Linter, kept between keystrokes
        self._linters_lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="campaignlint-lint")
        self._generation: dict[str, int] = {}  # uri → number of the latest lint asked for
        self._delivered: dict[str, int] = {}  # uri → number of the last lint published in full
        self._project = ProjectPhases()  # project-scope rules, on their own thread
        self.kept = Kept()  # uri → the file its last lint loaded (the hovers answer from it)

    def _start_io_async(self, stdin=None, stdout=None):
        """pygls's stdio server with ``read_frames`` as its message loop."""
        from pygls.io_ import StdinAsyncReader, StdoutWriter

        self._stop_event = threading.Event()
        reader = StdinAsyncReader(stdin or sys.stdin.buffer, self.thread_pool)
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(read_frames(self._stop_event, reader, self.protocol, log, self.report_server_error))
        except BrokenPipeError:
            log.error("Connection to the client is lost! Shutting down the server.")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def shutdown(self):
        """The queued lints and project phases are dropped: the editor is gone."""
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._project.close()
        super().shutdown()

    # ------------------------------------------------------------ positions
    def _lines(self, text: str) -> list[str]:
        return text.split("\n")

    def to_client(self, lines: list[str], had_bom: bool, line: int, column: int) -> types.Position:
        """1-based (line, code-point column) → LSP position in the negotiated units."""
        codec = self.workspace.position_codec
        position = codec.position_to_client_units(lines, types.Position(line=line - 1, character=column - 1))
        if had_bom and position.line == 0:
            position = types.Position(line=0, character=position.character + codec.client_num_units("\ufeff"))
        return position

    def offset_to_client(self, text: str, lines: list[str], had_bom: bool, offset: int) -> types.Position:
        before = text[:offset]
        line = before.count("\n") + 1
        column = offset - (before.rfind("\n") + 1) + 1
        return self.to_client(lines, had_bom, line, column)

    # ------------------------------------------------------------ linting
    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        self._project_changed(uri)
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self._pending[uri] = loop.call_later(delay, self._lint_now, uri)

    def _lint_now(self, uri: str) -> None:
        """Hand the document's current text to the lint thread; publish back on the loop."""
        self._pending.pop(uri, None)
        generation = self._generation[uri] = self._generation.get(uri, 0) + 1
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        others = self._open_texts(uri)
        loop = asyncio.get_running_loop()

        def work() -> None:
            if self._generation.get(uri) != generation:
                return  # a newer lint of this document is queued: skip this one
            def early(entries: dict) -> None:  # syntax/schema first, if the rules take a while
                loop.call_soon_threadsafe(self._early, uri, generation, version, entries)

            try:
                result = self.compute(uri, text, early, others)
            except Exception as error:  # never let one bad file kill the server
                log.exception("campaignlint failed on %s", uri)
                message = _("campaignlint failed on {uri}: {kind}: {error}").format(
                    uri=uri, kind=type(error).__name__, error=error)
                loop.call_soon_threadsafe(self.window_log_message, types.LogMessageParams(
                    type=types.MessageType.Error, message=message))
                return
            loop.call_soon_threadsafe(self._deliver, uri, generation, version, result)

        self._worker.submit(work)
        fs_path = to_fs_path(uri)
        folder_root = self.workspace_folder(Path(os.path.abspath(fs_path))) if fs_path else None
        if folder_root is not None:  # project-scope rules over the workspace folder, debounced
            self.schedule_project(folder_root)

    def _early(self, uri: str, generation: int, version, by_target) -> None:
        """Publish the front-end diagnostics if the full lint is not done ``EARLY_SECONDS`` later."""
        def publish() -> None:
            if self._generation.get(uri) == generation and self._delivered.get(uri) != generation:
                self._publish_result(uri, by_target)
        asyncio.get_running_loop().call_later(EARLY_SECONDS, publish)

    def _deliver(self, uri: str, generation: int, version, by_target) -> None:
        if by_target is None or self._generation.get(uri) != generation:
            return  # stale: the document changed while it was linted
        document = self.workspace.text_documents.get(uri) if hasattr(self.workspace, "text_documents") else None
        if document is not None and version is not None and document.version != version:
            return
        self._delivered[uri] = generation
        self._publish_result(uri, by_target)

    def linter_for(self, folder: Path):
        """The folder's ``Linter`` (kept), with its configuration and loaded files forgotten."""
        from .engine import Linter, Options
        from .project import Project

        with self._linters_lock:
            linter = self._linters.get(folder)
            if linter is None:
                linter = self._linters[folder] = Linter(Options(), cwd=folder)
            else:  # read configuration and imports again: they may have changed
                linter.project = Project(linter.options, linter.cwd, linter.project.rules)
                linter._loaders.clear()
                linter.sources.clear()
        lsp_lang.apply(linter)  # the folder's `lang`, else the client's locale
        return linter

    def lint(self, uri: str) -> None:
        """Lint the open document ``uri`` now (on the calling thread) and publish its diagnostics."""
        document = self.opened(uri)
        if document is None:
            return
        result = self.compute(uri, document.source)
        if result is not None:
            self._publish_result(uri, result)

    def _open_texts(self, uri: str | None) -> dict[Path, str]:
        """The unsaved texts of the open documents but ``uri`` (imports are read from the editor)."""
        documents = getattr(self.workspace, "text_documents", {}) or {}
        found = {}
        for other, document in documents.items():
            fs_path = to_fs_path(other) if other != uri else None
            if fs_path is not None:
                found[Path(os.path.abspath(fs_path))] = document.source
        return found

    def compute(self, uri: str, text: str, early=None, others: dict[Path, str] | None = None
                ) -> dict[str, list[Entry]] | None:
        """Lint ``text`` as the document ``uri``: entries by target uri (on the lint thread).

        ``early`` gets the front-end (syntax and schema) entries as soon as they are known."""
        from .config import ConfigError
        from .engine import UsageError

        fs_path = to_fs_path(uri)
        if fs_path is None:
            return None
        path = Path(os.path.abspath(fs_path))
        folder = path.parent
        by_target: dict[str, list[Entry]] = {}
        try:
            linter = self.linter_for(folder)

            def front_end(findings: list[Finding]) -> None:
                if early is not None and findings:  # nothing to say early: keep the previous diagnostics
                    early(self._by_target(linter, findings, uri, path, folder))

            findings = linter.lint_file(path, text=text, front_end=front_end, other_texts=others)
            self.kept.keep(uri, text, linter.loaded(path))
        except (ConfigError, UsageError) as error:
            diagnostic = types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                message=_("campaignlint cannot run: {error}").format(error=error),
                severity=types.DiagnosticSeverity.Error, source=SOURCE)
            by_target[uri] = [Entry(Finding("config", Severity.ERROR, str(error), "", None), diagnostic, "", False)]  # type: ignore[arg-type]
        else:
            if self.workspace_folder(path) is not None:  # the workspace's project phase reports these
                self._project_codes = self._project_codes or project_codes()
                findings = [f for f in findings if f.code not in self._project_codes]
            by_target = self._by_target(linter, findings, uri, path, folder)
        return by_target

    def _by_target(self, linter, findings: list[Finding], uri: str, path: Path, folder: Path) -> dict[str, list[Entry]]:
        by_target: dict[str, list[Entry]] = {}
        for finding in findings:
            source = linter.sources.get(finding.path)
            text, had_bom = (source.text, source.had_bom) if source is not None else ("", False)  # E008: line 1
            target_path = Path(finding.path) if os.path.isabs(finding.path) else folder / finding.path
            target = uri if os.path.abspath(target_path) == str(path) else from_fs_path(os.path.abspath(target_path))
            if target is None:
                continue
            by_target.setdefault(target, []).append(self._entry(finding, text, had_bom))
        return by_target

    def _publish_result(self, uri: str, by_target: dict[str, list[Entry]]) -> None:
        previous = self.contributions.get(uri, {})
        self.contributions[uri] = by_target
        by_target.setdefault(uri, [])
        for target in {*previous, *by_target}:
            self.publish(target)

    # ------------------------------------------------------------ project scope (v2)
    def workspace_folder(self, path: Path) -> Path | None:
        folders = [Path(p) for p in (to_fs_path(f.uri) for f in self.workspace.folders.values()) if p]
        if not folders and self.workspace.root_path:
            folders = [Path(self.workspace.root_path)]
        return folder_of(path, [Path(os.path.abspath(f)) for f in folders])

    def schedule_project(self, folder: Path, delay: float = DEBOUNCE_SECONDS) -> None:
        key = f"project:{folder}"
        handle = self._pending.pop(key, None)
        if handle is not None:
            handle.cancel()
        self._pending[key] = asyncio.get_running_loop().call_later(delay, self._lint_project_now, folder)

    def _project_changed(self, uri: str) -> Path | None:
        """``uri`` changed: a project phase under way for its workspace folder (returned) is stale."""
        fs_path = to_fs_path(uri)
        folder = self.workspace_folder(Path(os.path.abspath(fs_path))) if fs_path else None
        if folder is not None:
            self._project.changed(folder)
        return folder

    def _lint_project_now(self, folder: Path) -> None:  # the open documents' texts are read now, on the loop
        self._pending.pop(f"project:{folder}", None)
        self._project.submit(folder, self._open_texts(None), asyncio.get_running_loop(), self._publish_project,
                             self._project_failed)

    def _project_failed(self, folder: Path, error: Exception) -> None:
        log.error("campaignlint failed on the workspace %s", folder, exc_info=error)
        self.window_log_message(types.LogMessageParams(
            type=types.MessageType.Error, message=_("campaignlint failed on {uri}: {kind}: {error}").format(
                uri=folder, kind=type(error).__name__, error=error)))

    def _publish_project(self, folder: Path, found: list[ProjectFinding]) -> None:
        """The project-scope diagnostics of ``folder`` go to every file they concern (and leave the others)."""
        by_target: dict[str, list[Entry]] = {}
        for item in found:
            target = from_fs_path(str(item.path))
            if target is not None:
                by_target.setdefault(target, []).append(self._entry(item.finding, item.text, item.had_bom))
        origin = f"project:{folder}"
        previous = self.contributions.get(origin, {})
        self.contributions[origin] = by_target
        for target in {*previous, *by_target}:
            self.publish(target)

    def _entry(self, finding: Finding, text: str, had_bom: bool) -> Entry:
        lines = self._lines(text)
        where = finding.range
        diagnostic = types.Diagnostic(
            range=types.Range(start=self.to_client(lines, had_bom, where.start_line, where.start_column),
                              end=self.to_client(lines, had_bom, where.end_line, where.end_column)),
            message=finding.message,
            severity=SEVERITIES[finding.severity],
            code=finding.code,
            source=SOURCE,
        )
        return Entry(finding, diagnostic, text, had_bom)

    def entries(self, target: str) -> list[Entry]:
        """Every origin's entries for ``target``, without duplicates."""
        seen: set[tuple] = set()
        found = []
        for origin in sorted(self.contributions, key=lambda o: o != target):  # the document's own lint first
            for entry in self.contributions[origin].get(target, []):
                d = entry.diagnostic
                key = (d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                if key not in seen:
                    seen.add(key)
                    found.append(entry)
        return found

    def publish(self, target: str) -> None:
        version = None
        document = self.workspace.text_documents.get(target) if hasattr(self.workspace, "text_documents") else None
        if document is not None:
            version = document.version
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=target, diagnostics=[entry.diagnostic for entry in self.entries(target)], version=version))

    def forget(self, uri: str) -> None:
        self._generation[uri] = self._generation.get(uri, 0) + 1  # a running lint's result is dropped
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        previous = self.contributions.pop(uri, {})
        self.kept.forget(uri)
        for target in {*previous, uri}:
            self.publish(target)
        folder = self._project_changed(uri)
        if folder is not None:  # the disk text replaces the closed buffer's
            self.schedule_project(folder)

    # ------------------------------------------------------------ features
    def opened(self, uri: str):
        """The document the client opened, or None (pygls would read a never-opened one from disk)."""
        from urllib.parse import unquote

        return self.workspace.text_documents.get(unquote(uri))  # pygls keys its documents so

    def current_text(self, uri: str) -> tuple[str, bool] | None:
        document = self.opened(uri)
        if document is None:
            return None
        source = document.source
        return (source[1:], True) if source.startswith("\ufeff") else (source, False)

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        current = self.current_text(uri)
        if current is None:  # never opened: nothing to offer
            return []
        text, _bom = current
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        fixable = [e for e in self.entries(uri) if e.finding.fix is not None and e.finding.fix.edits and e.text == text]
        if wanted is None or any(kind.startswith(types.CodeActionKind.QuickFix) for kind in wanted):
            for entry in fixable:
                if not _overlaps(entry.diagnostic.range, params.range):
                    continue
                fix = entry.finding.fix
                assert fix is not None
                unsafe = fix.applicability is Applicability.UNSAFE
                title = (_("Fix {code}: {fix} (unsafe)") if unsafe else _("Fix {code}: {fix}")).format(
                    code=entry.finding.code, fix=fix.description or _("apply the fix"))
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[entry.diagnostic],
                    is_preferred=not unsafe, edit=types.WorkspaceEdit(changes={uri: self._edits(entry)})))
        if wanted is not None and any(FIX_ALL_KIND.startswith(kind) or kind.startswith(FIX_ALL_KIND) for kind in wanted) or (
                wanted is None and any(e.finding.fix.applicability is Applicability.SAFE for e in fixable)):  # type: ignore[union-attr]
            action = self._fix_all(uri)
            if action is not None:
                actions.append(action)
        return actions

    def _edits(self, entry: Entry) -> list[types.TextEdit]:
        lines = self._lines(entry.text)
        assert entry.finding.fix is not None
        return [types.TextEdit(
            range=types.Range(start=self.offset_to_client(entry.text, lines, entry.had_bom, edit.start),
                              end=self.offset_to_client(entry.text, lines, entry.had_bom, edit.end)),
            new_text=edit.replacement) for edit in entry.finding.fix.edits]

    def _fix_all(self, uri: str) -> types.CodeAction | None:
        from .engine import Linter, Options
        from .fixes import fix_file

        fs_path = to_fs_path(uri)
        if fs_path is None:
            return None
        path = Path(os.path.abspath(fs_path))
        document = self.opened(uri)
        if document is None:  # never opened: nothing to fix
            return None
        outcome = fix_file(Linter(Options(), cwd=path.parent), path, unsafe=False, text=document.source)
        if not outcome.changed:
            return None
        return types.CodeAction(title=_("Fix all safe campaignlint problems"), kind=FIX_ALL_KIND,
                                edit=types.WorkspaceEdit(changes={uri: [self._whole(document.source, _keep_bom(document.source, outcome.fixed))]}))

    def _whole(self, before: str, after: str) -> types.TextEdit:
        lines = before.split("\n")
        codec = self.workspace.position_codec
        end = types.Position(line=len(lines) - 1, character=codec.client_num_units(lines[-1]))
        return types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=after)

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        from .docs import explain_text
        from .rule import REGISTRY
        from .registry import load_all_rules

        load_all_rules()
        position = params.position
        parts = []
        hit = None
        for entry in self.entries(params.text_document.uri):
            if not _contains(entry.diagnostic.range, position):
                continue
            hit = hit or entry.diagnostic.range
            finding = entry.finding
            rule = REGISTRY.get(finding.code)
            if rule is not None:
                parts.append(f"**{finding.code} {rule.name}**: {finding.message}\n\n```text\n{explain_text(rule)}\n```")
            else:
                parts.append(_("**{code}** (custom rule `{rule}`): {message}").format(
                    code=finding.code, rule=finding.rule_name or finding.code, message=finding.message))
        if not parts:
            return await self.construct_hover(params)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                           range=hit)

    async def construct_hover(self, params: types.HoverParams) -> types.Hover | None:
        """Hover away from a finding: what the v2 construct under the cursor is (``lsp_hover``), from the file
        the last lint of this text loaded; if there is none yet, loaded on another thread (and kept)."""
        uri = params.text_document.uri
        fs_path, document = to_fs_path(uri), self.opened(uri)
        if fs_path is None or document is None:  # never opened: nothing to say
            return None
        source = document.source
        text, bom = (source[1:], True) if source.startswith("\ufeff") else (source, False)
        position = self.workspace.position_codec.position_from_client_units(text.split("\n"), params.position)
        column = position.character - (1 if bom and position.line == 0 else 0)
        still = lambda: self.opened(uri) is document and document.source == source  # noqa: E731
        loaded = await loaded_for(self.kept, uri, source, Path(fs_path), still)
        value = hover_in(loaded, Path(fs_path), position.line, max(column, 0))
        return None if value is None else types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value))

    def formatting(self, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        from .formatter import FormatError, format_text
        from .frontend.parser import SyntaxProblem

        document = self.opened(params.text_document.uri)
        if document is None:  # never opened: nothing to format
            return None
        source = document.source
        text, bom = (source[1:], True) if source.startswith("\ufeff") else (source, False)
        try:
            formatted = format_text(text)
        except (SyntaxProblem, FormatError, RecursionError):
            return None  # the E001 diagnostic already says why
        if formatted == text:
            return []
        return [self._whole(source, ("\ufeff" if bom else "") + formatted)]


def _keep_bom(before: str, after: str) -> str:
    return "\ufeff" + after if before.startswith("\ufeff") and not after.startswith("\ufeff") else after


def _key(position: types.Position) -> tuple[int, int]:
    return (position.line, position.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _contains(r: types.Range, position: types.Position) -> bool:
    return _key(r.start) <= _key(position) <= _key(r.end)


_WARM_UP_TEXT = """campaign warm_up {
  name "Soldes d'été"
  language fr
  period 2027-06-24 .. 2027-07-21
  channel instagram
  message ig {
    channel instagram
    body "Découvrez notre collection 🌱 sur https://verdure.fr/ete #LEteEnLin : vous allez adorer !"
  }
  message en {
    channel linkedin
    language en
    body "Our dashboards explain themselves. Book a demo at https://northwind.io today."
  }
}
"""


def _warm_up() -> None:
    """Load what the first lint needs (rules, grammar, lemma table, the libraries the rules
    load on first use: emoji, hyphenation, language detection…) by linting a small sample."""
    import tempfile

    try:
        from .engine import Linter, Options

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "warm_up.camp"
            Linter(Options(), cwd=Path(folder)).lint_file(path, text=_WARM_UP_TEXT)
    except Exception:  # only an optimisation
        log.debug("warm-up failed", exc_info=True)


def make_server() -> CampaignServer:
    server = CampaignServer()
    lsp_lang.register(server)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: CampaignServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: CampaignServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: CampaignServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: CampaignServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    def code_action(ls: CampaignServer, params: types.CodeActionParams):
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: CampaignServer, params: types.HoverParams):
        return await ls.hover(params)

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: CampaignServer, params: types.DocumentFormattingParams):
        return ls.formatting(params)

    server._worker.submit(_warm_up)  # on the lint thread, while the client starts and says hello
    return server


def serve() -> None:
    """Run the server on standard input/output until the client exits."""
    logging.basicConfig(level=logging.WARNING, format="campaignlint lsp: %(message)s")
    make_server().start_io()

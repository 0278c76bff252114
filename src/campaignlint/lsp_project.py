"""Project-scope rules in the language server (cli.md "Project-scope rules", v2).

File-scope rules run on the edited document; project-scope rules (P006) see
every campaign file of the workspace folder.  ``project_findings`` runs that
phase for one folder — the open documents' unsaved texts take precedence over
the disk — and hands back each finding with the text its positions refer to,
for whichever file it concerns, open or not.  ``ProjectPhases`` runs it off the
event loop, on its own worker thread, and drops a result that a later change
made stale.  Neither knows anything of LSP: the server (``lsp.py``) debounces
the phase, says when a document changes, and publishes what comes back.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from . import lsp_lang
from .findings import Finding
from .frontend.decode import decode


@dataclass
class ProjectFinding:
    """A project-scope finding, the file it concerns, and that file's text (BOM removed)."""

    path: Path
    finding: Finding
    text: str
    had_bom: bool


def project_codes() -> set[str]:
    """The codes of the project-scope rules."""
    from .registry import load_all_rules

    return {code for code, rule in load_all_rules().items() if rule.scope == "project"}


def folder_of(path: Path, folders: list[Path]) -> Path | None:
    """The innermost workspace folder holding ``path``, or None."""
    holding = [folder for folder in folders if path == folder or folder in path.parents]
    return max(holding, key=lambda folder: len(folder.parts), default=None)


def workspace_files(folder: Path, unsaved: Mapping[Path, str]) -> list[Path]:
    """Every campaign file of ``folder`` (as ``check`` finds them), and the unsaved documents in it."""
    from .engine import discover_files

    found = discover_files([str(folder)])
    seen = set(found)
    for path in sorted(unsaved):
        if path not in seen and path.suffix == ".camp" and folder in path.parents:
            found.append(path)
    return found


def project_findings(folder: Path, unsaved: Mapping[Path, str]) -> list[ProjectFinding]:
    """The project-scope findings over ``folder``'s campaign files; ``unsaved``: open documents' texts."""
    from .engine import Linter, Options

    folder = Path(os.path.abspath(folder))
    texts = {Path(os.path.abspath(path)): text for path, text in unsaved.items()}
    files = workspace_files(folder, texts)
    if not files:
        return []
    linter = Linter(Options(), cwd=folder)
    lsp_lang.apply(linter)
    overrides = {path: text for path, text in texts.items() if path in set(files)}
    found: list[ProjectFinding] = []
    read: dict[Path, tuple[str, bool] | None] = {}
    for finding in linter.lint_project([(path, folder) for path in files], overrides=overrides or None):
        path = Path(finding.path) if os.path.isabs(finding.path) else folder / finding.path
        path = Path(os.path.abspath(path))
        if path not in read:
            read[path] = _text_of(path, overrides)
        text = read[path]
        if text is not None:
            found.append(ProjectFinding(path, finding, text[0], text[1]))
    return found


def _text_of(path: Path, overrides: Mapping[Path, str]) -> tuple[str, bool] | None:
    """The text the phase read: the unsaved one, else the file's (decoded as the loader does)."""
    try:
        data = overrides[path].encode("utf-8", "surrogatepass") if path in overrides else path.read_bytes()
    except OSError:
        return None
    source, _problem = decode(data, str(path), len(data))
    return None if source is None else (source.text, source.had_bom)


class ProjectPhases:
    """The project phase of each workspace folder, run on one worker thread, off the event loop.

    ``submit`` queues a run over a snapshot of the open documents' texts; its
    findings are handed to ``deliver`` on the event loop, unless a document of
    that folder changed since (``changed``): that result is stale and dropped,
    the run the change scheduled will say what holds.  A queued run that is
    already stale when its turn comes is skipped without being run.  The file
    phase has its own thread (``lsp.py``): a long project phase delays neither
    it nor the answers to hovers, code actions and formatting.
    """

    def __init__(self) -> None:
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="campaignlint-project")
        self._generation: dict[Path, int] = {}  # folder → number of changes seen (written on the loop only)

    def close(self) -> None:
        """Drop the queued runs (a running one ends by itself: a thread cannot be stopped)."""
        self._worker.shutdown(wait=False, cancel_futures=True)

    def changed(self, folder: Path) -> None:
        """A document of ``folder`` changed (opened, edited, saved, closed): runs under way are stale."""
        self._generation[folder] = self._generation.get(folder, 0) + 1

    def current(self, folder: Path, generation: int) -> bool:
        return self._generation.get(folder, 0) == generation

    def submit(self, folder: Path, unsaved: Mapping[Path, str], loop: asyncio.AbstractEventLoop,
               deliver: Callable[[Path, list[ProjectFinding]], None],
               failed: Callable[[Path, Exception], None]):
        """Run the phase over ``folder`` on the worker; ``deliver`` or ``failed`` is called on ``loop``."""
        generation = self._generation.get(folder, 0)
        unsaved = dict(unsaved)

        def hand_over(found: list[ProjectFinding]) -> None:  # on the loop, where ``changed`` runs: no race
            if self.current(folder, generation):
                deliver(folder, found)

        def work() -> None:
            if not self.current(folder, generation):
                return  # changed while queued: the newer run is queued behind this one
            try:
                found = project_findings(folder, unsaved)
            except Exception as error:  # never let one bad file kill the server
                loop.call_soon_threadsafe(failed, folder, error)
                return
            loop.call_soon_threadsafe(hand_over, found)

        return self._worker.submit(work)

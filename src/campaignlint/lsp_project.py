"""Project-scope rules in the language server (cli.md "Project-scope rules", v2).

File-scope rules run on the edited document; project-scope rules (P006) see
every campaign file of the workspace folder.  ``project_findings`` runs that
phase for one folder — the open documents' unsaved texts take precedence over
the disk — and hands back each finding with the text its positions refer to,
for whichever file it concerns, open or not.  It knows nothing of LSP: the
server (``lsp.py``) debounces it and publishes what it returns.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

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

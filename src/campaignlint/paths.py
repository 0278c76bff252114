"""How a path is shown in reports (light: no heavy import)."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path, cwd: Path | None = None) -> str:
    """Relative to ``cwd`` (the working folder by default) when the path lies under it, else as given."""
    cwd = cwd or Path.cwd()
    try:
        return os.path.relpath(path, cwd) if str(path).startswith(str(cwd)) else str(path)
    except ValueError:
        return str(path)

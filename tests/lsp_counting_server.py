"""``campaignlint lsp`` counting its parses, with a gate in front of each lint, for tests/test_lsp_kept.py.

The folder named by ``CAMPAIGNLINT_TEST_GATE`` gets one line in ``loads`` per file
the server loads (parses and resolves: ``Loader.load``), the file's path; each
lint (``Linter.lint_file``) waits as long as the file ``hold-lint`` exists there.
The test counts loads instead of timing anything: a hover answered from the model
the last lint kept adds no line.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from campaignlint.engine import Linter
from campaignlint.frontend.loader import Loader
from campaignlint.lsp import serve

GATE = Path(os.environ["CAMPAIGNLINT_TEST_GATE"])
_lock = threading.Lock()
_load, _lint_file = Loader.load, Linter.lint_file


def _counted(self, path, *args, **kwargs):
    with _lock, open(GATE / "loads", "a", encoding="utf-8") as out:
        out.write(f"{os.path.abspath(path)}\n")
    return _load(self, path, *args, **kwargs)


def _gated(self, *args, **kwargs):
    while (GATE / "hold-lint").exists():
        time.sleep(0.01)
    return _lint_file(self, *args, **kwargs)


Loader.load = _counted  # type: ignore[method-assign]
Linter.lint_file = _gated  # type: ignore[method-assign]

if __name__ == "__main__":
    serve()

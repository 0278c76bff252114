"""``campaignlint lsp`` with a gate in front of each project phase, for tests/test_lsp_project.py.

The gate is the folder named by ``CAMPAIGNLINT_TEST_GATE``.  Each project phase
writes ``started-N`` there (N counts the phases from 1), waits as long as the
file ``hold`` exists, runs the real phase (``lsp_project.project_findings``)
and writes ``done-N``.  The test holds a phase open for as long as it needs,
without timing anything: what the server answers meanwhile shows what does and
does not wait for the phase.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

from campaignlint import lsp_project
from campaignlint.lsp import serve

GATE = Path(os.environ["CAMPAIGNLINT_TEST_GATE"])
_real = lsp_project.project_findings
_count = itertools.count(1)


def _gated(folder, unsaved):
    number = next(_count)
    (GATE / f"started-{number}").write_text(str(folder), encoding="utf-8")
    while (GATE / "hold").exists():
        time.sleep(0.01)
    try:
        return _real(folder, unsaved)
    finally:
        (GATE / f"done-{number}").write_text("", encoding="utf-8")


lsp_project.project_findings = _gated

if __name__ == "__main__":
    serve()

"""N001 unused-noqa."""

from __future__ import annotations

from ...findings import Severity
from ...rule import Rule


class UnusedNoqa(Rule):
    """A `# noqa` comment that silences nothing.

    Reported when none of the codes it names (among the rules that ran) had a
    finding on that line or in that block.  The engine reports it after the
    other rules ran (see `noqa.py`).
    """

    code = "N001"
    name = "unused-noqa"
    severity = Severity.INFO
    scope = "front-end"
    why = (
        "Suppressions outlive the problem they hid: once the copy is fixed, a stale "
        "`# noqa` would silently hide the next, real problem on that line."
    )
    example = 'subject "Nos nouveautés de printemps"  # noqa: C002'
    correction = 'subject "Nos nouveautés de printemps"'

"""N001 unused-noqa."""

from __future__ import annotations

from typing import Iterable

from ...context import FileContext
from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...rule import Rule
from ...source import Span


class UnusedNoqa(Rule):
    """A `# noqa` comment that silences nothing.

    Reported when none of the codes it names (among the rules that ran) had a
    finding on that line or in that block.  It runs after every other rule of
    the file and after the `# noqa` comments were applied (scope
    `suppressions`), so it knows which comments were used.
    """

    code = "N001"
    name = "unused-noqa"
    severity = Severity.INFO
    scope = "suppressions"
    why = (
        "Suppressions outlive the problem they hid: once the copy is fixed, a stale "
        "`# noqa` would silently hide the next, real problem on that line."
    )
    example = 'subject "Nos nouveautés de printemps"  # noqa: C002'
    correction = 'subject "Nos nouveautés de printemps"'

    def check_suppressions(self, ctx: FileContext, suppressions: list) -> Iterable[Finding]:
        display = ctx.loaded.display
        for suppression in suppressions:
            message = self._unused(ctx, suppression)
            if message:
                yield ctx.finding(self, Span(display, suppression.start, suppression.end), message)

    @staticmethod
    def _unused(ctx: FileContext, suppression) -> str | None:  # a noqa.Suppression
        if suppression.codes is None:
            return None if suppression.used_any else _("this `# noqa` silences nothing on this line: remove it")
        config = ctx.config
        stale = [code for code in suppression.codes if code not in suppression.used
                 and any(config.enabled(c, r.name) for c, r in ctx.catalogue.items()
                         if (c.startswith(code) or r.name == code) and r.scope != "project")]
        # (project-scope codes are applied by the project phase: a `# noqa: P006` is never stale here)
        if not stale:
            return None
        listed = ", ".join(stale)
        return ngettext("`# noqa: {codes}` silences nothing here: remove it",
                        "`# noqa: {codes}` silences nothing here: remove them", len(stale)).format(codes=listed)

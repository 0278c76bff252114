"""O006 relative-target-without-baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Percent
from ...rule import Rule
from ._shared import format_quantity

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class RelativeTargetWithoutBaseline(Rule):
    """A relative target (`+20%`, a signed percent) has no `baseline`.

    `target +20%` means 20 % more than the `baseline`; without one, the
    figure to reach is unknown.
    """

    code = "O006"
    name = "relative-target-without-baseline"
    severity = Severity.WARNING
    why = (
        "\"+20 % of followers\" only becomes a number to reach once the starting "
        "point is written down: from 12,000 it means 14,400. Without the baseline, "
        "the result will be measured against whatever figure is at hand when the "
        "campaign ends."
    )
    example = "objective abonnes {\n  metric instagram.followers\n  target +20%\n  within 3 months\n}"
    correction = ("objective abonnes {\n  metric instagram.followers\n  baseline 12_000\n"
                  "  target +20%\n  within 3 months\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            target = objective.target
            if isinstance(target, Percent) and target.signed and objective.baseline is None:
                yield ctx.finding(
                    self, objective.where("target"),
                    _("target {target} is relative but objective `{objective}` has no baseline: add "
                      "`baseline` with the starting figure").format(target=format_quantity(target),
                                                                     objective=objective.name),
                )

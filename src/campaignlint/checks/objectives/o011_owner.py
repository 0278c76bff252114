"""O011 objective-without-owner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ObjectiveWithoutOwner(Rule):
    """An objective has no `owner`: nobody is accountable for reaching it."""

    code = "O011"
    name = "objective-without-owner"
    severity = Severity.INFO
    why = (
        "An objective that belongs to everyone is followed by no one. Naming the "
        "person or team in charge makes clear who watches the figure, who raises "
        "the alarm when it drifts and who decides what to change."
    )
    example = "objective ventes {\n  metric orders\n  target 1_500\n  deadline 2027-05-31\n}"
    correction = ('objective ventes {\n  metric orders\n  target 1_500\n  deadline 2027-05-31\n'
                  '  owner "Claire Martin"\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            if not objective.owner:
                yield ctx.finding(self, objective,
                                  _("objective `{objective}` has no owner: name who is accountable for it").format(
                                      objective=objective.name))

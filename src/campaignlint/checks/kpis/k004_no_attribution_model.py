"""K004 no-attribution-model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class NoAttributionModel(Rule):
    """The campaign uses two or more channels and declares no `attribution` model.

    Channels count when the campaign declares them (`channel NAME`) or sends
    a message on them.
    """

    code = "K004"
    name = "no-attribution-model"
    severity = Severity.INFO
    why = (
        "A customer often sees a post, opens an email, then clicks an ad before "
        "buying. Crediting only the last click ignores the channels that built "
        "the interest. Choosing the attribution model (linear, time decay, "
        "U-shaped…) before launch decides how each channel's results will be "
        "compared, and so where the next budget goes."
    )
    example = "campaign soldes {\n  period 2027-01-07 .. 2027-02-03\n  channel instagram\n  channel email\n}"
    correction = ("campaign soldes {\n  period 2027-01-07 .. 2027-02-03\n  attribution linear\n"
                  "  channel instagram\n  channel email\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.attribution:
            return
        channels = list(dict.fromkeys(
            [*campaign.channels, *(m.channel for m in campaign.messages if m.channel)]
        ))
        if len(channels) < 2:
            return
        yield ctx.finding(
            self, campaign,
            _("the campaign uses {count} channels ({channels}) but declares no `attribution` model "
              "(linear, time_decay, u_shaped…): say how each channel gets credit for a conversion").format(
                count=len(channels), channels=names(channels)),
        )

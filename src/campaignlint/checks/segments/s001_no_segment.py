"""S001 no-segment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class NoSegment(Rule):
    """The campaign defines no segment: the whole audience is treated as one.

    Fires once per campaign that has no `segment` (neither its own block nor a
    reference to a shared one).
    """

    code = "S001"
    name = "no-segment"
    severity = Severity.WARNING
    why = (
        "Treating the whole audience as one group is one of the most common "
        "mistakes of multichannel campaigns: the same message then goes to a new "
        "prospect and to a loyal customer, engagement drops and budget is wasted. "
        "Name at least the groups you speak to differently, with the channels "
        "where they really are."
    )
    example = (
        "campaign soldes_hiver {\n  period 2027-01-07 .. 2027-02-03\n\n"
        "  message tweet_1 { channel twitter }\n}"
    )
    correction = (
        "campaign soldes_hiver {\n  period 2027-01-07 .. 2027-02-03\n\n"
        "  segment loyal_customers {\n    description \"Clients ayant acheté deux fois en 12 mois\"\n"
        "    channels email, sms\n  }\n\n"
        "  message email_1 { channel email; segments loyal_customers }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if not campaign.segments:
            yield ctx.finding(
                self, campaign,
                _("campaign `{campaign}` has no segment: every message goes to the whole audience as one; "
                  "define who each message is for with `segment` blocks").format(campaign=campaign.name),
            )

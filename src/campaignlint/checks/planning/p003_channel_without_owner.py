"""P003 channel-without-owner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ChannelWithoutOwner(Rule):
    """A channel of the campaign has no `owner`.

    Looks at the campaign's `channel` blocks (and `channel NAME` lines).
    """

    code = "P003"
    name = "channel-without-owner"
    severity = Severity.INFO
    why = (
        "A multichannel campaign fails at the seams between teams: without a "
        "named owner per channel, nobody schedules, answers comments or pauses an "
        "ad when the offer changes. Clear roles are the first remedy for poor "
        "coordination."
    )
    example = "channel email { budget 2_000 EUR }"
    correction = "channel email { owner \"Équipe CRM\"; budget 2_000 EUR }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for name, channel in ctx.campaign.channels.items():
            if not channel.owner:
                yield ctx.finding(
                    self, channel,
                    _("channel `{name}` has no `owner`: name who runs it in this campaign").format(name=name),
                )

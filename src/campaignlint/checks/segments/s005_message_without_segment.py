"""S005 message-without-segment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MessageWithoutSegment(Rule):
    """A message names no segment while the campaign has several.

    With a single segment (or none) there is no doubt about who a message is
    for, so the rule only fires when the campaign has two segments or more.
    """

    code = "S005"
    name = "message-without-segment"
    severity = Severity.WARNING
    why = (
        "When a campaign speaks to several audiences, a message without a segment "
        "is either sent to everyone — the one-size-fits-all message segmentation "
        "was meant to avoid — or to a group nobody wrote down; coverage and "
        "pressure checks cannot count it either."
    )
    example = (
        "segment urban_runners\nsegment loyal_customers\n\n"
        "message email_lancement {\n  channel email\n}"
    )
    correction = (
        "segment urban_runners\nsegment loyal_customers\n\n"
        "message email_lancement {\n  channel email\n  segments urban_runners, loyal_customers\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if len(campaign.segments) < 2:
            return
        listed = ", ".join(campaign.segments)
        for message in campaign.messages:
            if not message.segments:
                yield ctx.finding(
                    self, message,
                    _("message `{message}` names no segment, while the campaign has {count} ({listed}): add "
                      "`segments` to say who it is for").format(
                        message=message.name, count=len(campaign.segments), listed=listed),
                )

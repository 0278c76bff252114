"""F004 message-without-stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MessageWithoutStage(Rule):
    """A message has no `stage`.

    Without it, the funnel checks (F001–F003, S006) cannot place the message in
    the journey.
    """

    code = "F004"
    name = "message-without-stage"
    severity = Severity.INFO
    why = (
        "Each message has a job in the journey — make people aware, convince, "
        "convert, keep them. Writing the stage down makes that job explicit, and "
        "lets the plan show whether every stage is covered, in order."
    )
    example = "message tweet_1 {\n  channel twitter\n  body \"Les soldes durables commencent jeudi.\"\n}"
    correction = (
        "message tweet_1 {\n  channel twitter\n  stage awareness\n"
        "  body \"Les soldes durables commencent jeudi.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        stages = ", ".join(campaign.funnel)
        for message in campaign.messages:
            if message.stage is None:
                yield ctx.finding(
                    self, message,
                    _("message `{message}` has no `stage` (one of: {stages})").format(
                        message=message.name, stages=stages),
                )

"""P005 message-without-send-time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MessageWithoutSendTime(Rule):
    """A message has no send time `at`.

    Without it, the planning checks (period, pressure per day, funnel order,
    quiet hours) cannot place the message on the calendar.
    """

    code = "P005"
    name = "message-without-send-time"
    severity = Severity.INFO
    why = (
        "A message without a date is a message nobody has scheduled: it is the "
        "one that goes out late, or on the same morning as three others. A shared "
        "calendar is what keeps channels coordinated."
    )
    example = "message email_1 {\n  channel email\n  subject \"Les soldes commencent\"\n}"
    correction = (
        "message email_1 {\n  channel email\n  at 2027-01-07 10:00\n"
        "  subject \"Les soldes commencent\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            if message.at is None and not message.triggered:  # a trigger is a send time (v2)
                yield ctx.finding(
                    self, message,
                    _("message `{message}` has no send time: add `at` with its date and time").format(
                        message=message.name),
                )

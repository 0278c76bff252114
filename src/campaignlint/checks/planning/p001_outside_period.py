"""P001 outside-period."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import format_time, local_time

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class OutsidePeriod(Rule):
    """A message is scheduled outside the campaign period.

    Compares the day of `at` (in the campaign's time zone) with the `period`,
    both ends included.
    """

    code = "P001"
    name = "outside-period"
    severity = Severity.ERROR
    why = (
        "Outside its period a campaign has no budget, no offer and often no "
        "landing page left: a message sent after the end promotes something that "
        "no longer exists, one sent before the start spoils the launch."
    )
    example = (
        "period 2027-01-07 .. 2027-02-03\n\n"
        "message email_1 {\n  channel email\n  at 2027-02-10 10:00\n}"
    )
    correction = (
        "period 2027-01-07 .. 2027-02-03\n\n"
        "message email_1 {\n  channel email\n  at 2027-01-27 10:00\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.period is None:
            return
        start, end = campaign.period
        for message in campaign.messages:
            if message.at is None:
                continue
            local = local_time(message.at, campaign)
            day = local.date()
            if day < start:
                where = _("before the campaign starts on {start}").format(start=start.isoformat())
            elif day > end:
                where = _("after the campaign ends on {end}").format(end=end.isoformat())
            else:
                continue
            yield ctx.finding(
                self, message.where("at"),
                _("message `{message}` is scheduled on {time}, {where} (period {start} .. {end})").format(
                    message=message.name, time=format_time(local), where=where, start=start.isoformat(),
                    end=end.isoformat()),
            )

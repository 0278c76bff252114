"""O005 deadline-outside-period: `deadline` or the end of `within` outside the campaign period."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...language.timeframe import within_end
from ._shared import format_duration

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class DeadlineOutsidePeriod(Rule):
    """An objective's deadline falls outside the campaign period.

    The deadline is `deadline`, or the last day of `within` counted from the
    campaign's first day (`within 3 months` from 2027-03-01 ends on
    2027-05-31).  Both ends of the period are inside it.
    """

    code = "O005"
    name = "deadline-outside-period"
    severity = Severity.ERROR
    why = (
        "Once the campaign is over its budget is spent and its messages have stopped: "
        "a deadline after the end measures results the campaign no longer drives, and "
        "one before the start cannot be met at all. The objective and the campaign "
        "must share one calendar."
    )
    example = ("period 2027-09-01 .. 2027-10-15\n\n"
               "objective ventes {\n  metric orders\n  target 600\n  deadline 2027-12-20\n}")
    correction = ("period 2027-09-01 .. 2027-10-15\n\n"
                  "objective ventes {\n  metric orders\n  target 600\n  deadline 2027-10-15\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.period is None:
            return
        start, end = campaign.period
        for objective in campaign.objectives:
            if objective.deadline is not None:
                day = objective.deadline
                if day > end:
                    yield ctx.finding(self, objective.where("deadline"),
                                      _("deadline {day} is after the campaign ends on {end}").format(
                                          day=day.isoformat(), end=end.isoformat()))
                elif day < start:
                    yield ctx.finding(
                        self, objective.where("deadline"),
                        _("deadline {day} is before the campaign starts on {start}").format(
                            day=day.isoformat(), start=start.isoformat()),
                    )
            if objective.within is not None:
                day = within_end(start, objective.within.amount, objective.within.unit)
                if day > end:
                    yield ctx.finding(
                        self, objective.where("within"),
                        _("`within {duration}` ends on {day} (counted from {start}), after the campaign "
                          "ends on {end}").format(duration=format_duration(objective.within), day=day.isoformat(),
                                                  start=start.isoformat(), end=end.isoformat()),
                    )

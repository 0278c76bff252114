"""C011 quiet-hours."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import format_time, in_quiet_hours, local_time, names
from ._shared import profiled_messages

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class QuietHours(Rule):
    """The send time falls inside the channel's `quiet_hours` or on a `quiet_days` day.

    `at` is read in the campaign's time zone (send times are written in local
    time).  A range of quiet hours may wrap midnight: `20:00 .. 08:00` covers
    20:00 up to, but not including, 08:00 (a send at 08:00 is fine, one at
    20:00 is not).  Days are weekday names (`sunday`).
    """

    code = "C011"
    name = "quiet-hours"
    severity = Severity.ERROR
    why = (
        "An SMS or a push at 22:00 or on a Sunday morning is an intrusion, not a "
        "message: it is the surest way to get opt-outs. French operators' practice "
        "forbids commercial SMS at night and on Sundays and public holidays."
    )
    example = (
        "channel sms\n\nmessage sms_relance {\n  channel sms\n  at 2027-03-25 21:30\n"
        "  body \"Verdure : -15 % jusqu'à minuit. STOP\"\n}"
    )
    correction = (
        "channel sms\n\nmessage sms_relance {\n  channel sms\n  at 2027-03-25 12:30\n"
        "  body \"Verdure : -15 % jusqu'à minuit. STOP\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        zone = _(" ({zone} time)").format(zone=campaign.timezone) if campaign.timezone else ""
        for message, profile in profiled_messages(campaign):
            if message.at is None:
                continue
            at = local_time(message.at, campaign)
            if profile.quiet_hours is not None and in_quiet_hours(at.time(), *profile.quiet_hours):
                start, end = profile.quiet_hours
                advice = (_("send between {end:%H:%M} and {start:%H:%M}").format(end=end, start=start) if start > end
                          else _("send before {start:%H:%M} or from {end:%H:%M}").format(start=start, end=end))
                yield ctx.finding(
                    self, message.where("at"),
                    _("send time {time}{zone} falls in the quiet hours of {profile}, {start:%H:%M} .. "
                      "{end:%H:%M}: {advice}").format(
                        time=format_time(at), zone=zone, profile=profile.name, start=start, end=end,
                        advice=advice),
                )
            day = at.strftime("%A").lower()
            if day in profile.quiet_days:
                yield ctx.finding(
                    self, message.where("at"),
                    _("send time {time}{zone} is on a {capitalize}, a quiet day on {profile} (quiet days: "
                      "{names})").format(
                        time=format_time(at), zone=zone, capitalize=_(day.capitalize()), profile=profile.name,
                        names=names([pgettext("weekday", d) for d in profile.quiet_days])),
                )

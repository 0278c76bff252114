"""J004: triggered sends that can fall in a channel's quiet hours or days."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...i18n import pgettext
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def _spans(start: dt.time, end: dt.time) -> list[tuple[int, int]]:
    """[start, end) in minutes of the day, split at midnight when it wraps."""
    a, b = _minutes(start), _minutes(end)
    return [(a, b)] if a < b else [(a, 1440), (0, b)]


def overlap(window: tuple[dt.time, dt.time], quiet: tuple[dt.time, dt.time]) -> bool:
    return any(ws < qe and qs < we for ws, we in _spans(*window) for qs, qe in _spans(*quiet))


class TriggeredSendInQuietHours(Rule):
    """A triggered message on a channel with `quiet_hours` or `quiet_days` has no `send window`, or one that reaches
    into them.

    Also when its `send days` (default: every day) include a quiet day.  C011
    checks scheduled messages; this rule does its job for triggered ones.
    """

    code = "J004"
    name = "triggered-send-in-quiet-hours"
    severity = Severity.ERROR
    why = (
        "A trigger fires at any hour: without a window the message will, some night, be sent at "
        "23:00 — on SMS, against operators' rules and the customer's patience."
    )
    example = "message rappel { channel sms; trigger demande_rappel; body \"Votre panier vous attend. STOP\" }"
    correction = (
        "message rappel {\n  channel sms\n  trigger demande_rappel\n  send window 10:00 .. 19:00\n"
        "  send days monday .. saturday\n  body \"Votre panier vous attend. STOP\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            if not message.triggered:
                continue
            profile = campaign.channel_profile(message.channel)
            if profile is None or not (profile.quiet_hours or profile.quiet_days):
                continue
            problems = []
            if profile.quiet_hours:
                quiet = f"{profile.quiet_hours[0]:%H:%M} .. {profile.quiet_hours[1]:%H:%M}"
                if message.send_window is None:
                    problems.append(_("no `send window` keeps it out of the quiet hours {quiet}").format(quiet=quiet))
                elif overlap(message.send_window, profile.quiet_hours):
                    window = f"{message.send_window[0]:%H:%M} .. {message.send_window[1]:%H:%M}"
                    problems.append(_("its send window {window} reaches into the quiet hours {quiet}").format(
                        window=window, quiet=quiet))
            if profile.quiet_days:
                days = set(message.send_days or ["monday", "tuesday", "wednesday", "thursday", "friday",
                                                 "saturday", "sunday"])
                hit = [d for d in profile.quiet_days if d in days]
                if hit:
                    problems.append(ngettext("it may be sent on {days} (add `send days` without it)",
                                             "it may be sent on {days} (add `send days` without them)", len(hit))
                                    .format(days=", ".join(pgettext("weekday", d) for d in hit)))
            if problems:
                yield ctx.finding(self, message, _("triggered message `{message}` on {channel}: {problems}").format(
                    message=message.name, channel=message.channel, problems=_("; ").join(problems)))

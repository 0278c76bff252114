"""L001: marketing SMS and calls on Sundays, public holidays or at night."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import pgettext
from ... import calendars
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import format_time, in_quiet_hours, names
from .._packs import attr
from ._common import PACK, legal

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...model import Campaign, ChannelProfile, Message

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _weekday_names() -> tuple[str, ...]:  # pragma: no cover - read by the message extraction only
    """The `send days` values as messages name them: ``pgettext("weekday", day)`` (« lundi »…)."""
    return (pgettext("weekday", "monday"), pgettext("weekday", "tuesday"), pgettext("weekday", "wednesday"),
            pgettext("weekday", "thursday"), pgettext("weekday", "friday"), pgettext("weekday", "saturday"),
            pgettext("weekday", "sunday"))


def _days(days) -> str:
    return names([pgettext("weekday", d) for d in days])


def _windows(section: dict) -> list[tuple[dt.time, dt.time]]:
    return [(dt.time.fromisoformat(a), dt.time.fromisoformat(b)) for a, b in section["hours"]]


def _hours_text(windows) -> str:
    return _(" and ").join(f"{a:%H:%M}–{b:%H:%M}" for a, b in windows)


def _local(at: dt.datetime, campaign: "Campaign", default_zone: str) -> tuple[dt.datetime, str]:
    zone_name = campaign.timezone or default_zone
    if at.tzinfo is None:
        return at, zone_name
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        zone = dt.timezone.utc
    return at.astimezone(zone).replace(tzinfo=None), zone_name


def _c011_reports(ctx: "CampaignContext", profile: "ChannelProfile | None", local: dt.datetime) -> tuple[bool, bool]:
    """(hour, day): whether C011 already reports this send's hour, its day."""
    config = ctx.config
    if profile is None or not hasattr(config, "enabled") or not config.enabled("C011", "quiet-hours"):
        return False, False
    hour = profile.quiet_hours is not None and in_quiet_hours(local.time(), *profile.quiet_hours)
    day = WEEKDAYS[local.weekday()] in profile.quiet_days
    return hour, day


class ForbiddenSmsTime(Rule):
    """A marketing SMS on a Sunday, a French public holiday or outside 08:00–20:00; a call outside
    weekdays 10:00–13:00 and 14:00–20:00 or on a public holiday.

    Messages on channels of kind `sms` and `voice`, at their `at` in the
    campaign's time zone (the configuration's `timezone` when the campaign has
    none, default Europe/Paris).  Days, hours and sources are in
    ``rules/fr/legal.toml``; public holidays come from the `holidays` library
    (Easter Monday, Ascension, Whit Monday computed from Easter; Alsace-Moselle
    and overseas departments with `holidays-subdivision`).  A triggered
    message is checked through its `send window`, `send days` and
    `skip holidays`.  Where C011 already reports the same hour or day, only
    C011 is reported.
    """

    code = "L001"
    name = "forbidden-sms-time"
    severity = Severity.ERROR
    pack = PACK
    source = ("SMS: the French operators' self-regulation for marketing SMS (Fédération Française des "
              "Télécoms' recommendations), not statute; calls: Code de la consommation L221-16 and "
              "décret n° 2022-1313 du 13 octobre 2022; holidays: Code du travail L3133-1, via the "
              "`holidays` library")
    settings = (calendars.HOLIDAYS_SUBDIVISION, calendars.TIMEZONE)
    why = (
        "French operators and SMS aggregators hold or refuse marketing SMS sent at night, on "
        "Sundays and on public holidays, and customers who get one on Christmas Day unsubscribe. "
        "For calls it is the law: a marketing call on a Saturday, a Sunday, a holiday or outside "
        "10:00–13:00 and 14:00–20:00 is fined."
    )
    example = ('campaign noel {\n  period 2026-12-01 .. 2026-12-31\n  channel sms\n'
               '  message sms_noel {\n    channel sms\n    at 2026-12-25 12:00\n'
               '    body "Le Fournil : joyeux Noël ! STOP au 36180"\n  }\n}')
    correction = example.replace("2026-12-25 12:00", "2026-12-23 12:00")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        data = legal()
        subdivision = ctx.setting("holidays-subdivision") or data["holidays"].get("subdivision") or None
        for message in ctx.campaign.messages:
            profile = ctx.campaign.channel_profile(message.channel)
            kind = profile.kind if profile is not None else None
            if kind not in ("sms", "voice"):
                continue
            section = data[kind]
            if message.at is not None:
                yield from self._scheduled(ctx, message, profile, section, subdivision)
            elif attr(message, "trigger") or attr(message, "after"):
                yield from self._triggered(ctx, message, section, kind)

    def _scheduled(self, ctx, message: "Message", profile, section: dict, subdivision) -> Iterator[Finding]:
        local, zone = _local(message.at, ctx.campaign, ctx.setting("timezone"))
        what = _("marketing SMS") if profile.kind == "sms" else _("marketing calls")
        hour_by_c011, day_by_c011 = _c011_reports(ctx, profile, local)
        when = _("send time {time} ({zone} time)").format(time=format_time(local), zone=zone)
        windows = _windows(section)
        day = WEEKDAYS[local.weekday()]
        holiday = calendars.holiday_name(local.date(), subdivision)
        if day_by_c011:
            pass  # C011 reports this day already
        elif holiday and not section.get("holidays", False):
            yield ctx.finding(
                self, message,
                _("{when} is {holiday}, a public holiday in France: no {what} on public holidays; send on a "
                  "working day").format(when=when, holiday=holiday, what=what),
            )
        elif day not in section["days"] and not day_by_c011:
            yield ctx.finding(
                self, message,
                _("{when} is a {day}: {what} go out on {days} only").format(
                    when=when, day=_(day.capitalize()), what=what,
                    days=names([_(d.capitalize()) for d in section['days']])),
            )
        if not any(a <= local.time() < b for a, b in windows) and not hour_by_c011:
            yield ctx.finding(
                self, message,
                _("{when} is outside the hours for {what}, {hours}").format(
                    when=when, what=what, hours=_hours_text(windows)),
            )

    def _triggered(self, ctx, message: "Message", section: dict, kind: str) -> Iterator[Finding]:
        what = _("marketing SMS") if kind == "sms" else _("marketing calls")
        window = attr(message, "send_window")
        days = attr(message, "send_days") or []
        problems = []
        if window is None:
            problems.append(_("no `send window` within {hours}").format(hours=_hours_text(_windows(section))))
        else:
            start, end = window
            if not any(a <= start and end <= b for a, b in _windows(section)):
                problems.append(_("its `send window` {start} .. {end} reaches outside {hours}").format(
                    start=f"{start:%H:%M}", end=f"{end:%H:%M}", hours=_hours_text(_windows(section))))
        if not days:
            problems.append(_("no `send days` ({days})").format(days=_days(section['days'])))
        elif set(days) - set(section["days"]):
            problems.append(_("its `send days` include {days}").format(
                days=_days(sorted(set(days) - set(section['days'])))))
        if not attr(message, "skip_holidays") and not section.get("holidays", False):
            problems.append(_("no `skip holidays`"))
        if problems:
            yield ctx.finding(
                self, message,
                _("triggered message `{message}` can be sent when {what} are not allowed: {problems}").format(
                    message=message.name, what=what, problems=_("; ").join(problems)),
            )

"""The calendar view: the campaign period day by day, and a timeline strip.

Every scheduled message (in the campaign's local time), the offers' validity
windows, each channel's quiet hours and quiet days, French public holidays on
channels that hold their sends on them (SMS and voice calls of a French
campaign: the operators' practice), and the days a segment gets more messages
than ``max-messages-per-day``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..i18n import gettext as _
from ..i18n import ngettext
from ..model import Campaign, ChannelProfile, Message
from .data import Anchors, CampaignInput
from .fmt import format_date, format_range, format_time, local_time, weekday_name

#: channel kinds that hold their marketing sends on French public holidays
HOLIDAY_KINDS = frozenset({"sms", "voice"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FRENCH_ZONES = frozenset({"Europe/Paris", "America/Cayenne", "America/Guadeloupe", "America/Martinique",
                          "Indian/Reunion", "Indian/Mayotte", "Pacific/Noumea", "Pacific/Tahiti"})


@dataclass
class Event:
    time: str
    message: str
    channel: str
    segments: list[str]
    anchor: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Day:
    date: dt.date
    label: str
    events: list[Event] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    holiday: str | None = None
    outside: bool = False  # outside the campaign period
    weekend: bool = False

    @property
    def busy(self) -> bool:
        return bool(self.events or self.notes or self.holiday)


@dataclass
class Stretch:
    """Consecutive days with nothing to show."""

    label: str
    days: int


@dataclass
class Mark:
    left: float  # % of the strip
    width: float
    label: str
    anchor: str = ""
    kind: str = "message"  # message, offer, quiet, holiday, over


@dataclass
class Lane:
    label: str
    marks: list[Mark]


@dataclass
class Calendar:
    start: dt.date
    end: dt.date
    period_label: str
    rows: list  # Day | Stretch
    lanes: list[Lane]
    segment_lanes: list[Lane]
    ticks: list[Mark]
    channel_rules: list[str]
    unscheduled: list[tuple[str, str, str]]  # message, channel, anchor
    overloaded: list[str]


def in_quiet_hours(at: dt.time, quiet: tuple[dt.time, dt.time] | None) -> bool:
    if quiet is None:
        return False
    start, end = quiet
    if start <= end:
        return start <= at < end
    return at >= start or at < end  # over midnight: 20:00 .. 08:00


def is_quiet_day(day: dt.date, profile: ChannelProfile | None) -> bool:
    days = [d.lower() for d in (profile.quiet_days if profile else [])]
    return WEEKDAYS[day.weekday()] in days


def avoids_holidays(campaign: Campaign, profile: ChannelProfile | None) -> bool:
    french = campaign.language == "fr" or (campaign.timezone or "") in FRENCH_ZONES
    return bool(profile and profile.kind in HOLIDAY_KINDS and french)


def french_holidays(years: list[int], subdivision: str | None = None) -> dict[dt.date, str]:
    """The holidays L001 uses (``calendars.holidays_of``), named in the report's language (French or
    English); an unknown subdivision falls back to the whole of France."""
    from .. import i18n
    from ..calendars import holidays_of

    names = "fr" if i18n.language() == "fr" else "en_US"
    try:
        return {day: name for year in years for day, name in holidays_of(year, subdivision, names).items()}
    except ValueError:
        return {day: name for year in years for day, name in holidays_of(year, None, names).items()}


def _send_days(campaign: Campaign) -> list[tuple[dt.datetime, Message]]:
    sent = []
    for message in campaign.messages:
        if message.at is not None:
            sent.append((local_time(message.at, campaign.timezone), message))
    return sorted(sent, key=lambda item: item[0])


def _quiet_text(name: str, profile: ChannelProfile) -> str | None:
    parts = []
    if profile.quiet_hours:
        start, end = profile.quiet_hours
        parts.append(_("no sends from {start} to {end}").format(start=format_time(start), end=format_time(end)))
    if profile.quiet_days:
        days = ", ".join(weekday_name(dt.date(2024, 1, 1 + i)) for i in range(7) if is_quiet_day(
            dt.date(2024, 1, 1 + i), profile))
        parts.append(_("none on {days}").format(days=days))
    return _("{channel}: {rules}").format(channel=name, rules=_("; ").join(parts)) if parts else None


def build_calendar(item: CampaignInput, anchors: Anchors) -> Calendar | None:
    campaign = item.campaign
    sent = _send_days(campaign)
    days_sent = [at.date() for at, _m in sent]
    if campaign.period is not None:
        start, end = campaign.period
    elif days_sent:
        start, end = days_sent[0], days_sent[-1]
    else:
        return None
    period_start, period_end = start, end
    if days_sent:
        start, end = min(start, days_sent[0]), max(end, days_sent[-1])
    total = (end - start).days + 1
    holidays = french_holidays(list(range(start.year, end.year + 1)), item.holidays_subdivision)
    channel_names = list(dict.fromkeys([*campaign.channels, *(m.channel for m in campaign.messages if m.channel)]))
    profiles = {name: campaign.channel_profile(name) for name in channel_names}
    avoiders = [name for name in channel_names if avoids_holidays(campaign, profiles[name])]

    def pos(day: dt.date, hours: float = 0.0) -> float:
        return round(((day - start).days + hours / 24) * 100 / total, 3)

    days = {start + dt.timedelta(n): Day(start + dt.timedelta(n), format_date(start + dt.timedelta(n)))
            for n in range(total)}
    for day in days.values():
        day.outside = not (period_start <= day.date <= period_end)
        day.weekend = day.date.weekday() >= 5
        if day.date in holidays and avoiders:
            day.holiday = holidays[day.date]
            day.notes.append(_("Public holiday ({name}): no sends on {channels}").format(
                name=holidays[day.date], channels=", ".join(avoiders)))
    for name, offer in campaign.offers.items():
        first = offer.starts or start
        last = offer.ends.date() if isinstance(offer.ends, dt.datetime) else (offer.ends or end)
        for day in days.values():
            if first <= day.date <= last:
                day.offers.append(name)
        if offer.starts and offer.starts in days:
            days[offer.starts].notes.append(_("Offer {name} starts").format(name=name))
        if last in days and offer.ends:
            days[last].notes.append(_("Offer {name} ends tonight").format(name=name))

    for at, message in sent:
        profile = profiles.get(message.channel or "")
        warnings = []
        if profile and in_quiet_hours(at.time(), profile.quiet_hours):
            warnings.append(_("during the channel's quiet hours"))
        if is_quiet_day(at.date(), profile):
            warnings.append(_("on a day the channel stays quiet"))
        if avoids_holidays(campaign, profile) and at.date() in holidays:
            warnings.append(_("on a public holiday"))
        if not (period_start <= at.date() <= period_end):
            warnings.append(_("outside the campaign period"))
        days[at.date()].events.append(Event(format_time(at), message.name, message.channel or "?",
                                            list(message.segments), anchors.message(message), warnings))

    overloaded = []
    segment_names = list(campaign.segments) or [None]
    segment_lanes = []
    for segment in segment_names:
        reaching = [(at, m) for at, m in sent if segment is None or segment in m.segments]
        marks = [Mark(pos(at.date(), at.hour + at.minute / 60), 0, f"{format_time(at)} {m.name} ({m.channel})",
                      anchors.message(m)) for at, m in reaching]
        per_day: dict[dt.date, int] = {}
        for at, _m in reaching:
            per_day[at.date()] = per_day.get(at.date(), 0) + 1
        label = segment or _("Whole audience")
        for day, count in sorted(per_day.items()):
            if count > item.max_per_day:
                text = ngettext("{segment} gets {count} message, more than {limit} a day",
                                "{segment} gets {count} messages, more than {limit} a day", count).format(
                    segment=label, count=count, limit=item.max_per_day)
                days[day].notes.append(text)
                overloaded.append(_("{date}: {text}").format(date=format_date(day), text=text))
                marks.append(Mark(pos(day), round(100 / total, 3), text, kind="over"))
        segment_lanes.append(Lane(label, marks))

    lanes = []
    for name in channel_names:
        profile = profiles[name]
        marks = []
        for day in days.values():
            if is_quiet_day(day.date, profile):
                marks.append(Mark(pos(day.date), round(100 / total, 3),
                                  _("{date}: {channel} stays quiet").format(date=day.label, channel=name),
                                  kind="quiet"))
            if day.holiday and name in avoiders:
                marks.append(Mark(pos(day.date), round(100 / total, 3), day.notes[0], kind="holiday"))
        marks += [Mark(pos(at.date(), at.hour + at.minute / 60), 0, f"{format_date(at.date())} {format_time(at)} "
                       f"{m.name}", anchors.message(m)) for at, m in sent if m.channel == name]
        lanes.append(Lane(name, marks))
    for name, offer in campaign.offers.items():
        first = max(offer.starts or start, start)
        last = min(offer.ends.date() if isinstance(offer.ends, dt.datetime) else (offer.ends or end), end)
        if first <= last:
            text = _("Offer {name}: {dates}").format(name=name, dates=format_range(first, last))
            lanes.append(Lane(_("Offer {name}").format(name=name),
                              [Mark(pos(first), pos(last + dt.timedelta(1)) - pos(first), text, kind="offer")]))

    ticks = []
    month_starts = [start + dt.timedelta(n) for n in range(total) if n == 0 or (start + dt.timedelta(n)).day == 1]
    for n in range(total):
        day = start + dt.timedelta(n)
        weekly = total <= 100 and day.weekday() == 0 and all(abs((day - m).days) > 3 for m in month_starts)
        if day in month_starts or weekly:
            ticks.append(Mark(pos(day), 0, format_date(day, weekday=False), kind="tick"))

    rows: list = []
    quiet_run: list[Day] = []

    def flush() -> None:
        if not quiet_run:
            return
        label = _("{dates}: nothing scheduled").format(dates=format_range(quiet_run[0].date, quiet_run[-1].date))
        rows.append(Stretch(label, len(quiet_run)))
        quiet_run.clear()

    for day in days.values():
        if day.busy:
            flush()
            rows.append(day)
        else:
            quiet_run.append(day)
    flush()
    rules = [text for name in channel_names if profiles[name] and (text := _quiet_text(name, profiles[name]))]
    rules += [_("{channel}: no sends on French public holidays").format(channel=name) for name in avoiders]
    unscheduled = [(m.name, m.channel or "?", anchors.message(m)) for m in campaign.messages if m.at is None]
    period_label = _("{start} to {end}").format(start=format_date(period_start, year=True),
                                                 end=format_date(period_end, year=True))
    return Calendar(period_start, period_end, period_label, rows, lanes,
                    segment_lanes, ticks, rules, unscheduled, overloaded)

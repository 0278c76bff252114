"""What several objective rules share: time frames, how attribute values read,
and what the objective's text states (read once for O007 and O008)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
from decimal import Decimal

from ...model import Campaign, Duration, Money, Objective, Percent
from .._format import format_amount, format_money


#: days in an average month (365.25 / 12)
DAYS_PER_MONTH = 30.4375
UNIT_DAYS = {"days": 1.0, "weeks": 7.0, "months": DAYS_PER_MONTH, "years": 365.25,
             "hours": 1 / 24, "minutes": 1 / 1440}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def within_end(start: dt.date, within: Duration) -> dt.date:
    """The last day of ``within`` counted from ``start``, the first day included.

    ``within 3 months`` from 2027-03-01 ends on 2027-05-31; ``within 2 weeks``
    from 2027-03-01 ends on 2027-03-14; ``within 48 hours`` ends the next day.
    Whole months and years follow the calendar; other amounts are counted in
    days (a month being 30.4375 days).
    """
    amount = within.amount
    if within.unit in ("months", "years") and amount == amount.to_integral_value():
        months = int(amount) * (12 if within.unit == "years" else 1)
        return add_months(start, months) - dt.timedelta(days=1)
    days = float(amount) * UNIT_DAYS[within.unit]
    return start + dt.timedelta(days=max(math.ceil(days - 1e-9), 1) - 1)


def format_quantity(value: Money | Percent | Decimal) -> str:
    """A target or baseline as a marketer reads it: ``12,000``, ``30,000 EUR``, ``+20 %``."""
    if isinstance(value, Money):
        return format_money(value)
    if isinstance(value, Percent):
        sign = "+" if value.signed and value.value >= 0 else ""
        return f"{sign}{format_amount(value.value)} %"
    return format_amount(value)


def format_duration(duration: Duration) -> str:
    """``3 months``, ``1 month``, ``1.5 months`` (as written in the file)."""
    amount = duration.amount
    shown = format_amount(amount) if amount == amount.to_integral_value() else f"{amount.normalize():f}"
    unit = duration.unit[:-1] if amount == 1 else duration.unit
    return f"{shown} {unit}"


@functools.lru_cache(maxsize=256)
def _read(text: str, language: str, start: dt.date | None):
    from ...language.objective_text import read_objective_text

    return read_objective_text(text, language, reference_date=start)


def text_claims(objective: Objective, campaign: Campaign):
    """What the objective's text states (read once for O007 and O008)."""
    assert objective.text is not None
    start = campaign.period[0] if campaign.period else None
    return _read(objective.text.value, campaign.language, start)

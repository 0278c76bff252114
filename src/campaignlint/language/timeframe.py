"""Time frames: how many days a duration lasts and on which day a `within` ends.

The one definition used by every rule that counts a time frame (O005 for the
campaign period, O008 for what the objective's text says, O009 for the growth
a month) and by the objective-text reader.

A time frame is counted from its first day (for `within`: the campaign's
first day), and that first day counts: ``within 1 day`` ends on the first day
itself.  What a marketer expects when reading `within`:

* **Months and years follow the calendar.**  ``within 2 months`` from
  2027-06-01 runs until 2027-08-01 (two calendar months later), so its last
  day is 2027-07-31; from 2027-02-01 ``within 1 month`` ends on 2027-02-28,
  whatever the length of the month.  A year is twelve calendar months
  (``within 1.5 years`` is eighteen).  When the end month lacks the start's
  day, the month's last day stands for it (one month from 2027-01-31 runs
  until 2027-02-28: last day 2027-02-27).
* **A fraction of a month** is counted in days after the whole calendar
  months, a month being :data:`DAYS_PER_MONTH` days: ``within 1.5 months``
  from 2027-03-01 is one calendar month (to 2027-04-01) and 15.2 days more.
* **A day that is begun counts whole.**  Weeks, days, hours and minutes (and
  the fraction of a month) are counted in days, rounded *up*: the time frame
  is over during that day, so that day is its last.  ``within 36 hours`` ends
  on the second day, ``within 60 hours`` on the third, ``within 30 minutes``
  on the first.  (Rounding to the nearest day would end ``within 60 hours``
  on the second day, while twelve of its hours are still to run.)
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from decimal import Decimal

#: days in an average month (365.25 / 12)
DAYS_PER_MONTH = 30.4375

#: the length of each unit of a duration, in days (months and years on average)
UNIT_DAYS = {
    "days": 1.0,
    "weeks": 7.0,
    "months": DAYS_PER_MONTH,
    "years": 365.25,
    "hours": 1 / 24,
    "minutes": 1 / 1440,
}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def duration_days(amount: Decimal | int | float, unit: str) -> float:
    """The length of ``amount unit`` in days, months and years on average (``2 weeks`` → 14.0)."""
    if unit not in UNIT_DAYS:
        raise ValueError(f"unknown unit of time {unit!r}: expected one of {', '.join(UNIT_DAYS)}")
    return float(amount) * UNIT_DAYS[unit]


def within_end(start: dt.date, amount: Decimal | int | float, unit: str) -> dt.date:
    """The last day of ``within amount unit`` counted from ``start``, ``start`` included.

    ``unit`` is one of :data:`UNIT_DAYS` (plural).  See the module's docstring
    for the counting: calendar months and years, a begun day counted whole,
    never before ``start``.
    """
    if unit not in UNIT_DAYS:
        raise ValueError(f"unknown unit of time {unit!r}: expected one of {', '.join(UNIT_DAYS)}")
    amount = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    if unit in ("months", "years"):
        months = amount * (12 if unit == "years" else 1)
        whole = int(months)
        base = add_months(start, whole)
        days = float(months - whole) * DAYS_PER_MONTH
    else:
        base = start
        days = duration_days(amount, unit)
    end = base + dt.timedelta(days=math.ceil(days - 1e-9)) - dt.timedelta(days=1)
    return max(end, start)

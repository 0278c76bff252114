"""How values read in the report: dates, amounts and shares, in plain words.

Every word goes through :mod:`campaignlint.i18n` so that the report follows the
language chosen for the run.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from .. import i18n
from ..i18n import gettext as _


def weekday_name(day: dt.date) -> str:
    names = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday"))
    return names[day.weekday()]


def weekday_short(day: dt.date) -> str:
    names = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
    return names[day.weekday()]


def month_name(month: int) -> str:
    names = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
             _("August"), _("September"), _("October"), _("November"), _("December"))
    return names[month - 1]


def format_date(day: dt.date, *, weekday: bool = True, year: bool = False) -> str:
    """``Wed 2 June`` (``Wed 2 June 2027`` with ``year``)."""
    text = _("{day} {month}").format(day=day.day, month=month_name(day.month))
    if year:
        text = _("{date} {year}").format(date=text, year=day.year)
    if weekday:
        text = _("{weekday} {date}").format(weekday=weekday_short(day), date=text)
    return text


def format_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return format_date(start)
    return _("{start} to {end}").format(start=format_date(start), end=format_date(end))


def format_time(at: dt.datetime | dt.time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def format_amount(amount: Decimal | int | float) -> str:
    """``12000`` → ``12,000``; ``49.9`` → ``49.90`` (French: ``12 000``, ``49,90``)."""
    amount = Decimal(str(amount))
    if i18n.language() != "en":  # the active locale's separators (Babel), as in the finding messages
        from babel.numbers import format_decimal

        whole = amount == amount.to_integral_value()
        return format_decimal(amount if whole else amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                              format="#,##0" if whole else "#,##0.00", locale=i18n.locale())
    if amount == amount.to_integral_value():
        return f"{amount:,.0f}"
    return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def format_money(amount: Decimal, currency: str) -> str:
    """``12,000 EUR`` (French: ``12 000 €``, ``12 000 USD`` for a currency without a French sign)."""
    if i18n.language() != "en":
        from babel.numbers import get_currency_symbol

        symbol = get_currency_symbol(currency, locale=i18n.locale())
        return f"{format_amount(amount)}\u00a0{symbol if len(symbol) == 1 else currency}"
    return f"{format_amount(amount)} {currency}"


def format_percent(value: Decimal | float, places: int = 0) -> str:
    """``85 %``; ``12.5 %`` with ``places=1`` (trailing ``.0`` dropped)."""
    exponent = Decimal(1).scaleb(-places) if places else Decimal(1)
    rounded = Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    if i18n.language() != "en":  # "12,5 %" with a narrow no-break space
        from babel.numbers import format_decimal

        return format_decimal(rounded, format="#,##0.###", locale=i18n.locale()) + "\u202f%"
    return f"{rounded} %"


def local_time(at: dt.datetime, timezone: str | None) -> dt.datetime:
    """A send time as the campaign's wall-clock time (``.camp`` times are already local and naive)."""
    if at.tzinfo is None:
        return at
    import zoneinfo

    try:
        zone = zoneinfo.ZoneInfo(timezone) if timezone else dt.timezone.utc
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        zone = dt.timezone.utc
    return at.astimezone(zone).replace(tzinfo=None)

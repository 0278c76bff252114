"""Small helpers shared by the rule families: how values read in messages,
when a message is sent, and whom it reaches.

Messages are read by marketers: amounts are written "12,000 EUR" (thousands
separated by commas, cents only when there are some), percentages "35 %".
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import ROUND_HALF_UP, Decimal

from .. import i18n
from ..i18n import gettext as _
from ..i18n import ngettext, pgettext
from ..model import Campaign, Message, Money

_CENT = Decimal("0.01")
_UNIT = Decimal("1")


def format_amount(amount: Decimal) -> str:
    """``12000`` → ``"12,000"``; ``49.9`` → ``"49.90"``; ``0.125`` → ``"0.125"``.

    Whole amounts are written without decimals, amounts with cents with two
    decimals, and finer amounts with the decimals they have (never rounded
    away silently).
    """
    amount = Decimal(amount)
    if i18n.language() != "en":  # "12 000", "49,90": the active locale's separators (Babel)
        from babel.numbers import format_decimal

        whole = amount == amount.to_integral_value()
        pattern = "#,##0" if whole else "#,##0.00" if amount == amount.quantize(_CENT) else None
        return format_decimal(amount.normalize() if pattern is None else amount, format=pattern,
                              locale=i18n.locale(), decimal_quantization=False)
    if amount == amount.to_integral_value():
        return f"{amount:,.0f}"
    if amount == amount.quantize(_CENT):
        return f"{amount:,.2f}"
    return f"{amount.normalize():,f}"


def format_money(money: Money) -> str:
    """``Money(12000, "EUR")`` → ``"12,000 EUR"`` (French: ``"12 000 €"``)."""
    if i18n.language() != "en":
        from babel.numbers import format_currency

        amount = Decimal(money.amount)
        pattern = "#,##0\u00a0¤" if amount == amount.to_integral_value() else "#,##0.00\u00a0¤"
        if amount != amount.quantize(_CENT):
            return f"{format_amount(amount)}\u00a0{money.currency}"
        return format_currency(amount, money.currency, format=pattern, locale=i18n.locale(), currency_digits=False)
    return f"{format_amount(money.amount)} {money.currency}"


def format_percent(value: Decimal | float, places: int = 0) -> str:
    """A share or a rate, French-style with a space: ``85 %``, ``12.5 %`` (``places=1``).

    Rounded half up to ``places`` decimals; trailing ``.0`` is dropped.
    """
    exponent = Decimal(1).scaleb(-places) if places else _UNIT
    rounded = Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(_UNIT)
    if i18n.language() != "en":  # "12,5 %" with a narrow no-break space
        from babel.numbers import format_decimal

        return format_decimal(rounded, format="#,##0.###", locale=i18n.locale(), decimal_quantization=False) + "\u202f%"
    return f"{rounded} %"


def local_time(at: dt.datetime, campaign: Campaign) -> dt.datetime:
    """``at`` as a naive wall-clock time of the campaign's ``timezone``.

    Send times in a `.camp` file are written in the campaign's local time and
    arrive naive: they are returned unchanged.  An aware datetime (from a
    model built by other means) is converted to the campaign's time zone (UTC
    when the campaign declares none) so that dates and comparisons are those
    of the campaign's calendar.
    """
    if at.tzinfo is None:
        return at
    try:
        zone = zoneinfo.ZoneInfo(campaign.timezone) if campaign.timezone else dt.timezone.utc
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        zone = dt.timezone.utc
    return at.astimezone(zone).replace(tzinfo=None)


def format_time(at: dt.datetime) -> str:
    """``2027-03-08 10:00`` (seconds only when there are some)."""
    return at.strftime("%Y-%m-%d %H:%M:%S" if at.second else "%Y-%m-%d %H:%M")


def in_quiet_hours(t: dt.time, start: dt.time, end: dt.time) -> bool:
    """Whether ``t`` falls in the quiet hours ``start .. end`` of a channel (C011, L001):
    ``start`` inclusive, ``end`` exclusive; a range may wrap midnight; ``start == end`` is empty."""
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


def names(items, limit: int = 6) -> str:
    """``a, b and c``; beyond ``limit`` items: ``a, b, … and 4 more``."""
    items = [str(i) for i in items]
    if len(items) > limit:
        shown = items[: limit - 1]
        return ", ".join(shown) + _(", … and {count} more").format(count=len(items) - len(shown))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _(" and ") + items[-1]


def _field_names() -> tuple[str, ...]:  # pragma: no cover - read by the message extraction only
    """The text fields as messages name them: ``pgettext("field", text.field)`` (« le corps », « l’objet »…)."""
    return (pgettext("field", "subject"), pgettext("field", "preheader"), pgettext("field", "title"),
            pgettext("field", "headline"), pgettext("field", "description"), pgettext("field", "body"),
            pgettext("field", "cta"), pgettext("field", "sender"))


# ------------------------------------------------------------ whom it reaches

#: the whole audience, for a campaign that defines no segment
WHOLE_AUDIENCE = None

#: channel names that are the same platform under two names (the built-in
#: `x` profile is twitter under its new name): a segment that lists one is
#: reached on the other
_SAME_PLATFORM = {"x": "twitter"}


def same_channel(a: str | None, b: str | None) -> bool:
    """Whether two channel names are the same platform (`x` is `twitter`)."""
    if a is None or b is None:
        return False
    return _SAME_PLATFORM.get(a, a) == _SAME_PLATFORM.get(b, b)


def audiences(campaign: Campaign) -> dict[str | None, list[Message]]:
    """The messages each audience receives, in file order.

    Keyed by segment name (every segment of the campaign, even one that no
    message reaches).  A campaign with no segment at all speaks to its whole
    audience: every message is then listed under ``WHOLE_AUDIENCE`` (None).
    When the campaign has segments, a message that names none is in no list.
    """
    if not campaign.segments:
        return {WHOLE_AUDIENCE: list(campaign.messages)}
    found: dict[str | None, list[Message]] = {name: [] for name in campaign.segments}
    for message in campaign.messages:
        for name in dict.fromkeys(message.segments):
            if name in found:
                found[name].append(message)
    return found


def audience_label(segment: str | None) -> str:
    """``segment `urban_runners``` or ``the whole audience``."""
    return _("the whole audience") if segment is None else _("segment `{segment}`").format(segment=segment)


_UNIT_WORDS = {  # a duration's unit in words, translated (the file's keywords stay as written elsewhere)
    "seconds": lambda n: ngettext("{count} second", "{count} seconds", n),
    "minutes": lambda n: ngettext("{count} minute", "{count} minutes", n),
    "hours": lambda n: ngettext("{count} hour", "{count} hours", n),
    "days": lambda n: ngettext("{count} day", "{count} days", n),
    "weeks": lambda n: ngettext("{count} week", "{count} weeks", n),
    "months": lambda n: ngettext("{count} month", "{count} months", n),
    "years": lambda n: ngettext("{count} year", "{count} years", n),
}


def duration_words(amount: Decimal, unit: str) -> str:
    """``15 seconds`` in English (as ``str(Duration)``), ``15 secondes`` in French (decimal comma)."""
    amount = Decimal(amount)
    whole = int(amount) if amount == int(amount) else amount
    if i18n.language() == "en" or unit not in _UNIT_WORDS:
        return f"{whole} {unit}"
    return _UNIT_WORDS[unit](2 if whole != int(amount) else int(amount)).format(count=format_decimal_text(whole))


def format_decimal_text(value) -> str:
    """A number as written in the file (``1.5``), with the decimal comma outside English (``1,5``)."""
    text = str(value)
    return text if i18n.language() == "en" else text.replace(".", ",")


def written_quantities(text: str) -> str:
    """A value as the file writes it (``.. 60 seconds``, ``1.91:1 .. 4:5``), its units in words and its
    decimal commas in the language of the messages (unchanged in English)."""
    if i18n.language() == "en":
        return text
    import re

    text = re.sub(r"(\d+(?:\.\d+)?) ?(seconds|minutes|hours|days|weeks|months|years)\b",
                  lambda m: duration_words(Decimal(m.group(1)), m.group(2)), text)
    return re.sub(r"(\d)\.(\d)", r"\1,\2", text)

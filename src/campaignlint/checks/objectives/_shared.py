"""What several objective rules share: how attribute values read, and what the
objective's text states (read once for O007 and O008).  Time frames are counted
by :mod:`campaignlint.language.timeframe`."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from ...model import Campaign, Duration, Money, Objective, Percent
from .._format import format_amount, format_money


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
    from ... import i18n

    if i18n.language() != "en":
        from .._format import duration_words

        return duration_words(amount, duration.unit)
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

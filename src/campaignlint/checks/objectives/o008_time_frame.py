"""O008's policy for time: the durations and dates of an objective's text
against its `within` and `deadline`."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from babel.dates import format_date

from ... import i18n
from ...i18n import gettext as _
from ...language.timeframe import duration_days, within_end
from .o008_figures import Contradiction, fmt_num

if TYPE_CHECKING:  # pragma: no cover
    from ...language.objective_text import DateClaim, DurationClaim, ObjectiveClaims


#: A duration in the text agrees with another one when they differ by at most
#: this many days, or by this share of the longer one, whichever is larger
#: ("three months" agrees with a deadline 89 to 95 days after the start).
DURATION_TOLERANCE_DAYS = 3
DURATION_TOLERANCE_RATIO = 0.10


def _fmt_duration(amount: Decimal, unit: str) -> str:
    if i18n.language() != "en":
        from .._format import duration_words

        return duration_words(amount, unit if unit.endswith("s") else unit + "s")
    word = unit[:-1] if amount == 1 else unit
    return f"{fmt_num(amount)} {word}"


def _norm_unit(unit: str) -> str:
    u = unit.lower().strip()
    if not u.endswith("s"):
        u += "s"
    return {"quarters": "months", "semesters": "months"}.get(u, u)


def norm_within(within: tuple | None) -> tuple[Decimal, str] | None:
    """``(amount, unit)`` with a plural unit; quarters and semesters in months."""
    if within is None:
        return None
    amount, unit = within
    amount = Decimal(str(amount))
    u = _norm_unit(unit)
    if unit.lower().startswith("quarter"):
        amount *= 3
    elif unit.lower().startswith("semester"):
        amount *= 6
    return amount, u


def _durations_agree(a_days: float, b_days: float) -> bool:
    tol = max(DURATION_TOLERANCE_DAYS, DURATION_TOLERANCE_RATIO * max(a_days, b_days))
    return abs(a_days - b_days) <= tol


def compare_time(
    claims: ObjectiveClaims,
    deadline: datetime.date | None,
    within: tuple[Decimal, str] | None,
    start: datetime.date | None,
) -> list[Contradiction]:
    """The text's framed durations and deadline dates against ``within`` and ``deadline``."""
    out: list[Contradiction] = []
    # -- durations -------------------------------------------------------
    framed = [d for d in claims.durations if d.framed]
    refs: list[tuple[float, str, str]] = []  # (days, attribute, description)
    if within is not None:
        if start is not None:
            days = float((within_end(start, *within) - start).days + 1)
        else:
            days = duration_days(*within)
        refs.append((days, "within", _("`within` says {duration}").format(duration=_fmt_duration(*within))))
    if deadline is not None and start is not None and deadline >= start:
        span = (deadline - start).days + 1
        refs.append(
            (
                float(span),
                "deadline",
                _("the deadline {deadline} is {days} days after the start ({start})").format(
                    deadline=deadline.isoformat(), days=span, start=start.isoformat()),
            )
        )
    if framed and refs:

        def agrees(d: DurationClaim, ref_days: float) -> bool:
            if start is not None and d.unit in ("months", "years"):
                days = float((within_end(start, d.amount, d.unit) - start).days + 1)
            else:
                days = d.approx_days
            return _durations_agree(days, ref_days)

        if not any(agrees(d, r[0]) for d in framed for r in refs):
            d = framed[0]
            r = refs[0]
            out.append(
                Contradiction(
                    "duration",
                    r[1],  # type: ignore[arg-type]
                    d.start,
                    d.end,
                    d.text,
                    _fmt_duration(*within) if r[1] == "within" else deadline.isoformat() if deadline else "",
                    _("the text says {said}, {reference}").format(said=d.text.strip(), reference=r[2]),
                )
            )
    # -- dates -----------------------------------------------------------
    deadlines = [d for d in claims.dates if d.role == "deadline"]
    date_refs: list[tuple[datetime.date, str, str]] = []
    if deadline is not None:
        date_refs.append((deadline, "deadline", _("the deadline is {deadline}").format(deadline=deadline.isoformat())))
    if within is not None and start is not None:
        end = within_end(start, *within)
        date_refs.append((end, "within", _("`within {duration}` ends on {end}").format(
            duration=_fmt_duration(*within), end=end.isoformat())))
    if deadlines and date_refs:
        one = datetime.timedelta(days=1)

        def in_range(c: DateClaim, day: datetime.date) -> bool:
            return c.earliest - one <= day <= c.value + one

        if not any(in_range(c, r[0]) for c in deadlines for r in date_refs):
            c = deadlines[0]
            r = date_refs[0]
            said = (
                f"{c.value.day} {c.value.strftime('%B %Y')}" if i18n.language() == "en"
                else format_date(c.value, "d MMMM y", locale=i18n.locale())
                if c.earliest == c.value
                else _("{said} ({start} to {end})").format(said=c.text.strip(), start=c.earliest.isoformat(),
                                                         end=c.value.isoformat())
            )
            out.append(
                Contradiction(
                    "date",
                    r[1],
                    c.start,
                    c.end,
                    c.text,
                    r[0].isoformat(),  # type: ignore[arg-type]
                    _("the text says {said}, {reference}").format(said=said, reference=r[2]),
                )
            )
    return out

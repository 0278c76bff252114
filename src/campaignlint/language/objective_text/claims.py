"""What the objective-text reader finds: quantities, percentages, durations,
dates and vocabulary terms, each with its span in the text (end-exclusive)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..timeframe import duration_days


@dataclass(frozen=True)
class NumberClaim:
    """A number or a multiplier stated in the text: ``text[start:end]`` says ``value``."""

    start: int
    end: int
    text: str
    value: Decimal
    currency: str | None = None


@dataclass(frozen=True)
class PercentClaim:
    """A percentage ("20 %") or a number of percentage points ("+5 pts").

    ``direction`` is ``"+"`` or ``"-"`` when the text says the metric goes up or
    down (an explicit sign, or a word such as "augmenter", "réduire", "growth"),
    else ``None`` (a level: "un taux d'ouverture de 25 %").
    """

    start: int
    end: int
    text: str
    value: Decimal
    direction: Literal["+", "-"] | None = None
    unit: Literal["%", "pt"] = "%"
    signed: bool = False


@dataclass(frozen=True)
class DurationClaim:
    """A duration: ``amount`` ``unit`` (days, weeks, months, years or hours).

    Quarters and semesters are given in months.  ``framed`` is true when the
    words around make it the objective's time frame ("en trois mois", "within
    6 weeks", "the next 90 days"), false for a descriptive duration ("our
    14-day trial").
    """

    start: int
    end: int
    text: str
    amount: Decimal
    unit: Literal["days", "weeks", "months", "years", "hours"]
    framed: bool = True

    @property
    def value(self) -> tuple[Decimal, str]:
        return (self.amount, self.unit)

    @property
    def approx_days(self) -> float:
        return duration_days(self.amount, self.unit)


@dataclass(frozen=True)
class DateClaim:
    """A date or a span of days named by the text.

    ``value`` is the last day meant ("fin juin" → 30 June, "in Q3" → 30
    September), ``earliest`` the first (a precise date has both equal).
    ``role`` is ``deadline``, ``start`` (after "à partir du", "from") or
    ``reference`` (after "vs", "par rapport à", "than": a point of comparison).
    """

    start: int
    end: int
    text: str
    value: datetime.date
    earliest: datetime.date
    role: Literal["deadline", "start", "reference"] = "deadline"


@dataclass(frozen=True)
class TermClaim:
    """A word or phrase of a vocabulary list found in the text."""

    start: int
    end: int
    text: str


@dataclass
class ObjectiveClaims:
    """Everything measurable or datable found in an objective's text."""

    text: str
    language: str
    numbers: list[NumberClaim] = field(default_factory=list)
    percents: list[PercentClaim] = field(default_factory=list)
    multipliers: list[NumberClaim] = field(default_factory=list)
    durations: list[DurationClaim] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    vague_verbs: list[TermClaim] = field(default_factory=list)

    @property
    def has_measure(self) -> bool:
        """A number, percent or multiplier that is not part of a date or duration."""
        return bool(self.numbers or self.percents or self.multipliers)

    @property
    def has_time_frame(self) -> bool:
        """A framed duration, or a date that is not a mere point of comparison."""
        return any(d.framed for d in self.durations) or any(d.role != "reference" for d in self.dates)

    @property
    def is_vague(self) -> bool:
        """Nothing in the text can be measured or dated (rule O007)."""
        return not self.has_measure and not self.has_time_frame

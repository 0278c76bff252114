"""O008 text-contradicts-attributes: the objective's text against its attributes.

The text is read by :mod:`campaignlint.language.objective_text` (what it
states); judging whether that contradicts `target`, `baseline`, `deadline`
and `within` is this rule's policy: :func:`compare_with_attributes`, with the
figures in ``o008_figures`` and the time frame in ``o008_time_frame``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ...findings import Finding, Severity
from ...model import Money, Percent
from ...rule import Rule
from ._shared import text_claims
from .o008_figures import Contradiction, Quantity, compare_quantities
from .o008_time_frame import DURATION_TOLERANCE_DAYS, DURATION_TOLERANCE_RATIO, compare_time, norm_within

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...language.objective_text import ObjectiveClaims

__all__ = [
    "TextContradictsAttributes",
    "compare_with_attributes",
    "Quantity",
    "Contradiction",
    "DURATION_TOLERANCE_DAYS",
    "DURATION_TOLERANCE_RATIO",
]


def _quantity(value: Money | Percent | Decimal | None) -> "Quantity | None":
    if value is None:
        return None
    if isinstance(value, Money):
        return Quantity("money", value.amount, False, value.currency)
    if isinstance(value, Percent):
        return Quantity("percent", value.value, value.signed)
    return Quantity("number", Decimal(value))


class TextContradictsAttributes(Rule):
    """An objective's `text` says something else than its attributes.

    The figures and the time frame in the text are compared with `target`,
    `baseline`, `deadline` and `within`: "20 %" in the text against `target
    +25%`, "en trois mois" against `within 2 months`.  Only real
    contradictions are reported (values that agree within rounding, a level
    reached from the baseline, or the difference, all count as agreeing).
    """

    code = "O008"
    name = "text-contradicts-attributes"
    severity = Severity.WARNING
    why = (
        "The text is what people read in the brief, the attributes are what the "
        "dashboards track. When they disagree, half the team works towards one "
        "figure and is judged on another."
    )
    example = (
        'objective ventes {\n  text "Doubler les ventes en trois mois"\n  metric orders\n'
        "  baseline 400\n  target +50%\n  within 2 months\n}"
    )
    correction = (
        'objective ventes {\n  text "Augmenter les ventes de 50 % en deux mois"\n  metric orders\n'
        "  baseline 400\n  target +50%\n  within 2 months\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        start = campaign.period[0] if campaign.period else None
        for objective in campaign.objectives:
            if objective.text is None or not objective.text.value.strip():
                continue
            claims = text_claims(objective, campaign)
            within = None
            if objective.within is not None:
                within = (objective.within.amount, objective.within.unit)
                if within[1] == "minutes":  # written in hours, the text reader's finest unit
                    within = (within[0] / 60, "hours")
            found = compare_with_attributes(
                claims,
                target=_quantity(objective.target),
                baseline=_quantity(objective.baseline),
                deadline=objective.deadline,
                within=within,
                campaign_start=start,
            )
            for contradiction in found:
                yield ctx.finding(
                    self, objective.text.span_of(contradiction.start, contradiction.end), contradiction.message
                )


def compare_with_attributes(
    claims: ObjectiveClaims,
    *,
    target: Quantity | None = None,
    baseline: Quantity | None = None,
    deadline: datetime.date | None = None,
    within: tuple[Decimal | int, str] | None = None,
    campaign_start: datetime.date | None = None,
) -> list[Contradiction]:
    """Where the objective's text contradicts its attributes (rule O008).

    Only real contradictions are returned: the text must state something of
    the same kind as an attribute, and none of what it states may agree.

    * Percents in the text are compared with a percent target (a signed target
      ``+20%`` and an absolute target ``20%`` both agree with "20 %"); they also
      agree with the baseline, the level reached (baseline × (1 + target)), the
      difference in points, or — for a number target with a number baseline —
      the relative change. A text without a percent says nothing about them.
    * Numbers agree with the target, the baseline, their difference, or the
      level a relative target reaches from a number baseline.
    * Multipliers ("doubler", "x3") agree with 1 + a signed percent target, or
      with target ÷ baseline.
    * Values agree within 1 % (and within half a point for a computed
      percentage, which teams round).
    * A framed duration agrees with ``within`` or with the span from
      ``campaign_start`` to ``deadline`` (inclusive) when they differ by at most
      ``DURATION_TOLERANCE_DAYS`` days or ``DURATION_TOLERANCE_RATIO`` of the
      longer one.
    * A date (its range: "fin juin" is 21–30 June, "Q3" July–September, one day
      of slack either side) agrees with ``deadline`` or with the last day of
      ``within`` counted from ``campaign_start``.  Dates that are a start or a
      point of comparison are not compared.

    ``within`` is ``(amount, unit)`` with a unit among days, weeks, months,
    years, hours, minutes (singular or plural).
    """
    out: list[Contradiction] = []
    out += compare_quantities(claims, target, baseline)
    out += compare_time(claims, deadline, norm_within(within), campaign_start)
    return out

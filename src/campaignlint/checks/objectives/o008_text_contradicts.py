"""O008 text-contradicts-attributes: the objective's text against its attributes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ...findings import Finding, Severity
from ...model import Money, Percent
from ...rule import Rule
from ._shared import text_claims

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...language.objective_text import Quantity


def _quantity(value: Money | Percent | Decimal | None) -> "Quantity | None":
    from ...language.objective_text import Quantity

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
    example = ('objective ventes {\n  text "Doubler les ventes en trois mois"\n  metric orders\n'
               "  baseline 400\n  target +50%\n  within 2 months\n}")
    correction = ('objective ventes {\n  text "Augmenter les ventes de 50 % en deux mois"\n  metric orders\n'
                  "  baseline 400\n  target +50%\n  within 2 months\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...language.objective_text import compare_with_attributes

        campaign = ctx.campaign
        start = campaign.period[0] if campaign.period else None
        for objective in campaign.objectives:
            if objective.text is None or not objective.text.value.strip():
                continue
            claims = text_claims(objective, campaign)
            within = None
            if objective.within is not None:
                within = (objective.within.amount, objective.within.unit)
                if within[1] == "minutes":  # the text reader counts in hours at the finest
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
                yield ctx.finding(self, objective.text.span_of(contradiction.start, contradiction.end),
                                  contradiction.message)

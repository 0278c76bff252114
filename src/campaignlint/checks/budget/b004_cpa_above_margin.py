"""B004 cpa-above-margin."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Money
from ...rule import Rule
from .._format import format_amount, format_money

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class CpaAboveMargin(Rule):
    """`target_cpa` is above `clv` × `margin`: each customer would cost more than they bring in.

    Needs `target_cpa`, `clv` and `margin`; compares only amounts in the same
    currency.
    """

    code = "B004"
    name = "cpa-above-margin"
    severity = Severity.WARNING
    why = (
        "The most a new customer may cost to acquire is what that customer earns "
        "the company: lifetime value times margin (a 1,000 € lifetime value at 30 % "
        "margin allows a CPA of up to 300 €). A target CPA above it means every "
        "sale the campaign wins loses money."
    )
    example = "clv 240 EUR\nmargin 35%\ntarget_cpa 90 EUR"
    correction = "clv 240 EUR\nmargin 35%\ntarget_cpa 45 EUR"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        cpa, clv, margin = campaign.target_cpa, campaign.clv, campaign.margin
        if cpa is None or clv is None or margin is None or cpa.currency != clv.currency:
            return
        ceiling = clv.amount * margin.value / 100
        if cpa.amount <= ceiling:
            return
        ceiling_money = Money(amount=ceiling, currency=clv.currency)
        yield ctx.finding(
            self, campaign.where("target_cpa"),
            _("target CPA of {cpa} is above what a customer brings in: CLV {clv} × margin {margin} % = "
              "{ceiling}, so each new customer would lose money").format(
                cpa=format_money(cpa), clv=format_money(clv), margin=format_amount(margin.value),
                ceiling=format_money(ceiling_money)),
        )

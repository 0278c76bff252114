"""B001 channel-budgets-over-campaign."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Money
from ...rule import Rule
from .._format import format_money
from ._shared import budget_currencies

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ChannelBudgetsOverCampaign(Rule):
    """The channels' budgets add up to more than the campaign's `budget`.

    Needs a campaign `budget` and at least one channel `budget`, all in one
    currency (otherwise B005 reports the mix and this rule is skipped).
    """

    code = "B001"
    name = "channel-budgets-over-campaign"
    severity = Severity.ERROR
    why = (
        "The campaign budget is what was approved; channel budgets are how it is "
        "spent. If they add up to more, some channel will run out mid-campaign or "
        "the spend will overrun what was signed off."
    )
    example = (
        "budget 10_000 EUR\n\n"
        "channel twitter    { budget 2_000 EUR }\n"
        "channel google_ads { budget 9_000 EUR }"
    )
    correction = (
        "budget 10_000 EUR\n\n"
        "channel twitter    { budget 2_000 EUR }\n"
        "channel google_ads { budget 8_000 EUR }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.budget is None or len(budget_currencies(campaign)) > 1:
            return
        channels = [(n, c.budget) for n, c in campaign.channels.items() if c.budget is not None]
        if not channels:
            return
        total = sum((money.amount for _, money in channels), Decimal(0))
        if total <= campaign.budget.amount:
            return
        currency = campaign.budget.currency
        detail = ", ".join(f"{n} {format_money(m)}" for n, m in channels)
        over = Money(amount=total - campaign.budget.amount, currency=currency)
        yield ctx.finding(
            self, campaign.where("budget"),
            _("channel budgets add up to {total} ({detail}), more than the campaign budget of {budget} (over "
              "by {over})").format(
                total=format_money(Money(amount=total, currency=currency)), detail=detail,
                budget=format_money(campaign.budget), over=format_money(over)),
        )

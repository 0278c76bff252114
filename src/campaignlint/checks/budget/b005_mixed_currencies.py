"""B005 mixed-currencies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ._shared import all_budgets

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MixedCurrencies(Rule):
    """The campaign's and its channels' budgets are in more than one currency.

    The campaign language has no exchange rates, so they cannot be added: the
    channel budgets are then not checked against the campaign budget (B001)
    nor split by tier (B002).  The finding points at the first budget whose
    currency differs from the first one written.
    """

    code = "B005"
    name = "mixed-currencies"
    severity = Severity.ERROR
    why = (
        "A budget in euros and another in dollars cannot be totalled without an "
        "exchange rate and a date: the plan no longer says how much the campaign "
        "costs, and no overspend can be seen."
    )
    example = "budget 30_000 EUR\n\nchannel google_ads { budget 9_000 USD }"
    correction = "budget 30_000 EUR\n\nchannel google_ads { budget 8_300 EUR }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        budgets = all_budgets(campaign)
        currencies = list(dict.fromkeys(money.currency for _, money, _ in budgets))
        if len(currencies) < 2:
            return
        first = currencies[0]
        by_currency = {c: [who for who, money, _ in budgets if money.currency == c] for c in currencies}
        detail = "; ".join(f"{c}: {', '.join(whos)}" for c, whos in by_currency.items())
        odd = next(where for _, money, where in budgets if money.currency != first)
        yield ctx.finding(
            self, odd,
            _("budgets are in {count} currencies ({detail}) and cannot be added up: channel budgets are not "
              "checked against the campaign budget (B001); write every budget in {first}").format(
                count=len(currencies), detail=detail, first=first),
        )

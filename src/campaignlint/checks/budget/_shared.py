"""What the B rules share: every budget of a campaign and their currencies.

Private to the budget family: other families do not import it.
"""

from __future__ import annotations

from ...i18n import gettext as _
from ...model import Campaign, Money


def all_budgets(campaign: Campaign) -> list[tuple[str, Money, object]]:
    """Every budget of the campaign: (whose, amount, where it is written)."""
    found: list[tuple[str, Money, object]] = []
    if campaign.budget is not None:
        found.append((_("the campaign"), campaign.budget, campaign.where("budget")))
    for name, channel in campaign.channels.items():
        if channel.budget is not None:
            found.append((name, channel.budget, channel.where("budget")))
    return found


def budget_currencies(campaign: Campaign) -> list[str]:
    """The currencies of the campaign's and its channels' budgets, in order of appearance."""
    return list(dict.fromkeys(money.currency for _, money, _ in all_budgets(campaign)))

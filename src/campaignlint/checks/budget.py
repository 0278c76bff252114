"""B — budget.

Money is exact (``Decimal``).  The campaign language has no exchange rates:
amounts in different currencies are never added or compared.  When the
campaign's budget and its channels' budgets are in more than one currency,
B005 says so and B001 (which would have to add them) is skipped; B002 is
skipped too.  B004 compares `target_cpa` with `clv` × `margin` only when both
amounts are in the same currency.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Severity
from ..model import Campaign, CampaignChannel, Money
from ..rule import Rule, Setting
from ._format import format_amount, format_money, format_percent, names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext

#: Google's 70-20-10 split: proven, emerging, experimental
TIER_TARGETS = {"proven": Decimal(70), "emerging": Decimal(20), "experimental": Decimal(10)}


def _budgets(campaign: Campaign) -> list[tuple[str, Money, object]]:
    """Every budget of the campaign: (whose, amount, where it is written)."""
    found: list[tuple[str, Money, object]] = []
    if campaign.budget is not None:
        found.append(("the campaign", campaign.budget, campaign.where("budget")))
    for name, channel in campaign.channels.items():
        if channel.budget is not None:
            found.append((name, channel.budget, channel.where("budget")))
    return found


def budget_currencies(campaign: Campaign) -> list[str]:
    """The currencies of the campaign's and its channels' budgets, in order of appearance."""
    return list(dict.fromkeys(money.currency for _, money, _ in _budgets(campaign)))


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
            f"channel budgets add up to {format_money(Money(amount=total, currency=currency))} "
            f"({detail}), more than the campaign budget of {format_money(campaign.budget)} "
            f"(over by {format_money(over)})",
        )


class TierSplit(Rule):
    """The split of the budget across `tier`s is far from 70-20-10.

    Counts the channels that have both a `budget` and a `tier` (proven,
    emerging, experimental); fires when any tier's share differs from 70 %,
    20 % or 10 % by more than the tolerance.  Skipped when no channel has both,
    or when their budgets are in several currencies (B005).
    """

    code = "B002"
    name = "tier-split"
    severity = Severity.INFO
    settings = (
        Setting("tier-tolerance", 15.0,
                "how many percentage points a tier's share may differ from 70-20-10", float, 0, 100),
    )
    why = (
        "The 70-20-10 rule popularised by Google puts 70 % of the budget on channels "
        "that are proven to deliver, 20 % on emerging ones and 10 % on experiments: "
        "stable results now, and something learnt for the next campaign. All on "
        "proven channels, nothing is learnt; too much on experiments, results are "
        "at risk."
    )
    example = (
        "channel instagram { budget 18_000 EUR; tier proven }\n"
        "channel tiktok    { budget 2_000 EUR; tier emerging }"
    )
    correction = (
        "channel instagram { budget 14_000 EUR; tier proven }\n"
        "channel tiktok    { budget 4_000 EUR; tier emerging }\n"
        "channel pinterest { budget 2_000 EUR; tier experimental }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        counted = [c for c in campaign.channels.values() if c.budget is not None and c.tier]
        if not counted or len({c.budget.currency for c in counted}) > 1:
            return
        total = sum((c.budget.amount for c in counted), Decimal(0))
        if total <= 0:
            return
        shares = {tier: Decimal(0) for tier in TIER_TARGETS}
        for channel in counted:
            shares[channel.tier] += channel.budget.amount
        shares = {tier: amount * 100 / total for tier, amount in shares.items()}
        tolerance = Decimal(str(ctx.setting("tier-tolerance")))
        if all(abs(shares[t] - target) <= tolerance for t, target in TIER_TARGETS.items()):
            return
        split = " / ".join(f"{format_percent(shares[t], 1)} {t}" for t in TIER_TARGETS)
        text = (f"budget split is {split}, far from 70-20-10 "
                f"(tolerance {format_amount(tolerance)} points)")
        unbudgeted = [f"{c.name} ({c.tier})" for c in campaign.channels.values() if c.tier and c.budget is None]
        if unbudgeted:
            verb = "has" if len(unbudgeted) == 1 else "have"
            text += f"; {names(unbudgeted)} {verb} no budget and {'is' if len(unbudgeted) == 1 else 'are'} not counted"
        yield ctx.finding(self, campaign.where("budget"), text)


def _is_paid(channel: CampaignChannel) -> bool:
    return channel.profile.kind == "ads"


class PaidChannelBudgetMismatch(Rule):
    """A paid channel (kind `ads`) has messages but no budget, or a budget but no messages.

    Looks at the channels the campaign declares whose profile has `kind ads`
    (`google_ads`, `meta_ads`, or a channel of your own).  A budget of zero
    counts as no budget.
    """

    code = "B003"
    name = "paid-channel-budget-mismatch"
    severity = Severity.WARNING
    why = (
        "Ads cost money per impression or click: ads planned without a budget "
        "will not run (or will run on money meant for something else), and a "
        "budget with no ad written for it is money set aside for nothing."
    )
    example = (
        "channel google_ads { budget 9_000 EUR }\n\n"
        "message tweet_1 { channel twitter }"
    )
    correction = (
        "channel google_ads { budget 9_000 EUR }\n\n"
        "message search_soldes {\n  channel google_ads\n  headline \"Soldes durables -30 %\"\n"
        "  description \"Mode éco-responsable, livraison offerte dès 50 €.\"\n"
        "  link \"https://verdure.fr/soldes\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for name, channel in campaign.channels.items():
            if not _is_paid(channel):
                continue
            messages = [m.name for m in campaign.messages if m.channel == name]
            funded = channel.budget is not None and channel.budget.amount > 0
            if messages and not funded:
                count = f"{len(messages)} message{'s' if len(messages) > 1 else ''}"
                budget = ("a budget of " + format_money(channel.budget)) if channel.budget is not None else "no budget"
                yield ctx.finding(
                    self, channel.where("budget") if channel.budget is not None else channel,
                    f"paid channel `{name}` has {count} ({names(f'`{m}`' for m in messages)}) "
                    f"but {budget}: give it a `budget`",
                )
            elif funded and not messages:
                yield ctx.finding(
                    self, channel.where("budget"),
                    f"paid channel `{name}` has a budget of {format_money(channel.budget)} "
                    "but no message: write its ads or move the budget elsewhere",
                )


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
            f"target CPA of {format_money(cpa)} is above what a customer brings in: "
            f"CLV {format_money(clv)} × margin {format_amount(margin.value)} % = "
            f"{format_money(ceiling_money)}, so each new customer would lose money",
        )


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
        budgets = _budgets(campaign)
        currencies = list(dict.fromkeys(money.currency for _, money, _ in budgets))
        if len(currencies) < 2:
            return
        first = currencies[0]
        by_currency = {c: [who for who, money, _ in budgets if money.currency == c] for c in currencies}
        detail = "; ".join(f"{c}: {', '.join(whos)}" for c, whos in by_currency.items())
        odd = next(where for _, money, where in budgets if money.currency != first)
        yield ctx.finding(
            self, odd,
            f"budgets are in {len(currencies)} currencies ({detail}) and cannot be added up: "
            "channel budgets are not checked against the campaign budget (B001); "
            f"write every budget in {first}",
        )

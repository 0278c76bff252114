"""The budget view: the campaign's budget, each channel's share, and the 70-20-10 split."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..i18n import gettext as _
from ..model import Campaign
from .fmt import format_money, format_percent

#: Google's 70-20-10 split: proven, emerging, experimental channels
TIER_TARGETS = {"proven": Decimal(70), "emerging": Decimal(20), "experimental": Decimal(10)}


def tier_label(tier: str) -> str:
    return {"proven": _("Proven"), "emerging": _("Emerging"), "experimental": _("Experimental")}.get(tier, tier)


@dataclass
class Bar:
    label: str
    amount: str
    percent: float  # width of the bar, % of the scale
    share: str  # share of the campaign budget, in words
    tier: str = ""


@dataclass
class TierRow:
    tier: str
    label: str
    channels: list[str]
    amount: str
    share: float
    share_text: str
    target: float
    target_text: str
    difference: str
    far: bool


@dataclass
class Budget:
    total: str
    currency: str
    bars: list[Bar]
    allocated: str
    balance: str  # what is left, or how much the channels exceed
    over: bool
    tiers: list[TierRow]
    notes: list[str] = field(default_factory=list)


def build_budget(campaign: Campaign, tolerance: float = 10.0) -> Budget | None:
    channels = [(name, c) for name, c in campaign.channels.items() if c.budget is not None]
    if campaign.budget is None and not channels:
        return None
    currencies = list(dict.fromkeys(
        ([campaign.budget.currency] if campaign.budget else []) + [c.budget.currency for _n, c in channels]))
    notes = []
    currency = currencies[0]
    if len(currencies) > 1:
        notes.append(_("Budgets are in several currencies ({list}): only those in {currency} are compared.").format(
            list=", ".join(currencies), currency=currency))
        channels = [(n, c) for n, c in channels if c.budget.currency == currency]
    allocated = sum((c.budget.amount for _n, c in channels), Decimal(0))
    total = campaign.budget.amount if campaign.budget and campaign.budget.currency == currency else None
    scale = max(total or Decimal(0), allocated) or Decimal(1)
    bars = []
    for name, channel in sorted(channels, key=lambda item: -item[1].budget.amount):
        amount = channel.budget.amount
        share = (_("{share} of the campaign budget").format(share=format_percent(amount * 100 / total))
                 if total else "")
        bars.append(Bar(name, format_money(amount, currency), float(amount * 100 / scale), share, channel.tier or ""))
    without = [name for name, c in campaign.channels.items() if c.budget is None]
    if without:
        notes.append(_("No budget given for: {list}.").format(list=", ".join(without)))
    if total is None:
        balance, over = _("The campaign has no overall budget."), False
    elif allocated > total:
        balance, over = _("The channels add up to {amount} more than the campaign budget.").format(
            amount=format_money(allocated - total, currency)), True
    else:
        balance, over = _("{amount} not yet given to a channel.").format(
            amount=format_money(total - allocated, currency)), False
    tiers = []
    tiered = [(n, c) for n, c in channels if c.tier]
    tier_total = sum((c.budget.amount for _n, c in tiered), Decimal(0))
    if tier_total > 0:
        for tier, target in TIER_TARGETS.items():
            names = [n for n, c in tiered if c.tier == tier]
            amount = sum((c.budget.amount for n, c in tiered if c.tier == tier), Decimal(0))
            share = amount * 100 / tier_total
            diff = share - target
            tiers.append(TierRow(tier, tier_label(tier), names, format_money(amount, currency), float(share),
                                 format_percent(share, 1), float(target), format_percent(target),
                                 (_("+{points} points") if diff > 0 else _("{points} points")).format(
                                     points=format_percent(diff, 1).replace(" %", "")),
                                 abs(diff) > Decimal(str(tolerance))))
        untiered = [n for n, c in channels if not c.tier]
        if untiered:
            notes.append(_("Not counted in the 70-20-10 split (no tier): {list}.").format(list=", ".join(untiered)))
    return Budget(format_money(total, currency) if total is not None else "", currency, bars,
                  format_money(allocated, currency), balance, over, tiers, notes)

"""B002 tier-split."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...rule import Rule, Setting
from .._format import format_amount, format_percent, names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

#: Google's 70-20-10 split: proven, emerging, experimental
TIER_TARGETS = {"proven": Decimal(70), "emerging": Decimal(20), "experimental": Decimal(10)}


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
        text = _("budget split is {split}, far from 70-20-10 (tolerance {tolerance} points)").format(
            split=split, tolerance=format_amount(tolerance))
        unbudgeted = [f"{c.name} ({c.tier})" for c in campaign.channels.values() if c.tier and c.budget is None]
        if unbudgeted:
            text += ngettext("; {channels} has no budget and is not counted",
                             "; {channels} have no budget and are not counted", len(unbudgeted)).format(
                channels=names(unbudgeted))
        yield ctx.finding(self, campaign.where("budget"), text)

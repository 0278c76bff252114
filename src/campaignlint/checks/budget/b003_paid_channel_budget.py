"""B003 paid-channel-budget-mismatch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...model import CampaignChannel
from ...rule import Rule
from .._format import format_money, names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


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
                count = ngettext("{count} message", "{count} messages", len(messages)).format(count=len(messages))
                budget = (_("a budget of {amount}").format(amount=format_money(channel.budget))
                          if channel.budget is not None else _("no budget"))
                yield ctx.finding(
                    self, channel.where("budget") if channel.budget is not None else channel,
                    _("paid channel `{name}` has {count} ({names}) but {budget}: give it a `budget`").format(
                        name=name, count=count, names=names(f'`{m}`' for m in messages), budget=budget),
                )
            elif funded and not messages:
                yield ctx.finding(
                    self, channel.where("budget"),
                    _("paid channel `{name}` has a budget of {money} but no message: write its ads or move "
                      "the budget elsewhere").format(name=name, money=format_money(channel.budget)),
                )

"""F001 empty-funnel-stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Campaign
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _funnel_text(campaign: Campaign) -> str:
    return " → ".join(campaign.funnel)


class EmptyFunnelStage(Rule):
    """A stage of the campaign's funnel has no message.

    One finding per empty stage, at the campaign's `funnel` line (its header
    when the funnel is the default one).  Not reported while no message of the
    campaign has a `stage` at all: F004 asks for the stages first.
    """

    code = "F001"
    name = "empty-funnel-stage"
    severity = Severity.WARNING
    why = (
        "A funnel with an empty stage is a journey with a gap: people hear about "
        "the brand and are then asked to buy with nothing in between to convince "
        "them. The middle of the funnel — consideration, interest, desire — is the "
        "stage most often left empty."
    )
    example = (
        "message ig_teaser { channel instagram; stage awareness }\n"
        "message email_promo { channel email; stage conversion }"
    )
    correction = (
        "message ig_teaser { channel instagram; stage awareness }\n"
        "message tiktok_essai { channel tiktok; stage consideration }\n"
        "message email_promo { channel email; stage conversion }\n"
        "message ig_fidelite { channel instagram; stage loyalty }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        staged = {m.stage for m in campaign.messages if m.stage}
        if not staged:
            return
        at = campaign.where("funnel")
        for stage in campaign.funnel:
            if stage not in staged:
                yield ctx.finding(
                    self, at,
                    _("funnel stage `{stage}` has no message (funnel: {funnel_text})").format(
                        stage=stage, funnel_text=_funnel_text(campaign)),
                )

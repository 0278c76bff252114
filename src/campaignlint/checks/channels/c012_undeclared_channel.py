"""C012 undeclared-channel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import same_channel

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class UndeclaredChannel(Rule):
    """A message uses a channel the campaign does not declare.

    The campaign has no `channel NAME` block (or bare `channel NAME` line) for
    the message's channel, so the channel has no budget, owner or campaign
    settings.  `x` and `twitter` are different names here: use the one the
    campaign declares.
    """

    code = "C012"
    name = "undeclared-channel"
    severity = Severity.WARNING
    why = (
        "The channel mix is a decision: each channel gets its budget, its owner "
        "and its role in the journey. A message on a channel nobody declared is "
        "work nobody planned, funded or will measure."
    )
    example = (
        "channel instagram\n\n"
        "message tt_essai {\n  channel tiktok\n  body \"Trois façons de porter notre veste durable.\"\n}"
    )
    correction = (
        "channel instagram\nchannel tiktok { owner \"Équipe social\" }\n\n"
        "message tt_essai {\n  channel tiktok\n  body \"Trois façons de porter notre veste durable.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            name = message.channel
            if name is None or name in campaign.channels or campaign.channel_profile(name) is None:
                continue
            declared = ", ".join(campaign.channels) or pgettext("channels", "none")
            alias = next((c for c in campaign.channels if same_channel(c, name)), None)
            hint = (_("; it declares `{alias}`, the same platform: use that name").format(alias=alias) if alias
                    else _("; add `channel {name}` to the campaign (declared: {declared})").format(
                        name=name, declared=declared))
            yield ctx.finding(
                self, message.where("channel"),
                _("message `{message}` goes out on {name}, a channel the campaign does not declare{hint}").format(
                    message=message.name, name=name, hint=hint),
            )

"""S003 segment-off-channel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import same_channel

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class SegmentOffChannel(Rule):
    """A message goes to a segment on a channel that segment does not use.

    Compares the message's `channel` with the segment's `channels` (where that
    audience actually is).  Segments without a `channels` list are not
    checked.  `x` and `twitter` count as the same channel.
    """

    code = "S003"
    name = "segment-off-channel"
    severity = Severity.WARNING
    why = (
        "Channels are chosen for each segment because that is where its people "
        "actually are: an SMS to a segment that only follows the brand on "
        "Instagram and TikTok is a message nobody in that segment reads (or one "
        "sent to numbers collected for another purpose)."
    )
    example = (
        "segment urban_runners { channels instagram, tiktok, email }\n\n"
        "message sms_relance {\n  channel sms\n  segments urban_runners\n}"
    )
    correction = (
        "segment urban_runners { channels instagram, tiktok, email }\n\n"
        "message email_relance {\n  channel email\n  segments urban_runners\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            if message.channel is None:
                continue
            for name in dict.fromkeys(message.segments):
                segment = campaign.segments.get(name)
                if segment is None or not segment.channels:
                    continue
                if any(same_channel(message.channel, c) for c in segment.channels):
                    continue
                yield ctx.finding(
                    self, message.where("segments"),
                    _("message `{message}` goes to segment `{name}` on {channel}, a channel that segment "
                      "does not use (its channels: {channels})").format(
                        message=message.name, name=name, channel=message.channel,
                        channels=', '.join(segment.channels)),
                )

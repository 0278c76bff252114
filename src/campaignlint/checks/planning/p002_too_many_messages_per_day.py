"""P002 too-many-messages-per-day."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule, Setting
from .._format import audience_label, audiences, local_time, names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class TooManyMessagesPerDay(Rule):
    """One segment receives more messages in a day than the configured maximum, across channels.

    Counts, per segment and per calendar day of the campaign's time zone, the
    messages that reach it (a message without `at` does not count).  A campaign
    without segments is checked for its whole audience; when it has segments,
    a message without one reaches none of them (S005).  The finding points at
    the first message over the limit that day.
    """

    code = "P002"
    name = "too-many-messages-per-day"
    severity = Severity.WARNING
    settings = (
        Setting("max-messages-per-day", 2,
                "how many messages one segment may receive in one day, all channels together", int, 1),
    )
    why = (
        "Each channel team sees only its own calendar; the customer sees them all. "
        "An Instagram post, an email and an SMS on the same day feel like pressure, "
        "not a conversation, and push people to unsubscribe. Coordinate the "
        "channels so that each segment hears from the brand at a bearable pace."
    )
    example = (
        "message ig_story    { channel instagram; segments urban_runners; at 2027-03-08 09:00 }\n"
        "message email_promo { channel email;     segments urban_runners; at 2027-03-08 10:00 }\n"
        "message tiktok_defi { channel tiktok;    segments urban_runners; at 2027-03-08 18:00 }"
    )
    correction = (
        "message ig_story    { channel instagram; segments urban_runners; at 2027-03-08 09:00 }\n"
        "message email_promo { channel email;     segments urban_runners; at 2027-03-08 10:00 }\n"
        "message tiktok_defi { channel tiktok;    segments urban_runners; at 2027-03-09 18:00 }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        limit = int(ctx.setting("max-messages-per-day"))
        for segment, messages in audiences(campaign).items():
            by_day: dict = defaultdict(list)
            for message in messages:
                if message.at is not None:
                    local = local_time(message.at, campaign)
                    by_day[local.date()].append((local, message))
            for day, sent in sorted(by_day.items()):
                if len(sent) <= limit:
                    continue
                sent.sort(key=lambda item: item[0])
                listed = names(_("`{message}` {time} on {channel}").format(
                    message=m.name, time=f"{t:%H:%M}", channel=m.channel) for t, m in sent)
                yield ctx.finding(
                    self, sent[limit][1].where("at"),
                    _("{audience_label} receives {count} messages on {day} ({listed}), more than the maximum "
                      "of {limit} a day").format(
                        audience_label=audience_label(segment), count=len(sent), day=day.isoformat(),
                        listed=listed, limit=limit),
                )

"""J005: one journey alone sends more than the channel's frequency cap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._v2 import FREQUENCY, cap_for, cap_words, configured_caps, journeys, over_cap

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _offset(seconds: float) -> str:
    if seconds % 86400 == 0 and seconds:
        return _("{count} d").format(count=int(seconds // 86400))
    if seconds % 3600 == 0:
        return f"{int(seconds // 3600)} h"
    return f"{int(seconds // 60)} min"


class JourneyOverFrequencyCap(Rule):
    """The messages one person can receive from a journey on a channel exceed the channel's frequency cap within one
    period.

    Every message of the journey counts, at its offset from the root event
    (send windows can only delay).  The cap is the segment's, else the
    brand's, else the configuration's `[frequency]`.
    """

    code = "J005"
    name = "journey-over-frequency-cap"
    severity = Severity.WARNING
    settings = (FREQUENCY,)
    why = "A journey that alone fills the cap leaves no room for the brand's other messages, and tires the customer."
    example = (
        "brand b { frequency push 1 per day }\n\n"
        "message favori_1 { channel push; after event favori 1 hours }\n"
        "message favori_2 { channel push; after message favori_1 2 hours }"
    )
    correction = (
        "brand b { frequency push 1 per day }\n\n"
        "message favori_1 { channel push; after event favori 1 hours }\n"
        "message favori_2 { channel push; after message favori_1 1 day }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        configured = configured_caps(ctx.setting("frequency"))
        for event, steps in journeys(campaign).items():
            groups: dict[tuple[str, str | None], list] = {}
            for step in steps:
                for segment in step.message.segments or [None]:
                    groups.setdefault((step.message.channel, segment), []).append(step)
            reported: set[str] = set()
            for (channel, segment_name), group in groups.items():
                if channel is None or len(group) < 2:
                    continue
                profile = campaign.channel_profile(channel)
                segment = campaign.segments.get(segment_name) if segment_name else None
                cap = cap_for(segment, campaign, channel, profile, configured)
                if cap is None:
                    continue
                found = over_cap([(step.offset, step) for step in group], cap)
                if found is None or found[0].message.name in reported:
                    continue
                step, window = found
                reported.add(step.message.name)
                others = ", ".join(f"`{s.message.name}` (+{_offset(s.offset)})" for s in window)
                within = {"day": _("within one day"), "week": _("within one week"),
                          "month": _("within one month")}.get(cap.period, f"within one {cap.period}")
                yield ctx.finding(self, step.message,
                                  _("the `{event}` journey sends {count} {channel} messages {within}: `{message}` "
                                    "(+{offset}) with {others}; cap {cap}").format(
                                      event=event, count=len(window) + 1, channel=channel, within=within,
                                      message=step.message.name, offset=_offset(step.offset), others=others,
                                      cap=cap_words(cap)))

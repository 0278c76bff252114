"""J005: one journey alone sends more than the channel's frequency cap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...findings import Finding, Severity
from ...rule import Rule
from .._v2 import FREQUENCY, cap_for, configured_caps, journeys, over_cap

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _offset(seconds: float) -> str:
    if seconds % 86400 == 0 and seconds:
        return f"{int(seconds // 86400)} d"
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
                yield ctx.finding(self, step.message,
                                  f"the `{event}` journey sends {len(window) + 1} {channel} messages within one "
                                  f"{cap.period}: `{step.message.name}` (+{_offset(step.offset)}) with {others}; "
                                  f"cap {cap}")

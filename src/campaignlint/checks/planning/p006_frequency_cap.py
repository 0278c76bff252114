"""P006 — frequency caps across every campaign file of the run (project scope)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import language
from ...model import PERIOD_SECONDS
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import local_time
from .._v2 import FREQUENCY, cap_for, cap_words, configured_caps, over_cap

if TYPE_CHECKING:  # pragma: no cover
    from ...context import FileContext, ProjectContext

_ORDINAL = {1: "1st", 2: "2nd", 3: "3rd"}
_EPOCH = dt.datetime(2000, 1, 1)


def _ordinal(n: int) -> str:
    if language() != "en":  # French: 1er, 2e, 3e…
        return _("{n}st").format(n=n) if n == 1 else _("{n}th").format(n=n)
    return _ORDINAL.get(n, f"{n}th")


class FrequencyCapExceeded(Rule):
    """A segment receives more messages on a channel than its frequency cap allows, across every campaign file of the
    run.

    Project scope: it sees the scheduled messages of every campaign file the
    run was given or found.  Segments are the same people when they are the
    same top-level segment (one definition, imported by several files) or
    carry the same name in campaigns of the same brand (or, without brand,
    anywhere in the run).  For each segment and each channel with a cap
    (segment's, brand's or the configuration's `[frequency]`), the cap's
    period slides over the send times; the first message over the cap is
    reported.  Triggered messages are J005's.
    """

    code = "P006"
    name = "frequency-cap-exceeded"
    severity = Severity.WARNING
    scope = "project"
    settings = (FREQUENCY,)
    why = (
        "Each campaign team sees its own calendar; the customer sees them all, and unsubscribes. "
        "A cap only works when every campaign counts against it."
    )
    example = (
        "brand b { frequency email 2 per week }\n\n"
        "# noel.camp: email_j1 on 12-01, email_j3 on 12-03\n# soldes.camp: newsletter on 12-04"
    )
    correction = "# move `newsletter` to the next week, or merge it with `email_j3`"

    def summarize(self, ctx: "FileContext") -> list | None:
        """Each scheduled message of the file, once per segment it goes to: brand, segment, channel, send time
        (seconds, local), campaign, message, where, and the cap that applies there (count, period) or None."""
        model = ctx.model
        if model is None:
            return None
        configured = configured_caps(ctx.setting("frequency"))
        entries = []
        for campaign in model.campaigns:
            brand = campaign.brand.name if campaign.brand else None
            profiles: dict[str, object] = {}
            for message in campaign.messages:
                if message.at is None or message.channel is None:
                    continue
                for name in message.segments:
                    segment = campaign.segments.get(name)
                    if segment is None:
                        continue
                    channel = message.channel
                    if channel not in profiles:
                        profiles[channel] = campaign.channel_profile(channel)
                    cap = cap_for(segment, campaign, channel, profiles[channel], configured)
                    at = local_time(message.at, campaign).replace(tzinfo=None)
                    entries.append([brand, name, channel, (at - _EPOCH).total_seconds(), campaign.name, message.name,
                                    ctx.where(message), None if cap is None else [cap.count, cap.period]])
        return entries or None

    def check_project(self, ctx: "ProjectContext") -> Iterator[Finding]:
        groups: dict[tuple, list] = {}
        for file in ctx.files:
            for entry in file.summary or ():
                groups.setdefault((entry[0], entry[1], entry[2]), []).append((file.display, entry))
        for (_brand, segment_name, channel), entries in sorted(groups.items(), key=lambda item: str(item[0])):
            stored = entries[0][1][7]  # the cap where the segment's first message is
            if stored is None:
                continue
            cap = _Cap(*stored)
            found = over_cap([(entry[3], (display, entry)) for display, entry in entries], cap)
            if found is None:
                continue
            (display, entry), window = found
            others = ", ".join(self._name(other, display) for other in window)
            days = {"day": _("24 hours"), "week": _("7 days"), "month": _("30 days")}[cap.period]
            yield ctx.finding(self, entry[6], _("`{message}` is the {ordinal} {channel} to `{segment}` in {days}, "
                                                "with {others}: cap {cap} (all campaigns together)").format(
                message=entry[5], ordinal=_ordinal(len(window) + 1), channel=channel, segment=segment_name,
                days=days, others=others, cap=cap_words(cap)))

    @staticmethod
    def _name(item, here: str) -> str:
        display, entry = item
        campaign, message = entry[4], entry[5]
        if display == here:
            return f"`{campaign}:{message}`" if campaign else f"`{message}`"
        return f"`{display}:{message}`"


@dataclass(frozen=True)
class _Cap:
    """A frequency cap as a summary keeps it (what ``over_cap`` reads)."""

    count: int
    period: str

    @property
    def seconds(self) -> int:
        return PERIOD_SECONDS[self.period]

    def __str__(self) -> str:
        return f"{self.count} per {self.period}"

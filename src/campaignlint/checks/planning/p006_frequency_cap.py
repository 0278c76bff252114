"""P006 — frequency caps across every campaign file of the run (project scope)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import language
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import local_time
from .._v2 import FREQUENCY, cap_for, cap_words, configured_caps, over_cap

if TYPE_CHECKING:  # pragma: no cover
    from ...context import ProjectContext

_ORDINAL = {1: "1st", 2: "2nd", 3: "3rd"}


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

    def check_project(self, ctx: "ProjectContext") -> Iterator[Finding]:
        groups: dict[tuple, list] = {}
        for loaded, settings in ctx.files:
            model = loaded.model
            if model is None:
                continue
            for campaign in model.campaigns:
                for message in campaign.messages:
                    if message.at is None or message.channel is None:
                        continue
                    for name in message.segments:
                        segment = campaign.segments.get(name)
                        if segment is None:
                            continue
                        brand = campaign.brand.name if campaign.brand else None
                        key = (brand, name, message.channel)
                        groups.setdefault(key, []).append((loaded, settings, campaign, segment, message))
        for (_brand, segment_name, channel), entries in sorted(groups.items(), key=lambda item: str(item[0])):
            loaded, settings, campaign, segment, _message = entries[0]
            profile = campaign.channel_profile(channel)
            cap = cap_for(segment, campaign, channel, profile, configured_caps(settings.setting("frequency")))
            if cap is None:
                continue
            times = []
            for entry in entries:
                at = local_time(entry[4].at, entry[2]).replace(tzinfo=None)
                times.append(((at - dt.datetime(2000, 1, 1)).total_seconds(), entry))
            found = over_cap(times, cap)
            if found is None:
                continue
            (loaded, settings, campaign, segment, message), window = found
            fctx = ctx.context_for(loaded, settings)
            others = ", ".join(self._name(e, loaded) for e in window)
            days = {"day": _("24 hours"), "week": _("7 days"), "month": _("30 days")}[cap.period]
            yield fctx.finding(self, message, _("`{message}` is the {ordinal} {channel} to `{segment}` in {days}, "
                                                "with {others}: cap {cap} (all campaigns together)").format(
                message=message.name, ordinal=_ordinal(len(window) + 1), channel=channel, segment=segment_name,
                days=days, others=others, cap=cap_words(cap)))

    @staticmethod
    def _name(entry, here) -> str:
        loaded, _settings, campaign, _segment, message = entry
        if loaded is here:
            return f"`{campaign.name}:{message.name}`" if campaign.name else f"`{message.name}`"
        return f"`{loaded.display}:{message.name}`"

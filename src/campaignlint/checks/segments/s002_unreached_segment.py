"""S002 unreached-segment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import audiences, names
from ._shared import segment_reference

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class UnreachedSegment(Rule):
    """A segment of the campaign is reached by no message.

    A message reaches the segments it names with `segment` / `segments`; a
    message that names no segment counts for none of them.  The finding points
    at the line where the campaign names the segment.
    """

    code = "S002"
    name = "unreached-segment"
    severity = Severity.WARNING
    why = (
        "A segment that no message reaches is an audience the plan forgot: its "
        "persona was worked out, its channels chosen, and nothing is sent to it. "
        "Either write its messages or remove it from the campaign."
    )
    example = (
        "segment urban_runners\nsegment loyal_customers\n\n"
        "message ig_teaser {\n  channel instagram\n  segments urban_runners\n}"
    )
    correction = (
        "segment urban_runners\nsegment loyal_customers\n\n"
        "message ig_teaser {\n  channel instagram\n  segments urban_runners\n}\n"
        "message email_fidelite {\n  channel email\n  segments loyal_customers\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if not campaign.segments:
            return
        reached = audiences(campaign)
        unnamed = [m.name for m in campaign.messages if not m.segments]
        for name, segment in campaign.segments.items():
            if reached.get(name):
                continue
            text = _("segment `{name}` is reached by no message").format(name=name)
            if unnamed:
                text += ngettext(" ({messages} names no segment, so they count for none)",
                                 " ({messages} name no segment, so they count for none)", len(unnamed)).format(
                    messages=names(f"`{n}`" for n in unnamed))
            yield ctx.finding(self, segment_reference(campaign, segment), text)

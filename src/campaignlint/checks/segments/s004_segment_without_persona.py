"""S004 segment-without-persona."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class SegmentWithoutPersona(Rule):
    """A segment has neither `persona` nor `description`.

    The finding points at the segment's definition (in the imported file when
    the segment is shared).
    """

    code = "S004"
    name = "segment-without-persona"
    severity = Severity.INFO
    why = (
        "A segment name such as `urban_runners` says little to the copywriter: a "
        "persona (\"Maya, 28, marketing manager in Lyon, runs three times a week\") "
        "turns an audience into someone you can write for, and keeps every channel "
        "speaking to the same person."
    )
    example = "segment urban_runners {\n  channels instagram, tiktok\n}"
    correction = (
        "segment urban_runners {\n"
        "  persona \"Maya, 28 ans, responsable marketing à Lyon, court trois fois par semaine\"\n"
        "  channels instagram, tiktok\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for name, segment in ctx.campaign.segments.items():
            if not segment.persona and not segment.description:
                yield ctx.finding(
                    self, segment,
                    _("segment `{name}` has no `persona` nor `description`: say who these people are, so "
                      "that every message is written for them").format(name=name),
                )

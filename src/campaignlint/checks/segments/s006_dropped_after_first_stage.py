"""S006 segment-dropped-after-first-stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import audiences, names
from ._shared import segment_reference

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class SegmentDroppedAfterFirstStage(Rule):
    """A segment is reached only in the first stage of the funnel.

    Fires when every message that reaches the segment is of the funnel's first
    stage (`awareness`, or `attention` in AIDA): the segment is made aware and
    then dropped.  A segment that no message reaches is S002's; a segment
    reached by a message without `stage` is not judged (its stage is unknown).
    """

    code = "S006"
    name = "segment-dropped-after-first-stage"
    severity = Severity.INFO
    why = (
        "A journey is a sequence: people discover the brand, consider it, buy, come "
        "back. Raising a segment's awareness and then never following up — no "
        "consideration content, no offer — pays for attention that nothing "
        "converts."
    )
    example = (
        "segment urban_runners\n\n"
        "message ig_teaser {\n  channel instagram\n  segments urban_runners\n  stage awareness\n}"
    )
    correction = (
        "segment urban_runners\n\n"
        "message ig_teaser {\n  channel instagram\n  segments urban_runners\n  stage awareness\n}\n"
        "message tiktok_essai {\n  channel tiktok\n  segments urban_runners\n  stage consideration\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if not campaign.segments or len(campaign.funnel) < 2:
            return
        first = campaign.funnel[0]
        for name, messages in audiences(campaign).items():
            if not messages or any(m.stage is None for m in messages):
                continue
            if all(m.stage == first for m in messages):
                later = ", ".join(campaign.funnel[1:])
                yield ctx.finding(
                    self, segment_reference(campaign, campaign.segments[name]),
                    _("segment `{name}` is reached only at the `{first}` stage ({names}) and never after "
                      "({later}): they are made aware, then dropped").format(
                        name=name, first=first, names=names(f'`{m.name}`' for m in messages), later=later),
                )

"""What the S rules share.

Private to the segments family: other families do not import it.
"""

from __future__ import annotations

from ...model import Campaign, Segment


def segment_reference(campaign: Campaign, segment: Segment):
    """Where the campaign names ``segment``: its `segment NAME` line in the
    campaign (a segment imported from another file has its own span there)."""
    return campaign.spans.get(f"segment {segment.name}", segment.span)

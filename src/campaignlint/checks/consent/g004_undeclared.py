"""G004: direct messages to a segment that declares no consent, or to no segment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._v2 import is_direct, segment_span

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ConsentNotDeclared(Rule):
    """A segment with no `consent` at all receives direct messages, or a direct message has no segment.

    Reported once per segment and channel, on the segment.  A warning: v1
    files declare no consent and their senders may well hold it; once the
    team writes down what it holds, G001–G003 check it.
    """

    code = "G004"
    name = "consent-not-declared"
    severity = Severity.WARNING
    why = (
        "Consent is the largest legal exposure of direct marketing (CNIL fines, operator blocks). "
        "Writing down the basis held per channel is what lets campaignlint check every message against it."
    )
    example = "segment inscrits { description \"Inscrits au jeu-concours\" }"
    correction = "segment inscrits {\n  description \"Inscrits au jeu-concours\"\n  consent email opt-in\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        reported: set[tuple[str, str]] = set()
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            if not is_direct(profile):
                continue
            if not message.segments:
                yield ctx.finding(self, message, _("message `{message}` goes by {channel} to no segment: name its "
                                    "segments so their consent can be checked").format(
                                      message=message.name, channel=message.channel))
                continue
            for name in message.segments:
                segment = campaign.segments.get(name)
                if segment is None or segment.consent is not None or (name, message.channel) in reported:
                    continue
                reported.add((name, message.channel))
                yield ctx.finding(self, segment_span(campaign, segment, ctx.model.path),
                                  _("`{segment}` receives {channel} messages (`{message}`…) but declares no consent: "
                                    "write what it holds, e.g. `consent {channel} opt-in`").format(
                                      segment=name, channel=message.channel, message=message.name))

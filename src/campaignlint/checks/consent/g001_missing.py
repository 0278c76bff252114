"""G001: a direct message to a segment that holds no consent for its channel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._v2 import consent_of, is_direct

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class NoConsentForChannel(Rule):
    """A direct message goes to a segment that declares `consent` but none for this channel, or `none`.

    The consent is looked up by the channel's name, then by its kind; direct
    channels are those of kind `email`, `sms`, `push`, `chat` and `voice`.
    """

    code = "G001"
    name = "no-consent-for-channel"
    severity = Severity.ERROR
    why = (
        "Direct marketing by email, SMS or automated call needs the person's prior consent "
        "(CPCE art. L34-5; RGPD art. 6(1)(a) and 7); a push or chat message needs the permission "
        "given on the device or in the app. One message can cost a CNIL fine and the sender's "
        "reputation with operators and mailbox providers."
    )
    example = (
        "segment prospects { consent email opt-in }\n\n"
        "message push_1 { channel push; segments prospects; at 2026-12-02 12:00; body \"Nos paniers\" }"
    )
    correction = (
        "segment prospects { consent email opt-in }\n\n"
        "message email_1 { channel email; segments prospects; at 2026-12-02 12:00; subject \"Nos paniers\" }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            if not is_direct(profile):
                continue
            for name in message.segments:
                segment = campaign.segments.get(name)
                if segment is None or segment.consent is None:
                    continue  # G004's
                found = consent_of(segment, message.channel, profile)
                if found is None:
                    held = ", ".join(f"{k} {v}" for k, v in segment.consent.items()) or _("nothing")
                    yield ctx.finding(self, message, _("message `{message}` goes by {channel} to `{segment}`, whose "
                                                       "consent covers {held}, not {channel}").format(
                        message=message.name, channel=message.channel, segment=name, held=held))
                elif found[1] == "none":
                    yield ctx.finding(self, message, _("message `{message}` goes by {channel} to `{segment}`, which "
                                                       "declares `consent {basis} none`").format(
                        message=message.name, channel=message.channel, segment=name, basis=found[0]))

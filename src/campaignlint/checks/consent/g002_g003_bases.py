"""G002 and G003: a legal basis that does not apply to the segment or the channel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Segment
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import FileContext


def file_segments(ctx: "FileContext") -> list[Segment]:
    """The segments written in this file: top level and inside its campaigns (each once)."""
    model = ctx.model
    if model is None:
        return []
    found: dict[int, Segment] = {}
    path = model.path
    for segment in model.segments.values():
        found[id(segment)] = segment
    for campaign in model.campaigns:
        for segment in campaign.segments.values():
            if segment.span.path == path and all(s.span != segment.span for s in found.values()):
                found[id(segment)] = segment
    return list(found.values())


def kind_of(ctx: "FileContext", channel: str) -> str | None:
    """The kind of a consent key: a kind itself, or the kind of the channel it names."""
    from .._v2 import DIRECT_KINDS

    if channel in DIRECT_KINDS:
        return channel
    model = ctx.model
    for campaign in model.campaigns:
        profile = campaign.channel_profile(channel)
        if profile is not None:
            return profile.kind
    profile = model.channels.get(channel)
    if profile is not None:
        return profile.kind
    from ...frontend.loader import builtin_channels

    builtin = builtin_channels().get(channel)
    return builtin.kind if builtin is not None else None


class SoftOptInForProspects(Rule):
    """`soft-opt-in` on a segment whose `relationship` is `prospects` or `mixed`."""

    code = "G002"
    name = "soft-opt-in-for-prospects"
    severity = Severity.ERROR
    scope = "file"
    why = (
        "The exception of CPCE L34-5 al. 4 covers only people whose address was collected during a "
        "sale, for similar products of the same company: prospects must have opted in."
    )
    example = "segment prospects {\n  relationship prospects\n  consent email soft-opt-in\n}"
    correction = "segment prospects {\n  relationship prospects\n  consent email opt-in\n}"

    def check_file(self, ctx: "FileContext") -> Iterator[Finding]:
        for segment in file_segments(ctx):
            if segment.consent is None or segment.relationship not in ("prospects", "mixed"):
                continue
            for channel, basis in segment.consent.items():
                if basis == "soft-opt-in":
                    said = _("`{segment}` is prospects: `soft-opt-in` covers only existing customers (CPCE L34-5 "
                             "al. 4); its {channel} needs an opt-in") if segment.relationship == "prospects" else \
                        _("`{segment}` is partly prospects (mixed): `soft-opt-in` covers only existing customers "
                          "(CPCE L34-5 al. 4); its {channel} needs an opt-in")
                    yield ctx.finding(self, segment.where(f"consent.{channel}"),
                                      said.format(segment=segment.name, channel=channel))


class LegitimateInterestOutsideB2bEmail(Rule):
    """`legitimate-interest` on a channel that is not of kind `email`, or on a segment whose `market` is not `b2b`."""

    code = "G003"
    name = "legitimate-interest-outside-b2b-email"
    severity = Severity.ERROR
    scope = "file"
    why = (
        "The CNIL accepts legitimate interest (RGPD art. 6(1)(f)) for professional email about the "
        "recipient's job only; consumers and SMS need consent."
    )
    example = "segment pros {\n  market b2c\n  consent sms legitimate-interest\n}"
    correction = "segment pros {\n  market b2b\n  consent email legitimate-interest, sms opt-in\n}"

    def check_file(self, ctx: "FileContext") -> Iterator[Finding]:
        for segment in file_segments(ctx):
            for channel, basis in (segment.consent or {}).items():
                if basis != "legitimate-interest":
                    continue
                kind = kind_of(ctx, channel)
                if kind != "email":
                    reason = _("{channel} is not an email channel: SMS, push and calls need consent").format(
                        channel=channel)
                elif segment.market != "b2b":
                    reason = _("`{segment}` is a consumer segment (market {market}): consumers need consent").format(
                        segment=segment.name, market=segment.market)
                else:
                    continue
                yield ctx.finding(self, segment.where(f"consent.{channel}"),
                                  _("legitimate interest covers professional email only (RGPD 6(1)(f), CNIL); "
                                    "{reason}").format(reason=reason))

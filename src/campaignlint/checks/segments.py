"""S — segments and coverage.

Who each message is for.  A message reaches the segments it names
(`segment` / `segments`); a message that names none reaches no particular
segment and counts for none of them (S002).  The helper ``audiences`` is
shared with the funnel and planning rules (F003, P002).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Severity
from ..model import Campaign, Message, Segment
from ..rule import Rule
from ._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext

#: the whole audience, for a campaign that defines no segment
WHOLE_AUDIENCE = None

#: channel names that are the same platform under two names (the built-in
#: `x` profile is twitter under its new name): a segment that lists one is
#: reached on the other
_SAME_PLATFORM = {"x": "twitter"}


def same_channel(a: str | None, b: str | None) -> bool:
    """Whether two channel names are the same platform (`x` is `twitter`)."""
    if a is None or b is None:
        return False
    return _SAME_PLATFORM.get(a, a) == _SAME_PLATFORM.get(b, b)


def audiences(campaign: Campaign) -> dict[str | None, list[Message]]:
    """The messages each audience receives, in file order.

    Keyed by segment name (every segment of the campaign, even one that no
    message reaches).  A campaign with no segment at all speaks to its whole
    audience: every message is then listed under ``WHOLE_AUDIENCE`` (None).
    When the campaign has segments, a message that names none is in no list.
    """
    if not campaign.segments:
        return {WHOLE_AUDIENCE: list(campaign.messages)}
    found: dict[str | None, list[Message]] = {name: [] for name in campaign.segments}
    for message in campaign.messages:
        for name in dict.fromkeys(message.segments):
            if name in found:
                found[name].append(message)
    return found


def audience_label(segment: str | None) -> str:
    """``segment `urban_runners``` or ``the whole audience``."""
    return "the whole audience" if segment is None else f"segment `{segment}`"


def segment_reference(campaign: Campaign, segment: Segment):
    """Where the campaign names ``segment``: its `segment NAME` line in the
    campaign (a segment imported from another file has its own span there)."""
    return campaign.spans.get(f"segment {segment.name}", segment.span)


class NoSegment(Rule):
    """The campaign defines no segment: the whole audience is treated as one.

    Fires once per campaign that has no `segment` (neither its own block nor a
    reference to a shared one).
    """

    code = "S001"
    name = "no-segment"
    severity = Severity.WARNING
    why = (
        "Treating the whole audience as one group is one of the most common "
        "mistakes of multichannel campaigns: the same message then goes to a new "
        "prospect and to a loyal customer, engagement drops and budget is wasted. "
        "Name at least the groups you speak to differently, with the channels "
        "where they really are."
    )
    example = (
        "campaign soldes_hiver {\n  period 2027-01-07 .. 2027-02-03\n\n"
        "  message tweet_1 { channel twitter }\n}"
    )
    correction = (
        "campaign soldes_hiver {\n  period 2027-01-07 .. 2027-02-03\n\n"
        "  segment loyal_customers {\n    description \"Clients ayant acheté deux fois en 12 mois\"\n"
        "    channels email, sms\n  }\n\n"
        "  message email_1 { channel email; segments loyal_customers }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if not campaign.segments:
            yield ctx.finding(
                self, campaign,
                f"campaign `{campaign.name}` has no segment: every message goes to the whole "
                "audience as one; define who each message is for with `segment` blocks",
            )


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
            text = f"segment `{name}` is reached by no message"
            if unnamed:
                verb = "names" if len(unnamed) == 1 else "name"
                text += (f" ({names(f'`{n}`' for n in unnamed)} {verb} no segment, "
                         "so they count for none)")
            yield ctx.finding(self, segment_reference(campaign, segment), text)


class SegmentOffChannel(Rule):
    """A message goes to a segment on a channel that segment does not use.

    Compares the message's `channel` with the segment's `channels` (where that
    audience actually is).  Segments without a `channels` list are not
    checked.  `x` and `twitter` count as the same channel.
    """

    code = "S003"
    name = "segment-off-channel"
    severity = Severity.WARNING
    why = (
        "Channels are chosen for each segment because that is where its people "
        "actually are: an SMS to a segment that only follows the brand on "
        "Instagram and TikTok is a message nobody in that segment reads (or one "
        "sent to numbers collected for another purpose)."
    )
    example = (
        "segment urban_runners { channels instagram, tiktok, email }\n\n"
        "message sms_relance {\n  channel sms\n  segments urban_runners\n}"
    )
    correction = (
        "segment urban_runners { channels instagram, tiktok, email }\n\n"
        "message email_relance {\n  channel email\n  segments urban_runners\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            if message.channel is None:
                continue
            for name in dict.fromkeys(message.segments):
                segment = campaign.segments.get(name)
                if segment is None or not segment.channels:
                    continue
                if any(same_channel(message.channel, c) for c in segment.channels):
                    continue
                yield ctx.finding(
                    self, message.where("segments"),
                    f"message `{message.name}` goes to segment `{name}` on {message.channel}, "
                    f"a channel that segment does not use (its channels: {', '.join(segment.channels)})",
                )


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
                    f"segment `{name}` has no `persona` nor `description`: say who these people "
                    "are, so that every message is written for them",
                )


class MessageWithoutSegment(Rule):
    """A message names no segment while the campaign has several.

    With a single segment (or none) there is no doubt about who a message is
    for, so the rule only fires when the campaign has two segments or more.
    """

    code = "S005"
    name = "message-without-segment"
    severity = Severity.WARNING
    why = (
        "When a campaign speaks to several audiences, a message without a segment "
        "is either sent to everyone — the one-size-fits-all message segmentation "
        "was meant to avoid — or to a group nobody wrote down; coverage and "
        "pressure checks cannot count it either."
    )
    example = (
        "segment urban_runners\nsegment loyal_customers\n\n"
        "message email_lancement {\n  channel email\n}"
    )
    correction = (
        "segment urban_runners\nsegment loyal_customers\n\n"
        "message email_lancement {\n  channel email\n  segments urban_runners, loyal_customers\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if len(campaign.segments) < 2:
            return
        listed = ", ".join(campaign.segments)
        for message in campaign.messages:
            if not message.segments:
                yield ctx.finding(
                    self, message,
                    f"message `{message.name}` names no segment, while the campaign has "
                    f"{len(campaign.segments)} ({listed}): add `segments` to say who it is for",
                )


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
                    f"segment `{name}` is reached only at the `{first}` stage "
                    f"({names(f'`{m.name}`' for m in messages)}) and never after ({later}): "
                    "they are made aware, then dropped",
                )

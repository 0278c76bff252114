"""F003 stages-out-of-order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Message
from ...rule import Rule
from .._format import audience_label, audiences, format_time, local_time, names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class StagesOutOfOrder(Rule):
    """For one segment, a later funnel stage starts before an earlier one.

    For each segment, the first send (`at`) of each stage is compared in
    funnel order: the first message of a later stage must not be scheduled
    before the first message of an earlier stage.  A campaign without segments
    is checked for its whole audience; messages without `stage` or `at` are
    left out.  Times are the campaign's local times (`timezone`).
    """

    code = "F003"
    name = "stages-out-of-order"
    severity = Severity.WARNING
    why = (
        "The funnel (or AIDA) is an order: attention before interest, interest "
        "before desire, desire before action. A conversion offer that reaches a "
        "segment before anything has made it aware of the brand is a cold sale, "
        "and the awareness content that follows comes too late."
    )
    example = (
        "message ig_teaser {\n  channel instagram\n  segments urban_runners\n"
        "  stage awareness\n  at 2027-03-10 09:00\n}\n"
        "message email_promo {\n  channel email\n  segments urban_runners\n"
        "  stage conversion\n  at 2027-03-02 10:00\n}"
    )
    correction = (
        "message ig_teaser {\n  channel instagram\n  segments urban_runners\n"
        "  stage awareness\n  at 2027-03-02 09:00\n}\n"
        "message email_promo {\n  channel email\n  segments urban_runners\n"
        "  stage conversion\n  at 2027-03-10 10:00\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        order = {stage: i for i, stage in enumerate(campaign.funnel)}
        # (later message, earlier message) → segments where it happens
        grouped: dict[tuple[int, int], list[str | None]] = {}
        pairs: dict[tuple[int, int], tuple[Message, Message]] = {}
        for segment, messages in audiences(campaign).items():
            firsts: dict[str, Message] = {}
            for message in messages:
                if message.stage not in order or message.at is None:
                    continue
                known = firsts.get(message.stage)
                if known is None or local_time(message.at, campaign) < local_time(known.at, campaign):
                    firsts[message.stage] = message
            latest_before: Message | None = None  # the latest first-send among earlier stages
            for stage in campaign.funnel:
                first = firsts.get(stage)
                if first is None:
                    continue
                if latest_before is not None and (
                    local_time(first.at, campaign) < local_time(latest_before.at, campaign)
                ):
                    key = (id(first), id(latest_before))
                    pairs[key] = (first, latest_before)
                    grouped.setdefault(key, []).append(segment)
                if latest_before is None or local_time(first.at, campaign) > local_time(latest_before.at, campaign):
                    latest_before = first
        for key, segments in grouped.items():
            later, earlier = pairs[key]
            if segments == [None]:
                who = audience_label(None)
            else:
                label = "segment" if len(segments) == 1 else "segments"
                who = f"{label} {names(f'`{s}`' for s in segments)}"
            yield ctx.finding(
                self, later.where("at"),
                _("for {who}, the first `{stage}` message (`{later}`, {time}) is sent before the first "
                  "`{stage2}` message (`{earlier}`, {time2}), which comes earlier in the funnel").format(
                    who=who, stage=later.stage, later=later.name,
                    time=format_time(local_time(later.at, campaign)), stage2=earlier.stage,
                    earlier=earlier.name, time2=format_time(local_time(earlier.at, campaign))),
            )

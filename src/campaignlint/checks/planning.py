"""P — planning and coordination.

Send times (`at`) are written in the campaign's local time (its `timezone`);
days are the campaign's calendar days.  The campaign `period` is inclusive of
its last day: a message at 23:30 on the last day is inside it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Severity
from ..model import Message, Variant
from ..rule import Rule, Setting
from ._format import format_time, local_time, names
from .segments import audience_label, audiences

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext


class OutsidePeriod(Rule):
    """A message is scheduled outside the campaign period.

    Compares the day of `at` (in the campaign's time zone) with the `period`,
    both ends included.
    """

    code = "P001"
    name = "outside-period"
    severity = Severity.ERROR
    why = (
        "Outside its period a campaign has no budget, no offer and often no "
        "landing page left: a message sent after the end promotes something that "
        "no longer exists, one sent before the start spoils the launch."
    )
    example = (
        "period 2027-01-07 .. 2027-02-03\n\n"
        "message email_1 {\n  channel email\n  at 2027-02-10 10:00\n}"
    )
    correction = (
        "period 2027-01-07 .. 2027-02-03\n\n"
        "message email_1 {\n  channel email\n  at 2027-01-27 10:00\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.period is None:
            return
        start, end = campaign.period
        for message in campaign.messages:
            if message.at is None:
                continue
            local = local_time(message.at, campaign)
            day = local.date()
            if day < start:
                where = f"before the campaign starts on {start.isoformat()}"
            elif day > end:
                where = f"after the campaign ends on {end.isoformat()}"
            else:
                continue
            yield ctx.finding(
                self, message.where("at"),
                f"message `{message.name}` is scheduled on {format_time(local)}, {where} "
                f"(period {start.isoformat()} .. {end.isoformat()})",
            )


class TooManyMessagesPerDay(Rule):
    """One segment receives more messages in a day than the configured maximum, across channels.

    Counts, per segment and per calendar day of the campaign's time zone, the
    messages that reach it (a message without `at` does not count).  A campaign
    without segments is checked for its whole audience; when it has segments,
    a message without one reaches none of them (S005).  The finding points at
    the first message over the limit that day.
    """

    code = "P002"
    name = "too-many-messages-per-day"
    severity = Severity.WARNING
    settings = (
        Setting("max-messages-per-day", 2,
                "how many messages one segment may receive in one day, all channels together", int, 1),
    )
    why = (
        "Each channel team sees only its own calendar; the customer sees them all. "
        "An Instagram post, an email and an SMS on the same day feel like pressure, "
        "not a conversation, and push people to unsubscribe. Coordinate the "
        "channels so that each segment hears from the brand at a bearable pace."
    )
    example = (
        "message ig_story    { channel instagram; segments urban_runners; at 2027-03-08 09:00 }\n"
        "message email_promo { channel email;     segments urban_runners; at 2027-03-08 10:00 }\n"
        "message tiktok_defi { channel tiktok;    segments urban_runners; at 2027-03-08 18:00 }"
    )
    correction = (
        "message ig_story    { channel instagram; segments urban_runners; at 2027-03-08 09:00 }\n"
        "message email_promo { channel email;     segments urban_runners; at 2027-03-08 10:00 }\n"
        "message tiktok_defi { channel tiktok;    segments urban_runners; at 2027-03-09 18:00 }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        limit = int(ctx.setting("max-messages-per-day"))
        for segment, messages in audiences(campaign).items():
            by_day: dict = defaultdict(list)
            for message in messages:
                if message.at is not None:
                    local = local_time(message.at, campaign)
                    by_day[local.date()].append((local, message))
            for day, sent in sorted(by_day.items()):
                if len(sent) <= limit:
                    continue
                sent.sort(key=lambda item: item[0])
                listed = names(f"`{m.name}` {t:%H:%M} on {m.channel}" for t, m in sent)
                yield ctx.finding(
                    self, sent[limit][1].where("at"),
                    f"{audience_label(segment)} receives {len(sent)} messages on {day.isoformat()} "
                    f"({listed}), more than the maximum of {limit} a day",
                )


class ChannelWithoutOwner(Rule):
    """A channel of the campaign has no `owner`.

    Looks at the campaign's `channel` blocks (and `channel NAME` lines).
    """

    code = "P003"
    name = "channel-without-owner"
    severity = Severity.INFO
    why = (
        "A multichannel campaign fails at the seams between teams: without a "
        "named owner per channel, nobody schedules, answers comments or pauses an "
        "ad when the offer changes. Clear roles are the first remedy for poor "
        "coordination."
    )
    example = "channel email { budget 2_000 EUR }"
    correction = "channel email { owner \"Équipe CRM\"; budget 2_000 EUR }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for name, channel in ctx.campaign.channels.items():
            if not channel.owner:
                yield ctx.finding(
                    self, channel,
                    f"channel `{name}` has no `owner`: name who runs it in this campaign",
                )


def _values(target: Message | Variant, field: str) -> list[str]:
    if field == "link":
        return [link.value for link in target.links]
    return [text.value for text in target.texts if text.field == field]


def changed_fields(message: Message, variant: Variant) -> list[str]:
    """The fields ``variant`` sets to a value different from its message's.

    Text fields and links are compared by value (all the values of a
    repeatable field, in order).  For `at`, `stage`, `offer`, `segments` and
    `channel` the model keeps no variant value: setting one counts as a change.
    """
    changed = []
    for field in dict.fromkeys(variant.overrides):
        if field == "segment":
            field = "segments"
        if field in changed:
            continue
        if field == "link" or field in {t.field for t in variant.texts}:
            if _values(variant, field) != _values(message, field):
                changed.append(field)
        else:
            changed.append(field)
    return changed


class VariantChangesSeveralFields(Rule):
    """An A/B variant differs from its message in more than one field.

    A variant lists the fields it sets; a field counts as changed only when its
    value differs from the message's (`at`, `stage`, `offer`, `segments` and
    `channel` always count: their variant values are not compared).
    """

    code = "P004"
    name = "variant-changes-several-fields"
    severity = Severity.WARNING
    why = (
        "An A/B test answers one question: if the variant changes the subject "
        "and the call to action, and it wins, nobody knows which change made the "
        "difference. Test one variable at a time."
    )
    example = (
        "message newsletter {\n  channel email\n  subject \"Nos nouveautés\"\n  cta \"Découvrir\"\n"
        "  variant b { subject \"-15 % sur la collection\"; cta \"J'en profite\" }\n}"
    )
    correction = (
        "message newsletter {\n  channel email\n  subject \"Nos nouveautés\"\n  cta \"Découvrir\"\n"
        "  variant b { subject \"-15 % sur la collection\" }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            for variant in message.variants:
                changed = changed_fields(message, variant)
                if len(changed) > 1:
                    yield ctx.finding(
                        self, variant,
                        f"variant `{variant.name}` of `{message.name}` changes {len(changed)} fields "
                        f"({', '.join(changed)}): test one at a time, or the result cannot say which change worked",
                    )


class MessageWithoutSendTime(Rule):
    """A message has no send time `at`.

    Without it, the planning checks (period, pressure per day, funnel order,
    quiet hours) cannot place the message on the calendar.
    """

    code = "P005"
    name = "message-without-send-time"
    severity = Severity.INFO
    why = (
        "A message without a date is a message nobody has scheduled: it is the "
        "one that goes out late, or on the same morning as three others. A shared "
        "calendar is what keeps channels coordinated."
    )
    example = "message email_1 {\n  channel email\n  subject \"Les soldes commencent\"\n}"
    correction = (
        "message email_1 {\n  channel email\n  at 2027-01-07 10:00\n"
        "  subject \"Les soldes commencent\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            if message.at is None and not message.triggered:  # a trigger is a send time (v2)
                yield ctx.finding(
                    self, message,
                    f"message `{message.name}` has no send time: add `at` with its date and time",
                )

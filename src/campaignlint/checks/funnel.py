"""F — funnel and customer journey.

The campaign's funnel is its `funnel` list (default awareness, consideration,
conversion, loyalty; AIDA attention, interest, desire, action is the other
built-in).  Its *conversion stage* — where messages must say what to do and
where (F002) — is `conversion` in the default funnel (loyalty comes after it),
`action` in AIDA, and in a custom funnel the stage that stands for conversion
(an alias such as `achat` or `purchase`, from `rules/funnel.toml`), or else
its last stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Severity
from ..model import Campaign, Message
from ..rule import Rule
from ._format import format_time, local_time, names
from .segments import audience_label, audiences

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext


def conversion_stage(campaign: Campaign) -> str:
    """The stage whose messages need a `cta` and a `link` (see the module doc)."""
    from ..language.taxonomy import last_stage

    try:
        stage = last_stage(list(campaign.funnel))
    except Exception:  # pragma: no cover - taxonomy data missing or malformed
        stage = None
    if stage is None or stage not in campaign.funnel:
        return campaign.funnel[-1]
    return stage


def _funnel_text(campaign: Campaign) -> str:
    return " → ".join(campaign.funnel)


class EmptyFunnelStage(Rule):
    """A stage of the campaign's funnel has no message.

    One finding per empty stage, at the campaign's `funnel` line (its header
    when the funnel is the default one).  Not reported while no message of the
    campaign has a `stage` at all: F004 asks for the stages first.
    """

    code = "F001"
    name = "empty-funnel-stage"
    severity = Severity.WARNING
    why = (
        "A funnel with an empty stage is a journey with a gap: people hear about "
        "the brand and are then asked to buy with nothing in between to convince "
        "them. The middle of the funnel — consideration, interest, desire — is the "
        "stage most often left empty."
    )
    example = (
        "message ig_teaser { channel instagram; stage awareness }\n"
        "message email_promo { channel email; stage conversion }"
    )
    correction = (
        "message ig_teaser { channel instagram; stage awareness }\n"
        "message tiktok_essai { channel tiktok; stage consideration }\n"
        "message email_promo { channel email; stage conversion }\n"
        "message ig_fidelite { channel instagram; stage loyalty }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        staged = {m.stage for m in campaign.messages if m.stage}
        if not staged:
            return
        at = campaign.where("funnel")
        for stage in campaign.funnel:
            if stage not in staged:
                yield ctx.finding(
                    self, at,
                    f"funnel stage `{stage}` has no message (funnel: {_funnel_text(campaign)})",
                )


class ConversionWithoutCta(Rule):
    """A message of the conversion stage has no `cta` or no `link`.

    The conversion stage is `conversion` in the default funnel, `action` in
    AIDA, and in a custom funnel the stage that stands for conversion, or its
    last stage.  Fields set only by an A/B variant do not count: the message
    itself goes out without them.
    """

    code = "F002"
    name = "conversion-without-cta"
    severity = Severity.WARNING
    why = (
        "At the moment of decision the message must make acting effortless: one "
        "clear call to action and the page where it happens. A conversion message "
        "without either leaves the reader to find the way alone, and most will not."
    )
    example = (
        "message email_1 {\n  channel email\n  stage conversion\n"
        "  subject \"Dernier jour des soldes\"\n}"
    )
    correction = (
        "message email_1 {\n  channel email\n  stage conversion\n"
        "  subject \"Dernier jour des soldes\"\n  cta \"J'en profite\"\n"
        "  link \"https://verdure.fr/soldes\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        stage = conversion_stage(campaign)
        for message in campaign.messages:
            if message.stage != stage:
                continue
            missing = [f"`{field}`" for field in ("cta", "link") if not message.has(field)]
            if missing:
                yield ctx.finding(
                    self, message,
                    f"message `{message.name}` is at the `{stage}` stage but has no "
                    f"{' and no '.join(missing)}: tell people what to do and where to do it",
                )


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
                if latest_before is not None and local_time(first.at, campaign) < local_time(latest_before.at, campaign):
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
                f"for {who}, the first `{later.stage}` message (`{later.name}`, "
                f"{format_time(local_time(later.at, campaign))}) is sent before the first "
                f"`{earlier.stage}` message (`{earlier.name}`, "
                f"{format_time(local_time(earlier.at, campaign))}), which comes earlier in the funnel",
            )


class MessageWithoutStage(Rule):
    """A message has no `stage`.

    Without it, the funnel checks (F001–F003, S006) cannot place the message in
    the journey.
    """

    code = "F004"
    name = "message-without-stage"
    severity = Severity.INFO
    why = (
        "Each message has a job in the journey — make people aware, convince, "
        "convert, keep them. Writing the stage down makes that job explicit, and "
        "lets the plan show whether every stage is covered, in order."
    )
    example = "message tweet_1 {\n  channel twitter\n  body \"Les soldes durables commencent jeudi.\"\n}"
    correction = (
        "message tweet_1 {\n  channel twitter\n  stage awareness\n"
        "  body \"Les soldes durables commencent jeudi.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        stages = ", ".join(campaign.funnel)
        for message in campaign.messages:
            if message.stage is None:
                yield ctx.finding(
                    self, message,
                    f"message `{message.name}` has no `stage` (one of: {stages})",
                )

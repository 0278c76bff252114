"""A003-A006: an asset against the specs of its channel's placement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...findings import Finding, Severity
from ...model import seconds
from ...rule import Rule
from ._shared import (RATIO_TOLERANCE, effective, human_ratio, human_size, message_assets, placement_name,
                      ratio_accepted, spec_for)

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _duration(value: float) -> str:
    if value >= 3600 and value % 3600 == 0:
        return f"{int(value // 3600)} h"
    if value >= 60 and value % 60 == 0:
        return f"{int(value // 60)} min"
    return f"{value:g} s"


class AssetRatioNotAccepted(Rule):
    """The asset's ratio (declared, or width × height) is not among the placement's `ratios`.

    Two ratios are equal within `asset-ratio-tolerance` percent (1200 × 628 is 1.91:1).
    """

    code = "A003"
    name = "asset-ratio-not-accepted"
    severity = Severity.ERROR
    settings = (RATIO_TOLERANCE,)
    why = "The platform crops an image or video of another ratio (the product falls out of the frame) or refuses it."
    example = "message ig_post {\n  channel instagram\n  image \"story.jpg\" { alt \"…\"; ratio 9:16 }\n}"
    correction = "message ig_post {\n  channel instagram\n  image \"post.jpg\" { alt \"…\"; ratio 4:5 }\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        tolerance = ctx.setting("asset-ratio-tolerance")
        for message, asset in message_assets(campaign):
            spec = spec_for(campaign, message, asset)
            if spec is None or not spec.ratios:
                continue
            values = effective(ctx, asset)
            if values.ratio is None or ratio_accepted(values.ratio, spec, tolerance):
                continue
            where = asset.where("ratio") if values.ratio_from == "declared" else asset.span
            yield ctx.finding(self, where, f"the {asset.kind} is {human_ratio(values.ratio)}; "
                              f"{placement_name(message)} accepts {spec.ratios_text}")


class VideoDurationOutOfBounds(Rule):
    """A video's declared `duration` is outside the placement's `duration` bounds."""

    code = "A004"
    name = "video-duration-out-of-bounds"
    severity = Severity.ERROR
    why = "The platform refuses the upload, or cuts the video (a story longer than 60 seconds is split or trimmed)."
    example = "message story {\n  channel instagram\n  placement stories\n  video \"s.mp4\" { duration 90 seconds }\n}"
    correction = (
        "message story {\n  channel instagram\n  placement stories\n"
        "  video \"s.mp4\" { duration 45 seconds }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, asset in message_assets(campaign):
            spec = spec_for(campaign, message, asset)
            if asset.kind != "video" or asset.duration is None or spec is None or spec.duration is None:
                continue
            value = seconds(asset.duration)
            low, high = spec.duration
            if (low is not None and value < low) or (high is not None and value > high):
                yield ctx.finding(self, asset.where("duration"), f"the video lasts {asset.duration}; "
                                  f"{placement_name(message)} accepts {spec.duration_text}")


def _pixels(bounds: tuple[int | None, int | None]) -> str:
    low, high = bounds
    if low is not None and high is not None:
        return f"from {low} to {high} px"
    return f"at least {low} px" if low is not None else f"at most {high} px"


SIDES = {"width": "wide", "height": "tall"}


class AssetTooLarge(Rule):
    """The asset's size (the file's, else declared) is over the placement's `max size`; or its width or height is
    outside the placement's `width`/`height`.

    Outside a soft bound of the placement (`recommend width`, `recommend height`, `recommend size`) the finding is
    a warning: the platform accepts the visual, but shrinks it, shows it blurred, or loads it slowly. A value
    already outside the hard bound is reported once, as an error.
    """

    code = "A005"
    name = "asset-too-large"
    severity = Severity.ERROR
    why = ("The upload is refused, or the platform recompresses it and the visual loses its sharpness; "
           "outside the recommended sizes it is shrunk, blurred or slow to load.")
    example = "message story {\n  channel instagram\n  placement stories\n  video \"s.mp4\" { size 5 GB }\n}"
    correction = "message story {\n  channel instagram\n  placement stories\n  video \"s.mp4\" { size 900 MB }\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, asset in message_assets(campaign):
            spec = spec_for(campaign, message, asset)
            if spec is None:
                continue
            values = effective(ctx, asset)
            where = placement_name(message)
            if spec.max_size is not None and values.size is not None and values.size > spec.max_size:
                yield ctx.finding(self, asset.where("size"), f"the {asset.kind} weighs {human_size(values.size)}; "
                                  f"{where} accepts at most {human_size(spec.max_size)}")
            elif spec.recommend_size is not None and values.size is not None:
                yield from self._soft_size(ctx, asset, where, values.size, spec.recommend_size)
            for key, value in (("width", values.width), ("height", values.height)):
                bounds, soft = getattr(spec, key), getattr(spec, f"recommend_{key}")
                if value is None:
                    continue
                if bounds is not None and _outside(value, bounds):
                    yield ctx.finding(self, asset.where(key), f"the {asset.kind} is {value} px {SIDES[key]}; "
                                      f"{where} accepts {_pixels(bounds)}")
                elif soft is not None and _outside(value, soft):
                    yield self._soft_pixels(ctx, asset, where, key, value, soft)

    def _soft_pixels(self, ctx, asset, where: str, key: str, value: int, soft) -> Finding:
        _low, high = soft
        effect = ("it is accepted, but scaled down: the file is heavier than it needs to be" if high is not None and value > high else
                  "it is accepted, but may look blurred on large or high-density screens")
        return _warning(ctx.finding(self, asset.where(key), f"the {asset.kind} is {value} px {SIDES[key]}; "
                                    f"{where} recommends {_pixels(soft)}: {effect}"))

    def _soft_size(self, ctx, asset, where: str, size: int, soft) -> Iterator[Finding]:
        low, high = soft
        if high is not None and size > high:
            said, effect = f"at most {human_size(high)}", "it is accepted, but slow to load on a mobile connection"
        elif low is not None and size < low:
            said, effect = f"at least {human_size(low)}", "it may look over-compressed"
        else:
            return
        yield _warning(ctx.finding(self, asset.where("size"), f"the {asset.kind} weighs {human_size(size)}; "
                                   f"{where} recommends {said}: {effect}"))


def _outside(value: int, bounds: tuple[int | None, int | None]) -> bool:
    low, high = bounds
    return (low is not None and value < low) or (high is not None and value > high)


def _warning(finding: Finding) -> Finding:
    """A soft bound is a warning, whatever the rule's own severity (the configuration may still change it)."""
    finding.severity = Severity.WARNING
    return finding


class VideoWithoutCaptions(Rule):
    """A video without `captions yes` where the placement has `captions required` or the voice says `captions
    required`."""

    code = "A006"
    name = "video-without-captions"
    severity = Severity.WARNING
    why = "Most social video is watched without sound, and captions are WCAG 1.2.2 (level A)."
    example = "voice { captions required }\n\nvideo \"s.mp4\" { captions no }"
    correction = "voice { captions required }\n\nvideo \"s.mp4\" { captions yes }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        voice_requires = bool(campaign.voice and campaign.voice.captions_required)
        for message, asset in message_assets(campaign):
            if asset.kind != "video" or asset.captions:
                continue
            spec = spec_for(campaign, message, asset)
            if spec is not None and spec.captions == "required":
                who = f"{placement_name(message)} requires them"
            elif voice_requires:
                who = "the voice says `captions required`"
            else:
                continue
            state = "`captions no`" if asset.captions is False else "no `captions yes`"
            yield ctx.finding(self, asset, f"the video of `{message.name}` has {state}, and {who}")

"""A003-A006: an asset against the specs of its channel's placement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import seconds
from ...rule import Rule
from .._format import duration_words, written_quantities
from ._shared import (RATIO_TOLERANCE, effective, kind_name, message_assets, placement_name, shown_ratio, shown_size,
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
            yield ctx.finding(self, where, _("{asset} is {ratio}; {placement} accepts {accepted}").format(
                asset=kind_name(asset.kind), ratio=shown_ratio(values.ratio), placement=placement_name(message),
                accepted=written_quantities(spec.ratios_text or "")))


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
                yield ctx.finding(self, asset.where("duration"), _("the video lasts {duration}; {placement} accepts "
                                                                   "{accepted}").format(
                    duration=duration_words(asset.duration.amount, asset.duration.unit),
                    placement=placement_name(message), accepted=written_quantities(spec.duration_text or "")))


class AssetTooLarge(Rule):
    """The asset's size (the file's, else declared) is over the placement's `max size`; or its width or height is
    outside the placement's `width`/`height`."""

    code = "A005"
    name = "asset-too-large"
    severity = Severity.ERROR
    why = "The upload is refused, or the platform recompresses it and the visual loses its sharpness."
    example = "message story {\n  channel instagram\n  placement stories\n  video \"s.mp4\" { size 5 GB }\n}"
    correction = "message story {\n  channel instagram\n  placement stories\n  video \"s.mp4\" { size 900 MB }\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, asset in message_assets(campaign):
            spec = spec_for(campaign, message, asset)
            if spec is None:
                continue
            values = effective(ctx, asset)
            if spec.max_size is not None and values.size is not None and values.size > spec.max_size:
                where = asset.where("size")
                yield ctx.finding(self, where, _("{asset} weighs {size}; {placement} accepts at most {limit}").format(
                    asset=kind_name(asset.kind), size=shown_size(values.size), placement=placement_name(message),
                    limit=shown_size(spec.max_size)))
            for key, value in (("width", values.width), ("height", values.height)):
                bounds = getattr(spec, key)
                if bounds is None or value is None:
                    continue
                low, high = bounds
                if (low is not None and value < low) or (high is not None and value > high):
                    shown = f"{low or ''} .. {high or ''}".strip()
                    said = _("{asset} is {value} px in width; {placement} accepts {accepted} px") if key == "width" \
                        else _("{asset} is {value} px in height; {placement} accepts {accepted} px")
                    yield ctx.finding(self, asset.where(key), said.format(
                        asset=kind_name(asset.kind), value=value, placement=placement_name(message), accepted=shown))


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
                who = _("{placement} requires them").format(placement=placement_name(message))
            elif voice_requires:
                who = _("the voice says `captions required`")
            else:
                continue
            said = _("the video of `{message}` has `captions no`, and {who}") if asset.captions is False \
                else _("the video of `{message}` has no `captions yes`, and {who}")
            yield ctx.finding(self, asset, said.format(message=message.name, who=who))

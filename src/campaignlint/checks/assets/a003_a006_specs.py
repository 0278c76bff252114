"""A003-A006: an asset against the specs of its channel's placement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import N_
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
            if _outside(seconds(asset.duration), spec.duration):
                yield ctx.finding(self, asset.where("duration"), _("the video lasts {duration}; {placement} accepts "
                                                                   "{accepted}").format(
                    duration=duration_words(asset.duration.amount, asset.duration.unit),
                    placement=placement_name(message), accepted=written_quantities(spec.duration_text or "")))


# Each message is one sentence with named placeholders (for the translators); `asset` is "the image", "the video"…
BOUNDS = {"both": N_("from {low} to {high} px"), "low": N_("at least {low} px"), "high": N_("at most {high} px")}
HARD = {"width": N_("{asset} is {value} px wide; {placement} accepts {bounds}"),
        "height": N_("{asset} is {value} px tall; {placement} accepts {bounds}")}
SOFT_OVER = {"width": N_("{asset} is {value} px wide; {placement} recommends {bounds}: it is accepted, but scaled "
                         "down, and the file is heavier than it needs to be"),
             "height": N_("{asset} is {value} px tall; {placement} recommends {bounds}: it is accepted, but scaled "
                          "down, and the file is heavier than it needs to be")}
SOFT_UNDER = {"width": N_("{asset} is {value} px wide; {placement} recommends {bounds}: it is accepted, but may "
                          "look blurred on large or high-density screens"),
              "height": N_("{asset} is {value} px tall; {placement} recommends {bounds}: it is accepted, but may "
                           "look blurred on large or high-density screens")}
SIZE_OVER = N_("{asset} weighs {size}; {placement} recommends at most {limit}: it is accepted, but slow to load on "
               "a mobile connection")
SIZE_UNDER = N_("{asset} weighs {size}; {placement} recommends at least {limit}: it may look over-compressed")


def _pixels(bounds: tuple[int | None, int | None]) -> str:
    low, high = bounds
    which = "both" if low is not None and high is not None else "low" if low is not None else "high"
    return _(BOUNDS[which]).format(low=low, high=high)


def _outside(value: float, bounds: tuple[float | None, float | None]) -> bool:
    low, high = bounds
    return (low is not None and value < low) or (high is not None and value > high)


def _warning(finding: Finding) -> Finding:
    """A soft bound is a warning, whatever the rule's own severity (the configuration may still change it)."""
    finding.severity = Severity.WARNING
    return finding


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
            said = {"asset": kind_name(asset.kind), "placement": placement_name(message)}
            if values.size is not None:
                yield from self._size(ctx, asset, spec, values.size, said)
            for key, value in (("width", values.width), ("height", values.height)):
                bounds, soft = getattr(spec, key), getattr(spec, f"recommend_{key}")
                if value is None:
                    continue
                if bounds is not None and _outside(value, bounds):
                    yield ctx.finding(self, asset.where(key), _(HARD[key]).format(value=value, bounds=_pixels(bounds),
                                                                               **said))
                elif soft is not None and _outside(value, soft):
                    over = soft[1] is not None and value > soft[1]
                    text = _((SOFT_OVER if over else SOFT_UNDER)[key]).format(value=value, bounds=_pixels(soft), **said)
                    yield _warning(ctx.finding(self, asset.where(key), text))

    def _size(self, ctx, asset, spec, size: int, said: dict) -> Iterator[Finding]:
        where = asset.where("size")
        if spec.max_size is not None and size > spec.max_size:
            yield ctx.finding(self, where, _("{asset} weighs {size}; {placement} accepts at most {limit}").format(
                size=shown_size(size), limit=shown_size(spec.max_size), **said))
            return
        low, high = spec.recommend_size or (None, None)
        if high is not None and size > high:
            yield _warning(ctx.finding(self, where, _(SIZE_OVER).format(size=shown_size(size), limit=shown_size(high),
                                                                     **said)))
        elif low is not None and size < low:
            yield _warning(ctx.finding(self, where, _(SIZE_UNDER).format(size=shown_size(size), limit=shown_size(low),
                                                                      **said)))


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

"""What the A rules share: the file behind an asset, its effective values, the spec that applies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ... import assets as files
from ...i18n import N_, language
from ...i18n import gettext as _
from ...model import Asset, AssetSpec, Campaign, Message
from ...rule import Setting

if TYPE_CHECKING:  # pragma: no cover
    from ...context import FileContext


class BoolSetting(Setting):
    def validate(self, value):
        if not isinstance(value, bool):
            raise ValueError(_("`{key}` must be true or false, not {value!r}").format(key=self.key, value=value))
        return value


READ_ASSETS = BoolSetting("read-assets", True, "read local asset files (A007, A008 and real sizes); false where "
                          "assets are not checked out (Git LFS pointers)", kind=bool)
RATIO_TOLERANCE = Setting("asset-ratio-tolerance", 1.0, "how many percent two ratios may differ and still be "
                          "equal (A003, A008)", minimum=0.0, maximum=50.0)


def file_of(ctx: "FileContext", asset: Asset) -> files.AssetFile | None:
    """The local file of an asset (None: not read — a URL, or `read-assets = false`)."""
    if files.is_remote(asset.path.value) or not ctx.setting("read-assets"):
        return None
    cache = ctx.__dict__.setdefault("_asset_files", {})
    key = (asset.path.value, asset.kind)
    if key not in cache:
        loaded = ctx.loaded
        base = Path(loaded.path).parent
        root = getattr(loaded, "root", None) or base
        cache[key] = files.read_asset(asset.path.value, base, root, image=asset.kind != "video")
    found = cache[key]
    return found if found.outcome != files.REMOTE else None


def message_assets(campaign: Campaign) -> Iterator[tuple[Message, Asset]]:
    for message in campaign.messages:
        for asset in message.all_assets():
            yield message, asset


def spec_for(campaign: Campaign, message: Message, asset: Asset) -> AssetSpec | None:
    profile = campaign.channel_profile(message.channel)
    if profile is None:
        return None
    return profile.asset_spec(asset.kind, message.placement)


@dataclass
class Effective:
    width: int | None
    height: int | None
    size: int | None
    ratio: float | None
    ratio_from: str  # "declared", "pixels" or ""


def effective(ctx: "FileContext", asset: Asset) -> Effective:
    """Declared values first; the file's where the declaration lacks them; the file's size over the declared one."""
    found = file_of(ctx, asset)
    readable = found is not None and found.outcome == files.OK
    width = asset.width if asset.width is not None else (found.width if readable else None)
    height = asset.height if asset.height is not None else (found.height if readable else None)
    size = found.size if readable and found.size is not None else asset.size
    if asset.ratio is not None:
        ratio, origin = float(asset.ratio[0] / asset.ratio[1]), "declared"
    elif width and height:
        ratio, origin = width / height, "pixels"
    else:
        ratio, origin = None, ""
    return Effective(width, height, size, ratio, origin)


def ratio_accepted(ratio: float, spec: AssetSpec, tolerance_percent: float) -> bool:
    tolerance = tolerance_percent / 100
    for low, high in spec.ratios or []:
        if low * (1 - tolerance) <= ratio <= high * (1 + tolerance):
            return True
    return False


def human_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text} {unit}"
    return f"{size} B"


def human_ratio(ratio: float) -> str:
    for w, h in ((1, 1), (4, 5), (5, 4), (9, 16), (16, 9), (2, 1), (1, 2), (3, 2), (2, 3), (4, 3), (3, 4)):
        if abs(ratio - w / h) / (w / h) < 0.005:
            return f"{w}:{h}"
    return f"{ratio:.2f}:1" if ratio >= 1 else f"1:{1 / ratio:.2f}"


def shown_size(size: int) -> str:
    """:func:`human_size` as a message shows it: ``1.5 MB``; in French ``1,5 Mo`` (the file keeps ``1.5 MB``)."""
    text = human_size(size)
    if language() == "en":
        return text
    number, unit = text.split(" ")
    return f"{number.replace('.', ',')}\u00a0" + {"GB": "Go", "MB": "Mo", "KB": "Ko", "B": "o"}[unit]


def shown_ratio(ratio: float) -> str:
    """:func:`human_ratio` with the decimal comma outside English (``1,91:1``)."""
    text = human_ratio(ratio)
    return text if language() == "en" else text.replace(".", ",")


#: how messages name an asset of each kind
KIND_NAMES = {"image": N_("the image"), "video": N_("the video"), "thumbnail": N_("the thumbnail")}


def kind_name(kind: str) -> str:
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else f"the {kind}"


def placement_name(message: Message) -> str:
    return f"{message.channel} ({message.placement})" if message.placement else f"{message.channel}"

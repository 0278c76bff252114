"""A007, A008: the local file of an asset."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import N_
from ... import assets as files
from ...findings import Applicability, Finding, Severity
from ...rule import Rule, fix
from ._shared import READ_ASSETS, RATIO_TOLERANCE, file_of, human_size, message_assets, shown_ratio, shown_size

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

_SIZE = re.compile(r"(\d[\d_]*)(?:\.(\d+))?[ \t]*([KMG]i?B|B)")
_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3}


class AssetFileProblem(Rule):
    """A local asset path that does not exist, resolves outside the project root, or is not an image Pillow can read.

    The message says when the file is a Git LFS pointer.  URLs are never
    fetched; `read-assets = false` turns the reading off.
    """

    code = "A007"
    name = "asset-file-problem"
    severity = Severity.ERROR
    settings = (READ_ASSETS,)
    why = "The visual the campaign plans to publish is not there, or not what the team thinks it is."
    example = "image \"visuels/absent.jpg\" { alt \"Panier garni\" }"
    correction = "image \"visuels/panier.jpg\" { alt \"Panier garni\" }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, asset in message_assets(ctx.campaign):
            found = file_of(ctx, asset)
            if found is None or not found.problem:
                continue
            said = {files.MISSING: N_("`{path}` does not exist: {detail}"),
                    files.OUTSIDE: N_("`{path}` is outside the project: {detail}"),
                    files.LFS_POINTER: N_("`{path}` is not checked out: {detail}"),
                    files.UNREADABLE: N_("`{path}` cannot be read: {detail}")}[found.outcome]
            yield ctx.finding(self, asset, _(said).format(path=asset.path.value, detail=found.detail))


class AssetMetadataMismatch(Rule):
    """The declared `width`, `height`, `ratio` or `size` differ from the local file's.

    Pixels compare exactly, ratios within `asset-ratio-tolerance`, sizes
    beyond the declared value's rounding (`1.2 MB` covers 1.15 to 1.25 MB).
    The fix writes the file's values into the declaration.
    """

    code = "A008"
    name = "asset-metadata-mismatch"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE,)
    settings = (RATIO_TOLERANCE,)
    why = (
        "Other rules, and the teams that upload the visual elsewhere, trust the declaration for remote "
        "copies of the file: a stale one hides a wrong ratio or an oversized file."
    )
    example = "image \"visuels/bandeau-800x400.png\" { alt \"Bandeau\"; width 1200; height 600 }"
    correction = "image \"visuels/bandeau-800x400.png\" { alt \"Bandeau\"; width 800; height 400 }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        tolerance = ctx.setting("asset-ratio-tolerance") / 100
        for message, asset in message_assets(ctx.campaign):
            found = file_of(ctx, asset)
            if found is None or found.outcome != files.OK:
                continue
            differences, edits = [], []
            for key in ("width", "height"):
                declared, real = getattr(asset, key), getattr(found, key)
                if declared is not None and real is not None and declared != real:
                    differences.append((_("width {declared} declared, {real} in the file") if key == "width" else
                                        _("height {declared} declared, {real} in the file")).format(
                        declared=declared, real=real))
                    edits.append(ctx.replace(asset.where(key), f"{key} {real}"))
            if asset.ratio is not None and found.width and found.height:
                declared_ratio = float(asset.ratio[0] / asset.ratio[1])
                real_ratio = found.width / found.height
                if abs(declared_ratio - real_ratio) / real_ratio > tolerance:
                    differences.append(_("ratio {declared} declared, {real} in the file").format(
                        declared=shown_ratio(declared_ratio), real=shown_ratio(real_ratio)))
                    edits.append(ctx.replace(asset.where("ratio"), f"ratio {found.width}:{found.height}"))
            if asset.size is not None and found.size is not None and not self._size_matches(ctx, asset, found.size):
                differences.append(_("size {declared} declared, {real} in the file").format(
                    declared=shown_size(asset.size), real=shown_size(found.size)))
                edits.append(ctx.replace(asset.where("size"), f"size {human_size(found.size)}"))
            if differences:
                yield ctx.finding(self, asset, _("`{path}`: {differences}").format(
                    path=asset.path.value, differences=_("; ").join(differences)),
                                  fix(Applicability.SAFE, edits, _("write the file's values into the declaration")))

    @staticmethod
    def _size_matches(ctx, asset, real: int) -> bool:
        span = asset.where("size")
        source = ctx.source(span.path)
        written = source.text[span.start:span.end] if source is not None else ""
        match = _SIZE.search(written)
        if match is None:
            return asset.size == real
        decimals = len(match.group(2) or "")
        half = 0.5 * (10 ** -decimals) * _UNITS[match.group(3)]
        return abs(real - asset.size) <= half

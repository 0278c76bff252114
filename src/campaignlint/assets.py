"""Reading a message's asset files (language §6.4): pixel size and byte size.

An asset is a path relative to the campaign file, confined to the project root
exactly like an import (symbolic links resolved first), or an absolute URL,
which is never fetched.  An image's pixel size is read with Pillow from its
header only (``Image.open`` is lazy; nothing is decoded, and Pillow's
``Image.MAX_IMAGE_PIXELS`` guard stays on); a video is not opened, only its
byte size is read.  Every outcome is a value, never an exception: a missing
file, a file outside the project, a Git LFS pointer (the asset is not checked
out), a file Pillow cannot read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import safe_io
from .i18n import gettext as _

#: files larger than this are not handed to Pillow (the header is at the start,
#: but a hostile "image" of gigabytes is not worth opening)
MAX_IMAGE_BYTES = 512 * 1024 * 1024
_LFS_SIGNATURE = b"version https://git-lfs.github.com/spec/"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")

OK = "ok"
REMOTE = "remote"
MISSING = "missing"
OUTSIDE = "outside"
LFS_POINTER = "lfs-pointer"
UNREADABLE = "unreadable"
NOT_READ = "not-read"


@dataclass(frozen=True)
class AssetFile:
    """What the file system says of one asset reference."""

    reference: str
    outcome: str
    path: Path | None = None  # absolute, as written (not resolved)
    size: int | None = None  # bytes
    width: int | None = None  # pixels (images only)
    height: int | None = None
    image_format: str | None = None  # "PNG", "JPEG"…
    mtime_ns: int | None = None
    detail: str | None = None  # for problems: what went wrong, in words

    @property
    def local(self) -> bool:
        return self.outcome not in (REMOTE, NOT_READ)

    @property
    def problem(self) -> bool:
        return self.outcome in (MISSING, OUTSIDE, LFS_POINTER, UNREADABLE)


def is_remote(reference: str) -> bool:
    return bool(_SCHEME.match(reference.strip()))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def read_asset(reference: str, base_dir: Path, root: Path, *, image: bool = True) -> AssetFile:
    """Read the asset ``reference`` written in a file of ``base_dir``, within ``root``.

    ``image``: open it with Pillow for its pixel size (``False`` for a video).
    """
    if is_remote(reference):
        return AssetFile(reference, REMOTE)
    if not reference.strip():
        return AssetFile(reference, MISSING, detail=_("the path is empty"))
    target = Path(os.path.abspath(base_dir / reference))
    try:
        real = target.resolve()
        real_root = root.resolve()
    except (OSError, RuntimeError):
        return AssetFile(reference, UNREADABLE, target, detail=_("the path cannot be resolved (a link loop?)"))
    if not _inside(real, real_root):
        return AssetFile(reference, OUTSIDE, target,
                         detail=_("it is outside the project folder; asset paths must stay inside it, like imports"))
    try:
        stat = real.stat()
    except FileNotFoundError:
        return AssetFile(reference, MISSING, target, detail=_("no such file"))
    except OSError as error:
        return AssetFile(reference, UNREADABLE, target, detail=error.strerror or _("it cannot be read"))
    kind = safe_io.kind_of(stat.st_mode)
    if kind is not None:  # a folder, a pipe, a device: never opened
        return AssetFile(reference, UNREADABLE, target, detail=_("it is {kind}, not a file").format(kind=kind))
    size, mtime = stat.st_size, stat.st_mtime_ns
    try:  # a pipe or a device swapped in is never opened for reading (safe_io)
        with safe_io.open_file(real) as handle:
            head = handle.read(len(_LFS_SIGNATURE))
    except OSError as error:
        return AssetFile(reference, UNREADABLE, target, size, mtime_ns=mtime, detail=error.strerror or _("unreadable"))
    if head == _LFS_SIGNATURE and size < 1024:
        return AssetFile(reference, LFS_POINTER, target, size, mtime_ns=mtime,
                         detail=_("it is a Git LFS pointer, not the file itself (run `git lfs pull`, "
                                  "or set `read-assets = false` where assets are not checked out)"))
    if not image:
        return AssetFile(reference, OK, target, size, mtime_ns=mtime)
    if size > MAX_IMAGE_BYTES:
        return AssetFile(reference, OK, target, size, mtime_ns=mtime)
    return _read_image(reference, target, real, size, mtime)


def _read_image(reference: str, target: Path, real: Path, size: int, mtime: int) -> AssetFile:
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return AssetFile(reference, OK, target, size, mtime_ns=mtime)
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with safe_io.open_file(real, MAX_IMAGE_BYTES) as handle, Image.open(handle) as picture:
                width, height = picture.size  # the header only: nothing is decoded
                image_format = picture.format
    except UnidentifiedImageError:
        return AssetFile(reference, UNREADABLE, target, size, mtime_ns=mtime,
                         detail=_("it is not an image campaignlint can read (PNG, JPEG, GIF, WebP…)"))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        from .checks._format import format_amount

        return AssetFile(reference, UNREADABLE, target, size, mtime_ns=mtime,
                         detail=_("its pixel count is over the safety limit of {limit} pixels").format(
                             limit=format_amount(Image.MAX_IMAGE_PIXELS)))
    except Exception as error:  # noqa: BLE001 - a damaged file must never crash the run
        return AssetFile(reference, UNREADABLE, target, size, mtime_ns=mtime,
                         detail=_("the image cannot be read ({error})").format(error=type(error).__name__))
    return AssetFile(reference, OK, target, size, width, height, image_format, mtime)

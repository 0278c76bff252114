"""Reading files without trusting them: never block, never read more than asked.

Every file the tool reads (linted files, imports, rule packs, configuration,
the cache) comes through ``read_bytes``:

* a named pipe, a device, a socket — or a link to one, such as ``/dev/zero`` —
  is refused before it is opened for reading (``NotAFile``), and the open is
  non-blocking, with a second check on the opened file, so a file swapped for
  a pipe in between cannot block the run either;
* the size is checked on the opened file *before* reading (``TooLarge``), and at
  most ``limit + 1`` bytes are ever read, so a 10 GB (sparse) file costs nothing.

Both errors are ``OSError`` subclasses with a ``strerror`` in plain words, so a
caller that already reports "cannot read this file: …" reports them as well.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotAFile(OSError):
    """The path is a pipe, a device, a socket or a folder (or a link to one)."""

    def __init__(self, path: Path | str, kind: str):
        super().__init__(f"it is {kind}, not a file; it was not read")
        self.strerror = str(self.args[0])
        self.filename = str(path)
        self.kind = kind


class TooLarge(OSError):
    """The file is larger than the limit: nothing was read."""

    def __init__(self, path: Path | str, size: int, limit: int):
        super().__init__(f"the file is {size:,} bytes, more than the maximum of {limit:,}")
        self.strerror = str(self.args[0])
        self.filename = str(path)
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str | None:
    """What a ``st_mode`` is when it is not a regular file, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def describe(path: Path | str) -> str | None:
    """None for a regular file (or a link to one); else what it is, in words (links named)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # missing or unreadable: the caller's own checks say so
    kind = kind_of(mode)
    if kind is not None and os.path.islink(path):
        try:
            kind = f"a link to {kind} ({os.path.realpath(path)})"
        except (OSError, ValueError):
            kind = f"a link to {kind}"
    return kind


def check_file(path: Path | str) -> None:
    """Raise ``NotAFile`` unless ``path`` is a regular file (or a link to one)."""
    kind = describe(path)
    if kind is not None:
        raise NotAFile(path, kind)


def _open_regular(path: Path | str, limit: int | None) -> int:
    """A blocking descriptor on a regular file of at most ``limit`` bytes (else ``NotAFile``/``TooLarge``)."""
    check_file(path)  # before opening: opening a FIFO for reading would wait for a writer
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        kind = kind_of(info.st_mode)
        if kind is not None:  # swapped after the check
            raise NotAFile(path, kind)
        if limit is not None and info.st_size > limit:
            raise TooLarge(path, info.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def open_file(path: Path | str, limit: int | None = None) -> BinaryIO:
    """A binary file object on a regular file, checked like ``read_bytes`` (for readers that seek:
    Pillow reads an image's header through it)."""
    return os.fdopen(_open_regular(path, limit), "rb")


def read_bytes(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file; ``TooLarge`` if it has more than ``limit`` bytes."""
    descriptor = _open_regular(path, limit)
    try:
        cap = (limit + 1) if limit is not None else None
        chunks: list[bytes] = []
        total = 0
        while cap is None or total < cap:
            chunk = os.read(descriptor, 1 << 20 if cap is None else min(1 << 20, cap - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
        if limit is not None and len(data) > limit:  # grew while being read
            raise TooLarge(path, len(data), limit)
        return data
    finally:
        os.close(descriptor)


def read_text(path: Path | str, limit: int | None = None, errors: str = "strict") -> str:
    return read_bytes(path, limit).decode("utf-8", errors)

"""Bytes → ``SourceText``: the one decoding of a file, with its E008 problems.

Light on purpose (no Lark, no pydantic): the engine re-reads files through it to
show the source of findings answered from the cache.
"""

from __future__ import annotations

from ..i18n import gettext as _
from ..source import SourceText, Span
from .problems import Problem


def too_large(display: str, size: int, max_size: int) -> Problem:
    """The E008 of a file of ``size`` bytes over ``max_size`` (known before reading it, or after)."""
    return Problem("E008", Span(display, 0, 0),
                   _("the file is {count:,} bytes, more than the maximum of {max_size:,} (setting "
                     "`max-file-size`)").format(count=size, max_size=max_size))


def decode(data: bytes, display: str, max_size: int) -> tuple[SourceText | None, Problem | None]:
    """Bytes → SourceText, or an E008 problem.

    Over ``max_size``: no text.  Not UTF-8: the text up to the first bad byte.
    A NUL character: the whole text.  The BOM is removed (``SourceText.from_text``).
    """
    if len(data) > max_size:
        return None, too_large(display, len(data), max_size)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        return SourceText.from_text(display, good), Problem(
            "E008", Span(display, len(good.lstrip("\ufeff")), len(good.lstrip("\ufeff"))),
            _("the file is not valid UTF-8: byte {start} (0x{data:02x}) cannot be read; save the file as "
              "UTF-8").format(start=error.start, data=data[error.start]),
        )
    if "\x00" in text:
        index = text.index("\x00")
        return SourceText.from_text(display, text), Problem(
            "E008", Span(display, index, index + 1),
            _("the file contains a NUL character at offset {index}: it is not a text file").format(index=index))
    return SourceText.from_text(display, text), None

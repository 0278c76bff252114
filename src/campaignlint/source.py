"""Source text and positions.

A ``SourceText`` is a decoded file (BOM removed, line ends kept as they are) and
knows how to turn a code-point offset into a 1-based line and column.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .findings import Range

BOM = "\ufeff"


@dataclass(frozen=True)
class Span:
    """A stretch of one file: code-point offsets into its decoded text."""

    path: str
    start: int
    end: int


@dataclass
class SourceText:
    path: str
    text: str
    had_bom: bool = False
    newline: str = "\n"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        index = find("\n")
        while index != -1:
            starts.append(index + 1)
            index = find("\n", index + 1)
        self._line_starts = starts
        if "\r\n" in self.text:
            self.newline = "\r\n"

    @classmethod
    def from_text(cls, path: str, text: str) -> "SourceText":
        had_bom = text.startswith(BOM)
        return cls(path=path, text=text[1:] if had_bom else text, had_bom=had_bom)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def range(self, start: int, end: int) -> Range:
        if end < start:
            end = start
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(end)
        return Range(start_line, start_column, end_line, end_column, start, end)

    def line_text(self, line: int) -> str:
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset_of(self, line: int, column: int) -> int:
        line = max(1, min(line, len(self._line_starts)))
        return min(self._line_starts[line - 1] + column - 1, len(self.text))

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

"""The parse tree: what the parser gives the resolver.

The grammar accepts any ``keyword values { block }``, so the tree has one kind of
node.  Every position is a code-point offset into the decoded text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_
from ..i18n import gettext as _


@dataclass
class Value:
    """One literal, decoded.  ``data`` holds the Python value (None if invalid)."""

    kind: str  # name string number percent money date datetime time duration range
    raw: str
    start: int
    end: int
    data: Any = None
    error: str | None = None
    #: for strings: the source offset of every decoded character, plus the end
    char_offsets: list[int] | None = None
    #: for strings: where each decoded character ends in the source
    char_ends: list[int] | None = None
    signed: bool = False  # percents and numbers written with an explicit sign
    #: the finding code of ``error`` when it is not the usual one (E008: a limit)
    error_code: str | None = None
    long: bool = False  # long string

    def describe(self) -> str:
        return _(KIND_WORDS[self.kind]) if self.kind in KIND_WORDS else self.kind


KIND_WORDS = {
    "name": N_("a name"),
    "string": N_("a text in quotes"),
    "number": N_("a number"),
    "percent": N_("a percentage"),
    "money": N_("an amount of money"),
    "date": N_("a date"),
    "datetime": N_("a date and time"),
    "time": N_("a time of day"),
    "duration": N_("a duration"),
    "ratio": N_("a ratio"),
    "filesize": N_("a file size"),
    "range": N_("a range"),
}


@dataclass
class Node:
    """``keyword value, value … { children }``: ``groups`` are the comma-separated runs of values."""

    keyword: str
    keyword_start: int
    keyword_end: int
    groups: list[list[Value]]
    children: list["Node"] | None
    start: int
    end: int
    block_start: int | None = None
    block_end: int | None = None

    @property
    def values(self) -> list[Value]:
        return [value for group in self.groups for value in group]

    @property
    def header_end(self) -> int:
        if self.groups:
            return self.groups[-1][-1].end
        return self.keyword_end


@dataclass
class Comment:
    start: int
    end: int
    text: str


@dataclass
class Document:
    nodes: list[Node]
    comments: list[Comment] = field(default_factory=list)

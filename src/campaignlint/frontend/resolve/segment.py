"""``segment NAME { … }``: an audience (top level, or a campaign's own, which may extend an imported one)."""

from __future__ import annotations

from ... import model as m
from ..tree import Node
from .base import ValueReader
from .consent import segment_handlers


def read_segment(r: ValueReader, node: Node, base: m.Segment | None = None) -> m.Segment | None:
    name, children = r.named(node, "urban_runners")
    if name is None:
        return None
    segment = base.model_copy(deep=True) if base else m.Segment(name=name, span=r.header_span(node))
    segment.span = r.header_span(node)
    seen: set[str] = set()
    attr = r.attribute_setter(segment, seen, "segment")

    def size(child: Node) -> int | None:
        value = r.one(child, "number")
        return r.integer(value, "size") if value else None

    r.walk(children, "segment", {
        "persona": attr("persona", r.string),
        "description": attr("description", r.string),
        "size": attr("size", size),
        "channels": attr("channels", r.names),
        "language": attr("language", r.language),
        **segment_handlers(r, segment, seen),  # v2
    })
    return segment

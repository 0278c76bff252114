"""``brand NAME { … }`` and ``voice { … }`` (a brand's, or a campaign's own on top of it)."""

from __future__ import annotations

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ..tree import Node
from .base import ValueReader, did_you_mean
from .variables import brand_handlers, voice_handlers

ADDRESSES = ["formal", "informal", "any"]


def read_brand(r: ValueReader, node: Node) -> m.Brand | None:
    name, children = r.named(node, "verdure")
    if name is None:
        return None
    brand = m.Brand(name=name, span=r.header_span(node))
    seen: set[str] = set()
    attr = r.attribute_setter(brand, seen, "brand")

    def website(child: Node) -> str | None:
        return getattr(r.one(child, "string", what=N_("the domain in quotes, e.g. \"verdure.fr\"")), "data", None)

    r.walk(children, "brand", {
        "name": attr("display_name", r.string),
        "language": attr("language", r.language),
        "website": attr("website", website),
        "voice": attr("voice", lambda c: read_voice(r, c)),
        **brand_handlers(r, brand, seen),  # v2
    })
    return brand


def read_voice(r: ValueReader, node: Node, base: m.Voice | None = None) -> m.Voice | None:
    """A ``voice`` block; a campaign's voice starts from its brand's (``base``) and adds to it."""
    if node.values:
        r.problem("E003", r.value_span(node.values[0]), _("`voice` takes no value, only a `{ … }` block"))
    voice = base.model_copy(deep=True) if base else m.Voice(span=r.header_span(node))
    voice.span = r.header_span(node)
    own_prefer: list[m.Preference] = []
    own_avoid: list[m.Text] = []
    own_accept: list[str] = []
    seen: set[str] = set()
    attr = r.attribute_setter(voice, seen, "voice")

    def read_max(child: Node) -> None:
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[1].kind != "number":
            r.problem("E003", r.header_span(child), _("write `max exclamations N` or `max emoji N`"))
            return
        key = values[0].data
        if key not in ("exclamations", "emoji"):
            r.problem("E002", r.value_span(values[0]), _("a voice has no `max {key}`: use `max exclamations` "
                                                         "or `max emoji`{did_you_mean}").format(
                                                           key=key,
                                                           did_you_mean=did_you_mean(key, ['exclamations', 'emoji'])))
            return
        count = r.integer(values[1], f"max {key}")
        if count is not None:
            setattr(voice, f"max_{key}", count)
            voice.spans[f"max_{key}"] = r.header_span(child)

    def read_prefer(child: Node) -> None:
        groups = child.groups
        if (len(groups) != 3 or len(groups[0]) != 1 or groups[0][0].kind != "string"
                or len(groups[1]) != 1 or groups[1][0].kind != "name" or groups[1][0].data != "over"
                or any(v.kind != "string" for v in groups[2])):
            r.problem("E003", r.header_span(child), _('write `prefer "good term" over "old term", "other old term"`'))
            return
        if not all([r.valid(v) for v in (groups[0][0], *groups[2])]):
            return  # a broken text (a bad escape, too long): reported by valid()
        own_prefer.append(m.Preference(preferred=groups[0][0].data, over=[v.data for v in groups[2]],
                                       span=r.header_span(child)))

    def read_avoid(child: Node) -> None:
        own_avoid.extend(r.text(v) for v in r.strings(child))

    def read_accept(child: Node) -> None:
        own_accept.extend(v.data for v in r.strings(child) if r.valid(v) and v.data.strip())

    def read_readability(child: Node):
        value = r.one(child, "number", what=N_("a minimum reading-ease score (0-100)"))
        if value is not None:
            if not 0 <= value.data <= 120:
                r.problem("E003", r.value_span(value), _("a reading-ease score goes from 0 to 100, not "
                                                         "{value}").format(value=value.raw))
                return None
            return value.data
        return None

    r.walk(node.children or [], "voice", {
        "tone": attr("tone", r.tones),
        "address": attr("address", lambda c: r.choice(c, ADDRESSES)),
        "max": read_max,
        "prefer": read_prefer,
        "avoid": read_avoid,
        "accept": read_accept,
        "readability": attr("readability", read_readability),
        **voice_handlers(r, voice, seen),  # v2
    })
    voice.prefer = voice.prefer + own_prefer
    voice.avoid = voice.avoid + own_avoid
    voice.accept = voice.accept + own_accept
    return voice

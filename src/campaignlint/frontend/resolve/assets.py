"""v2 assets (language §6.4) and channel attributes (§6.3, §7).

Channel `merge tags`, `asset KIND { … }` and `placement NAME { … }` specs,
`footer`, `unsubscribe`, `sender`; a message's (or variant's) `image`, `video`
and `thumbnail` blocks.
"""

from __future__ import annotations

from typing import Callable

from ...i18n import gettext as _
from ...i18n import N_
from ... import model as m
from ...text.merge_tags import NO_SYNTAX, SYNTAXES
from ..literals import parse_ratio
from ..tree import Node, Value
from .base import ValueReader, did_you_mean
from .readers import boolean, setter

ASSET_KINDS = ("image", "video", "thumbnail")
CAPTIONS = ["required", "recommended", "optional"]


def _ratio(r: ValueReader, value: Value) -> m.Ratio | None:
    """A ratio; a `9:16` lexed as a time of day is read as a ratio here (§6.1)."""
    if value.kind == "ratio" and not value.error:
        return value.data
    if value.kind == "time":
        try:
            return parse_ratio(value.raw)
        except (ValueError, ArithmeticError):
            pass
    if value.kind == "ratio" and value.error:
        r.problem("E003", r.value_span(value), value.error)
        return None
    r.problem("E003", r.value_span(value), _("`{value}` is not a ratio (write it W:H, like 4:5 or 1.91:1)").format(
                                               value=value.raw or value.describe()))
    return None


def _ratio_value(ratio: m.Ratio) -> float:
    return float(ratio[0] / ratio[1])


def _int_range(r: ValueReader, value: Value, keyword: str) -> tuple[int | None, int | None] | None:
    if value.kind == "number":
        number = r.integer(value, keyword, 1)
        return None if number is None else (number, number)
    if value.kind != "range":
        r.problem("E003", r.value_span(value),
                  _("`{keyword}` is a number of pixels or a range such as 600 .. 1200").format(keyword=keyword))
        return None
    low, high = value.data
    bounds = []
    for bound in (low, high):
        if bound is None:
            bounds.append(None)
        elif bound.kind != "number":
            r.problem("E003", r.value_span(bound), _("the bounds of `{keyword}` are numbers of pixels").format(
                                                       keyword=keyword))
            return None
        else:
            bounds.append(r.integer(bound, keyword, 0))
    return bounds[0], bounds[1]


def _seconds_range(r: ValueReader, value: Value) -> tuple[float | None, float | None] | None:
    if value.kind == "duration":
        low = high = value
    elif value.kind == "range":
        low, high = value.data
    else:
        r.problem("E003", r.value_span(value), _("`duration` is a range of durations such as 3 seconds .. 15 minutes"))
        return None
    bounds = []
    for bound in (low, high):
        if bound is None:
            bounds.append(None)
        elif bound.kind != "duration" or bound.error:
            r.problem("E003", r.value_span(bound), _("the bounds of `duration` are durations (45 seconds, 3 minutes)"))
            return None
        else:
            bounds.append(float(bound.data[0]) * m.SECONDS[bound.data[1]])
    return bounds[0], bounds[1]


def _size_range(r: ValueReader, value: Value) -> tuple[int | None, int | None] | None:
    if value.kind == "filesize":
        return None, value.data
    if value.kind == "range":
        low, high = value.data
        if all(b is None or b.kind == "filesize" for b in (low, high)):
            return (low.data if low else None), (high.data if high else None)
    r.problem("E003", r.value_span(value), _("a size is written like 1 MB, or a range such as .. 1 MB"))
    return None


def read_asset_spec(r: ValueReader, node: Node, kind: str, base: m.AssetSpec | None) -> m.AssetSpec:
    spec = base.model_copy(deep=True) if base else m.AssetSpec(kind=kind, span=r.header_span(node))
    spec.span = r.header_span(node)
    seen: set[str] = set()

    def ratios(child: Node):
        found: list[tuple[float, float]] = []
        for value in child.values:
            if value.kind == "range":
                low, high = value.data
                if low is None or high is None:
                    r.problem("E003", r.value_span(value), _("a ratio range has two ends, like 1.91:1 .. 4:5"))
                    return None
                a, b = _ratio(r, low), _ratio(r, high)
                if a is None or b is None:
                    return None
                found.append(tuple(sorted((_ratio_value(a), _ratio_value(b)))))
            else:
                one = _ratio(r, value)
                if one is None:
                    return None
                found.append((_ratio_value(one), _ratio_value(one)))
        if not found:
            r.problem("E003", r.header_span(child), _("`ratios` needs at least one ratio, like 4:5"))
            return None
        spec.ratios_text = as_written(r, child)
        return found

    def sized(keyword: str, fn):
        def read(child: Node):
            value = r.one(child, "number", "range", what=_("a number of pixels or a range for `{keyword}`").format(
                                                             keyword=keyword))
            return fn(r, value, keyword) if value else None
        return read

    def read_max(child: Node):
        values = child.values
        if len(values) < 2 or values[0].kind != "name" or values[0].data not in ("size", "alt"):
            r.problem("E003", r.header_span(child), _("write `max size 30 MB` or `max alt 1000`"))
            return
        key = values[0].data
        if key == "size":
            if len(values) != 2 or values[1].kind != "filesize":
                r.problem("E003", r.header_span(child), _("write `max size 30 MB` (B, KB, MB, GB)"))
                return
            spec.max_size = values[1].data
        else:
            if len(values) != 2 or values[1].kind != "number":
                r.problem("E003", r.header_span(child), _("write `max alt 1000` (characters)"))
                return
            spec.max_alt = r.integer(values[1], "max alt", 1)
        spec.spans[f"max_{key}"] = r.header_span(child)

    def recommend(child: Node):
        values = child.values
        if len(values) == 1 and values[0].kind == "range" and values[0].data[0] is not None \
                and values[0].data[0].kind == "name":  # `recommend size .. 1 MB` reads as a range from `size`
            low, high = values[0].data
            values = [low, Value("range", "", low.end, values[0].end, (None, high))]
        if len(values) != 2 or values[0].kind != "name" or values[0].data not in ("width", "height", "size"):
            r.problem("E003", r.header_span(child), _("write `recommend width 600 .. 1200` (or height, size)"))
            return
        key = values[0].data
        bounds = _size_range(r, values[1]) if key == "size" else _int_range(r, values[1], key)
        if bounds is not None:
            setattr(spec, f"recommend_{key}", bounds)
            spec.spans[f"recommend_{key}"] = r.header_span(child)

    def duration(child: Node):
        value = r.one(child, "duration", "range", what=N_("a range of durations such as .. 60 seconds"))
        if value is None:
            return None
        spec.duration_text = as_written(r, child)
        return _seconds_range(r, value)

    r.walk(node.children or [], _("`asset {kind}` block").format(kind=kind), {
        "ratios": setter(r, spec, seen, "asset", "ratios", ratios),
        "width": setter(r, spec, seen, "asset", "width", sized("width", _int_range)),
        "height": setter(r, spec, seen, "asset", "height", sized("height", _int_range)),
        "max": read_max,
        "recommend": recommend,
        "duration": setter(r, spec, seen, "asset", "duration", duration),
        "captions": setter(r, spec, seen, "asset", "captions", lambda c: r.choice(c, CAPTIONS)),
    })
    return spec


def as_written(r: ValueReader, node: Node) -> str:
    """The values of a node as written (for messages: `ratios 1.91:1 .. 4:5`)."""
    def shown(value: Value) -> str:
        if value.kind == "range":
            low, high = value.data
            return " ".join(part for part in (shown(low) if low else "", "..", shown(high) if high else "") if part)
        return " ".join(value.raw.split())

    return ", ".join(shown(v) for v in node.values)


def _asset_kind(r: ValueReader, node: Node) -> str | None:
    values = node.values
    if len(values) != 1 or values[0].kind != "name" or values[0].data not in ASSET_KINDS:
        r.problem("E003", r.header_span(node),
                  _("write `{keyword} image {{ … }}` (image, video or thumbnail)").format(keyword=node.keyword))
        return None
    return values[0].data


def channel_handlers(r: ValueReader, profile: m.ChannelProfile, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def merge(child: Node):
        values = child.values
        choices = [*SYNTAXES, NO_SYNTAX]
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "tags" or values[1].kind != "name":
            r.problem("E003", r.header_span(child), _("write `merge tags brevo` (one of {choices})").format(
                                                        choices=', '.join(choices)))
            return None
        if values[1].data not in choices:
            r.problem("E003", r.value_span(values[1]), _("`{data}` is not a merge-tag syntax: use "
                                                         "{choices}{did_you_mean}").format(
                                                           data=values[1].data, choices=', '.join(choices),
                                                           did_you_mean=did_you_mean(values[1].data, choices)))
            return None
        return values[1].data

    def asset(child: Node, specs: dict[str, m.AssetSpec]):
        kind = _asset_kind(r, child)
        if kind is not None:
            specs[kind] = read_asset_spec(r, child, kind, specs.get(kind))
            profile.spans[f"asset.{kind}"] = r.header_span(child)

    def placement(child: Node):
        name, children = r.named(child, "stories")
        if name is None:
            return
        specs = {k: v.model_copy(deep=True) for k, v in profile.placements.get(name, {}).items()}
        r.walk(children, "placement", {"asset": lambda c: asset(c, specs)})
        profile.placements[name] = specs
        profile.spans[f"placement.{name}"] = r.header_span(child)

    def footer(child: Node):
        value = r.one(child, "string", what=N_("the text appended to every message, in quotes"))
        return r.text(value) if value else None

    def sender(child: Node):
        value = r.one(child, "string", what=N_("the sender name in quotes"))
        return r.text(value) if value else None

    return {
        "merge": setter(r, profile, seen, "channel", "merge_tags", merge),
        "asset": lambda c: asset(c, profile.assets),
        "placement": placement,
        "footer": setter(r, profile, seen, "channel", "footer", footer),
        "unsubscribe": setter(r, profile, seen, "channel", "unsubscribe", lambda c: unsubscribe(r, c)),
        "sender": setter(r, profile, seen, "channel", "sender", sender),
    }


def unsubscribe(r: ValueReader, node: Node) -> str | None:
    value = r.one(node, "string", "name", what=N_("a URL in quotes, or platform"))
    if value is None:
        return None
    if value.kind == "name" and value.data != "platform":
        r.problem("E003", r.value_span(value), _("`unsubscribe` is a URL in quotes or `platform`, not `{data}`").format(
                                                   data=value.data))
        return None
    return value.data


def read_asset(r: ValueReader, node: Node, inside_video: bool = False) -> m.Asset | None:
    kind = node.keyword
    value = r.one(node, "string", what=_("the path or https:// URL of the {kind}, in quotes").format(kind=kind))
    if value is None:
        return None
    asset = m.Asset(kind=kind, path=r.text(value), span=r.header_span(node))
    seen: set[str] = set()

    def alt(child: Node):
        found = r.one(child, "string", what=N_("the alternative text in quotes"))
        return r.text(found) if found else None

    def ratio(child: Node):
        found = r.one(child, "ratio", "time", what=N_("a ratio such as 4:5"))
        return _ratio(r, found) if found else None

    def pixels(keyword):
        def read(child: Node):
            found = r.one(child, "number", what=N_("a number of pixels"))
            return r.integer(found, keyword, 1) if found else None
        return read

    def size(child: Node):
        found = r.one(child, "filesize", what=N_("a file size such as 1.2 MB"))
        return found.data if found else None

    def duration(child: Node):
        found = r.one(child, "duration", what=N_("a duration such as 45 seconds"))
        if found is None:
            return None
        return m.Duration(amount=found.data[0], unit=found.data[1])

    def thumbnail(child: Node):
        if r.once(seen, child, kind):
            cover = read_asset(r, child, inside_video=True)
            if cover is not None:
                asset.thumbnail = cover

    handlers = {
        "alt": setter(r, asset, seen, kind, "alt", alt),
        "ratio": setter(r, asset, seen, kind, "ratio", ratio),
        "width": setter(r, asset, seen, kind, "width", pixels("width")),
        "height": setter(r, asset, seen, kind, "height", pixels("height")),
        "size": setter(r, asset, seen, kind, "size", size),
    }
    if kind == "video":
        handlers["duration"] = setter(r, asset, seen, kind, "duration", duration)
        handlers["captions"] = setter(r, asset, seen, kind, "captions", lambda c: boolean(r, c))
        handlers["thumbnail"] = thumbnail
    if kind in ("image", "video"):
        handlers["retouched"] = setter(r, asset, seen, kind, "retouched", lambda c: boolean(r, c))
        handlers["generated"] = setter(r, asset, seen, kind, "generated", lambda c: boolean(r, c))
    r.walk(node.children or [], kind, handlers)
    return asset


def variant_asset(r: ValueReader, node: Node, variant: m.Variant) -> bool:
    """A variant may override `image`, `video`, `thumbnail` (§6.2)."""
    if node.keyword not in ASSET_KINDS:
        return False
    asset = read_asset(r, node)
    if asset is not None:
        variant.assets.append(asset)
        if node.keyword not in variant.overrides:
            variant.overrides.append(node.keyword)
    return True

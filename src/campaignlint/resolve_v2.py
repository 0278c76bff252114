"""Resolving the v2 constructs (language §6-§7) for the schema reader.

Each ``*_handlers`` function returns the keyword handlers one block kind gains
in v2; ``schema.FileReader`` merges them into its own.  Keeping them here keeps
v1 resolution untouched: a v1 file never reaches this code (its keywords are
all v1 ones), so it keeps its meaning.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from . import model as m
from .parser import Node, Value, parse_ratio
from .text.merge_tags import NO_SYNTAX, SYNTAXES, masked, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from .schema import FileReader

CONSENT_BASES = ["opt-in", "double-opt-in", "soft-opt-in", "legitimate-interest", "none"]
RELATIONSHIPS = ["prospects", "customers", "mixed"]
MARKETS = ["b2c", "b2b"]
CATEGORIES = ["alcohol", "food", "credit", "gambling", "financial", "health", "other"]
PACKS = ["email", "google-ads", "meta", "fr-legal"]
CAPTIONS = ["required", "recommended", "optional"]
PERIODS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month"}
DIRECT_KINDS = ("email", "sms", "push", "chat", "voice")
ASSET_KINDS = ("image", "video", "thumbnail")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: new block keywords (the reader lets them open a `{ … }` block)
BLOCKS = {"variable", "event", "image", "video", "thumbnail", "asset", "placement"}
REPEATABLE = {"variable", "event", "image", "video", "thumbnail", "asset", "placement", "alias"}


def _setter(r: "FileReader", target: Any, seen: set[str], place: str, key: str, fn: Callable[[Node], Any]):
    def handler(child: Node) -> None:
        if r.once(seen, child, place):
            value = fn(child)
            if value is not None:
                setattr(target, key, value)
                target.spans[key] = r.hspan(child)
    return handler


def string(r: "FileReader", node: Node) -> str | None:
    return getattr(r.one(node, "string"), "data", None)


def boolean(r: "FileReader", node: Node) -> bool | None:
    value = r.one(node, "name", what="yes or no")
    if value is None:
        return None
    if value.data not in ("yes", "no"):
        r.problem("E003", r.vspan(value), f"`{node.keyword}` is yes or no, not `{value.data}`")
        return None
    return value.data == "yes"


def hyphenated(word: str) -> str:
    """``opt_in`` is a synonym of ``opt-in`` (§6.1)."""
    return word.replace("_", "-")


def choice_list(r: "FileReader", node: Node, choices: list[str]) -> list[str] | None:
    found = []
    for value in r.values(node, ("name",), many=True, what="one or more of " + ", ".join(choices)) or []:
        word = hyphenated(value.data) if "-" in "".join(choices) else value.data
        if word not in choices:
            from .schema import did_you_mean
            r.problem("E003", r.vspan(value), f"`{value.data}` is not a valid `{node.keyword}`: use "
                      f"{', '.join(choices)}{did_you_mean(word, choices)}")
            continue
        found.append(word)
    return found or None


def _no_hyphen(r: "FileReader", node: Node) -> bool:
    """Reject hyphenated names where the schema lists none (they were never names in v1)."""
    for value in node.values:
        if value.kind == "name" and "-" in value.data:
            r.problem("E003", r.vspan(value), f"`{value.data}` is not a name here: names use letters, digits and _")
            return False
    return True


# ---------------------------------------------------------------- variable & event

def read_variable(r: "FileReader", node: Node) -> m.Variable | None:
    name, children = r.named(node, "first_name")
    if name is None:
        return None
    variable = m.Variable(name=name, span=r.hspan(node))
    seen: set[str] = set()

    def max_length(child: Node):
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "length" or values[1].kind != "number":
            r.problem("E003", r.hspan(child), "write `max length 20` (the longest value the field holds)")
            return None
        return r.integer(values[1], "max length", 1)

    def aliases(child: Node):
        variable.aliases.extend(v.data for v in r.strings(child))

    r.walk(children, "variable", {
        "max": _setter(r, variable, seen, "variable", "max_length", max_length),
        "may_be_empty": _setter(r, variable, seen, "variable", "may_be_empty", lambda c: boolean(r, c)),
        "fallback": _setter(r, variable, seen, "variable", "fallback", lambda c: string(r, c)),
        "alias": aliases,
        "description": _setter(r, variable, seen, "variable", "description", lambda c: string(r, c)),
    })
    if variable.max_length is None and "max" not in seen:
        r.problem("E007", r.hspan(node), f"variable `{name}` has no `max length` (write `max length 20`: "
                  "the longest value the field holds, which length rules count)")
    return variable


def read_event(r: "FileReader", node: Node) -> m.Event | None:
    name, children = r.named(node, "cart_abandoned")
    if name is None:
        return None
    event = m.Event(name=name, span=r.hspan(node))
    seen: set[str] = set()
    r.walk(children, "event", {
        "description": _setter(r, event, seen, "event", "description", lambda c: string(r, c)),
    })
    return event


def add_named(r: "FileReader", bucket: dict, item, kind: str, seen: dict) -> None:
    if item is not None and r.duplicate_check(seen, item.name, item.span, kind):
        bucket[item.name] = item


# ---------------------------------------------------------------- frequency

def read_frequency(r: "FileReader", node: Node) -> dict[str, m.FrequencyCap] | None:
    values = node.values
    caps: dict[str, m.FrequencyCap] = {}
    usage = "write `frequency email 3 per week, sms 2 per month` (a channel, a number, per day, week or month)"
    if not values or len(values) % 4:
        r.problem("E003", r.hspan(node), usage)
        return None
    for index in range(0, len(values), 4):
        channel, count, per, period = values[index:index + 4]
        if (channel.kind != "name" or count.kind != "number" or per.kind != "name" or per.data != "per"
                or period.kind != "name"):
            r.problem("E003", r.span(channel.start, period.end), usage)
            return None
        if period.data not in PERIODS:
            r.problem("E003", r.vspan(period), f"a frequency is counted per day, week or month, not per `{period.data}`")
            return None
        number = r.integer(count, "frequency", 1)
        if number is None:
            return None
        if channel.data in caps:
            r.problem("E005", r.vspan(channel), f"the frequency of `{channel.data}` is given twice")
            continue
        caps[channel.data] = m.FrequencyCap(channel=channel.data, count=number, period=PERIODS[period.data],
                                            span=r.span(channel.start, period.end))
    return caps


# ---------------------------------------------------------------- brand, voice

def brand_handlers(r: "FileReader", brand: m.Brand, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    variables_seen: dict = {}
    return {
        "variable": lambda c: add_named(r, brand.variables, read_variable(r, c), "variable", variables_seen),
        "frequency": _setter(r, brand, seen, "brand", "frequency", lambda c: read_frequency(r, c)),
    }


def voice_handlers(r: "FileReader", voice: m.Voice, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def captions(child: Node):
        value = r.one(child, "name", what="required or optional")
        if value is None:
            return None
        if value.data not in ("required", "optional"):
            r.problem("E003", r.vspan(value), f"a voice's captions are `required` or `optional`, not `{value.data}`")
            return None
        return value.data == "required"

    return {"captions": _setter(r, voice, seen, "voice", "captions_required", captions)}


# ---------------------------------------------------------------- segment

def segment_handlers(r: "FileReader", segment: m.Segment, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def consent(child: Node):
        values = child.values
        if not values or len(values) % 2:
            r.problem("E003", r.hspan(child), "write `consent email opt-in, sms double-opt-in` (a channel, then its basis)")
            return None
        found: dict[str, str] = {}
        for index in range(0, len(values), 2):
            channel, basis = values[index], values[index + 1]
            if channel.kind != "name" or basis.kind != "name":
                r.problem("E003", r.span(channel.start, basis.end), "a consent is a channel name or kind, then its basis")
                return None
            word = hyphenated(basis.data)
            if word not in CONSENT_BASES:
                from .schema import did_you_mean
                r.problem("E003", r.vspan(basis), f"`{basis.data}` is not a legal basis: use "
                          f"{', '.join(CONSENT_BASES)}{did_you_mean(word, CONSENT_BASES)}")
                continue
            known = set(r.builtin) | set(r.outside.channels) | getattr(r, "v2_file_channels", set())
            if channel.data not in known and channel.data not in DIRECT_KINDS:
                from .schema import did_you_mean
                r.problem("E004", r.vspan(channel), f"`{channel.data}` is neither a channel nor a kind of channel"
                          f"{did_you_mean(channel.data, sorted(known | set(DIRECT_KINDS)))}")
                continue
            found[channel.data] = word
            segment.spans[f"consent.{channel.data}"] = r.span(channel.start, basis.end)
        return found

    def choice(choices):
        return lambda c: r.choice(c, choices)

    return {
        "consent": _setter(r, segment, seen, "segment", "consent", consent),
        "relationship": _setter(r, segment, seen, "segment", "relationship", choice(RELATIONSHIPS)),
        "market": _setter(r, segment, seen, "segment", "market", choice(MARKETS)),
        "frequency": _setter(r, segment, seen, "segment", "frequency", lambda c: read_frequency(r, c)),
    }


# ---------------------------------------------------------------- channel profile

def _ratio(r: "FileReader", value: Value) -> m.Ratio | None:
    """A ratio; a `9:16` lexed as a time of day is read as a ratio here (§6.1)."""
    if value.kind == "ratio" and not value.error:
        return value.data
    if value.kind == "time":
        try:
            return parse_ratio(value.raw)
        except (ValueError, ArithmeticError):
            pass
    if value.kind == "ratio" and value.error:
        r.problem("E003", r.vspan(value), value.error)
        return None
    r.problem("E003", r.vspan(value), f"`{value.raw or value.describe()}` is not a ratio (write it W:H, like 4:5 or 1.91:1)")
    return None


def _ratio_value(ratio: m.Ratio) -> float:
    return float(ratio[0] / ratio[1])


def _int_range(r: "FileReader", value: Value, keyword: str) -> tuple[int | None, int | None] | None:
    if value.kind == "number":
        number = r.integer(value, keyword, 1)
        return None if number is None else (number, number)
    if value.kind != "range":
        r.problem("E003", r.vspan(value), f"`{keyword}` is a number of pixels or a range such as 600 .. 1200")
        return None
    low, high = value.data
    bounds = []
    for bound in (low, high):
        if bound is None:
            bounds.append(None)
        elif bound.kind != "number":
            r.problem("E003", r.vspan(bound), f"the bounds of `{keyword}` are numbers of pixels")
            return None
        else:
            bounds.append(r.integer(bound, keyword, 0))
    return bounds[0], bounds[1]


def _seconds_range(r: "FileReader", value: Value) -> tuple[float | None, float | None] | None:
    if value.kind == "duration":
        low = high = value
    elif value.kind == "range":
        low, high = value.data
    else:
        r.problem("E003", r.vspan(value), "`duration` is a range of durations such as 3 seconds .. 15 minutes")
        return None
    bounds = []
    for bound in (low, high):
        if bound is None:
            bounds.append(None)
        elif bound.kind != "duration" or bound.error:
            r.problem("E003", r.vspan(bound), "the bounds of `duration` are durations (45 seconds, 3 minutes)")
            return None
        else:
            bounds.append(float(bound.data[0]) * m.SECONDS[bound.data[1]])
    return bounds[0], bounds[1]


def _size_range(r: "FileReader", value: Value) -> tuple[int | None, int | None] | None:
    if value.kind == "filesize":
        return None, value.data
    if value.kind == "range":
        low, high = value.data
        if all(b is None or b.kind == "filesize" for b in (low, high)):
            return (low.data if low else None), (high.data if high else None)
    r.problem("E003", r.vspan(value), "a size is written like 1 MB, or a range such as .. 1 MB")
    return None


def read_asset_spec(r: "FileReader", node: Node, kind: str, base: m.AssetSpec | None) -> m.AssetSpec:
    spec = base.model_copy(deep=True) if base else m.AssetSpec(kind=kind, span=r.hspan(node))
    spec.span = r.hspan(node)
    seen: set[str] = set()

    def ratios(child: Node):
        found: list[tuple[float, float]] = []
        for value in child.values:
            if value.kind == "range":
                low, high = value.data
                if low is None or high is None:
                    r.problem("E003", r.vspan(value), "a ratio range has two ends, like 1.91:1 .. 4:5")
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
            r.problem("E003", r.hspan(child), "`ratios` needs at least one ratio, like 4:5")
            return None
        spec.ratios_text = r_text(r, child)
        return found

    def sized(keyword: str, fn):
        def read(child: Node):
            value = r.one(child, "number", "range", what=f"a number of pixels or a range for `{keyword}`")
            return fn(r, value, keyword) if value else None
        return read

    def read_max(child: Node):
        values = child.values
        if len(values) < 2 or values[0].kind != "name" or values[0].data not in ("size", "alt"):
            r.problem("E003", r.hspan(child), "write `max size 30 MB` or `max alt 1000`")
            return
        key = values[0].data
        if key == "size":
            if len(values) != 2 or values[1].kind != "filesize":
                r.problem("E003", r.hspan(child), "write `max size 30 MB` (B, KB, MB, GB)")
                return
            spec.max_size = values[1].data
        else:
            if len(values) != 2 or values[1].kind != "number":
                r.problem("E003", r.hspan(child), "write `max alt 1000` (characters)")
                return
            spec.max_alt = r.integer(values[1], "max alt", 1)
        spec.spans[f"max_{key}"] = r.hspan(child)

    def recommend(child: Node):
        values = child.values
        if len(values) == 1 and values[0].kind == "range" and values[0].data[0] is not None \
                and values[0].data[0].kind == "name":  # `recommend size .. 1 MB` reads as a range from `size`
            low, high = values[0].data
            values = [low, Value("range", "", low.end, values[0].end, (None, high))]
        if len(values) != 2 or values[0].kind != "name" or values[0].data not in ("width", "height", "size"):
            r.problem("E003", r.hspan(child), "write `recommend width 600 .. 1200` (or height, size)")
            return
        key = values[0].data
        bounds = _size_range(r, values[1]) if key == "size" else _int_range(r, values[1], key)
        if bounds is not None:
            setattr(spec, f"recommend_{key}", bounds)
            spec.spans[f"recommend_{key}"] = r.hspan(child)

    def duration(child: Node):
        value = r.one(child, "duration", "range", what="a range of durations such as .. 60 seconds")
        if value is None:
            return None
        spec.duration_text = r_text(r, child)
        return _seconds_range(r, value)

    r.walk(node.children or [], f"`asset {kind}` block", {
        "ratios": _setter(r, spec, seen, "asset", "ratios", ratios),
        "width": _setter(r, spec, seen, "asset", "width", sized("width", _int_range)),
        "height": _setter(r, spec, seen, "asset", "height", sized("height", _int_range)),
        "max": read_max,
        "recommend": recommend,
        "duration": _setter(r, spec, seen, "asset", "duration", duration),
        "captions": _setter(r, spec, seen, "asset", "captions", lambda c: r.choice(c, CAPTIONS)),
    })
    return spec


def r_text(r: "FileReader", node: Node) -> str:
    """The values of a node as written (for messages: `ratios 1.91:1 .. 4:5`)."""
    def shown(value: Value) -> str:
        if value.kind == "range":
            low, high = value.data
            return " ".join(part for part in (shown(low) if low else "", "..", shown(high) if high else "") if part)
        return " ".join(value.raw.split())

    return ", ".join(shown(v) for v in node.values)


def _asset_kind(r: "FileReader", node: Node) -> str | None:
    values = node.values
    if len(values) != 1 or values[0].kind != "name" or values[0].data not in ASSET_KINDS:
        r.problem("E003", r.hspan(node), f"write `{node.keyword} image {{ … }}` (image, video or thumbnail)")
        return None
    return values[0].data


def channel_handlers(r: "FileReader", profile: m.ChannelProfile, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def merge(child: Node):
        values = child.values
        choices = [*SYNTAXES, NO_SYNTAX]
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "tags" or values[1].kind != "name":
            r.problem("E003", r.hspan(child), f"write `merge tags brevo` (one of {', '.join(choices)})")
            return None
        if values[1].data not in choices:
            from .schema import did_you_mean
            r.problem("E003", r.vspan(values[1]), f"`{values[1].data}` is not a merge-tag syntax: use "
                      f"{', '.join(choices)}{did_you_mean(values[1].data, choices)}")
            return None
        return values[1].data

    def asset(child: Node, specs: dict[str, m.AssetSpec]):
        kind = _asset_kind(r, child)
        if kind is not None:
            specs[kind] = read_asset_spec(r, child, kind, specs.get(kind))
            profile.spans[f"asset.{kind}"] = r.hspan(child)

    def placement(child: Node):
        name, children = r.named(child, "stories")
        if name is None:
            return
        specs = {k: v.model_copy(deep=True) for k, v in profile.placements.get(name, {}).items()}
        r.walk(children, "placement", {"asset": lambda c: asset(c, specs)})
        profile.placements[name] = specs
        profile.spans[f"placement.{name}"] = r.hspan(child)

    def footer(child: Node):
        value = r.one(child, "string", what="the text appended to every message, in quotes")
        return r.text(value) if value else None

    def sender(child: Node):
        value = r.one(child, "string", what="the sender name in quotes")
        return r.text(value) if value else None

    return {
        "merge": _setter(r, profile, seen, "channel", "merge_tags", merge),
        "asset": lambda c: asset(c, profile.assets),
        "placement": placement,
        "footer": _setter(r, profile, seen, "channel", "footer", footer),
        "unsubscribe": _setter(r, profile, seen, "channel", "unsubscribe", lambda c: unsubscribe(r, c)),
        "sender": _setter(r, profile, seen, "channel", "sender", sender),
    }


def unsubscribe(r: "FileReader", node: Node) -> str | None:
    value = r.one(node, "string", "name", what="a URL in quotes, or platform")
    if value is None:
        return None
    if value.kind == "name" and value.data != "platform":
        r.problem("E003", r.vspan(value), f"`unsubscribe` is a URL in quotes or `platform`, not `{value.data}`")
        return None
    return value.data


# ---------------------------------------------------------------- campaign, offer

def campaign_handlers(r: "FileReader", campaign: m.Campaign, seen: set[str]) -> tuple[dict, dict, dict]:
    """The campaign's new handlers, and the variables and events it declares (filled as it is read)."""
    variables_seen: dict = {}
    events_seen: dict = {}
    own_variables: dict[str, m.Variable] = {}
    own_events: dict[str, m.Event] = {}
    return {
        "variable": lambda c: add_named(r, own_variables, read_variable(r, c), "variable", variables_seen),
        "event": lambda c: add_named(r, own_events, read_event(r, c), "event", events_seen),
        "category": _setter(r, campaign, seen, "campaign", "categories", lambda c: choice_list(r, c, CATEGORIES)),
        "packs": _setter(r, campaign, seen, "campaign", "packs", lambda c: choice_list(r, c, PACKS)),
    }, own_variables, own_events


def finish_campaign(r: "FileReader", campaign: m.Campaign, visible: Any, own_variables: dict, own_events: dict) -> None:
    """Visible variables (top level, brand, campaign: nearest wins) and events."""
    variables = dict(getattr(visible, "variables", {}))
    if campaign.brand is not None:
        variables.update(campaign.brand.variables)
    variables.update(own_variables)
    campaign.variables = variables
    events = dict(getattr(visible, "events", {}))
    events.update(own_events)
    campaign.events = events


def offer_handlers(r: "FileReader", offer: m.Offer, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def reference(child: Node):
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "price":
            r.problem("E003", r.hspan(child), "write `reference price 30.00 EUR` (or `reference price landing`)")
            return None
        value = values[1]
        if value.kind == "name" and value.data == "landing":
            return "landing"
        if value.kind != "money" or not r._valid(value):
            r.problem("E003", r.vspan(value), "the reference price is an amount (30.00 EUR) or `landing`")
            return None
        return m.Money(amount=abs(value.data[0]), currency=value.data[1])

    def terms_link(child: Node):
        value = r.one(child, "string", what="a URL in quotes")
        return r.text(value) if value else None

    return {
        "reference": _setter(r, offer, seen, "offer", "reference_price", reference),
        "terms_link": _setter(r, offer, seen, "offer", "terms_link", terms_link),
    }


# ---------------------------------------------------------------- message

def read_asset(r: "FileReader", node: Node, inside_video: bool = False) -> m.Asset | None:
    kind = node.keyword
    value = r.one(node, "string", what=f"the path or https:// URL of the {kind}, in quotes")
    if value is None:
        return None
    asset = m.Asset(kind=kind, path=r.text(value), span=r.hspan(node))
    seen: set[str] = set()

    def alt(child: Node):
        found = r.one(child, "string", what="the alternative text in quotes")
        return r.text(found) if found else None

    def ratio(child: Node):
        found = r.one(child, "ratio", "time", what="a ratio such as 4:5")
        return _ratio(r, found) if found else None

    def pixels(keyword):
        def read(child: Node):
            found = r.one(child, "number", what="a number of pixels")
            return r.integer(found, keyword, 1) if found else None
        return read

    def size(child: Node):
        found = r.one(child, "filesize", what="a file size such as 1.2 MB")
        return found.data if found else None

    def duration(child: Node):
        found = r.one(child, "duration", what="a duration such as 45 seconds")
        if found is None:
            return None
        return m.Duration(amount=found.data[0], unit=found.data[1])

    def thumbnail(child: Node):
        if r.once(seen, child, kind):
            cover = read_asset(r, child, inside_video=True)
            if cover is not None:
                asset.thumbnail = cover

    handlers = {
        "alt": _setter(r, asset, seen, kind, "alt", alt),
        "ratio": _setter(r, asset, seen, kind, "ratio", ratio),
        "width": _setter(r, asset, seen, kind, "width", pixels("width")),
        "height": _setter(r, asset, seen, kind, "height", pixels("height")),
        "size": _setter(r, asset, seen, kind, "size", size),
    }
    if kind == "video":
        handlers["duration"] = _setter(r, asset, seen, kind, "duration", duration)
        handlers["captions"] = _setter(r, asset, seen, kind, "captions", lambda c: boolean(r, c))
        handlers["thumbnail"] = thumbnail
    if kind in ("image", "video"):
        handlers["retouched"] = _setter(r, asset, seen, kind, "retouched", lambda c: boolean(r, c))
        handlers["generated"] = _setter(r, asset, seen, kind, "generated", lambda c: boolean(r, c))
    r.walk(node.children or [], kind, handlers)
    return asset


def _reference(r: "FileReader", node: Node, what: str) -> str | None:
    value = r.one(node, "name", what=what)
    return value.data if value is not None and _no_hyphen(r, node) else None


def _after(r: "FileReader", node: Node, message: m.Message) -> None:
    values = node.values
    usage = "write `after event cart_abandoned 2 hours` or `after message welcome 1 day`"
    if (len(values) != 3 or values[0].kind != "name" or values[0].data not in ("event", "message")
            or values[1].kind != "name" or values[2].kind != "duration"):
        r.problem("E003", r.hspan(node), usage)
        return
    if not r._valid(values[2]):
        return
    if message.after_event or message.after_message:
        r.problem("E005", r.kspan(node), "a message is sent `after` one thing only")
        return
    amount, unit = values[2].data
    pair = (values[1].data, m.Duration(amount=amount, unit=unit))
    if values[0].data == "event":
        message.after_event = pair
    else:
        message.after_message = pair
    message.spans["after"] = r.hspan(node)
    message.spans["after.name"] = r.vspan(values[1])


def _time_range(r: "FileReader", node: Node):
    value = r.one(node, "range", what="a time range such as 09:00 .. 20:00")
    if value is None:
        return None
    low, high = value.data
    if not low or not high or low.kind != "time" or high.kind != "time":
        r.problem("E003", r.vspan(value), "a send window is two times, e.g. 09:00 .. 20:00")
        return None
    return low.data, high.data


def weekdays(r: "FileReader", values: list[Value]) -> list[str] | None:
    days: list[str] = []
    for value in values:
        if value.kind == "range":
            low, high = value.data
            if not low or not high or low.kind != "name" or high.kind != "name":
                r.problem("E003", r.vspan(value), "a range of days is two day names, e.g. monday .. saturday")
                return None
            ends = [low.data.lower(), high.data.lower()]
            if any(day not in WEEKDAYS for day in ends):
                r.problem("E003", r.vspan(value), "a range of days is two day names, e.g. monday .. saturday")
                return None
            first, last = WEEKDAYS.index(ends[0]), WEEKDAYS.index(ends[1])
            index = first
            while True:
                days.append(WEEKDAYS[index])
                if index == last:
                    break
                index = (index + 1) % 7
        elif value.kind == "name" and value.data.lower() in WEEKDAYS:
            days.append(value.data.lower())
        else:
            r.problem("E003", r.vspan(value), f"`{value.raw}` is not a day of the week (monday … sunday)")
            return None
    return days


def message_handlers(r: "FileReader", message: m.Message, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def add_asset(child: Node):
        asset = read_asset(r, child)
        if asset is not None:
            message.assets.append(asset)

    def send(child: Node):
        values = child.values
        if not values or values[0].kind != "name" or values[0].data not in ("window", "days"):
            r.problem("E003", r.hspan(child), "write `send window 09:00 .. 20:00` or `send days monday .. saturday`")
            return
        key = values[0].data
        if f"send {key}" in seen:
            r.problem("E005", r.kspan(child), f"`send {key}` is set twice in this message")
            return
        seen.add(f"send {key}")
        rest = Node(child.keyword, child.keyword_start, child.keyword_end, [values[1:]] if values[1:] else [],
                    None, child.start, child.end)
        if key == "window":
            window = _time_range(r, rest)
            if window is not None:
                message.send_window = window
                message.spans["send_window"] = r.hspan(child)
        else:
            if len(values) < 2:
                r.problem("E003", r.hspan(child), "write `send days monday .. saturday`")
                return
            days = weekdays(r, values[1:])
            if days is not None:
                message.send_days = days
                message.spans["send_days"] = r.hspan(child)

    def skip(child: Node):
        values = child.values
        if len(values) != 1 or values[0].kind != "name" or values[0].data != "holidays":
            r.problem("E003", r.hspan(child), "write `skip holidays`")
            return
        message.skip_holidays = True
        message.spans["skip_holidays"] = r.hspan(child)

    def unless(child: Node):
        if not _no_hyphen(r, child):
            return
        message.unless.extend(r.names(child))
        message.spans.setdefault("unless", r.hspan(child))
        for value in child.values:
            message.spans[f"unless.{value.data}"] = r.vspan(value)

    def trigger(child: Node):
        name = _reference(r, child, "the name of an event")
        if name is not None:
            message.spans["trigger.name"] = r.vspan(child.values[0])
        return name

    def placement(child: Node):
        name = _reference(r, child, "the name of a placement, e.g. stories")
        if name is not None:
            message.spans["placement.name"] = r.vspan(child.values[0])
        return name

    return {
        "placement": _setter(r, message, seen, "message", "placement", placement),
        "image": add_asset,
        "video": add_asset,
        "thumbnail": add_asset,
        "trigger": _setter(r, message, seen, "message", "trigger", trigger),
        "after": lambda c: _after(r, c, message),
        "unless": unless,
        "send": send,
        "skip": skip,
        "unsubscribe": _setter(r, message, seen, "message", "unsubscribe", lambda c: unsubscribe(r, c)),
        "influencer": _setter(r, message, seen, "message", "influencer", lambda c: string(r, c)),
        "category": _setter(r, message, seen, "message", "categories", lambda c: choice_list(r, c, CATEGORIES)),
    }


def append_footer(message: m.Message, footer: m.Text) -> None:
    """The channel's `footer` is read as the end of the body by every rule (§7)."""
    for holder in (message, *message.variants):
        body = next((t for t in holder.texts if t.field == "body"), None)
        if body is None:
            if holder is not message:
                continue
            holder.texts.append(m.TextField(value=footer.value, span=footer.span, char_offsets=footer.char_offsets,
                                            char_ends=footer.char_ends, field="body"))
            continue
        if body.span.path != footer.span.path or not body.char_offsets or not footer.char_offsets:
            body.value = body.value + "\n\n" + footer.value
            continue
        end = body.char_offsets[-1]
        offsets = body.char_offsets[:-1] + [end, end] + footer.char_offsets
        ends = (body.char_ends or []) + [end, end] + (footer.char_ends or [])
        body.value = body.value + "\n\n" + footer.value
        body.char_offsets, body.char_ends = offsets, ends


def finish_message(r: "FileReader", message: m.Message, campaign: m.Campaign) -> None:
    """Checks that need the whole message: scheduled or triggered, not both (E003); the placement (E004)."""
    profile = campaign.channel_profile(message.channel)
    if profile is not None and profile.footer is not None and profile.footer.value:
        append_footer(message, profile.footer)
    for text in message.copy_texts():  # merge tags are neutral tokens for the copy rules
        if text.raw is None and any(o in text.value for o in ("{{", "{%", "*|", "%%")):
            tags = tokenize(text.value)
            if tags:
                text.raw = text.value
                text.value = masked(text.value, tags)
    if message.at is not None and message.triggered:
        where = message.spans.get("after") or message.where("trigger")
        r.problem("E003", where, "a message is either scheduled (`at`) or triggered (`trigger`, `after`), not both")
    if message.trigger and message.after_event:
        r.problem("E003", message.where("trigger"), "a message has one start: `trigger` or `after`, not both")
    if message.placement is not None:
        profile = campaign.channel_profile(message.channel)
        if profile is not None and message.placement not in profile.placements:
            from .schema import did_you_mean
            names = sorted(profile.placements)
            known = f" (it has {', '.join(names)})" if names else " (it has no other placement)"
            r.problem("E004", message.where("placement.name"), f"`{message.placement}` is not a placement of "
                      f"`{message.channel}`{known}{did_you_mean(message.placement, names)}")


def variant_asset(r: "FileReader", node: Node, variant: m.Variant) -> bool:
    """A variant may override `image`, `video`, `thumbnail` (§6.2)."""
    if node.keyword not in ASSET_KINDS:
        return False
    asset = read_asset(r, node)
    if asset is not None:
        variant.assets.append(asset)
        if node.keyword not in variant.overrides:
            variant.overrides.append(node.keyword)
    return True


def decimal_ratio(width: int, height: int) -> float:
    return float(Decimal(width) / Decimal(height))

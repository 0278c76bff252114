"""Resolving the v2 constructs (language §6-§7) for the schema reader.

Each ``*_handlers`` function returns the keyword handlers one block kind gains
in v2; ``schema.FileReader`` merges them into its own.  Keeping them here keeps
v1 resolution untouched: a v1 file never reaches this code (its keywords are
all v1 ones), so it keeps its meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from . import model as m
from .parser import Node, Value
from .resolve_v2_assets import channel_handlers, read_asset, unsubscribe, variant_asset  # noqa: F401
from .text.merge_tags import masked, tokenize

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



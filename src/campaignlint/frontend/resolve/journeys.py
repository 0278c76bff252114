"""What a message gains in v2 (language §6.4–§6.6, §7): its placement and assets, triggers
(``trigger``, ``after``, ``unless``), send windows and days, and the checks that need the whole
message (scheduled or triggered, the placement, the channel's footer, merge tags masked for copy rules).
"""

from __future__ import annotations

from typing import Callable

from ...i18n import gettext as _
from ...i18n import N_
from ... import model as m
from ...text.merge_tags import masked, tokenize
from ..tree import Node
from .assets import read_asset, unsubscribe
from .base import ValueReader, did_you_mean
from .readers import choice_list, no_hyphen, reference, setter, string, weekdays
from .variables import CATEGORIES


def read_after(r: ValueReader, node: Node, message: m.Message) -> None:
    values = node.values
    usage = "write `after event cart_abandoned 2 hours` or `after message welcome 1 day`"
    if (len(values) != 3 or values[0].kind != "name" or values[0].data not in ("event", "message")
            or values[1].kind != "name" or values[2].kind != "duration"):
        r.problem("E003", r.header_span(node), usage)
        return
    if not r.valid(values[2]):
        return
    if message.after_event or message.after_message:
        r.problem("E005", r.keyword_span(node), _("a message is sent `after` one thing only"))
        return
    amount, unit = values[2].data
    pair = (values[1].data, m.Duration(amount=amount, unit=unit))
    if values[0].data == "event":
        message.after_event = pair
    else:
        message.after_message = pair
    message.spans["after"] = r.header_span(node)
    message.spans["after.name"] = r.value_span(values[1])


def _time_range(r: ValueReader, node: Node):
    value = r.one(node, "range", what=N_("a time range such as 09:00 .. 20:00"))
    if value is None:
        return None
    low, high = value.data
    if not low or not high or low.kind != "time" or high.kind != "time":
        r.problem("E003", r.value_span(value), _("a send window is two times, e.g. 09:00 .. 20:00"))
        return None
    return low.data, high.data


def message_handlers(r: ValueReader, message: m.Message, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def add_asset(child: Node):
        asset = read_asset(r, child)
        if asset is not None:
            message.assets.append(asset)

    def send(child: Node):
        values = child.values
        if not values or values[0].kind != "name" or values[0].data not in ("window", "days"):
            r.problem("E003", r.header_span(child), _("write `send window 09:00 .. 20:00` or `send days monday .. "
                                                      "saturday`"))
            return
        key = values[0].data
        if f"send {key}" in seen:
            r.problem("E005", r.keyword_span(child), _("`send {key}` is set twice in this message").format(key=key))
            return
        seen.add(f"send {key}")
        rest = Node(child.keyword, child.keyword_start, child.keyword_end, [values[1:]] if values[1:] else [],
                    None, child.start, child.end)
        if key == "window":
            window = _time_range(r, rest)
            if window is not None:
                message.send_window = window
                message.spans["send_window"] = r.header_span(child)
        else:
            if len(values) < 2:
                r.problem("E003", r.header_span(child), _("write `send days monday .. saturday`"))
                return
            days = weekdays(r, values[1:])
            if days is not None:
                message.send_days = days
                message.spans["send_days"] = r.header_span(child)

    def skip(child: Node):
        values = child.values
        if len(values) != 1 or values[0].kind != "name" or values[0].data != "holidays":
            r.problem("E003", r.header_span(child), _("write `skip holidays`"))
            return
        message.skip_holidays = True
        message.spans["skip_holidays"] = r.header_span(child)

    def unless(child: Node):
        if not no_hyphen(r, child):
            return
        message.unless.extend(r.names(child))
        message.spans.setdefault("unless", r.header_span(child))
        for value in child.values:
            message.spans[f"unless.{value.data}"] = r.value_span(value)

    def trigger(child: Node):
        name = reference(r, child, N_("the name of an event"))
        if name is not None:
            message.spans["trigger.name"] = r.value_span(child.values[0])
        return name

    def placement(child: Node):
        name = reference(r, child, N_("the name of a placement, e.g. stories"))
        if name is not None:
            message.spans["placement.name"] = r.value_span(child.values[0])
        return name

    return {
        "placement": setter(r, message, seen, "message", "placement", placement),
        "image": add_asset,
        "video": add_asset,
        "thumbnail": add_asset,
        "trigger": setter(r, message, seen, "message", "trigger", trigger),
        "after": lambda c: read_after(r, c, message),
        "unless": unless,
        "send": send,
        "skip": skip,
        "unsubscribe": setter(r, message, seen, "message", "unsubscribe", lambda c: unsubscribe(r, c)),
        "influencer": setter(r, message, seen, "message", "influencer", lambda c: string(r, c)),
        "category": setter(r, message, seen, "message", "categories", lambda c: choice_list(r, c, CATEGORIES)),
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


def finish_message(r: ValueReader, message: m.Message, campaign: m.Campaign) -> None:
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
        r.problem("E003", where, _("a message is either scheduled (`at`) or triggered (`trigger`, `after`), not both"))
    if message.trigger and message.after_event:
        r.problem("E003", message.where("trigger"), _("a message has one start: `trigger` or `after`, not both"))
    if message.placement is not None:
        profile = campaign.channel_profile(message.channel)
        if profile is not None and message.placement not in profile.placements:
            names = sorted(profile.placements)
            known = f" (it has {', '.join(names)})" if names else " (it has no other placement)"
            r.problem("E004", message.where("placement.name"), _("`{placement}` is not a placement of "
                                                                 "`{channel}`{known}{did_you_mean}").format(
                                                                   placement=message.placement,
                                                                   channel=message.channel, known=known,
                                                                   did_you_mean=did_you_mean(message.placement, names)))



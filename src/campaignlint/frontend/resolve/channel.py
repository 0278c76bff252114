"""``channel NAME { … }``: a channel profile (top level), or a campaign's use of a channel.

At the top level it defines or extends a profile (built-in profiles come from
``rules/channels.camp``); inside a campaign it may also set the campaign's
``budget``, ``tier`` and ``owner`` for that channel (``campaign_scope``).
"""

from __future__ import annotations

from typing import Any

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ..tree import Node
from .assets import channel_handlers
from .base import ValueReader, did_you_mean

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
CHANNEL_KINDS = ["social", "email", "sms", "ads", "push", "web", "chat", "video", "print", "voice"]
COUNTING_UNITS = ["chars", "graphemes", "utf16", "twitter", "gsm", "width"]
TIERS = ["proven", "emerging", "experimental"]
CTA_KINDS = ["field", "inline"]
GSM_TABLES = ["android", "standard"]  # standard: the 3GPP TS 23.038 table
MAX_KEYS = ["hashtags", "mentions", "links", "emoji", "segments", "headlines", "exclamations"]


def copy_profile(base: m.ChannelProfile) -> m.ChannelProfile:
    """A copy of a channel profile whose dicts and lists are copied, their items shared.

    A profile's containers only hold immutable things (names, numbers, tuples,
    times, spans), so this is as safe as ``model_copy(deep=True)`` and about ten
    times faster; it runs for every channel of every campaign.
    """
    profile = base.model_copy()
    for key, value in list(profile.__dict__.items()):
        if isinstance(value, (dict, list, set)):
            profile.__dict__[key] = value.copy()
    return profile


def read_channel_profile(r: ValueReader, node: Node, name: str, children: list[Node], base: m.ChannelProfile | None,
                         campaign_scope: dict | None = None) -> m.ChannelProfile:
    """The profile ``base`` (if any) with this block's settings on top.

    ``campaign_scope``: the block is a campaign's; its budget, tier and owner go
    into that dict (with their spans under ``"spans"``), not into the profile.
    """
    if base is not None:
        profile = copy_profile(base)
        profile.spans = dict(base.spans)
    else:
        profile = m.ChannelProfile(name=name, span=r.header_span(node))
    if campaign_scope is None:
        profile.span = r.header_span(node)
    seen: set[str] = set()
    attr = r.attribute_setter(profile, seen, "channel")

    def read_limit(child: Node, soft: bool) -> None:
        values = child.values
        word = "recommend" if soft else "limit"
        if len(values) != 2 or values[0].kind != "name" or values[1].kind not in ("number", "range"):
            example = "recommend body 125` or `recommend preheader 35 .. 110" if soft else "limit body 280"
            r.problem("E003", r.header_span(child), _("write `{example}`").format(example=example))
            return
        field = values[0].data
        if field not in m.TEXT_FIELDS:
            fields = ", ".join(m.TEXT_FIELDS)
            r.problem("E003", r.value_span(values[0]), _("`{field}` is not a text field of a message (use "
                                                         "one of {fields}){did_you_mean}").format(
                                                           field=field, fields=fields,
                                                           did_you_mean=did_you_mean(field, m.TEXT_FIELDS)))
            return
        if not r.valid(values[1]):
            return
        if values[1].kind == "number":
            upper = r.integer(values[1], word, 1)
            if upper is None:
                return
            bounds = (None, upper)
        else:
            if soft is False:
                r.problem("E003", r.value_span(values[1]),
                          _("a hard `limit` is one number; use `recommend` for a range"))
                return
            low, high = values[1].data
            if (low and low.kind != "number") or (high and high.kind != "number"):
                r.problem("E003", r.value_span(values[1]), _("the bounds of a length range are numbers"))
                return
            bounds = (r.integer(low, word) if low else None, r.integer(high, word) if high else None)
            if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
                r.problem("E003", r.value_span(values[1]), _("the range {low} .. {high} is upside down").format(
                                                               low=low.raw, high=high.raw))
                return
        if soft:
            profile.recommend[field] = bounds
            profile.spans[f"recommend.{field}"] = r.header_span(child)
        else:
            profile.limits[field] = bounds[1]
            profile.spans[f"limit.{field}"] = r.header_span(child)

    def read_max(child: Node) -> None:
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[1].kind != "number":
            r.problem("E003", r.header_span(child),
                      _("write `max hashtags 5` (or mentions, links, emoji, segments, headlines)"))
            return
        key = values[0].data
        if key not in MAX_KEYS:
            r.problem("E002", r.value_span(values[0]), _("a channel has no `max {key}`{did_you_mean}").format(
                                                           key=key, did_you_mean=did_you_mean(key, MAX_KEYS)))
            return
        count = r.integer(values[1], f"max {key}")
        if count is not None:
            profile.maxima[key] = count
            profile.spans[f"max.{key}"] = r.header_span(child)

    def read_quiet_hours(child: Node):
        value = r.one(child, "range", what=N_("a time range such as 20:00 .. 08:00"))
        if value is None:
            return None
        low, high = value.data
        if not low or not high or low.kind != "time" or high.kind != "time":
            r.problem("E003", r.value_span(value), _("quiet hours are a range of two times, e.g. 20:00 .. 08:00"))
            return None
        return (low.data, high.data)

    def read_days(child: Node) -> list[str]:
        days = []
        for value in r.values(child, ("name",), many=True, what=N_("weekday names")) or []:
            day = value.data.lower()
            if day not in WEEKDAYS:
                r.problem("E003", r.value_span(value), _("`{data}` is not a day of the week (monday … "
                                                         "sunday){did_you_mean}").format(
                                                           data=value.data,
                                                           did_you_mean=did_you_mean(day, WEEKDAYS)))
            else:
                days.append(day)
        return days

    def read_require(child: Node) -> list[str]:
        fields = []
        requirable = list(m.TEXT_FIELDS) + ["link", "opt_out", "unsubscribe"]
        for value in r.values(child, ("name",), many=True, what=N_("field names")) or []:
            if value.data not in requirable:
                r.problem("E003", r.value_span(value), _("`{data}` cannot be required: use text fields, "
                                                         "link, opt_out or unsubscribe{did_you_mean}").format(
                                                           data=value.data,
                                                           did_you_mean=did_you_mean(value.data, requirable)))
            else:
                fields.append(value.data)
        return fields

    def read_readability(child: Node):
        value = r.one(child, "number", what=N_("a minimum reading-ease score"))
        return value.data if value else None

    def read_gsm_table(child: Node):
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "table" or values[1].kind != "name":
            r.problem("E003", r.header_span(child), _("write `gsm table android` or `gsm table standard`"))
            return None
        if values[1].data not in GSM_TABLES:
            hint = did_you_mean(values[1].data, GSM_TABLES)
            r.problem("E003", r.value_span(values[1]), _("`{data}` is not a GSM table: use android (what senders do) "
                                                         "or standard (3GPP TS 23.038){hint}").format(
                                                           data=values[1].data, hint=hint))
            return None
        return values[1].data

    handlers: dict[str, Any] = {
        "kind": attr("kind", lambda c: r.choice(c, CHANNEL_KINDS)),
        "counting": attr("counting", lambda c: r.choice(c, COUNTING_UNITS)),
        "limit": lambda c: read_limit(c, False),
        "recommend": lambda c: read_limit(c, True),
        "max": read_max,
        "require": attr("require", read_require),
        "opt_out": attr("opt_out", r.string),
        "quiet_hours": attr("quiet_hours", read_quiet_hours),
        "quiet_days": attr("quiet_days", read_days),
        "tone": attr("tone", r.tones),
        "readability": attr("readability", read_readability),
        "stages": attr("stages", r.names),
        "utm_source": attr("utm_source", r.string),
        "utm_medium": attr("utm_medium", r.string),
        "cta": attr("cta", lambda c: r.choice(c, CTA_KINDS)),
        "gsm": attr("gsm_table", read_gsm_table),
        **channel_handlers(r, profile, seen),  # v2
    }
    if campaign_scope is not None:
        def scoped(key, read):
            def handler(child: Node) -> None:
                if r.once(seen, child, "channel"):
                    value = read(child)
                    if value is not None:
                        campaign_scope[key] = value
                        campaign_scope.setdefault("spans", {})[key] = r.header_span(child)
            return handler
        handlers["budget"] = scoped("budget", r.money)
        handlers["tier"] = scoped("tier", lambda c: r.choice(c, TIERS))
        handlers["owner"] = scoped("owner", r.string)
    else:
        for key in ("budget", "tier", "owner"):
            handlers[key] = lambda c, key=key: r.problem(
                "E002", r.keyword_span(c), _("`{key}` belongs to a campaign's `channel` block, not to a "
                                             "channel profile").format(key=key))
    r.walk(children, "channel", handlers)
    return profile

"""``message NAME { … }`` inside a campaign, with its ``variant NAME { … }`` blocks (A/B tests)."""

from __future__ import annotations

from typing import Any

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ...source import Span
from ..tree import Node, Value
from .assets import ASSET_KINDS, variant_asset
from .base import ValueReader, did_you_mean
from .journeys import finish_message, message_handlers

#: what a variant may change besides its texts and links (recorded, not read)
_VARIANT_OVERRIDES = ("at", "stage", "offer", "segments", "segment", "channel")


def read_message_fields(r: ValueReader, children: list[Node], target: Any, place: str,
                        seen: set[str], overrides: list[str] | None = None) -> list[Node]:
    """Text fields and links, shared by messages and variants; returns the other nodes."""
    others: list[Node] = []
    for child in children:
        keyword = child.keyword
        if keyword in m.TEXT_FIELDS:
            if not r.once(seen, child, place):
                continue
            value = r.one(child, "string", what=N_("a text in quotes (or a long text in triple quotes)"))
            if value is not None:
                target.texts.append(r.text(value, m.TextField, field=keyword))
                if overrides is not None and keyword not in overrides:
                    overrides.append(keyword)
        elif keyword == "link":
            value = r.one(child, "string", what=N_("a URL in quotes"))
            if value is not None:
                target.links.append(r.text(value))
                if overrides is not None and "link" not in overrides:
                    overrides.append("link")
        else:
            others.append(child)
    return others


def read_message(r: ValueReader, node: Node, campaign: m.Campaign) -> m.Message | None:
    name, children = r.named(node, "teaser")
    if name is None:
        return None
    message = m.Message(name=name, span=r.header_span(node), language=campaign.language)
    seen: set[str] = set()
    channel_value: Value | None = None
    variant_nodes: list[Node] = []
    attr = r.attribute_setter(message, seen, "message")

    def channel(child: Node) -> None:
        nonlocal channel_value
        if r.once(seen, child, "message"):
            channel_value = r.one(child, "name", what=N_("a channel name"))

    def segments(child: Node) -> None:
        if "segments" in seen:
            r.problem("E005", r.keyword_span(child),
                      _("the message names its segments twice (`segment` and `segments`)"))
            return
        seen.add("segments")
        found = []
        for value in r.values(child, ("name",), many=True, what=N_("segment names")) or []:
            if value.data in campaign.segments:
                found.append(value.data)
            else:
                r.problem("E004", r.value_span(value), _("`{data}` is not a segment of this "
                                                         "campaign{did_you_mean}").format(
                                                           data=value.data,
                                                           did_you_mean=did_you_mean(value.data, campaign.segments)))
        message.segments = found
        message.spans["segments"] = r.header_span(child)

    def stage(child: Node) -> str | None:
        value = r.one(child, "name", what=N_("a funnel stage"))
        return r.funnel_stage(value, campaign) if value else None

    def at(child: Node):
        value = r.one(child, "datetime", what=N_("a date and time such as 2027-03-01 09:00"))
        return value.data if value else None

    def offer(child: Node) -> str | None:
        value = r.one(child, "name", what=N_("the name of an offer"))
        if value is None:
            return None
        if value.data not in campaign.offers:
            r.problem("E004", r.value_span(value), _("no offer named `{data}` in this campaign{did_you_mean}").format(
                                                       data=value.data,
                                                       did_you_mean=did_you_mean(value.data, campaign.offers)))
            return None
        return value.data

    handlers = {
        "channel": channel,
        "segment": segments,
        "segments": segments,
        "stage": attr("stage", stage),
        "at": attr("at", at),
        "language": attr("language", r.language),
        "offer": attr("offer", offer),
        "variant": lambda child: variant_nodes.append(child),
        **message_handlers(r, message, seen),  # v2
    }
    others = read_message_fields(r, children, message, "message", seen)
    for child in others:
        handler = handlers.get(child.keyword)
        if handler is None:
            r.unknown(child, "message", list(handlers) + list(m.TEXT_FIELDS) + ["link"])
        elif child.children is not None and child.keyword not in ("variant", *ASSET_KINDS):
            r.problem("E003", r.span(child.block_start, child.block_start + 1),
                      _("`{keyword}` does not take a `{{ … }}` block").format(keyword=child.keyword))
        else:
            handler(child)
    if channel_value is not None:
        if campaign.channel_profile(channel_value.data) is None:
            channel_name = channel_value.data
            r.problem("E004", r.value_span(channel_value),
                      _("`{channel_name}` is not a known channel{did_you_mean}").format(
                          channel_name=channel_name,
                          did_you_mean=did_you_mean(channel_name, campaign.known_channels)))
        message.channel = channel_value.data
        message.spans["channel"] = r.value_span(channel_value)
    elif "channel" not in seen:
        r.problem("E007", r.header_span(node), _("message `{name}` has no `channel`").format(name=name))
    _read_variants(r, variant_nodes, message)
    finish_message(r, message, campaign)  # v2: after the variants (their bodies get the footer, their tags masked)
    return message


def _read_variants(r: ValueReader, variant_nodes: list[Node], message: m.Message) -> None:
    variant_seen: dict[str, Span] = {}
    for child in variant_nodes:
        variant_name, variant_children = r.named(child, "b")
        if variant_name is None:
            continue
        if child.children is None:
            r.problem("E003", r.header_span(child),
                      _("variant `{variant_name}` needs a `{{ … }}` block with the fields it changes").format(
                          variant_name=variant_name))
            continue
        variant = m.Variant(name=variant_name, span=r.header_span(child))
        rest = read_message_fields(r, variant_children, variant, "variant", set(), variant.overrides)
        for other in rest:
            if variant_asset(r, other, variant):  # v2: a variant may change the visual
                continue
            if other.keyword in _VARIANT_OVERRIDES:
                variant.overrides.append(other.keyword)
                continue
            r.unknown(other, "variant", list(m.TEXT_FIELDS) + ["link", "at"])
        if r.duplicate_check(variant_seen, variant_name, variant.span, "variant"):
            message.variants.append(variant)

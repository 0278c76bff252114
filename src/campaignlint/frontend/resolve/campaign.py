"""``campaign NAME { … }``: its attributes, then what it holds, resolved against what it can see.

A campaign is read after its file's imports: its ``brand``, segments and
channels may come from them (``visible``), and its messages refer to its own
segments, offers and funnel, so the blocks are read in that order: attributes,
brand and voice, segments, channels, offers, objectives, messages, rules.
"""

from __future__ import annotations

import zoneinfo
from typing import Any

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ...source import Span
from ..tree import Node, Value
from .base import ValueReader, did_you_mean
from .brand import read_voice
from .channel import read_channel_profile
from .custom_rule import read_rule
from .definitions import Definitions
from .message import read_message
from .objective import read_objective
from .offer import read_offer
from .segment import read_segment
from .variables import CampaignDeclarations, campaign_handlers, finish_campaign

ATTRIBUTIONS = ["first_click", "last_click", "linear", "time_decay", "u_shaped", "data_driven"]


class _Held:
    """The blocks a campaign holds, gathered while its attributes are read."""

    def __init__(self) -> None:
        self.voice: Node | None = None
        self.brand: Value | None = None
        self.language_set = False
        self.funnel_set = False
        self.segments: list[Node] = []
        self.channels: list[Node] = []
        self.objectives: list[Node] = []
        self.offers: list[Node] = []
        self.messages: list[Node] = []
        self.rules: list[Node] = []
        self.declarations = CampaignDeclarations()  # v2: its variables and events


def read_campaign(r: ValueReader, node: Node, visible: Definitions,
                  builtin: dict[str, m.ChannelProfile]) -> m.Campaign | None:
    name, children = r.named(node, "spring_sale")
    if name is None:
        return None
    campaign = m.Campaign(name=name, span=r.header_span(node))
    campaign.known_channels = {**builtin, **visible.channels}
    seen: set[str] = set()
    held = _read_attributes(r, children, campaign, seen)
    if campaign.period is None and "period" not in seen:
        r.problem("E007", r.header_span(node),
                  _("campaign `{name}` has no `period` (write `period 2027-03-01 .. 2027-05-31`)").format(
                      name=name))
    _resolve_brand_and_voice(r, campaign, held, visible)
    finish_campaign(campaign, visible, held.declarations)
    if not held.funnel_set:
        campaign.funnel = list(m.DEFAULT_FUNNEL)
    _resolve_segments(r, campaign, held.segments, visible)
    _resolve_channels(r, campaign, held.channels, visible, builtin)

    offer_seen: dict[str, Span] = {}
    for child in held.offers:
        offer = read_offer(r, child)
        if offer and r.duplicate_check(offer_seen, offer.name, offer.span, "offer"):
            campaign.offers[offer.name] = offer
    objective_seen: dict[str, Span] = {}
    for child in held.objectives:
        objective = read_objective(r, child, campaign)
        if objective and r.duplicate_check(objective_seen, objective.name, objective.span, "objective"):
            campaign.objectives.append(objective)
    message_seen: dict[str, Span] = {}
    for child in held.messages:
        message = read_message(r, child, campaign)
        if message and r.duplicate_check(message_seen, message.name, message.span, "message"):
            campaign.messages.append(message)
    # custom rules: global ones, then the campaign's own
    campaign.rules = list(visible.rules)
    rule_seen: dict[str, Span] = {rule.name: rule.span for rule in visible.rules}
    for child in held.rules:
        rule = read_rule(r, child)
        if rule and r.duplicate_check(rule_seen, rule.name, rule.span, "rule"):
            campaign.rules.append(rule)
    return campaign


def _read_attributes(r: ValueReader, children: list[Node], campaign: m.Campaign, seen: set[str]) -> _Held:
    """The campaign's own attributes; the blocks it holds are gathered for later."""
    held = _Held()
    attr = r.attribute_setter(campaign, seen, "campaign")

    def read_brand_ref(child: Node) -> None:
        if r.once(seen, child, "campaign"):
            held.brand = r.one(child, "name", what=N_("the name of a brand"))

    def read_language(child: Node) -> None:
        code = r.language(child)
        if code and r.once(seen, child, "campaign"):
            campaign.language = code
            campaign.spans["language"] = r.header_span(child)
            held.language_set = True

    def read_period(child: Node):
        value = r.one(child, "range", what=N_("a date range such as 2027-03-01 .. 2027-05-31"))
        if value is None:
            return None
        low, high = value.data
        if not low or not high or low.kind != "date" or high.kind != "date":
            r.problem("E003", r.value_span(value), _("a `period` is two dates, e.g. 2027-03-01 .. 2027-05-31"))
            return None
        if high.data < low.data:
            r.problem("E003", r.value_span(value), _("the period ends ({high}) before it starts ({low})").format(
                                                       high=high.raw, low=low.raw))
            return None
        return (low.data, high.data)

    def read_timezone(child: Node) -> str | None:
        value = r.one(child, "string", what=N_("an IANA time zone in quotes, e.g. \"Europe/Paris\""))
        if value is None:
            return None
        try:
            zoneinfo.ZoneInfo(value.data)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
            r.problem("E003", r.value_span(value), _("`{data}` is not a known time zone (write it like "
                                                     '"Europe/Paris" or "America/New_York")').format(
                                                       data=value.data))
            return None
        return value.data

    def read_funnel(child: Node) -> list[str] | None:
        stages = r.names(child)
        if stages:
            if len(set(stages)) != len(stages):
                r.problem("E005", r.header_span(child), _("the funnel names a stage twice"))
                return None
            held.funnel_set = True
        return stages or None

    def read_margin(child: Node) -> m.Percent | None:
        value = r.one(child, "percent", what=N_("a percentage, e.g. 35%"))
        if value is None:
            return None
        if not 0 <= value.data <= 100:
            r.problem("E003", r.value_span(value), _("a margin is between 0% and 100%, not {value}").format(
                                                       value=value.raw))
            return None
        return m.Percent(value=value.data, signed=value.signed)

    def read_theme_keywords(child: Node) -> list[m.Text] | None:
        return [r.text(v) for v in r.strings(child)] or None

    def read_theme(child: Node) -> m.Text | None:
        value = r.one(child, "string")
        return r.text(value) if value else None

    def read_voice_node(child: Node) -> None:
        if r.once(seen, child, "campaign"):
            held.voice = child

    def collect(bucket: list[Node]):
        return lambda child: bucket.append(child)

    r.walk(children, "campaign", {
        "name": attr("display_name", r.string),
        "brand": read_brand_ref,
        "language": read_language,
        "theme": attr("theme", read_theme),
        "theme_keywords": attr("theme_keywords", read_theme_keywords),
        "period": attr("period", read_period),
        "timezone": attr("timezone", read_timezone),
        "budget": attr("budget", r.money),
        "owner": attr("owner", r.string),
        "attribution": attr("attribution", lambda c: r.choice(c, ATTRIBUTIONS)),
        "funnel": attr("funnel", read_funnel),
        "clv": attr("clv", r.money),
        "margin": attr("margin", read_margin),
        "target_cpa": attr("target_cpa", r.money),
        "voice": read_voice_node,
        "segment": collect(held.segments),
        "channel": collect(held.channels),
        "objective": collect(held.objectives),
        "offer": collect(held.offers),
        "message": collect(held.messages),
        "rule": collect(held.rules),
        **campaign_handlers(r, campaign, seen, held.declarations),  # v2
    })
    return held


def _resolve_brand_and_voice(r: ValueReader, campaign: m.Campaign, held: _Held, visible: Definitions) -> None:
    """The named brand (or the only one visible); the campaign's voice on top of the brand's."""
    if held.brand is not None:
        brand = visible.brands.get(held.brand.data)
        if brand is None:
            name = held.brand.data
            r.problem("E004", r.value_span(held.brand), _("no brand named `{name}` is defined here or in an "
                                                          "imported file{did_you_mean}").format(
                                                            name=name,
                                                            did_you_mean=did_you_mean(name, visible.brands)))
        else:
            campaign.brand = brand
            campaign.spans["brand"] = r.value_span(held.brand)
    elif len(visible.brands) == 1:
        campaign.brand = next(iter(visible.brands.values()))
    if not held.language_set and campaign.brand and campaign.brand.language:
        campaign.language = campaign.brand.language
    base_voice = campaign.brand.voice if campaign.brand else None
    if held.voice is not None:
        campaign.voice = read_voice(r, held.voice, base_voice)
    else:
        campaign.voice = base_voice


def _resolve_segments(r: ValueReader, campaign: m.Campaign, nodes: list[Node], visible: Definitions) -> None:
    """``segment NAME`` names a visible segment; ``segment NAME { … }`` defines (or extends) one."""
    segment_seen: dict[str, Span] = {}
    for child in nodes:
        name = child.values[0].data if child.values and child.values[0].kind == "name" else None
        if name is None:
            r.named(child, "urban_runners")
            continue
        base = visible.segments.get(name)
        if child.children is None:
            if len(child.values) > 1:
                r.named(child, "urban_runners")
            if base is None:
                r.problem("E004", r.value_span(child.values[0]),
                          _("no segment named `{name}` is defined here or in an imported file{did_you_mean}").format(
                              name=name, did_you_mean=did_you_mean(name, visible.segments)))
                continue
            segment = base
        else:
            segment = read_segment(r, child, base)
        if segment and r.duplicate_check(segment_seen, name, r.header_span(child), "segment"):
            campaign.segments[name] = segment
            # where the campaign names it (an imported segment's own span is in another file)
            campaign.spans[f"segment {name}"] = r.header_span(child)


def _resolve_channels(r: ValueReader, campaign: m.Campaign, nodes: list[Node], visible: Definitions,
                      builtin: dict[str, m.ChannelProfile]) -> None:
    """Each ``channel NAME { … }`` uses a known profile, with the campaign's settings on top."""
    channel_seen: dict[str, Span] = {}
    for child in nodes:
        name, children = r.named(child, "instagram")
        if name is None:
            continue
        base = visible.channels.get(name) or builtin.get(name)
        if base is None:
            r.problem("E004", r.value_span(child.values[0]), _("`{name}` is not a known channel: define it "
                                                               "with a top-level `channel {name} {{ kind … "
                                                               "}}` block{did_you_mean}").format(
                                                                 name=name, did_you_mean=did_you_mean(
                                                                     name, campaign.known_channels)))
            continue
        if not r.duplicate_check(channel_seen, name, r.header_span(child), "channel"):
            continue
        scope: dict[str, Any] = {}
        profile = read_channel_profile(r, child, name, children, base, campaign_scope=scope)
        campaign.channels[name] = m.CampaignChannel(
            name=name, profile=profile, span=r.header_span(child), spans=scope.pop("spans", {}), **scope,
        )

"""v2 declarations (language §6.3, §6.6, §6.7): ``variable``, ``event``, ``frequency``, and what
brands, voices, campaigns and offers gain in v2.

Each ``*_handlers`` function returns the keyword handlers one block kind gains;
the block's reader (``brand``, ``campaign``, ``offer``…) merges them into its own.
"""

from __future__ import annotations

from typing import Any, Callable

from ...i18n import gettext as _
from ...i18n import N_
from ... import model as m
from ...packs import PACKS as RULE_PACKS
from ..tree import Node
from .base import ValueReader
from .readers import add_named, boolean, choice_list, setter, string

CATEGORIES = ["alcohol", "food", "credit", "gambling", "financial", "health", "other"]
PACKS = list(RULE_PACKS)  # the rule packs a campaign may turn on (campaignlint.packs)
PERIODS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month"}

Handlers = dict[str, Callable[[Node], None]]


# ---------------------------------------------------------------- variable & event

def read_variable(r: ValueReader, node: Node) -> m.Variable | None:
    name, children = r.named(node, "first_name")
    if name is None:
        return None
    variable = m.Variable(name=name, span=r.header_span(node))
    seen: set[str] = set()

    def max_length(child: Node):
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "length" or values[1].kind != "number":
            r.problem("E003", r.header_span(child), _("write `max length 20` (the longest value the field holds)"))
            return None
        return r.integer(values[1], "max length", 1)

    def aliases(child: Node):
        variable.aliases.extend(v.data for v in r.strings(child))

    r.walk(children, "variable", {
        "max": setter(r, variable, seen, "variable", "max_length", max_length),
        "may_be_empty": setter(r, variable, seen, "variable", "may_be_empty", lambda c: boolean(r, c)),
        "fallback": setter(r, variable, seen, "variable", "fallback", lambda c: string(r, c)),
        "alias": aliases,
        "description": setter(r, variable, seen, "variable", "description", lambda c: string(r, c)),
    })
    if variable.max_length is None and "max" not in seen:
        r.problem("E007", r.header_span(node), _("variable `{name}` has no `max length` (write `max length 20`: the "
                                                 "longest value the field holds, which length rules count)").format(
                                                   name=name))
    return variable


def read_event(r: ValueReader, node: Node) -> m.Event | None:
    name, children = r.named(node, "cart_abandoned")
    if name is None:
        return None
    event = m.Event(name=name, span=r.header_span(node))
    seen: set[str] = set()
    r.walk(children, "event", {
        "description": setter(r, event, seen, "event", "description", lambda c: string(r, c)),
    })
    return event


def top_level_handlers(r: ValueReader, result: m.CampaignFile) -> Handlers:
    """``variable`` and ``event`` at the top level of a file."""
    seen: dict[str, dict] = {"variable": {}, "event": {}}
    return {
        "variable": lambda c: add_named(r, result.variables, read_variable(r, c), "variable", seen["variable"]),
        "event": lambda c: add_named(r, result.events, read_event(r, c), "event", seen["event"]),
    }


# ---------------------------------------------------------------- frequency

def read_frequency(r: ValueReader, node: Node) -> dict[str, m.FrequencyCap] | None:
    values = node.values
    caps: dict[str, m.FrequencyCap] = {}
    usage = "write `frequency email 3 per week, sms 2 per month` (a channel, a number, per day, week or month)"
    if not values or len(values) % 4:
        r.problem("E003", r.header_span(node), usage)
        return None
    for index in range(0, len(values), 4):
        channel, count, per, period = values[index:index + 4]
        if (channel.kind != "name" or count.kind != "number" or per.kind != "name" or per.data != "per"
                or period.kind != "name"):
            r.problem("E003", r.span(channel.start, period.end), usage)
            return None
        if period.data not in PERIODS:
            r.problem("E003", r.value_span(period),
                      _("a frequency is counted per day, week or month, not per `{data}`").format(data=period.data))
            return None
        number = r.integer(count, "frequency", 1)
        if number is None:
            return None
        if channel.data in caps:
            r.problem("E005", r.value_span(channel), _("the frequency of `{data}` is given twice").format(
                                                         data=channel.data))
            continue
        caps[channel.data] = m.FrequencyCap(channel=channel.data, count=number, period=PERIODS[period.data],
                                            span=r.span(channel.start, period.end))
    return caps


# ---------------------------------------------------------------- brand, voice

def brand_handlers(r: ValueReader, brand: m.Brand, seen: set[str]) -> Handlers:
    variables_seen: dict = {}
    return {
        "variable": lambda c: add_named(r, brand.variables, read_variable(r, c), "variable", variables_seen),
        "frequency": setter(r, brand, seen, "brand", "frequency", lambda c: read_frequency(r, c)),
    }


def voice_handlers(r: ValueReader, voice: m.Voice, seen: set[str]) -> Handlers:
    def captions(child: Node):
        value = r.one(child, "name", what=N_("required or optional"))
        if value is None:
            return None
        if value.data not in ("required", "optional"):
            r.problem("E003", r.value_span(value),
                      _("a voice's captions are `required` or `optional`, not `{data}`").format(data=value.data))
            return None
        return value.data == "required"

    return {"captions": setter(r, voice, seen, "voice", "captions_required", captions)}


# ---------------------------------------------------------------- campaign

class CampaignDeclarations:
    """The variables and events a campaign declares, filled as it is read."""

    def __init__(self) -> None:
        self.variables: dict[str, m.Variable] = {}
        self.events: dict[str, m.Event] = {}
        self.variables_seen: dict = {}
        self.events_seen: dict = {}


def campaign_handlers(r: ValueReader, campaign: m.Campaign, seen: set[str],
                      own: CampaignDeclarations) -> Handlers:
    """The campaign's new handlers; its variables and events go to ``own``."""
    return {
        "variable": lambda c: add_named(r, own.variables, read_variable(r, c), "variable", own.variables_seen),
        "event": lambda c: add_named(r, own.events, read_event(r, c), "event", own.events_seen),
        "category": setter(r, campaign, seen, "campaign", "categories", lambda c: choice_list(r, c, CATEGORIES)),
        "packs": setter(r, campaign, seen, "campaign", "packs", lambda c: choice_list(r, c, PACKS)),
    }


def finish_campaign(campaign: m.Campaign, visible: Any, own: CampaignDeclarations) -> None:
    """Visible variables (top level, brand, campaign: nearest wins) and events (once the brand is known)."""
    variables = dict(visible.variables)
    if campaign.brand is not None:
        variables.update(campaign.brand.variables)
    variables.update(own.variables)
    campaign.variables = variables
    campaign.events = {**visible.events, **own.events}


# ---------------------------------------------------------------- offer

def offer_handlers(r: ValueReader, offer: m.Offer, seen: set[str]) -> Handlers:
    def reference(child: Node):
        values = child.values
        if len(values) != 2 or values[0].kind != "name" or values[0].data != "price":
            r.problem("E003", r.header_span(child), _("write `reference price 30.00 EUR` (or `reference price "
                                                      "landing`)"))
            return None
        value = values[1]
        if value.kind == "name" and value.data == "landing":
            return "landing"
        if value.kind != "money" or not r.valid(value):
            r.problem("E003", r.value_span(value), _("the reference price is an amount (30.00 EUR) or `landing`"))
            return None
        return m.Money(amount=abs(value.data[0]), currency=value.data[1])

    def terms_link(child: Node):
        value = r.one(child, "string", what=N_("a URL in quotes"))
        return r.text(value) if value else None

    return {
        "reference": setter(r, offer, seen, "offer", "reference_price", reference),
        "terms_link": setter(r, offer, seen, "offer", "terms_link", terms_link),
    }

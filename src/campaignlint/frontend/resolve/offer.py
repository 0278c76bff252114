"""``offer NAME { … }`` inside a campaign: a discount or a price, its code, dates and landing page."""

from __future__ import annotations

import datetime as dt

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ..tree import Node
from .base import ValueReader
from .variables import offer_handlers


def read_offer(r: ValueReader, node: Node) -> m.Offer | None:
    name, children = r.named(node, "spring15")
    if name is None:
        return None
    offer = m.Offer(name=name, span=r.header_span(node))
    seen: set[str] = set()
    attr = r.attribute_setter(offer, seen, "offer")

    def discount(child: Node):
        value = r.one(child, "percent", "money", what=N_("a percentage or an amount"))
        if value is None:
            return None
        if value.kind == "percent":
            amount = abs(value.data)
            if amount > 100:
                r.problem("E003", r.value_span(value), _("a discount cannot exceed 100%, not {value}").format(
                                                           value=value.raw))
                return None
            return m.Percent(value=amount, signed=False)
        return m.Money(amount=abs(value.data[0]), currency=value.data[1])

    def date(child: Node):
        value = r.one(child, "date")
        return value.data if value else None

    def ends(child: Node):
        value = r.one(child, "date", "datetime")
        return value.data if value else None

    def landing(child: Node) -> m.Text | None:
        value = r.one(child, "string", what=N_("a URL in quotes"))
        return r.text(value) if value else None

    r.walk(children, "offer", {
        "discount": attr("discount", discount),
        "code": attr("code", r.string),
        "price": attr("price", r.money),
        "starts": attr("starts", date),
        "ends": attr("ends", ends),
        "landing": attr("landing", landing),
        "terms": attr("terms", r.string),
        **offer_handlers(r, offer, seen),  # v2
    })
    if offer.starts and offer.ends:
        end_day = offer.ends.date() if isinstance(offer.ends, dt.datetime) else offer.ends
        if end_day < offer.starts:
            r.problem("E003", offer.where("ends"), _("the offer ends ({end_day}) before it starts ({starts})").format(
                                                       end_day=end_day, starts=offer.starts))
    return offer

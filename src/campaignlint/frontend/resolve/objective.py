"""``objective NAME { … }`` inside a campaign: what the campaign must achieve, by when."""

from __future__ import annotations

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ..tree import Node
from .base import ValueReader


def read_objective(r: ValueReader, node: Node, campaign: m.Campaign) -> m.Objective | None:
    name, children = r.named(node, "signups")
    if name is None:
        return None
    objective = m.Objective(name=name, span=r.header_span(node))
    attr = r.attribute_setter(objective, set(), "objective")

    def quantity(child: Node):
        value = r.one(child, "number", "money", "percent", what=N_("a number, an amount or a percentage"))
        if value is None:
            return None
        if value.kind == "money":
            return m.Money(amount=value.data[0], currency=value.data[1])
        if value.kind == "percent":
            return m.Percent(value=value.data, signed=value.signed)
        return value.data

    def deadline(child: Node):
        value = r.one(child, "date")
        return value.data if value else None

    def within(child: Node) -> m.Duration | None:
        value = r.one(child, "duration", what=N_("a duration such as 3 months"))
        if value is None:
            return None
        amount, unit = value.data
        if unit == "seconds":
            r.problem("E003", r.value_span(value), _("an objective's `within` counts minutes or longer, not seconds"))
            return None
        if amount <= 0:
            r.problem("E003", r.value_span(value), _("a duration must be longer than zero"))
            return None
        return m.Duration(amount=amount, unit=unit)

    def metric(child: Node) -> str | None:
        value = r.one(child, "name", what=N_("a metric name such as signups or instagram.followers"))
        return value.data if value else None

    def stage(child: Node) -> str | None:
        value = r.one(child, "name", what=N_("a funnel stage"))
        return r.funnel_stage(value, campaign) if value else None

    def text(child: Node) -> m.Text | None:
        value = r.one(child, "string")
        return r.text(value) if value else None

    r.walk(children, "objective", {
        "text": attr("text", text),
        "metric": attr("metric", metric),
        "baseline": attr("baseline", quantity),
        "target": attr("target", quantity),
        "deadline": attr("deadline", deadline),
        "within": attr("within", within),
        "owner": attr("owner", r.string),
        "kpi": attr("kpi", r.names),
        "stage": attr("stage", stage),
    })
    if objective.deadline and objective.within:
        r.problem("E003", objective.where("within"), _("give either `deadline` or `within`, not both"))
    return objective

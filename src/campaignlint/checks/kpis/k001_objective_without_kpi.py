"""K001 objective-without-kpi."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ObjectiveWithoutKpi(Rule):
    """An objective has no `kpi`: nothing says which indicators will be followed."""

    code = "K001"
    name = "objective-without-kpi"
    severity = Severity.WARNING
    why = (
        "KPIs are how progress is followed during the campaign, not only judged at "
        "the end: conversion rate, cost per acquisition, click-through rate, open "
        "rate. Chosen before launch, they tell the team each week which channel "
        "works and where to move the budget; chosen afterwards, they tend to be "
        "the ones that look good."
    )
    example = "objective ventes {\n  metric orders\n  target 1_500\n  stage conversion\n}"
    correction = (
        "objective ventes {\n  metric orders\n  target 1_500\n  kpi conversion_rate, cpa, roas\n"
        "  stage conversion\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            if not objective.kpi:
                yield ctx.finding(
                    self, objective,
                    _("objective `{objective}` has no KPI: list the indicators that will be "
                      "followed (`kpi conversion_rate, cpa`…)").format(objective=objective.name),
                )

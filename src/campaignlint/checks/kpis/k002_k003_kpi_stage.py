"""K002 vanity-kpis-only and K003 kpi-does-not-fit-stage: a KPI against the
objective's funnel stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...language.kpis_and_stages import all_kpis, canonical_stage, is_outcome_stage, kpi_fits_stage, lookup_kpi
from ...rule import Rule
from .._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _examples(stage: str | None, limit: int = 3) -> str:
    """A few KPIs of the taxonomy that measure only ``stage`` and are not vanity metrics."""
    found = [f"`{kpi.id}`" for kpi in all_kpis() if not kpi.vanity and kpi.stages == (stage,)]
    if not found:
        return ""
    parts = [", ".join(found[: limit - 1]), found[limit - 1]] if len(found) >= limit else [", ".join(found)]
    return pgettext("list", " or ").join(parts)


class VanityKpisOnly(Rule):
    """A conversion or loyalty objective is measured only by vanity metrics.

    Fires when the objective's `stage` is a conversion or loyalty stage (or
    AIDA's action) and every one of its KPIs is a vanity metric of the
    taxonomy (likes, followers, impressions, reach, views).  A KPI the
    taxonomy does not know counts as not vanity.
    """

    code = "K002"
    name = "vanity-kpis-only"
    severity = Severity.WARNING
    why = (
        "Likes, followers and impressions can climb while sales stay flat: a post "
        "with thousands of likes that sells nothing has failed, an email that "
        "converts 10 % of its readers has succeeded. A sales or loyalty objective "
        "needs at least one indicator tied to the result: conversion rate, cost "
        "per acquisition, ROAS, repeat purchase rate."
    )
    example = "objective ventes {\n  metric orders\n  target 1_500\n  kpi likes, impressions\n  stage conversion\n}"
    correction = (
        "objective ventes {\n  metric orders\n  target 1_500\n  kpi likes, conversion_rate, cpa\n"
        "  stage conversion\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for objective in campaign.objectives:
            if not objective.kpi or not objective.stage:
                continue
            if not is_outcome_stage(objective.stage, campaign.funnel):
                continue
            found = [lookup_kpi(name) for name in objective.kpi]
            if all(kpi is not None and kpi.vanity for kpi in found):
                listed = names(f"`{name}`" for name in objective.kpi)
                examples = _examples(canonical_stage(objective.stage, campaign.funnel))
                yield ctx.finding(
                    self, objective.where("kpi"),
                    ngettext("objective `{objective}` is at the {stage} stage, but its KPI {kpis} is a vanity "
                             "metric: add one tied to the result",
                             "objective `{objective}` is at the {stage} stage, but its KPIs {kpis} are all vanity "
                             "metrics: add one tied to the result", len(objective.kpi)).format(
                        objective=objective.name, stage=objective.stage, kpis=listed)
                    + (_(", such as {examples}").format(examples=examples) if examples else ""),
                )


class KpiDoesNotFitStage(Rule):
    """A KPI does not measure the objective's funnel stage.

    Each KPI of the taxonomy measures some stages (impressions: awareness;
    conversion rate: conversion).  Quiet for KPIs the taxonomy does not know,
    for objectives without a `stage`, and for custom stages that map to no
    stage of the default funnel.
    """

    code = "K003"
    name = "kpi-does-not-fit-stage"
    severity = Severity.INFO
    why = (
        "KPIs should follow from the objective: a sales objective is followed by "
        "conversion rate, average basket and ROAS; an awareness objective by reach, "
        "impressions and engagement. A KPI from another stage measures something "
        "the objective does not aim at, and can hide that it is off track."
    )
    example = "objective ventes {\n  metric orders\n  kpi conversion_rate, impressions\n  stage conversion\n}"
    correction = (
        "objective ventes {\n  metric orders\n  kpi conversion_rate, average_order_value\n"
        "  stage conversion\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for objective in campaign.objectives:
            if not objective.stage or not objective.kpi:
                continue
            canon = canonical_stage(objective.stage, campaign.funnel)
            if canon is None:
                continue
            for name in objective.kpi:
                kpi = lookup_kpi(name)
                if kpi is None or kpi_fits_stage(kpi, objective.stage, campaign.funnel):
                    continue
                stage = objective.stage if canon == objective.stage else f"{objective.stage} ({canon})"
                yield ctx.finding(
                    self, objective.where("kpi"),
                    _("KPI `{kpi}` measures {stages}, not the {stage} stage of objective `{objective}`").format(
                        kpi=name, stages=names(kpi.stages), stage=stage, objective=objective.name),
                )

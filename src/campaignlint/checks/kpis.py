"""K — KPIs.

KPI names are open (teams have their own); the taxonomy in
``rules/kpis.toml`` classifies the ones it knows: French and English names and
synonyms, whether the KPI is a vanity metric, and the funnel stages it
measures.  A KPI the taxonomy does not know is never reported as vanity nor as
misplaced.  Stages are read through ``rules/funnel.toml`` (AIDA stages and
aliases map onto awareness, consideration, conversion, loyalty).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, Severity
from ..language.taxonomy import all_kpis, canonical_stage, is_outcome_stage, kpi_fits_stage, lookup_kpi
from ..rule import Rule
from ._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext


def _examples(stage: str | None, limit: int = 3) -> str:
    """A few KPIs of the taxonomy that measure only ``stage`` and are not vanity metrics."""
    found = [f"`{kpi.id}`" for kpi in all_kpis() if not kpi.vanity and kpi.stages == (stage,)]
    if not found:
        return ""
    return " or ".join([", ".join(found[: limit - 1]), found[limit - 1]] if len(found) >= limit else [", ".join(found)])


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
    correction = "objective ventes {\n  metric orders\n  target 1_500\n  kpi conversion_rate, cpa, roas\n  stage conversion\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            if not objective.kpi:
                yield ctx.finding(
                    self, objective,
                    f"objective `{objective.name}` has no KPI: list the indicators that will be "
                    "followed (`kpi conversion_rate, cpa`…)",
                )


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
    correction = "objective ventes {\n  metric orders\n  target 1_500\n  kpi likes, conversion_rate, cpa\n  stage conversion\n}"

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
                only = "is a vanity metric" if len(objective.kpi) == 1 else "are all vanity metrics"
                examples = _examples(canonical_stage(objective.stage, campaign.funnel))
                yield ctx.finding(
                    self, objective.where("kpi"),
                    f"objective `{objective.name}` is at the {objective.stage} stage, but its "
                    f"{'KPI' if len(objective.kpi) == 1 else 'KPIs'} {listed} {only}: add one "
                    f"tied to the result" + (f", such as {examples}" if examples else ""),
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
    correction = "objective ventes {\n  metric orders\n  kpi conversion_rate, average_order_value\n  stage conversion\n}"

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
                    f"KPI `{name}` measures {names(kpi.stages)}, not the {stage} stage of "
                    f"objective `{objective.name}`",
                )


class NoAttributionModel(Rule):
    """The campaign uses two or more channels and declares no `attribution` model.

    Channels count when the campaign declares them (`channel NAME`) or sends
    a message on them.
    """

    code = "K004"
    name = "no-attribution-model"
    severity = Severity.INFO
    why = (
        "A customer often sees a post, opens an email, then clicks an ad before "
        "buying. Crediting only the last click ignores the channels that built "
        "the interest. Choosing the attribution model (linear, time decay, "
        "U-shaped…) before launch decides how each channel's results will be "
        "compared, and so where the next budget goes."
    )
    example = "campaign soldes {\n  period 2027-01-07 .. 2027-02-03\n  channel instagram\n  channel email\n}"
    correction = ("campaign soldes {\n  period 2027-01-07 .. 2027-02-03\n  attribution linear\n"
                  "  channel instagram\n  channel email\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.attribution:
            return
        channels = list(dict.fromkeys(
            [*campaign.channels, *(m.channel for m in campaign.messages if m.channel)]
        ))
        if len(channels) < 2:
            return
        yield ctx.finding(
            self, campaign,
            f"the campaign uses {len(channels)} channels ({names(channels)}) but declares no "
            "`attribution` model (linear, time_decay, u_shaped…): say how each channel "
            "gets credit for a conversion",
        )

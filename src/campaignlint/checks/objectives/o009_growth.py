"""O009 unachievable-growth: more growth a month, compounded, than is achievable."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ...i18n import language
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Campaign, Money, Objective, Percent
from ...rule import Rule, Setting
from .._format import duration_words, format_amount, format_percent
from ...language.timeframe import DAYS_PER_MONTH, duration_days, within_end
from ._shared import format_quantity

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def objective_end(objective: Objective, campaign: Campaign) -> dt.date | None:
    """The objective's last day: its `deadline`, else the end of `within`
    counted from the campaign's first day; None when neither can be known."""
    if objective.deadline is not None:
        return objective.deadline
    if objective.within is not None and campaign.period is not None:
        return within_end(campaign.period[0], objective.within.amount, objective.within.unit)
    return None


def _days(objective: Objective, campaign: Campaign) -> float | None:
    """Length of the objective's time frame in days, both ends counted."""
    end = objective_end(objective, campaign)
    if end is not None and campaign.period is not None:
        return float((end - campaign.period[0]).days + 1)
    if objective.within is not None:
        return duration_days(objective.within.amount, objective.within.unit)
    return None


def format_days(days: float) -> str:
    """``61 days (2 months)``, ``92 days (3 months)``, ``10 days``, ``1 day``."""
    months = days / DAYS_PER_MONTH
    shown = f"{months:.1f}".rstrip("0").rstrip(".")
    whole = days == int(days)
    if language() != "en":  # « 61 jours (2 mois) », « 1,5 mois »
        text = duration_words(Decimal(int(days)) if whole else Decimal(repr(round(days, 1))), "days")
        if months >= 0.5:
            text += f" ({duration_words(Decimal(shown), 'months')})"
        return text
    text = (f"{int(days)} day{'s' if days != 1 else ''}" if whole
            else f"{format_amount(Decimal(repr(round(days, 1))))} days")
    if months >= 0.5:
        text += f" ({shown} month{'' if shown == '1' else 's'})"
    return text


class UnachievableGrowth(Rule):
    """The target asks for more growth a month than is achievable.

    The growth a month is compounded: from `baseline` to `target` over the
    time frame (`within`, or from the campaign's first day to `deadline`,
    both ends counted, a month being 30.4375 days), monthly growth =
    (target ÷ baseline)^(1 ÷ months) − 1.  A relative target `+X%` reaches
    baseline × (1 + X ÷ 100).  Checked only when the baseline and the target
    are plain numbers, or amounts in one currency (a relative target counts),
    and the baseline is above zero; rates written as percentages (`baseline
    2%`) are not checked.
    """

    code = "O009"
    name = "unachievable-growth"
    severity = Severity.WARNING
    settings = (
        Setting("max-monthly-growth", 50.0,
                "the highest growth a month (in %, compounded) that an objective may ask for", float, 0),
    )
    why = (
        "An objective must be ambitious but reachable. Tripling an audience in a "
        "month asks for a growth no budget can buy; the team either gives up early "
        "or chases it with tactics that hurt the brand. Compare the growth asked "
        "for with what the channel has delivered before."
    )
    example = ("objective abonnes {\n  metric instagram.followers\n  baseline 12_000\n"
               "  target 36_000\n  within 1 month\n}")
    correction = ("objective abonnes {\n  metric instagram.followers\n  baseline 12_000\n"
                  "  target 14_400\n  within 3 months\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        maximum = float(ctx.setting("max-monthly-growth"))
        for objective in campaign.objectives:
            levels = self._levels(objective)
            if levels is None:
                continue
            baseline, target, unit = levels
            if baseline <= 0 or target <= baseline:
                continue
            days = _days(objective, campaign)
            if days is None or days <= 0:
                continue
            months = days / DAYS_PER_MONTH
            try:
                monthly = ((target / baseline) ** (1 / months) - 1) * 100
            except OverflowError:
                monthly = math.inf
            if monthly <= maximum:
                continue
            shown = _("over 1,000,000 %") if monthly > 1e6 else format_percent(monthly)
            reached = f"{format_amount(Decimal(repr(round(target, 2))))}{unit}"
            if isinstance(objective.target, Percent):
                reached = _("{target} (to {reached})").format(target=format_quantity(objective.target), reached=reached)
            yield ctx.finding(
                self, objective.where("target"),
                _("going from {baseline} to {reached} in {days} means {growth} growth a month, compounded; "
                  "more than the {maximum} a month considered achievable").format(
                    baseline=f"{format_amount(Decimal(repr(baseline)))}{unit}", reached=reached,
                    days=format_days(days), growth=shown, maximum=format_percent(maximum)),
            )

    @staticmethod
    def _levels(objective: Objective) -> tuple[float, float, str] | None:
        """(baseline, target reached, unit suffix) when they can be compared."""
        baseline, target = objective.baseline, objective.target
        if baseline is None or target is None or isinstance(baseline, Percent):
            return None
        if isinstance(baseline, Money):
            amount, unit = baseline.amount, f" {baseline.currency}"
        else:
            amount, unit = Decimal(baseline), ""
        if isinstance(target, Percent):
            if not target.signed:
                return None
            return float(amount), float(amount * (1 + target.value / 100)), unit
        if isinstance(target, Money) != isinstance(baseline, Money):
            return None
        if isinstance(target, Money):
            if target.currency != baseline.currency:
                return None
            return float(amount), float(target.amount), unit
        return float(amount), float(target), unit

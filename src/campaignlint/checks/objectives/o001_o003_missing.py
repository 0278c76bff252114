"""O001 no-objective, O002 objective-without-metric, O003 objective-without-target."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class NoObjective(Rule):
    """The campaign has no `objective`.

    Without at least one objective, nothing says what the campaign is for or
    how its success will be judged.
    """

    code = "O001"
    name = "no-objective"
    severity = Severity.WARNING
    why = (
        "A campaign launched without a stated objective cannot be judged: nobody "
        "can say afterwards whether it worked, and every channel ends up pulling "
        "in its own direction. Launching without clear objectives is the first "
        "mistake of multichannel campaigns; set at least one SMART objective "
        "before writing the messages."
    )
    example = (
        "campaign soldes_hiver {\n  period 2027-01-07 .. 2027-02-03\n"
        "  message tweet_1 { channel twitter }\n}"
    )
    correction = (
        "campaign soldes_hiver {\n  period 2027-01-07 .. 2027-02-03\n"
        "  objective ventes {\n    metric orders\n    target 900\n    deadline 2027-02-03\n  }\n"
        "  message tweet_1 { channel twitter }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if not campaign.objectives:
            yield ctx.finding(
                self, campaign,
                _("campaign `{campaign}` has no objective: add one that says what to "
                  "measure, how much and by when").format(campaign=campaign.name),
            )


class ObjectiveWithoutMetric(Rule):
    """An objective has no `metric`: it is neither Specific nor Measurable.

    The `metric` names what is counted (`orders`, `signups`,
    `instagram.followers`).
    """

    code = "O002"
    name = "objective-without-metric"
    severity = Severity.ERROR
    why = (
        "\"Increase brand awareness\" cannot be checked at the end of the campaign. "
        "Naming the figure that will be counted (followers, orders, sign-ups) is "
        "what turns a wish into an objective that a dashboard can follow."
    )
    example = 'objective abonnes {\n  text "Augmenter les abonnés Instagram"\n  target 14_400\n}'
    correction = ('objective abonnes {\n  text "Augmenter les abonnés Instagram"\n'
                  "  metric instagram.followers\n  target 14_400\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            if objective.metric is None:
                yield ctx.finding(
                    self, objective,
                    _("objective `{objective}` has no metric: name what will be counted "
                      "(orders, signups, instagram.followers…)").format(objective=objective.name),
                )


class ObjectiveWithoutTarget(Rule):
    """An objective has no `target`: nothing says how much is enough."""

    code = "O003"
    name = "objective-without-target"
    severity = Severity.ERROR
    why = (
        "A metric without a target can only go up or down: the team cannot tell "
        "a success from a failure, nor size the budget and the number of messages "
        "to reach it. \"20 % more followers\" is an objective; \"more followers\" "
        "is not."
    )
    example = "objective ventes {\n  metric orders\n  deadline 2027-05-31\n}"
    correction = "objective ventes {\n  metric orders\n  target 1_500\n  deadline 2027-05-31\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            if objective.target is None:
                what = _(" of {metric}").format(metric=objective.metric) if objective.metric else ""
                yield ctx.finding(
                    self, objective,
                    _("objective `{objective}` has no target: say how much{what} is to be reached").format(
                        objective=objective.name, what=what),
                )

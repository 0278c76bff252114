"""O — objectives are SMART.

Each objective should be Specific and Measurable (a `metric` and a `target`),
Achievable (a growth rate a team can reach), Relevant (tied to what the
campaign actually does) and Time-bound (a `deadline`, or `within` counted from
the campaign's first day), with someone accountable for it (`owner`).  Its
free `text` is read by :mod:`campaignlint.language.objective_text` to find
vague wording (O007) and sentences that say something else than the
attributes (O008).

Time frames: ``within 3 months`` from 2027-03-01 ends on 2027-05-31 (the
first day counts); ``within 2 weeks`` ends 13 days after the start.  A time
frame's length in days counts both ends (2027-03-01 .. 2027-05-31 is 92
days), and a month is 30.4375 days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ..findings import Applicability, Edit, Finding, Severity
from ..model import Campaign, Duration, Money, Objective, Percent
from ..rule import Rule, Setting, fix
from ._format import format_amount, format_money, format_percent, names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext
    from ..language.objective_text import Quantity

#: days in an average month (365.25 / 12)
DAYS_PER_MONTH = 30.4375
_UNIT_DAYS = {"days": 1.0, "weeks": 7.0, "months": DAYS_PER_MONTH, "years": 365.25,
              "hours": 1 / 24, "minutes": 1 / 1440}


# --------------------------------------------------------------- helpers

def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def within_end(start: dt.date, within: Duration) -> dt.date:
    """The last day of ``within`` counted from ``start``, the first day included.

    ``within 3 months`` from 2027-03-01 ends on 2027-05-31; ``within 2 weeks``
    from 2027-03-01 ends on 2027-03-14; ``within 48 hours`` ends the next day.
    Whole months and years follow the calendar; other amounts are counted in
    days (a month being 30.4375 days).
    """
    amount = within.amount
    if within.unit in ("months", "years") and amount == amount.to_integral_value():
        months = int(amount) * (12 if within.unit == "years" else 1)
        return _add_months(start, months) - dt.timedelta(days=1)
    days = float(amount) * _UNIT_DAYS[within.unit]
    return start + dt.timedelta(days=max(math.ceil(days - 1e-9), 1) - 1)


def objective_end(objective: Objective, campaign: Campaign) -> dt.date | None:
    """The objective's last day: its `deadline`, else the end of `within`
    counted from the campaign's first day; None when neither can be known."""
    if objective.deadline is not None:
        return objective.deadline
    if objective.within is not None and campaign.period is not None:
        return within_end(campaign.period[0], objective.within)
    return None


def _days(objective: Objective, campaign: Campaign) -> float | None:
    """Length of the objective's time frame in days, both ends counted."""
    end = objective_end(objective, campaign)
    if end is not None and campaign.period is not None:
        return float((end - campaign.period[0]).days + 1)
    if objective.within is not None:
        return float(objective.within.amount) * _UNIT_DAYS[objective.within.unit]
    return None


def format_quantity(value: Money | Percent | Decimal) -> str:
    """A target or baseline as a marketer reads it: ``12,000``, ``30,000 EUR``, ``+20 %``."""
    if isinstance(value, Money):
        return format_money(value)
    if isinstance(value, Percent):
        sign = "+" if value.signed and value.value >= 0 else ""
        return f"{sign}{format_amount(value.value)} %"
    return format_amount(value)


def _quantity(value: Money | Percent | Decimal | None) -> "Quantity | None":
    from ..language.objective_text import Quantity

    if value is None:
        return None
    if isinstance(value, Money):
        return Quantity("money", value.amount, False, value.currency)
    if isinstance(value, Percent):
        return Quantity("percent", value.value, value.signed)
    return Quantity("number", Decimal(value))


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def format_duration(duration: Duration) -> str:
    """``3 months``, ``1 month``, ``1.5 months`` (as written in the file)."""
    amount = duration.amount
    shown = format_amount(amount) if amount == amount.to_integral_value() else f"{amount.normalize():f}"
    unit = duration.unit[:-1] if amount == 1 else duration.unit
    return f"{shown} {unit}"


def _format_days(days: float) -> str:
    """``61 days (2 months)``, ``92 days (3 months)``, ``10 days``, ``1 day``."""
    months = days / DAYS_PER_MONTH
    shown = f"{months:.1f}".rstrip("0").rstrip(".")
    whole = days == int(days)
    text = (f"{int(days)} day{'s' if days != 1 else ''}" if whole
            else f"{format_amount(Decimal(repr(round(days, 1))))} days")
    if months >= 0.5:
        text += f" ({shown} month{'' if shown == '1' else 's'})"
    return text


@functools.lru_cache(maxsize=256)
def _read(text: str, language: str, start: dt.date | None):
    from ..language.objective_text import read_objective_text

    return read_objective_text(text, language, reference_date=start)


def _claims(objective: Objective, campaign: Campaign):
    """What the objective's text states (read once for O007 and O008)."""
    assert objective.text is not None
    start = campaign.period[0] if campaign.period else None
    return _read(objective.text.value, campaign.language, start)


# --------------------------------------------------------------- rules

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
                f"campaign `{campaign.name}` has no objective: add one that says what to "
                "measure, how much and by when",
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
                    f"objective `{objective.name}` has no metric: name what will be counted "
                    "(orders, signups, instagram.followers…)",
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
                what = f" of {objective.metric}" if objective.metric else ""
                yield ctx.finding(
                    self, objective,
                    f"objective `{objective.name}` has no target: say how much{what} is to be reached",
                )


def _objective_node(ctx: "CampaignContext", objective: Objective):
    """The parse-tree node of ``objective`` in the linted file, or None."""
    document = ctx.loaded.document
    if document is None or objective.span.path != ctx.loaded.display:
        return None
    stack = list(document.nodes)
    while stack:
        node = stack.pop()
        if node.keyword == "objective" and node.keyword_start == objective.span.start:
            return node
        stack.extend(node.children or ())
    return None


class ObjectiveWithoutDeadline(Rule):
    """An objective has neither `deadline` nor `within`: it is not Time-bound.

    The unsafe fix adds `deadline` with the campaign's last day, as a new
    line after the objective's last attribute (or `; deadline …` when the
    objective is written on one line).  Check that the date is the one meant.
    """

    code = "O004"
    name = "objective-without-deadline"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "A target without a date is never missed: the team cannot tell whether it "
        "is on track mid-campaign, nor decide when to shift budget between channels. "
        "\"20 % more followers in three months\" can be followed week by week; "
        "\"20 % more followers\" cannot."
    )
    example = "objective ventes {\n  metric orders\n  target 1_500\n}"
    correction = "objective ventes {\n  metric orders\n  target 1_500\n  deadline 2027-05-31\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for objective in campaign.objectives:
            if objective.deadline is not None or objective.within is not None:
                continue
            message = f"objective `{objective.name}` has no deadline: add `deadline` or `within`"
            proposed = None
            if campaign.period is not None:
                end = campaign.period[1].isoformat()
                message += f" (the campaign ends on {end})"
                proposed = self._fix(ctx, objective, end)
            yield ctx.finding(self, objective, message, fix=proposed)

    def _fix(self, ctx: "CampaignContext", objective: Objective, end: str):
        node = _objective_node(ctx, objective)
        source = ctx.source(objective.span.path)
        if node is None or source is None or not node.children or node.block_end is None:
            return None
        last = max(node.children, key=lambda child: child.end)
        brace = node.block_end - 1
        text = source.text
        last_end = last.header_end if last.children is None else last.end
        if "\n" not in text[last_end:brace]:
            # `{ metric orders; target 1_500 }`: a new statement on the same line
            edit = Edit(last_end, last_end, f"; deadline {end}")
        else:
            line, _ = source.position(last.keyword_start)
            first_line = source.line_text(line)
            indent = first_line[: len(first_line) - len(first_line.lstrip())]
            end_line, _ = source.position(max(last_end - 1, last.keyword_start))
            end_of_line = source.offset_of(end_line, len(source.line_text(end_line)) + 1)
            edit = Edit(end_of_line, end_of_line, f"{source.newline}{indent}deadline {end}")
        return fix(Applicability.UNSAFE, [edit], f"add `deadline {end}` (the campaign's last day)")


class DeadlineOutsidePeriod(Rule):
    """An objective's deadline falls outside the campaign period.

    The deadline is `deadline`, or the last day of `within` counted from the
    campaign's first day (`within 3 months` from 2027-03-01 ends on
    2027-05-31).  Both ends of the period are inside it.
    """

    code = "O005"
    name = "deadline-outside-period"
    severity = Severity.ERROR
    why = (
        "Once the campaign is over its budget is spent and its messages have stopped: "
        "a deadline after the end measures results the campaign no longer drives, and "
        "one before the start cannot be met at all. The objective and the campaign "
        "must share one calendar."
    )
    example = "period 2027-09-01 .. 2027-10-15\n\nobjective ventes {\n  metric orders\n  target 600\n  deadline 2027-12-20\n}"
    correction = "period 2027-09-01 .. 2027-10-15\n\nobjective ventes {\n  metric orders\n  target 600\n  deadline 2027-10-15\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if campaign.period is None:
            return
        start, end = campaign.period
        for objective in campaign.objectives:
            if objective.deadline is not None:
                day = objective.deadline
                if day > end:
                    yield ctx.finding(self, objective.where("deadline"),
                                      f"deadline {day.isoformat()} is after the campaign ends on {end.isoformat()}")
                elif day < start:
                    yield ctx.finding(self, objective.where("deadline"),
                                      f"deadline {day.isoformat()} is before the campaign starts on {start.isoformat()}")
            if objective.within is not None:
                day = within_end(start, objective.within)
                if day > end:
                    yield ctx.finding(
                        self, objective.where("within"),
                        f"`within {format_duration(objective.within)}` ends on {day.isoformat()} (counted from "
                        f"{start.isoformat()}), after the campaign ends on {end.isoformat()}",
                    )


class RelativeTargetWithoutBaseline(Rule):
    """A relative target (`+20%`, a signed percent) has no `baseline`.

    `target +20%` means 20 % more than the `baseline`; without one, the
    figure to reach is unknown.
    """

    code = "O006"
    name = "relative-target-without-baseline"
    severity = Severity.WARNING
    why = (
        "\"+20 % of followers\" only becomes a number to reach once the starting "
        "point is written down: from 12,000 it means 14,400. Without the baseline, "
        "the result will be measured against whatever figure is at hand when the "
        "campaign ends."
    )
    example = "objective abonnes {\n  metric instagram.followers\n  target +20%\n  within 3 months\n}"
    correction = "objective abonnes {\n  metric instagram.followers\n  baseline 12_000\n  target +20%\n  within 3 months\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            target = objective.target
            if isinstance(target, Percent) and target.signed and objective.baseline is None:
                yield ctx.finding(
                    self, objective.where("target"),
                    f"target {format_quantity(target)} is relative but objective `{objective.name}` "
                    f"has no baseline: add `baseline` with the starting figure",
                )


class VagueObjectiveText(Rule):
    """An objective's `text` is vague: nothing in it can be measured or dated.

    The text has no number (no figure, percentage, "doubler") and no time
    frame (no "en trois mois", "by June 30").  A vague verb with a number and
    a time frame is fine: "Augmenter les abonnés Instagram de 20 % en trois
    mois".
    """

    code = "O007"
    name = "vague-objective-text"
    severity = Severity.WARNING
    why = (
        "The text is what the team repeats and what ends up in the brief. "
        "\"Augmenter la notoriété de la marque\" gives nobody a figure or a date to "
        "work towards; \"augmenter les abonnés Instagram de 20 % en trois mois\" does, "
        "and keeps everyone aiming at the same thing."
    )
    example = 'objective notoriete {\n  text "Augmenter la notoriété de la marque"\n}'
    correction = 'objective notoriete {\n  text "Augmenter les abonnés Instagram de 20 % en trois mois"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for objective in campaign.objectives:
            if objective.text is None or not objective.text.value.strip():
                continue
            if _claims(objective, campaign).is_vague:
                yield ctx.finding(
                    self, objective.text.span,
                    f"objective text {_quote(objective.text.value)} is vague: it has no number "
                    "to reach and no time frame; say how much and by when",
                )


class TextContradictsAttributes(Rule):
    """An objective's `text` says something else than its attributes.

    The figures and the time frame in the text are compared with `target`,
    `baseline`, `deadline` and `within`: "20 %" in the text against `target
    +25%`, "en trois mois" against `within 2 months`.  Only real
    contradictions are reported (values that agree within rounding, a level
    reached from the baseline, or the difference, all count as agreeing).
    """

    code = "O008"
    name = "text-contradicts-attributes"
    severity = Severity.WARNING
    why = (
        "The text is what people read in the brief, the attributes are what the "
        "dashboards track. When they disagree, half the team works towards one "
        "figure and is judged on another."
    )
    example = ('objective ventes {\n  text "Doubler les ventes en trois mois"\n  metric orders\n'
               "  baseline 400\n  target +50%\n  within 2 months\n}")
    correction = ('objective ventes {\n  text "Augmenter les ventes de 50 % en deux mois"\n  metric orders\n'
                  "  baseline 400\n  target +50%\n  within 2 months\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..language.objective_text import compare_with_attributes

        campaign = ctx.campaign
        start = campaign.period[0] if campaign.period else None
        for objective in campaign.objectives:
            if objective.text is None or not objective.text.value.strip():
                continue
            claims = _claims(objective, campaign)
            within = None
            if objective.within is not None:
                within = (objective.within.amount, objective.within.unit)
                if within[1] == "minutes":  # the text reader counts in hours at the finest
                    within = (within[0] / 60, "hours")
            found = compare_with_attributes(
                claims,
                target=_quantity(objective.target),
                baseline=_quantity(objective.baseline),
                deadline=objective.deadline,
                within=within,
                campaign_start=start,
            )
            for contradiction in found:
                yield ctx.finding(self, objective.text.span_of(contradiction.start, contradiction.end),
                                  contradiction.message)


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
    example = "objective abonnes {\n  metric instagram.followers\n  baseline 12_000\n  target 36_000\n  within 1 month\n}"
    correction = "objective abonnes {\n  metric instagram.followers\n  baseline 12_000\n  target 14_400\n  within 3 months\n}"

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
            shown = "over 1,000,000 %" if monthly > 1e6 else format_percent(monthly)
            reached = f"{format_amount(Decimal(repr(round(target, 2))))}{unit}"
            if isinstance(objective.target, Percent):
                reached = f"{format_quantity(objective.target)} (to {reached})"
            yield ctx.finding(
                self, objective.where("target"),
                f"going from {format_amount(Decimal(repr(baseline)))}{unit} to {reached} in "
                f"{_format_days(days)} means {shown} growth a month, compounded; more than "
                f"the {format_percent(maximum)} a month considered achievable",
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


class MetricChannelNotUsed(Rule):
    """The objective's metric belongs to a channel that no message uses.

    A dotted metric whose first part is a channel name
    (`instagram.followers`, `email.open_rate`) is tied to that channel; the
    rule fires when no message of the campaign is sent on it.  Two names of
    one platform (`twitter` and `x`: same kind and same `utm_source`) count
    as the same channel.
    """

    code = "O010"
    name = "metric-channel-not-used"
    severity = Severity.WARNING
    why = (
        "An objective is Relevant when the campaign's actions can move it. Counting "
        "on Instagram followers while every message goes out by email and SMS "
        "leaves the objective to chance, and the result will say nothing about "
        "the campaign."
    )
    example = ("objective abonnes {\n  metric instagram.followers\n}\n\n"
               "message relance {\n  channel email\n}")
    correction = ("objective abonnes {\n  metric instagram.followers\n}\n\n"
                  "message teaser {\n  channel instagram\n}\n\n"
                  "message relance {\n  channel email\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        used = list(dict.fromkeys(m.channel for m in campaign.messages if m.channel))
        platforms = {self._platform(campaign, name) for name in used}
        for objective in campaign.objectives:
            if not objective.metric or "." not in objective.metric:
                continue
            channel = objective.metric.split(".", 1)[0]
            if channel not in campaign.known_channels and channel not in campaign.channels:
                continue
            if channel in used or self._platform(campaign, channel) in platforms:
                continue
            if used:
                others = f" (its messages go out on {names(used)})"
            else:
                others = " (it has no message yet)"
            yield ctx.finding(
                self, objective.where("metric"),
                f"metric `{objective.metric}` is measured on {channel}, but no message of this "
                f"campaign is sent on {channel}{others}",
            )

    @staticmethod
    def _platform(campaign: Campaign, name: str) -> tuple:
        """Channels that are one platform under two names (`twitter` and `x`) share
        their kind and their `utm_source`."""
        profile = campaign.channel_profile(name)
        if profile is None or not profile.utm_source:
            return ("name", name)
        return ("platform", profile.kind, profile.utm_source)


class ObjectiveWithoutOwner(Rule):
    """An objective has no `owner`: nobody is accountable for reaching it."""

    code = "O011"
    name = "objective-without-owner"
    severity = Severity.INFO
    why = (
        "An objective that belongs to everyone is followed by no one. Naming the "
        "person or team in charge makes clear who watches the figure, who raises "
        "the alarm when it drifts and who decides what to change."
    )
    example = "objective ventes {\n  metric orders\n  target 1_500\n  deadline 2027-05-31\n}"
    correction = ('objective ventes {\n  metric orders\n  target 1_500\n  deadline 2027-05-31\n'
                  '  owner "Claire Martin"\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for objective in ctx.campaign.objectives:
            if not objective.owner:
                yield ctx.finding(self, objective,
                                  f"objective `{objective.name}` has no owner: name who is accountable for it")

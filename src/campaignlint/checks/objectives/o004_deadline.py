"""O004 objective-without-deadline (with an unsafe fix adding the campaign's last day)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext
from ...findings import Applicability, Edit, Finding, Severity
from ...model import Objective
from ...rule import Rule, fix

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


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
            message = gettext("objective `{objective}` has no deadline: add `deadline` or `within`").format(
                objective=objective.name)
            proposed = None
            if campaign.period is not None:
                end = campaign.period[1].isoformat()
                message += gettext(" (the campaign ends on {end})").format(end=end)
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
        return fix(Applicability.UNSAFE, [edit],
                   gettext("add `deadline {end}` (the campaign's last day)").format(end=end))

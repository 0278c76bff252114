"""X — custom declarative rules (docs/language.md, "Custom rules"): a rule provider.

Each ``rule`` block of a campaign becomes a :class:`DeclaredRule`, provided by
:func:`declared_rules` (``rule.PROVIDERS``), which the engine runs like every
other campaign rule: selected by its code or name, its findings through
``# noqa``, severities and per-file ignores.  A block yields findings under its
own code (``code "ACME001"``, or the rule's name) with the severity it declares
(default warning).  ``forbid`` with ``suggest`` offers a safe fix: the team
wrote the replacement itself.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Iterator

import regex

from ..i18n import gettext as _
from ..i18n import ngettext
from ._format import format_decimal_text
from ..findings import Applicability, Edit, Finding, Fix, Severity
from ..model import CustomRule, Message, TextField
from ..rule import REGISTRY, Rule, rule_provider

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext


#: seconds one ``pattern`` / ``require_pattern`` rule may spend on one campaign (processor time, as the
#: ``regex`` module counts it: on a busy machine the wall-clock wait can be a few times longer).  User patterns run
#: in the ``regex`` module with this time limit: a pattern that backtracks without end (``(a|aa)+$``)
#: is stopped and reported on the pattern, so a campaign file can never hang the tool.
PATTERN_TIME_LIMIT = 1.0


class _PatternTimeout(Exception):
    pass


def _matches(pattern, texts, deadline: float, first_only: bool):
    """(text, match) for each non-empty match; raises _PatternTimeout past ``deadline``."""
    for text in texts:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _PatternTimeout
        try:
            for match in pattern.finditer(text.value, timeout=remaining):
                if match.end() == match.start():
                    continue
                yield text, match
                if first_only:
                    return
        except TimeoutError:
            raise _PatternTimeout from None


def _term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)


def _in_scope(rule: CustomRule, message: Message, campaign) -> bool:
    if rule.channels and message.channel not in rule.channels:
        return False
    if rule.stages and message.stage not in rule.stages:
        return False
    if rule.segments and not set(rule.segments) & set(message.segments):
        return False
    return True


def _fields(rule: CustomRule, message: Message) -> list[TextField]:
    texts = message.copy_texts()
    if rule.fields:
        texts = [t for t in texts if t.field in rule.fields]
    return texts


class DeclaredRule(Rule):
    """A campaign's `rule` block, as a rule: the block's code, name and severity, its check.

    Not registered (the class has no code): a campaign provides its own, through
    :func:`declared_rules`."""

    def __init__(self, block: CustomRule, budget: dict[str, float | None]):
        self.block = block
        self.code = block.code
        self.name = block.name
        self.severity = Severity(block.severity)
        self.budget = budget  # pattern rule name → its deadline, shared by the campaign's rules; None once timed out

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            if _in_scope(self.block, message, ctx.campaign):
                yield from _check(ctx, self, message)


@rule_provider
def declared_rules(ctx: "CampaignContext") -> Iterator[DeclaredRule]:
    """The rules ``ctx.campaign`` declares: its global `rule` blocks, then its own."""
    budget: dict[str, float | None] = {}
    for block in ctx.campaign.rules:
        yield DeclaredRule(block, budget)


def _check(ctx, declared: DeclaredRule, message: Message) -> Iterator[Finding]:
    rule = declared.block
    texts = _fields(rule, message)
    if rule.check == "forbid":
        for text in texts:
            for term in rule.terms:
                for match in _term_pattern(term).finditer(text.value):
                    span = text.span_of(match.start(), match.end())
                    fix = None
                    if rule.suggest is not None and text.char_offsets:
                        fix = Fix(Applicability.SAFE, (Edit(span.start, span.end, rule.suggest),),
                                  _("replace with “{text}”").format(text=rule.suggest))
                    yield ctx.finding(declared, span, _("{said}: “{found}” in the {field} of `{message}`").format(
                        said=rule.message, found=match.group(0), field=text.field, message=message.name), fix)
    elif rule.check == "require":
        if texts and not any(_term_pattern(term).search(text.value) for text in texts for term in rule.terms):
            terms = ", ".join(f"“{t}”" for t in rule.terms)
            yield ctx.finding(declared, message.span, _("{said}: `{message}` contains none of {terms}").format(
                said=rule.message, message=message.name, terms=terms))
    elif rule.check in ("pattern", "require_pattern"):
        yield from _check_pattern(ctx, declared, message, texts)
    elif rule.check == "max_length":
        from ..text.counting import describe_unit, measure

        profile = ctx.campaign.channel_profile(message.channel)
        unit = profile.counting if profile else "chars"
        for text in texts:
            length = measure(text.value, unit)
            if rule.max_length is not None and length > rule.max_length:
                yield ctx.finding(
                    declared, text.span,
                    _("{said}: the {field} of `{message}` is {length} {unit}, more than {limit}").format(
                        said=rule.message, field=text.field, message=message.name, length=length,
                        unit=describe_unit(unit), limit=rule.max_length))


def _check_pattern(ctx, declared: DeclaredRule, message: Message, texts) -> Iterator[Finding]:
    rule, budget = declared.block, declared.budget
    deadline = budget.setdefault(rule.name, time.monotonic() + PATTERN_TIME_LIMIT)
    if deadline is None:  # timed out on an earlier message: reported once
        return
    try:
        pattern = regex.compile(rule.pattern or "")
    except (regex.error, ValueError, OverflowError) as error:  # valid for `re` (checked by the schema), not here
        yield ctx.finding(REGISTRY["E003"], rule.where("pattern"),
                          _("this pattern is not a valid regular expression: {error}").format(error=error))
        return
    try:
        if rule.check == "pattern":
            found = list(_matches(pattern, texts, deadline, first_only=False))
            for text, match in found:
                yield ctx.finding(declared, text.span_of(match.start(), match.end()),
                                  _("{said}: “{found}” in the {field} of `{message}`").format(
                                          said=rule.message, found=match.group(0), field=text.field,
                                      message=message.name))
        elif texts and not any(_matches(pattern, texts, deadline, first_only=True)):
            yield ctx.finding(declared, message.span,
                              _("{said}: nothing in `{message}` matches the required pattern").format(
                                  said=rule.message, message=message.name))
    except _PatternTimeout:
        budget[rule.name] = None
        seconds = ngettext("{count} second", "{count} seconds", 1 if PATTERN_TIME_LIMIT == 1 else 2).format(
            count=format_decimal_text(f"{PATTERN_TIME_LIMIT:g}"))
        yield ctx.finding(REGISTRY["E003"], rule.where("pattern"),
                          _("the pattern “{pattern}” of rule `{rule}` took too long (more than {seconds}) on the "
                            "text of `{message}` and was stopped: rule `{rule}` was not checked. Write it without "
                            "nested repetitions such as (a|aa)+ or (a+)+").format(
                              pattern=rule.pattern, rule=rule.name, seconds=seconds, message=message.name))

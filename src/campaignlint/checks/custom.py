"""X — custom declarative rules (docs/language.md, "Custom rules").

A ``rule`` block yields findings under its own code (``code "ACME001"``, or
the rule's name) with the severity it declares (default warning).  ``forbid``
with ``suggest`` offers a safe fix: the team wrote the replacement itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..i18n import gettext as _
from ..findings import Applicability, Edit, Finding, Fix, Severity
from ..model import CustomRule, Message, TextField

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext


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


def custom_findings(ctx: "CampaignContext") -> Iterator[Finding]:
    campaign = ctx.campaign
    for rule in campaign.rules:
        severity = Severity(rule.severity)
        for message in campaign.messages:
            if not _in_scope(rule, message, campaign):
                continue
            yield from _check(ctx, rule, severity, message)


def _finding(ctx, rule: CustomRule, severity: Severity, span, text: str, fix: Fix | None = None) -> Finding:
    source = ctx.source(span.path)
    where = source.range(span.start, span.end)
    return Finding(rule.code, severity, text, span.path, where, fix, rule.name)


def _check(ctx, rule: CustomRule, severity: Severity, message: Message) -> Iterator[Finding]:
    texts = _fields(rule, message)
    if rule.check == "forbid":
        for text in texts:
            for term in rule.terms:
                for match in _term_pattern(term).finditer(text.value):
                    span = text.span_of(match.start(), match.end())
                    fix = None
                    if rule.suggest is not None and text.char_offsets:
                        fix = Fix(Applicability.SAFE, (Edit(span.start, span.end, rule.suggest),), f"replace with “{rule.suggest}”")
                    yield _finding(ctx, rule, severity, span, _("{said}: “{found}” in the {field} of `{message}`").format(
                        said=rule.message, found=match.group(0), field=text.field, message=message.name), fix)
    elif rule.check == "require":
        if texts and not any(_term_pattern(term).search(text.value) for text in texts for term in rule.terms):
            terms = ", ".join(f"“{t}”" for t in rule.terms)
            yield _finding(ctx, rule, severity, message.span, _("{said}: `{message}` contains none of {terms}").format(
                said=rule.message, message=message.name, terms=terms))
    elif rule.check == "pattern":
        pattern = re.compile(rule.pattern or "")
        for text in texts:
            for match in pattern.finditer(text.value):
                if match.end() == match.start():
                    continue
                yield _finding(ctx, rule, severity, text.span_of(match.start(), match.end()), _("{said}: “{found}” in the {field} of `{message}`").format(
                    said=rule.message, found=match.group(0), field=text.field, message=message.name))
    elif rule.check == "require_pattern":
        pattern = re.compile(rule.pattern or "")
        if texts and not any(pattern.search(text.value) for text in texts):
            yield _finding(ctx, rule, severity, message.span, _("{said}: nothing in `{message}` matches the required pattern").format(
                said=rule.message, message=message.name))
    elif rule.check == "max_length":
        from ..text.counting import describe_unit, measure

        profile = ctx.campaign.channel_profile(message.channel)
        unit = profile.counting if profile else "chars"
        for text in texts:
            length = measure(text.value, unit)
            if rule.max_length is not None and length > rule.max_length:
                yield _finding(ctx, rule, severity, text.span, _("{said}: the {field} of `{message}` is {length} {unit}, more than {limit}").format(
                    said=rule.message, field=text.field, message=message.name, length=length,
                    unit=describe_unit(unit), limit=rule.max_length))

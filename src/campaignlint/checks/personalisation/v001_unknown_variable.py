"""V001: a merge tag that names no declared variable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...findings import Applicability, Finding, Severity
from ...rule import Rule, fix
from ...text import merge_tags as mt
from .._v2 import find_variable, message_tags

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


class UnknownVariable(Rule):
    """A merge tag names no declared `variable` (by its NAME or an `alias`) and no system tag of its syntax.

    Names compare without case and ignoring `_` and `-`; in a dotted tag
    (`contact.FIRSTNAME`) the last part is the name.  System tags
    (`*|UNSUB|*`, `{{ unsubscribe }}`…) are listed in `rules/merge_tags.toml`.
    Tags on a channel that cannot personalise are V004's, tags in another
    platform's syntax V005's.  A campaign that sees no `variable` at all (a v1
    file) is not checked: the rule starts with the first declaration.
    """

    code = "V001"
    name = "unknown-variable"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "A tag the platform does not know is printed as nothing, or as the raw tag: "
        "« Bonjour , » or « Bonjour {{ frist_name }} » reaches every recipient. Declaring the "
        "variable also tells the length rules how long its values can be."
    )
    example = (
        "variable first_name { max length 20; fallback \"à vous\" }\n\n"
        "message bienvenue {\n  channel email\n  subject \"Bonjour {{ frist_name }}\"\n}"
    )
    correction = (
        "variable first_name { max length 20; fallback \"à vous\" }\n\n"
        "message bienvenue {\n  channel email\n  subject \"Bonjour {{ first_name }}\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        if not campaign.variables:
            return  # a v1 file declares no variable: it keeps its meaning (language §6: only G004 is new)
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            if profile is None or profile.syntax == mt.NO_SYNTAX:
                continue
            for text, tag in message_tags(message):
                if not tag.is_variable or not tag.fits(profile.syntax):
                    continue
                if mt.is_system(tag, [profile.syntax]) or find_variable(campaign, tag) is not None:
                    continue
                yield self._finding(ctx, text, tag)

    def _finding(self, ctx, text, tag) -> Finding:
        campaign = ctx.campaign
        names = {}
        for variable in campaign.variables.values():
            for spelling in (variable.name, *variable.aliases):
                names[spelling] = variable.name
        key = mt.name_key(tag.field)
        close = sorted({spelling for spelling in names if distance(mt.name_key(spelling), key) <= 2})
        span = text.span_of(tag.start, tag.end)
        repair = None
        hint = ""
        if close:
            hint = _(": did you mean `{name}`?").format(name=close[0]) if len(close) == 1 \
                else _(": did you mean one of {names}?").format(names=", ".join(close))
        if len(close) == 1:
            at = tag.raw.rfind(tag.field)
            if at >= 0:
                field_span = text.span_of(tag.start + at, tag.start + at + len(tag.field))
                repair = fix(Applicability.UNSAFE, [ctx.replace(field_span, close[0])],
                             _("write `{name}` instead of `{field}`").format(name=close[0], field=tag.field))
        declared = ", ".join(f"`{n}`" for n in sorted(campaign.variables)) or pgettext("variables", "none")
        message = _("`{tag}` names no declared variable{hint} (declared: {declared}); the platform would print "
                    "nothing, or the raw tag").format(tag=tag.raw, hint=hint or '', declared=declared)
        return ctx.finding(self, span, message, repair)

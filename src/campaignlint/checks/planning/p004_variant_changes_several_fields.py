"""P004 variant-changes-several-fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Message, Variant
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _values(target: Message | Variant, field: str) -> list[str]:
    if field == "link":
        return [link.value for link in target.links]
    return [text.value for text in target.texts if text.field == field]


def changed_fields(message: Message, variant: Variant) -> list[str]:
    """The fields ``variant`` sets to a value different from its message's.

    Text fields and links are compared by value (all the values of a
    repeatable field, in order).  For `at`, `stage`, `offer`, `segments` and
    `channel` the model keeps no variant value: setting one counts as a change.
    """
    changed = []
    for field in dict.fromkeys(variant.overrides):
        if field == "segment":
            field = "segments"
        if field in changed:
            continue
        if field == "link" or field in {t.field for t in variant.texts}:
            if _values(variant, field) != _values(message, field):
                changed.append(field)
        else:
            changed.append(field)
    return changed


class VariantChangesSeveralFields(Rule):
    """An A/B variant differs from its message in more than one field.

    A variant lists the fields it sets; a field counts as changed only when its
    value differs from the message's (`at`, `stage`, `offer`, `segments` and
    `channel` always count: their variant values are not compared).
    """

    code = "P004"
    name = "variant-changes-several-fields"
    severity = Severity.WARNING
    why = (
        "An A/B test answers one question: if the variant changes the subject "
        "and the call to action, and it wins, nobody knows which change made the "
        "difference. Test one variable at a time."
    )
    example = (
        "message newsletter {\n  channel email\n  subject \"Nos nouveautés\"\n  cta \"Découvrir\"\n"
        "  variant b { subject \"-15 % sur la collection\"; cta \"J'en profite\" }\n}"
    )
    correction = (
        "message newsletter {\n  channel email\n  subject \"Nos nouveautés\"\n  cta \"Découvrir\"\n"
        "  variant b { subject \"-15 % sur la collection\" }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            for variant in message.variants:
                changed = changed_fields(message, variant)
                if len(changed) > 1:
                    yield ctx.finding(
                        self, variant,
                        _("variant `{variant}` of `{message}` changes {count} fields ({changed}): test one "
                          "at a time, or the result cannot say which change worked").format(
                            variant=variant.name, message=message.name, count=len(changed),
                            changed=', '.join(changed)),
                    )

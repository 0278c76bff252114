"""V002: a merge tag that is not closed or not well formed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._v2 import message_tags

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MalformedMergeTag(Rule):
    """A merge tag that is not closed or not well formed.

    `{{ first_name }`, `*|FNAME|`, `%%FirstName%`, an empty `{{ }}`, a
    `default` filter without a quoted value, a `{% if %}` without
    `{% endif %}`, a `*|IF:…|*` without `*|END:IF|*`, AMPscript `%%[` without
    `]%%`.  Checked on every channel.
    """

    code = "V002"
    name = "malformed-merge-tag"
    severity = Severity.ERROR
    why = (
        "Platforms send a broken tag as raw text (« Livrer à {{ contact.VILLE } ») or refuse the "
        "whole send; an unbalanced condition can hide the rest of the email."
    )
    example = "message email_1 {\n  channel email\n  cta \"Livrer à {{ contact.VILLE }\"\n}"
    correction = "message email_1 {\n  channel email\n  cta \"Livrer à {{ contact.VILLE }}\"\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            for text, tag in message_tags(message):
                if tag.error:
                    yield ctx.finding(self, text.span_of(tag.start, tag.end),
                                      _("{error}: the platform would send it as raw text").format(error=tag.error))

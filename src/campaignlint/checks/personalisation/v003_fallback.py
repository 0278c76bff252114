"""V003: a tag of a field that may be empty, with no fallback anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...text import merge_tags as mt
from .._v2 import find_variable, message_tags

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MergeTagWithoutFallback(Rule):
    """A merge tag whose variable `may_be_empty`, with no inline fallback and no `fallback` on the variable.

    An inline fallback is the tag's `default` filter (Liquid, HubSpot, Brevo)
    or `personalization_token`'s second argument; Mailchimp and SFMC have
    none inline: the variable's `fallback` says the audience field's default
    is set.
    """

    code = "V003"
    name = "merge-tag-without-fallback"
    severity = Severity.WARNING
    why = (
        "CRM fields are often empty: « Bonjour , votre panier… » reaches everyone whose first "
        "name is missing, and it reads as a mass mailing gone wrong."
    )
    example = (
        "variable first_name { max length 20; may_be_empty yes }\n\n"
        "message email_1 {\n  channel email\n  subject \"{{ first_name }}, vos idées cadeaux\"\n}"
    )
    correction = (
        "variable first_name { max length 20; may_be_empty yes }\n\n"
        "message email_1 {\n  channel email\n"
        "  subject \"{{ first_name | default: \\\"Bonjour\\\" }}, vos idées cadeaux\"\n"
        "}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            if profile is None or profile.syntax == mt.NO_SYNTAX:
                continue
            for text, tag in message_tags(message):
                if not tag.is_variable or not tag.fits(profile.syntax) or tag.fallback is not None:
                    continue
                variable = find_variable(campaign, tag)
                if variable is None or not variable.may_be_empty or variable.fallback is not None:
                    continue
                inline = (_("add an inline fallback (`| default: \"…\"`) or a `fallback` to the variable")
                          if profile.syntax in ("liquid", "hubspot", "brevo")
                          else _("give the variable a `fallback` (and set the field's default on the platform)"))
                yield ctx.finding(self, text.span_of(tag.start, tag.end),
                                  _("`{tag}`: `{variable}` may be empty and has no fallback, so some recipients "
                                    "read the sentence without it; {advice}").format(
                                      tag=tag.raw, variable=variable.name, advice=inline))

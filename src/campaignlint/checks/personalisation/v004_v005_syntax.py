"""V004 and V005: a tag the channel's platform will not substitute."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Finding, Severity
from ...rule import Rule, fix
from ...text import merge_tags as mt
from .._v2 import find_variable, message_tags

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MergeTagOnUnpersonalisedChannel(Rule):
    """A merge tag on a channel whose `merge tags` is `none`.

    Organic social posts, Google Ads, web pages: nothing substitutes the tag.
    The fix replaces it with the variable's `fallback` (else the tag's inline
    fallback), or removes it when there is none.
    """

    code = "V004"
    name = "merge-tag-on-unpersonalised-channel"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "`Bonjour {{ first_name }}` is published as is, to everyone, under the brand's name: "
        "the kind of mistake that gets screenshotted."
    )
    example = "message ig_post {\n  channel instagram\n  body \"Bonjour {{ first_name }}, nos paniers sont là.\"\n}"
    correction = "message ig_post {\n  channel instagram\n  body \"Bonjour, nos paniers sont là.\"\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            if profile is None or profile.syntax != mt.NO_SYNTAX:
                continue
            for text, tag in message_tags(message):
                if tag.error:
                    continue  # V002's
                variable = find_variable(campaign, tag)
                replacement = (variable.fallback if variable is not None and variable.fallback is not None
                               else tag.fallback)
                span = text.span_of(tag.start, tag.end)
                if replacement is None:
                    edit_span = span
                    if tag.start > 0 and text.value[tag.start - 1] == " ":
                        edit_span = text.span_of(tag.start - 1, tag.end)
                    repair = fix(Applicability.UNSAFE, [ctx.replace(edit_span, "")], _("remove the tag"))
                else:
                    repair = fix(Applicability.UNSAFE, [ctx.replace(span, replacement)],
                                 _("write « {text} » instead of the tag").format(text=replacement))
                yield ctx.finding(self, span, _("`{tag}` on {channel}, which cannot personalise (merge tags none): "
                                                "it would be published as is, to everyone").format(
                                      tag=tag.raw, channel=message.channel), repair)


class ForeignMergeTagSyntax(Rule):
    """A merge tag written in another syntax than the channel's `merge tags`.

    `*|FNAME|*` (Mailchimp) on a `brevo` channel, `{{ first_name }}` (Liquid)
    on a HubSpot or Brevo channel, which write `{{ contact.NAME }}`.  On a
    `none` channel V004 reports the tag instead.
    """

    code = "V005"
    name = "foreign-merge-tag-syntax"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "A tag copied from another platform's template is not substituted: the recipient reads "
        "« Retrait à *|VILLE|* ». Each platform only reads its own syntax."
    )
    example = "channel email { merge tags brevo }\n\nmessage e { channel email; body \"Retrait à *|VILLE|*\" }"
    correction = ("channel email { merge tags brevo }\n\n"
                  "message e { channel email; body \"Retrait à {{ contact.VILLE }}\" }")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            if profile is None or profile.syntax == mt.NO_SYNTAX:
                continue
            syntax = profile.syntax
            for text, tag in message_tags(message):
                if tag.error or tag.fits(syntax):
                    continue
                span = text.span_of(tag.start, tag.end)
                repair = None
                variable = find_variable(campaign, tag) if tag.is_variable else None
                written = ""
                if variable is not None:
                    name = variable.name if syntax == "liquid" else tag.field
                    rewrite = mt.spelling(syntax, name)
                    written = f" (`{rewrite}`)"
                    repair = fix(Applicability.UNSAFE, [ctx.replace(span, rewrite)],
                                 _("write `{text}`").format(text=rewrite))
                yield ctx.finding(self, span, _("`{tag}` is {shape} syntax, but {channel} uses {syntax}{written}: it "
                                                "would be sent as raw text").format(
                                      tag=tag.raw, shape=mt.shape_name(tag), channel=message.channel,
                                      syntax=mt.syntax_name(syntax), written=written), repair)

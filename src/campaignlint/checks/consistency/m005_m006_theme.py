"""M005 channel-off-theme and M006 theme-share: every channel carries the campaign's theme."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from campaignlint.language import memo

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Campaign, Message
from ...rule import Rule, Setting
from .._format import format_percent, names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def theme_terms(campaign: Campaign) -> list[str]:
    """The theme phrase and the theme keywords, as terms to look for."""
    terms = []
    if campaign.theme is not None and campaign.theme.value.strip():
        terms.append(campaign.theme.value.strip())
    terms.extend(k.value.strip() for k in campaign.theme_keywords if k.value.strip())
    return list(dict.fromkeys(terms))


def on_theme(message: Message, terms: list[str], nlp=None) -> bool:
    """Whether any text of the message (or of its variants) mentions a theme term."""
    from ...language.terms import mentions_any

    return mentions_any([text.value for text in message.copy_texts()], message.language, terms, in_hashtags=True,
                        nlp=nlp)


@memo.last_campaign
def _on_theme_flags(campaign: Campaign, terms: list[str], nlp) -> dict[int, bool]:
    """The :func:`on_theme` answers already worked out for the messages of ``campaign``
    (by the message's ``id``), to fill as they are asked for.

    M005 and M006 ask the same messages of the same campaign one after the other: the
    last campaign's answers are kept (:func:`memo.last_campaign`: the campaign held, so no
    message's ``id`` is reused), for the same terms and language service only, so M006
    reads M005's answers without building each message's texts again."""
    return {}


def _on_theme_cached(flags: dict[int, bool], message: Message, terms: list[str], nlp) -> bool:
    """:func:`on_theme`, read from ``flags`` (see :func:`_on_theme_flags`) or added to it."""
    found = flags.get(id(message))
    if found is None:
        found = flags[id(message)] = on_theme(message, terms, nlp)
    return found


def _by_channel(campaign: Campaign) -> dict[str, list[Message]]:
    found: dict[str, list[Message]] = {}
    for message in campaign.messages:
        if message.channel:
            found.setdefault(message.channel, []).append(message)
    return found


def _channel_anchor(campaign: Campaign, channel: str, messages: list[Message]):
    if channel in campaign.channels:
        return campaign.channels[channel]
    return messages[0].where("channel")


def _theme_label(campaign: Campaign) -> str:
    parts = []
    if campaign.theme is not None and campaign.theme.value.strip():
        parts.append(_("the theme “{theme}”").format(theme=campaign.theme.value.strip()))
    keywords = [k.value.strip() for k in campaign.theme_keywords if k.value.strip()]
    if keywords:
        which = _("one of its keywords") if parts else _("any of the theme keywords")
        parts.append(f"{which} ({', '.join(keywords)})")
    return _(" or ").join(parts)


class ChannelOffTheme(Rule):
    """A channel of the campaign never mentions the theme.

    A channel is checked when the campaign has messages on it.  A message
    mentions the theme when one of its texts (or its variants') contains the
    `theme` phrase or one of the `theme_keywords`, in any inflection ("durables"
    for "durable"), in a hashtag too (#PortezLeChangement).  A campaign with
    neither `theme` nor `theme_keywords` is not checked.
    """

    code = "M005"
    name = "channel-off-theme"
    severity = Severity.WARNING
    needs_nlp = True
    why = (
        "An integrated campaign repeats one idea on every channel: the customer "
        "who sees the Instagram post, then the email, then the SMS should recognise "
        "the same campaign. A channel that never carries the theme runs a campaign "
        "of its own and adds nothing to the recognition the others build."
    )
    example = (
        "theme \"Portez le changement\"\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % sur la collection avec le code PRINTEMPS15. STOP au 36173\"\n}"
    )
    correction = (
        "theme \"Portez le changement\"\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Portez le changement : -15 % sur la collection avec le code PRINTEMPS15. STOP au 36173\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        terms = theme_terms(campaign)
        if not terms:
            return
        flags = _on_theme_flags(campaign, terms, ctx.nlp)
        for channel, messages in _by_channel(campaign).items():
            if any(_on_theme_cached(flags, m, terms, ctx.nlp) for m in messages):
                continue
            if len(messages) == 1:
                detail = _("its only message, `{message}`, does not carry it").format(message=messages[0].name)
            else:
                detail = _("none of its {count} messages ({messages}) carries it").format(
                    count=len(messages), messages=names(f"`{m.name}`" for m in messages))
            yield ctx.finding(
                self, _channel_anchor(campaign, channel, messages),
                _("channel `{channel}` never mentions {theme_label}: {detail}").format(
                    channel=channel, theme_label=_theme_label(campaign), detail=detail),
            )


class ChannelThemeShare(Rule):
    """On a channel, too few messages carry the theme.

    For each channel with messages, the share of its messages that mention the
    theme (as in M005) must reach the configured minimum.  A channel where no
    message mentions it is left to M005.
    """

    code = "M006"
    name = "theme-share"
    severity = Severity.WARNING
    needs_nlp = True
    settings = (
        Setting("theme-share", 25.0,
                "the minimum share (in %) of a channel's messages that mention the campaign's theme",
                float, 0, 100),
    )
    why = (
        "Recognition comes from repetition: if only one tweet in ten carries the "
        "campaign's idea, followers never connect the posts into one campaign. At "
        "least one message in four on each channel should state the theme."
    )
    example = (
        "theme \"Portez le changement\"\n\n"
        "message tw_1 { channel twitter; body \"Portez le changement avec notre collection #PortezLeChangement\" }\n"
        "message tw_2 { channel twitter; body \"Nouveau : la veste coupe-vent\" }\n"
        "message tw_3 { channel twitter; body \"Notre atelier au Portugal en images\" }\n"
        "message tw_4 { channel twitter; body \"Les tailles XS à XXL sont disponibles\" }\n"
        "message tw_5 { channel twitter; body \"Livraison offerte ce week-end\" }"
    )
    correction = (
        "theme \"Portez le changement\"\n\n"
        "message tw_1 { channel twitter; body \"Portez le changement avec notre collection #PortezLeChangement\" }\n"
        "message tw_2 { channel twitter; body \"Nouveau : la veste coupe-vent #PortezLeChangement\" }\n"
        "message tw_3 { channel twitter; body \"Notre atelier au Portugal en images\" }\n"
        "message tw_4 { channel twitter; body \"Les tailles XS à XXL sont disponibles\" }\n"
        "message tw_5 { channel twitter; body \"Livraison offerte ce week-end\" }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        terms = theme_terms(campaign)
        if not terms:
            return
        minimum = float(ctx.setting("theme-share"))
        flags = _on_theme_flags(campaign, terms, ctx.nlp)
        for channel, messages in _by_channel(campaign).items():
            on = [m for m in messages if _on_theme_cached(flags, m, terms, ctx.nlp)]
            if not on:
                continue  # M005
            share = 100.0 * len(on) / len(messages)
            if share + 1e-9 >= minimum:
                continue
            yield ctx.finding(
                self, _channel_anchor(campaign, channel, messages),
                _("on `{channel}`, {count} of {count2} messages ({percent}) mention {theme_label}, below the "
                  "minimum of {percent2}").format(
                    channel=channel, count=len(on), count2=len(messages), percent=format_percent(share),
                    theme_label=_theme_label(campaign), percent2=format_percent(minimum, 1)),
            )

"""L005 mandatory mention missing, L006 influencer post not disclosed (texts the law dictates)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...i18n import N_
from ...findings import Applicability, Finding, Severity
from ...rule import Rule, fix
from .._packs import all_copy, append_edit, attr, categories_of, contains_mention, prepend_edit, quote, text_of
from ._common import PACK, legal

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...model import Message


def _joined(mention: str, addition: str) -> str:
    return f"{mention} {addition}" if mention.rstrip()[-1:] in ".!?…" else f"{mention}. {addition}"


class MandatoryMentionMissing(Rule):
    """A message of a `category` with a mandatory mention lacks it, word for word.

    The mentions are quoted in ``rules/fr/legal.toml`` ``[mentions.<category>]``
    with their legal source: `alcohol` (loi Évin), `food` (one of the four
    « Pour votre santé… » messages, with « www.mangerbouger.fr »), `credit`,
    `gambling`; `financial`, `health` and `other` ship none.  The message's
    `category` replaces its campaign's.  Any text field and the channel's
    `footer` are read, with case, apostrophes, dashes, line breaks,
    non-breaking spaces and the space before « : ; ! ? » normalised.  The
    safe fix appends the category's first mention — the law's words — to the
    channel's `footer` when it has one in this file, else to the `body`.
    """

    code = "L005"
    name = "mandatory-mention-missing"
    severity = Severity.ERROR
    fix_applicability = (Applicability.SAFE,)
    fix_note = ("safe: the text appended is the one the law dictates, word for word; "
                "no fix when the message has neither a body nor a footer in this file")
    pack = PACK
    source = ("alcohol: Code de la santé publique L3323-4 (loi Évin); food: CSP L2133-1 and arrêté du 27 février "
              "2007; credit: Code de la consommation L312-5; gambling: Code de la sécurité intérieure D320-2 "
              "and arrêté du 29 juillet 2022")
    why = (
        "French law dictates the words some advertisements must carry: the health warning of the "
        "loi Évin for alcohol, the « Pour votre santé… » messages for food, the credit warning, the "
        "gambling warning. An advertisement without them is an offence (for food, the advertiser "
        "owes a levy of 1.5 % of the advertising spend instead), whatever the channel."
    )
    example = ('message ig_vin {\n  channel instagram\n  category alcohol\n'
               '  body "Notre panier du réveillon avec un vin de Loire."\n}')
    correction = ('message ig_vin {\n  channel instagram\n  category alcohol\n'
                  '  body "Notre panier du réveillon avec un vin de Loire. L\'abus d\'alcool est dangereux '
                  'pour la santé, à consommer avec modération."\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        table = legal().get("mentions", {})
        for message in ctx.campaign.messages:
            copy = all_copy(ctx.campaign, message)
            for category in categories_of(ctx.campaign, message):
                data = table.get(category)
                if not data or not data.get("mentions"):
                    continue
                has_mention = any(contains_mention(copy, m) for m in data["mentions"])
                addition = data.get("with")
                has_addition = not addition or contains_mention(copy, addition)
                if has_mention and has_addition:
                    continue
                if has_mention:
                    missing, text = _("{text}, which goes with its mention").format(text=quote(addition)), addition
                else:
                    text = data["mentions"][0] if not addition else _joined(data["mentions"][0], addition)
                    such = _("a mention such as {text}") if category == "food" else _("the mention {text}")
                    missing = such.format(text=quote(text))
                yield ctx.finding(
                    self, message,
                    _("message `{message}` advertises {category} and lacks {missing} ({source})").format(
                        message=message.name, category=category, missing=missing, source=data['source']),
                    fix=self._fix(ctx, message, text),
                )

    def _fix(self, ctx: "CampaignContext", message: "Message", text: str):
        footer = attr(ctx.campaign.channel_profile(message.channel), "footer")
        if footer is not None and hasattr(footer, "span"):
            target, where = footer, _("the channel's footer")
        else:
            target, where = text_of(message, "body"), _("the body")
        if target is None or target.span.path != message.span.path:
            return None
        edit = append_edit(ctx, target, text)
        return fix(Applicability.SAFE, [edit], _("append {text} to {where}").format(text=quote(text), where=where)) \
            if edit is not None else None


class InfluencerPostNotDisclosed(Rule):
    """A message posted by an `influencer` does not say it is an advertisement.

    Its copy (any text field, with the channel's `footer`) must contain
    « Publicité » or « Collaboration commerciale »; when one of its assets is
    `retouched` it must also say « Images retouchées », when one is
    `generated`, « Images virtuelles » (``rules/fr/legal.toml`` ``[influence]``).
    The safe fix writes « Publicité : » at the start of the body.
    """

    code = "L006"
    name = "influencer-post-not-disclosed"
    severity = Severity.ERROR
    fix_applicability = (Applicability.SAFE,)
    fix_note = "safe: « Publicité » is the word the law asks for; the retouched and virtual images are not fixed"
    pack = PACK
    source = "loi n° 2023-451 du 9 juin 2023 (influence commerciale), art. 5"
    why = (
        "Since June 2023 a post an influencer publishes for a brand must say « Publicité » or "
        "« Collaboration commerciale », clearly and for the whole post, and say « Images "
        "retouchées » or « Images virtuelles » when the pictures are edited or generated. The "
        "influencer and the brand are both liable (up to two years and 300,000 €)."
    )
    example = ('message ig_influence {\n  channel instagram\n  influencer "@chloe_gourmande"\n'
               '  body "J\'ai reçu le panier de Noël du Bazar Gourmand."\n}')
    correction = example.replace('body "J', 'body "Publicité : j')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        data = legal()["influence"]
        for message in ctx.campaign.messages:
            handle = attr(message, "influencer")
            if not handle:
                continue
            copy = all_copy(ctx.campaign, message)
            if not any(contains_mention(copy, d) for d in data["disclosure"]):
                yield ctx.finding(
                    self, message,
                    _("the post of {handle} (`{message}`) does not say it is an advertisement: write {words} at "
                      "the start").format(handle=handle, message=message.name,
                                          words=pgettext("list", " or ").join(quote(d) for d in data['disclosure'])),
                    fix=self._fix(ctx, message, data["prefix"]),
                )
            assets = attr(message, "all_assets") and message.all_assets() or []
            for flag, said in (("retouched", N_("the post of {handle} (`{message}`) has a retouched image and does "
                                                "not say {words}")),
                               ("generated", N_("the post of {handle} (`{message}`) has a generated image and does "
                                                "not say {words}"))):
                if any(attr(a, flag) for a in assets) and not contains_mention(copy, data[flag]):
                    yield ctx.finding(
                        self, message,
                        _(said).format(handle=handle, message=message.name, words=quote(data[flag])),
                    )

    @staticmethod
    def _fix(ctx: "CampaignContext", message: "Message", prefix: str):
        body = text_of(message, "body")
        footer = attr(ctx.campaign.channel_profile(message.channel), "footer")
        if body is None or body.span.path != message.span.path or (footer is not None and body.span == footer.span):
            return None
        edit = prepend_edit(ctx, body, prefix)
        return fix(Applicability.SAFE, [edit], _("write {text} first").format(text=quote(prefix.strip(' :')))) \
            if edit is not None else None

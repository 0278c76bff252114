"""D001 missing unsubscribe, D002 missing sender name, D003 missing preheader."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterator

from ...findings import Finding, Severity
from ...i18n import gettext as _
from ...model import Message
from ...resources import load_toml
from ...rule import Rule
from .._packs import all_copy, attr, fold_keep, language_data, messages_on, urls_in, written

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...model import Campaign, ChannelProfile

PACK = "email"
_NO_SPACE = re.compile(r"\s+")


@functools.cache
def _tags() -> frozenset[str]:
    return frozenset(_NO_SPACE.sub("", t).lower() for t in load_toml("email.toml")["unsubscribe_tags"]["tags"])


@functools.cache
def _words_pattern(language: str) -> re.Pattern:
    words = language_data(language, "email.toml").get("unsubscribe", {}).get("words", [])
    words = sorted({fold_keep(w) for w in words}, key=len, reverse=True) or ["unsubscribe"]
    # at the start of a word: "desabonnement", "/unsubscribe?id=", "opt-out"
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in words) + ")")


def _unsubscribe_in_copy(campaign: "Campaign", message: Message) -> bool:
    pattern = _words_pattern(message.language)
    if any(pattern.search(fold_keep(str(link))) for link in message.all_links()):
        return True
    copy = all_copy(campaign, message)
    if pattern.search(fold_keep(copy)):  # a body line or a link text that says so
        return True
    if any(pattern.search(fold_keep(url)) for _s, _e, url in urls_in(copy)):
        return True
    squeezed = _NO_SPACE.sub("", "\n".join(written(t) for t in message.copy_texts())).lower()
    squeezed += _NO_SPACE.sub("", all_copy(campaign, message)).lower()
    return any(tag in squeezed for tag in _tags())


def _variants_all_have(message: Message, field: str) -> bool:
    return bool(message.variants) and all(any(t.field == field for t in v.texts) for v in message.variants)


class MissingUnsubscribe(Rule):
    """An e-mail has no way to unsubscribe.

    Nothing says how to leave the list: no `unsubscribe` on the message or its
    channel (a URL, or `platform` when the sending platform adds the footer link
    and the `List-Unsubscribe` headers), no `link` or URL whose address or text
    says so (« désabonner », « se désinscrire », "unsubscribe"…, per language in
    ``rules/<lang>/email.toml``, matched at the start of a word without case or
    accents), no unsubscribe merge tag of the platforms (`*|UNSUB|*`,
    `{{ unsubscribe }}`…, ``rules/email.toml``).  The channel's `footer` counts.
    """

    code = "D001"
    name = "missing-unsubscribe"
    severity = Severity.ERROR
    pack = PACK
    source = ("Gmail and Yahoo bulk-sender requirements (February 2024): one-click unsubscribe (RFC 8058 "
              "List-Unsubscribe-Post) and a visible link; CPCE L34-5: a means to object in every message")
    why = (
        "Since February 2024 Gmail and Yahoo filter or refuse bulk e-mail without a one-click "
        "unsubscribe (RFC 8058) and a visible link; French law (CPCE L34-5) requires a way to "
        "object in every marketing message. Readers who cannot leave press \"Spam\" instead, "
        "which hurts every later send."
    )
    example = ('message email_noel {\n  channel email\n  subject "Nos paniers de Noël"\n'
               '  body "Nos paniers garnis sont arrivés."\n}')
    correction = ('message email_noel {\n  channel email\n  unsubscribe platform\n'
                  '  subject "Nos paniers de Noël"\n  body "Nos paniers garnis sont arrivés."\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in messages_on(ctx.campaign, kind="email"):
            if attr(message, "unsubscribe") or attr(profile, "unsubscribe"):
                continue
            if _unsubscribe_in_copy(ctx.campaign, message):
                continue
            yield ctx.finding(
                self, message,
                _("e-mail `{message}` gives no way to unsubscribe: write `unsubscribe platform` when the "
                  "sending platform adds the link and the one-click header, or `unsubscribe \"https://…\"`, "
                  "or a link « Se désabonner » in the body").format(message=message.name),
            )


def _sender(message: Message, profile: "ChannelProfile | None") -> bool:
    return message.has("sender") or _variants_all_have(message, "sender") or bool(attr(profile, "sender"))


class MissingSenderName(Rule):
    """An e-mail has no `sender`, and neither has its channel.

    The From name is read on the message (`sender "Le Fournil"`), else on the
    channel (`channel email { sender "Le Fournil" }`, for every message).
    """

    code = "D002"
    name = "missing-sender-name"
    severity = Severity.WARNING
    pack = PACK
    source = ("Gmail and Yahoo bulk-sender requirements (February 2024): a From domain aligned with the "
              "sender; the From name is what the inbox shows first")
    why = (
        "The sender's name is the first thing read in the inbox, before the subject: an unknown "
        "or missing one is not opened, or is reported as spam. Gmail and Yahoo also require "
        "bulk senders to send from a domain aligned with the brand."
    )
    example = 'message email_noel {\n  channel email\n  subject "Nos paniers de Noël"\n}'
    correction = 'message email_noel {\n  channel email\n  sender "Bazar Gourmand"\n  subject "Nos paniers de Noël"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in messages_on(ctx.campaign, kind="email"):
            if not _sender(message, profile):
                yield ctx.finding(
                    self, message,
                    _("e-mail `{message}` has no `sender`: the inbox will show the address instead of "
                      "a name; write `sender \"…\"` on the message or on the channel").format(message=message.name),
                )


class MissingPreheader(Rule):
    """An e-mail has no `preheader`.

    Without one, the inbox shows the first words of the body after the subject
    ("View in browser", « Si ce message ne s'affiche pas… »).  A message whose
    every variant writes a preheader has one.  C002 then checks its length.
    """

    code = "D003"
    name = "missing-preheader"
    severity = Severity.WARNING
    pack = PACK
    source = "Litmus and ESP guidance (Mailchimp, Brevo): the preview text shown after the subject"
    why = (
        "The preheader is the second line the inbox shows: left empty, it shows \"View in "
        "browser\" or the first words of the template, and the chance to complete the subject "
        "is lost."
    )
    example = 'message email_noel {\n  channel email\n  subject "Nos paniers de Noël"\n}'
    correction = ('message email_noel {\n  channel email\n  subject "Nos paniers de Noël"\n'
                  '  preheader "Préparés par nos épiciers, livrés en 48 heures"\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, _profile in messages_on(ctx.campaign, kind="email"):
            if not message.has("preheader") and not _variants_all_have(message, "preheader"):
                yield ctx.finding(
                    self, message,
                    _("e-mail `{message}` has no `preheader`: the inbox will show the body's first words "
                      "after the subject; write the line you want read there").format(message=message.name),
                )

"""D004 spam triggers, D005 insecure links, D006 generic link texts."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterator

from ...findings import Applicability, Edit, Finding, Severity
from ...i18n import gettext as _
from ...i18n import pgettext
from ...resources import load_toml
from ...rule import Rule, fix
from ...text.extract import extract_urls
from .._packs import attr, field_label, find_phrases, fold_keep, language_data, messages_on, quote

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

PACK = "email"
_WORD = re.compile(r"[^\W\d_]{2,}")


@functools.cache
def _shared() -> dict:
    return load_toml("email.toml")


def _acronyms(language: str) -> frozenset[str]:
    from ...language.capitals import allowed_words

    return allowed_words(language)


def _in_capitals(text: str, language: str, codes: set[str]) -> bool:
    from ...language.capitals import caps_key

    limit = _shared()["capitals"]["acronym_max_letters"]
    words = [w for w in _WORD.findall(text)
             if caps_key(w) not in _acronyms(language) and caps_key(w) not in codes]
    long_words = [w for w in words if len(w) > limit]
    return bool(long_words) and all(w.isupper() for w in words)


class SpamTrigger(Rule):
    """The subject or preheader reads as spam: a phrase of the language's list, capitals, `$$$`, `!!!`.

    Phrases are in ``rules/<lang>/spam.toml`` (« 100 % gratuit », « cliquez ici »,
    "act now"…), matched on whole words without case or accents; a subject
    in capitals is one where every word of 2+ letters is upper case (acronyms
    of ``rules/<lang>/tone.toml`` and the offer codes aside, and at least one
    word longer than 4 letters); money and punctuation runs are patterns of
    ``rules/email.toml``.  One finding per field, naming every trigger.
    """

    code = "D004"
    name = "spam-trigger"
    severity = Severity.WARNING
    pack = PACK
    source = ("Apache SpamAssassin subject tests (SUBJ_ALL_CAPS, money and punctuation runs); Mailchimp, Brevo "
              "and HubSpot deliverability guides; the lists in rules/<lang>/spam.toml name theirs")
    why = (
        "Spam filters score the subject line first: capitals, « 100 % gratuit », \"$$$\" or "
        "\"!!!\" push the e-mail to the spam folder, where nobody opens it, and lower the sender's "
        "reputation for the next sends."
    )
    example = 'message email_promo {\n  channel email\n  subject "GAGNEZ 100 % GRATUIT !!!"\n}'
    correction = 'message email_promo {\n  channel email\n  subject "Nos paniers de Noël sont arrivés"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...language.capitals import caps_key

        codes = {caps_key(o.code) for o in ctx.campaign.offers.values() if o.code}
        symbols = [re.compile(p) for p in _shared()["spam_symbols"]["patterns"]]
        for message, _profile in messages_on(ctx.campaign, kind="email"):
            phrases = language_data(message.language, "spam.toml").get("phrases", [])
            for text in message.copy_texts():
                if text.field not in ("subject", "preheader"):
                    continue
                found = []
                if text.field == "subject" and _in_capitals(text.value, message.language, codes):
                    found.append(_("written in capitals"))
                found += [quote(text.value[s:e]) for s, e, _p in find_phrases(text.value, phrases)]
                found += [quote(m.group()) for p in symbols for m in p.finditer(text.value)]
                if found:
                    yield ctx.finding(
                        self, text,
                        _("{label} of e-mail `{message}` looks like spam to filters: {found}; write it as you "
                          "would to one customer").format(label=field_label(message, text), message=message.name,
                                                          found=_("; ").join(found)),
                    )


class InsecureLink(Rule):
    """A `link`, `unsubscribe`, asset URL or URL in the copy of an e-mail uses `http://`.

    The unsafe fix rewrites `http://` to `https://` in `link` and
    `unsubscribe` values: check that the site serves the page over HTTPS.
    """

    code = "D005"
    name = "insecure-link"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    pack = PACK
    source = ("Gmail and Yahoo bulk-sender requirements (February 2024: TLS throughout); browsers mark http "
              "pages \"Not secure\"")
    why = (
        "An http:// link opens a page the browser marks \"Not secure\", right after the click "
        "the campaign paid for; filters and readers distrust it, and Gmail and Yahoo require "
        "TLS from bulk senders since 2024."
    )
    example = 'message email_noel {\n  channel email\n  link "http://bazar.example/noel"\n}'
    correction = 'message email_noel {\n  channel email\n  link "https://bazar.example/noel"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, _profile in messages_on(ctx.campaign, kind="email"):
            values = list(message.all_links())
            unsubscribe = attr(message, "unsubscribe")
            if unsubscribe is not None and hasattr(unsubscribe, "span"):
                values.append(unsubscribe)
            for asset in attr(message, "assets", []) or []:
                url = attr(asset, "url") or attr(asset, "path")
                if url is not None and hasattr(url, "span"):
                    values.append(url)
            for value in values:
                if str(value).lower().startswith("http://"):
                    yield ctx.finding(
                        self, value,
                        _("e-mail `{message}` links to {url} over http://: use https://").format(
                            message=message.name, url=quote(str(value))),
                        fix=self._fix(ctx, value),
                    )
            for text in message.copy_texts():
                for url in extract_urls(text.value, with_scheme_only=True):
                    if url.text.lower().startswith("http://"):
                        yield ctx.finding(
                            self, text.span_of(url.start, url.end),
                            _("{label} of e-mail `{message}` links to {url} over http://: use https://").format(
                                label=field_label(message, text), message=message.name, url=quote(url.text)),
                        )

    @staticmethod
    def _fix(ctx: "CampaignContext", value):
        span = value.span_of(0, 4) if hasattr(value, "span_of") else None
        source = ctx.source(value.span.path)
        if span is None or source is None or source.text[span.start:span.end].lower() != "http":
            return None
        return fix(Applicability.UNSAFE, [Edit(span.start, span.end, "https")], _("rewrite http:// to https://"))


def _generic(text: str, texts: list[str]) -> bool:
    key = fold_keep(text).strip().rstrip(" .:!?…→>-–—").strip()
    return key in {fold_keep(t) for t in texts}


_BEFORE_URL = re.compile(r"[^.!?\n]*$")


class GenericLinkText(Rule):
    """The `cta`, or the words right before a URL in the copy, say only "cliquez ici", "en savoir plus", "click here"…

    The texts are per language in ``rules/<lang>/email.toml``
    ``[generic_link_text]``, compared whole, without case, accents or final
    punctuation.
    """

    code = "D006"
    name = "generic-link-text"
    severity = Severity.WARNING
    pack = PACK
    source = "WCAG 2.2 success criterion 2.4.4 (Link purpose, in context); W3C failure technique F84"
    why = (
        "Screen-reader users list the links of an e-mail out of context: ten \"cliquez ici\" say "
        "nothing. A call to action that says what happens (\"Précommander ma bûche\") is also the "
        "one more people click."
    )
    example = 'message email_noel {\n  channel email\n  cta "Cliquez ici"\n}'
    correction = 'message email_noel {\n  channel email\n  cta "Voir les paniers de Noël"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, _profile in messages_on(ctx.campaign, kind="email"):
            texts = language_data(message.language, "email.toml").get("generic_link_text", {}).get("texts", [])
            for text in message.copy_texts():
                if text.field == "cta" and _generic(text.value, texts):
                    yield ctx.finding(
                        self, text,
                        _("{label} of e-mail `{message}` is {text}, which says nothing out of context: say what "
                          "the click does (« Voir les paniers », \"See the baskets\")").format(
                            label=pgettext("field", "cta"), message=message.name, text=quote(text.value)),
                    )
                    continue
                for url in extract_urls(text.value):
                    before = _BEFORE_URL.search(text.value[: url.start]).group()
                    if before.strip() and _generic(before, texts):
                        start = url.start - len(before) + (len(before) - len(before.lstrip()))
                        yield ctx.finding(
                            self, text.span_of(start, url.start),
                            _("{label} of e-mail `{message}` introduces a link with {text} only: say where it "
                              "leads").format(label=field_label(message, text), message=message.name,
                                              text=quote(before.strip())),
                        )

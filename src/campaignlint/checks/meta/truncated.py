"""W002: key content of a Meta ad hidden behind "… See more"."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import N_
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...resources import load_toml
from ...rule import Rule
from .._packs import categories_of, field_label, find_mention, quote, urls_in

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...model import Campaign, Message, TextField

PACK = "meta"


@functools.cache
def _truncation() -> dict:
    return load_toml("meta.toml")["truncation"]


@functools.cache
def _mentions() -> dict:
    return load_toml("fr", "legal.toml").get("mentions", {})


def _claims(text: "TextField", message: "Message", campaign: "Campaign"):
    from ...language.offers import extract_offer_claims

    year = message.at.year if message.at is not None else (campaign.period[0].year if campaign.period else None)
    return extract_offer_claims(text.value, message.language, reference_year=year)


def key_content(text: "TextField", message: "Message", campaign: "Campaign") -> list[tuple[int, int, str]]:
    """(start, end, what) of each piece of key content in the text: offer claims, links, mandatory mentions."""
    found: list[tuple[int, int, str]] = []
    claims = _claims(text, message, campaign)
    for kind, label in (("discounts", N_("the discount {text}")), ("codes", N_("the code {text}")),
                        ("prices", N_("the price {text}")), ("end_dates", N_("the end date {text}"))):
        found += [(c.start, c.end, _(label).format(text=quote(c.text.strip()))) for c in getattr(claims, kind)]
    found += [(start, end, _("the link")) for start, end, _url in urls_in(text.value)]
    for category in categories_of(campaign, message):
        for mention in _mentions().get(category, {}).get("mentions", []):
            where = find_mention(text.value, mention)
            if where is not None:
                found.append((*where, _("the mandatory mention « {text}… »").format(
                    text=text.value[where[0]:where[0] + 24])))
                break
    return sorted(found)


class KeyContentTruncated(Rule):
    """In a Meta ad, the offer, a link or a mandatory mention starts where the text is already cut.

    Meta shows the first 125 characters of the primary text (`body`) and the
    first 40 of the `headline` (``rules/meta.toml`` ``[truncation]``); what
    starts later is behind "… See more".  Key content is a discount, promo
    code, price or end date the copy states, a URL, and the mandatory mention
    of the message's `category` (L005, with the channel's `footer`).  One
    finding per field, at the first hidden piece.  C002 reports the length.
    """

    code = "W002"
    name = "key-content-truncated"
    severity = Severity.WARNING
    pack = PACK
    source = "Meta Business Help Center, ads guide: primary text 125 characters shown, headline 40"
    why = (
        "Most people never tap \"… See more\": a discount, a code or a link placed after the 125th "
        "character of a Meta ad is, for them, not in the ad, and a legal mention hidden there is "
        "not \"clearly legible\". Put what makes people act in the first line."
    )
    example = ('message meta_pub {\n  channel meta_ads\n  body "Nos paniers garnis de chocolats, de nougat et de '
               'clémentines, préparés par nos épiciers et livrés chez vous en 48 heures : -20 % avec le code '
               'NOEL20."\n}')
    correction = ('message meta_pub {\n  channel meta_ads\n  body "-20 % avec le code NOEL20 : nos paniers garnis '
                  'de chocolats, de nougat et de clémentines, livrés chez vous en 48 heures."\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        data = _truncation()
        for message in ctx.campaign.messages:
            if message.channel not in data["channels"]:
                continue
            for text in message.copy_texts():
                visible = data["visible"].get(text.field)
                if visible is None or len(text.value) <= visible:
                    continue
                hidden = [item for item in key_content(text, message, ctx.campaign) if item[0] >= visible]
                if not hidden:
                    continue
                start, end, _what = hidden[0]
                what = sorted({item[2] for item in hidden}, key=[item[2] for item in hidden].index)
                yield ctx.finding(
                    self, text.span_of(start, end),
                    ngettext("{label} of ad `{message}` shows its first {visible} characters only: {what} starts "
                             "after them, behind \"… See more\"; move it up",
                             "{label} of ad `{message}` shows its first {visible} characters only: {what} start "
                             "after them, behind \"… See more\"; move them up", len(what)).format(
                        label=field_label(message, text), message=message.name, visible=visible,
                        what=", ".join(what)),
                )

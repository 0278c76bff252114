"""L002: a marketing SMS that does not say who sends it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._packs import all_copy, attr, find_phrases, fold_keep, messages_on, quote
from ._common import PACK

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...model import Brand


def brand_names(brand: "Brand") -> list[str]:
    """How copy may name the advertiser: its `name`, its identifier, its `website`."""
    names = [attr(brand, "display_name"), brand.name, attr(brand, "website")]
    return [str(n) for n in dict.fromkeys(names) if n]


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold_keep(text))


class SmsAdvertiserNotIdentified(Rule):
    """A marketing SMS whose body and `sender` do not name the brand.

    The body (with the channel's `footer`), the message's `sender` and the
    channel's `sender` are searched, without case or accents, for the brand's
    `name` (« Le Fournil »), its identifier (`fournil`) or its `website`
    (« lefournil.fr »); spaces and punctuation aside, so that the sender ID
    « LeFournil » names « Le Fournil ».  A campaign without a `brand` is not checked.
    """

    code = "L002"
    name = "sms-advertiser-not-identified"
    severity = Severity.ERROR
    pack = PACK
    source = ("LCEN (loi n° 2004-575 du 21 juin 2004) art. 20: advertising identifies on whose behalf it is "
              "made; CPCE L34-5: concealing the sender's identity is forbidden")
    why = (
        "French law requires every advertisement to say clearly who it is for (LCEN art. 20), and "
        "forbids hiding the sender of a marketing message (CPCE L34-5). An SMS from a short number "
        "that does not name the brand is also read as a scam, and reported."
    )
    example = ('message sms_noel {\n  channel sms\n'
               '  body "Joyeux Noël : -20 % sur les paniers avec NOEL20. STOP au 36180"\n}')
    correction = ('message sms_noel {\n  channel sms\n  sender "Bazar Gourmand"\n'
                  '  body "Bazar Gourmand : -20 % sur les paniers avec NOEL20. STOP au 36180"\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        brand = ctx.campaign.brand
        if brand is None:
            return
        names = brand_names(brand)
        for message, profile in messages_on(ctx.campaign, kind="sms"):
            said = "\n".join(filter(None, [all_copy(ctx.campaign, message), str(attr(profile, "sender") or "")]))
            if find_phrases(said, names) or any(_squeezed(n) in _squeezed(said) for n in names):
                continue  # « LeFournil », an SMS sender ID, is « Le Fournil » without its space
            shown = attr(brand, "display_name") or brand.name
            yield ctx.finding(
                self, message,
                _("SMS `{message}` does not say who sends it: neither its text nor its `sender` names {brand}; "
                  "start the text with the brand's name or set `sender \"{name}\"`").format(
                    message=message.name, brand=quote(shown), name=shown),
            )

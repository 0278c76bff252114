"""M004 price-mismatch: the price stated in the copy against the offer's `price`."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._format import format_money
from ._shared import as_written, claims_of

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class PriceMismatch(Rule):
    """The copy states a price that differs from its offer's `price`.

    Reads the prices stated in the copy of every message that names an `offer`
    ("à 44,90 €", "only $49") — not the struck-through old price, a purchase
    threshold, shipping costs or instalments — and compares each with the
    offer's `price`, amount and currency.
    """

    code = "M004"
    name = "price-mismatch"
    severity = Severity.ERROR
    why = (
        "A price is a promise: the one in the email must be the one on the product "
        "page. A different price on one channel breeds distrust and complaints, "
        "and advertising a price that is not charged is misleading advertising."
    )
    example = (
        "offer rentree { price 49.90 EUR }\n\n"
        "message email_promo {\n  channel email\n  offer rentree\n"
        "  body \"Le cartable à 44,90 € au lieu de 59 €.\"\n}"
    )
    correction = (
        "offer rentree { price 49.90 EUR }\n\n"
        "message email_promo {\n  channel email\n  offer rentree\n"
        "  body \"Le cartable à 49,90 € au lieu de 59 €.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for _message, offer, text, claim in claims_of(ctx.campaign, "prices"):
            if offer.price is None:
                continue
            amount, currency = claim.value
            if Decimal(amount) != offer.price.amount or str(currency).upper() != offer.price.currency.upper():
                yield ctx.finding(
                    self, text.span_of(claim.start, claim.end),
                    _("the copy gives the price {as_written}, the offer `{offer}` says {money}").format(
                        as_written=as_written(claim), offer=offer.name, money=format_money(offer.price)),
                )

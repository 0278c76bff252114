"""M004 price-mismatch: the price stated in the copy against the offer's `price`."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Iterator

from ...i18n import N_
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Money, Percent
from ...rule import Rule
from .._format import format_money
from ._shared import as_written, claims_of, is_reference_price

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class PriceMismatch(Rule):
    """The copy states a price that differs from its offer's `price`.

    Reads the prices stated in the copy of every message that names an `offer`
    ("à 44,90 €", "only $49") and compares each with the offer's `price`,
    amount and currency.  The price after the offer's `discount` is right too:
    with `discount 15%` and `price 34.90 EUR`, "29,66 €" or "29,67 €" (the
    exact 29,665 rounded either way to the cent).  Not compared, because they
    are not the price the offer charges: the struck-through old price (« au
    lieu de », "was"), a later or door price (« prévente à 25 €, puis 32 € sur
    place », "then $32 at the door"), a "from" price (« à partir de »,
    « dès », "from", "starting at"), a price per period (« /mois », « par
    mois », "per month", "/mo") of at most half the offer's price (an
    instalment: « 499 €, ou 41,58 €/mois »; a larger one is the subscription's
    own price and is compared), a purchase threshold, shipping costs and
    instalments (the words: ``rules/<lang>/offers.toml``, ``[money]``).  Any of
    them in another currency than the offer's is reported.  The message says
    how the amount was read, and which wording makes it another reading.
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
            if offer.price is None or is_reference_price(offer, claim):
                continue
            amount, currency = claim.value
            same_currency = str(currency).upper() == offer.price.currency.upper()
            if same_currency and not _compared(claim, offer):
                continue  # a later, "from" or instalment price is not the price the offer charges
            if same_currency:
                if Decimal(amount) == offer.price.amount:
                    continue
                discounted = discounted_price(offer)
                if discounted is not None and abs(Decimal(amount) - discounted) < CENT:
                    continue  # the price after the offer's discount, rounded to the cent
            yield ctx.finding(
                self, text.span_of(claim.start, claim.end),
                _("the copy gives the price {as_written}, the offer `{offer}` says {money}{after_discount}; "
                  "{as_written} was read as {reading}").format(
                    as_written=as_written(claim), offer=offer.name, money=format_money(offer.price),
                    after_discount=_after_discount(offer), reading=_(_READINGS[claim.reading]))
                + ("" if same_currency else _(", in another currency")),
            )


CENT = Decimal("0.01")
_READINGS = {  # translated when used (gettext_noop: extracted as messages)
    "price": N_("the price the offer charges (no old-price, 'from', later or per-month wording around it: "
                "« au lieu de », « à partir de », « puis … sur place », « /mois »)"),
    "per_period": N_("the offer's price per period (more than half the offer's price: no instalment)"),
    "from": N_("a 'from' price"),
    "later": N_("a later or door price"),
}


def _compared(claim, offer) -> bool:
    """A plain price is compared; a later or "from" price never is (it may differ).  A price per
    period is compared unless it is at most half the offer's price (an instalment: "499 €, ou
    41,58 €/mois"); a subscription's "$49 a month" against `price 59 USD` is a contradiction."""
    if claim.reading == "price":
        return True
    if claim.reading == "per_period":
        return Decimal(claim.value[0]) * 2 > offer.price.amount
    return False


def discounted_price(offer) -> Decimal | None:
    """The offer's `price` after its `discount` (exact, not rounded), or ``None`` without both."""
    price, discount = offer.price, offer.discount
    if price is None or discount is None:
        return None
    if isinstance(discount, Percent):
        if not 0 < discount.value < 100:
            return None
        return price.amount * (Decimal(100) - abs(discount.value)) / Decimal(100)
    if isinstance(discount, Money) and discount.currency.upper() == price.currency.upper():
        if 0 < discount.amount < price.amount:
            return price.amount - discount.amount
    return None


def _after_discount(offer) -> str:
    discounted = discounted_price(offer)
    if discounted is None:
        return ""
    rounded = Money(amount=discounted.quantize(CENT, rounding=ROUND_HALF_UP), currency=offer.price.currency)
    return _(" ({money} after its {discount} discount)").format(
        money=format_money(rounded), discount=_discount_words(offer.discount))


def _discount_words(discount) -> str:
    if isinstance(discount, Percent):
        return f"{abs(discount.value).normalize():f} %"
    return format_money(discount)

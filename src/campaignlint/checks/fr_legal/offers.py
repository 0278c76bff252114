"""L003 conditions not indicated, L004 reference price missing (offers in French law)."""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Money, Percent
from ...rule import Rule
from .._format import format_money
from .._packs import all_copy, contains_mention, find_phrases, links_to, money_pattern, quote, text_of
from ._common import PACK, legal

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...model import Campaign, Message, Offer, TextField

_CENT = Decimal("0.01")


def _promoting(campaign: "Campaign") -> Iterator[tuple["Message", "Offer"]]:
    for message in campaign.messages:
        if message.offer and message.offer in campaign.offers:
            yield message, campaign.offers[message.offer]


def _where(message: "Message"):
    return text_of(message, "body", "description", "headline", "subject", "title") or message


class ConditionsNotIndicated(Rule):
    """A message promotes an offer that has `terms`, and says nothing of its conditions.

    The copy (any text field, with the channel's `footer`) must say that
    conditions apply — « offre soumise à conditions », « voir conditions »,
    « conditions en magasin »… (``rules/fr/legal.toml`` ``[conditions]``,
    without case or accents) —, or quote the offer's `terms`, or link to its
    `terms_link` (query string aside).
    """

    code = "L003"
    name = "conditions-not-indicated"
    severity = Severity.WARNING
    pack = PACK
    source = ("LCEN (loi n° 2004-575) art. 21: the conditions of promotional offers must be clearly stated "
              "and easily accessible; Code de la consommation L121-2 and L121-3 (misleading omission)")
    why = (
        "An offer with conditions (a minimum order, a date, stock) that the message does not "
        "mention is a misleading omission under French consumer law, and customers who discover "
        "the conditions at the till feel cheated. « Offre soumise à conditions » with a link to "
        "them is enough."
    )
    example = ('offer remise { discount 20%; terms "Dès 40 € d\'achat." }\n\nmessage email_promo {\n'
               '  channel email\n  offer remise\n  body "-20 % sur nos paniers avec le code NOEL20."\n}')
    correction = example.replace("NOEL20.", "NOEL20. Offre soumise à conditions.")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        phrases = legal()["conditions"]["phrases"]
        for message, offer in _promoting(ctx.campaign):
            if not offer.terms:
                continue
            copy = all_copy(ctx.campaign, message)
            if find_phrases(copy, phrases) or contains_mention(copy, offer.terms):
                continue
            if offer.terms_link is not None and links_to(ctx.campaign, message, str(offer.terms_link)):
                continue
            link = _(", or link to {url}").format(url=quote(str(offer.terms_link))) \
                if offer.terms_link is not None else ""
            yield ctx.finding(
                self, _where(message),
                _("message `{message}` promotes the offer `{offer}`, which has conditions, without saying so: add "
                  "« Offre soumise à conditions »{link}").format(message=message.name, offer=offer.name, link=link),
            )


@functools.cache
def _reduction_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in legal()["reference_price"]["reduction_patterns"])


def _announces(text: str) -> bool:
    """The text announces a reduction: « -20 % », « 20 % de remise », « prix barré », « au lieu de »…"""
    data = legal()["reference_price"]
    return bool(find_phrases(text, data["reduction_phrases"])) or any(p.search(text) for p in _reduction_patterns())


def _states(text: str, offer: "Offer") -> bool:
    """The text announces a reduction, or gives the reduced `price` of an offer with a `discount`."""
    if _announces(text):
        return True
    return offer.discount is not None and offer.price is not None and bool(_amount(offer.price).search(text))


def _amount(money: Money) -> re.Pattern:
    return money_pattern(money.amount, money.currency, legal()["reference_price"]["currencies"])


def expected_price(reference: Money, discount) -> Decimal | None:
    """The reference price less the discount, to the cent (None when the currencies differ)."""
    if isinstance(discount, Percent):
        return (reference.amount * (1 - discount.value / 100)).quantize(_CENT, rounding=ROUND_HALF_UP)
    if isinstance(discount, Money) and discount.currency.upper() == reference.currency.upper():
        return (reference.amount - discount.amount).quantize(_CENT)
    return None


class ReferencePriceMissing(Rule):
    """A reduction is announced without the reference price it is computed on.

    Fires on an offer with a `discount` (or whose messages announce one:
    « -30 % », « prix barré », « au lieu de », ``rules/fr/legal.toml``
    ``[reference_price]``) and no `reference price`; on a message of an offer
    that states the discount or the reduced price without the `reference price`
    amount (« 30 € », « 30,00 EUR »), or, for `reference price landing`, without
    a link to the offer's `landing`; on a `price` that is not the `reference
    price` less the `discount`, to the cent.
    """

    code = "L004"
    name = "reference-price-missing"
    severity = Severity.ERROR
    pack = PACK
    source = ("Code de la consommation L112-1-1 (ordonnance n° 2021-1734 du 22 décembre 2021, in force 28 May "
              "2022): an announced reduction states the prior price, the lowest of the previous 30 days")
    why = (
        "Since 28 May 2022 any price reduction announced in France must state the reference price "
        "— the lowest price of the previous 30 days — and be computed on it (Code de la "
        "consommation L112-1-1). A « -20 % » without it is fined by the DGCCRF, and customers "
        "cannot check the saving."
    )
    example = ('offer buche { discount 10%; price 27.00 EUR }\n\nmessage email_promo {\n  channel email\n'
               '  offer buche\n  body "La bûche Tradition à 27 € avec le code NOEL10."\n}')
    correction = ('offer buche { discount 10%; price 27.00 EUR; reference price 30.00 EUR }\n\n'
                  'message email_promo {\n  channel email\n  offer buche\n'
                  '  body "La bûche Tradition à 27 € au lieu de 30 € avec le code NOEL10."\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        announced = {offer.name for message, offer in _promoting(campaign) if _announces(all_copy(campaign, message))}
        for offer in campaign.offers.values():
            yield from self._offer(ctx, offer, offer.name in announced)
        for message, offer in _promoting(campaign):
            yield from self._message(ctx, message, offer)

    def _offer(self, ctx: "CampaignContext", offer: "Offer", announced: bool) -> Iterator[Finding]:
        reference = offer.reference_price
        if reference is None and (offer.discount is not None or announced):
            said = _("the offer `{offer}` has a `discount` but no `reference price`: state the price it is taken "
                     "from, the lowest of the previous 30 days (`reference price 30.00 EUR`)") \
                if offer.discount is not None else \
                _("the offer `{offer}` has a reduction its messages announce but no `reference price`: state the "
                  "price it is taken from, the lowest of the previous 30 days (`reference price 30.00 EUR`)")
            yield ctx.finding(self, offer.where("discount"), said.format(offer=offer.name))
        if isinstance(reference, Money) and offer.discount is not None and offer.price is not None:
            expected = expected_price(reference, offer.discount)
            if expected is not None and offer.price.currency.upper() == reference.currency.upper() \
                    and expected != offer.price.amount.quantize(_CENT):
                yield ctx.finding(
                    self, offer.where("price"),
                    _("the offer `{offer}` gives the price {price}, but its reference price {reference} less "
                      "{discount} is {expected}").format(
                        offer=offer.name, price=format_money(offer.price), reference=format_money(reference),
                        discount=offer.discount,
                        expected=format_money(Money(amount=expected, currency=reference.currency))),
                )

    def _message(self, ctx: "CampaignContext", message: "Message", offer: "Offer") -> Iterator[Finding]:
        stating: "TextField | None" = next((t for t in message.copy_texts() if _states(t.value, offer)), None)
        if stating is None:
            return
        reference = offer.reference_price
        copy = all_copy(ctx.campaign, message)
        if isinstance(reference, Money):
            if _amount(reference).search(copy):
                return
            missing = _("its reference price {price}: write « … au lieu de {plain} »").format(
                price=format_money(reference), plain=_plain(reference))
        elif reference == "landing":
            if offer.landing is None or links_to(ctx.campaign, message, str(offer.landing)):
                return
            missing = _("a link to the offer's `landing` {url}, which shows the reference prices").format(
                url=quote(str(offer.landing)))
        else:
            missing = _("the reference price (the offer has none)")
        yield ctx.finding(
            self, stating,
            _("message `{message}` announces a reduction of the offer `{offer}` without {missing}").format(
                message=message.name, offer=offer.name, missing=missing),
        )


def _plain(money: Money) -> str:
    amount = money.amount.quantize(_CENT)
    text = f"{amount:f}".replace(".", ",").removesuffix(",00")
    return f"{text} €" if money.currency.upper() == "EUR" else f"{text} {money.currency}"

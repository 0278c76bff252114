"""What the offer rules of the consistency family share: the offer claims read
in the copy of every message that promotes an offer."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from campaignlint.language import memo

from ...model import Campaign, Message, Offer, Text
from .._format import local_time

if TYPE_CHECKING:  # pragma: no cover
    from ...language.offers import OfferClaim, OfferClaims


def reference_year(message: Message, campaign: Campaign) -> int | None:
    """The year a date written without one ("jusqu'au 31 mai") belongs to:
    the year of the message's `at`, else of the campaign's first day."""
    if message.at is not None:
        return local_time(message.at, campaign).year
    if campaign.period is not None:
        return campaign.period[0].year
    return None


def claims_in(text: Text, message: Message, campaign: Campaign) -> "OfferClaims":
    return _cached_claims(text.value, message.language, reference_year(message, campaign))


@memo.per_text(4096)
def _cached_claims(value: str, language: str, year: int | None) -> "OfferClaims":
    from ...language.offers import extract_offer_claims

    return extract_offer_claims(value, language, reference_year=year)


def promoting(campaign: Campaign) -> Iterator[tuple[Message, Offer]]:
    """Messages that name an offer defined in the campaign, with that offer."""
    for message in campaign.messages:
        if message.offer and message.offer in campaign.offers:
            yield message, campaign.offers[message.offer]


def claims_of(campaign: Campaign, kind: str) -> Iterator[tuple[Message, Offer, Text, "OfferClaim"]]:
    """Every claim of ``kind`` ("discounts", "codes", …) in the copy of messages promoting an offer."""
    for message, offer, text, claims in _promoted_claims(campaign):
        for claim in getattr(claims, kind):
            yield message, offer, text, claim


@memo.last_campaign
def _promoted_claims(campaign: Campaign) -> tuple[tuple[Message, Offer, Text, "OfferClaims"], ...]:
    """Each copy text of the messages promoting an offer, with its claims.

    M001, M002 and M004 read them of the same campaign one after the other: the last
    campaign's are kept (:func:`memo.last_campaign`), and each message's reference year is
    worked out once."""
    found = []
    for message, offer in promoting(campaign):
        year = reference_year(message, campaign)
        for text in message.copy_texts():
            found.append((message, offer, text, _cached_claims(text.value, message.language, year)))
    return tuple(found)


def is_reference_price(offer: Offer, claim: "OfferClaim") -> bool:
    """Does the copy state the offer's `reference price` here (v2, rules.md "Reference price")?"""
    reference = offer.reference_price
    if reference is None or isinstance(reference, str):
        return False
    value = claim.value
    amount = getattr(value, "amount", None)
    if amount is None and isinstance(value, tuple) and value:
        amount = value[0]
    try:
        return amount is not None and Decimal(amount) == reference.amount
    except (ArithmeticError, TypeError, ValueError):
        return False


def as_written(claim: "OfferClaim") -> str:
    """The claim as the copy writes it, to quote in a message."""
    return claim.text.strip()

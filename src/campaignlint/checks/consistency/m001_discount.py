"""M001 discount-mismatch: the discount stated in the copy against the offer's."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Message, Money, Percent, Text
from ...rule import Rule
from .._format import format_amount, format_percent
from ._shared import as_written, claims_of, is_reference_price

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...language.offers import OfferClaim


def _percent_text(value: Decimal) -> str:
    value = abs(Decimal(value))
    places = max(0, -value.normalize().as_tuple().exponent)
    return format_percent(value, places)


def _discount_key(value: Any) -> tuple[str, Decimal]:
    """A claim's or offer's discount as a comparable key: ("%", 20) or ("EUR", 10)."""
    if isinstance(value, Percent):
        return ("%", abs(value.value))
    if isinstance(value, Money):
        return (value.currency.upper(), abs(value.amount))
    if isinstance(value, tuple):
        amount, currency = value
        return (str(currency).upper(), abs(Decimal(amount)))
    return ("%", abs(Decimal(value)))


def _discount_text(key: tuple[str, Decimal]) -> str:
    unit, amount = key
    if unit == "%":
        return _percent_text(amount)
    return _("{amount} {unit} off").format(amount=format_amount(amount), unit=unit)


class DiscountMismatch(Rule):
    """The copy states a discount that differs from its offer's `discount`.

    Reads the discounts stated in the copy of every message that names an
    `offer` ("-25 %", "20 % de remise", "save $10", "10 € offerts") and
    compares each with the offer's `discount` (a percent with a percent, an
    amount with an amount in the same currency).  When the offer has no
    `discount`, the messages promoting it are compared with each other: the
    discount stated by the most messages (the first stated, on a tie) is the
    reference, and a message stating another one is reported.
    """

    code = "M001"
    name = "discount-mismatch"
    severity = Severity.ERROR
    why = (
        "A customer who reads -25 % on Instagram and finds -20 % at checkout feels "
        "misled, abandons the basket and tells others; in France, advertising a "
        "discount that is not applied is also a misleading commercial practice. "
        "Every channel must state the one offer the campaign actually runs."
    )
    example = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"La rentrée à -25 % avec le code RENTREE20\"\n}"
    )
    correction = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"La rentrée à -20 % avec le code RENTREE20\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        undeclared: dict[str, list[tuple[Message, Text, OfferClaim]]] = defaultdict(list)
        for message, offer, text, claim in claims_of(campaign, "discounts"):
            if is_reference_price(offer, claim):
                continue  # v2: « 27 € au lieu de 30 € » states the reference price, not a discount
            if offer.discount is None:
                undeclared[offer.name].append((message, text, claim))
                continue
            expected = _discount_key(offer.discount)
            if _discount_key(claim.value) != expected:
                yield ctx.finding(
                    self, text.span_of(claim.start, claim.end),
                    _("the copy says {as_written}, the offer `{offer}` says {discount_text}").format(
                        as_written=as_written(claim), offer=offer.name, discount_text=_discount_text(expected)),
                )
        for offer_name, stated in undeclared.items():
            yield from self._across_messages(ctx, offer_name, stated)

    def _across_messages(self, ctx, offer_name, stated) -> Iterator[Finding]:
        by_message: dict[str, list[tuple[Message, Text, OfferClaim]]] = {}
        for item in stated:
            by_message.setdefault(item[0].name, []).append(item)
        if len(by_message) < 2:
            return
        counts: Counter = Counter()
        first_seen: dict[tuple, int] = {}
        for items in by_message.values():
            for key in dict.fromkeys(_discount_key(c.value) for _, _, c in items):
                counts[key] += 1
                first_seen.setdefault(key, len(first_seen))
        reference = min(counts, key=lambda k: (-counts[k], first_seen[k]))
        ref_name, ref_items = next(
            (name, items) for name, items in by_message.items()
            if any(_discount_key(c.value) == reference for _, _, c in items)
        )
        accepted = {_discount_key(c.value) for _, _, c in ref_items}
        ref_claim = next(c for _, _, c in ref_items if _discount_key(c.value) == reference)
        for name, items in by_message.items():
            if name == ref_name:
                continue
            for _message, text, claim in items:
                if _discount_key(claim.value) not in accepted:
                    yield ctx.finding(
                        self, text.span_of(claim.start, claim.end),
                        _("the copy says {as_written}, message `{ref_name}` says {as_written2} for the same "
                          "offer `{offer_name}` (the offer states no `discount`)").format(
                            as_written=as_written(claim), ref_name=ref_name, as_written2=as_written(ref_claim),
                            offer_name=offer_name),
                    )

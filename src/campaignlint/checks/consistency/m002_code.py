"""M002 code-mismatch: the promo code given in the copy against the offer's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ._shared import claims_of

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class CodeMismatch(Rule):
    """The copy gives a promo code that differs from its offer's `code`.

    Reads the promo codes given in the copy of every message that names an
    `offer` ("code RENTREE25", "use code SPRING15") and compares each with the
    offer's `code`, ignoring case (checkouts accept codes in any case).
    """

    code = "M002"
    name = "code-mismatch"
    severity = Severity.ERROR
    why = (
        "A promo code that does not work at checkout is the surest way to lose a "
        "sale at the last step, and it floods customer service. A code is copied "
        "from channel to channel by hand: one typo, or last year's code, and a "
        "whole channel's traffic is wasted."
    )
    example = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"-20 % avec le code RENTREE25\"\n}"
    )
    correction = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"-20 % avec le code RENTREE20\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for _message, offer, text, claim in claims_of(ctx.campaign, "codes"):
            if not offer.code:
                continue
            if str(claim.value).strip().casefold() != offer.code.strip().casefold():
                yield ctx.finding(
                    self, text.span_of(claim.start, claim.end),
                    _("the copy gives the code {claim}, the offer `{offer}` has the code {code}").format(
                        claim=claim.value, offer=offer.name, code=offer.code),
                )

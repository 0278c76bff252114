"""M008 landing-page-mismatch: messages for one offer link to different pages."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext
from ...findings import Finding, Severity
from ...model import Message, Text
from ...rule import Rule
from ._shared import promoting

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


_WWW = re.compile(r"^(\w+://)www\.", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def landing_page(url: str) -> str:
    """The page a link lands on, as M008 compares them: :func:`page_of`
    (no query string, no fragment, no trailing slash) without a leading
    ``www.`` ("https://www.northwind.io/trial/?utm_source=x" →
    "https://northwind.io/trial"); memoised per URL (bounded): a campaign's links repeat."""
    from ...text.urls import page_of

    return _WWW.sub(r"\1", page_of(url))

class LandingPageMismatch(Rule):
    """Messages promoting the same offer link to different landing pages.

    A page is a link without its query string and fragment ("https://verdure.fr/printemps"),
    so links that differ only by tracking parameters go to the same page; a
    trailing `/` and a leading `www.` make no difference either.
    When the offer has a `landing`, every message promoting it must link to
    that page (among its links or its variants'); otherwise the page linked by
    the most messages (the first, on a tie) is the reference.  Messages without
    a link, and links that are not valid web addresses (U005), are skipped.
    """

    code = "M008"
    name = "landing-page-mismatch"
    severity = Severity.WARNING
    why = (
        "An offer has one landing page, built for it: the code already applied, "
        "the products in stock, the tracking in place. A message that sends its "
        "readers elsewhere loses them on a page that does not mention the offer, "
        "and splits the campaign's results across pages."
    )
    example = (
        "offer lancement { discount 15%; landing \"https://verdure.fr/printemps\" }\n\n"
        "message sms_relance {\n  channel sms\n  offer lancement\n"
        "  link \"https://verdure.fr/nouveautes?utm_source=sms&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )
    correction = (
        "offer lancement { discount 15%; landing \"https://verdure.fr/printemps\" }\n\n"
        "message sms_relance {\n  channel sms\n  offer lancement\n"
        "  link \"https://verdure.fr/printemps?utm_source=sms&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...text.urls import is_valid_http

        campaign = ctx.campaign
        by_offer: dict[str, list[tuple[Message, list[tuple[str, Text]]]]] = defaultdict(list)
        for message, offer in promoting(campaign):
            pages = [(landing_page(link.value), link) for link in message.all_links()
                     if is_valid_http(link.value.strip())]
            if pages:
                by_offer[offer.name].append((message, pages))
        for offer_name, items in by_offer.items():
            offer = campaign.offers[offer_name]
            landing = offer.landing.value.strip() if offer.landing is not None else ""
            if landing and is_valid_http(landing):
                reference = landing_page(landing)
                source = gettext("the offer `{offer}` lands on {page}").format(offer=offer_name, page=reference)
            else:
                if len(items) < 2:
                    continue
                counts: Counter = Counter()
                for _message, pages in items:
                    counts.update(dict.fromkeys((page for page, _ in pages), 1))
                order = {}
                for _message, pages in items:
                    for page, _ in pages:
                        order.setdefault(page, len(order))
                reference = min(counts, key=lambda p: (-counts[p], order[p]))
                first = next(m for m, pages in items if any(p == reference for p, _ in pages))
                source = gettext("message `{message}` links to {page} for the same offer `{offer}`").format(
                    message=first.name, page=reference, offer=offer_name)
            for message, pages in items:
                if any(page == reference for page, _ in pages):
                    continue
                page, link = pages[0]
                yield ctx.finding(
                    self, link.span,
                    gettext("message `{message}` links to {page}, {source}").format(
                        message=message.name, page=page, source=source),
                )

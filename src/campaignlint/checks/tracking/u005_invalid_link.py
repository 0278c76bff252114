"""U005 invalid-link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import pgettext
from ...findings import Finding, Severity
from ...rule import Rule
from ._shared import Link, campaign_links, link_span

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class InvalidLink(Rule):
    """A link is not a valid absolute http(s) web address.

    Checks messages' `link`s (and their variants'), URLs written with a scheme
    in copy, and offers' `landing`: the scheme (http or https), the host (a
    domain with its extension, or an IP address), the port, and no spaces.
    """

    code = "U005"
    name = "invalid-link"
    severity = Severity.ERROR
    why = (
        "A link without https://, with a space or a typo in the domain, opens "
        "nothing, or a search page, in many apps and email clients: every click "
        "the campaign paid for is lost."
    )
    example = "message email_1 {\n  channel email\n  link \"verdure.fr/soldes\"\n}"
    correction = "message email_1 {\n  channel email\n  link \"https://verdure.fr/soldes\"\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...text.urls import is_valid_http, is_valid_http_url

        campaign = ctx.campaign
        links: list[Link] = []
        for offer in campaign.offers.values():
            if offer.landing is not None:
                links.append(Link(offer.landing.value, offer.landing, 0, len(offer.landing.value), None, "landing"))
        links.extend(campaign_links(campaign))
        for link in links:
            if is_valid_http(link.url):
                continue  # memoised: the reason is worded only for the links reported
            reason = is_valid_http_url(link.url)[1]
            shown = link.url if link.url.strip() else pgettext("link", "(empty)")
            what = pgettext("link", "link") if link.field == "link" else (
                pgettext("link", "landing page") if link.field == "landing"
                else _("URL in the {field}").format(field=link.field))
            yield ctx.finding(
                self, link_span(link) if link.url else link.text.span,
                _("{what} “{shown}” is not a valid web address: {reason}").format(
                    what=what, shown=shown, reason=reason),
            )

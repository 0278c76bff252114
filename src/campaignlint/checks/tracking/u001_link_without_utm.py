"""U001 link-without-utm."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Applicability, Finding, Severity
from ...rule import Rule
from .._format import names
from ._shared import UTM_KEYS, expected_values, link_span, own_sites, rewrite, tracked_links

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class LinkWithoutUtm(Rule):
    """A link to the brand's own site lacks `utm_source`, `utm_medium` or `utm_campaign`.

    Own links go to the brand's `website` (or a subdomain) or to the domain of
    an offer's `landing`.  The fix adds the missing parameters: the channel's
    `utm_source` and `utm_medium` and the campaign's identifier; it is offered
    when every missing value is known.  A campaign with no website and no
    landing page has no own links to check.
    """

    code = "U001"
    name = "link-without-utm"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "Without UTM parameters, visits from an email or an Instagram story land "
        "in the analytics as direct traffic: the campaign cannot tell which "
        "channel brought the sales, and budget decisions are made blind. Tag every "
        "link to your own site with its source, medium and campaign."
    )
    example = (
        "campaign soldes_hiver {\n  brand verdure   # website \"verdure.fr\"\n\n"
        "  message email_1 {\n    channel email\n    link \"https://verdure.fr/soldes\"\n  }\n}"
    )
    correction = (
        "campaign soldes_hiver {\n  brand verdure   # website \"verdure.fr\"\n\n"
        "  message email_1 {\n    channel email\n"
        "    link \"https://verdure.fr/soldes?utm_source=newsletter&utm_medium=email&utm_campaign=soldes_hiver\""
        "\n  }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...text.urls import get_utm

        campaign = ctx.campaign
        if not own_sites(campaign):
            return
        for link in tracked_links(campaign, own_only=True):
            utm = get_utm(link.url)
            missing = [key for key in UTM_KEYS if not utm.get(key, "").strip()]
            if not missing:
                continue
            expected = expected_values(campaign, link.message)
            unknown = [key for key in missing if key not in expected]
            the_fix = None
            if not unknown:
                updates = {key: expected[key] for key in missing}
                the_fix = rewrite(ctx, link, updates, _("add {params}").format(
                    params=names(f"{k}={v}" for k, v in updates.items())))
            lacking = (", ".join(missing[:-1]) + pgettext("list", " or ") + missing[-1]) if len(missing) > 1 \
                else missing[0]
            message = _("{link} has no {lacking}: visits from it cannot be credited to the channel and the "
                        "campaign").format(link=link.describe(), lacking=lacking)
            if unknown:
                channel = link.message.channel if link.message is not None else None
                message += ngettext(" (channel `{channel}` declares no {keys} to add: set it in its `channel "
                                    "{channel}` block)",
                                    " (channel `{channel}` declares no {keys} to add: set them in its `channel "
                                    "{channel}` block)", len(unknown)).format(channel=channel, keys=names(unknown))
            yield ctx.finding(self, link_span(link), message, fix=the_fix)

"""U002 utm-source-mismatch and U003 utm-campaign-mismatch: a UTM value
that contradicts the channel's or the campaign's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Finding, Severity
from ...rule import Rule
from ._shared import expected_values, link_span, rewrite, tracked_links

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class UtmSourceMismatch(Rule):
    """A link's `utm_source` does not match its channel's.

    Compared with the `utm_source` of the message's channel profile (built-in
    profiles declare one: `newsletter` for email, `instagram`…), ignoring case
    and spaces (U004's business).  Checks links to the brand's own site, or
    every link when the campaign names no website and no landing page.  The
    fix sets the channel's value.
    """

    code = "U002"
    name = "utm-source-mismatch"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "A link copied from the email into the SMS keeps utm_source=newsletter: "
        "the SMS's sales are then credited to the newsletter, and the channel "
        "that worked looks useless. Each channel's links must name that channel."
    )
    example = (
        "message sms_relance {\n  channel sms\n"
        "  link \"https://verdure.fr/printemps?utm_source=newsletter&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )
    correction = (
        "message sms_relance {\n  channel sms\n"
        "  link \"https://verdure.fr/printemps?utm_source=sms&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...text.urls import get_utm, normalise_utm_value

        campaign = ctx.campaign
        for link in tracked_links(campaign, own_only=True):
            value = get_utm(link.url).get("utm_source", "")
            expected = expected_values(campaign, link.message).get("utm_source")
            if not value.strip() or expected is None or normalise_utm_value(value) == expected:
                continue
            yield ctx.finding(
                self, link_span(link),
                _("{describe} has utm_source={value}, but channel `{channel}` expects utm_source={expected}").format(
                    describe=link.describe(short=True), value=value, channel=link.message.channel,
                    expected=expected),
                fix=rewrite(ctx, link, {"utm_source": expected}, _("set utm_source={value}").format(value=expected)),
            )


class UtmCampaignMismatch(Rule):
    """A link's `utm_campaign` differs from the campaign's identifier.

    The identifier is the NAME after `campaign` (`campaign printemps_2027 {`),
    compared ignoring case and spaces (U004's business).  Checks links to the
    brand's own site, or every link when the campaign names no website and no
    landing page.  The fix sets the identifier.
    """

    code = "U003"
    name = "utm-campaign-mismatch"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "Analytics group visits and sales by utm_campaign: if the email says "
        "\"printemps\" and Instagram \"printemps_2027\", the campaign's results "
        "are split in two rows and neither tells the truth. All the links of a "
        "campaign must carry the same identifier."
    )
    example = (
        "campaign printemps_2027 {\n  message ig_bio {\n    channel instagram\n"
        "    link \"https://verdure.fr/printemps?utm_source=instagram&utm_medium=social&utm_campaign=printemps\""
        "\n  }\n}"
    )
    correction = (
        "campaign printemps_2027 {\n  message ig_bio {\n    channel instagram\n"
        "    link \"https://verdure.fr/printemps?utm_source=instagram&utm_medium=social"
        "&utm_campaign=printemps_2027\"\n  }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...text.urls import get_utm, normalise_utm_value

        campaign = ctx.campaign
        expected = normalise_utm_value(campaign.name)
        for link in tracked_links(campaign, own_only=True):
            value = get_utm(link.url).get("utm_campaign", "")
            if not value.strip() or normalise_utm_value(value) == expected:
                continue
            yield ctx.finding(
                self, link_span(link),
                _("{describe} has utm_campaign={value}, but the campaign's identifier is {expected}").format(
                    describe=link.describe(short=True), value=value, expected=expected),
                fix=rewrite(ctx, link, {"utm_campaign": expected},
                            _("set utm_campaign={value}").format(value=expected)),
                
            )

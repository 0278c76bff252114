"""R001, R002: how many headlines and descriptions a responsive search ad has."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...findings import Finding, Severity
from ...i18n import ngettext
from ...rule import Rule
from ._common import PACK, ads, data

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

SOURCE = "Google Ads Help, \"About responsive search ads\": 3 to 15 headlines and 2 to 4 descriptions per ad"


class TooFewHeadlines(Rule):
    """A responsive search ad (a `google_ads` message) has fewer than 3 headlines.

    Each `headline` line is one headline asset; the message's own are counted
    (a variant is another ad with the same count).  The maximum, 15, is C001's
    (`max headlines` of the channel).
    """

    code = "R001"
    name = "too-few-headlines"
    severity = Severity.ERROR
    pack = PACK
    source = SOURCE
    why = (
        "Google Ads refuses to publish a responsive search ad with fewer than 3 headlines "
        "(Google Ads Help, \"About responsive search ads\"). And the more headlines it can "
        "combine, the more searches the ad matches: 8 to 10 distinct ones is Google's advice."
    )
    example = ('message ads_noel {\n  channel google_ads\n  headline "Paniers de Noël garnis"\n'
               '  headline "Livraison en 48 heures"\n  description "Des paniers préparés par nos épiciers."\n'
               '  description "Chocolats, nougat et clémentines."\n  link "https://bazar.example/noel"\n}')
    correction = example.replace('  headline "Livraison en 48 heures"\n',
                                 '  headline "Livraison en 48 heures"\n  headline "Composés par nos épiciers"\n')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        minimum = data()["counts"]["min_headlines"]
        for message in ads(ctx.campaign):
            count = sum(1 for t in message.texts if t.field == "headline")
            if count < minimum:
                yield ctx.finding(
                    self, message,
                    ngettext("ad `{message}` has {count} headline; Google Ads needs at least {minimum}: add "
                             "{missing} more (up to 15, all different)",
                             "ad `{message}` has {count} headlines; Google Ads needs at least {minimum}: add "
                             "{missing} more (up to 15, all different)", count).format(
                        message=message.name, count=count, minimum=minimum, missing=minimum - count),
                )


class DescriptionCount(Rule):
    """A responsive search ad has fewer than 2 or more than 4 descriptions."""

    code = "R002"
    name = "description-count"
    severity = Severity.ERROR
    pack = PACK
    source = SOURCE
    why = (
        "Google Ads requires 2 to 4 descriptions per responsive search ad (Google Ads Help, "
        "\"About responsive search ads\"): with one the ad is refused, a fifth cannot be entered."
    )
    example = ('message ads_noel {\n  channel google_ads\n  headline "Paniers de Noël garnis"\n'
               '  headline "Livraison en 48 heures"\n  headline "Composés par nos épiciers"\n'
               '  description "Des paniers préparés par nos épiciers."\n  link "https://bazar.example/noel"\n}')
    correction = example.replace('  link', '  description "Chocolats, nougat et clémentines."\n  link')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        counts = data()["counts"]
        low, high = counts["min_descriptions"], counts["max_descriptions"]
        for message in ads(ctx.campaign):
            count = sum(1 for t in message.texts if t.field == "description")
            if count < low:
                yield ctx.finding(
                    self, message,
                    ngettext("ad `{message}` has {count} description; Google Ads needs {low} to {high}: add "
                             "{missing}",
                             "ad `{message}` has {count} descriptions; Google Ads needs {low} to {high}: add "
                             "{missing}", count).format(message=message.name, count=count, low=low, high=high,
                                                        missing=low - count),
                )
            elif count > high:
                yield ctx.finding(
                    self, message,
                    ngettext("ad `{message}` has {count} description; Google Ads takes at most {high}: remove "
                             "{extra}",
                             "ad `{message}` has {count} descriptions; Google Ads takes at most {high}: remove "
                             "{extra}", count).format(message=message.name, count=count, high=high,
                                                      extra=count - high),
                )

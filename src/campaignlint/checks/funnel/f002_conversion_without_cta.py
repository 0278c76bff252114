"""F002 conversion-without-cta, and the campaign's conversion stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Campaign
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def conversion_stage(campaign: Campaign) -> str:
    """The stage whose messages need a `cta` and a `link` (see the funnel package docstring)."""
    from ...language.taxonomy import last_stage

    try:
        stage = last_stage(list(campaign.funnel))
    except Exception:  # pragma: no cover - taxonomy data missing or malformed
        stage = None
    if stage is None or stage not in campaign.funnel:
        return campaign.funnel[-1]
    return stage


class ConversionWithoutCta(Rule):
    """A message of the conversion stage has no `cta` or no `link`.

    The conversion stage is `conversion` in the default funnel, `action` in
    AIDA, and in a custom funnel the stage that stands for conversion, or its
    last stage.  Fields set only by an A/B variant do not count: the message
    itself goes out without them.
    """

    code = "F002"
    name = "conversion-without-cta"
    severity = Severity.WARNING
    why = (
        "At the moment of decision the message must make acting effortless: one "
        "clear call to action and the page where it happens. A conversion message "
        "without either leaves the reader to find the way alone, and most will not."
    )
    example = (
        "message email_1 {\n  channel email\n  stage conversion\n"
        "  subject \"Dernier jour des soldes\"\n}"
    )
    correction = (
        "message email_1 {\n  channel email\n  stage conversion\n"
        "  subject \"Dernier jour des soldes\"\n  cta \"J'en profite\"\n"
        "  link \"https://verdure.fr/soldes\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        stage = conversion_stage(campaign)
        for message in campaign.messages:
            if message.stage != stage:
                continue
            missing = [f"`{field}`" for field in ("cta", "link") if not message.has(field)]
            if missing:
                yield ctx.finding(
                    self, message,
                    _("message `{message}` is at the `{stage}` stage but has no {missing}: tell people what "
                      "to do and where to do it").format(
                        message=message.name, stage=stage, missing=_(" and no ").join(missing)),
                )

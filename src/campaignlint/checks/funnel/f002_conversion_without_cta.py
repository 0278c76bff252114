"""F002 conversion-without-cta, and the campaign's conversion stage."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Campaign
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def conversion_stage(campaign: Campaign) -> str:
    """The stage whose messages need a `cta` and a `link` (see the funnel package docstring)."""
    from ...language.kpis_and_stages import last_stage

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

    A channel whose profile says `cta inline` has no call-to-action field
    (Google Ads search, SMS: ``rules/channels.camp``): there a `link`, a link
    in the text ("verdure.fr/soldes") or a phone number ("01 23 45 67 89",
    "+33 …") is the call to action, and only a message with none of them is
    reported.  `cta field` (the default) asks for both `cta` and `link`.
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
            profile = campaign.channel_profile(message.channel)
            if profile is not None and profile.cta == "inline":
                # no call-to-action field: a link (the `link`, or one in the text) or a phone number is it
                if message.has("link") or message.has("cta") or _inline_action(message):
                    continue
                yield ctx.finding(
                    self, message,
                    _("message `{message}` is at the `{stage}` stage but has no `link` and no link or phone "
                      "number in its text ({channel} has no call-to-action field: the link or the number "
                      "is the call to action)").format(message=message.name, stage=stage, channel=profile.name),
                )
                continue
            missing = [f"`{field}`" for field in ("cta", "link") if not message.has(field)]
            if missing:
                yield ctx.finding(
                    self, message,
                    _("message `{message}` is at the `{stage}` stage but has no {missing}: tell people what "
                      "to do and where to do it").format(
                        message=message.name, stage=stage, missing=_(" and no ").join(missing)),
                )


# "01 23 45 67 89", "01.23.45.67.89", "+33 1 23 45 67 89", "(555) 123-4567", "+1 555 123 4567", "0800 123 456"
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(?0?\d{1,4}\)?[ .-]?)(?:\d{2,4}[ .-]?){2,4}\d{2,4}(?!\w)"
)


def _inline_action(message) -> bool:
    """A link (URL or bare domain) or a phone number in the message's own copy."""
    from ...text.extract import extract_urls

    for text in message.texts:
        if extract_urls(text.value) or "tel:" in text.value:
            return True
        for match in _PHONE.finditer(text.value):
            if sum(ch.isdigit() for ch in match.group()) >= 9:
                return True
    return False

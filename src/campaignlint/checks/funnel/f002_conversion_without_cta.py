"""F002 conversion-without-cta, and the campaign's conversion stage."""

from __future__ import annotations

import functools
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
    return _conversion_stage(tuple(campaign.funnel))


@functools.lru_cache(maxsize=256)
def _conversion_stage(funnel: tuple[str, ...]) -> str:
    """:func:`conversion_stage` of a funnel, memoised: it depends on the stages alone, and projects share funnels."""
    from ...language.kpis_and_stages import last_stage

    try:
        stage = last_stage(list(funnel))
    except Exception:  # pragma: no cover - taxonomy data missing or malformed
        stage = None
    if stage is None or stage not in funnel:
        return funnel[-1]
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


# A word that is certainly a URL for twitter-text (see :func:`_surely_a_url`): after a space or at the
# start, a short ASCII label, a dot, a common top-level domain, then an optional short path, then a
# space or the end.
_SURE_URL = re.compile(
    r"(?<!\S)[a-zA-Z0-9]{1,63}\.(?:com|fr|io|net|org|de|es|it|nl|be|ch|eu)(?:/\S{0,200})?(?!\S)"
)


def _surely_a_url(text: str) -> bool:
    """``bool(extract_urls(text))`` when this says ``True``: proved without twitter-text (a costly import).

    twitter-text matches a URL after any character but a letter, a digit, ``@ $ #``
    (and three non-characters); a word matched by :data:`_SURE_URL` follows a
    space or the start, and no URL crosses a space, so the search reaching that
    space finds one starting there: its domain is the word's ``label.tld`` (both
    top-level-domain lists hold these, followed here by ``/``, a space or the
    end), an ASCII domain the IDNA codec encodes (a label of at most 63
    characters), with no protocol and not after ``- _ . /``; the URL (no longer
    than the word) stays under 4,096 characters.  ``False`` says nothing.
    ``tests/test_f002_shortcut.py`` checks it against twitter-text.
    """
    return _SURE_URL.search(text) is not None


def _inline_action(message) -> bool:
    """A link (URL or bare domain) or a phone number in the message's own copy."""
    from ...text.extract import extract_urls

    for text in message.texts:
        if "tel:" in text.value or _surely_a_url(text.value) or extract_urls(text.value):
            return True
        for match in _PHONE.finditer(text.value):
            if sum(ch.isdigit() for ch in match.group()) >= 9:
                return True
    return False

"""A001, A002, A009: the alternative text of images."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Finding, Severity
from ...resources import load_toml
from ...rule import Rule, fix
from ...text.wording import fold
from ._shared import kind_name, message_assets, spec_for

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

_FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|heic|tiff?|bmp|mp4|mov)$", re.I)
_DECORATIVE_OK = ("email", "web")


def _leading(language: str) -> list[str]:
    try:
        phrases = load_toml(language, "assets.toml").get("leading", [])
    except FileNotFoundError:
        phrases = []
    return sorted(phrases, key=len, reverse=True)


class MissingAltText(Rule):
    """An `image` or `thumbnail` has no `alt` (or `alt ""` on a social or ads channel).

    `alt ""` declares a decorative image (WCAG's null alt), accepted on
    `email` and `web` channels only: on social and ads channels the image is
    the content.
    """

    code = "A001"
    name = "missing-alt-text"
    severity = Severity.WARNING
    why = (
        "WCAG 2.2 success criterion 1.1.1 (Non-text content, level A): screen-reader users hear "
        "« image » or a file name, and email clients that block images show the alt text in its place."
    )
    example = "image \"visuels/panier.jpg\" { ratio 4:5 }"
    correction = "image \"visuels/panier.jpg\" {\n  alt \"Panier garni de chocolats et de clémentines\"\n  ratio 4:5\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, asset in message_assets(campaign):
            if asset.kind == "video":
                continue
            profile = campaign.channel_profile(message.channel)
            if asset.alt is None:
                yield ctx.finding(self, asset, _("{asset} `{path}` of `{message}` has no `alt`: describe what it "
                                                 "shows").format(asset=kind_name(asset.kind), path=asset.path.value,
                                                                 message=message.name))
            elif not asset.alt.value.strip() and profile is not None and profile.kind not in _DECORATIVE_OK:
                yield ctx.finding(self, asset.where("alt"), _("`alt \"\"` marks a decorative image, but on {channel} "
                                                              "the image is the content: describe what it shows")
                                  .format(channel=message.channel))


class PoorAltText(Rule):
    """The alt text starts with a phrase the screen reader already says, is a file name, or repeats the body.

    Leading phrases are per language in `rules/<lang>/assets.toml` (« image
    de », "photo of"…); repeating means contained in the body, or similar to
    it above `copy-similarity`.
    """

    code = "A002"
    name = "poor-alt-text"
    severity = Severity.WARNING
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "A screen reader already announces « image »: « Image de notre panier » makes the listener "
        "hear it twice; a file name or the caption repeated says nothing of what the image shows."
    )
    example = "image \"panier.jpg\" { alt \"Image de notre panier garni\" }"
    correction = "image \"panier.jpg\" { alt \"Panier garni de chocolats et de clémentines\" }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, asset in message_assets(campaign):
            alt = asset.alt
            if alt is None or not alt.value.strip():
                continue
            text = alt.value.strip()
            lowered = fold(text)
            for phrase in _leading(message.language):
                key = fold(phrase)
                if lowered.startswith(key) and (len(lowered) == len(key) or not lowered[len(key)].isalnum()
                                                or key.endswith("'")):
                    rest = text[len(phrase):].lstrip(" :-–")
                    repair = None
                    if rest and alt.verbatim:
                        new = rest[0].upper() + rest[1:]
                        repair = fix(Applicability.UNSAFE, [ctx.replace(alt.span_of(0, len(alt.value)), new)],
                                     _("start the alt text with « {text} »").format(text=new[:30]))
                    yield ctx.finding(self, asset.where("alt"), _("the alt text starts with « {text} », which the "
                                                                  "screen reader already says: describe what the "
                                                                  "image shows").format(text=text[:len(phrase)]),
                                      repair)
                    break
            else:
                if _FILE_NAME.match(text):
                    yield ctx.finding(self, asset.where("alt"), _("the alt text « {text} » is a file name: "
                                                                  "describe what the image shows").format(text=text))
                    continue
                body = message.text("body")
                if body is not None and self._repeats(ctx, text, body.value):
                    yield ctx.finding(self, asset.where("alt"), _("the alt text repeats the body: describe what "
                                                                  "the image shows instead"))

    @staticmethod
    def _repeats(ctx, alt: str, body: str) -> bool:
        a, b = fold(" ".join(alt.split())), fold(" ".join(body.split()))
        if len(a) >= 12 and a in b:
            return True
        try:
            threshold = float(ctx.setting("copy-similarity"))
        except KeyError:
            threshold = 0.9
        return difflib.SequenceMatcher(None, a, b).ratio() >= threshold


class AltTextTooLong(Rule):
    """The alt text is longer than the placement's `max alt`."""

    code = "A009"
    name = "alt-text-too-long"
    severity = Severity.WARNING
    why = "The platform cuts a longer alt text: the end of the description is lost to screen-reader users."
    example = "channel instagram { asset image { max alt 100 } }"
    correction = "image \"panier.jpg\" { alt \"Panier en osier de chocolats, clémentines et nougat\" }"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, asset in message_assets(campaign):
            spec = spec_for(campaign, message, asset)
            if asset.alt is None or spec is None or spec.max_alt is None:
                continue
            length = len(asset.alt.value)
            if length > spec.max_alt:
                yield ctx.finding(self, asset.where("alt"), _("the alt text is {length} characters; {channel} keeps "
                                                              "{limit}").format(length=length, channel=message.channel,
                                                                                limit=spec.max_alt))

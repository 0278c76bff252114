"""W003: copy that asserts or implies a personal attribute of the reader (Meta ads)."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import N_
from ...findings import Finding, Severity
from ...rule import Rule
from .._packs import field_label, fold_keep, language_data, quote

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

PACK = "meta"
CHANNELS = ("meta_ads",)
#: the attribute labels of ``rules/<lang>/meta.toml``, for the message extraction (translated where shown)
_LABELS = (N_("age"), N_("criminal record"), N_("disability"), N_("financial status"), N_("gender identity"),
           N_("health or weight"), N_("race or ethnicity"), N_("religion"), N_("sexual orientation"),
           N_("trade-union membership"))


@functools.cache
def _patterns(language: str) -> tuple[tuple[str, re.Pattern], ...]:
    data = language_data(language, "meta.toml").get("attributes", {})
    return tuple((table["label"], re.compile(p, re.IGNORECASE))
                 for table in data.values() for p in table["patterns"])


class PersonalAttributeAssertion(Rule):
    """The copy of a Meta ad asserts or implies a personal attribute of the reader.

    Health and weight, financial status, race or ethnicity, religion, sexual
    orientation, gender identity, disability, age, criminal record,
    trade-union membership: « Vous êtes endetté ? », "Are you overweight?",
    "Meet other Christians near you".  The patterns, per attribute, are in
    ``rules/<lang>/meta.toml`` (regular expressions on the copy without case or
    accents); every text field of `meta_ads` messages is read.
    """

    code = "W003"
    name = "personal-attribute-assertion"
    severity = Severity.ERROR
    pack = PACK
    source = "Meta Advertising Standards, \"Personal attributes\""
    why = (
        "Meta rejects ads that assert or imply the reader's personal attributes (\"Are you in "
        "debt?\"): the ad does not run, and repeated rejections restrict the ad account. Talk about "
        "the product (\"Un plan pour gérer votre budget\"), not about the person."
    )
    example = 'message meta_pub {\n  channel meta_ads\n  body "Vous êtes endetté ? Nos conseillers vous aident."\n}'
    correction = ('message meta_pub {\n  channel meta_ads\n'
                  '  body "Un plan pour gérer votre budget, avec nos conseillers."\n}')

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message in ctx.campaign.messages:
            if message.channel not in CHANNELS:
                continue
            patterns = _patterns(message.language)
            for text in message.copy_texts():
                folded = fold_keep(text.value)
                for label, pattern in patterns:
                    for m in pattern.finditer(folded):
                        piece = text.value[m.start():m.end()]
                        yield ctx.finding(
                            self, text.span_of(m.start(), m.end()),
                            _("{label} of ad `{message}` asserts the reader's {attribute}: {text}; Meta refuses "
                              "it: speak of the product, not of the person").format(
                                label=field_label(message, text), message=message.name, attribute=_(label),
                                text=quote(piece)),
                        )

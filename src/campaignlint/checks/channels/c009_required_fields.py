"""C009 missing-required-field, with the unsubscribe mention `require unsubscribe` asks for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import ChannelProfile, Message
from ...resources import load_toml, rules_path
from ...rule import Rule
from ...text.wording import fold
from ._shared import profiled_messages, versions

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MissingRequiredField(Rule):
    """A field the channel `require`s is missing.

    `require subject` on e-mail, `require headline, description, link` on Google
    Ads…: the message must carry each listed text field (`link` means at least
    one `link`).  Variants inherit their message's fields, so the message
    itself is checked.  `require unsubscribe` means the body must tell readers
    how to unsubscribe ("Se désabonner", "unsubscribe"…: the phrases are in
    `rules/<language>/channels.toml`, matched without case or accents); it is
    checked on the message and on each variant that rewrites the body.
    `require opt_out` is rule C010.
    """

    code = "C009"
    name = "missing-required-field"
    severity = Severity.ERROR
    why = (
        "Each platform needs its pieces: an e-mail without a subject lands as "
        "\"(no subject)\" and is opened by nobody, a search ad without a link has "
        "nowhere to send the click. And a marketing e-mail must tell readers how "
        "to unsubscribe (the law in France, the EU and the US)."
    )
    example = (
        "channel email\n\n"
        "message newsletter {\n  channel email\n"
        "  body \"Bonjour, découvrez notre collection de printemps.\"\n}"
    )
    correction = (
        "channel email\n\n"
        "message newsletter {\n  channel email\n"
        "  subject \"Notre collection de printemps est arrivée\"\n"
        "  body \"Bonjour, découvrez notre collection de printemps.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in profiled_messages(ctx.campaign):
            for required in profile.require:
                if required in ("opt_out", "unsubscribe"):
                    continue
                if message.has(required):
                    continue
                what = _("`link` (where the click leads)") if required == "link" else f"`{required}`"
                yield ctx.finding(
                    self, message,
                    _("message `{message}` has no {what}, which {profile} requires").format(
                        message=message.name, what=what, profile=profile.name),
                )
            if "unsubscribe" in profile.require:
                yield from self._unsubscribe(ctx, message, profile)

    def _unsubscribe(self, ctx, message: Message, profile: ChannelProfile) -> Iterator[Finding]:
        data = _unsubscribe_data(message.language)
        for version in versions(message):
            body = version.body()
            if version.variant is not None and not any(t.field == "body" for t in version.variant.texts):
                continue
            if body is not None and _mentions_unsubscribe(body.value, data["patterns"]):
                continue
            at = body.span if body is not None else message.span
            where = pgettext("field", "body") if body is not None else _("message (it has no body)")
            yield ctx.finding(
                self, at,
                _("the {where} of {label} never tells readers how to unsubscribe, which {profile} requires: "
                  'add a line such as "{data}"').format(
                    where=where, label=version.label, profile=profile.name, data=data['example']),
            )


_UNSUBSCRIBE_CACHE: dict[str, dict] = {}


def _unsubscribe_data(language: str) -> dict:
    """The unsubscribe phrases of ``language`` (English when it has no list), compiled."""
    if language not in _UNSUBSCRIBE_CACHE:
        chosen = language if rules_path(language, "channels.toml").is_file() else "en"
        section = load_toml(chosen, "channels.toml")["unsubscribe"]
        patterns = []
        for phrase in section["phrases"]:
            words = [re.escape(w) for w in re.split(r"[\s\-]+", fold(phrase).strip()) if w]
            patterns.append(re.compile(r"(?<![^\W_])" + r"[\s\-]+".join(words)))
        _UNSUBSCRIBE_CACHE[language] = {"patterns": patterns, "example": section["example"]}
    return _UNSUBSCRIBE_CACHE[language]


def _mentions_unsubscribe(text: str, patterns: list[re.Pattern]) -> bool:
    folded = fold(text)
    return any(p.search(folded) for p in patterns)

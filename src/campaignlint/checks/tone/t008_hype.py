"""T008 hype-word: unsubstantiated superlatives and hype words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ._shared import field_label, inside_accepted

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class HypeWords(Rule):
    """Unsubstantiated superlatives and hype words ("le meilleur", "révolutionnaire", "best ever").

    The words come from ``rules/<lang>/hype.txt`` and match their inflected
    forms ("la meilleure", "révolutionnaires"); hashtags and URLs are not
    searched.  A plain superlative ("le meilleur", "the best") is reported only
    when it compares the brand with others: a comparison scope after it ("the
    best in town", « le meilleur café de Paris », "for finance teams"), a price
    or deal noun (« le meilleur prix », "the best deals") or nothing after it
    ("Simply the best!").  The brand ranking its own offer ("the best beginner
    slopes", "the best seats in our hall") is not a claim against anyone
    (``rules/<lang>/superlatives.toml``; see
    :mod:`campaignlint.language.superlatives`).  A word inside a name the voice
    accepts (`accept "Magic Keyboard"`) is not hype.  Information only: a
    superlative backed by a figure or a source in the same copy is fine, but
    the linter cannot tell.
    """

    code = "T008"
    name = "hype-word"
    severity = Severity.INFO
    needs_nlp = True
    why = (
        "Superlatives nobody can check (« le meilleur prix du web », « révolutionnaire ») "
        "make readers discount the whole message, and in France an unproven "
        "comparative claim can be a misleading commercial practice. A concrete fact "
        "(« lavable à 30 °C, garanti deux ans ») persuades better."
    )
    example = (
        'message ig_post {\n  channel instagram\n  language fr\n'
        '  body "La veste la plus révolutionnaire de la saison."\n}'
    )
    correction = (
        'message ig_post {\n  channel instagram\n  language fr\n'
        '  body "Une veste déperlante qui sèche en deux heures."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...language.superlatives import compares_with_others, is_plain_superlative
        from ...language.terms import find_hype

        voice = ctx.campaign.voice
        accepted = voice.accept if voice is not None else []
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                for match in find_hype(text.value, message.language, nlp=ctx.nlp):
                    if is_plain_superlative(match.term, message.language) and not compares_with_others(
                            text.value, match.end, message.language):
                        continue  # the brand ranks its own offer: "the best beginner slopes"
                    if inside_accepted(text.value, match.start, match.end, accepted):
                        continue  # part of a name the voice accepts ("Magic Keyboard")
                    yield ctx.finding(
                        self, text.span_of(match.start, match.end),
                        _("{field_label} of message `{message}` says « {matched} », a claim nobody can "
                          "check: back it with a fact (a figure, a test, a source) or say what is concretely "
                          "better").format(
                            field_label=field_label(message, text), message=message.name,
                            matched=match.matched),
                    )


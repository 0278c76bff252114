"""T001 mixed-address and T002 address-differs-from-voice: tu and vous (French)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from ...i18n import pgettext
from ...i18n import ngettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Message, TextField
from ...rule import Rule
from ._shared import language_root

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...language.address import Marker
    from ...source import Span


def _line(ctx: "CampaignContext", span: Span) -> int | None:
    source = ctx.source(span.path)
    if source is None:
        return None
    return source.position(span.start)[0]


def _versions(message: Message) -> list[tuple[str | None, list[TextField]]]:
    """What a reader receives: the message's own fields, then each variant's
    fields over the message's (a variant replaces the fields it sets)."""
    out: list[tuple[str | None, list[TextField]]] = [(None, list(message.texts))]
    for variant in message.variants:
        replaced = {t.field for t in variant.texts}
        texts = [t for t in message.texts if t.field not in replaced] + list(variant.texts)
        out.append((variant.name, texts))
    return out


_PRONOUN = {"formal": "vous", "informal": "tu"}


def _address_names() -> tuple[str, ...]:  # pragma: no cover - read by the message extraction only
    """The voice's `address` as messages say it: ``pgettext("address", address)`` (« en le vouvoyant »…)."""
    return pgettext("address", "formal"), pgettext("address", "informal")


def _detector():
    """``address.detect_address``, imported when a rule first runs (not when the registry loads the rules)."""
    from ...language.address import detect_address

    return detect_address


def _markers(message: Message, texts: Iterable[TextField], nlp=None,
             needed: tuple[str, ...] = (), detect_address=None) -> dict[str, list[tuple[Span, "Marker"]]]:
    """The formal and informal markers of ``texts``, with their source spans, in source order.

    ``needed``: kinds the caller reports only when present — when one has no
    marker at all, no span is worked out and both lists are empty.  ``detect_address``:
    :func:`_detector`'s, when the caller has it (one import per campaign, not per message)."""
    detect_address = detect_address or _detector()
    found: dict[str, list[tuple[Span, Marker]]] = {"formal": [], "informal": []}
    # one fact of each text, shared with T009 (and any rule asking for the address)
    results = [(text, nlp.fact("address", text.value, message.language, detect_address) if nlp
                else detect_address(text.value, message.language)) for text in texts]
    if any(not any(getattr(result, kind) for _text, result in results) for kind in needed):
        return found
    for text, result in results:
        for kind, markers in (("formal", result.formal), ("informal", result.informal)):
            for marker in markers:
                found[kind].append((text.span_of(marker.start, marker.end), marker))
    for kind in found:
        found[kind].sort(key=lambda item: (item[0].path, item[0].start))
    return found


def _describe_marker(ctx: "CampaignContext", kind: str, span: Span, marker: "Marker") -> str:
    line = _line(ctx, span)
    where = _("line {line}").format(line=line) if line is not None else ""
    if marker.text.lower() == _PRONOUN[kind]:
        return where
    return f"« {marker.text} », {where}" if where else f"« {marker.text} »"


class MixedAddress(Rule):
    """One message mixes the informal and the formal address (tu and vous).

    All the text fields of a message are read together: a subject in *vous*
    and a body in *tu* is a mix too.  An A/B variant is read as the reader
    receives it (its own fields over the message's).  The finding points at
    the first marker of the less used address (a pronoun, a possessive, an
    imperative such as « Profite » or « Découvrez »).  French only: English has
    no tu/vous distinction.  Words inside hashtags, URLs and promo codes never
    count.
    """

    code = "T001"
    name = "mixed-address"
    severity = Severity.ERROR
    why = (
        "Tutoiement and vouvoiement set the relationship with the reader; switching "
        "between them inside one message reads as a copy-paste from two briefs and "
        "damages trust. French style guides ask brands to choose one address per "
        "audience and keep it in every text of a message, subject line included."
    )
    example = (
        'message email_rentree {\n  channel email\n  language fr\n'
        '  subject "Vous cherchez un cartable ?"\n'
        '  body "Profite de -20 % sur toute la papeterie avec le code RENTREE20."\n}'
    )
    correction = (
        'message email_rentree {\n  channel email\n  language fr\n'
        '  subject "Vous cherchez un cartable ?"\n'
        '  body "Profitez de -20 % sur toute la papeterie avec le code RENTREE20."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        wanted = voice.address if voice and voice.address in ("formal", "informal") else None
        detect = _detector()
        for message in ctx.campaign.messages:
            if language_root(message.language) != "fr":
                continue
            base_mixed = False
            for variant, texts in _versions(message):
                if variant is not None and base_mixed:
                    break  # already reported on the message itself
                found = _markers(message, texts, ctx.nlp, ("formal", "informal"), detect)
                if not (found["formal"] and found["informal"]):
                    continue
                if variant is None:
                    base_mixed = True
                minority = self._minority(found, wanted)
                majority = "formal" if minority == "informal" else "informal"
                m_span, m_marker = found[minority][0]
                j_span, j_marker = found[majority][0]
                where = _("message `{message}`").format(message=message.name) + (
                    _(" (variant {variant})").format(variant=variant) if variant else "")
                yield ctx.finding(
                    self, m_span,
                    _("{where} mixes « {pronoun} » ({describe_marker}) and « {pronoun2} » "
                      "({describe_marker2}): address the reader one way throughout ({plural}, {plural2})").format(
                        where=where, pronoun=_PRONOUN[majority],
                        describe_marker=_describe_marker(ctx, majority, j_span, j_marker),
                        pronoun2=_PRONOUN[minority],
                        describe_marker2=_describe_marker(ctx, minority, m_span, m_marker),
                        plural=ngettext("{count} formal marker", "{count} formal markers",
                                        len(found["formal"])).format(count=len(found["formal"])),
                        plural2=ngettext("{count} informal marker", "{count} informal markers",
                                         len(found["informal"])).format(count=len(found["informal"]))),
                )

    @staticmethod
    def _minority(found: dict, wanted: str | None) -> str:
        n_formal, n_informal = len(found["formal"]), len(found["informal"])
        if n_formal != n_informal:
            return "formal" if n_formal < n_informal else "informal"
        if wanted is not None:  # a tie: the address the voice does not want
            return "formal" if wanted == "informal" else "informal"
        # a tie: the address that appears last
        return "formal" if found["formal"][0][0].start > found["informal"][0][0].start else "informal"


class AddressDiffersFromVoice(Rule):
    """The message's address differs from the voice's `address`.

    With `address formal` no *tu* may appear (and no *vous* with `address
    informal`); `address any`, or no `address`, never fires.  The finding
    points at the first marker of the wrong address in the message (all its
    fields and variants) and says how many there are.  A message that mixes
    both addresses gets this finding too (besides T001): it tells which of the
    two to keep.  French only.
    """

    code = "T002"
    name = "address-differs-from-voice"
    severity = Severity.WARNING
    why = (
        "Whether a brand says tu or vous is a positioning choice made once, in the "
        "style guide: a premium or institutional brand that suddenly says tu, or a "
        "young brand that switches to vous on one channel, sounds like another brand. "
        "Keeping the address of the voice everywhere is part of a consistent "
        "multichannel identity."
    )
    example = (
        'voice { address formal }\n\nmessage ig_teaser {\n  channel instagram\n  language fr\n'
        '  body "Découvre notre collection en lin, tissée au Portugal."\n}'
    )
    correction = (
        'voice { address formal }\n\nmessage ig_teaser {\n  channel instagram\n  language fr\n'
        '  body "Découvrez notre collection en lin, tissée au Portugal."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        if voice is None or voice.address not in ("formal", "informal"):
            return
        wrong = "informal" if voice.address == "formal" else "formal"
        detect = _detector()
        for message in ctx.campaign.messages:
            if language_root(message.language) != "fr":
                continue
            found = _markers(message, message.copy_texts(), ctx.nlp, (wrong,), detect)
            if not found[wrong]:
                continue
            span, marker = found[wrong][0]
            n = len(found[wrong])
            also = ngettext("; {count} place in all", "; {count} places in all", n).format(count=n) if n > 1 else ""
            yield ctx.finding(
                self, span,
                _("message `{message}` says « {pronoun} » (« {marker} »{also}) but the voice's address is "
                  "{address}: write « {pronoun2} »").format(
                    message=message.name, pronoun=_PRONOUN[wrong], marker=marker.text, also=also,
                    address=pgettext("address", voice.address), pronoun2=_PRONOUN[voice.address]),
            )

"""T003 avoided-term: the voice's `avoid` and `prefer … over` terms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Finding, Severity
from ...rule import Rule, fix
from ._shared import field_label, inside_accepted

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class AvoidedTerm(Rule):
    """A term the voice `avoid`s, or an old term the voice `prefer`s another one `over`.

    Terms match their inflected forms (plural, feminine, conjugated: "écolos"
    matches "écolo") and across an elision ("d'industriel"), on whole words,
    case-insensitively; hashtags and URLs are not searched.  A word inside an
    occurrence of the preferred term itself is left alone.

    Fix: replace a `prefer … over` match with the preferred term, keeping its
    capitalisation ("Écolo" → "Éco-responsable").  Safe when the copy has the
    old term exactly; unsafe when it has an inflected form ("écolos"), since
    the preferred term may need agreeing by hand.  An `avoid`ed term has no
    replacement: no fix.
    """

    code = "T003"
    name = "avoided-term"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe when the copy has the old term exactly; unsafe where the match is an inflected form"
    needs_nlp = True
    why = (
        "A style guide's word list is how a brand keeps one vocabulary across "
        "teams, agencies and channels: « éco-responsable » rather than the flippant "
        "« écolo », no « prix cassés » for a brand that does not sell on price. "
        "Every stray word erodes the positioning the guide protects."
    )
    example = (
        'voice { prefer "éco-responsable" over "écolo" }\n\nmessage ig_teaser {\n'
        '  channel instagram\n  language fr\n  body "Une veste écolo pour courir en ville."\n}'
    )
    correction = (
        'voice { prefer "éco-responsable" over "écolo" }\n\nmessage ig_teaser {\n'
        '  channel instagram\n  language fr\n  body "Une veste éco-responsable pour courir en ville."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        if voice is None or not (voice.prefer or voice.avoid):
            return
        preferred_for: dict[str, str] = {}
        for preference in voice.prefer:
            for old in preference.over:
                if old.strip():
                    preferred_for.setdefault(old, preference.preferred)
        avoided = [t.value for t in voice.avoid if t.value.strip() and t.value not in preferred_for]
        terms = list(preferred_for) + avoided
        if not terms:
            return
        from ...language.terms import find_terms, replace_preserving_case

        preferred_terms = sorted(set(preferred_for.values()))
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                matches = find_terms(text.value, message.language, terms, nlp=ctx.nlp)
                if not matches:
                    continue
                keep = find_terms(text.value, message.language, preferred_terms, nlp=ctx.nlp) if preferred_terms else []
                inside = _inside_other_term(matches, keep)
                for match, is_inside in zip(matches, inside):
                    if is_inside:
                        continue  # the word is part of the preferred term ("mode" in "mode durable")
                    if inside_accepted(text.value, match.start, match.end, voice.accept):
                        continue  # part of a name the voice accepts
                    span = text.span_of(match.start, match.end)
                    label = field_label(message, text)
                    form = "" if match.matched.lower() == match.term.lower() else \
                        _(" (a form of « {term} »)").format(term=match.term)
                    if match.term in preferred_for:
                        preferred = preferred_for[match.term]
                        replacement = replace_preserving_case(match.matched, preferred)
                        the_fix = None
                        if not any(c in replacement for c in '"\\\n'):
                            applicability = Applicability.SAFE if match.exact else Applicability.UNSAFE
                            the_fix = fix(applicability, [ctx.replace(span, replacement)],
                                          f"replace « {match.matched} » with « {replacement} »")
                        yield ctx.finding(
                            self, span,
                            _("{label} of message `{message}` says « {matched} »{form}: the voice prefers « "
                              "{preferred} »").format(
                                label=label, message=message.name, matched=match.matched, form=form,
                                preferred=preferred),
                            fix=the_fix,
                        )
                    else:
                        yield ctx.finding(
                            self, span,
                            _("{label} of message `{message}` says « {matched} »{form}, a term the voice "
                              "avoids: rephrase it").format(
                                label=label, message=message.name, matched=match.matched, form=form),
                        )


def _inside_other_term(matches: list, keep: list) -> list[bool]:
    """For each match: does some ``keep`` match of another term contain it?

    ``k.start <= m.start and m.end <= k.end and k.term != m.term`` for some
    ``k``, answered for all matches in one sweep by start (not matches × keep):
    among the ``keep`` matches starting at or before ``m``, the furthest end of
    a term other than ``m``'s is the furthest end overall, or the furthest end
    of the other terms when the furthest belongs to ``m``'s own term.
    """
    if not keep:
        return [False] * len(matches)
    spans = sorted((k.start, k.end, k.term) for k in keep)
    answer = [False] * len(matches)
    best_end, best_term, second_end = -1, None, -1  # second: furthest end of a term other than best_term
    j = 0
    for i in sorted(range(len(matches)), key=lambda i: matches[i].start):
        m = matches[i]
        while j < len(spans) and spans[j][0] <= m.start:
            _, end, term = spans[j]
            j += 1
            if term == best_term:
                best_end = max(best_end, end)
            elif end > best_end:
                best_end, best_term, second_end = end, term, best_end
            else:
                second_end = max(second_end, end)
        other_end = best_end if best_term != m.term else second_end
        answer[i] = other_end >= m.end
    return answer

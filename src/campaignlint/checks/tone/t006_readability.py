"""T006 hard-to-read: reading ease of bodies against the channel's and the voice's minimum."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

from ...i18n import N_
from ...i18n import language
from ...i18n import ngettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule, Setting

from ._shared import declared_by, field_label

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


#: the formulas of ``rules/readability.toml``, for the message extraction (translated where shown)
_FORMULAS = (N_("Flesch reading ease"), N_("Kandel–Moles (French Flesch)"), N_("Amstad (German Flesch)"),
             N_("Fernández Huerta (Spanish Flesch)"), N_("Flesch–Vacca (Italian Flesch)"),
             N_("Flesch–Douma (Dutch Flesch)"))


def _num(x: float) -> str:
    text = f"{x:g}" if x == int(x) else f"{x:.1f}"
    return text if language() == "en" else text.replace(".", ",")


class HardToRead(Rule):
    """A body is harder to read than the channel's or the voice's minimum (the stricter).

    Only `body` fields (of the message and its variants) are scored: subjects,
    headlines and calls to action are too short for a reading-ease formula.
    The score is the Flesch reading ease of the message's language (Flesch for
    English, Kandel–Moles for French; higher is easier).  Bodies of fewer than
    `readability-min-words` words (default 30) are not scored.
    """

    code = "T006"
    name = "hard-to-read"
    severity = Severity.WARNING
    settings = (Setting("readability-min-words", 30, "bodies shorter than this are not scored", int, 1),)
    why = (
        "Marketing copy is skimmed on a phone, between two other things: long "
        "sentences and long words lose readers before the call to action. A "
        "minimum reading ease, set by the channel or the style guide, keeps the "
        "copy plain: short sentences, everyday words, one idea each."
    )
    example = (
        'voice { readability 50 }\n\nmessage email_lancement {\n  channel email\n  language fr\n'
        '  body "Conformément à nos engagements environnementaux, l\'intégralité de nos collections '
        'printanières bénéficie désormais d\'une traçabilité exhaustive, de la fibre jusqu\'à '
        'l\'atelier de confection, permettant à chacun d\'apprécier rigoureusement la '
        'provenance véritable de chaque vêtement proposé."\n}'
    )
    correction = (
        'voice { readability 50 }\n\nmessage email_lancement {\n  channel email\n  language fr\n'
        '  body "Nous suivons chaque vêtement de la fibre à l\'atelier. Vous savez d\'où vient ce '
        'que vous portez. Le coton est bio. Le lin pousse en France. Nos ateliers sont au Portugal."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...language.readability import readability

        campaign = ctx.campaign
        min_words = ctx.setting("readability-min-words")
        score_of = functools.partial(readability, min_words=min_words)
        minima: dict[str | None, tuple[list[tuple[float, str | None]], float]] = {}
        for message in campaign.messages:
            if message.channel not in minima:  # the same for every message of a channel
                sources = _minima(campaign, campaign.channel_profile(message.channel))
                minima[message.channel] = sources, max((value for value, _ in sources), default=0.0)
            sources, limit = minima[message.channel]
            if not sources:
                continue
            for text in message.copy_texts():
                if text.field != "body":
                    continue
                score = ctx.nlp.fact(("readability", min_words), text.value, message.language, score_of)
                if score is None or score.score >= limit:
                    continue
                setters = [declared_by(name) for value, name in sources if value == limit]
                others = [_("{who} asks {value}").format(who=declared_by(name), value=_num(value))
                          for value, name in sources if value != limit]
                note = f" ({', '.join(others)})" if others else ""
                yield ctx.finding(
                    self, text.span,
                    _("{field_label} of message `{message}` has a reading ease of {num} ({words} words in "
                      "{plural}), below the minimum of {num2} set by {setters}{note}; formula: {formula}. "
                      "Use shorter sentences and everyday words").format(
                        field_label=field_label(message, text), message=message.name,
                        num=_num(round(score.score, 1)), words=score.words,
                        plural=ngettext("{count} sentence", "{count} sentences", score.sentences).format(
                            count=score.sentences), num2=_num(limit),
                        setters=_(' and ').join(setters), note=note, formula=_(score.formula)),
                )


def _minima(campaign, profile) -> list[tuple[float, str | None]]:
    """The reading-ease minima of the channel and the voice: ``(value, channel name)``, ``None`` for the voice.

    Who set them is translated only when a finding names them (:func:`declared_by`).
    """
    sources: list[tuple[float, str | None]] = []
    if profile is not None and profile.readability is not None:
        sources.append((float(profile.readability), profile.name))
    if campaign.voice is not None and campaign.voice.readability is not None:
        sources.append((float(campaign.voice.readability), None))
    return sources

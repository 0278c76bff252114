"""Helpers shared by the tone rules: the language root and how a field is named."""

from __future__ import annotations

import functools
import re

from ...i18n import gettext as _
from ...i18n import pgettext
from ...model import Message, TextField


@functools.lru_cache(maxsize=256)
def language_root(language: str | None) -> str:
    """``"fr-CA"`` → ``"fr"`` (same as ``language.nlp.language_root``, without importing it)."""
    if not language:
        return ""
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()


def field_label(message: Message, text: TextField) -> str:
    """``body``, or ``subject of variant b`` for a variant's field."""
    for variant in message.variants:
        if any(t is text for t in variant.texts):
            return _("{field} of variant {variant}").format(field=pgettext("field", text.field), variant=variant.name)
    return pgettext("field", text.field)


def declared_by(channel: str | None) -> str:
    """Who set a tone word or a minimum: "the email channel", or "the voice" for ``None``.

    T006 and T009 keep the channel's name and translate it only for a finding.
    """
    return _("the {channel} channel").format(channel=channel) if channel is not None else _("the voice")


def inside_accepted(text: str, start: int, end: int, accepted: list[str]) -> bool:
    """``text[start:end]`` lies inside one of the voice's ``accept`` words or names (any case).

    The voice's `accept "Magic Keyboard", "DELE"` is shared by the tone rules:
    T005 and T009 never count an accepted word as loud, T003 and T008 never
    report a term found inside one.
    """
    if not accepted:
        return False
    low = text.lower()
    for word in accepted:
        word = word.lower()
        if not word:
            continue
        pos = low.find(word)
        while pos != -1:
            if pos <= start and end <= pos + len(word):
                return True
            pos = low.find(word, pos + 1)
    return False

"""Helpers shared by the tone rules: the language root and how a field is named."""

from __future__ import annotations

import re

from ...i18n import gettext as _
from ...i18n import pgettext
from ...model import Message, TextField


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

"""Translations: every user-visible string goes through :func:`gettext` / :func:`ngettext`.

English for now: the active translations are ``gettext.NullTranslations`` (the
message id is the English text).  :func:`set_language` is the one switch a
later change wires to the compiled catalogues (``campaignlint/locale/<lang>/
LC_MESSAGES/campaignlint.mo``); until they exist it keeps English.  The Jinja
templates of the HTML report use the same object (``translations()``), so one
switch changes the command's messages and the report together.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

DOMAIN = "campaignlint"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Choose the language of the messages (``"en"``, ``"fr"``…); returns the one in effect.

    A language without a compiled catalogue falls back to English.
    """
    global _current, _language
    lang = (lang or DEFAULT_LANGUAGE).split(".")[0].replace("-", "_")
    if lang.split("_")[0] == DEFAULT_LANGUAGE:
        _current, _language = _gettext.NullTranslations(), DEFAULT_LANGUAGE
        return _language
    found = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    if type(found) is _gettext.NullTranslations:  # no catalogue yet: English
        _current, _language = found, DEFAULT_LANGUAGE
    else:
        _current, _language = found, lang.split("_")[0]
    return _language


def language() -> str:
    """The language in effect (``"en"`` until a catalogue is installed)."""
    return _language


def translations() -> _gettext.NullTranslations:
    """The active translations object (for Jinja's ``install_gettext_translations``)."""
    return _current


def gettext(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


_ = gettext

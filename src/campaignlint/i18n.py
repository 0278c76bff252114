"""Translations: every user-visible string goes through :func:`gettext` / :func:`ngettext`.

The catalogues are gettext ones (docs/languages.md): the message id is the
English text, ``campaignlint/locale/<lang>/LC_MESSAGES/campaignlint.po`` holds
a language's translations.  The wheel ships them compiled (``.mo``, by the
build hook ``hatch_build.py``) and without the ``.po``; a source checkout has
only the ``.po``, compiled in memory with Babel at first use (a ``.mo`` newer
than its ``.po`` is preferred, e.g. after ``pybabel compile``).

:func:`set_language` is the one switch: the command's messages, the rule
messages and the HTML report (its Jinja templates use ``translations()``)
follow it.  :func:`choose` applies the precedence ``--lang`` > the ``lang``
configuration key > the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``) > English.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from pathlib import Path

DOMAIN = "campaignlint"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"
#: the languages campaignlint speaks (a catalogue exists for each but English)
LANGUAGES = ("en", "fr")
#: Babel locale of each language, for numbers, amounts and percentages
LOCALES = {"en": "en_US", "fr": "fr_FR"}

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT_LANGUAGE
_loaded: dict[str, _gettext.NullTranslations | None] = {}


def normalise(lang: str | None) -> str | None:
    """``"fr_FR.UTF-8"`` → ``"fr"``; ``"C"``, ``"POSIX"``, ``""`` → None."""
    if not lang:
        return None
    code = lang.split(":")[0].split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if not code or code in ("c", "posix"):
        return None
    return code


def from_environment(environ=None) -> str | None:
    """The language the locale asks for, as gettext reads it (None: not said or ``C``)."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            if variable == "LANGUAGE":  # a list of preferences, e.g. "fr:en"
                for item in value.split(":"):
                    if normalise(item) in LANGUAGES:
                        return normalise(item)
                continue
            return normalise(value)
    return None


def _compile_po(po: Path) -> _gettext.GNUTranslations:
    """The catalogue ``po`` compiled in memory (a source checkout or an editable install)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def catalogue(lang: str) -> _gettext.NullTranslations | None:
    """The translations of ``lang`` (compiled ``.mo`` first, else the ``.po``), None when there are none."""
    if lang not in _loaded:
        folder = LOCALE_DIR / lang / "LC_MESSAGES"
        mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
        found: _gettext.NullTranslations | None = None
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                found = _gettext.GNUTranslations(handle)
        elif po.is_file():
            found = _compile_po(po)
        _loaded[lang] = found
    return _loaded[lang]


def set_language(lang: str | None) -> str:
    """Choose the language of the messages (``"en"``, ``"fr"``…); returns the one in effect.

    A language without a catalogue falls back to English.
    """
    global _current, _language
    code = normalise(lang) or DEFAULT_LANGUAGE
    found = None if code == DEFAULT_LANGUAGE else catalogue(code)
    if found is None:
        _current, _language = _gettext.NullTranslations(), DEFAULT_LANGUAGE
    else:
        _current, _language = found, code
    return _language


def choose(option: str | None = None, configured: str | None = None, environ=None) -> str:
    """Apply the precedence ``--lang`` > configuration > locale > English; returns the language in effect."""
    return set_language(option or configured or from_environment(environ))


def language() -> str:
    """The language in effect."""
    return _language


def locale() -> str:
    """The Babel locale of the language in effect (``fr_FR``, ``en_US``)."""
    return LOCALES.get(_language, "en_US")


def translations() -> _gettext.NullTranslations:
    """The active translations object (for Jinja's ``install_gettext_translations``)."""
    return _current


def gettext(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in a ``context`` (``pgettext("field", "body")`` → « le corps »)."""
    return _current.pgettext(context, message)


def rule_docs(lang: str | None = None) -> dict:
    """The rule documentation written in ``lang`` (default: the language in effect):
    ``locale/<lang>/rules.toml``, rule code → fields (``summary``, ``what``, ``why``…); {} for English."""
    lang = lang or _language
    if lang not in _rule_docs:
        import tomllib

        path = LOCALE_DIR / lang / "rules.toml"
        found: dict = {}
        if lang != DEFAULT_LANGUAGE and path.is_file():
            with path.open("rb") as handle:
                found = tomllib.load(handle)
        _rule_docs[lang] = found
    return _rule_docs[lang]


_rule_docs: dict[str, dict] = {}


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translated where it is shown)."""
    return message


_ = gettext

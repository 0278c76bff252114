"""French public holidays, from the ``holidays`` library (rules.md, pack `fr-legal`).

Nothing here is a hand-written table: the fixed days and those computed from
Easter (Easter Monday, Ascension, Whit Monday; Good Friday and 26 December in
Alsace-Moselle) come from ``holidays.France``.  The subdivision is the
configuration's `holidays-subdivision` (cli.md): a code of the library
(``57``, ``6AE``, ``971``…) or one of its aliases (``Alsace``, ``Moselle``,
``Guadeloupe``…).  ``rules/fr/legal.toml`` ``[holidays]`` says which country
and which default subdivision the pack uses.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from .i18n import gettext as _
from .rule import Setting


@functools.cache
def _france():
    import holidays

    return holidays.France


def subdivisions() -> dict[str, str]:
    """Every accepted subdivision name → the library's code."""
    france = _france()
    found = {code: code for code in france.subdivisions}
    found.update(getattr(france, "subdivisions_aliases", {}) or {})
    return found


def normalise_subdivision(value: str | None) -> str | None:
    """The library's code for ``value`` (a code or an alias, any case); ValueError when unknown."""
    if value is None or value == "":
        return None
    known = subdivisions()
    for name, code in known.items():
        if name.casefold() == value.strip().casefold():
            return code
    import difflib

    close = difflib.get_close_matches(value, list(known), n=1)
    hint = _(" (did you mean `{name}`?)").format(name=close[0]) if close else ""
    raise ValueError(_("`holidays-subdivision`: `{value}` is not a subdivision of France in the `holidays` "
                       "library{hint}; use one of {codes} or an alias such as `Alsace` or `Moselle`").format(
        value=value, hint=hint, codes=", ".join(sorted(set(known.values())))))


@functools.lru_cache(maxsize=64)
def holidays_of(year: int, subdivision: str | None = None, language: str = "fr") -> dict[dt.date, str]:
    """The public holidays of France (of ``subdivision``) in ``year``: date → name (in ``language``,
    a locale the library knows: ``fr``, ``en_US``)."""
    calendar = _france()(years=year, subdiv=normalise_subdivision(subdivision), language=language)
    return dict(sorted(calendar.items()))


def holiday_name(day: dt.date, subdivision: str | None = None) -> str | None:
    """The French name of the public holiday on ``day``, or None."""
    return holidays_of(day.year, subdivision).get(day)


@dataclass(frozen=True)
class SubdivisionSetting(Setting):
    """The `holidays-subdivision` key: a string the library knows (or none)."""

    def validate(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(_("`{key}` must be a string such as \"Alsace\" or \"57\", not {value!r}").format(
                key=self.key, value=value))
        normalise_subdivision(value)
        return value


@dataclass(frozen=True)
class TimezoneSetting(Setting):
    """The `timezone` key: an IANA time zone name."""

    def validate(self, value: Any) -> Any:
        import zoneinfo

        if not isinstance(value, str):
            raise ValueError(_("`{key}` must be a time zone name such as \"Europe/Paris\", not {value!r}").format(
                key=self.key, value=value))
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
            raise ValueError(_("`{key}`: `{value}` is not a time zone name (such as \"Europe/Paris\")").format(
                key=self.key, value=value)) from None
        return value


HOLIDAYS_SUBDIVISION = SubdivisionSetting(
    "holidays-subdivision", None,
    "subdivision of France whose extra public holidays count (the `holidays` library's code or alias: "
    "`Alsace`, `Moselle`, `Guadeloupe`…); none: metropolitan France", kind=str)
TIMEZONE = TimezoneSetting(
    "timezone", "Europe/Paris", "time zone of campaigns that declare none", kind=str)

"""Literals: the text of one token → a ``tree.Value`` (the Python value and where it came from).

Strings keep, for every decoded character, where it starts and ends in the
source, so that a finding inside a text points at the right characters even
after escapes and the re-indentation of long strings.  A value that cannot be
decoded keeps its error (reported by the resolver: E003, E001 for a bad escape,
E008 for a text over ``MAX_STRING_LENGTH``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ..i18n import gettext as _
from .tree import Value

if TYPE_CHECKING:  # pragma: no cover
    from lark import Token

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}
DURATION_UNITS = {
    "year": "years", "years": "years", "month": "months", "months": "months",
    "week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
    "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
    "second": "seconds", "seconds": "seconds",
}
#: bytes per unit of a file size (1024-based, as upload forms count; language §6.1)
FILE_SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3}
#: longest text (in characters, between the quotes) one string may hold; longer
#: ones are reported (E008) instead of being handed to the rules and to spaCy
MAX_STRING_LENGTH = 100_000

_ESCAPE = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_UNICODE_ESCAPE = re.compile(r"u\{([0-9A-Fa-f]{1,6})\}")


def _decode_escapes(body: str, base: int) -> tuple[list[str], list[int], list[int], str | None, int]:
    """Decode escapes: the characters, where each starts and ends in the source, an error."""
    length = len(body)
    if "\\" not in body and "\r" not in body:  # the usual case: every character stands for itself
        return list(body), list(range(base, base + length)), list(range(base + 1, base + length + 1)), None, 0
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0

    def add(char: str, start: int, end: int) -> None:
        chars.append(char)
        starts.append(base + start)
        ends.append(base + end)

    while index < length:
        char = body[index]
        if char == "\\" and index + 1 < length:
            following = body[index + 1]
            if following in _ESCAPE:
                add(_ESCAPE[following], index, index + 2)
                index += 2
                continue
            if following == "\r" and body[index + 2 : index + 3] == "\n":
                index += 3  # a backslash at a line end joins the lines
                continue
            if following == "\n":
                index += 2
                continue
            match = _UNICODE_ESCAPE.match(body, index + 1)
            if match:
                code = int(match.group(1), 16)
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    message = _("`\\u{{{code}}}` is not a Unicode character").format(code=match.group(1))
                    return chars, starts, ends, message, base + index
                add(chr(code), index, match.end())
                index = match.end()
                continue
            return chars, starts, ends, (
                _("`\\{following}` is not a known escape in a text "
                  "(use \\\" \\\\ \\n \\t or \\u{{…}})").format(following=following)
            ), base + index
        if char == "\r" and body[index + 1 : index + 2] == "\n":
            add("\n", index, index + 2)  # CRLF inside a long string reads as a newline
            index += 2
            continue
        add(char, index, index + 1)
        index += 1
    return chars, starts, ends, None, 0


def _cleandoc(chars: list[str]) -> list[int]:
    """``inspect.cleandoc`` on a list of characters: the positions it keeps."""
    lines: list[list[int]] = [[]]
    breaks: list[int] = []  # position of the newline ending each line
    for position, char in enumerate(chars):
        if char == "\n":
            breaks.append(position)
            lines.append([])
        else:
            lines[-1].append(position)

    def indent(line: list[int]) -> int:
        count = 0
        for position in line:
            if chars[position] in " \t":
                count += 1
            else:
                return count
        return -1  # blank

    margins = [indent(line) for line in lines[1:]]
    margin = min((m for m in margins if m >= 0), default=0)
    first = lines[0]
    while first and chars[first[0]] in " \t":
        first.pop(0)
    lines = [first] + [line[margin:] if indent(line) >= 0 else [] for line in lines[1:]]
    lines = [line if any(chars[p] not in " \t" for p in line) else [] for line in lines]
    numbered = list(enumerate(lines))
    while numbered and not numbered[0][1]:
        numbered.pop(0)
    while numbered and not numbered[-1][1]:
        numbered.pop()
    kept: list[int] = []
    for index, (number, line) in enumerate(numbered):
        if index:
            kept.append(breaks[number - 1])
        kept.extend(line)
    return kept


#: bounds on what a value may say, checked where it is read (E003 with its position and the range):
#: the rules then never meet a number too big to convert or a date out of the calendar's range
MAX_INTEGER_DIGITS = 15  # up to 999,999,999,999,999
MAX_DECIMALS = 10
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
MAX_DURATION = {"years": 100, "months": 1_200, "weeks": 5_200, "days": 36_500, "hours": 876_000,
                "minutes": 52_560_000, "seconds": 3_153_600_000}


def _number(text: str) -> Decimal:
    digits = text.replace("_", "").lstrip("+-")
    whole, _dot, decimals = digits.partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise ValueError(_("this number is too large: a number may have at most {digits} digits before the decimal "
                           "point (up to 999,999,999,999,999)").format(digits=MAX_INTEGER_DIGITS))
    if len(decimals) > MAX_DECIMALS:
        raise ValueError(_("this number is too precise: a number may have at most {digits} digits after the decimal "
                           "point").format(digits=MAX_DECIMALS))
    return Decimal(text.replace("_", ""))


def decode_literal(kind: str, token: Token) -> Value:
    """The ``Value`` of one token of the grammar rule ``kind`` (``long_string`` gives a ``string``)."""
    raw = str(token)
    start = token.start_pos
    end = token.end_pos
    value = Value(kind=kind, raw=raw, start=start, end=end)
    try:
        if kind == "name":
            value.data = raw
        elif kind in ("string", "long_string"):
            quote = 3 if kind == "long_string" else 1
            body = raw[quote:-quote]
            if len(body) > MAX_STRING_LENGTH:
                value.kind = "string"
                value.error_code = "E008"
                # no exact count in the message: re-indenting a long string (fmt) must not change it
                value.error = _("this text is longer than {limit:,} characters, the most one text "
                                "may hold: split it or shorten it").format(limit=MAX_STRING_LENGTH)
                return value
            if kind == "string" and "\\" not in body and "\r" not in body:
                # the usual case: every character stands for itself (what the general path gives)
                base = start + quote
                value.kind = "string"
                value.data = body
                value.char_offsets = list(range(base, base + len(body))) + [end - quote]
                value.char_ends = list(range(base + 1, base + len(body) + 1))
                return value
            chars, starts, ends, error, where = _decode_escapes(body, start + quote)
            if error:
                value.error = error
                value.start, value.end = where, where + 2
                value.kind = "string"
                return value
            if kind == "long_string":
                kept = _cleandoc(chars)
                chars = [chars[p] for p in kept]
                starts = [starts[p] for p in kept]
                ends = [ends[p] for p in kept]
                value.long = True
            value.kind = "string"
            value.data = "".join(chars)
            value.char_offsets = starts + [end - quote]
            value.char_ends = ends
        elif kind == "number":
            value.data = _number(raw)
            value.signed = raw[0] in "+-"
        elif kind == "percent":
            number = raw.rstrip("%").strip(" \t\u00a0\u202f")
            value.data = _number(number)
            value.signed = raw[0] in "+-"
        elif kind == "money":
            match = re.match(r"([+-]?\d[\d_]*(?:\.\d+)?)[ \t]*(.*)$", raw)
            assert match
            currency = match.group(2).strip()
            value.data = (_number(match.group(1)), CURRENCY_SYMBOLS.get(currency, currency))
        elif kind == "date":
            value.data = _date(raw)
        elif kind == "datetime":
            date_part, time_part = re.split(r"T|[ \t]+", raw, maxsplit=1)
            value.data = dt.datetime.combine(_date(date_part), _time(time_part))
        elif kind == "time":
            value.data = _time(raw)
        elif kind == "duration":
            match = re.match(r"(\d+(?:\.\d+)?)[ \t]*([a-z]+)", raw)
            assert match
            unit = DURATION_UNITS[match.group(2)]
            digits = match.group(1).partition(".")[0].lstrip("0")
            amount = Decimal(match.group(1)) if len(digits) <= MAX_INTEGER_DIGITS else None
            if amount is None or amount > MAX_DURATION[unit]:
                most = ", ".join(f"{_grouped(limit)} {name}" for name, limit in MAX_DURATION.items())
                raise ValueError(_("this duration is too long: at most {limit} {unit} ({most})").format(
                    limit=_grouped(MAX_DURATION[unit]), unit=unit, most=most))
            value.data = (amount, unit)
        elif kind == "ratio":
            value.data = parse_ratio(raw)
        elif kind == "filesize":
            match = re.match(r"(\d[\d_]*(?:\.\d+)?)[ \t]*([A-Za-z]+)", raw)
            assert match
            value.data = int(_number(match.group(1)) * FILE_SIZE_UNITS[match.group(2)])
    except (ValueError, InvalidOperation) as error:
        value.error = str(error)
    return value


def parse_ratio(text: str) -> tuple[Decimal, Decimal]:
    """``"1.91:1"`` → (1.91, 1); both sides positive (language §6.1)."""
    left, _, right = text.partition(":")
    width, height = _number(left), _number(right)  # bounded like every number
    if width <= 0 or height <= 0:
        raise ValueError(_("{text} is not a ratio: both sides must be above zero (for example 4:5)").format(text=text))
    return width, height


def _date(text: str) -> dt.date:
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("{text} is not a real date (check the day and the month)").format(text=text)) from None
    if not MIN_DATE <= date <= MAX_DATE:
        raise ValueError(_("{text} is too far from today: a date must be between {minimum} and {maximum}").format(
            text=text, minimum=MIN_DATE, maximum=MAX_DATE))
    return date


def _time(text: str) -> dt.time:
    parts = [int(p) for p in text.split(":")]
    if parts[0] > 23 or parts[1] > 59 or (len(parts) > 2 and parts[2] > 59):
        raise ValueError(_("{text} is not a time of day (hours 00-23, minutes 00-59)").format(text=text))
    return dt.time(*parts)



def _grouped(number: int) -> str:
    """``10,000`` in English, ``10 000`` in French (the digits grouped the language's way)."""
    from .. import i18n

    if i18n.language() == "en":
        return f"{number:,}"
    from babel.numbers import format_decimal

    return format_decimal(number, locale=i18n.locale())

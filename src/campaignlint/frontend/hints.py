"""What French writing habits look like to the grammar, and how to say it (E001/E003 with a fix).

* a decimal comma: ``34,90 EUR`` is two values for the grammar (the comma
  separates the values of a list) → "write 34.90 EUR";
* digits grouped with spaces: ``1 234 EUR`` (a space, a non-breaking space
  U+00A0, or a narrow one U+202F, as French typography does) → ``1_234 EUR``;
* a leading currency sign: ``€34.90`` → ``34.90 €``;
* « » or “ ” as quotes: ``« BUCHE15 »`` → ``"BUCHE15"``;
* ``h`` in times: ``10h00`` → ``10:00``.

Each hint gives the corrected text and a safe fix when the meaning is certain.
One case is not: a comma followed by exactly three digits (``1,234``) is a
French decimal or an English thousands separator; the message gives both
readings and there is no fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Applicability, Edit, Fix
from ..i18n import gettext as _

SPACES = " \u00a0\u202f\u2009"
#: an amount or a number as a French user writes it (decimal comma, spaced thousands, currency before or after)
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<lead>[€$£][ \u00a0\u202f]?)?"
    r"(?P<int>\d{1,3}(?:[ \u00a0\u202f\u2009_]\d{3})+|\d[\d_]*)"
    r"(?:(?P<sep>[.,])(?P<frac>\d+))?"
    r"(?P<suffix>[ \t\u00a0\u202f]*(?:[€$£%]|[A-Z]{3}(?![A-Za-z0-9_])))?$"
)
CURRENCIES = "€$£"
QUOTES = {"«": "»", "“": "”", "„": "“", "”": "”", "‘": "’", "‹": "›"}
_TIME = re.compile(r"(?P<hour>\d{1,2})h(?P<minute>\d{2})?$")


@dataclass
class Hint:
    message: str
    replacement: str | None  # None: no safe fix


def _kind(canonical: str) -> str:
    if canonical.endswith("%"):
        return "percent"
    if canonical[-1:] in CURRENCIES or re.search(r"[A-Z]{3}$", canonical):
        return "money"
    return "number"


def number_hint(text: str) -> tuple[Hint, str] | None:
    """The hint for ``text`` (the whole of what was typed) if it is a number written the French way.

    Returns the hint and the kind of the corrected value (``money``, ``percent``, ``number``).
    """
    match = _NUMBER.match(text.strip())
    if match is None:
        return None
    reasons = []
    integer = match.group("int")
    if any(space in integer for space in SPACES):
        integer = re.sub(f"[{SPACES}]", "_", integer)
        reasons.append(_("digits are grouped with `_`, not a space"))
    fraction = match.group("frac")
    ambiguous = False
    if match.group("sep") == ",":
        reasons.append(_("decimals follow a point, not a comma (a comma separates values)"))
        ambiguous = len(fraction) == 3 and not reasons[:-1]
    suffix = match.group("suffix") or ""
    lead = match.group("lead")
    if lead:
        reasons.append(_("the currency comes after the amount"))
        if suffix:
            return None  # a sign before and a currency after: not an amount we can correct
        suffix = " " + lead.strip()
    if not reasons:
        return None
    number = match.group("sign") + integer + (f".{fraction}" if fraction else "")
    unit = suffix.strip(SPACES + "\t")
    canonical = number + ("%" if unit == "%" else f" {unit}" if unit else "")
    shown = text.strip()
    if ambiguous:
        thousands = match.group("sign") + integer + "_" + fraction + canonical[len(number):]
        return Hint(_("`{shown}` is unclear: write {canonical} if the comma marks decimals, or {thousands} for "
                      "thousands (a comma separates values)").format(shown=shown, canonical=canonical,
                                                                     thousands=thousands), None), _kind(canonical)
    return (Hint(_("`{shown}` is not written the way campaignlint reads it: {reasons}: write {canonical}").format(
        shown=shown, reasons=_("; ").join(reasons), canonical=canonical),
                 canonical), _kind(canonical))


def reconstruct(groups) -> tuple[str, int, int] | None:
    """The text of a node's values as typed (for a ``number_hint``), with its start and end offsets.

    Values of one group were separated by a comma, groups by spaces; the raw
    text between them is not kept by the parser, so a comma followed by a space
    (``34, 90``: a list, surely) is told apart by the offsets.
    """
    parts: list[str] = []
    previous = None
    for group in groups:
        for index, value in enumerate(group):
            if value.kind not in ("number", "money", "percent"):
                return None
            if previous is not None:
                gap = value.start - previous.end
                if index > 0:  # a comma
                    if gap != 1:
                        return None
                    parts.append(",")
                else:
                    parts.append(" ")
            parts.append(value.raw)
            previous = value
    if previous is None:
        return None
    return "".join(parts), groups[0][0].start, previous.end


def values_hint(groups, kinds: tuple[str, ...]) -> tuple[str, Fix | None, int, int] | None:
    """For E003 "takes one value, not N": a French number split by the grammar; message, fix, span."""
    found = reconstruct(groups)
    if found is None:
        return None
    text, start, end = found
    result = number_hint(text)
    if result is None:
        return None
    hint, kind = result
    fix = None
    if hint.replacement is not None and kind in kinds:
        fix = Fix(Applicability.SAFE, (Edit(start, end, hint.replacement),),
                  _("write {text}").format(text=hint.replacement))
    return hint.message, fix, start, end


def safe_fix(start: int, end: int, replacement: str | None) -> Fix | None:
    if replacement is None:
        return None
    return Fix(Applicability.SAFE, (Edit(start, end, replacement),), _("write {text}").format(text=replacement))


def character_hint(text: str, offset: int) -> tuple[int, int, str, Fix | None] | None:
    """For E001 "unexpected character": a currency sign first, curly quotes, a narrow space in a number."""
    char = text[offset]
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    if char in QUOTES:
        closing = QUOTES[char]
        close = text.find(closing, offset + 1, line_end)
        if close == -1:
            return (offset, offset + 1, _("`{char}` is not a quote campaignlint reads: put texts between straight "
                                          "double quotes `\"`").format(char=char), None)
        inner = text[offset + 1 : close].strip(SPACES)
        written = '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
        shown = text[offset : close + 1]
        return (offset, close + 1, _("`{shown}`: texts go between straight double quotes: write {written} "
                                     "(« » and “ ” may appear inside the text)").format(
                    shown=shown, written=written),
                safe_fix(offset, close + 1, written))
    if char in CURRENCIES or char in SPACES:
        start = offset
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] in "_.," + SPACES[1:]):
            start -= 1
        if char in SPACES and start == offset:
            return None
        word = re.match(r"[€$£]?[ \u00a0\u202f]?[\d_.,\u00a0\u202f\u2009]*(?:[ \u00a0\u202f]*(?:[€$£%]|[A-Z]{3}"
                        r"(?![A-Za-z0-9_])))?", text[start:line_end])
        typed = word.group(0).rstrip(SPACES) if word else ""
        result = number_hint(typed) if typed else None
        if result is None:
            return None
        hint, _kind_name = result
        return start, start + len(typed), hint.message, safe_fix(start, start + len(typed), hint.replacement)
    return None


def time_hint(word: str) -> tuple[str, str | None] | None:
    """``10h00`` or ``10h``: the message and the corrected time (None if the time is not one)."""
    match = _TIME.match(word)
    if match is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if hour > 23 or minute > 59:
        return None
    written = f"{hour:02d}:{minute:02d}"
    return _("`{word}`: times are written with a colon: write {written}").format(word=word, written=written), written

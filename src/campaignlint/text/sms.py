"""SMS encoding and segments (GSM 03.38 / 3GPP TS 23.038).

An SMS is sent in the GSM 7-bit default alphabet when every character of the
text belongs to it (the basic set costs one septet a character, the extension
table — ``€ [ ] { } \\ ~ ^ |`` and form feed — costs two: an escape and the
character); otherwise the whole message switches to UCS-2 (UTF-16), where
each character costs one or, outside the BMP (most emoji), two code units.

One SMS holds 160 septets or 70 UTF-16 units.  A longer message is sent as a
concatenated SMS whose parts lose room to the concatenation header: 153
septets or 67 units each.  Phones never cut an escape pair or a surrogate pair
in two, so a part may hold one unit less; the parts are computed by actually
filling them, not by dividing.

The alphabet below is the Unicode consortium's mapping table
(``tests/data/gsm0338.txt``; the tests check every entry), with one
difference by default: code 0x09.  The mapping table gives it as the *small*
``ç``; the ETSI document draws a capital Ç, and that is what senders use:
Android's GSM alphabet (``GsmAlphabet.java``), Twilio's segment calculator and
most gateways put ``Ç`` at 0x09 and send a text holding a small ``ç`` in UCS-2.
So by default (``table="android"``, what a channel's `gsm table android`
means) ``Ç`` is GSM-7 and ``ç`` forces UCS-2 — « reçu », « français »,
« garçon » cost a UCS-2 SMS.  ``table="standard"`` (`gsm table standard`)
follows the 3GPP TS 23.038 / Unicode reading, for gateways that do: ``ç`` is
GSM-7 and ``Ç`` is not.  0x1B is the escape to the extension table: the table
maps it to a no-break space for display only, so a no-break space is *not*
GSM-7.

The text is examined as written (no normalisation): it is what the gateway
sends.  :func:`gsm_replacement_fix` NFC-normalises before replacing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..resources import load_toml

__all__ = [
    "GSM_BASIC",
    "GSM_EXTENSION",
    "SmsInfo",
    "sms_info",
    "is_gsm",
    "gsm_replacements",
    "spelling_replacements",
    "gsm_replacement_fix",
    "GSM_BASIC_ANDROID",
    "GSM_TABLES",
]

# The GSM 03.38 default alphabet, code 0x00 to 0x7F (0x1B is the escape).
_BASIC_TABLE = (
    "@£$¥èéùìòç\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: Characters of the basic set (one septet each) in the 3GPP / Unicode reading; the escape 0x1B is excluded.
GSM_BASIC: frozenset[str] = frozenset(_BASIC_TABLE) - {"\x1b"}
#: The basic set as senders read it (Android, Twilio): capital Ç at 0x09 instead of the small ç.
GSM_BASIC_ANDROID: frozenset[str] = (GSM_BASIC - {"ç"}) | {"Ç"}
_BASIC = {"android": GSM_BASIC_ANDROID, "standard": GSM_BASIC}
#: the tables a channel can name with `gsm table`
GSM_TABLES = tuple(_BASIC)
#: Characters of the extension table with their code after the escape (two septets each).
GSM_EXTENSION: dict[str, int] = {
    "\x0c": 0x0A,  # form feed
    "^": 0x14,
    "{": 0x28,
    "}": 0x29,
    "\\": 0x2F,
    "[": 0x3C,
    "~": 0x3D,
    "]": 0x3E,
    "|": 0x40,
    "€": 0x65,
}

GSM7 = "GSM-7"
UCS2 = "UCS-2"

_SINGLE = {GSM7: 160, UCS2: 70}
_PART = {GSM7: 153, UCS2: 67}


@dataclass(frozen=True, slots=True)
class SmsInfo:
    """How an SMS text is sent.

    ``encoding``: ``"GSM-7"`` or ``"UCS-2"``.  ``units``: septets (GSM-7,
    extension characters counting 2) or UTF-16 code units (UCS-2).
    ``segments``: how many SMS are billed (0 for an empty text).  ``parts``:
    the text of each segment, cut where the phone cuts it.  ``non_gsm``: the
    ``(index, character)`` of every character that forced UCS-2, in text
    order (indices are ``str`` indices into the text given).
    """

    encoding: str
    units: int
    segments: int
    parts: tuple[str, ...]
    non_gsm: list[tuple[int, str]] = field(default_factory=list)

    @property
    def single_capacity(self) -> int:
        """Units one SMS holds in this encoding: 160 or 70."""
        return _SINGLE[self.encoding]

    @property
    def part_capacity(self) -> int:
        """Units each part of a concatenated SMS holds: 153 or 67."""
        return _PART[self.encoding]

    @property
    def unit_word(self) -> str:
        """``"GSM-7 characters"`` or ``"UCS-2 characters"``, for messages."""
        return f"{self.encoding} characters"


def _gsm_cost(ch: str, table: str = "android") -> int:
    """Septets ``ch`` costs in GSM-7 (1 or 2), or 0 when it is not GSM-7."""
    if ch in _BASIC.get(table, GSM_BASIC_ANDROID):
        return 1
    if ch in GSM_EXTENSION:
        return 2
    return 0


def is_gsm(text: str, table: str = "android") -> bool:
    """True when every character of ``text`` is in the GSM 03.38 alphabet (read as ``table``)."""
    basic = _BASIC.get(table, GSM_BASIC_ANDROID)
    return all(ch in basic or ch in GSM_EXTENSION for ch in text)


def _split(text: str, costs: list[int], capacity: int) -> tuple[str, ...]:
    parts = []
    start = 0
    used = 0
    for index, cost in enumerate(costs):
        if used + cost > capacity:  # the character (pair) moves whole to the next part
            parts.append(text[start:index])
            start, used = index, 0
        used += cost
    parts.append(text[start:])
    return tuple(parts)


def sms_info(text: str, table: str = "android") -> SmsInfo:
    """Encoding, length, segments and parts of the SMS ``text``.

    ``table``: ``"android"`` (capital Ç is GSM-7, small ç forces UCS-2, as
    senders do) or ``"standard"`` (3GPP TS 23.038: the reverse).

    >>> info = sms_info("Verdure : -15 % avec le code PRINTEMPS15. STOP au 36173")
    >>> info.encoding, info.units, info.segments
    ('GSM-7', 55, 1)
    """
    non_gsm = [(index, ch) for index, ch in enumerate(text) if not _gsm_cost(ch, table)]
    if non_gsm:
        encoding = UCS2
        costs = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    else:
        encoding = GSM7
        costs = [_gsm_cost(ch, table) for ch in text]
    units = sum(costs)
    if not text:
        parts: tuple[str, ...] = ()
    elif units <= _SINGLE[encoding]:
        parts = (text,)
    else:
        parts = _split(text, costs, _PART[encoding])
    return SmsInfo(encoding, units, len(parts), parts, non_gsm)


def gsm_replacements() -> dict[str, str]:
    """Every replacement of ``rules/sms_replacements.toml`` (character → GSM-7 text): the
    ones that keep the spelling (``[replacements]``) and the accented letters (``[spelling]``)."""
    data = load_toml("sms_replacements.toml")
    return {**data["replacements"], **data.get("spelling", {})}


def spelling_replacements() -> dict[str, str]:
    """The replacements that change the spelling of a word (« bûche » → « buche »): ``[spelling]``."""
    return load_toml("sms_replacements.toml").get("spelling", {})


def gsm_replacement_fix(text: str, table: str = "android") -> str | None:
    """``text`` with every non-GSM character replaced by its GSM-7 stand-in.

    ’ → ', « » → ", no-break spaces → space, … → ..., – — → -, œ → oe, ê → e…
    (the table is ``rules/sms_replacements.toml``).  The text is NFC-normalised
    first, so a decomposed ``é`` becomes the GSM ``é``.  Returns ``None`` when a
    character has no replacement (an emoji, say): the text cannot be made
    GSM-7.  A text already in GSM-7 comes back unchanged.
    """
    replacements = gsm_replacements()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if _gsm_cost(ch, table):
            out.append(ch)
            continue
        replacement = replacements.get(ch)
        if replacement is None:
            return None
        out.append(replacement)
    return "".join(out)

"""C008 sms-too-long: segments, encoding, and the GSM-7 replacement fix."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Applicability, Edit, Finding, Severity
from ...model import TextField
from ...rule import Rule, fix
from ...text.sms import gsm_replacements, is_gsm, sms_info
from ...text.wording import plural
from .._format import names
from ._shared import escape, field_label, profiled_messages, raw_literal, show_char

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class SmsTooLong(Rule):
    """An SMS needs more segments than the channel's `max segments`.

    The `body` is measured as the phone network sends it: in GSM-7 (160
    characters in one SMS, 153 per part of a longer one; `€ [ ] { } \\ ~ ^ |`
    count 2) when every character belongs to the GSM 03.38 alphabet, otherwise
    in UCS-2 (70 and 67).  The message gives the encoding, the length, the
    segments, and which characters forced UCS-2 with their column.  When
    replacing those characters by GSM-7 equivalents (’ → ', « » → ", œ → oe,
    no-break space → space; the table is `rules/sms_replacements.toml`) brings
    the SMS within its segments, an unsafe fix does it (not for a text written
    with escapes such as `\\u{2019}`).
    """

    code = "C008"
    name = "sms-too-long"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "Every segment is billed: an SMS that goes one character over doubles the "
        "cost of the whole send. A single typographic apostrophe (’) or a French "
        "no-break space switches the message to UCS-2, where one SMS holds 70 "
        "characters instead of 160; straight quotes keep it in one segment."
    )
    example = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % sur la collection de printemps avec le code PRINTEMPS15 jusqu’au 31/03. "
        "STOP au 36173\"\n}"
    )
    correction = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % sur la collection de printemps avec le code PRINTEMPS15 jusqu'au 31/03. "
        "STOP au 36173\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in profiled_messages(ctx.campaign):
            maximum = profile.maxima.get("segments")
            if maximum is None:
                continue
            for text in message.copy_texts():
                if text.field != "body":
                    continue
                info = sms_info(text.value)
                if info.segments <= maximum:
                    continue
                label = field_label(message, text)
                what = ngettext("SMS {label} needs {count} segment, more than the {maximum} allowed on {profile} "
                                "(`max segments`): ", "SMS {label} needs {count} segments, more than the {maximum} "
                                "allowed on {profile} (`max segments`): ", info.segments).format(
                    label=label, count=info.segments, maximum=maximum, profile=profile.name)
                capacity = _("{units} {unit_word}; one SMS holds {single}, each part of a longer one {part}").format(
                    units=info.units, unit_word=_("{encoding} characters").format(encoding=info.encoding),
                    single=info.single_capacity, part=info.part_capacity)
                if info.encoding == "GSM-7":
                    yield ctx.finding(self, text.span, what + capacity)
                    continue
                forced = self._forcing_characters(ctx, text, info.non_gsm)
                yield ctx.finding(
                    self, text.span,
                    what + _("it is sent in UCS-2 ({capacity}) because of {forced}").format(
                        capacity=capacity, forced=forced),
                    fix=self._fix(ctx, text, info.non_gsm, maximum),
                )

    @staticmethod
    def _forcing_characters(ctx: "CampaignContext", text: TextField, non_gsm: list[tuple[int, str]]) -> str:
        """``’ (right single quotation mark) at column 12; « (…) at line 9, columns 30 and 41``."""
        source = ctx.source(text.span.path)
        by_char: dict[str, list[tuple[int, int]]] = {}
        for index, ch in non_gsm:
            if source is not None and text.char_offsets:
                by_char.setdefault(ch, []).append(source.position(text.char_offsets[index]))
            else:
                by_char.setdefault(ch, [])
        start_line = source.position(text.span.start)[0] if source is not None else 1
        one_line = all(line == start_line for places in by_char.values() for line, _c in places)
        described = []
        for ch, places in by_char.items():
            lines: dict[int, list[int]] = {}
            for line, column in places:
                lines.setdefault(line, []).append(column)
            where = []
            for line, columns in lines.items():
                word = ngettext("column {columns}", "columns {columns}", len(columns)).format(columns=names(columns))
                where.append(word if one_line else _("line {line}, {columns}").format(line=line, columns=word))
            at = _(" at {places}").format(places=_(", and ").join(where)) if where else ""
            described.append(f"{show_char(ch)} ({_char_name(ch)}){at}")
        if len(described) > 5:
            described = described[:4] + [_("{count} other characters").format(count=len(described) - 4)]
        return "; ".join(described)

    @staticmethod
    def _fix(ctx: "CampaignContext", text: TextField, non_gsm: list[tuple[int, str]], maximum: int):
        raw = raw_literal(ctx, text)
        if raw is None or "\\" in raw or not text.char_offsets:
            return None  # escapes: the characters are not written as themselves
        table = gsm_replacements()
        value = text.value
        replacements: dict[int, tuple[int, str]] = {}  # start index -> (end index, new text)
        for index, ch in non_gsm:
            if index in replacements or any(start < index < end for start, (end, _r) in replacements.items()):
                continue
            new = table.get(ch)
            end = index + 1
            if new is None and unicodedata.combining(ch) and index > 0:
                # a decomposed letter (e + U+0301): its composed form may be GSM-7
                composed = unicodedata.normalize("NFC", value[index - 1:index + 1])
                if len(composed) == 1 and (is_gsm(composed) or composed in table):
                    new = composed if is_gsm(composed) else table[composed]
                    replacements.pop(index - 1, None)
                    index -= 1
            if new is None or not is_gsm(new):
                return None
            replacements[index] = (end, new)
        pieces, position = [], 0
        for start in sorted(replacements):
            end, new = replacements[start]
            pieces.append(value[position:start])
            pieces.append(new)
            position = end
        pieces.append(value[position:])
        fixed = "".join(pieces)
        if sms_info(fixed).segments > maximum:
            return None
        edits = []
        for start, (end, new) in sorted(replacements.items()):
            span = text.span_of(start, end)
            edits.append(Edit(span.start, span.end, escape(new)))
        shown = names(sorted({f"{show_char(ch)}" for _i, ch in non_gsm}), limit=8)
        return fix(Applicability.UNSAFE, edits, f"replace {shown} by GSM-7 characters")


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.lower() if name else f"U+{ord(ch):04X}"

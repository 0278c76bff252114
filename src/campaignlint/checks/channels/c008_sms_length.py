"""C008 sms-too-long: segments, encoding, and the GSM-7 replacement fix."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Applicability, Edit, Finding, Severity
from ...model import TextField
from ...rule import Rule, fix
from ...text.sms import gsm_replacements, is_gsm, sms_info, spelling_replacements
from .._format import names
from .._v2 import worst_case_text
from ._shared import escape, field_label, profiled_messages, raw_literal, show_char

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class SmsTooLong(Rule):
    """An SMS needs more segments than the channel's `max segments`.

    The `body` is measured as the phone network sends it: in GSM-7 (160
    characters in one SMS, 153 per part of a longer one; `€ [ ] { } \\ ~ ^ |`
    count 2) when every character belongs to the GSM 03.38 alphabet, otherwise
    in UCS-2 (70 and 67).  The message gives the encoding, the length, the
    segments, and which characters forced UCS-2 with their column.

    The alphabet is read as senders read it (Android's GSM alphabet, Twilio's
    segment calculator): a capital Ç is GSM-7, a small ç forces UCS-2, so
    « reçu » or « français » cost a UCS-2 SMS.  A channel whose gateway follows
    the 3GPP / Unicode table (small ç at 0x09) says `gsm table standard`
    (docs/channels.md).

    When replacing the characters that keep the spelling (’ → ', « » → ",
    … → ..., no-break spaces → space, dashes, œ → oe: `[replacements]` of
    `rules/sms_replacements.toml`) brings the SMS within its segments, a safe
    fix does it (not for a text written with escapes such as `\\u{2019}`).
    Accented letters (û, ê, ç…: `[spelling]`) are never replaced
    automatically: the message says that the replacement would change the
    spelling (« bûche » → « buche ») and asks for a rewording instead.
    """

    code = "C008"
    name = "sms-too-long"
    severity = Severity.ERROR
    fix_applicability = (Applicability.SAFE,)
    fix_note = ("safe: only characters whose replacement keeps the spelling (’ « » … no-break spaces, dashes, "
                "œ); accented letters are never replaced: reword instead")
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
                value, worst = worst_case_text(ctx.campaign, text.written)  # v2: merge tags at their longest
                info = sms_info(value, profile.gsm_table)
                if info.segments <= maximum:
                    continue
                if worst:
                    worst += _(" (a name outside GSM 03.38 would switch the SMS to UCS-2)")
                label = field_label(message, text) + worst
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
                # positions in the copy
                non_gsm = sms_info(text.value, profile.gsm_table).non_gsm if worst else info.non_gsm
                forced = self._forcing_characters(ctx, text, non_gsm)
                spelling = spelling_replacements()
                changes = [(i, ch) for i, ch in non_gsm if ch in spelling]
                fixed = None if changes else self._fix(ctx, text, non_gsm, maximum, profile.gsm_table)
                advice = _spelling_advice(text.value, changes, spelling, non_gsm, maximum, profile.gsm_table)
                yield ctx.finding(
                    self, text.span,
                    what + _("it is sent in UCS-2 ({capacity}) because of {forced}{advice}").format(
                        capacity=capacity, forced=forced, advice=advice),
                    fix=fixed,
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
            described.append(f"{show_char(ch)}{_char_name(ch)}{at}")
        if len(described) > 5:
            described = described[:4] + [_("{count} other characters").format(count=len(described) - 4)]
        return _("; ").join(described)

    @staticmethod
    def _fix(ctx: "CampaignContext", text: TextField, non_gsm: list[tuple[int, str]], maximum: int,
             table: str = "android"):
        raw = raw_literal(ctx, text)
        if raw is None or "\\" in raw or not text.char_offsets:
            return None  # escapes: the characters are not written as themselves
        replacements_table = gsm_replacements()
        spelling = spelling_replacements()
        value = text.value
        replacements: dict[int, tuple[int, str]] = {}  # start index -> (end index, new text)
        for index, ch in non_gsm:
            if index in replacements or any(start < index < end for start, (end, _r) in replacements.items()):
                continue
            new = replacements_table.get(ch)
            end = index + 1
            if new is None and unicodedata.combining(ch) and index > 0:
                # a decomposed letter (e + U+0301): its composed form may be GSM-7
                composed = unicodedata.normalize("NFC", value[index - 1:index + 1])
                if len(composed) == 1 and (is_gsm(composed, table) or composed in replacements_table):
                    new = composed if is_gsm(composed, table) else replacements_table[composed]
                    replacements.pop(index - 1, None)
                    index -= 1
            if new is None or not is_gsm(new, table):
                return None
            if unicodedata.normalize("NFC", value[index:end]) in spelling:
                return None  # a decomposed accented letter ("u" + U+0302): it would change the spelling
            replacements[index] = (end, new)
        pieces, position = [], 0
        for start in sorted(replacements):
            end, new = replacements[start]
            pieces.append(value[position:start])
            pieces.append(new)
            position = end
        pieces.append(value[position:])
        fixed = "".join(pieces)
        if sms_info(fixed, table).segments > maximum:
            return None
        edits = []
        for start, (end, new) in sorted(replacements.items()):
            span = text.span_of(start, end)
            edits.append(Edit(span.start, span.end, escape(new)))
        shown = names(sorted({f"{show_char(ch)}" for _i, ch in non_gsm}), limit=8)
        return fix(Applicability.SAFE, edits,
                   _("replace {characters} by GSM-7 characters (the spelling stays the same)").format(characters=shown))


def _spelling_advice(value: str, changes: list[tuple[int, str]], spelling: dict[str, str],
                     non_gsm: list[tuple[int, str]], maximum: int, table: str) -> str:
    """For accented letters: the fix would change the spelling; say so, with the first word, and ask to reword."""
    if not changes:
        return ""
    index, ch = changes[0]
    start, end = index, index + 1
    while start > 0 and value[start - 1].isalpha():
        start -= 1
    while end < len(value) and value[end].isalpha():
        end += 1
    word = value[start:end]
    respelled = "".join(spelling.get(c, c) for c in word)
    letters = names(sorted({show_char(c) for _i, c in changes}), limit=6)
    # would the text fit once every replaceable character is replaced?
    all_table = gsm_replacements()
    replaced = "".join(all_table.get(c, c) if not is_gsm(c, table) else c for c in value)
    fits = is_gsm(replaced, table) and sms_info(replaced, table).segments <= maximum
    count = len({c for _i, c in changes})
    if fits:
        said = ngettext("; {letters} is an accented letter: replacing it would fit the SMS but changes the spelling "
                        "(« {word} » → « {respelled} »), so no automatic fix: reword (shorter text, or words "
                        "without {letters})",
                        "; {letters} are accented letters: replacing them would fit the SMS but changes the spelling "
                        "(« {word} » → « {respelled} »), so no automatic fix: reword (shorter text, or words "
                        "without {letters})", count)
    else:
        said = ngettext("; {letters} is an accented letter: replacing it would change the spelling (« {word} » → "
                        "« {respelled} »), so no automatic fix: reword (shorter text, or words without {letters})",
                        "; {letters} are accented letters: replacing them would change the spelling (« {word} » → "
                        "« {respelled} »), so no automatic fix: reword (shorter text, or words without {letters})",
                        count)
    return said.format(letters=letters, word=word, respelled=respelled)


def _char_name(ch: str) -> str:
    """`` (right single quotation mark)`` in English; other languages, Unicode names being English, give the
    code point (`` (U+2019)``), or nothing when the character is already shown by its code."""
    from ...i18n import language

    if language() != "en":
        return "" if show_char(ch).startswith("U+") else f" (U+{ord(ch):04X})"
    name = unicodedata.name(ch, "")
    return f" ({name.lower()})" if name else f" (U+{ord(ch):04X})"

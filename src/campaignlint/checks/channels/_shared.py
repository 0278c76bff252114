"""What the C rules share: a message's sendable versions, field labels, and
edits to string literals.

Private to the channels family: other families do not import it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ...i18n import gettext as _
from ...i18n import pgettext
from ...findings import Edit
from ...model import Campaign, ChannelProfile, Message, Text, TextField, Variant
from ...text.extract import Occurrence
from .._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


# ------------------------------------------------ messages and their versions

@dataclass(frozen=True)
class Version:
    """One sendable version of a message: the message itself, or one of its
    variants with the fields it overrides applied."""

    message: Message
    variant: Variant | None
    texts: list[TextField]

    @property
    def label(self) -> str:
        if self.variant is None:
            return _("message `{message}`").format(message=self.message.name)
        return _("variant `{variant}` of message `{message}`").format(
            variant=self.variant.name, message=self.message.name)

    def body(self) -> TextField | None:
        return next((t for t in self.texts if t.field == "body"), None)


def versions(message: Message) -> list[Version]:
    """The message, then each variant that overrides some text."""
    found = [Version(message, None, list(message.texts))]
    for variant in message.variants:
        if not variant.texts:
            continue  # a variant that only moves the send time has the same copy
        overridden = {t.field for t in variant.texts}
        texts = [t for t in message.texts if t.field not in overridden] + list(variant.texts)
        found.append(Version(message, variant, texts))
    return found


def profiled_messages(campaign: Campaign) -> Iterator[tuple[Message, ChannelProfile]]:
    """Every message whose channel is known, with its effective profile."""
    for message in campaign.messages:
        profile = campaign.channel_profile(message.channel)
        if profile is not None:
            yield message, profile


def _variant_of(message: Message, text: Text) -> Variant | None:
    for variant in message.variants:
        if any(t is text for t in variant.texts):
            return variant
    return None


def field_label(message: Message, text: TextField) -> str:
    """``body``, ``headline 3`` (when there are several), ``subject of variant `b```."""
    variant = _variant_of(message, text)
    owner_texts = variant.texts if variant is not None else message.texts
    same = [t for t in owner_texts if t.field == text.field]
    label = pgettext("field", text.field)
    if len(same) > 1:
        label = f"{label} {next(i for i, t in enumerate(same) if t is text) + 1}"
    if variant is not None:
        label += _(" of variant `{variant}`").format(variant=variant.name)
    return label


def items_of(version: Version, finder) -> list[tuple[TextField, Occurrence]]:
    return [(text, span) for text in version.texts for span in finder(text.value)]


def quoted_names(items: Iterable[str]) -> str:
    return names([f"`{item}`" for item in items])


def show_char(ch: str) -> str:
    """A character as a message can show it (invisible ones by their code)."""
    if ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs"):
        return f"U+{ord(ch):04X}"
    return ch


# ------------------------------------------------------ editing string literals

def raw_literal(ctx: "CampaignContext", text: Text) -> str | None:
    """The string literal as written in the source, quotes included."""
    source = ctx.source(text.span.path)
    if source is None:
        return None
    return source.text[text.span.start:text.span.end]


def is_long_string(raw: str) -> bool:
    return raw.startswith('"""')


def escape(value: str) -> str:
    """``value`` written inside a string literal (``\\`` and ``"`` escaped)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _source_range(ctx: "CampaignContext", text: Text, start: int, end: int) -> tuple[int, int] | None:
    """Source offsets covering exactly ``text.value[start:end]``, or None.

    Everything written between the first character and the next one is
    included (so an escape such as ``\\u{E9}`` is removed whole).  At the very
    end of the text the last character must be written as itself.
    """
    offsets = text.char_offsets
    value = text.value
    if not offsets or not 0 <= start < end <= len(value):
        return None
    source = ctx.source(text.span.path)
    if source is None:
        return None
    first = offsets[start]
    if source.text[first:first + 1] != value[start] and value[start] != "\n":
        return None
    if end < len(value):
        return first, offsets[end]
    last = offsets[end - 1]
    if source.text[last:last + 1] != value[end - 1]:
        return None
    return first, last + 1


def _removal_ranges(value: str, spans: Iterable[Occurrence]) -> list[tuple[int, int]]:
    """Ranges of ``value`` to delete to remove each span and one adjacent space.

    The space before is taken when there is one (else the space after), never
    a space another removal already takes, so no double space is left behind
    ("#a #b #c" minus #b and #c is "#a"); a line left empty goes with its line
    break.  Contiguous ranges are merged.
    """
    spans = sorted(spans, key=lambda s: s.start)
    claimed: set[int] = set()
    for span in spans:
        claimed.update(range(span.start, span.end))
    ranges: list[tuple[int, int]] = []
    for span in spans:
        start, end = span.start, span.end
        if start > 0 and value[start - 1] == " " and start - 1 not in claimed:
            start -= 1
        elif end < len(value) and value[end] == " " and end not in claimed:
            end += 1
        if (start == 0 or value[start - 1] == "\n") and (end == len(value) or value[end] == "\n"):
            # the line would be left empty: remove it with its line break
            if start > 0 and start - 1 not in claimed:
                start -= 1
            elif end < len(value) and end not in claimed:
                end += 1
        claimed.update(range(start, end))
        ranges.append((start, end))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def removal_edits(ctx: "CampaignContext", items: list[tuple[TextField, Occurrence]]) -> list[Edit] | None:
    """Edits removing every (text, span) item with one adjacent space; None if impossible."""
    by_text: dict[int, tuple[TextField, list[Occurrence]]] = {}
    for text, span in items:
        by_text.setdefault(id(text), (text, []))[1].append(span)
    edits: list[Edit] = []
    for text, spans in by_text.values():
        for start, end in _removal_ranges(text.value, spans):
            where = _source_range(ctx, text, start, end)
            if where is None:
                return None
            edits.append(Edit(where[0], where[1], ""))
    return edits

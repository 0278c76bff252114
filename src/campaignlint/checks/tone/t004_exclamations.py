"""T004 too-many-exclamations: exclamation marks per text field."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import ngettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule, Setting
from ...text.wording import plural
from ._shared import field_label

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


# "!" and the full-width "！" count one; "‼" two; "⁉" one.  URLs are skipped.
_EXCLAMATION = re.compile(r"[!！‼⁉]")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def exclamation_marks(text: str) -> list[tuple[int, int]]:
    """``(offset, weight)`` of every exclamation mark of ``text`` outside URLs."""
    if not _EXCLAMATION.search(text):
        return []  # most copy: no mark, no need to find the URLs
    urls = [m.span() for m in _URL.finditer(text)]  # in text order, not overlapping
    out = []
    next_url = 0
    for m in _EXCLAMATION.finditer(text):
        while next_url < len(urls) and urls[next_url][1] <= m.start():
            next_url += 1
        if next_url < len(urls) and urls[next_url][0] <= m.start():
            continue
        out.append((m.start(), 2 if m.group() == "‼" else 1))
    return out


class TooManyExclamations(Rule):
    """More exclamation marks in one text field than the voice's `max exclamations`.

    Counted per text field (subject, body, each headline…): "!!!" is three, a
    French "!" after a space counts like any other ("‼" is two).  Marks inside
    URLs do not count.  The finding points at the first mark over the limit.
    When the voice sets no `max exclamations` (or there is no voice), the
    limit is the setting `default-max-exclamations` (2: "!!!" is always too
    many).
    """

    code = "T004"
    name = "too-many-exclamations"
    severity = Severity.WARNING
    settings = (Setting("default-max-exclamations", 2,
                        "exclamation marks allowed per text when the voice sets no `max exclamations`", int, 0),)
    why = (
        "Exclamation marks are the cheapest way to sound excited, and they wear out "
        "fast: copy that exclaims every sentence reads as pushy, gets flagged by spam "
        "filters in subject lines and is refused by ad platforms in headlines. A "
        "style guide caps them so that the one that remains carries weight."
    )
    example = (
        'voice { max exclamations 1 }\n\nmessage tiktok_essai {\n  channel tiktok\n  language fr\n'
        '  body "La nouvelle veste est là !!! Venez l\'essayer !"\n}'
    )
    correction = (
        'voice { max exclamations 1 }\n\nmessage tiktok_essai {\n  channel tiktok\n  language fr\n'
        '  body "La nouvelle veste est là. Venez l\'essayer !"\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        if voice is not None and voice.max_exclamations is not None:
            limit = voice.max_exclamations
            source = _("more than the voice allows (max exclamations {limit} per text)").format(
                limit=voice.max_exclamations)
        else:
            limit = ctx.setting("default-max-exclamations")
            source = _("more than the default of {limit} per text (the voice sets no `max exclamations`)").format(
                limit=limit)
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                marks = exclamation_marks(text.value)
                total = sum(w for _, w in marks)
                if total <= limit:
                    continue
                count = 0
                first_over = marks[0][0]
                for offset, weight in marks:
                    count += weight
                    if count > limit:
                        first_over = offset
                        break
                yield ctx.finding(
                    self, text.span_of(first_over, first_over + 1),
                    _("{field_label} of message `{message}` has {plural}, {source}").format(
                        field_label=field_label(message, text), message=message.name,
                        plural=ngettext("{count} exclamation mark", "{count} exclamation marks",
                                        total).format(count=total),
                        source=source),
                )

"""T005 shouting: words in capitals that are not acronyms, names or codes."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...language.capitals import shouting_runs
from ...rule import Rule, Setting
from ...text.wording import excerpt
from ._shared import field_label
from .._packs import taken_over

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


@functools.lru_cache(maxsize=16)
def _capital_run(min_letters: int):
    """A pre-check: ``min_letters`` capitals in a row (every shouting word has them); compiled once per
    setting (``regex.compile`` costs tens of microseconds even when it finds the pattern in its cache)."""
    import regex

    return regex.compile(r"\p{Lu}{%d}" % max(1, min_letters))


class Shouting(Rule):
    """Shouting: words of 4 or more letters in capitals that are not acronyms, brand names or codes.

    Neighbouring words in capitals make one finding ("LES SOLDES SONT LÀ").
    Never shouting: the acronyms and keywords listed in
    ``rules/<lang>/tone.toml`` (RGPD, STOP, GDPR…), the brand's name, SMS
    senders, the channel's opt-out text, offer codes and any word with digits
    ("HIVER40", "EV3", "4G"), the words the voice accepts (`accept "DELE",
    "TOEIC"`), a short word (5 letters or fewer) that is not an everyday word
    of the language (an exam, a model, a city code: "DELF", "SUV", "NYC"), a
    word right after « code », hashtags, mentions and URLs.  Title Case
    ("Book Your Test Drive Today") is never shouting.  T009 counts words in
    capitals with the same logic.  The `sender` field itself is not checked.
    """

    code = "T005"
    name = "shouting"
    severity = Severity.WARNING
    settings = (Setting("shouting-min-letters", 4, "a word in capitals shouts from this many letters", int, 2),)
    why = (
        "Capitals read as shouting: they are harder to read (word shapes disappear), "
        "look like spam to filters and readers, and clash with any voice that is not "
        "deliberately loud. Ad platforms refuse headlines in capitals. Emphasis "
        "comes better from the words themselves."
    )
    example = 'message ig_post {\n  channel instagram\n  language fr\n  body "ÉNORME PROMO sur la rentrée"\n}'
    correction = 'message ig_post {\n  channel instagram\n  language fr\n  body "-20 % sur la rentrée"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...language.capitals import exemptions_for

        exemptions = exemptions_for(ctx.campaign)
        min_letters = ctx.setting("shouting-min-letters")
        capitals = _capital_run(min_letters)
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                if text.field == "sender" or not capitals.search(text.value):
                    continue  # no word in capitals long enough to shout: skip the scan
                for start, end in shouting_runs(text.value, message.language, exemptions.names, min_letters,
                                                exemptions.accepted):
                    if taken_over("T005", ctx, message, text, start, end):  # a pack rule reports it (R008)
                        continue
                    yield ctx.finding(
                        self, text.span_of(start, end),
                        _("{field_label} of message `{message}` shouts: {excerpt} is in capitals; write it "
                          "in normal case (acronyms, brand names and codes are fine)").format(
                            field_label=field_label(message, text), message=message.name,
                            excerpt=excerpt(text.value[start:end])),
                    )

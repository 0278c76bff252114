"""T005 shouting: words in capitals that are not acronyms, names or codes."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...language.scanning import EMAIL, bare_domain
from ...rule import Rule, Setting
from ...text.wording import excerpt
from ._shared import field_label, language_root
from .._packs import taken_over

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


_CHUNK = re.compile(r"[^\W_]+")
_LONG_CHUNK = re.compile(r"[^\W_]{2,}")  # the chunks of 2 characters or more


def _capital_run(min_letters: int):
    """A pre-check: ``min_letters`` capitals in a row (every shouting word has them)."""
    import regex

    return regex.compile(r"\p{Lu}{%d}" % max(1, min_letters))
_CODE_LIKE = re.compile(r"(?<![\w-])(?=[\w-]*\d)[\w][\w-]*")
# e-mail addresses ([\w.+-]+@[\w-]+(?:\.[\w-]+)+) and bare domains, found in
# linear time (see ``language.scanning``)
_EMAIL = EMAIL
_BARE_DOMAIN = bare_domain(r"(?i)(?<![\w@.])[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")


def _code_cues(language: str) -> frozenset[str]:
    """The words after which a word in capitals is a promo code ("code BIENVENUE")."""
    return _code_cues_of(language_root(language))


@functools.cache
def _code_cues_of(root: str) -> frozenset[str]:
    from ...resources import load_toml, rules_path

    if not root or not rules_path(root, "tone.toml").is_file():
        return frozenset()
    return frozenset(w.lower() for w in load_toml(root, "tone.toml").get("shouting", {}).get("code_cues", []))


def shouting_runs(text: str, language: str, names: frozenset[str] = frozenset(),
                  min_letters: int = 4, accepted: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Stretches of ``text`` written in capitals that read as shouting.

    A run is a sequence of words in capitals (separated only by spaces and
    punctuation) holding at least one loud word of ``min_letters`` letters or
    more.  Which words are loud is :func:`campaignlint.language.capitals.is_loud`
    (the logic T009 shares): not the acronyms and keywords of
    ``rules/<lang>/tone.toml``, ``names`` (brand, sender, offer codes) and
    ``accepted`` (the voice's ``accept``), compared in capitals without accents,
    nor words with digits ("HIVER30", "EV3"), nor short words that are not
    common words ("DELE", "SUV").  Never either: a word right after a code cue
    ("code BIENVENUE"), hashtags, @mentions, URLs, domains and e-mail
    addresses.  Returns ``(start, end)`` offsets.
    """
    if not any(map(str.isupper, _LONG_CHUNK.findall(text))):
        return []  # a loud word is a word of 2 letters or more in capitals: none here
    from ...text.extract import extract_hashtags, extract_mentions, extract_urls

    from ...language.capitals import Exemptions

    cues = _code_cues(language)
    exemptions = Exemptions(names, accepted)
    masked = [(s.start, s.end) for s in (*extract_hashtags(text), *extract_mentions(text))]
    for pattern in (_EMAIL, _BARE_DOMAIN, _CODE_LIKE):
        masked.extend(m.span() for m in pattern.finditer(text))
    # masking only ever closes runs: without the URLs' masks the runs are a superset, so
    # the slow URL extraction (twitter-text) is needed only when a run is found
    runs = _runs(text, sorted(masked), exemptions, cues, language, min_letters)
    if not runs:
        return runs
    masked.extend((s.start, s.end) for s in extract_urls(text))
    return _runs(text, sorted(masked), exemptions, cues, language, min_letters)


def _runs(text: str, masked: list[tuple[int, int]], exemptions, cues, language: str,
          min_letters: int) -> list[tuple[int, int]]:
    """The shouting runs of ``text`` with the ``masked`` spans (sorted) left out."""
    from ...language.capitals import is_loud

    # words come in text order: sweep the masked spans (sorted by start) once,
    # keeping the furthest end of those starting at or before the word
    next_mask, covered_until = 0, -1
    runs: list[tuple[int, int]] = []
    current: list[tuple[int, int, int]] = []  # (start, end, letters)
    previous_word = ""

    def close() -> None:
        if current and any(letters >= min_letters for _, _, letters in current):
            runs.append((current[0][0], current[-1][1]))
        current.clear()

    for m in _CHUNK.finditer(text):
        word, (start, end) = m.group(), m.span()
        cue_before = previous_word.lower() in cues
        previous_word = word
        while next_mask < len(masked) and masked[next_mask][0] <= start:
            covered_until = max(covered_until, masked[next_mask][1])
            next_mask += 1
        if start < covered_until or cue_before or not is_loud(word, language, exemptions):
            close()
            continue
        current.append((start, end, len(word)))
    close()
    return runs


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

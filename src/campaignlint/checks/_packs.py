"""Helpers shared by the rule packs (D, R, W, L): the messages a pack reads,
their copy (with the channel's `footer`), and text matching that keeps offsets.

Everything a pack matches (words, phrases, patterns, legal texts) is data
under ``rules/``; this module only reads it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

from ..model import Campaign, Message, TextField
from ..resources import load_toml, rules_path
from ..text.wording import strip_accents

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ChannelProfile


def messages_on(campaign: Campaign, channels: tuple[str, ...] = (), kind: str | None = None
                ) -> Iterator[tuple[Message, "ChannelProfile | None"]]:
    """Messages whose channel is one of ``channels`` (by name) or of ``kind``."""
    for message in campaign.messages:
        profile = campaign.channel_profile(message.channel)
        if message.channel in channels or (kind is not None and profile is not None and profile.kind == kind):
            yield message, profile


def field_label(message: Message, text: TextField) -> str:
    """``body``, ``headline 2`` when there are several, ``… of variant `b```."""
    owner = next((v for v in message.variants if any(t is text for t in v.texts)), None)
    texts = owner.texts if owner is not None else message.texts
    same = [t for t in texts if t.field == text.field]
    label = text.field
    if len(same) > 1:
        label = f"{text.field} {next(i for i, t in enumerate(same) if t is text) + 1}"
    if owner is not None:
        label += f" of variant `{owner.name}`"
    return label


def attr(obj, name: str, default=None):
    """A v2 attribute (language §7) when the model has it: packs read it if present."""
    return getattr(obj, name, default) if obj is not None else default


def footer_of(campaign: Campaign, message: Message) -> str:
    """The channel's `footer` (language §7), which every rule that reads the body reads too."""
    channel = campaign.channels.get(message.channel or "")
    value = attr(channel, "footer") or attr(campaign.channel_profile(message.channel), "footer")
    return str(value) if value else ""


def all_copy(campaign: Campaign, message: Message) -> str:
    """Every text field of the message, then the channel's footer, one per line."""
    parts = [t.value for t in message.copy_texts()]
    footer = footer_of(campaign, message)
    if footer:
        parts.append(footer)
    return "\n".join(parts)


def language_data(language: str, filename: str) -> dict:
    """``rules/<language>/<filename>``, English when the language has none, {} when neither."""
    for candidate in (language.split("-")[0], "en"):
        if rules_path(candidate, filename).is_file():
            return load_toml(candidate, filename)
    return {}


def fold_keep(text: str) -> str:
    """Lower case without accents, one character for one (offsets stay those of ``text``)."""
    out = []
    for ch in text.translate(_ONE_FOR_ONE):
        folded = strip_accents(ch).lower()
        out.append(folded if len(folded) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch))
    return "".join(out)


_ONE_FOR_ONE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ", "−": "-", "–": "-"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "–": "-", "—": "-", "‑": "-",
                              "«": " ", "»": " ", "“": '"', "”": '"'})
_SPACE_BEFORE = re.compile(r"\s+([:;!?,.)])")
_SPACES = re.compile(r"\s+")


def normalise_mention(text: str) -> str:
    """The legal-text comparison key: NFKC (non-breaking spaces, ``…``), apostrophes and
    dashes unified, line breaks and runs of spaces as one space, no space before
    punctuation (French typography), case folded."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    return text.strip().casefold()


def contains_mention(copy: str, mention: str) -> bool:
    wanted = normalise_mention(mention).rstrip(".")
    return wanted in normalise_mention(copy)


@functools.lru_cache(maxsize=256)
def phrase_pattern(phrase: str) -> re.Pattern:
    """A phrase matched on folded text at word edges, any spaces (or none before %) between words."""
    words = fold_keep(phrase).replace("%", " % ").split()
    body = ""
    for index, word in enumerate(words):
        if index:
            body += r"\s*" if word == "%" else r"\s+"
        body += re.escape(word)
    return re.compile(r"(?<![^\W_])" + body + r"(?![^\W_])")


def find_phrases(text: str, phrases) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each phrase found in ``text`` (without case or accents)."""
    folded = fold_keep(text)
    found = []
    for phrase in phrases:
        for m in phrase_pattern(phrase).finditer(folded):
            found.append((m.start(), m.end(), phrase))
    return sorted(found)


def quote(text: str) -> str:
    return f"« {text} »"


#: pack rules that take over a built-in rule's findings (rules.md: "R008 takes over T005's
#: findings on google_ads messages for the words it reports"): code → hooks registered by the packs
TAKEOVERS: dict[str, list] = {}


def taken_over(code: str, ctx, message: Message, text: TextField, start: int, end: int) -> bool:
    """Whether an enabled pack rule reports ``text[start:end]`` of ``message`` in place of rule ``code``."""
    return any(hook(ctx, message, text, start, end) for hook in TAKEOVERS.get(code, ()))

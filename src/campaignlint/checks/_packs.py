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

from ..i18n import gettext as _
from ..i18n import pgettext
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
    label = pgettext("field", text.field)
    if len(same) > 1:
        label = _("{field} {number}").format(field=label, number=next(i for i, t in enumerate(same) if t is text) + 1)
    if owner is not None:
        label = _("{field} of variant `{variant}`").format(field=label, variant=owner.name)
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
    return _("« {text} »").format(text=text)


def char_name(char: str, default: str) -> str:
    """How a message names a character: its Unicode name in English (``bullet``), its code point in
    other languages (``U+2022``), Unicode names being English only."""
    from ..i18n import language

    if language() == "en":
        return unicodedata.name(char, default).lower()
    return f"U+{ord(char):04X}"


#: pack rules that take over a built-in rule's findings (rules.md: "R008 takes over T005's
#: findings on google_ads messages for the words it reports"): code → hooks registered by the packs
TAKEOVERS: dict[str, list] = {}


def taken_over(code: str, ctx, message: Message, text: TextField, start: int, end: int) -> bool:
    """Whether an enabled pack rule reports ``text[start:end]`` of ``message`` in place of rule ``code``."""
    return any(hook(ctx, message, text, start, end) for hook in TAKEOVERS.get(code, ()))


# ---------------------------------------------------------------- what the L, D and W rules share

def categories_of(campaign: Campaign, message: Message) -> list[str]:
    """The message's `category` list, else its campaign's (language §7)."""
    own = attr(message, "categories")
    return list(own) if own is not None else list(attr(campaign, "categories", None) or [])


def written(text) -> str:
    """A text as written, merge tags included (the model masks them in ``value``)."""
    return getattr(text, "written", None) or text.value


def text_of(message: Message, *fields: str) -> TextField | None:
    """The message's first text of one of ``fields``, in that order of preference."""
    for name in fields:
        found = next((t for t in message.texts if t.field == name), None)
        if found is not None:
            return found
    return None


def url_key(url: str) -> str:
    """A URL compared without scheme, ``www.``, query, fragment, case nor final slash."""
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    url = re.sub(r"^www\.", "", url)
    return re.split(r"[?#]", url, maxsplit=1)[0].rstrip("/")


_SCHEME_URL = re.compile(r"\bhttps?://[^\s<>«»\"]+[^\s<>«»\".,;:!?)]", re.IGNORECASE)


def urls_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of the URLs in copy: those twitter-text knows, and any written with
    ``http(s)://`` whatever its domain (``bazar.example``, an intranet name)."""
    from ..text.extract import extract_urls

    found = {(u.start, u.end): u.text for u in extract_urls(text)}
    for m in _SCHEME_URL.finditer(text):
        if not any(start <= m.start() < end for start, end in found):
            found[(m.start(), m.end())] = m.group()
    return sorted((start, end, url) for (start, end), url in found.items())


def links_to(campaign: Campaign, message: Message, target: str) -> bool:
    """Whether a `link` of the message, or a URL in its copy, leads to ``target`` (query aside)."""
    wanted = url_key(target)
    urls = [str(link) for link in message.all_links()]
    urls += [url for _s, _e, url in urls_in(all_copy(campaign, message))]
    return any(url_key(u) == wanted for u in urls)


def literal(ctx, text) -> str | None:
    """The string literal of ``text`` as written in the file being checked, quotes included."""
    source = ctx.source(text.span.path)
    if source is None:
        return None
    raw = source.text[text.span.start:text.span.end]
    return raw if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2 else None


def escape(value: str) -> str:
    """``value`` written inside a string literal."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def append_edit(ctx, text, addition: str):
    """An ``Edit`` appending ``addition`` at the end of the literal of ``text``: after a space in a
    one-line string, on a new line at the text's indentation in a long string; None when
    the literal cannot be found."""
    from ..findings import Edit

    raw = literal(ctx, text)
    source = ctx.source(text.span.path)
    if raw is None or source is None:
        return None
    addition = escape(addition)
    if not raw.startswith('"""'):
        close = text.span.end - 1
        inner = raw[1:-1]
        separator = "" if not inner or inner[-1].isspace() else " "
        return Edit(close, close, separator + addition)
    inner = raw[3:-3]
    lines = inner.split("\n")
    margins = [line[: len(line) - len(line.lstrip(" \t"))] for line in lines[1:] if line.strip()]
    indent = min(margins, key=len) if margins else "  "
    last_newline = inner.rfind("\n")
    if last_newline != -1 and not inner[last_newline + 1:].strip():
        position = text.span.start + 3 + last_newline
        if position > 0 and source.text[position - 1] == "\r":
            position -= 1
    else:
        position = text.span.end - 3
    return Edit(position, position, f"{source.newline}{indent}{addition}")


def prepend_edit(ctx, text, addition: str):
    """An ``Edit`` writing ``addition`` before the first character of the literal's text."""
    from ..findings import Edit

    raw = literal(ctx, text)
    if raw is None:
        return None
    quotes = 3 if raw.startswith('"""') else 1
    inner = raw[quotes:-quotes]
    skip = len(inner) - len(inner.lstrip()) if quotes == 3 else 0
    position = text.span.start + quotes + skip
    return Edit(position, position, escape(addition))


def money_pattern(amount, currency: str, spellings: dict[str, list[str]]) -> re.Pattern:
    """A pattern for an amount of money as copy writes it: « 30 € », « 30,00 € », "€30.00", « 1 299 EUR »
    (``spellings``: currency code → how it is written, from the pack's data)."""
    from decimal import Decimal

    amount = Decimal(amount).quantize(Decimal("0.01"))
    units, cents = f"{amount:f}".split(".")
    number = _grouped(units) + (r"(?:[.,]00)?" if cents == "00" else rf"[.,]{cents}")
    names = sorted(spellings.get(currency.upper(), [currency]), key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(n) + (r"\b" if n[-1].isalpha() else "") for n in names) + ")"
    after = rf"(?<![\d.,]){number}\s?{unit}"
    before = rf"{unit}\s?{number}(?![\d])"
    cents_after = rf"(?<![\d.,]){re.escape(units)}{unit}{cents}(?!\d)"  # « 19€90 »
    return re.compile(f"{after}|{before}|{cents_after}", re.IGNORECASE)


def _grouped(units: str) -> str:
    """The integer part with optional thousands separators: 1299 → 1[ .,]?299."""
    head = len(units) % 3 or 3
    groups = [units[:head]] + [units[i:i + 3] for i in range(head, len(units), 3)]
    return r"[\s\u00a0\u202f.,]?".join(re.escape(g) for g in groups)


_MENTION_CHARS = {"'": "['’‘ʼ´`]", "-": "[-–—‑]", '"': '["“”«»]'}


@functools.lru_cache(maxsize=256)
def _mention_regex(mention: str) -> re.Pattern:
    key = normalise_mention(mention).rstrip(".")
    parts, i = [], 0
    while i < len(key):
        ch = key[i]
        if key.startswith("...", i):
            parts.append(r"\s*(?:\.\.\.|…)")
            i += 3
            continue
        if ch == " ":
            parts.append(r"\s+")
        elif ch in ":;!?,.)":
            parts.append(r"\s*" + re.escape(ch))
        else:
            parts.append(_MENTION_CHARS.get(ch, re.escape(ch)))
        i += 1
    return re.compile("".join(parts), re.IGNORECASE)


def find_mention(text: str, mention: str) -> tuple[int, int] | None:
    """Where ``mention`` is in ``text`` (the tolerance of ``normalise_mention``), or None."""
    found = _mention_regex(mention).search(text)
    return (found.start(), found.end()) if found else None

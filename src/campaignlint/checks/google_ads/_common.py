"""What the R rules share: the ads of a campaign and the pack's data."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from ...model import Campaign, Message, TextField
from ...resources import load_toml

CHANNEL = "google_ads"
PACK = "google-ads"
ASSETS = ("headline", "description")


@functools.cache
def data() -> dict:
    return load_toml("google_ads.toml")


@functools.cache
def compiled(section: str, key: str) -> tuple[re.Pattern, ...]:
    value = data()[section][key]
    return tuple(re.compile(p) for p in ([value] if isinstance(value, str) else value))


def ads(campaign: Campaign) -> Iterator[Message]:
    for message in campaign.messages:
        if message.channel == CHANNEL:
            yield message


def assets(message: Message, field: str | None = None) -> list[TextField]:
    """The message's headlines and descriptions (its variants' too), in the order written."""
    return [t for t in message.copy_texts() if t.field in ASSETS and (field is None or t.field == field)]


#: Google Ads customizers and keyword insertion: `{KeyWord:Chaussures}`, `{=Prix.Promo}`, `{COUNTDOWN(...)}`
CUSTOMIZER = re.compile(r"\{(?:[A-Za-z]+(?:\.[\w ]+)?:[^{}]*|=[^{}]+|[A-Z]+\([^{}]*\))\}")


def customizer_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in CUSTOMIZER.finditer(text)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)

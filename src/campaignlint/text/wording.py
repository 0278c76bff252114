"""How values read in messages: plurals, short quotations, accent folding.

One definition of each, shared by every rule family and the language layer.
(Message formatting of amounts, dates and lists lives in ``checks/_format.py``.)
"""

from __future__ import annotations

import unicodedata


def plural(count: int, one: str, many: str | None = None) -> str:
    """``plural(1, "link")`` → ``"1 link"``; ``plural(3, "link")`` → ``"3 links"``."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def excerpt(text: str, limit: int = 40, quotes: tuple[str, str] = ("« ", " »")) -> str:
    """The text on one line, cut at ``limit`` characters with an ellipsis, quoted."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"{quotes[0]}{text}{quotes[1]}"


def strip_accents(text: str) -> str:
    """``"Écolo"`` → ``"Ecolo"`` (combining marks removed after NFD)."""
    if text.isascii():
        return text  # NFD leaves ASCII as it is, and no ASCII character is a combining mark
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``"Écolo"`` → ``"ecolo"``."""
    return strip_accents(text).casefold()

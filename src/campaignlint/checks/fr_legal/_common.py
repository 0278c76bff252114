"""What the L rules share: the pack's data."""

from __future__ import annotations

import functools

from ...resources import load_toml

PACK = "fr-legal"


@functools.cache
def legal() -> dict:
    return load_toml("fr", "legal.toml")

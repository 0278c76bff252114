"""``Definitions``: what a file can see from outside it (built-in profiles, imports, rule packs)."""

from __future__ import annotations

from ... import model as m


class Definitions:
    """What a file can see from outside: built-in profiles, imports, rule packs."""

    def __init__(self) -> None:
        self.brands: dict[str, m.Brand] = {}
        self.channels: dict[str, m.ChannelProfile] = {}
        self.segments: dict[str, m.Segment] = {}
        self.rules: list[m.CustomRule] = []
        self.variables: dict[str, m.Variable] = {}  # v2
        self.events: dict[str, m.Event] = {}

    def update(self, other: "m.CampaignFile | Definitions") -> None:
        """Adds ``other``'s definitions, like ``dict.update``: a name defined again replaces the
        earlier one; rules are appended."""
        self.brands.update(other.brands)
        self.channels.update(other.channels)
        self.segments.update(other.segments)
        self.rules.extend(other.rules)
        self.variables.update(other.variables)
        self.events.update(other.events)

"""J — journeys: triggered messages, their events, exits, hours and caps (language §6.6)."""

from . import caps, cycles, exits, quiet_hours, references  # noqa: F401 - importing registers the rules

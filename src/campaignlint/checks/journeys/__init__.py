"""J — journeys: triggered messages, their events, exits, hours and caps (language §6.6)."""

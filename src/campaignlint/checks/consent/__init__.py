"""G — consent: the legal basis a segment holds for each direct channel (language §6.5)."""

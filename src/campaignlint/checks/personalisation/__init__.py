"""V — personalisation: merge tags in copy (language §6.3)."""

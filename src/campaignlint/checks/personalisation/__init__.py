"""V — personalisation: merge tags in copy (language §6.3)."""

from . import fallback, malformed, syntax, unknown_variable  # noqa: F401 - importing registers the rules

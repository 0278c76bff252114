"""G — consent: the legal basis a segment holds for each direct channel (language §6.5)."""

from . import bases, missing, undeclared  # noqa: F401 - importing registers the rules

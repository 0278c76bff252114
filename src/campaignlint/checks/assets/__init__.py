"""A — creative assets: alt text, specs of the channel's placement, local files (language §6.4)."""

from . import alt_text, files, specs  # noqa: F401 - importing registers the rules

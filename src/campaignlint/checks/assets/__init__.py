"""A — creative assets: alt text, specs of the channel's placement, local files (language §6.4)."""

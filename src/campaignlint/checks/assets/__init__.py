"""A — creative assets: alt text, specs of the channel's placement, local files (language §6.4)."""

# Importing the package registers every A rule.
from . import a001_a002_a009_alt_text, a003_a006_specs, a007_a008_files

__all__ = ["a001_a002_a009_alt_text", "a003_a006_specs", "a007_a008_files"]

"""V — personalisation: merge tags in copy (language §6.3)."""

# Importing the package registers every V rule.
from . import v001_unknown_variable, v002_malformed_tag, v003_fallback, v004_v005_syntax

__all__ = ["v001_unknown_variable", "v002_malformed_tag", "v003_fallback", "v004_v005_syntax"]

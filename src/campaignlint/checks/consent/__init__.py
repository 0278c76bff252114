"""G — consent: the legal basis a segment holds for each direct channel (language §6.5)."""

# Importing the package registers every G rule.
from . import g001_missing, g002_g003_bases, g004_undeclared

__all__ = ["g001_missing", "g002_g003_bases", "g004_undeclared"]

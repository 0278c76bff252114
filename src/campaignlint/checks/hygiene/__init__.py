"""N — the linter's own hygiene."""

# Importing the package registers every hygiene rule.
from . import (
    n001_unused_noqa,
)

__all__ = [
    "n001_unused_noqa",
]

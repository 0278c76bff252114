"""N — the linter's own hygiene."""

# Importing the package registers every N rule (one module per rule or pair).
from . import (
    n001_unused_noqa,
)

__all__ = [
    "n001_unused_noqa",
]

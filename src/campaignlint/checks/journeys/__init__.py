"""J — journeys: triggered messages, their events, exits, hours and caps (language §6.6)."""

# Importing the package registers every J rule.
from . import j001_references, j002_cycles, j003_exits, j004_quiet_hours, j005_caps

__all__ = ["j001_references", "j002_cycles", "j003_exits", "j004_quiet_hours", "j005_caps"]

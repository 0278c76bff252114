"""Parse tree → resolved model (``model.CampaignFile``), with E002–E007.

The grammar accepts any ``keyword values { block }``; this package knows which
keywords belong where and what values they take, one module per block kind:

* ``base``        — ``ValueReader``: spans, problems and the shared value readers;
* ``file``        — the top level and ``Resolver``;  ``definitions`` — what a file sees from outside;
* ``campaign``    — a campaign, and the order its blocks are resolved in;
* ``brand``       — brand and voice;  ``channel`` — channel profiles;
* ``segment``, ``offer``, ``objective``, ``message`` (with variants), ``custom_rule``.
"""

from .definitions import Definitions
from .file import Resolver

__all__ = ["Definitions", "Resolver"]

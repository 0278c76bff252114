"""The Lark grammar (``grammar/camp.lark``) and its plain LALR parser, cached between runs."""

from __future__ import annotations

import functools

from lark import Lark

from ..resources import grammar_path


@functools.cache
def grammar_text() -> str:
    return grammar_path().read_text(encoding="utf-8")


def grammar_cache_file(grammar: str) -> str | bool:
    """Where Lark keeps the built parser between runs (saves ~50 ms a process).

    A file in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``), never
    the shared temporary folder: Lark stores it with pickle.  Lark checks the
    grammar's hash stored in the file before using it, and rebuilds (and
    rewrites) a file that is stale or damaged.  ``CAMPAIGNLINT_NO_GRAMMAR_CACHE=1``
    or an unwritable cache folder: no cache.
    """
    import hashlib
    import os
    import sys
    from pathlib import Path

    if os.environ.get("CAMPAIGNLINT_NO_GRAMMAR_CACHE"):
        return False
    try:
        import lark

        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "campaignlint"
        base.mkdir(parents=True, exist_ok=True)
        if not os.access(base, os.W_OK):
            return False
        digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
        python = f"{sys.version_info[0]}{sys.version_info[1]}"
        return str(base / f"grammar-{digest}-lark{lark.__version__}-py{python}.pickle")
    except (OSError, RuntimeError):
        return False



@functools.cache
def lark_parser() -> Lark:
    """The plain LALR parser (a Lark tree): lexing for error messages, the parse benchmark.

    The parser that builds ``tree.Node``s while it parses is ``parser.node_building_parser``.
    """
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,
        maybe_placeholders=False,
        cache=grammar_cache_file(grammar_text()),
    )

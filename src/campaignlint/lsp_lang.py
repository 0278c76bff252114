"""The language the language server speaks (docs/languages.md, "The language server").

Diagnostics, code-action titles, hovers and window messages follow, from
strongest to weakest: the ``lang`` key of the configuration of the document's
folder, the client's locale (the ``locale`` of the ``initialize`` request:
VS Code sends its display language, ``fr`` or ``fr-FR``), the environment's
locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), English.  The
language is applied before each lint, so a configuration edited while the
server runs is followed.  Nothing here knows LSP beyond the ``initialize``
parameters.
"""

from __future__ import annotations

from . import i18n

#: the client's language, from its ``initialize`` request (one client per server process)
_client: dict[str, str | None] = {"language": None}


def register(server) -> None:
    """Read the client's locale from the ``initialize`` request (pygls runs its own handler first)."""
    from lsprotocol import types

    @server.feature(types.INITIALIZE)
    def initialize(ls, params: types.InitializeParams) -> None:
        _client["language"] = i18n.normalise(getattr(params, "locale", None))
        i18n.set_language(_client["language"] or i18n.from_environment())


def apply(linter) -> str:
    """Set the language for a lint by ``linter`` (a folder's); returns the language in effect."""
    try:
        configured = linter.project.language([])
    except Exception:  # noqa: BLE001 - a broken configuration is reported by the lint itself
        configured = None
    return i18n.set_language(configured or _client["language"] or i18n.from_environment())

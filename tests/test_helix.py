"""docs/editors.md's Helix configuration, checked against Helix's own configuration types.

Helix is not packaged by Debian, so the snippet is not run in Helix itself: it is
parsed as TOML and each key is checked against the fields of Helix's
``LanguageConfiguration`` and ``LanguageServerConfiguration`` (helix-core/src/
syntax/config.rs, helix-editor/helix). ``LanguageConfiguration`` is declared with
``deny_unknown_fields``: a misspelt key there makes Helix reject the whole file.
"""

from __future__ import annotations

import json
import re
import tomllib

from campaignlint.cli import cli

from conftest import REPO

DOC = REPO / "docs" / "editors.md"

# The serde names (kebab-case, with renames and aliases) of LanguageConfiguration's fields.
LANGUAGE_KEYS = {
    "name", "language-id", "scope", "file-types", "shebangs", "roots", "comment-tokens", "comment-token",
    "block-comment-tokens", "text-width", "soft-wrap", "auto-format", "formatter", "path-completion",
    "word-completion", "diagnostic-severity", "grammar", "injection-regex", "language-servers", "indent",
    "debugger", "auto-pairs", "rulers", "workspace-lsp-roots", "persistent-diagnostic-sources", "rainbow-brackets",
}
REQUIRED_LANGUAGE_KEYS = {"name", "scope", "file-types"}  # no serde default
LANGUAGE_SERVER_KEYS = {"command", "args", "environment", "config", "timeout", "required-root-patterns"}
INDENT_KEYS = {"tab-width", "unit"}  # IndentationConfiguration: both required, tab-width 1..=16


def helix_snippet() -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Helix"):]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```toml\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "the Helix section should hold exactly one TOML block"
    return blocks[0]


def test_helix_snippet_is_valid_toml_with_the_keys_helix_reads() -> None:
    config = tomllib.loads(helix_snippet())
    assert set(config) <= {"language", "language-server"}, set(config)

    [language] = config["language"]  # [[language]]: an array of tables
    assert REQUIRED_LANGUAGE_KEYS <= set(language), REQUIRED_LANGUAGE_KEYS - set(language)
    assert set(language) <= LANGUAGE_KEYS, set(language) - LANGUAGE_KEYS
    assert language["name"] == "campaign"
    assert language["scope"] == "source.campaign"
    assert language["file-types"] == ["camp"]  # an extension, without the dot
    assert language["comment-token"] == "#"
    assert set(language["indent"]) == INDENT_KEYS
    assert 1 <= language["indent"]["tab-width"] <= 16
    assert language["indent"]["unit"] == " " * language["indent"]["tab-width"]
    assert isinstance(language["auto-format"], bool)

    # every server the language names has its [language-server.NAME] table
    servers = config["language-server"]
    assert language["language-servers"] == ["campaignlint"]
    assert set(language["language-servers"]) <= set(servers)
    server = servers["campaignlint"]
    assert set(server) <= LANGUAGE_SERVER_KEYS, set(server) - LANGUAGE_SERVER_KEYS
    assert isinstance(server["command"], str) and all(isinstance(a, str) for a in server["args"])
    assert server["command"] == "campaignlint"
    # `campaignlint lsp` is a command of the installed program
    [subcommand] = server["args"]
    assert subcommand in cli.commands


def test_helix_scope_matches_the_textmate_grammar() -> None:
    """One scope name for the language, in Helix and in the TextMate grammar."""
    grammar = json.loads((REPO / "editors" / "vscode" / "syntaxes" / "camp.tmLanguage.json").read_text(encoding="utf-8"))
    assert tomllib.loads(helix_snippet())["language"][0]["scope"] == grammar["scopeName"]

"""The language server speaks the user's language (docs/languages.md, "The language server"), over stdio.

The client's locale (``initialize`` ``locale``) gives the language of the
diagnostics and the code-action titles; a folder whose configuration says
``lang = "en"`` stays in English whatever the client's locale.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

CAMPAIGN = 'campaign c {\n  language fr\n  period 2027-01-01 .. 2027-01-31\n  message m {\n    channel email\n' \
           '    subject "Nos soldes !!"\n    body "Profitez-en : https://example.fr/soldes"\n  }\n' \
           '  message ig {\n    channel instagram\n    body "Les soldes sont là #soldes #soldes"\n  }\n}\n'
ENV = {**os.environ, "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "campaignlint", "lsp"],
                                              server_env=ENV), scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    (root / "fr").mkdir()
    (root / "en").mkdir()
    (root / "fr" / "campaignlint.toml").write_text('extend-packs = ["email"]\n', encoding="utf-8")
    (root / "en" / "campaignlint.toml").write_text('lang = "en"\nextend-packs = ["email"]\n', encoding="utf-8")
    lsp_client.root = root  # type: ignore[attr-defined]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(), locale="fr-FR"))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, relative: str, text: str) -> tuple[str, list[types.Diagnostic]]:
    path: Path = client.root / relative  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="campaign", version=1, text=text)))

    async def wait():
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return uri, await asyncio.wait_for(wait(), 120)


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_and_code_actions_follow_the_client_locale(client: LanguageClient):
    uri, diagnostics = await _open(client, "fr/c.camp", CAMPAIGN)
    messages = {d.code: d.message for d in diagnostics}
    assert "la campagne `c` n’a pas d’objectif" in messages["O001"]
    assert messages["D001"].startswith("l’e-mail `m` n’offre aucun moyen de se désinscrire")
    assert not any(" has no " in m or " the " in m for m in messages.values()), messages
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=13, character=0)),
        context=types.CodeActionContext(diagnostics=diagnostics)))
    titles = [a.title for a in actions or [] if isinstance(a, types.CodeAction)]
    assert titles and all(t.startswith("Corriger") for t in titles), titles


@pytest.mark.asyncio(loop_scope="module")
async def test_the_folder_configuration_wins_over_the_client_locale(client: LanguageClient):
    _uri, diagnostics = await _open(client, "en/c.camp", CAMPAIGN)
    messages = {d.code: d.message for d in diagnostics}
    assert "campaign `c` has no objective" in messages["O001"]
    assert "gives no way to unsubscribe" in messages["D001"]

"""Hovers answer from the model the document's last lint loaded, over stdio (pytest-lsp).

The server is ``tests/lsp_counting_server.py``: the real server, writing a line per
file it loads (parses and resolves), with a gate in front of each lint.  Nothing is
timed: the loads are counted.  A hover on a v2 construct of a 1,500-message document
already linted loads nothing; one on a text not linted yet (its lint held) loads it
once, off the event loop, and the next hover on that text loads nothing.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

HERE = Path(__file__).resolve().parent
GATE = Path(tempfile.mkdtemp(prefix="campaignlint-kept-"))
SEGMENT = ('\nsegment abonnes {\n  description "Abonnés"\n  relationship customers\n'
           '  consent email soft-opt-in, sms opt-in\n}\n')


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(
    server_command=[sys.executable, str(HERE / "lsp_counting_server.py")],
    server_env={**os.environ, "CAMPAIGNLINT_TEST_GATE": str(GATE)}))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    lsp_client.root = tmp_path_factory.mktemp("kept")  # type: ignore[attr-defined]
    # no workspace folder: no project phase, whose loads would be counted too
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    yield
    (GATE / "hold-lint").unlink(missing_ok=True)
    await lsp_client.shutdown_session()
    shutil.rmtree(GATE, ignore_errors=True)


def _loads(path: Path) -> int:
    found = GATE / "loads"
    lines = found.read_text(encoding="utf-8").splitlines() if found.exists() else []
    return lines.count(os.path.abspath(path))


async def _fully_linted(client: LanguageClient, uri: str, timeout: float = 300) -> None:
    """Until the diagnostics of every rule (not only the early syntax and schema ones) are published."""
    async def wait():
        while not any(not str(d.code).startswith("E") for d in client.diagnostics.get(uri, [])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(wait(), timeout)


async def _hover(client: LanguageClient, uri: str, text: str, needle: str) -> str | None:
    lines = text.split("\n")
    line = next(index for index, line in enumerate(lines) if line.startswith(needle))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=9)))
    return None if hover is None else hover.contents.value  # type: ignore[union-attr]


@pytest.mark.parametrize("messages", [40, pytest.param(1500, marks=pytest.mark.slow)])
@pytest.mark.asyncio(loop_scope="module")
async def test_a_hover_answers_from_the_model_of_the_last_lint(client: LanguageClient, messages: int):
    sys.path.insert(0, str(HERE.parent / "bench"))
    import corpus

    text = corpus.campaign_text(random.Random(3), 0, "fr", messages)[0].replace('import "../brands/verdure.camp"', "")
    text += SEGMENT
    path: Path = client.root / f"big_{messages}.camp"  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="campaign", version=1, text=text)))
    await _fully_linted(client, uri)
    linted = _loads(path)
    assert linted >= 1
    expected = "**segment** `abonnes`\n\nconsent: email soft-opt-in, sms opt-in\n\ncustomers (b2c)"
    assert await _hover(client, uri, text, "segment abonnes") == expected
    assert await _hover(client, uri, text, "segment abonnes") == expected
    assert _loads(path) == linted  # answered from the lint's model: nothing parsed again

    # a new text whose lint is held: the hover loads it (off the event loop), once
    (GATE / "hold-lint").write_text("", encoding="utf-8")
    changed = text.replace("segment abonnes {", "segment abonnes_web {")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)]))
    found = await _hover(client, uri, changed, "segment abonnes_web")
    assert found is not None and found.startswith("**segment** `abonnes_web`")
    assert _loads(path) == linted + 1
    assert await _hover(client, uri, changed, "segment abonnes_web") == found
    assert _loads(path) == linted + 1  # the hover's load was kept

    client.diagnostics.pop(uri, None)
    (GATE / "hold-lint").unlink()
    await _fully_linted(client, uri)
    relinted = _loads(path)
    assert relinted >= linted + 2
    assert await _hover(client, uri, changed, "segment abonnes_web") == found
    assert _loads(path) == relinted

"""The language server's project phase (P006) runs off the event loop, over stdio (pytest-lsp).

The server is ``tests/lsp_gated_server.py``: the real server, with a gate in
front of each project phase that the test holds open for as long as it needs.
Nothing is timed: while a phase is held, a hover and a code action must be
answered and a file lint must be published (on the event loop they would wait
for ever); a phase made stale by a change must not publish its result.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

HERE = Path(__file__).resolve().parent
GATE = Path(tempfile.mkdtemp(prefix="campaignlint-gate-"))


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publication in order (``published``: uri, version, codes)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append((params.uri, params.version, [d.code for d in params.diagnostics]))  # type: ignore

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    return client


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(
    server_command=[sys.executable, str(HERE / "lsp_gated_server.py")], client_factory=_recording_client,
    server_env={**os.environ, "CAMPAIGNLINT_TEST_GATE": str(GATE)}))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    lsp_client.root = root  # type: ignore[attr-defined]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()))
    yield
    (GATE / "hold").unlink(missing_ok=True)
    await lsp_client.shutdown_session()
    shutil.rmtree(GATE, ignore_errors=True)


def _brand(tag: str) -> str:
    return (f'brand bazar_{tag} {{\n  name "Bazar"\n  frequency email 2 per week\n}}\n'
            f'segment clients_{tag} {{ description "Clients"; consent email opt-in }}\n')


def _capped(tag: str, name: str, day: int) -> str:
    return (f'import "shared.camp"\ncampaign {name}_{tag} {{\n  brand bazar_{tag}\n  period 2026-12-01 .. 2026-12-31\n'
            f'  segment clients_{tag}\n  message m_{name} {{ channel email; segments clients_{tag}; '
            f'at 2026-12-{day:02d} 10:00; subject "Paniers {name}" }}\n}}\n')


def _folder(client: LanguageClient, tag: str) -> tuple[Path, str]:
    """A folder whose closed ``soldes.camp`` (12-05) goes over the cap once an email on 12-03 joins noel's (12-01)."""
    folder: Path = client.root / tag  # type: ignore[attr-defined]
    folder.mkdir()
    (folder / "shared.camp").write_text(_brand(tag), encoding="utf-8")
    (folder / "noel.camp").write_text(_capped(tag, "noel", 1), encoding="utf-8")
    (folder / "soldes.camp").write_text(_capped(tag, "soldes", 5), encoding="utf-8")
    return folder, (folder / "soldes.camp").as_uri()


async def _until(client: LanguageClient, check, timeout: float = 60):
    """Waits until ``check()`` is true, looking again at each publication."""
    async def wait():
        while not check():
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.wait_for(wait(), timeout)


async def _gate(name: str, timeout: float = 60) -> None:
    """Waits until the gate file ``name`` exists (written by the server's project thread)."""
    async def wait():
        while not (GATE / name).exists():
            await asyncio.sleep(0.02)
    await asyncio.wait_for(wait(), timeout)


def _phases() -> int:
    return len(list(GATE.glob("started-*")))


def _p006(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    return [d for d in client.diagnostics.get(uri) or [] if d.code == "P006"]


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def _open(client: LanguageClient, path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="campaign", version=1, text=text)))
    return path.as_uri()


@pytest.mark.asyncio(loop_scope="module")
async def test_hovers_code_actions_and_file_lints_are_answered_while_a_project_phase_runs(client: LanguageClient):
    folder, soldes = _folder(client, "held")
    (GATE / "hold").write_text("", encoding="utf-8")
    try:
        phase = _phases() + 1
        extra = _open(client, folder / "extra.camp", _capped("held", "extra", 3))
        await _gate(f"started-{phase}")  # the project phase runs, and stays in the gate
        lines = _capped("held", "extra", 3).split("\n")
        line = next(i for i, text in enumerate(lines) if "message m_extra" in text)
        where = types.Position(line=line, character=lines[line].index("email"))
        hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=extra), position=where)), 30)
        actions = await asyncio.wait_for(client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=extra), range=types.Range(start=where, end=where),
            context=types.CodeActionContext(diagnostics=[]))), 30)
        assert hover is None or hover.contents.value  # answered, whatever it says
        assert actions is not None
        # the file phase has its own thread: an edit is linted and published while the project phase waits
        _change(client, extra, 2, _capped("held", "extra", 4))
        await _until(client, lambda: any(u == extra and v == 2 for u, v, _c in client.published))  # type: ignore
        assert not (GATE / f"done-{phase}").exists()  # all of it while the phase was still running
        assert not _p006(client, soldes)
    finally:
        (GATE / "hold").unlink(missing_ok=True)
    # released: the diagnostics of the closed file over the cap are published
    await _until(client, lambda: _p006(client, soldes))
    (found,) = _p006(client, soldes)
    assert "`m_soldes` is the 3rd email to `clients_held` in 7 days" in found.message
    assert "held/extra.camp:m_extra" in found.message


@pytest.mark.asyncio(loop_scope="module")
async def test_a_project_phase_made_stale_by_an_edit_publishes_nothing(client: LanguageClient):
    folder, soldes = _folder(client, "stale")
    extra = _open(client, folder / "extra.camp", _capped("stale", "extra", 3))
    await _until(client, lambda: _p006(client, soldes))
    (GATE / "hold").write_text("", encoding="utf-8")
    try:
        phase = _phases() + 1
        _change(client, extra, 2, _capped("stale", "extra", 20))  # this phase would clear soldes' P006…
        await _gate(f"started-{phase}")
        _change(client, extra, 3, _capped("stale", "extra", 3))  # …but the email is back on 12-03 meanwhile
        mark = len(client.published)  # type: ignore[attr-defined]
    finally:
        (GATE / "hold").unlink(missing_ok=True)
    await _gate(f"done-{phase + 1}")  # the stale phase, then the one the last edit asked for

    def soldes_published() -> list[list[str]]:
        return [codes for uri, _v, codes in client.published[mark:] if uri == soldes]  # type: ignore

    await _until(client, soldes_published)
    assert all("P006" in codes for codes in soldes_published())  # never cleared by the stale phase
    assert _p006(client, soldes)


def test_a_queued_phase_already_stale_is_skipped_and_a_stale_result_dropped(monkeypatch):
    """``ProjectPhases`` alone: of three runs asked for while the first runs, only the latest is run after it,
    and only its result is delivered (on the loop)."""
    from campaignlint import lsp_project

    release, calls = threading.Event(), []

    def phase(folder, unsaved):
        calls.append(unsaved[folder / "a.camp"])
        release.wait(30)
        return [unsaved[folder / "a.camp"]]

    monkeypatch.setattr(lsp_project, "project_findings", phase)

    async def scenario() -> list:
        phases, loop, delivered = lsp_project.ProjectPhases(), asyncio.get_running_loop(), []
        folder = Path("/w")

        def submit(text: str):
            return phases.submit(folder, {folder / "a.camp": text}, loop, lambda _f, found: delivered.extend(found),
                                 lambda _f, error: delivered.append(error))

        submit("1")
        while not calls:  # the first run is under way
            await asyncio.sleep(0.01)
        phases.changed(folder)
        submit("2")  # queued…
        phases.changed(folder)  # …and stale before its turn
        last = submit("3")
        release.set()
        await asyncio.wrap_future(last)
        await asyncio.sleep(0)
        return delivered

    assert asyncio.run(scenario()) == ["3"]
    assert calls == ["1", "3"]

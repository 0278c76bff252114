"""The language server, end to end over stdio (pytest-lsp): diagnostics, UTF-16 columns, quick fixes, hover, formatting."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from campaignlint.formatter import format_text

from conftest import DATA

PROMO = '''rule pas_gratuit {
  message "Dites « offert », pas « gratuit »"
  severity error
  forbid "gratuit", "offert"
  suggest "inclus"
}

campaign soldes {
  name "Soldes d'été"
  language fr
  period 2027-06-24 .. 2027-07-21
  message ig {
    channel instagram
    body "Livraison gratuit 🌱🎉 et retour offert, pas cher !"
  }
}
'''
BODY_LINE = 13  # 0-based line of the body
BROKEN = 'campaign soldes {\n  name "Soldes d\'été\n}\n'
UNFORMATTED = 'campaign   soldes{\n      name "Soldes";  language fr\n  period 2027-06-24..2027-07-21 # dates\n}\n'


# one server for the module: it loads the rules (and spaCy) once
@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "campaignlint", "lsp"]), scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    shutil.copytree(DATA / "examples" / "verdure", root / "verdure")
    lsp_client.root = root  # type: ignore[attr-defined]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, name: str, text: str) -> str:
    path: Path = client.root / name  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="campaign", version=1, text=text)))
    await _diagnostics(client, uri)
    return uri


async def _diagnostics(client: LanguageClient, uri: str, timeout: float = 60) -> list[types.Diagnostic]:
    async def wait():
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout)


def _utf16_offset(text: str, position: types.Position) -> int:
    """A UTF-16 LSP position → a Python index into ``text``."""
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: position.line])
    units = 0
    for index, char in enumerate(lines[position.line]):
        if units >= position.character:
            return offset + index
        units += 2 if ord(char) > 0xFFFF else 1
    return offset + len(lines[position.line])


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    spans = sorted(((_utf16_offset(text, e.range.start), _utf16_offset(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_use_utf16_columns_after_emoji(client: LanguageClient):
    uri = await _open(client, "promo.camp", PROMO)
    diagnostics = client.diagnostics[uri]
    ours = [d for d in diagnostics if d.code == "pas_gratuit"]
    assert len(ours) == 2
    assert all(d.source == "campaignlint" and d.severity == types.DiagnosticSeverity.Error for d in ours)
    gratuit, offert = sorted(ours, key=lambda d: d.range.start.character)
    line = PROMO.split("\n")[BODY_LINE]
    assert gratuit.range.start == types.Position(line=BODY_LINE, character=line.index("gratuit"))
    # 🌱 and 🎉 are two UTF-16 units each: the code-point column 41 becomes 43
    assert line.index("offert") == 41
    assert offert.range.start == types.Position(line=BODY_LINE, character=43)
    assert offert.range.end == types.Position(line=BODY_LINE, character=49)
    assert "“offert”" in offert.message
    assert {d.severity for d in diagnostics if d.code in ("P005", "F004")} <= {types.DiagnosticSeverity.Information}


@pytest.mark.asyncio(loop_scope="module")
async def test_quick_fix_replaces_the_word_under_the_squiggle(client: LanguageClient):
    uri = await _open(client, "promo.camp", PROMO)
    offert = next(d for d in client.diagnostics[uri] if d.code == "pas_gratuit" and "“offert”" in d.message)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=offert.range,
        context=types.CodeActionContext(diagnostics=[offert])))
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["Fix pas_gratuit: replace with “inclus”"]
    action = quick[0]
    assert action.is_preferred is True
    assert action.diagnostics[0].range == offert.range
    fixed = _apply(PROMO, action.edit.changes[uri])
    assert 'body "Livraison gratuit 🌱🎉 et retour inclus, pas cher !"' in fixed

    # the editor applies it: the finding goes away, the other stays
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    client.diagnostics.pop(uri)
    remaining = await _diagnostics(client, uri)
    assert [d.message for d in remaining if d.code == "pas_gratuit"] == [
        "Dites « offert », pas « gratuit »: “gratuit” in the body of `ig`"]


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_source_action(client: LanguageClient):
    uri = await _open(client, "promo.camp", PROMO)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    (action,) = actions
    assert action.kind == "source.fixAll.campaignlint"
    fixed = _apply(PROMO, action.edit.changes[uri])
    assert 'body "Livraison inclus 🌱🎉 et retour inclus, pas cher !"' in fixed


@pytest.mark.asyncio(loop_scope="module")
async def test_debounced_changes_lint_the_latest_text(client: LanguageClient):
    uri = await _open(client, "promo.camp", PROMO)
    text = PROMO
    for version, word in enumerate(["offerte", "gratuite", "sans frais"], start=2):
        text = PROMO.replace("retour offert", f"retour {word}")
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    client.diagnostics.pop(uri)
    diagnostics = await _diagnostics(client, uri)
    assert [d.message.split(": ")[-1] for d in diagnostics if d.code == "pas_gratuit"] == ["“gratuit” in the body of `ig`"]


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_shows_the_rule_documentation(client: LanguageClient):
    uri = await _open(client, "broken.camp", BROKEN)
    (syntax,) = [d for d in client.diagnostics[uri] if d.code == "E001"]
    assert syntax.severity == types.DiagnosticSeverity.Error
    assert syntax.range.start == types.Position(line=1, character=7)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=syntax.range.start))
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    assert "**E001 syntax-error**" in hover.contents.value
    assert "Why it matters" in hover.contents.value and "Corrected" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=0)))
    assert nothing is None


@pytest.mark.asyncio(loop_scope="module")
async def test_formatting_returns_the_canonical_layout(client: LanguageClient):
    uri = await _open(client, "layout.camp", UNFORMATTED)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert _apply(UNFORMATTED, edits) == format_text(UNFORMATTED) == (
        'campaign soldes {\n  name "Soldes"\n  language fr\n  period 2027-06-24 .. 2027-07-21  # dates\n}\n')
    broken = await _open(client, "broken.camp", BROKEN)
    assert not await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=broken), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))


@pytest.mark.asyncio(loop_scope="module")
async def test_an_import_is_read_and_closing_clears(client: LanguageClient):
    root: Path = client.root  # type: ignore[attr-defined]
    text = (root / "verdure" / "printemps.camp").read_text(encoding="utf-8")
    uri = await _open(client, "verdure/printemps.camp", text.replace("segments loyal_customers\n", "segments loyal_customer\n"))
    unknown = [d for d in client.diagnostics[uri] if d.code == "E004"]
    # only the misspelt name: the segments defined in brand.camp (urban_runners…) were read
    assert unknown and all("`loyal_customer`" in d.message for d in unknown)
    client.diagnostics.pop(uri)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert list(await _diagnostics(client, uri)) == []


# ------------------------------------------------------------ project scope (v2)

CAP_BRAND = '''brand bazar {
  name "Bazar"
  frequency email 2 per week
}
segment clients { description "Clients"; consent email opt-in }
'''


def _capped(name: str, day: int) -> str:
    return (f'import "shared.camp"\ncampaign {name} {{\n  brand bazar\n  period 2026-12-01 .. 2026-12-31\n'
            f'  segment clients\n  message m_{name} {{ channel email; segments clients; at 2026-12-{day:02d} 10:00; '
            f'subject "Paniers {name}" }}\n}}\n')


async def _until(client: LanguageClient, uri: str, check, timeout: float = 60) -> list[types.Diagnostic]:
    """Waits until the diagnostics published for ``uri`` satisfy ``check``."""
    async def wait():
        while not check(client.diagnostics.get(uri)):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout)


def _p006(diagnostics) -> list[types.Diagnostic]:
    return [d for d in diagnostics or [] if d.code == "P006"]


@pytest.mark.asyncio(loop_scope="module")
async def test_p006_on_a_closed_file_caused_by_an_open_one(client: LanguageClient):
    root: Path = client.root  # type: ignore[attr-defined]
    folder = root / "caps"
    folder.mkdir()
    (folder / "shared.camp").write_text(CAP_BRAND, encoding="utf-8")
    (folder / "noel.camp").write_text(_capped("noel", 1), encoding="utf-8")
    soldes = folder / "soldes.camp"
    soldes.write_text(_capped("soldes", 5), encoding="utf-8")  # never opened
    soldes_uri = soldes.as_uri()
    # extra's email on 12-03 makes soldes' (12-05) the 3rd email to `clients` in 7 days
    extra = await _open(client, "caps/extra.camp", _capped("extra", 3))
    (found,) = _p006(await _until(client, soldes_uri, _p006))
    assert "`m_soldes` is the 3rd email to `clients` in 7 days" in found.message
    assert "caps/noel.camp:m_noel" in found.message and "caps/extra.camp:m_extra" in found.message
    assert found.severity == types.DiagnosticSeverity.Warning
    line = _capped("soldes", 5).split("\n").index(next(x for x in _capped("soldes", 5).split("\n") if "message" in x))
    assert found.range.start == types.Position(line=line, character=2)
    assert not _p006(client.diagnostics.get(extra))  # reported once, on the file over the cap
    # the unsaved text counts, not the disk: move extra's email two weeks later
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=extra, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=_capped("extra", 20))]))
    await _until(client, soldes_uri, lambda d: d is not None and not _p006(d))
    assert (folder / "extra.camp").read_text(encoding="utf-8") == _capped("extra", 3)


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_a_merge_tag_shows_its_variable(client: LanguageClient):
    text = (DATA / "examples" / "v2" / "noel_fournil.camp").read_text(encoding="utf-8")
    uri = await _open(client, "noel_fournil.camp", text)
    lines = text.split("\n")
    line = next(index for index, line in enumerate(lines) if "{{ contact.BOUTIQUE }}" in line)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=lines[line].index("BOUTIQUE"))))
    assert hover is not None and hover.contents.value.startswith("**merge tag** `{{ contact.BOUTIQUE }}`")
    assert "variable `boutique`" in hover.contents.value


@pytest.mark.asyncio(loop_scope="module")
async def test_an_import_open_in_the_editor_is_read_from_the_editor(client: LanguageClient):
    root: Path = client.root  # type: ignore[attr-defined]
    brand_path = root / "verdure" / "brand.camp"
    brand_text = brand_path.read_text(encoding="utf-8")
    brand = brand_path.as_uri()
    # the brand file, open and edited (unsaved): its segment `loyal_customers` renamed
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=brand, language_id="campaign", version=1,
        text=brand_text.replace("segment loyal_customers", "segment fideles"))))
    text = (root / "verdure" / "printemps.camp").read_text(encoding="utf-8")
    uri = await _open(client, "verdure/printemps.camp", text)
    unknown = [d for d in client.diagnostics[uri] if d.code == "E004"]
    assert unknown and all("`loyal_customer" in d.message for d in unknown), [d.message for d in unknown]  # the editor's text was read
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=brand)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))


@pytest.mark.slow
@pytest.mark.asyncio(loop_scope="module")
async def test_hover_is_answered_while_a_long_lint_runs(client: LanguageClient, tmp_path):
    """The lint runs off the event loop: a hover sent while a 1,500-message file is being
    linted comes back before that file's diagnostics (no timing: the order proves it)."""
    import corpus

    small = await _open(client, "broken-again.camp", BROKEN)
    (syntax,) = [d for d in client.diagnostics[small] if d.code == "E001"]
    big_text = corpus.campaign_text(__import__("random").Random(3), 0, "fr", 1500)[0]
    big_text = big_text.replace('import "../brands/verdure.camp"', "")
    big_text = big_text.replace("campaign c0 {", "campaign c0 {\n  colour red", 1)  # a schema error (E002)
    path: Path = client.root / "big.camp"  # type: ignore[attr-defined]
    path.write_text(big_text, encoding="utf-8")
    big = path.as_uri()
    client.diagnostics.pop(big, None)
    order: list[str] = []
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=big, language_id="campaign", version=1, text=big_text)))
    waiting = asyncio.ensure_future(_diagnostics(client, big, timeout=300))
    waiting.add_done_callback(lambda _: order.append("diagnostics"))
    await asyncio.sleep(0.5)  # the big lint has started on the server's lint thread
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=small), position=syntax.range.start))
    order.append("hover")
    assert hover is not None and "**E001 syntax-error**" in hover.contents.value
    await waiting
    assert order == ["hover", "diagnostics"]
    # syntax and schema first: the first publication holds only front-end findings (E002 `colour`…)
    early = {d.code for d in client.diagnostics[big]}
    assert "E002" in early and all(code.startswith("E") for code in early)
    client.diagnostics.pop(big)
    full = await _diagnostics(client, big, timeout=300)  # then every rule's
    assert "E002" in {d.code for d in full} and len({d.code for d in full}) > 5


@pytest.mark.asyncio(loop_scope="module")
async def test_a_huge_document_shows_e008_on_line_1(client: LanguageClient):
    # issue 12 item 15: the E008 finding has no source text; it used to be dropped
    huge = "campaign soldes {\n" + ("# " + "x" * 98 + "\n") * 50_000 + "}\n"  # 5 MB
    path: Path = client.root / "unsaved-huge.camp"  # type: ignore[attr-defined]
    uri = path.as_uri()  # never saved: the text exists only in the editor
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="campaign", version=1, text=huge)))
    await _diagnostics(client, uri)
    e008 = [d for d in client.diagnostics[uri] if d.code == "E008"]
    assert len(e008) == 1 and "more than the maximum" in e008[0].message
    assert e008[0].range.start == types.Position(line=0, character=0)


@pytest.mark.asyncio(loop_scope="module")
async def test_requests_for_a_document_never_opened_get_an_empty_answer(client: LanguageClient):
    # issue 12 item 16: no Python exception text for a URI the client never opened
    root: Path = client.root  # type: ignore[attr-defined]
    uri = (root / "never-opened.camp").as_uri()
    (root / "missing.camp").unlink(missing_ok=True)
    for target in (uri, (root / "missing.camp").as_uri()):
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=target),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[])))
        assert not actions
        edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=target),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert edits in (None, [])
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=target), position=types.Position(line=0, character=0)))
        assert hover is None

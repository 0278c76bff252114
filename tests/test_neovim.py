"""Smoke test of the language server with a real editor: headless Neovim's built-in LSP client.

``tests/test_lsp.py`` drives the server with pytest-lsp; this test checks that an
actual client (Neovim 0.7.2 as Debian ships it, or newer) can start
``campaignlint lsp``, receives the diagnostics at the right place, and gets
formatting edits it can apply. Skipped when ``nvim`` is not on PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from campaignlint.formatter import format_text

from conftest import command

pytestmark = pytest.mark.slow

# Badly laid out (formatting must return edits), with an unknown keyword
# (`chanel`, E002) and a custom rule that fires after accented letters and an
# emoji, so byte, code-point and UTF-16 columns all differ on that line.
CAMPAIGN = '''rule pas_gratuit {
  message "Dites « offert », pas « gratuit »"
  severity error
  forbid "gratuit"
  suggest "offert"
}

campaign   soldes{
      name "Soldes d'été";  language fr
  period 2027-06-24..2027-07-21
  message relance {
    chanel sms
    body "Été 🌞 : livraison gratuit dès 30 €"
  }
}
'''
LINES = CAMPAIGN.split("\n")
CHANEL_LINE = next(i for i, line in enumerate(LINES) if "chanel" in line)  # 0-based, like Neovim's lnum
BODY_LINE = next(i for i, line in enumerate(LINES) if "body" in line)
PERIOD_LINE = next(i for i, line in enumerate(LINES) if "period" in line)

# Neovim 0.7.2 API only (no vim.lsp.start, no vim.fs, no `nvim -l`).
LUA = r'''
local out = os.getenv("CL_OUT")
local function write(name, value)
  local f = assert(io.open(out .. "/" .. name, "w"))
  f:write(vim.json.encode(value))
  f:close()
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("CL_FILE")))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "campaignlint",
    cmd = vim.json.decode(os.getenv("CL_CMD")),
    root_dir = os.getenv("CL_ROOT"),
  })
  assert(client_id, "the language server did not start")
  assert(vim.lsp.buf_attach_client(bufnr, client_id), "could not attach the client")

  -- the first lint may load spaCy: be patient
  vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diagnostics, { code = d.code, lnum = d.lnum, col = d.col, message = d.message })
  end
  write("diagnostics.json", diagnostics)

  local client = vim.lsp.get_client_by_id(client_id)
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/formatting",
    vim.lsp.util.make_formatting_params(), 20000) or {}
  local response = responses[client_id] or {}
  local edits = response.result or {}
  vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding)
  write("formatting.json", {
    error = response.err and response.err.message or vim.NIL,
    edits = #edits,
    text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n",
  })

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
end)
if not ok then
  local f = io.open(out .. "/error.txt", "w")
  f:write(tostring(err))
  f:close()
  vim.cmd("cquit 1")
end
vim.cmd("qall!")
'''


def test_neovim_gets_diagnostics_and_formatting(tmp_path: Path) -> None:
    """Headless Neovim attaches the server, sees E002 and the custom rule where they are, and formats the file."""
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not on PATH")

    project = tmp_path / "projet"
    project.mkdir()
    (project / "campaignlint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    camp = project / "soldes.camp"
    camp.write_text(CAMPAIGN, encoding="utf-8")
    script = tmp_path / "smoke.lua"
    script.write_text(LUA, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()

    home = tmp_path / "home"  # keep Neovim's log, shada and state out of the real home
    env = {
        **os.environ,
        "HOME": str(home),
        **{var: str(home / var.lower()) for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")},
        "CL_OUT": str(out),
        "CL_FILE": str(camp),
        "CL_ROOT": str(project),
        "CL_CMD": json.dumps([*command(), "lsp"]),
    }
    result = subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        cwd=project, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )
    error = out / "error.txt"
    assert not error.exists(), error.read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr

    diagnostics = json.loads((out / "diagnostics.json").read_text(encoding="utf-8"))
    unknown = [d for d in diagnostics if d["code"] == "E002"]
    assert len(unknown) == 1, diagnostics
    assert (unknown[0]["lnum"], unknown[0]["col"]) == (CHANEL_LINE, 4)
    assert "chanel" in unknown[0]["message"] and "channel" in unknown[0]["message"]

    # Neovim stores byte columns: the server's UTF-16 position must have been
    # converted back to the byte where "gratuit" starts, after "Été 🌞".
    body = LINES[BODY_LINE]
    gratuit = [d for d in diagnostics if d["code"] == "pas_gratuit"]
    assert [(d["lnum"], d["col"]) for d in gratuit] == [(BODY_LINE, len(body[: body.index("gratuit")].encode("utf-8")))]
    # a line that is only badly laid out gets no diagnostic
    assert not [d for d in diagnostics if d["lnum"] == PERIOD_LINE], diagnostics

    formatting = json.loads((out / "formatting.json").read_text(encoding="utf-8"))
    assert formatting["error"] is None
    assert formatting["edits"] > 0
    assert formatting["text"] == format_text(CAMPAIGN)

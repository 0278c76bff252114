"""Ruff's everyday options of `check`, through the installed command: --add-noqa, --show-fixes,
--output-format, --min-severity, --watch."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import command, run_cli

ADOPT = '''rule pas_gratuit {
  message "Dites « offert »"
  forbid "gratuit"
}

rule pas_cher {
  message "Jamais « pas cher »"
  forbid "pas cher"
}

campaign soldes {  # brouillon
  period 2027-01-07 .. 2027-02-03
  message ig {
    channel instagram
    headline "Tout est gratuit, pas cher"  # noqa: pas_cher
    body """Une longue copie
    vraiment gratuit
    et encore"""
    cta "C'est gratuit" \\
      ; link "https://example.com/"
  }
}
'''

ADOPTED = '''rule pas_gratuit {
  message "Dites « offert »"
  forbid "gratuit"
}

rule pas_cher {
  message "Jamais « pas cher »"
  forbid "pas cher"
}

campaign soldes {  # brouillon  # noqa: O001, S001
  period 2027-01-07 .. 2027-02-03
  message ig {  # noqa: F004, P005, pas_gratuit
    channel instagram  # noqa: C012
    headline "Tout est gratuit, pas cher"  # noqa: pas_cher, pas_gratuit
    body """Une longue copie
    vraiment gratuit
    et encore"""  # noqa: pas_gratuit
    cta "C'est gratuit" \\
      ; link "https://example.com/"
  }
}
'''

PROMO = '''rule pas_gratuit {
  message "Dites « offert »"
  forbid "gratuit"
  suggest "offert"
}

campaign promo {
  period 2027-06-01 .. 2027-06-30
  message ig { channel instagram; body "Livraison gratuit dès 50 €" }
}
'''


@pytest.mark.slow
def test_add_noqa_silences_every_finding_merges_codes_and_never_writes_inside_a_text(tmp_path):
    (tmp_path / "a.camp").write_text(ADOPT, encoding="utf-8")
    before = run_cli("check", "a.camp", "--no-cache", "--fail-on", "info", cwd=tmp_path)
    assert before.returncode == 1 and "Found 8 problems" in before.stdout
    added = run_cli("check", "a.camp", "--add-noqa", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout == "Added 8 noqa codes in 1 file.\n"
    # the comments only: the rest of every line is as it was; nothing inside the long text or after the `\`
    assert (tmp_path / "a.camp").read_text(encoding="utf-8") == ADOPTED
    after = run_cli("check", "a.camp", "--no-cache", "--fail-on", "info", cwd=tmp_path)
    assert after.returncode == 0 and "All clear" in after.stdout, after.stdout  # no N001 either
    again = run_cli("check", "a.camp", "--add-noqa", cwd=tmp_path)
    assert again.stdout == "Added 0 noqa codes in 0 files.\n"
    assert (tmp_path / "a.camp").read_text(encoding="utf-8") == ADOPTED


@pytest.mark.slow
def test_add_noqa_keeps_crlf_and_bom_and_skips_files_with_a_syntax_error(tmp_path):
    text = "campaign soldes {\r\n  period 2027-01-07 .. 2027-02-03\r\n}\r\n"
    (tmp_path / "a.camp").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    broken = 'campaign x {\n  name "Soldes\n}\n'
    (tmp_path / "broken.camp").write_text(broken, encoding="utf-8")
    result = run_cli("check", ".", "--add-noqa", cwd=tmp_path)
    assert result.returncode == 0
    assert "broken.camp: not changed: it has a syntax error (E001)" in result.stderr
    assert (tmp_path / "broken.camp").read_text(encoding="utf-8") == broken
    assert (tmp_path / "a.camp").read_bytes() == b"\xef\xbb\xbf" + text.replace(
        "{\r\n", "{  # noqa: O001, S001\r\n", 1).encode("utf-8")


def test_add_noqa_refuses_to_combine_with_fix(tmp_path):
    (tmp_path / "a.camp").write_text(ADOPT, encoding="utf-8")
    result = run_cli("check", "a.camp", "--add-noqa", "--fix", cwd=tmp_path)
    assert result.returncode == 2 and "--add-noqa" in result.stderr
    assert (tmp_path / "a.camp").read_text(encoding="utf-8") == ADOPT


def test_noqa_on_the_last_line_of_a_long_text_covers_the_text(tmp_path):
    (tmp_path / "b.camp").write_text(ADOPT.replace('et encore"""', 'et encore"""  # noqa: pas_gratuit'),
                                     encoding="utf-8")
    result = run_cli("check", "b.camp", "--no-cache", "--select", "pas_gratuit", "--quiet", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert not any(line.startswith("b.camp:17:") for line in lines), lines  # inside the text, silenced
    assert any(line.startswith("b.camp:15:") for line in lines)


@pytest.mark.slow
def test_show_fixes_lists_what_fix_would_apply_and_what_it_applied(tmp_path):
    (tmp_path / "p.camp").write_text(PROMO, encoding="utf-8")
    preview = run_cli("check", "p.camp", "--select", "pas_gratuit", "--show-fixes", cwd=tmp_path)
    assert "--fix would apply 1 fix:\n  p.camp:9:51: pas_gratuit replace with “offert” [safe]\n" in preview.stdout
    assert (tmp_path / "p.camp").read_text(encoding="utf-8") == PROMO
    fixed = run_cli("check", "p.camp", "--select", "pas_gratuit", "--fix", "--show-fixes", cwd=tmp_path)
    assert "Applied 1 fix:\n  p.camp:9: pas_gratuit replace with “offert”\n" in fixed.stdout
    assert fixed.returncode == 0
    nothing = run_cli("check", "p.camp", "--select", "pas_gratuit", "--fix", "--show-fixes", cwd=tmp_path)
    assert "Applied 0 fixes." in nothing.stdout


@pytest.mark.slow
def test_output_format_is_format(tmp_path):
    (tmp_path / "p.camp").write_text(PROMO, encoding="utf-8")
    one = run_cli("check", "p.camp", "--output-format", "json", "--no-cache", cwd=tmp_path)
    other = run_cli("check", "p.camp", "--format", "json", "--no-cache", cwd=tmp_path)
    assert one.stdout == other.stdout and one.stdout.startswith("[")
    clash = run_cli("check", "p.camp", "--output-format", "json", "--format", "sarif", cwd=tmp_path)
    assert clash.returncode == 2 and "disagree" in clash.stderr


@pytest.mark.slow
def test_min_severity_hides_without_changing_the_exit_code(tmp_path):
    (tmp_path / "p.camp").write_text(PROMO.replace("  suggest \"offert\"\n", "  severity error\n"), encoding="utf-8")
    full = run_cli("check", "p.camp", "--no-cache", cwd=tmp_path)
    assert " warning: " in full.stdout and " info: " in full.stdout
    shown = run_cli("check", "p.camp", "--no-cache", "--min-severity", "error", cwd=tmp_path)
    lines = [line for line in shown.stdout.splitlines() if line.startswith("p.camp:")]
    assert lines and all(" error: " in line for line in lines)
    assert shown.returncode == 1
    assert "below error not shown (--min-severity)" in shown.stdout
    # hidden findings still count for --fail-on: the two options are separate
    quiet = run_cli("check", "p.camp", "--no-cache", "--select", "F004", "--min-severity", "error",
                    "--fail-on", "info", cwd=tmp_path)
    assert quiet.returncode == 1 and "1 finding below error not shown" in quiet.stdout


def _invoke(monkeypatch, cwd: Path, *args: str):
    """The command in this process (fast): exit code and standard output."""
    from click.testing import CliRunner

    from campaignlint.cli import cli

    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_add_noqa_in_process(tmp_path, monkeypatch):
    (tmp_path / "a.camp").write_text(ADOPT, encoding="utf-8")
    assert _invoke(monkeypatch, tmp_path, "check", "a.camp", "--add-noqa") == (0, "Added 8 noqa codes in 1 file.\n")
    assert (tmp_path / "a.camp").read_text(encoding="utf-8") == ADOPTED
    code, output = _invoke(monkeypatch, tmp_path, "check", "a.camp", "--no-cache", "--fail-on", "info")
    assert code == 0 and "All clear" in output
    assert _invoke(monkeypatch, tmp_path, "check", "a.camp", "--add-noqa") == (0, "Added 0 noqa codes in 0 files.\n")


def test_show_fixes_and_min_severity_in_process(tmp_path, monkeypatch):
    (tmp_path / "p.camp").write_text(PROMO, encoding="utf-8")
    code, output = _invoke(monkeypatch, tmp_path, "check", "p.camp", "--no-cache", "--show-fixes",
                           "--min-severity", "warning", "--fail-on", "info")
    assert code == 1  # the info findings are hidden but still fail the run
    assert " info: " not in output and "2 findings below warning not shown (--min-severity)." in output
    assert "--fix would apply 1 fix:\n  p.camp:9:51: pas_gratuit replace with “offert” [safe]\n" in output


def test_watch_loop_checks_again_after_a_change(tmp_path):
    from campaignlint.watch import watch_loop

    (tmp_path / "a.camp").write_text(PROMO, encoding="utf-8")
    runs: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch_loop, args=([str(tmp_path)], lambda: runs.append("run")),
                              kwargs={"stop_event": stop, "echo": lambda text: None}, daemon=True)
    thread.start()
    try:
        _wait(lambda: runs == ["run"])
        time.sleep(0.3)  # let the watcher start
        (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
        (tmp_path / "a.camp").write_text(PROMO + "\n", encoding="utf-8")
        _wait(lambda: len(runs) == 2)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
    assert runs == ["run", "run"]


def _wait(condition, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.slow
def test_watch_command_reports_the_new_finding(tmp_path):
    (tmp_path / "p.camp").write_text(PROMO.replace("gratuit dès", "offert dès"), encoding="utf-8")
    process = subprocess.Popen([*command(), "check", "--watch", "--select", "pas_gratuit", "--no-cache", "."],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               encoding="utf-8")
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        _wait(lambda: any("Watching" in line for line in seen), 60)
        assert any("All clear" in line for line in seen)
        (tmp_path / "p.camp").write_text(PROMO, encoding="utf-8")
        _wait(lambda: any("pas_gratuit warning" in line for line in seen), 60)
        assert any("Changed: p.camp" in line for line in seen)
    finally:
        process.terminate()
        process.wait(10)
    assert not any("Traceback" in line for line in seen)

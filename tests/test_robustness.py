"""Hostile input and file-system faults (issue 12): never hang, never write where it should not,
never an internal error.  Every test here failed before its fix."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from campaignlint.cli import cli
from campaignlint.engine import Linter, Options

GOOD = """campaign soldes {
  period 2027-01-07 .. 2027-02-03
}
"""

posix_only = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="POSIX file kinds")


class Hang(Exception):
    pass


@pytest.fixture
def deadline():
    """Fail (instead of hanging the suite) when the code under test blocks for more than 20 s."""

    def _alarm(signum, frame):
        raise Hang("blocked for more than 20 s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def run(*args, cwd: Path, input: str | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=True)
    finally:
        os.chdir(old)


def output(result) -> str:
    return result.output  # standard output and standard error, interleaved


def special_files(folder: Path) -> None:
    os.mkfifo(folder / "fifo.camp")
    (folder / "zero.camp").symlink_to("/dev/zero")


# ------------------------------------------------------------------ item 3: pipes, devices

@posix_only
@pytest.mark.parametrize("name,kind", [("fifo.camp", "a named pipe (FIFO)"),
                                       ("zero.camp", "a link to a character device (/dev/zero)")])
@pytest.mark.parametrize("command", [["check"], ["check", "--fix"], ["fmt"], ["parse"]])
def test_a_pipe_or_device_named_on_the_command_line_is_refused_unread(tmp_path, deadline, name, kind, command):
    (tmp_path / "campaignlint.toml").touch()
    special_files(tmp_path)
    result = run(*command, name, cwd=tmp_path)
    assert result.exit_code == 2, output(result)
    assert f"{name}: this is {kind}, not a file; it was not read" in output(result)
    assert "permission denied" not in output(result) and "Traceback" not in output(result)


@posix_only
@pytest.mark.parametrize("command", [["check"], ["check", "--no-cache"], ["check", "--fix"], ["fmt", "--check"]])
def test_a_folder_walk_reports_pipes_and_devices_and_goes_on(tmp_path, deadline, command):
    (tmp_path / "campaignlint.toml").write_text('select = ["E"]\n', encoding="utf-8")
    (tmp_path / "good.camp").write_text(GOOD, encoding="utf-8")
    special_files(tmp_path)
    result = run(*command, ".", cwd=tmp_path)
    text = output(result)
    assert result.exception is None or isinstance(result.exception, SystemExit), text
    assert "Traceback" not in text and "internal error" not in text
    assert "fifo.camp" in text and "a named pipe (FIFO), not a file" in text
    assert "zero.camp" in text and "a link to a character device" in text
    assert result.exit_code == 1, text


@posix_only
def test_the_engine_never_opens_a_fifo(tmp_path, deadline):
    (tmp_path / "campaignlint.toml").touch()
    special_files(tmp_path)
    findings = Linter(Options(), cwd=tmp_path).lint_file(tmp_path / "fifo.camp")
    assert [(f.code, f.message) for f in findings] == [
        ("E006", "cannot read this file: it is a named pipe (FIFO), not a file; it was not read")]

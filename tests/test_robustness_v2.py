"""Issue 12's promises on the code main gained after the robust branch (v2 language, cli17): assets,
`--add-noqa`, ratio and second literals, the project-scope cache.  Every test here failed before its port."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from campaignlint import assets
from campaignlint.frontend.literals import parse_ratio

from test_robustness import DUPLICATES, cli_result, deadline, posix_only  # noqa: F401 - `deadline` is a fixture


def test_a_ratio_is_bounded_like_every_number():
    assert parse_ratio("1.91:1") == (Decimal("1.91"), Decimal("1"))
    with pytest.raises(ValueError, match="at most 15 digits"):
        parse_ratio("9" * 5000 + ":1")
    with pytest.raises(ValueError, match="at most 10 digits after"):
        parse_ratio("1." + "5" * 50 + ":1")


def test_a_duration_in_seconds_is_bounded(tmp_path):
    from test_robustness import NUMBERS, PERIOD, _problems

    text = NUMBERS % (PERIOD, "100", "within 99999999999 seconds", "10")
    messages = [f.message for f in _problems(tmp_path, text) if f.code == "E003"]
    assert any("at most 3,153,600,000 seconds" in m for m in messages), messages


@posix_only
def test_an_asset_that_is_a_pipe_is_never_opened(tmp_path, deadline):
    os.mkfifo(tmp_path / "visuel.png")
    found = assets.read_asset("visuel.png", tmp_path, tmp_path)
    assert found.outcome == assets.UNREADABLE and found.detail == "it is a named pipe (FIFO), not a file"


def test_a_folder_named_as_an_asset_is_said_to_be_a_folder(tmp_path):
    (tmp_path / "visuel.png").mkdir()
    assert assets.read_asset("visuel.png", tmp_path, tmp_path).detail == "it is a folder, not a file"


def _noqa_project(folder: Path) -> None:
    (folder / "campaignlint.toml").write_text('select = ["C004"]\n', encoding="utf-8")


@pytest.mark.parametrize("target", ["link.camp", "."])
def test_add_noqa_never_writes_through_a_link_out_of_the_project(tmp_path, target):
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    _noqa_project(project)
    (outside / "target.camp").write_text(DUPLICATES, encoding="utf-8")
    (project / "link.camp").symlink_to("../outside/target.camp")
    code, text, exception = cli_result(["check", "--add-noqa", "--no-cache", target], project)
    assert (outside / "target.camp").read_text(encoding="utf-8") == DUPLICATES
    assert (code, exception) == (2, ""), text
    assert "link.camp: the noqa comments were not written: it is a link to a file outside the project folder" in text


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes (refused even for root: no write bit)")
def test_add_noqa_refuses_a_read_only_file(tmp_path):
    _noqa_project(tmp_path)
    camp = tmp_path / "c.camp"
    camp.write_text(DUPLICATES, encoding="utf-8")
    camp.chmod(0o444)
    code, text, exception = cli_result(["check", "--add-noqa", "--no-cache", "c.camp"], tmp_path)
    assert camp.read_text(encoding="utf-8") == DUPLICATES
    assert (code, exception) == (2, ""), text
    assert "c.camp: the noqa comments were not written: the file is read-only" in text


def test_add_noqa_still_writes_inside_the_project(tmp_path):
    _noqa_project(tmp_path)
    (tmp_path / "c.camp").write_text(DUPLICATES, encoding="utf-8")
    code, text, exception = cli_result(["check", "--add-noqa", "--no-cache", "."], tmp_path)
    assert (code, exception) == (0, ""), text
    assert "# noqa: C004" in (tmp_path / "c.camp").read_text(encoding="utf-8")

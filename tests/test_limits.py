"""Limits with clear errors, and folder walks that survive hostile trees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from campaignlint.engine import Linter, Options, discover_files
from campaignlint.frontend.loader import MAX_IMPORTS
from campaignlint.frontend.literals import MAX_STRING_LENGTH
from campaignlint.frontend.parser import MAX_NESTING

CAMPAIGN = '''campaign rentree {
  name "La rentrée"
  language fr
  period 2027-09-01 .. 2027-09-30
  message ig {
    channel instagram
    body %s
  }
}
'''


def _lint(folder: Path, name: str, text: str | None = None):
    (folder / "campaignlint.toml").touch()
    linter = Linter(Options(), cwd=folder)
    return linter.lint_file(folder / name, text=text)


def _codes(findings, code):
    return [f for f in findings if f.code == code]


def test_a_string_over_the_limit_is_an_e008_with_its_length(tmp_path):
    text = CAMPAIGN % ('"' + "Portez le changement. " * (MAX_STRING_LENGTH // 22 + 1) + '"')
    found = _codes(_lint(tmp_path, "a.camp", text), "E008")
    assert len(found) == 1
    assert "longer than 100,000 characters" in found[0].message
    assert found[0].range.start_line == 7


def test_a_long_string_under_the_limit_is_not_reported(tmp_path):
    text = CAMPAIGN % ('"""\n' + "Portez le changement.\n" * 1000 + '"""')
    assert not _codes(_lint(tmp_path, "a.camp", text), "E008")


def test_nesting_deeper_than_the_limit_is_an_e001(tmp_path):
    depth = MAX_NESTING + 5
    text = "".join(f"b{i} {{\n" for i in range(depth)) + "x 1\n" + "}\n" * depth
    found = _codes(_lint(tmp_path, "a.camp", text), "E001")
    assert found and f"nested more than {MAX_NESTING} deep" in found[0].message


def test_nesting_within_the_limit_is_not_a_syntax_error(tmp_path):
    depth = MAX_NESTING - 1
    text = "".join(f"b{i} {{\n" for i in range(depth)) + "x 1\n" + "}\n" * depth
    assert not _codes(_lint(tmp_path, "a.camp", text), "E001")


def test_a_file_over_max_file_size_is_an_e008(tmp_path):
    (tmp_path / "campaignlint.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    (tmp_path / "a.camp").write_text(CAMPAIGN % '"Bonjour"', encoding="utf-8")
    findings = Linter(Options(), cwd=tmp_path).lint_file(tmp_path / "a.camp")
    assert [f.code for f in findings] == ["E008"]
    assert "max-file-size" in findings[0].message


def test_too_many_imports_is_an_e006(tmp_path):
    (tmp_path / "b.camp").write_text('segment s { size 10 }\n', encoding="utf-8")
    text = 'import "b.camp"\n' * (MAX_IMPORTS + 1)
    found = [f for f in _codes(_lint(tmp_path, "a.camp", text), "E006") if "at most" in f.message]
    assert len(found) == 1 and f"at most {MAX_IMPORTS} files" in found[0].message
    assert found[0].range.start_line == MAX_IMPORTS + 1


def test_an_import_through_a_symlink_leaving_the_project_is_refused(tmp_path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "secret.camp").write_text('brand b { name "B" }\n', encoding="utf-8")
    (project / "brand.camp").symlink_to(outside / "secret.camp")
    (project / "campaignlint.toml").touch()
    (project / "a.camp").write_text('import "brand.camp"\n', encoding="utf-8")
    findings = Linter(Options(), cwd=project).lint_file(project / "a.camp")
    refused = _codes(findings, "E006")
    assert refused and "outside the project folder" in refused[0].message


def test_an_import_through_a_symlink_inside_the_project_is_read(tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "brand.camp").write_text('brand b { name "B" }\n', encoding="utf-8")
    (tmp_path / "brand.camp").symlink_to(tmp_path / "shared" / "brand.camp")
    (tmp_path / "campaignlint.toml").touch()
    (tmp_path / "a.camp").write_text('import "brand.camp"\n', encoding="utf-8")
    assert not _codes(Linter(Options(), cwd=tmp_path).lint_file(tmp_path / "a.camp"), "E006")


def test_the_folder_walk_survives_a_symlink_loop(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.camp").write_text("", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a", target_is_directory=True)
    found = discover_files([str(tmp_path)])
    assert [p.name for p in found] == ["x.camp"]


def test_the_folder_walk_survives_a_dangling_link_and_reports_it(tmp_path, cli):
    (tmp_path / "good.camp").write_text('segment s { size 10 }\n', encoding="utf-8")
    (tmp_path / "gone.camp").symlink_to(tmp_path / "nowhere.camp")
    (tmp_path / "campaignlint.toml").touch()
    result = cli("check", ".", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "gone.camp:1:1: E006" in result.stdout and "cannot read this file" in result.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_the_folder_walk_survives_an_unreadable_file_and_folder(tmp_path, cli):
    (tmp_path / "good.camp").write_text('segment s { size 10 }\n', encoding="utf-8")
    locked = tmp_path / "locked.camp"
    locked.write_text('segment t { size 10 }\n', encoding="utf-8")
    locked.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "x.camp").write_text("", encoding="utf-8")
    closed.chmod(0)
    try:
        result = cli("check", ".", "--no-cache", cwd=tmp_path)
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "locked.camp:1:1: E006" in result.stdout

"""The result cache: hits give identical output; every key invalidates it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import campaignlint.cache as cache_module
from campaignlint import resources
from campaignlint.cache import CACHE_DIR, finding_from_data, finding_to_data
from campaignlint.engine import Linter, Options

from conftest import command

BRAND = '''brand verdure {
  name "Verdure"
  language fr
  voice {
    tone inspiring, warm
    address formal
    avoid "pas cher"
  }
}
'''

CAMPAIGN = '''import "brand.camp"

campaign ete {
  name "L'été en lin"
  brand verdure
  period 2027-06-01 .. 2027-07-31
  segment citadins { channels instagram }
  message ig {
    channel instagram
    segment citadins
    stage awareness
    at 2027-06-02 09:00
    body "Notre collection en lin, pas cher et tissée en Europe !!! #lin #lin"
  }
}
'''


@pytest.fixture
def project(tmp_path):
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "brand.camp").write_text(BRAND, encoding="utf-8")
    (tmp_path / "ete.camp").write_text(CAMPAIGN, encoding="utf-8")
    (tmp_path / "other.camp").write_text(CAMPAIGN.replace("ete", "hiver"), encoding="utf-8")
    return tmp_path


class Spy:
    """Runs the linter with the cache on and records which files were really linted."""

    def __init__(self, folder: Path, monkeypatch):
        self.folder = folder
        self.linted: list[str] = []
        original = Linter.lint_many

        def lint_many(linter, files):
            self.linted.extend(Path(path).name for path, _root in files)
            return original(linter, files)

        monkeypatch.setattr(Linter, "lint_many", lint_many)

    def run(self, cache: bool = True):
        self.linted = []
        result = Linter(Options(), cwd=self.folder).lint([str(self.folder)], cache=cache)
        return [f.to_json() for f in result.findings], sorted(self.linted)


@pytest.mark.slow
def test_a_hit_returns_identical_findings_without_linting(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    cold, linted = spy.run()
    assert linted == ["brand.camp", "ete.camp", "other.camp"]
    assert cold  # the campaign has findings (avoided term, repeated hashtag...)
    warm, linted = spy.run()
    assert linted == []
    assert warm == cold
    assert (project / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_changing_the_file_relints_only_that_file(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    spy.run()
    (project / "ete.camp").write_text(CAMPAIGN.replace("!!!", "."), encoding="utf-8")
    after, linted = spy.run()
    assert linted == ["ete.camp"]
    assert after == spy.run(cache=False)[0]


def test_changing_an_imported_file_relints_its_importers(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    before, _ = spy.run()
    (project / "brand.camp").write_text(BRAND.replace('avoid "pas cher"', 'avoid "soldes"'), encoding="utf-8")
    after, linted = spy.run()
    assert linted == ["brand.camp", "ete.camp", "other.camp"]
    assert after != before
    assert after == spy.run(cache=False)[0]


def test_creating_a_missing_import_invalidates(project, monkeypatch):
    (project / "ete.camp").write_text(CAMPAIGN.replace('"brand.camp"', '"brand2.camp"'), encoding="utf-8")
    spy = Spy(project, monkeypatch)
    before, _ = spy.run()
    assert any(f["code"] == "E006" and "brand2.camp" in f["message"] for f in before)
    (project / "brand2.camp").write_text(BRAND, encoding="utf-8")
    after, linted = spy.run()
    assert "ete.camp" in linted
    assert not any(f["code"] == "E006" for f in after)


def test_changing_the_configuration_invalidates(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    before, _ = spy.run()
    code = before[0]["code"]
    (project / "campaignlint.toml").write_text(f'ignore = ["{code}"]\n', encoding="utf-8")
    after, linted = spy.run()
    assert linted == ["brand.camp", "ete.camp", "other.camp"]
    assert not any(f["code"] == code for f in after)


def test_changing_the_rule_data_invalidates(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    spy.run()
    monkeypatch.setattr(resources, "rule_data_fingerprint", lambda: "another version of rules/")
    _, linted = spy.run()
    assert linted == ["brand.camp", "ete.camp", "other.camp"]
    _, linted = spy.run()
    assert linted == []


def test_changing_the_tool_version_invalidates(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    spy.run()
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    _, linted = spy.run()
    assert linted == ["brand.camp", "ete.camp", "other.camp"]


def test_a_damaged_entry_is_a_miss_not_a_crash(project, monkeypatch):
    spy = Spy(project, monkeypatch)
    cold, _ = spy.run()
    for entry in (project / CACHE_DIR).glob("results-*.sqlite3*"):
        entry.write_bytes(b'SQLite format 3\x00 damaged' + bytes(200))
    again, linted = spy.run()
    assert linted == ["brand.camp", "ete.camp", "other.camp"] and again == cold
    _, linted = spy.run()  # the damaged file was rebuilt: hits again
    assert linted == []


def test_a_damaged_row_is_a_miss(project, monkeypatch):
    import sqlite3

    spy = Spy(project, monkeypatch)
    cold, _ = spy.run()
    [database] = (project / CACHE_DIR).glob("results-*.sqlite3")
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE entries SET findings = '[[1, 2' WHERE key LIKE '%ete.camp'")
    again, linted = spy.run()
    assert linted == ["ete.camp"] and again == cold


def test_findings_and_fixes_round_trip(project):
    findings = Linter(Options(), cwd=project).lint([str(project)]).findings
    with_fix = [f for f in findings if f.fix is not None]
    assert with_fix, "the sample must carry a fixable finding"
    for finding in findings:
        data = json.loads(json.dumps(finding_to_data(finding)))
        assert finding_from_data(data) == finding


@pytest.mark.slow
def test_the_command_uses_the_cache_and_no_cache_bypasses_it(project, cli):
    fresh = cli("check", ".", "--no-cache", cwd=project)
    assert not (project / CACHE_DIR).exists()
    first = cli("check", ".", cwd=project)
    assert (project / CACHE_DIR / ".gitignore").is_file()
    assert len(list((project / CACHE_DIR).glob("results-v*.sqlite3"))) == 1  # one file per project
    second = cli("check", ".", "--format", "json", cwd=project)
    third = cli("check", ".", "--format", "json", "--no-cache", cwd=project)
    assert fresh.stdout == first.stdout and fresh.returncode == first.returncode == 0  # warnings only
    assert second.stdout == third.stdout


@pytest.mark.slow
def test_concurrent_runs_share_the_cache_safely(project):
    processes = [subprocess.Popen([*command(), "check", ".", "--format", "json"], cwd=project,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert all(p.returncode == 0 for p in processes), [o[1] for o in outputs]
    assert len({o[0] for o in outputs}) == 1
    assert not [p for p in (project / CACHE_DIR).iterdir() if p.name.startswith(".tmp-")]
    again = subprocess.run([*command(), "check", ".", "--format", "json"], cwd=project, capture_output=True)
    assert again.stdout == outputs[0][0]


@pytest.mark.slow
def test_a_warm_run_imports_no_rule_module(project):
    """Every file a hit: configuration is checked against the cached rule catalogue, so
    neither the rule modules nor the model (pydantic) are imported."""
    script = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from campaignlint.engine import Linter, Options\n"
        "result = Linter(Options(), cwd=Path('.')).lint(['.'], cache=True)\n"
        "print(json.dumps([len(result.findings), 'campaignlint.model' in sys.modules,\n"
        "                  any(m.startswith('campaignlint.checks.') for m in sys.modules)]))\n"
    )
    first = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    cold, warm = json.loads(first.stdout), json.loads(second.stdout)
    assert cold[0] == warm[0] > 0 and cold[1:] == [True, True]
    assert warm[1:] == [False, False]


def test_a_dependency_too_large_to_hash_counts_by_its_size(tmp_path):
    """A video (the A rules read its byte size, never its content) over `max-file-size`."""
    from campaignlint.cache import ResultCache
    from campaignlint.project import Project
    from campaignlint.registry import rule_catalogue

    (tmp_path / "campaignlint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\0" * 5000)
    store = ResultCache(Project(Options(), tmp_path, rule_catalogue()))
    first = store.dependency_hash(video)
    assert first is not None and store.file_hash(video) is None
    video.write_bytes(b"\0" * 6000)
    assert ResultCache(Project(Options(), tmp_path, rule_catalogue())).dependency_hash(video) != first
    assert store.dependency_hash(tmp_path / "missing.mp4") is None

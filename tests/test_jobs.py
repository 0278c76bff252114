"""`--jobs`: worker processes give the same findings, in the same order."""

from __future__ import annotations

import sys
import functools
from pathlib import Path

import pytest

from campaignlint.engine import Linter, Options
from campaignlint.parallel import MIN_FILES_PER_WORKER, lint_in_workers, workers_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jobs")
    made = generate(folder, 20, seed=5)
    # a broken file among them: front-end findings must travel back from workers too
    (folder / "campaigns" / "9999_broken.camp").write_bytes(b'campaign x {\n  name "\xff"\n')
    return folder, made


@pytest.mark.slow
def test_jobs_1_and_2_give_identical_output(corpus, cli):
    folder, _made = corpus
    force = {"CAMPAIGNLINT_MIN_FILES_PER_WORKER": "1"}  # 20 files: spread them anyway
    one = cli("check", ".", "--no-cache", "--jobs", "1", "--format", "json", cwd=folder)
    two = cli("check", ".", "--no-cache", "--jobs", "2", "--format", "json", cwd=folder, env=force)
    assert one.returncode == two.returncode == 1, two.stderr
    assert one.stdout == two.stdout
    assert '"E008"' in one.stdout  # the broken file is in both
    text_one = cli("check", ".", "--no-cache", "--jobs", "1", cwd=folder)
    text_two = cli("check", ".", "--no-cache", "--jobs", "2", cwd=folder, env=force)
    assert text_one.stdout == text_two.stdout


@pytest.mark.slow
def test_workers_return_outcomes_in_file_order(corpus):
    folder, made = corpus
    files = [(path, folder) for path in made.files[:6]]
    linter = Linter(Options(), cwd=folder)
    in_process = [[f.to_json() for f in outcome.findings] for outcome in linter.lint_many(files)]
    spread = [[f.to_json() for f in outcome.findings] for outcome in lint_in_workers(functools.partial(Linter, Options(), folder), files, 2)]
    assert spread == in_process
    assert all(in_process)


def test_small_runs_stay_in_process():
    assert workers_for(1, 10_000) == 1
    assert workers_for(8, MIN_FILES_PER_WORKER - 1) == 1
    assert workers_for(8, 2 * MIN_FILES_PER_WORKER) == 2
    assert workers_for(2, 100 * MIN_FILES_PER_WORKER) == 2


@pytest.mark.slow
def test_project_scope_findings_are_the_same_with_jobs_2(tmp_path, cli):
    """Issue 14: P006 adds up files linted by different worker processes (the project phase sees the whole run)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared.camp").write_text('brand bazar {\n  name "Bazar"\n  frequency email 2 per week\n}\n'
                                          'segment clients { description "Clients"; consent email opt-in }\n',
                                          encoding="utf-8")
    for day, name in enumerate(("noel", "soldes", "extra", "bonus"), 1):
        (tmp_path / f"{name}.camp").write_text(
            f'import "shared.camp"\ncampaign {name} {{\n  brand bazar\n  period 2026-12-01 .. 2026-12-31\n'
            f'  segment clients\n  message m_{name} {{ channel email; segments clients; at 2026-12-0{day} 10:00; '
            f'subject "Paniers {name}" }}\n}}\n', encoding="utf-8")
    force = {"CAMPAIGNLINT_MIN_FILES_PER_WORKER": "1"}
    one = cli("check", ".", "--no-cache", "--jobs", "1", "--select", "P006", "--format", "json", cwd=tmp_path)
    two = cli("check", ".", "--no-cache", "--jobs", "2", "--select", "P006", "--format", "json", cwd=tmp_path,
              env=force)
    assert one.stdout == two.stdout, two.stderr
    assert one.stdout.count('"P006"') == 1 and "`m_extra` is the 3rd email" in one.stdout  # the first over the cap

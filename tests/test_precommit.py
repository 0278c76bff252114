"""The pre-commit hooks of `.pre-commit-hooks.yaml`, for real: pre-commit installs this project from a git repo.

Slow (pre-commit builds a virtualenv and pip-installs the project and its
dependencies once, in a temporary ``PRE_COMMIT_HOME``); CI runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, REPO

pytestmark = pytest.mark.slow

GIT_ENV = {
    "GIT_AUTHOR_NAME": "campaignlint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "campaignlint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}

BAD = '''campaign soldes {
  name "Soldes d'hiver
  period 2027-01-07 .. 2027-02-03
}
'''

UNFORMATTED = '''campaign   soldes {
      name "Soldes d'hiver";   period 2027-01-07..2027-02-03
}
'''


def _release_tag() -> str:
    version = re.search(r'^version = "(.+)"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    return f"v{version.group(1)}"


RELEASE_TAG = _release_tag()
PLACEHOLDER = "<the git URL of campaignlint>"


def documented_config() -> str:
    """The `.pre-commit-config.yaml` printed in docs/outputs.md, as printed."""
    page = (REPO / "docs" / "outputs.md").read_text(encoding="utf-8")
    section = page[page.index("## pre-commit"):]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def _pre_commit() -> list[str]:
    script = Path(sys.executable).parent / "pre-commit"
    if script.exists():
        return [str(script)]
    found = shutil.which("pre-commit")
    if found:
        return [found]
    pytest.skip("pre-commit is not installed (pip install campaignlint[test])")


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory) -> tuple[Path, str]:
    """A git copy of this project's working tree, committed: pre-commit needs a repo and a rev."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    target = tmp_path_factory.mktemp("hooks") / "campaignlint"
    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", ".pytest_cache", "*.egg-info", ".venv", "build", "dist", ".campaignlint_cache"))
    _git("init", "-q", "-b", "main", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "snapshot for the pre-commit test", cwd=target)
    # the documented release step (docs/releasing.md) creates the tag users pin as `rev:`
    released = subprocess.run(["bash", str(target / ".ci" / "release")], cwd=target, env={**os.environ, **GIT_ENV},
                              capture_output=True, text=True)
    assert released.returncode == 0, released.stderr
    assert _git("tag", "--list", cwd=target) == RELEASE_TAG
    again = subprocess.run(["bash", str(target / ".ci" / "release")], cwd=target, env={**os.environ, **GIT_ENV},
                           capture_output=True, text=True)
    assert again.returncode == 1 and "exists already" in again.stderr  # a tag is never moved
    return target, RELEASE_TAG


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def user_repo(tmp_path, hooks_repo) -> Path:
    repo_path, rev = hooks_repo
    config = {"repos": [{"repo": str(repo_path), "rev": rev,
                         "hooks": [{"id": "campaignlint"}, {"id": "campaignlint-fix"}, {"id": "campaignlint-fmt"}]}]}
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copytree(DATA / "examples" / "verdure", tmp_path / "verdure")
    (tmp_path / "bad.camp").write_text(BAD, encoding="utf-8")
    (tmp_path / "unformatted.camp").write_text(UNFORMATTED, encoding="utf-8")
    _git("init", "-q", "-b", "main", cwd=tmp_path)
    _git("add", "-A", cwd=tmp_path)
    return tmp_path


def _run(user_repo: Path, home: Path, hook: str | None, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)  # the hook must run the copy pre-commit installed
    which = [hook] if hook else []
    return subprocess.run([*_pre_commit(), "run", *which, "--files", *files], cwd=user_repo, env=env,
                          capture_output=True, text=True, timeout=1800)


def test_the_documented_configuration_works_as_printed(tmp_path, hooks_repo, pre_commit_home):
    repo_path, tag = hooks_repo
    printed = documented_config()
    assert printed.count(PLACEHOLDER) == 1 and f"rev: {tag}\n" in printed
    # only the URL changes: the copy of the repository stands for it
    (tmp_path / ".pre-commit-config.yaml").write_text(printed.replace(PLACEHOLDER, str(repo_path)), encoding="utf-8")
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    (tmp_path / "unformatted.camp").write_text(UNFORMATTED, encoding="utf-8")
    _git("init", "-q", "-b", "main", cwd=tmp_path)
    _git("add", "-A", cwd=tmp_path)
    shipped = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "examples").rglob("*.camp")
                     if "flawed" not in p.parts)  # the flawed example has errors on purpose
    clean = _run(tmp_path, pre_commit_home, None, *shipped)
    assert clean.returncode == 0, clean.stdout + clean.stderr  # the shipped examples pass both hooks
    assert "campaignlint (format)" in clean.stdout and "campaignlint (fix)" in clean.stdout
    assert "Failed" not in clean.stdout
    messy = _run(tmp_path, pre_commit_home, None, "unformatted.camp")
    assert messy.returncode == 1 and "files were modified by this hook" in messy.stdout


def test_hooks_file_declares_the_three_hooks():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"campaignlint", "campaignlint-fix", "campaignlint-fmt"}
    assert hooks["campaignlint"]["entry"] == "campaignlint check"
    assert hooks["campaignlint-fix"]["entry"] == "campaignlint check --fix"
    assert hooks["campaignlint-fmt"]["entry"] == "campaignlint fmt"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["files"] == r"\.camp$" and hook.get("pass_filenames", True)


def test_check_hook_passes_good_files_and_fails_bad_ones(user_repo, pre_commit_home):
    good = _run(user_repo, pre_commit_home, "campaignlint", "verdure/brand.camp", "verdure/printemps.camp")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "campaignlint" in good.stdout and "Passed" in good.stdout

    bad = _run(user_repo, pre_commit_home, "campaignlint", "bad.camp", "verdure/brand.camp")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.camp:2:8: E001 error: this text is not closed" in bad.stdout
    assert "Found 1 problem" in bad.stdout


def test_fmt_hook_rewrites_and_fails_once(user_repo, pre_commit_home):
    first = _run(user_repo, pre_commit_home, "campaignlint-fmt", "unformatted.camp", "verdure/printemps.camp")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (user_repo / "unformatted.camp").read_text(encoding="utf-8") == (
        'campaign soldes {\n  name "Soldes d\'hiver"\n  period 2027-01-07 .. 2027-02-03\n}\n')
    second = _run(user_repo, pre_commit_home, "campaignlint-fmt", "unformatted.camp", "verdure/printemps.camp")
    assert second.returncode == 0, second.stdout + second.stderr


def test_fix_hook_applies_safe_fixes(user_repo, pre_commit_home):
    (user_repo / "promo.camp").write_text(
        'rule pas_gratuit {\n  message "Dites « offert »"\n  forbid "gratuit"\n  suggest "offert"\n}\n\n'
        'campaign promo {\n  name "Promo"\n  period 2027-06-01 .. 2027-06-30\n'
        '  message ig {\n    channel instagram\n    body "Livraison gratuit dès 50 €"\n  }\n}\n', encoding="utf-8")
    _git("add", "promo.camp", cwd=user_repo)
    result = _run(user_repo, pre_commit_home, "campaignlint-fix", "promo.camp")
    assert result.returncode == 1, result.stdout + result.stderr  # a hook that changes files fails the commit
    assert "files were modified by this hook" in result.stdout
    assert "Fixed 1 problem." in result.stdout
    assert 'body "Livraison offert dès 50 €"' in (user_repo / "promo.camp").read_text(encoding="utf-8")

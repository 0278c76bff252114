"""The VS Code extension (editors/vscode/): its node tests, and the .vsix it builds.

The node tests (``npm test``) tokenise every example with the TextMate grammar
(vscode-textmate + vscode-oniguruma, as VS Code does) against the committed
snapshots, and unit-test how the extension finds and starts the server. Both
tests here need node and npm; without them they are skipped, with the reason.
``npm ci`` runs first when editors/vscode/node_modules is missing (it needs the
npm registry).
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

EXTENSION = REPO / "editors" / "vscode"
MANIFEST = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


def _tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("the VS Code extension's tests need node and npm on PATH (apt-get install nodejs npm)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    major = int(re.match(r"v(\d+)", version).group(1)) if re.match(r"v(\d+)", version) else 0
    if major < 20:
        pytest.skip(f"the VS Code extension's tests need Node.js 20 or newer (found {version or 'an unknown version'})")
    return node, npm


def _run(args: list[str], timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "npm_config_update_notifier": "false"}
    return subprocess.run(args, cwd=EXTENSION, capture_output=True, text=True, timeout=timeout, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def npm_ready() -> tuple[str, str]:
    node, npm = _tools()
    if not (EXTENSION / "node_modules" / "vscode-textmate").is_dir():
        result = _run([npm, "ci", "--no-audit", "--no-fund"])
        if result.returncode != 0:
            pytest.fail(f"npm ci failed in editors/vscode:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return node, npm


def test_node_tests_pass(npm_ready) -> None:
    """Grammar snapshots of every example, the language configuration, the server-finding logic, activation."""
    node, _ = npm_ready
    result = _run([node, "--test", *sorted(str(p.relative_to(EXTENSION)) for p in (EXTENSION / "test").glob("*.test.js"))])
    assert result.returncode == 0, f"{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    summary = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", result.stdout, re.MULTILINE))
    assert int(summary["fail"]) == 0 and int(summary["pass"]) == int(summary["tests"]) >= 30, summary


def test_vsix_builds_with_grammar_manifest_and_client(npm_ready, tmp_path: Path) -> None:
    """build.sh packages campaignlint-<version>.vsix; it holds what VS Code reads, and the client loads from it."""
    node, _ = npm_ready
    vsix = EXTENSION / f"campaignlint-{MANIFEST['version']}.vsix"
    vsix.unlink(missing_ok=True)
    result = _run(["bash", "build.sh"])
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    assert vsix.is_file()

    with zipfile.ZipFile(vsix) as archive:
        names = set(archive.namelist())
        for expected in ("extension.vsixmanifest", "extension/package.json", "extension/syntaxes/camp.tmLanguage.json",
                         "extension/language-configuration.json", "extension/src/extension.js",
                         "extension/src/server.js", "extension/node_modules/vscode-languageclient/node.js"):
            assert expected in names, f"{expected} missing from the .vsix"
        # nothing from the tests, the scripts or the dev tools ships
        assert not [n for n in names if n.startswith(("extension/test/", "extension/scripts/"))]
        assert not [n for n in names if "/node_modules/@vscode/vsce" in n or "/node_modules/vscode-textmate/" in n]
        packaged = json.loads(archive.read("extension/package.json"))
        grammar = json.loads(archive.read("extension/syntaxes/camp.tmLanguage.json"))
        manifest_xml = archive.read("extension.vsixmanifest").decode("utf-8")
        archive.extractall(tmp_path)

    assert packaged["contributes"]["languages"][0]["extensions"] == [".camp"]
    assert packaged["contributes"]["grammars"][0]["scopeName"] == grammar["scopeName"] == "source.campaign"
    assert f'Version="{MANIFEST["version"]}"' in manifest_xml
    loaded = subprocess.run([node, str(EXTENSION / "test" / "load-vsix.js"), str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout) == ["activate", "clientOptions", "deactivate"]


def test_extension_version_follows_the_python_package() -> None:
    """The .vsix is named after the version of the campaignlint it documents."""
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE).group(1)
    assert MANIFEST["version"] == version


def test_documented_plist_conversion_gives_the_same_grammar(tmp_path: Path) -> None:
    """docs/editors.md's command for Sublime Text and TextMate writes the grammar as an XML property list."""
    doc = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")
    code = re.search(r"python3 -c '([^']+)' \\\n\s+(\S+) > (\S+)", doc)
    assert code, "the conversion command is not in docs/editors.md"
    source, target = REPO / code.group(2), tmp_path / code.group(3)
    with target.open("wb") as out:
        subprocess.run([sys.executable, "-c", code.group(1), str(source)], stdout=out, check=True, timeout=60)
    converted = plistlib.loads(target.read_bytes())
    assert converted == json.loads(source.read_text(encoding="utf-8"))
    assert converted["scopeName"] == "source.campaign"

"""The normative v2 examples, seen by the rule packs (rules.md "Rule packs").

* ``flawed_v2.camp`` declares ``packs email, google-ads, meta, fr-legal``: every
  D, R, W and L code marked ``# expect`` is reported on its line, and no pack
  finding is reported where none is marked;
* ``noel_fournil.camp`` declares the same packs and draws no error nor warning
  of any family;
* the shipped examples draw no pack error nor warning with the default packs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from campaignlint.engine import Linter, Options

ROOT = Path(__file__).resolve().parent.parent
V2 = Path(__file__).parent / "data" / "examples" / "v2"
PACK_FAMILIES = ("D", "R", "W", "L")


def _is_pack(code: str) -> bool:
    return code[0] in PACK_FAMILIES and code[1:].isdigit()


def _lint(paths, cwd):
    return Linter(Options(), cwd=cwd).lint([str(p) for p in paths], cache=False, jobs=1)


def _marked(path: Path) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        marked = re.search(r"# expect (.*)$", line)
        if marked:
            expected |= {(number, code) for code in re.split(r"[ ,]+", marked.group(1).strip()) if _is_pack(code)}
    return expected


def test_flawed_v2_reports_every_marked_pack_code_on_its_line(tmp_path):
    target = tmp_path / "v2"
    shutil.copytree(V2, target)
    path = target / "flawed_v2.camp"
    expected = _marked(path)
    found = {(f.range.start_line, f.code) for f in _lint([path], target).findings if _is_pack(f.code)}
    assert sorted(expected - found) == [], "missing"
    assert sorted(found - expected) == [], "unexpected"
    codes = {code for _line, code in expected}
    # every code of the four packs is marked at least once
    assert codes == {f"D00{i}" for i in range(1, 7)} | {f"R00{i}" for i in range(1, 9)} \
        | {f"W00{i}" for i in range(1, 4)} | {f"L00{i}" for i in range(1, 7)}


def test_noel_fournil_draws_no_error_nor_warning_packs_included():
    result = _lint([V2 / "noel_fournil.camp"], V2)
    loud = [f"{f.range.start_line} {f.code} {f.message}" for f in result.findings
            if f.severity.value in ("error", "warning")]
    assert loud == []


def test_noel_fournil_has_the_packs_on(tmp_path):
    """The careful example is quiet because it complies, not because the packs are off."""
    text = (V2 / "noel_fournil.camp").read_text(encoding="utf-8")
    assert "packs email, google-ads, meta, fr-legal" in text
    broken = text.replace("Offre soumise à conditions.", "").replace("au lieu de 30 €", "")
    broken = broken.replace("merge tags brevo; unsubscribe platform }", "merge tags brevo }")
    path = tmp_path / "noel_fournil.camp"
    path.write_text(broken, encoding="utf-8")
    codes = {f.code for f in _lint([path], tmp_path).findings}
    assert {"L003", "L004", "D001"} <= codes


@pytest.mark.parametrize("example", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").rglob("*.camp")))
def test_shipped_examples_draw_no_pack_error_nor_warning(example):
    # the default packs are `google-ads` and `meta`; `email` and `fr-legal` are off (cli.md)
    result = Linter(Options(select=["R", "W"]), cwd=ROOT).lint([str(ROOT / example)], cache=False, jobs=1)
    loud = [f"{f.path}:{f.range.start_line} {f.code} {f.message}" for f in result.findings
            if _is_pack(f.code) and f.severity.value in ("error", "warning")]
    assert loud == []


WRAP = '''brand bazar {{ name "Bazar Gourmand"; language fr }}
campaign exemple {{
  brand bazar
  language fr
  period 2026-12-01 .. 2026-12-31
  packs email, google-ads, meta, fr-legal
  channel email; channel sms; channel instagram; channel meta_ads; channel google_ads; channel facebook
{body}
}}
'''


def _pack_rules():
    from campaignlint.registry import load_all_rules
    from campaignlint.rule import REGISTRY

    load_all_rules()
    return sorted(code for code, rule in REGISTRY.items() if rule.pack)


def _example_findings(tmp_path: Path, code: str, fragment: str) -> list[str]:
    import textwrap

    body = fragment if fragment.lstrip().startswith("campaign") else None
    text = body or WRAP.format(body=textwrap.indent(fragment, "  "))
    path = tmp_path / "exemple.camp"
    path.write_text(text, encoding="utf-8")
    config = 'packs = ["email", "google-ads", "meta", "fr-legal"]\n'
    (tmp_path / "campaignlint.toml").write_text(config, encoding="utf-8")
    findings = Linter(Options(select=[code]), cwd=tmp_path).lint_file(path)
    return [f"{f.code} {f.message}" for f in findings if f.code == code or f.code.startswith("E")]


@pytest.mark.parametrize("code", _pack_rules())
def test_each_pack_rule_example_fires_and_its_correction_is_quiet(tmp_path, code):
    from campaignlint.rule import REGISTRY

    rule = REGISTRY[code]
    fired = _example_findings(tmp_path, code, rule.example)
    assert fired and all(f.startswith(code) for f in fired), fired
    assert _example_findings(tmp_path, code, rule.correction) == []

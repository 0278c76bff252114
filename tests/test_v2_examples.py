"""The normative v2 examples, and P006 across files with the result cache.

* ``flawed_v2.camp``: every V, A, G, J and P006 code marked ``# expect`` is
  reported on its line, and no other finding of those families;
* ``flawed_v2.camp``: the packs' codes marked (D, L, R, W) are reported on their line too;
* ``noel_fournil.camp``: no error and no warning, packs included (it turns every pack on);
* P006 adds up two files, and changing one re-lints the other's project-scope
  findings from a warm cache (file-scope results stay cached).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from campaignlint.engine import Linter, Options

V2 = Path(__file__).parent / "data" / "examples" / "v2"
FAMILIES = ("V", "A", "G", "J")


def _ours(code: str) -> bool:
    return code[0] in FAMILIES or code == "P006"


def _lint(paths, cwd, cache=False):
    return Linter(Options(), cwd=cwd).lint([str(p) for p in paths], cache=cache, jobs=1)


def test_flawed_v2_reports_every_marked_code_on_its_line(tmp_path):
    target = tmp_path / "v2"
    shutil.copytree(V2, target)
    path = target / "flawed_v2.camp"
    expected = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        marked = re.search(r"# expect (.*)$", line)
        if marked:
            expected |= {(number, code) for code in re.split(r"[ ,]+", marked.group(1).strip()) if _ours(code)}
    findings = _lint([path], target).findings
    found = {(f.range.start_line, f.code) for f in findings if _ours(f.code)}
    assert expected - found == set(), "missing"
    assert found - expected == set(), "unexpected"
    assert len({code for _line, code in expected}) == 24  # every V, A, G, J code and P006
    # the packs' codes marked too (D, L, R, W: the file turns every pack on): each on its line, and nowhere else
    marked = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.search(r"# expect (.*)$", line):
            marked |= {(number, code) for code in re.split(r"[ ,]+", line.split("# expect", 1)[1].strip())}
    codes = {code for _line, code in marked}
    everything = {(f.range.start_line, f.code) for f in findings if f.code in codes}
    assert marked - everything == set(), "missing"
    assert everything - marked == set(), "unexpected"


def test_noel_fournil_draws_no_error_nor_warning(tmp_path):
    result = _lint([V2 / "noel_fournil.camp"], V2)  # the file turns every pack on: "packs compris"
    loud = [f"{f.range.start_line} {f.code} {f.message}" for f in result.findings
            if f.severity.value in ("error", "warning")]
    assert loud == []


def test_no_merge_tag_in_copy_rule_findings():
    result = _lint([V2 / "noel_fournil.camp", V2 / "flawed_v2.camp"], V2)
    for finding in result.findings:
        if finding.code[0] in "TUM" or finding.code in ("C003", "C004", "C005", "C006"):
            assert not re.search(r"\{\{|\*\||%%|\|\*", finding.message), finding.message


BRAND = '''brand bazar {
  name "Bazar"
  frequency email 2 per week
}
segment clients { description "Clients"; consent email opt-in }
'''


def _campaign(name: str, day: int) -> str:
    return (f'import "shared.camp"\ncampaign {name} {{\n  brand bazar\n  period 2026-12-01 .. 2026-12-31\n'
            f'  segment clients\n  message m_{name} {{ channel email; segments clients; at 2026-12-0{day} 10:00; '
            f'subject "Paniers {name}" }}\n}}\n')


def test_p006_across_two_files_and_a_warm_cache(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared.camp").write_text(BRAND, encoding="utf-8")
    (tmp_path / "noel.camp").write_text(_campaign("noel", 1), encoding="utf-8")
    (tmp_path / "soldes.camp").write_text(_campaign("soldes", 2), encoding="utf-8")
    files = [tmp_path / "noel.camp", tmp_path / "soldes.camp"]

    def p006(result):
        return [(Path(f.path).name, f.message) for f in result.findings if f.code == "P006"]

    assert p006(_lint(files, tmp_path, cache=True)) == []  # 2 emails: at the cap
    (tmp_path / "extra.camp").write_text(_campaign("extra", 3), encoding="utf-8")
    files.append(tmp_path / "extra.camp")
    found = p006(_lint(files, tmp_path, cache=True))
    assert len(found) == 1 and found[0][0] == "extra.camp" and "noel.camp:m_noel" in found[0][1]
    # warm cache: move noel's email a week earlier; only the project phase changes for extra.camp
    (tmp_path / "noel.camp").write_text(_campaign("noel", 1).replace("2026-12-01 10:00", "2026-11-20 10:00")
                                        .replace("2026-12-01 ..", "2026-11-01 .."), encoding="utf-8")
    linter = Linter(Options(), cwd=tmp_path)
    result = linter.lint([str(p) for p in files], cache=True, jobs=1)
    assert p006(result) == []
    # and back: the cached project entry of the first layout is found again
    (tmp_path / "noel.camp").write_text(_campaign("noel", 1), encoding="utf-8")
    assert len(p006(_lint(files, tmp_path, cache=True))) == 1


def test_a_noqa_silences_p006_and_is_not_reported_unused(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared.camp").write_text(BRAND, encoding="utf-8")
    text = _campaign("noel", 1)
    text = text.replace("  message m_noel", "  message a { channel email; segments clients; at 2026-12-02 10:00; "
                        "subject \"A\" }\n  message b { channel email; segments clients; at 2026-12-03 10:00; "
                        "subject \"B\" }  # noqa: P006\n  message m_noel")
    (tmp_path / "noel.camp").write_text(text, encoding="utf-8")
    codes = [f.code for f in _lint([tmp_path / "noel.camp"], tmp_path).findings]
    assert "P006" not in codes and "N001" not in codes


def test_changing_an_asset_file_invalidates_the_cached_result(tmp_path):
    from PIL import Image

    (tmp_path / ".git").mkdir()
    Image.new("RGB", (800, 400)).save(tmp_path / "b.png", "PNG")
    (tmp_path / "c.camp").write_text(
        'campaign c {\n  period 2026-12-01 .. 2026-12-31\n  message m { channel email; at 2026-12-02 10:00;'
        ' subject "Paniers"; image "b.png" { alt "Panier garni"; width 800; height 400 } }\n}\n', encoding="utf-8")

    def a008():
        return [f for f in _lint([tmp_path / "c.camp"], tmp_path, cache=True).findings if f.code == "A008"]

    assert a008() == []
    Image.new("RGB", (1200, 600)).save(tmp_path / "b.png", "PNG")
    assert len(a008()) == 1


class _PhaseSpy:
    """Records what a cached run really did: files linted (file phase), files read by the loader,
    and whether the project phase ran its rules."""

    def __init__(self, monkeypatch):
        from campaignlint.checks.planning.p006_frequency_cap import FrequencyCapExceeded
        from campaignlint.frontend.loader import Loader

        self.linted: list[str] = []
        self.read: list[str] = []
        self.project_runs = 0
        lint_many, load, check_project = Linter.lint_many, Loader.load, FrequencyCapExceeded.check_project

        def spy_lint_many(linter, files):
            self.linted.extend(Path(path).name for path, _root in files)
            return lint_many(linter, files)

        def spy_load(loader, path, *args, **kwargs):
            if Path(path) not in loader.files:
                self.read.append(Path(path).name)
            return load(loader, path, *args, **kwargs)

        def spy_check_project(rule, ctx):
            self.project_runs += 1
            return check_project(rule, ctx)

        monkeypatch.setattr(Linter, "lint_many", spy_lint_many)
        monkeypatch.setattr(Loader, "load", spy_load)
        monkeypatch.setattr(FrequencyCapExceeded, "check_project", spy_check_project)

    def run(self, files, cwd):
        self.linted, self.read, self.project_runs = [], [], 0
        result = _lint(files, cwd, cache=True)
        return [(Path(f.path).name, f.message) for f in result.findings if f.code == "P006"]


def test_a_warm_run_with_one_changed_file_relints_only_it_and_the_project_phase(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared.camp").write_text(BRAND, encoding="utf-8")
    for name, day in (("noel", 1), ("soldes", 5), ("extra", 3)):
        (tmp_path / f"{name}.camp").write_text(_campaign(name, day), encoding="utf-8")
    files = [tmp_path / "noel.camp", tmp_path / "soldes.camp", tmp_path / "extra.camp"]
    spy = _PhaseSpy(monkeypatch)
    cold = spy.run(files, tmp_path)
    assert len(cold) == 1 and cold[0][0] == "soldes.camp" and spy.project_runs == 1
    assert sorted(spy.read) == ["extra.camp", "noel.camp", "shared.camp", "soldes.camp"]  # each read once
    assert spy.run(files, tmp_path) == cold and spy.linted == [] and spy.read == [] and spy.project_runs == 0
    # soldes moves into the same week: only soldes.camp (and its import) is read again, the project phase re-runs
    (tmp_path / "soldes.camp").write_text(_campaign("soldes", 2), encoding="utf-8")
    moved = spy.run(files, tmp_path)
    assert spy.linted == ["soldes.camp"] and sorted(spy.read) == ["shared.camp", "soldes.camp"]
    assert spy.project_runs == 1
    assert len(moved) == 1 and moved[0][0] == "extra.camp" and "soldes.camp:m_soldes" in moved[0][1]
    assert moved == [(Path(f.path).name, f.message) for f in _lint(files, tmp_path).findings if f.code == "P006"]
    # a comment at the end changes no summary: the file is linted again, the project phase is a hit
    (tmp_path / "noel.camp").write_text(_campaign("noel", 1) + "# relu\n", encoding="utf-8")
    assert spy.run(files, tmp_path) == moved
    assert spy.linted == ["noel.camp"] and spy.project_runs == 0


def test_p006_summaries_come_back_from_workers(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared.camp").write_text(BRAND, encoding="utf-8")
    for name, day in (("noel", 1), ("soldes", 2), ("extra", 3)):
        (tmp_path / f"{name}.camp").write_text(_campaign(name, day), encoding="utf-8")
    monkeypatch.setenv("CAMPAIGNLINT_MIN_FILES_PER_WORKER", "1")
    files = [str(tmp_path / f"{name}.camp") for name in ("noel", "soldes", "extra")]
    spread = Linter(Options(), cwd=tmp_path).lint(files, cache=False, jobs=2)
    alone = Linter(Options(), cwd=tmp_path).lint(files, cache=False, jobs=1)
    assert [f.to_json() for f in spread.findings] == [f.to_json() for f in alone.findings]
    assert [f.code for f in spread.findings].count("P006") == 1

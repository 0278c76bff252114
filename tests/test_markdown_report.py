"""The Markdown summary (`--format markdown`) and GitHub's step summary (`--format github`)."""

from __future__ import annotations

import pytest

from campaignlint.findings import Applicability, Edit, Finding, Fix, Range, Severity
from campaignlint.reporters import ReportContext, render
from campaignlint.reporters.markdown_report import MAX_LISTED, link
from campaignlint.reporters.markdown_report import render as markdown

from conftest import REPO, run_cli


def finding(code, severity, line, message="something is off", path="a.camp", fix=None):
    return Finding(code, severity, message, path, Range(line, 3, line, 9, 0, 0), fix, code.lower())


FINDINGS = [
    finding("C003", Severity.ERROR, 12, "message `ig` has 7 hashtags <script>x</script> | more"),
    finding("T004", Severity.WARNING, 14, fix=Fix(Applicability.SAFE, (Edit(0, 1, ""),), "remove it")),
    finding("O011", Severity.INFO, 3),
]


@pytest.fixture(autouse=True)
def no_actions(monkeypatch):
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_WORKSPACE", "GITHUB_SERVER_URL"):
        monkeypatch.delenv(name, raising=False)


def test_tables_blocking_links_and_collapsed_rest():
    text = markdown(FINDINGS, ReportContext(files=["a.camp"]))
    lines = text.splitlines()
    assert lines[0] == "## campaignlint"
    assert "**1 problem blocks the launch** (1 file checked)" in text
    assert "| ❌ Errors | 1 |" in lines and "| ⚠️ Warnings | 1 |" in lines and "| ℹ️ Tips | 1 |" in lines
    blocking = text.split("### ")[1].split("<details>")[0]
    assert "[a.camp:12](a.camp#L12) `C003`" in blocking and "T004" not in blocking
    rest = text.split("<details><summary>2 other problems</summary>")[1].split("</details>")[0]
    assert "[a.camp:14](a.camp#L14) `T004`" in rest and "(fixable)" in rest and "`O011`" in rest
    assert "1 can be fixed automatically" in text


def test_campaign_text_is_escaped():
    text = markdown(FINDINGS, ReportContext(files=["a.camp"]))
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text


def test_fail_on_moves_the_line():
    text = markdown(FINDINGS, ReportContext(files=["a.camp"], fail_on=Severity.WARNING))
    assert "**2 problems block the launch**" in text and "<summary>1 other problem</summary>" in text


def test_clean_run():
    text = markdown([], ReportContext(files=["a.camp", "b.camp"]))
    assert text == "## campaignlint\n\n✅ All clear: no problem found in 2 files.\n"


def test_links_point_at_the_commit_on_github(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "camps").mkdir()
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/promo", "GITHUB_SHA": "abc123",
           "GITHUB_WORKSPACE": str(tmp_path)}
    assert link(finding("C003", Severity.ERROR, 7, path="camps/été 1.camp"), env) == (
        "[camps/été 1.camp:7](https://github.com/acme/promo/blob/abc123/camps/%C3%A9t%C3%A9%201.camp#L7)")


def test_long_lists_are_cut():
    many = [finding("O011", Severity.INFO, n) for n in range(1, MAX_LISTED + 6)]
    text = markdown(many, ReportContext(files=["a.camp"]))
    assert text.count("`O011`") == MAX_LISTED and "… and 5 more" in text


def test_github_format_appends_the_step_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    output = render("github", FINDINGS, ReportContext(files=["a.camp"]))
    assert output.startswith("::error file=a.camp,line=12")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# earlier step\n## campaignlint\n")
    assert "[a.camp:12](a.camp#L12)" in written
    render("github", FINDINGS, ReportContext(files=["a.camp"]))
    assert summary.read_text(encoding="utf-8").count("## campaignlint") == 2  # appended, never replaced


def test_other_formats_leave_the_step_summary_alone(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("text", FINDINGS, ReportContext(files=["a.camp"]))
    assert not summary.exists()


def test_unwritable_step_summary_is_a_note_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    output = render("github", FINDINGS, ReportContext(files=["a.camp"]))
    assert "could not write the step summary" in output


@pytest.mark.slow
def test_command_markdown_and_step_summary(tmp_path):
    result = run_cli("check", "examples/flawed", "--format", "markdown", "--no-cache", cwd=REPO)
    assert result.returncode == 1, result.stderr
    assert "problems block the launch" in result.stdout
    assert "| sms |" in result.stdout  # findings by channel, from the campaign model
    assert "[examples/flawed/rentree.camp:43](examples/flawed/rentree.camp#L43)" in result.stdout
    summary = tmp_path / "summary.md"
    result = run_cli("check", "examples/flawed", "--format", "github", "--no-cache", cwd=REPO,
                     env={"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_REPOSITORY": "acme/camps", "GITHUB_SHA": "f00",
                          "GITHUB_WORKSPACE": str(REPO)})
    assert result.returncode == 1
    assert result.stdout.startswith("::")
    written = summary.read_text(encoding="utf-8")
    assert "https://github.com/acme/camps/blob/f00/examples/flawed/rentree.camp#L43" in written
    assert "<details>" in written


@pytest.mark.slow
def test_command_html(tmp_path):
    target = tmp_path / "out.html"
    result = run_cli("check", "examples/flawed", "--format", "html", "--output-file", str(target), "--no-cache",
                     cwd=REPO)
    assert result.returncode == 1, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-codes="M002"' in page
    report = tmp_path / "report.html"
    result = run_cli("report", "examples/verdure", "examples/northwind", "-o", str(report), "--no-cache", cwd=REPO)
    assert result.returncode == 0 and "report written" in result.stderr
    page = report.read_text(encoding="utf-8")
    assert "L&#39;été en lin" in page and "Forecasts you can explain" in page
    result = run_cli("report", "nowhere", "-o", str(report), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr

"""The installed command, end to end: every option of `check`, every exit code."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import DATA, REPO, run_cli

EXAMPLES = DATA / "examples"
GOOD = """campaign soldes {
  period 2027-01-07 .. 2027-02-03
}
"""
BROKEN = """campaign soldes {
  name "Soldes
  period 2027-01-07 .. 2027-02-03
}
"""
UNKNOWN = """campaign soldes {
  period 2027-01-07 .. 2027-02-03
  nmae "x"
}
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "campaignlint.toml").write_text("select = [\"E\"]\n", encoding="utf-8")
    return tmp_path


def test_spec_examples_parse_and_resolve_without_errors():
    result = run_cli("check", str(EXAMPLES / "verdure"), str(EXAMPLES / "northwind"), str(EXAMPLES / "flawed"),
                     "--select", "E", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.slow
def test_flawed_example_yields_findings_not_a_crash():
    result = run_cli("check", str(EXAMPLES / "flawed"), "--fail-on", "warning")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "soldes.camp:" in result.stdout


def test_exit_0_when_clean_and_summary(project):
    (project / "a.camp").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", ".", cwd=project)
    assert result.returncode == 0
    assert "All clear: no problem found in 1 file." in result.stdout


def test_exit_1_and_text_line_format(project):
    (project / "a.camp").write_text(BROKEN, encoding="utf-8")
    result = run_cli("check", "a.camp", cwd=project)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first == "a.camp:2:8: E001 error: this text is not closed: a `\"` is missing before the end of the line"
    assert "Found 1 problem (1 error) in 1 file." in result.stdout


def test_quiet_drops_summary(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    result = run_cli("check", "a.camp", "--quiet", cwd=project)
    assert result.returncode == 1
    assert result.stdout.strip().splitlines() == [
        "a.camp:3:3: E002 error: `nmae` is not something a campaign can have (did you mean `name`?)"
    ]


def test_show_source_marks_the_spot(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    result = run_cli("check", "a.camp", "--show-source", cwd=project)
    lines = result.stdout.splitlines()
    assert lines[1] == '      nmae "x"'
    assert lines[2] == "      ^^^^"


def test_json_output(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    result = run_cli("check", "a.camp", "--format", "json", cwd=project)
    data = json.loads(result.stdout)
    assert data == [{
        "code": "E002", "name": "unknown-keyword", "severity": "error",
        "message": "`nmae` is not something a campaign can have (did you mean `name`?)",
        "path": "a.camp",
        "range": {"start": {"line": 3, "column": 3}, "end": {"line": 3, "column": 7}},
        "fix": None,
    }]


def test_output_file(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    result = run_cli("check", "a.camp", "--output-file", "report.txt", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "E002" in (project / "report.txt").read_text(encoding="utf-8")


def test_exit_zero(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    assert run_cli("check", "a.camp", "--exit-zero", cwd=project).returncode == 0


def test_fail_on_and_severity_override(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    (project / "campaignlint.toml").write_text('select = ["E"]\n[severity]\nE002 = "info"\n', encoding="utf-8")
    assert run_cli("check", "a.camp", cwd=project).returncode == 0
    result = run_cli("check", "a.camp", "--fail-on", "info", cwd=project)
    assert result.returncode == 1
    assert "E002 info:" in result.stdout


def test_statistics(project):
    (project / "a.camp").write_text(UNKNOWN + UNKNOWN.replace("soldes", "soldes2"), encoding="utf-8")
    result = run_cli("check", "a.camp", "--statistics", cwd=project)
    assert result.stdout.splitlines()[0].split() == ["2", "E002", "error", "unknown-keyword"]


def test_select_ignore_extend_select(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    assert run_cli("check", "a.camp", "--ignore", "E002", cwd=project).returncode == 0
    assert run_cli("check", "a.camp", "--ignore", "unknown-keyword", cwd=project).returncode == 0
    assert run_cli("check", "a.camp", "--select", "E003", cwd=project).returncode == 0
    assert run_cli("check", "a.camp", "--select", "E003", "--extend-select", "E00", cwd=project).returncode == 1


def test_noqa_on_a_block_header(project):
    text = UNKNOWN.replace("campaign soldes {", "campaign soldes {  # noqa: E002")
    (project / "a.camp").write_text(text, encoding="utf-8")
    assert run_cli("check", "a.camp", cwd=project).returncode == 0


def test_per_file_ignores(project):
    (project / "drafts").mkdir()
    (project / "drafts" / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    (project / "campaignlint.toml").write_text('select = ["E"]\n[per-file-ignores]\n"drafts/*" = ["E002"]\n', encoding="utf-8")
    assert run_cli("check", ".", cwd=project).returncode == 0


def test_pyproject_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.campaignlint]\nignore = ["E002"]\n', encoding="utf-8")
    (tmp_path / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    result = run_cli("check", "a.camp", "--select", "E", cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_stdin(project):
    result = run_cli("check", "-", "--stdin-filename", "draft.camp", cwd=project, input=UNKNOWN)
    assert result.returncode == 1
    assert result.stdout.startswith("draft.camp:3:3: E002")


def test_folders_skip_hidden_and_gitignored(project):
    (project / ".git").mkdir()
    (project / ".gitignore").write_text("build/\n", encoding="utf-8")
    for folder in (".hidden", "build", "campaigns"):
        (project / folder).mkdir()
        (project / folder / "a.camp").write_text(BROKEN, encoding="utf-8")
    result = run_cli("check", ".", "--quiet", cwd=project)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [os.path.join("campaigns", "a.camp")]


def test_invalid_utf8_is_e008_with_byte_offset(project):
    (project / "a.camp").write_bytes(b'campaign x {\n  name "caf\xe9"\n}\n')
    result = run_cli("check", "a.camp", cwd=project)
    assert result.returncode == 1
    assert "a.camp:2:12: E008 error: the file is not valid UTF-8: byte 24 (0xe9)" in result.stdout


def test_oversized_file_is_e008(project):
    (project / "campaignlint.toml").write_text("max-file-size = 10\n", encoding="utf-8")
    (project / "a.camp").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "a.camp", cwd=project)
    assert "E008" in result.stdout and "more than the maximum of 10" in result.stdout


def test_bom_and_crlf_are_accepted(project):
    (project / "a.camp").write_bytes(("\ufeff" + UNKNOWN).replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("check", "a.camp", "--quiet", cwd=project)
    assert result.stdout.strip() == "a.camp:3:3: E002 error: `nmae` is not something a campaign can have (did you mean `name`?)"


@pytest.mark.parametrize("config,needle", [
    ("colour = 1\n", "unknown configuration key `colour`"),
    ("fail-on = \"fatal\"\n", "`fail-on` must be error, warning or info"),
    ("select = [\"Q\"]\n", "no rule code starts with `Q`"),
    ("max-monthly-growth = \"fast\"\n", "`max-monthly-growth` must be a number"),
    ("select = [\n", "is not valid TOML"),
])
def test_bad_configuration_exits_2_with_one_line(project, config, needle):
    (project / "campaignlint.toml").write_text(config, encoding="utf-8")
    (project / "a.camp").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "a.camp", cwd=project)
    assert result.returncode == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_path_exits_2(project):
    result = run_cli("check", "nope.camp", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == "campaignlint: nope.camp: no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read everything")
def test_unreadable_folder_exits_2(project):  # pragma: no cover - CI runs as root
    locked = project / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = run_cli("check", "locked", cwd=project)
        assert result.returncode == 2
    finally:
        locked.chmod(0o755)


def test_unreadable_file_is_reported_not_a_crash(project, monkeypatch):
    (project / "a.camp").mkdir()  # a folder named like a file: cannot be read as a file
    (project / "b.camp").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "b.camp", "a.camp", cwd=project)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_bad_option_exits_2(project):
    result = run_cli("check", "--format", "xml", cwd=project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_explicit_config(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "strict.toml"
    other.write_text('ignore = ["E002"]\n', encoding="utf-8")
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    assert run_cli("check", "a.camp", "--config", str(other), "--select", "E", cwd=project).returncode == 0
    missing = run_cli("check", "a.camp", "--config", "missing.toml", cwd=project)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_rules_lists_every_rule():
    result = run_cli("rules")
    assert result.returncode == 0
    for code in ("E001", "E004", "E008", "N001"):
        assert code in result.stdout
    assert "undefined-reference" in result.stdout


def test_explain_reads_well():
    result = run_cli("explain", "E004")
    assert result.returncode == 0
    for heading in ("What it checks", "Why it matters", "Example that fires", "Corrected", "Fix"):
        assert heading in result.stdout
    by_name = run_cli("explain", "undefined-reference")
    assert by_name.stdout == result.stdout
    unknown = run_cli("explain", "E0044")
    assert unknown.returncode == 2 and "did you mean" in unknown.stderr


def test_parse_prints_the_resolved_model():
    result = run_cli("parse", str(EXAMPLES / "verdure" / "printemps.camp"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    campaign = data["campaigns"][0]
    assert campaign["name"] == "printemps_2027"
    assert campaign["brand"]["name"] == "verdure"
    assert campaign["voice"]["address"] == "formal"
    assert campaign["segments"]["loyal_customers"]["channels"] == ["email", "sms"]
    assert campaign["channels"]["sms"]["profile"]["opt_out"] == "STOP au 36173"
    assert campaign["channels"]["sms"]["profile"]["max" + "ima"]["segments"] == 1
    assert data["errors"] == []


def test_parse_shows_the_v2_constructs():
    result = run_cli("parse", str(EXAMPLES / "v2" / "noel_fournil.camp"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == []
    (brand,) = data["brands"].values()
    assert brand["variables"]["first_name"]["max_length"] == 20
    assert brand["frequency"]["email"]["count"] == 3 and brand["frequency"]["email"]["period"] == "week"
    clients = data["segments"]["clients"]
    assert clients["consent"] == {"email": "soft-opt-in", "sms": "opt-in", "push": "opt-in"}
    assert clients["relationship"] == "customers"
    campaign = data["campaigns"][0]
    assert {"first_name", "boutique"} <= set(campaign["variables"]) and "cart_abandoned" in campaign["events"]
    messages = {m["name"]: m for m in campaign["messages"]}
    panier = messages["panier_email"]
    assert panier["after_event"] == ["cart_abandoned", {"amount": "2", "unit": "hours"}]
    assert panier["unless"] == ["purchased"] and panier["send_window"] == ["09:00:00", "20:00:00"]
    assert messages["panier_push"]["after_message"][0] == "panier_email"
    (image,) = messages["ig_fournee"]["assets"]
    assert image["kind"] == "image" and image["ratio"] == ["4", "5"] and image["alt"]["value"].startswith("Pâtissier")
    assert messages["ig_reel"]["placement"] == "reels" and messages["ig_reel"]["assets"][0]["captions"] is True
    # copy is shown as written: merge tags are not blanked in the model output
    body = next(t for t in panier["texts"] if t["field"] == "body")
    assert body["value"].startswith('Bonjour {{ contact.PRENOM | default : "à vous" }},')


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and "campaignlint" in result.stdout


def test_stdin_fix_writes_fixed_text_to_stdout_and_report_to_stderr(project):
    (project / "campaignlint.toml").write_text("", encoding="utf-8")
    text = (
        'rule no_cheap { message "Say « petit prix », not « pas cher »"; forbid "pas cher"; suggest "petit prix" }\n'
        "campaign c {\n  period 2027-01-01 .. 2027-01-31\n"
        '  message m { channel web; body "Des vestes pas cher" }  # the web post\n}\n'
    )
    result = run_cli("check", "-", "--stdin-filename", "draft.camp", "--fix", "--select", "no_cheap", cwd=project, input=text)
    assert result.stdout == text.replace('body "Des vestes pas cher"', 'body "Des vestes petit prix"')
    assert "Fixed 1 problem" in result.stderr
    assert result.returncode == 0


def test_rule_packs_apply_to_every_campaign(project):
    (project / "house").mkdir()
    (project / "house" / "rules.camp").write_text(
        'rule no_free_in_ads {\n  message "Paid ads must not promise anything free"\n  severity error\n'
        '  channels google_ads\n  forbid "gratuit", "free"\n  code "ACME001"\n}\n'
        'channel google_ads { max headlines 3 }\n',
        encoding="utf-8",
    )
    (project / "campaignlint.toml").write_text('rule-packs = ["house/rules.camp"]\nselect = ["ACME001"]\n', encoding="utf-8")
    (project / "a.camp").write_text(
        "campaign c {\n  period 2027-01-01 .. 2027-01-31\n  channel google_ads\n"
        '  message ad { channel google_ads; headline "Free delivery" }\n}\n',
        encoding="utf-8",
    )
    result = run_cli("check", "a.camp", "--quiet", cwd=project)
    assert result.returncode == 1
    line = result.stdout.strip()
    column = 1 + '  message ad { channel google_ads; headline "Free delivery" }'.index("Free")
    assert line == f"a.camp:4:{column}: ACME001 error: Paid ads must not promise anything free: “Free” in the headline of `ad`"


def test_color_always_and_never(project):
    (project / "a.camp").write_text(UNKNOWN, encoding="utf-8")
    coloured = run_cli("check", "a.camp", "--color", "always", cwd=project)
    assert "\x1b[" in coloured.stdout
    plain = run_cli("check", "a.camp", "--color", "never", cwd=project)
    assert "\x1b[" not in plain.stdout


def test_parse_a_folder_gives_one_list_with_line_and_column(tmp_path):
    shutil.copytree(EXAMPLES / "verdure", tmp_path / "verdure")
    result = run_cli("parse", "verdure", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)
    assert [d["path"] for d in documents] == ["verdure/brand.camp", "verdure/printemps.camp"]
    campaign = documents[1]["model"]["campaigns"][0]
    span = campaign["span"]
    text = (tmp_path / "verdure" / "printemps.camp").read_text(encoding="utf-8")
    line = text[: span["start"]].count("\n") + 1
    column = span["start"] - (text.rfind("\n", 0, span["start"]) + 1) + 1
    assert span["range"]["start"] == {"line": line, "column": column}  # offsets kept, positions added


def test_parse_reports_a_syntax_error_as_one(tmp_path):
    (tmp_path / "a.camp").write_text(BROKEN, encoding="utf-8")
    result = run_cli("parse", "a.camp", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == ("a.camp:2:8: E001 error: this text is not closed: "
                             "a `\"` is missing before the end of the line\n")
    (tmp_path / "b.camp").write_text(GOOD, encoding="utf-8")
    both = run_cli("parse", ".", cwd=tmp_path)
    assert both.returncode == 1
    documents = json.loads(both.stdout)
    assert documents[0]["model"] is None and documents[0]["errors"][0]["code"] == "E001"
    assert documents[1]["model"]["campaigns"][0]["name"] == "soldes"
    assert run_cli("parse", "nowhere", cwd=tmp_path).returncode == 2

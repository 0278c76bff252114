"""Friendly hints for French writing habits (E001/E003), with safe fixes that `--fix` applies."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from campaignlint.cli import cli
from campaignlint.frontend.hints import number_hint, time_hint

HABITS = '''campaign c {
  period 2027-01-01 .. 2027-01-31
  offer o { price 34,90 EUR }
  offer p { price €34.90 }
  offer q { code « BUCHE15 » }
  offer r { code “BUCHE15”; price 1\u00a0234,50 EUR }
  offer s { price 1\u202f234 €; discount 12,5% }
  message m { channel web; at 2027-01-05 10h00; body "x" }
}
'''
FIXED = '''campaign c {
  period 2027-01-01 .. 2027-01-31
  offer o { price 34.90 EUR }
  offer p { price 34.90 € }
  offer q { code "BUCHE15" }
  offer r { code "BUCHE15"; price 1_234.50 EUR }
  offer s { price 1_234 €; discount 12.5% }
  message m { channel web; at 2027-01-05 10:00; body "x" }
}
'''


def _check(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--select", "E", "--no-cache", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize(("typed", "written", "kind"), [
    ("34,90 EUR", "34.90 EUR", "money"),
    ("34,90€", "34.90 €", "money"),
    ("1 234,50 EUR", "1_234.50 EUR", "money"),
    ("1\u00a0234 EUR", "1_234 EUR", "money"),
    ("1\u202f234\u202f567,5 $", "1_234_567.5 $", "money"),
    ("€34.90", "34.90 €", "money"),
    ("£1 200", "1_200 £", "money"),
    ("12,5%", "12.5%", "percent"),
    ("34,90", "34.90", "number"),
])
def test_french_numbers_get_the_canonical_spelling(typed, written, kind):
    hint, found_kind = number_hint(typed)
    assert hint.replacement == written and found_kind == kind
    assert f"write {written}" in hint.message


@pytest.mark.parametrize("typed", ["34.90 EUR", "1_234 EUR", "20%", "12", "abc", "€34 EUR"])
def test_what_is_already_right_or_not_a_number_gets_no_hint(typed):
    assert number_hint(typed) is None


def test_a_comma_before_three_digits_is_ambiguous_and_has_no_fix():
    hint, _kind = number_hint("1,234 EUR")
    assert hint.replacement is None
    assert "1.234 EUR if the comma marks decimals, or 1_234 EUR" in hint.message


def test_times_with_h():
    assert time_hint("10h00") == ("`10h00`: times are written with a colon: write 10:00", "10:00")
    assert time_hint("9h")[1] == "09:00"
    assert time_hint("25h00") is None and time_hint("10h7") is None


def test_each_habit_is_reported_in_words(tmp_path, monkeypatch):
    (tmp_path / "a.camp").write_text(HABITS.replace("€34.90", "34.90 €").replace("« BUCHE15 »", '"BUCHE15"')
                                     .replace("“BUCHE15”", '"BUCHE15"').replace("10h00", "10:00")
                                     .replace("1\u202f234 €", "1_234 €"), encoding="utf-8")
    code, output = _check(tmp_path, monkeypatch, "a.camp")
    assert code == 1
    assert ("a.camp:3:19: E003 error: `34,90 EUR` is not written the way campaignlint reads it: decimals follow a "
            "point, not a comma (a comma separates values): write 34.90 EUR [*]") in output
    assert "`1 234,50 EUR` is not written the way campaignlint reads it: digits are grouped with `_`" in output
    assert "takes one value" not in output
    fixed_lines, habit_lines = FIXED.splitlines(keepends=True), HABITS.splitlines(keepends=True)
    for line in (4, 5, 6, 7, 8):  # one syntax error at a time: the file stops being read at the first
        text = "".join(habit_lines[i] if i == line - 1 else fixed_lines[i] for i in range(len(fixed_lines)))
        text = text.replace("1\u00a0234,50", "1_234.50").replace("discount 12,5%", "discount 12.5%")
        (tmp_path / "b.camp").write_text(text, encoding="utf-8")
        code, output = _check(tmp_path, monkeypatch, "b.camp")
        assert output.startswith(f"b.camp:{line}:") and " E001 error: " in output and "[*]" in output, output
        assert "unexpected character" not in output and "not a value campaignlint understands" not in output


def test_fix_repairs_every_habit(tmp_path, monkeypatch):
    (tmp_path / "a.camp").write_text(HABITS, encoding="utf-8")
    code, output = _check(tmp_path, monkeypatch, "a.camp", "--fix")
    assert code == 0, output
    assert (tmp_path / "a.camp").read_text(encoding="utf-8") == FIXED
    assert "Fixed 8 problems." in output and "All clear" in output


def test_the_fix_is_only_offered_when_it_gives_the_expected_kind(tmp_path, monkeypatch):
    (tmp_path / "a.camp").write_text(FIXED.replace("price 34.90 EUR", "price 34,90"), encoding="utf-8")
    code, output = _check(tmp_path, monkeypatch, "a.camp", "--format", "json")
    found = [f for f in json.loads(output) if f["range"]["start"]["line"] == 3]
    assert found[0]["code"] == "E003" and "write 34.90" in found[0]["message"] and found[0]["fix"] is None

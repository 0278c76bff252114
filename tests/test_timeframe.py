"""Time frames: one `within_end` for O005, O008 and O009, and its boundaries."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest

from campaignlint.checks.objectives.o008_text_contradicts import Quantity, compare_with_attributes
from campaignlint.engine import Linter, Options
from campaignlint.language.objective_text import read_objective_text
from campaignlint.language.timeframe import duration_days, within_end

day = datetime.date


@pytest.mark.parametrize(
    "start,amount,unit,last",
    [
        # calendar months: 2 months from 1 June run until 1 August
        (day(2027, 6, 1), 2, "months", day(2027, 7, 31)),
        (day(2027, 3, 1), 3, "months", day(2027, 5, 31)),
        (day(2027, 2, 1), 1, "months", day(2027, 2, 28)),
        (day(2028, 2, 1), 1, "months", day(2028, 2, 29)),
        # the start's day missing in the end month: its last day stands for it
        (day(2027, 1, 31), 1, "months", day(2027, 2, 27)),
        (day(2027, 3, 1), 1, "years", day(2028, 2, 29)),
        # a year and a half is eighteen calendar months
        (day(2027, 3, 1), D("1.5"), "years", day(2028, 8, 31)),
        # a fraction of a month: whole calendar months, then days (15.2 → 16th day)
        (day(2027, 3, 1), D("1.5"), "months", day(2027, 4, 16)),
        (day(2027, 3, 1), 2, "weeks", day(2027, 3, 14)),
        (day(2027, 3, 1), 1, "days", day(2027, 3, 1)),
        # a begun day counts whole
        (day(2027, 3, 1), 24, "hours", day(2027, 3, 1)),
        (day(2027, 3, 1), 36, "hours", day(2027, 3, 2)),
        (day(2027, 3, 1), 48, "hours", day(2027, 3, 2)),
        (day(2027, 3, 1), 60, "hours", day(2027, 3, 3)),
        (day(2027, 3, 1), 84, "hours", day(2027, 3, 4)),
        (day(2027, 3, 1), 30, "minutes", day(2027, 3, 1)),
        (day(2027, 3, 1), 2880, "minutes", day(2027, 3, 2)),
    ],
)
def test_within_end(start, amount, unit, last):
    assert within_end(start, amount, unit) == last


def test_within_end_never_ends_before_the_first_day():
    assert within_end(day(2027, 3, 1), 0, "days") == day(2027, 3, 1)


def test_unknown_unit_is_a_clear_error():
    with pytest.raises(ValueError, match="fortnights"):
        within_end(day(2027, 3, 1), 2, "fortnights")
    with pytest.raises(ValueError, match="fortnights"):
        duration_days(2, "fortnights")


def test_within_in_minutes_does_not_raise():
    claims = read_objective_text("Atteindre 400 inscriptions en 2 semaines", "fr", day(2027, 3, 1))
    found = compare_with_attributes(claims, target=Quantity("number", D(400)), within=(90, "minutes"),
                                    campaign_start=day(2027, 3, 1))
    assert [c.message for c in found] == ["the text says 2 semaines, `within` says 90 minutes"]


def _lint(tmp_path, text: str):
    (tmp_path / "campaignlint.toml").touch()
    options = Options(select=["O005", "O008"])
    return Linter(options, cwd=tmp_path).lint_file(tmp_path / "case.camp", text=text)


def _campaign(period_end: str, within: str, text: str) -> str:
    return (
        "campaign lancement {\n  language fr\n"
        f"  period 2027-06-01 .. {period_end}\n"
        "  objective inscriptions {\n"
        f'    text "{text}"\n'
        "    metric signups\n    target 400\n"
        f"    within {within}\n  }}\n}}\n"
    )


@pytest.mark.parametrize(
    "within,last",
    [("2 months", day(2027, 7, 31)), ("60 hours", day(2027, 6, 3)), ("1.5 months", day(2027, 7, 16))],
)
def test_o005_and_o008_count_the_same_within_end(tmp_path, within, last):
    """The campaign ends the day before `within` does: O005 and O008 both name that day."""
    amount, unit = within.split()
    assert within_end(day(2027, 6, 1), D(amount), unit) == last
    text = "Atteindre 400 inscriptions avant le 30 septembre 2027"
    findings = _lint(tmp_path, _campaign((last - datetime.timedelta(days=1)).isoformat(), within, text))
    by_code = {f.code: f.message for f in findings}
    assert sorted(by_code) == ["O005", "O008"]
    assert f"ends on {last.isoformat()} (counted from 2027-06-01)" in by_code["O005"]
    assert by_code["O008"].endswith(f"`within {within}` ends on {last.isoformat()}")


@pytest.mark.parametrize("within,last", [("2 months", "2027-07-31"), ("60 hours", "2027-06-03")])
def test_a_campaign_ending_on_the_within_end_is_quiet(tmp_path, within, last):
    """A `within` that ends on the campaign's last day is inside the period (O005), and a text
    naming that day agrees with it (O008)."""
    text = "Atteindre 400 inscriptions avant le {} 2027".format(
        {"2027-07-31": "31 juillet", "2027-06-03": "3 juin"}[last])
    assert _lint(tmp_path, _campaign(last, within, text)) == []


def test_o008_date_boundary_is_the_within_end(tmp_path):
    """O008 allows one day of slack either side of the `within` end (2027-06-03 for 60 hours
    from 2027-06-01): a text saying the 4th agrees, the 5th does not."""
    text = "Atteindre 400 inscriptions avant le 5 juin 2027"
    findings = _lint(tmp_path, _campaign("2027-06-30", "60 hours", text))
    assert [f.message for f in findings] == [
        "the text says 5 June 2027, `within 60 hours` ends on 2027-06-03"
    ]
    text = "Atteindre 400 inscriptions avant le 4 juin 2027"  # one day after the end: agrees
    assert _lint(tmp_path, _campaign("2027-06-30", "60 hours", text)) == []

"""French public holidays come from the `holidays` library, and L001 reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from campaignlint import calendars
from campaignlint.engine import Linter, Options

#: Easter Sunday of each year (from the ecclesiastical tables), and the holidays computed from it
EASTER = {2025: dt.date(2025, 4, 20), 2026: dt.date(2026, 4, 5), 2027: dt.date(2027, 3, 28),
          2028: dt.date(2028, 4, 16), 2029: dt.date(2029, 4, 1)}
KNOWN = {  # year: (Easter Monday, Ascension, Whit Monday, Good Friday)
    2025: ("2025-04-21", "2025-05-29", "2025-06-09", "2025-04-18"),
    2026: ("2026-04-06", "2026-05-14", "2026-05-25", "2026-04-03"),
    2027: ("2027-03-29", "2027-05-06", "2027-05-17", "2027-03-26"),
    2028: ("2028-04-17", "2028-05-25", "2028-06-05", "2028-04-14"),
    2029: ("2029-04-02", "2029-05-10", "2029-05-21", "2029-03-30"),
}


@pytest.mark.parametrize("year", sorted(KNOWN))
def test_easter_based_holidays_move_with_easter(year):
    monday, ascension, whit, good_friday = (dt.date.fromisoformat(d) for d in KNOWN[year])
    assert monday == EASTER[year] + dt.timedelta(days=1)
    assert ascension == EASTER[year] + dt.timedelta(days=39)
    assert whit == EASTER[year] + dt.timedelta(days=50)
    assert calendars.holiday_name(monday) == "Lundi de Pâques"
    assert calendars.holiday_name(ascension) == "Ascension"
    assert calendars.holiday_name(whit) == "Lundi de Pentecôte"
    # the day before and after are ordinary days
    for day in (monday + dt.timedelta(days=1), ascension - dt.timedelta(days=1), whit + dt.timedelta(days=1)):
        assert calendars.holiday_name(day) is None
    # Good Friday and 26 December: Alsace-Moselle only
    assert calendars.holiday_name(good_friday) is None
    assert calendars.holiday_name(good_friday, "Alsace") == "Vendredi saint"
    assert calendars.holiday_name(good_friday, "57") == "Vendredi saint"
    assert calendars.holiday_name(dt.date(year, 12, 26)) is None
    assert calendars.holiday_name(dt.date(year, 12, 26), "Moselle") == "Saint-Étienne"


@pytest.mark.parametrize("year", sorted(KNOWN))
def test_fixed_holidays(year):
    fixed = {(1, 1): "Jour de l'an", (5, 1): "Fête du Travail", (5, 8): "Fête de la Victoire",
             (7, 14): "Fête nationale", (8, 15): "Assomption", (11, 1): "Toussaint", (11, 11): "Armistice",
             (12, 25): "Noël"}
    for (month, day), name in fixed.items():
        assert calendars.holiday_name(dt.date(year, month, day)) == name


def test_unknown_subdivision_is_refused_with_a_suggestion():
    with pytest.raises(ValueError, match="did you mean `Alsace`"):
        calendars.normalise_subdivision("Alsase")
    assert calendars.normalise_subdivision("alsace") == "6AE"
    assert calendars.normalise_subdivision("") is None


def _sms_campaign(days: list[dt.date]) -> str:
    messages = "\n".join(
        f'  message sms_{i} {{\n    channel sms\n    at {day.isoformat()} 10:00\n'
        f'    body "Le Fournil : nos fraisiers sont arrivés. STOP au 36180"\n  }}'
        for i, day in enumerate(days))
    return (f"campaign fetes {{\n  language fr\n  period {min(days).isoformat()} .. {max(days).isoformat()}\n"
            f"  timezone \"Europe/Paris\"\n  channel sms\n{messages}\n}}\n")


def _l001_days(tmp_path, days: list[dt.date], config: str = 'extend-packs = ["fr-legal"]') -> set[dt.date]:
    (tmp_path / "campaignlint.toml").write_text(config, encoding="utf-8")
    path = tmp_path / "fetes.camp"
    path.write_text(_sms_campaign(days), encoding="utf-8")
    findings = Linter(Options(select=["L001"]), cwd=tmp_path).lint_file(path)
    reported = set()
    for finding in findings:
        assert finding.code == "L001"
        reported.add(days[(finding.range.start_line - 6) // 5])  # each message is 5 lines, reported on its header
    return reported


def test_five_years_of_easter_based_holidays_through_l001(tmp_path):
    holidays, ordinary = [], []
    for year, dates in KNOWN.items():
        monday, ascension, whit, _good_friday = (dt.date.fromisoformat(d) for d in dates)
        holidays += [monday, ascension, whit]
        ordinary += [monday + dt.timedelta(days=1), ascension + dt.timedelta(days=1), whit + dt.timedelta(days=1)]
    days = holidays + ordinary
    assert _l001_days(tmp_path, days) == set(holidays)


def test_alsace_moselle_through_l001(tmp_path):
    days = [dt.date.fromisoformat(dates[3]) for dates in KNOWN.values()] + [dt.date(2026, 12, 26)]
    assert _l001_days(tmp_path, days) == set()
    config = 'extend-packs = ["fr-legal"]\nholidays-subdivision = "Alsace"'
    assert _l001_days(tmp_path, days, config) == set(days)

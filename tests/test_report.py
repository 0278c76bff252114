"""The HTML report's data (matrices, calendar, gauges, budget, summary), its escaping and its translations."""

from __future__ import annotations

import datetime as dt
import gettext
import re
from pathlib import Path

import pytest

from campaignlint import i18n
from campaignlint.engine import Linter, Options
from campaignlint.findings import Severity
from campaignlint.report import build, load_models, render_html
from campaignlint.report.budget import build_budget
from campaignlint.report.calendar import Day, Stretch, build_calendar, in_quiet_hours
from campaignlint.report.data import Anchors, CampaignInput, campaigns_of, channel_matrix, segment_matrix

from conftest import REPO

CAMPAIGN = '''rule pas_gratuit {
  message "Dites « offert », pas « gratuit »"
  severity error
  forbid "gratuit"
  suggest "offert"
}

campaign rentree {
  name "La rentrée"
  language fr
  period 2027-07-01 .. 2027-07-31
  timezone "Europe/Paris"
  budget 10_000 EUR
  segment parents { persona "Parents d'élèves" }
  segment etudiants { persona "Étudiants en licence" }
  channel instagram { budget 7_000 EUR; tier proven }
  channel email { budget 2_000 EUR; tier emerging }
  channel sms { budget 3_000 EUR; tier experimental }

  offer ete { discount 10%; code "LIN10"; starts 2027-07-05; ends 2027-07-20 }

  message ig_1 { channel instagram; segments parents; stage awareness; at 2027-07-02 09:00
    body "Bienvenue <script>alert('x')</script> & \\"bonjour\\" : livraison gratuit" }
  message email_1 { channel email; segments parents; stage conversion; at 2027-07-13 10:00
    subject "Un sujet beaucoup trop long pour un email, qui dépasse largement les soixante caractères" }
  message sms_1 { channel sms; segments parents; stage conversion; at 2027-07-13 12:00
    body "Vous l’avez attendue : -10 % avec LIN10. STOP au 36173" }
  message sms_2 { channel sms; segments parents; stage loyalty; at 2027-07-11 21:30
    body "Merci. STOP au 36173" }
  message ig_2 { channel instagram; segments parents; stage loyalty; at 2027-07-13 18:00
    body "Merci" }
  message orphan { channel twitter; stage consideration; at 2027-07-14 10:00; body "Hello" }
}
'''


@pytest.fixture
def lint(tmp_path):
    """Lint a campaign text as the command would: (findings, models, linter)."""

    def _lint(text: str, name: str = "c.camp", **options):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        linter = Linter(Options(**options), cwd=tmp_path)
        result = linter.lint([str(path)])
        return result, load_models(linter, result.files), linter

    return _lint


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    """CAMPAIGN linted once for the module: (run result, models, its CampaignInput)."""
    folder = tmp_path_factory.mktemp("campaign")
    (folder / "c.camp").write_text(CAMPAIGN, encoding="utf-8")
    linter = Linter(cwd=folder)
    result = linter.lint([str(folder / "c.camp")])
    models = load_models(linter, result.files)
    return result, models, campaigns_of(models)[0]


# ------------------------------------------------------------------ coverage

def test_segment_matrix_cells_empty_cells_and_gaps(campaign):
    _result, _models, item = campaign
    matrix = segment_matrix(item.campaign, Anchors())
    assert matrix.columns == ["awareness", "consideration", "conversion", "loyalty"]
    rows = {row.label: row for row in matrix.rows}
    assert list(rows) == ["parents", "etudiants", "(no segment)"]
    parents = rows["parents"].cells
    assert [e.message for e in parents[0].entries] == ["ig_1"]
    assert parents[1].empty and parents[1].gap  # reached before and after consideration, not at it
    assert sorted(e.message for e in parents[2].entries) == ["email_1", "sms_1"]
    assert {e.channel for e in parents[2].entries} == {"email", "sms"}
    assert all(cell.empty and not cell.gap for cell in rows["etudiants"].cells)  # nobody reaches them
    assert [e.message for e in rows["(no segment)"].cells[1].entries] == ["orphan"]
    assert matrix.empty_cells == 1 + 4 + 3 and matrix.gaps == 1


def test_channel_matrix_lists_undeclared_channels(campaign):
    _result, _models, item = campaign
    matrix = channel_matrix(item.campaign, Anchors())
    rows = {row.label: row for row in matrix.rows}
    assert list(rows) == ["instagram", "email", "sms", "twitter"]
    assert rows["twitter"].note and not rows["sms"].note
    assert [e.message for e in rows["instagram"].cells[3].entries] == ["ig_2"]
    assert rows["instagram"].cells[1].gap and rows["instagram"].cells[2].gap


def test_whole_audience_row_without_segments(lint):
    _result, models, _linter = lint('campaign c {\n  message m { channel email; stage loyalty; subject "Hi" }\n}\n')
    matrix = segment_matrix(campaigns_of(models)[0].campaign, Anchors())
    assert [row.label for row in matrix.rows] == ["Whole audience"]
    assert not matrix.rows[0].cells[3].empty


# ------------------------------------------------------------------ calendar

def test_calendar_quiet_hours_days_holidays_offers_and_pressure(campaign):
    _result, _models, item = campaign
    item.max_per_day = 2
    calendar = build_calendar(item, Anchors())
    days = {row.date: row for row in calendar.rows if isinstance(row, Day)}
    sunday = days[dt.date(2027, 7, 11)]  # sms_2 at 21:30 on a Sunday
    [event] = sunday.events
    assert event.message == "sms_2" and event.time == "21:30"
    assert "during the channel's quiet hours" in event.warnings
    assert "on a day the channel stays quiet" in event.warnings
    holiday = days[dt.date(2027, 7, 14)]  # Fête nationale: the French SMS channel holds its sends
    assert holiday.holiday and "sms" in holiday.notes[0]
    busy = days[dt.date(2027, 7, 13)]
    assert [e.message for e in busy.events] == ["email_1", "sms_1", "ig_2"]
    assert any("parents gets 3 messages, more than 2 a day" in note for note in busy.notes)
    assert busy.offers == ["ete"]
    assert "Offer ete starts" in days[dt.date(2027, 7, 5)].notes
    assert "Offer ete ends tonight" in days[dt.date(2027, 7, 20)].notes
    assert calendar.overloaded and "parents" in calendar.overloaded[0]
    stretches = [row for row in calendar.rows if isinstance(row, Stretch)]
    assert stretches and sum(s.days for s in stretches) + len(days) == 31
    assert any("sms: no sends from 20:00 to 08:00" in rule for rule in calendar.channel_rules)
    lanes = {lane.label: lane for lane in calendar.lanes}
    assert [m.kind for m in lanes["Offer ete"].marks] == ["offer"]
    assert any(m.kind == "holiday" for m in lanes["sms"].marks)
    assert not any(m.kind == "holiday" for m in lanes["email"].marks)
    assert all(0 <= m.left <= 100 for lane in calendar.lanes for m in lane.marks)
    segment_lanes = {lane.label: lane for lane in calendar.segment_lanes}
    assert any(m.kind == "over" for m in segment_lanes["parents"].marks)


def test_no_french_holidays_for_a_campaign_elsewhere(lint):
    text = ('campaign c {\n  language en\n  timezone "America/Chicago"\n  period 2027-07-01 .. 2027-07-31\n'
            '  message s { channel sms; at 2027-07-14 10:00; body "Hi. STOP" }\n}\n')
    _result, models, _linter = lint(text)
    calendar = build_calendar(campaigns_of(models)[0], Anchors())
    assert not any(isinstance(row, Day) and row.holiday for row in calendar.rows)


def test_quiet_hours_over_midnight():
    quiet = (dt.time(20, 0), dt.time(8, 0))
    assert in_quiet_hours(dt.time(21, 30), quiet) and in_quiet_hours(dt.time(7, 59), quiet)
    assert not in_quiet_hours(dt.time(8, 0), quiet) and not in_quiet_hours(dt.time(19, 59), quiet)
    assert in_quiet_hours(dt.time(13, 0), (dt.time(12, 0), dt.time(14, 0)))


# ------------------------------------------------------------------ messages and gauges

def _view(result, models, name):
    report = build(result.findings, result.files, models)
    return next(m for m in report.campaigns[0].messages if m.name == name), report


def test_highlight_covers_the_exact_words_through_escapes(campaign):
    result, models, _item = campaign
    view, _report = _view(result, models, "ig_1")
    [body] = view.fields
    marked = [p for p in body.pieces if any(f.code == "pas_gratuit" for f in p.findings)]
    assert [p.text for p in marked] == ["gratuit"]
    copy = "Bienvenue <script>alert('x')</script> & \"bonjour\" : livraison gratuit"
    assert "".join(p.text for p in body.pieces) == copy
    [finding] = marked[0].findings
    assert "offert" in finding.fix and "--fix" in finding.fix and marked[0].tip


def test_sms_gauge_encoding_segments_and_forcing_character(campaign):
    result, models, _item = campaign
    view, _report = _view(result, models, "sms_1")
    [body] = view.fields
    gauges = {g.label: g for g in body.gauges}
    sms = gauges["SMS length"]
    assert sms.unit == "UCS-2 characters" and sms.limit == 70 and sms.used == 54 and not sms.over
    assert "’" in sms.detail and "right single quotation mark" in sms.detail
    assert gauges["SMS segments"].used == 1 and gauges["SMS segments"].limit == 1


def test_recommended_length_gauge_in_the_channel_unit(campaign):
    result, models, _item = campaign
    view, _report = _view(result, models, "email_1")
    [subject] = view.fields
    [gauge] = subject.gauges
    assert gauge.soft and gauge.over and gauge.limit == 60 and gauge.unit == "characters"
    subject_text = "Un sujet beaucoup trop long pour un email, qui dépasse largement les soixante caractères"
    assert gauge.used == len(subject_text)
    assert "too long by" in gauge.status and gauge.percent == 100


def test_twitter_gauge_counts_weighted_length(lint):
    text = 'campaign c {\n  message t { channel twitter; body "Voir https://example.com/a/very/long/path 😀" }\n}\n'
    result, models, _linter = lint(text)
    view, _report = _view(result, models, "t")
    [gauge] = view.fields[0].gauges
    assert gauge.limit == 280 and gauge.unit == "weighted characters"
    assert gauge.used == len("Voir ") + 23 + 1 + 2  # a URL weighs 23, an emoji 2


# ------------------------------------------------------------------ budget and summary

def test_budget_bars_and_tier_split(campaign):
    _result, _models, item = campaign
    budget = build_budget(item.campaign)
    assert [bar.label for bar in budget.bars] == ["instagram", "sms", "email"]
    assert budget.over and "2,000 EUR more" in budget.balance
    assert budget.bars[0].percent == pytest.approx(7000 * 100 / 12000)
    tiers = {t.tier: t for t in budget.tiers}
    assert tiers["proven"].share == pytest.approx(7000 * 100 / 12000) and tiers["proven"].target == 70
    assert tiers["experimental"].far and tiers["experimental"].difference.startswith("+")


def test_summary_blocking_and_fixes(campaign):
    result, models, _item = campaign
    report = build(result.findings, result.files, models, Severity.WARNING)
    overview = report.summary
    assert overview.total == len(result.findings)
    assert {b.code for b in overview.blocking} == {f.code for f in result.findings if f.severity.rank >= 1}
    assert overview.fixes and overview.fixes[0].safe == sum(
        1 for f in result.findings if f.fix and f.fix.applicability.value == "safe")
    labels = {row.label for row in overview.by_channel}
    assert "instagram" in labels
    assert sum(row.total for row in overview.by_family) == overview.total


def test_every_finding_is_on_the_page_once_with_an_anchor(campaign):
    result, models, _item = campaign
    page = render_html(build(result.findings, result.files, models))
    ids = re.findall(r'<li id="(finding-\d+)" class="finding', page)
    assert len(ids) == len(set(ids)) == len(result.findings)
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links <= set(re.findall(r' id="([^"]+)"', page))


# ------------------------------------------------------------------ HTML: escaping, self-containment

def test_copy_is_escaped_never_executed(campaign):
    result, models, _item = campaign
    page = render_html(build(result.findings, result.files, models))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&amp; &#34;bonjour&#34;" in page
    assert page.count("<script>") == 1  # ours: the optional toggles


def test_page_is_self_contained(campaign):
    result, models, _item = campaign
    page = render_html(build(result.findings, result.files, models))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page  # the page may load nothing
    for landmark in ("<header", "<nav", "<main", '<th scope="col"', '<th scope="row"', "@media print"):
        assert landmark in page


def test_report_of_an_unreadable_file(lint):
    result, models, _linter = lint('campaign c {\n  name "oops\n}\n')
    page = render_html(build(result.findings, result.files, models))
    assert "could not be read" in page or "Problems in files" in page
    assert 'class="finding' in page


def test_examples_render(tmp_path):
    linter = Linter(cwd=REPO)
    result = linter.lint([str(REPO / "examples" / "verdure")])
    report = build(result.findings, result.files, load_models(linter, result.files))
    [view] = report.campaigns
    assert view.name == "ete_2027" and len(view.messages) == 5
    assert view.calendar.period_label.startswith("Tue 1 June 2027")
    assert "<mark" not in render_html(report)  # a clean campaign: nothing highlighted


# ------------------------------------------------------------------ translations

class Marked(gettext.NullTranslations):
    def gettext(self, message):
        return f"⟦{message}⟧"

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"


def test_every_template_string_goes_through_gettext(campaign, monkeypatch):
    result, models, _item = campaign
    monkeypatch.setattr(i18n, "_current", Marked())
    page = render_html(build(result.findings, result.files, models))
    text = re.sub(r"<style>.*?</style>|<script>.*?</script>", "", page, flags=re.S)
    assert "⟦Summary⟧" in text and "⟦Gap: nothing at this stage⟧" in text and "⟦Error⟧" in text
    # no English word of the interface is left untranslated in the visible text
    visible = re.sub(r"<[^>]+>", "\n", text)
    for phrase in ("No message", "What blocks the launch", "Day by day", "The 70-20-10 split", "Calendar"):
        for line in visible.splitlines():
            if phrase in line:
                assert "⟦" in line, line


def test_set_language_falls_back_to_english_without_catalogue():
    try:
        assert i18n.set_language("fr_FR.UTF-8") in ("en", "fr")
        assert i18n.set_language("en") == "en"
        assert i18n.gettext("Summary") == "Summary"
        assert i18n.ngettext("{n} problem", "{n} problems", 2) == "{n} problems"
    finally:
        i18n.set_language("en")

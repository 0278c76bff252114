"""The v2 literals and constructs (language §6.1-§6.7, §7): parsed, resolved, and their E-findings."""

from __future__ import annotations

from decimal import Decimal

from campaignlint.frontend import parser
from campaignlint.engine import Linter, Options


def values(text: str):
    node = parser.parse(text).nodes[0]
    return [v for g in node.groups for v in g]


def test_new_literals():
    ratio, time_like, ratio_range = values("x 4:5, 9:16, 1.91:1 .. 1:1.91")
    assert ratio.kind == "ratio" and ratio.data == (Decimal(4), Decimal(5))
    assert time_like.kind == "time"  # the attribute reads it as a ratio
    assert [b.kind for b in ratio_range.data] == ["ratio", "ratio"]
    assert [v.data for v in values("y 1.2 MB, 500 KB, 5120 KiB, 4 GB")] == [1258291, 512000, 5242880, 4 * 1024**3]
    assert values("z 45 seconds")[0].data == (Decimal(45), "seconds")
    low, high = values("w .. 3 minutes")[0].data
    assert low is None and high.data == (Decimal(3), "minutes")
    assert [v.data for v in values("v opt-in, fr-legal")] == ["opt-in", "fr-legal"]


def lint(tmp_path, text: str, *codes: str):
    path = tmp_path / "c.camp"
    path.write_text(text, encoding="utf-8")
    found = Linter(Options(), cwd=tmp_path).lint_file(path)
    return [(f.code, f.range.start_line, f.message) for f in found if not codes or f.code in codes]


CAMPAIGN = '''campaign c {{
  period 2026-12-01 .. 2026-12-31
{body}
}}
'''


def test_scheduled_and_triggered_is_e003(tmp_path):
    text = CAMPAIGN.format(body="  event e { description \"x\" }\n"
                                "  message m { channel email; at 2026-12-02 10:00; trigger e; subject \"A\" }")
    assert [c for c, _l, _m in lint(tmp_path, text, "E003")] == ["E003"]


def test_unknown_placement_is_e004(tmp_path):
    text = CAMPAIGN.format(body='  message m { channel instagram; placement stoires; at 2026-12-02 10:00; body "A" }')
    found = lint(tmp_path, text, "E004")
    assert len(found) == 1 and "did you mean `stories`" in found[0][2]


def test_variable_without_max_length_is_e007(tmp_path):
    found = lint(tmp_path, 'variable first_name { may_be_empty yes }\n', "E007")
    assert len(found) == 1 and "max length" in found[0][2]


def test_hyphenated_names_only_where_listed(tmp_path):
    text = CAMPAIGN.format(body='  message m { channel email; at 2026-12-02 10:00; stage aware-ness; subject "A" }')
    assert lint(tmp_path, text, "E004", "E003")  # not a funnel stage
    ok = 'segment s { description "x"; consent email double_opt_in, sms soft-opt-in }\n'
    assert lint(tmp_path, ok, "E003", "E004") == []
    bad = 'segment s { description "x"; consent email opt-out }\n'
    assert "did you mean `opt-in`" in lint(tmp_path, bad, "E003")[0][2]


def test_frequency_and_consent_resolve(tmp_path):
    from campaignlint.frontend.loader import Loader

    (tmp_path / "c.camp").write_text(
        'brand b { frequency email 3 per week, sms 2 per month }\n'
        'segment s { description "x"; consent email soft-opt-in, push opt-in; relationship customers; market b2b }\n',
        encoding="utf-8")
    model = Loader(tmp_path).load(tmp_path / "c.camp").model
    caps = model.brands["b"].frequency
    assert (caps["email"].count, caps["email"].period, caps["sms"].period) == (3, "week", "month")
    segment = model.segments["s"]
    assert segment.consent == {"email": "soft-opt-in", "push": "opt-in"}
    assert (segment.relationship, segment.market) == ("customers", "b2b")


def test_footer_is_read_as_the_end_of_the_body(tmp_path):
    text = ('channel sms { opt_out "STOP au 36180" }\n' + CAMPAIGN.format(
        body='  channel sms { footer "STOP au 36180" }\n'
             '  message m { channel sms; at 2026-12-02 11:00; body "Nos paniers sont prêts." }'))
    assert lint(tmp_path, text, "C010") == []


def test_worst_case_length_says_so(tmp_path):
    text = ('variable first_name { max length 40 }\n' + CAMPAIGN.format(
        body='  message m { channel email; at 2026-12-02 10:00;\n'
             '    subject "{{ first_name }}, nos paniers de Noël sont arrivés" }'))
    found = lint(tmp_path, text, "C002")
    assert len(found) == 1 and "when `first_name` is 40 long" in found[0][2]

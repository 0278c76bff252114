"""X — custom declarative rules (language §4): every check kind, scope, fix."""

from __future__ import annotations

import pytest

from campaignlint.engine import Linter, Options
from campaignlint.fixes import fix_file

CAMPAIGN = """{rule}
campaign rentree {{
  period 2027-09-01 .. 2027-09-30
  channel google_ads
  channel instagram
  message ad {{
    channel google_ads
    stage conversion
    headline "Livraison GRATUITE dès 30 €"
    description "Cartables et trousses, offerts en 48 h."
  }}
  message post {{
    channel instagram
    stage awareness
    body "La rentrée approche : découvrez nos cartables. Livraison gratuite !"
  }}
}}
"""


def lint(tmp_path, rule: str, select: list[str] | None = None):
    path = tmp_path / "c.camp"
    path.write_text(CAMPAIGN.format(rule=rule), encoding="utf-8")
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    linter = Linter(Options(select=select or ["ALL"]), cwd=tmp_path)
    return [f for f in linter.lint_file(path) if f.code not in "ABCDEFGHIJKLMNOPQRSTUVW" or len(f.code) > 4 or f.code.startswith("ACME")]


def custom(findings, code):
    return [f for f in findings if f.code == code]


def test_forbid_scoped_to_channels_with_its_code_and_severity(tmp_path):
    rule = 'rule no_free_in_ads { message "Paid ads must not promise anything free"; severity error; channels google_ads; forbid "gratuite", "free"; code "ACME001" }'
    findings = custom(lint(tmp_path, rule), "ACME001")
    assert len(findings) == 1  # the instagram post also says gratuite, but is out of scope
    finding = findings[0]
    assert finding.severity.value == "error"
    assert (finding.range.start_line, finding.range.start_column) == (9, 25)
    assert finding.message == "Paid ads must not promise anything free: “GRATUITE” in the headline of `ad`"


def test_forbid_without_code_uses_the_rule_name_and_warning(tmp_path):
    rule = 'rule pas_gratuit { message "Avoid gratuit"; forbid "gratuite" }'
    findings = custom(lint(tmp_path, rule), "pas_gratuit")
    assert [f.severity.value for f in findings] == ["warning", "warning"]


def test_forbid_with_suggest_fixes_safely(tmp_path):
    rule = 'rule offert { message "Say offerte"; stages awareness; forbid "gratuite"; suggest "offerte" }'
    path = tmp_path / "c.camp"
    findings = custom(lint(tmp_path, rule), "offert")
    assert len(findings) == 1 and findings[0].fix is not None
    outcome = fix_file(Linter(Options(select=["offert"]), cwd=tmp_path), path, unsafe=False)
    assert "Livraison offerte !" in outcome.fixed
    assert 'headline "Livraison GRATUITE dès 30 €"' in outcome.fixed  # out of the rule's stages


def test_require_pattern_and_require_pattern(tmp_path):
    rule = (
        'rule mention_cartable { message "Name the product"; require "cartable", "cartables" }\n'
        'rule no_hours { message "Write delays in days"; pattern "\\\\d+ h\\\\b" }\n'
        'rule has_price { message "Ads state a price"; channels google_ads; require_pattern "\\\\d+ €" }\n'
    )
    findings = lint(tmp_path, rule)
    assert custom(findings, "mention_cartable") == []
    hours = custom(findings, "no_hours")
    assert len(hours) == 1 and "“48 h”" in hours[0].message
    assert custom(findings, "has_price") == []


def test_require_fires_when_no_term_appears(tmp_path):
    rule = 'rule theme { message "Mention la rentrée"; fields headline; require "rentrée" }'
    findings = custom(lint(tmp_path, rule), "theme")
    assert len(findings) == 1
    assert findings[0].message == "Mention la rentrée: `ad` contains none of “rentrée”"


def test_max_length_in_the_channel_unit(tmp_path):
    rule = 'rule short_headlines { message "Headlines stay short"; fields headline; max_length 20 }'
    findings = custom(lint(tmp_path, rule), "short_headlines")
    assert len(findings) == 1
    assert "is 27 width units, more than 20" in findings[0].message


@pytest.mark.parametrize("rule,message", [
    ('rule r { message "x"; pattern "(" }', "not a valid regular expression"),
    ('rule r { message "x" }', "checks nothing"),
    ('rule r { message "x"; forbid "a"; require "b" }', "more than one check"),
])
def test_invalid_rules_are_reported(tmp_path, rule, message):
    findings = lint(tmp_path, rule, select=["E"])
    assert any(message in f.message for f in findings), [f.message for f in findings]


def _slow_rule_findings(tmp_path, pattern):
    rule = f'rule slow {{ message "x"; pattern "{pattern}" }}'
    path = tmp_path / "c.camp"
    text = CAMPAIGN.format(rule=rule).replace("Cartables et trousses, offerts en 48 h.", "a" * 60 + "!")
    path.write_text(text, encoding="utf-8")
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    import time

    linter = Linter(Options(select=["slow", "E"]), cwd=tmp_path)
    linter.lint_file(path, text=CAMPAIGN.format(rule=""))  # loading the rules is not what is timed
    started = time.monotonic()
    findings = linter.lint_file(path)
    assert time.monotonic() - started < 10  # the pattern stops after 1 s; `re` took hours
    return text, findings


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|aa)+$"])
def test_a_catastrophic_pattern_never_hangs(tmp_path, pattern):
    # both backtrack for hours in the `re` module on 60 "a" then "!"
    text, findings = _slow_rule_findings(tmp_path, pattern)
    timed_out = [f for f in findings if "took too long" in f.message]
    if pattern == "(a|aa)+$":  # the `regex` module is exponential on this one too: stopped, reported
        assert len(timed_out) == 1, [f.message for f in findings]
        finding = timed_out[0]
        assert finding.code == "E003" and finding.severity.value == "error"
        # on the pattern itself: line 1, the opening quote after `pattern `
        assert (finding.range.start_line, finding.range.start_column) == (1, text.index('"(a|aa)') + 1)
        assert "(a|aa)+$" in finding.message
    else:
        assert timed_out == []


def test_a_custom_rule_is_selected_and_ignored_like_any_rule(tmp_path):
    # a `rule` block is an ordinary rule (checks/custom.py provides it): --ignore by its name or code
    # switches it off before it runs, so even a pattern that would take too long costs nothing
    rule = 'rule no_free { message "x"; forbid "gratuite"; code "ACME001" }\nrule slow { message "x"; pattern "(a|aa)+$" }'
    path = tmp_path / "c.camp"
    path.write_text(CAMPAIGN.format(rule=rule).replace("Cartables et trousses, offerts en 48 h.", "a" * 60 + "!"),
                    encoding="utf-8")
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    findings = Linter(Options(select=["ALL"], ignore=["slow", "ACME001"]), cwd=tmp_path).lint_file(path)
    assert [f for f in findings if f.code in ("ACME001", "slow") or "took too long" in f.message] == []
    findings = Linter(Options(select=["no_free"]), cwd=tmp_path).lint_file(path)
    assert [f.code for f in findings] == ["ACME001", "ACME001"]

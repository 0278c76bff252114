"""The rule-pack layer: which packs are on, and what the commands say about them (cli.md "Rule packs")."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from campaignlint.config import Config, ConfigError, from_table
from campaignlint.engine import Linter, Options
from campaignlint.packs import DEFAULT_PACKS, PACKS
from campaignlint.registry import load_all_rules
from campaignlint.rule import REGISTRY

from conftest import run_cli

load_all_rules()

CAMPAIGN = """\
campaign noel {
  language fr
  period 2026-12-01 .. 2026-12-31
  channel sms
  channel google_ads
  message sms_noel {
    channel sms
    at 2026-12-25 12:00
    body "Le Fournil : joyeux Noël. STOP"
  }
  message ads_noel {
    channel google_ads
    headline "Bûche de Noël !"
  }
}
"""


def _codes(tmp_path, config: str = "", **options) -> set[str]:
    (tmp_path / "campaignlint.toml").write_text(config, encoding="utf-8")
    path = tmp_path / "noel.camp"
    path.write_text(CAMPAIGN, encoding="utf-8")
    return {f.code for f in Linter(Options(**options), cwd=tmp_path).lint_file(path)}


def test_every_pack_rule_names_its_pack_and_source():
    families = {pack.family: name for name, pack in PACKS.items()}
    pack_rules = [rule for code, rule in REGISTRY.items() if code[0] in families]
    assert {rule.code[0] for rule in pack_rules} >= {"R", "W", "L"}
    for rule in pack_rules:
        assert rule.pack == families[rule.code[0]], rule.code
        assert len(rule.source) > 20, f"{rule.code} needs its source"
    assert all(rule.pack is None for code, rule in REGISTRY.items() if code[0] not in families)


def test_defaults_are_google_ads_and_meta(tmp_path):
    assert DEFAULT_PACKS == ("google-ads", "meta")
    codes = _codes(tmp_path)
    assert {"R001", "R003"} <= codes
    assert "L001" not in codes


def test_packs_replaces_and_extend_packs_adds(tmp_path):
    assert not any(c[0] in "RL" for c in _codes(tmp_path, "packs = []"))
    codes = _codes(tmp_path, 'extend-packs = ["fr-legal"]')
    assert {"L001", "R001"} <= codes
    codes = _codes(tmp_path, 'packs = ["fr-legal"]')
    assert "L001" in codes and "R001" not in codes


def test_command_line_packs_win_over_the_file(tmp_path):
    codes = _codes(tmp_path, 'packs = []', extend_packs=["fr-legal"])
    assert "L001" in codes and "R001" not in codes
    codes = _codes(tmp_path, 'extend-packs = ["fr-legal"]', packs=["google-ads"])
    assert "L001" in codes  # --packs replaces `packs`; the file's `extend-packs` still adds
    assert "R001" in _codes(tmp_path, "packs = []", packs=["google-ads"])


def test_a_campaign_adds_its_own_packs():
    config = Config()
    campaign = SimpleNamespace(packs=["fr-legal"])
    assert config.active_packs(campaign) == {"google-ads", "meta", "fr-legal"}
    assert config.pack_enabled(REGISTRY["L001"], campaign)
    assert not config.pack_enabled(REGISTRY["L001"], SimpleNamespace(packs=[]))
    assert config.pack_enabled(REGISTRY["C011"], None)


@pytest.mark.parametrize("table,message", [
    ({"packs": ["emial"]}, "`emial` is not a rule pack (did you mean `email`?)"),
    ({"extend-packs": "email"}, "must be a list of rule pack names"),
    ({"packs": ["google-ads", 3]}, "must be a list of rule pack names"),
])
def test_bad_pack_configuration_names_the_key(table, message):
    with pytest.raises(ConfigError, match="packs") as error:
        from_table(table, None, REGISTRY)
    assert message in str(error.value)


def test_selecting_a_rule_of_a_pack_that_is_off_names_the_pack(tmp_path):
    with pytest.raises(ConfigError) as error:
        _codes(tmp_path, "", select=["L001"])
    assert "`fr-legal` pack, which is off" in str(error.value)
    with pytest.raises(ConfigError, match="`email`|`fr-legal`"):
        _codes(tmp_path, 'extend-select = ["L"]')
    with pytest.raises(ConfigError, match="`google-ads` pack"):
        _codes(tmp_path, 'packs = []\nselect = ["too-few-headlines"]')
    # on, it is selected; ignoring a rule of a pack that is off is fine
    assert _codes(tmp_path, 'extend-packs = ["fr-legal"]', select=["L001"]) == {"L001"}
    assert "R001" in _codes(tmp_path, 'ignore = ["L001"]')


def test_the_cache_key_knows_the_packs():
    assert Config().fingerprint() != from_table({"extend-packs": ["email"]}, None, REGISTRY).fingerprint()


@pytest.mark.slow
def test_commands_show_packs_and_sources(tmp_path):
    (tmp_path / "noel.camp").write_text(CAMPAIGN, encoding="utf-8")
    result = run_cli("check", "noel.camp", "--no-cache", "--packs", "meat", cwd=tmp_path)
    assert result.returncode == 2
    assert "`meat` is not a rule pack (did you mean `meta`?)" in result.stderr
    result = run_cli("check", "noel.camp", "--no-cache", "--select", "L001", cwd=tmp_path)
    assert result.returncode == 2 and "fr-legal" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("check", "noel.camp", "--no-cache", "--extend-packs", "fr-legal", "--select", "L001",
                     cwd=tmp_path)
    assert result.returncode == 1 and "L001" in result.stdout
    listing = json.loads(run_cli("rules", "--format", "json").stdout)
    l001 = next(r for r in listing if r["code"] == "L001")
    assert l001["pack"] == "fr-legal" and "Code de la consommation L221-16" in l001["source"]
    assert next(r for r in listing if r["code"] == "C011")["pack"] is None
    scopes = {r["code"]: r["scope"] for r in listing}  # cli.md: the listing marks project-scope rules
    assert scopes["P006"] == "project" and scopes["C011"] == "campaign" and scopes["N001"] == "suppressions"
    text = run_cli("rules").stdout
    assert "(pack `fr-legal`: off by default" in text and "source: Google Ads" in text
    explained = run_cli("explain", "L001")  # a rule of a pack that is off
    assert explained.returncode == 0
    assert "Rule pack `fr-legal`, off by default" in explained.stdout and "Source" in explained.stdout

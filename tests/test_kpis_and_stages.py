"""KPI taxonomy and funnel models (K002, K003, F rules)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from campaignlint.language.kpis_and_stages import (
    all_kpis,
    builtin_funnels,
    canonical_stage,
    is_outcome_stage,
    kpi_fits_stage,
    last_stage,
    lookup_kpi,
    normalise_name,
)
from campaignlint.resources import load_toml

AIDA = ["attention", "interest", "desire", "action"]
DEFAULT = ["awareness", "consideration", "conversion", "loyalty"]


@pytest.mark.parametrize(
    "name,kpi_id",
    [
        ("followers", "followers"),
        ("abonnés", "followers"),
        ("Abonnes", "followers"),
        ("instagram.followers", "followers"),
        ("j'aime", "likes"),
        ("portée", "reach"),
        ("Taux d'engagement", "engagement_rate"),
        ("engagement_rate", "engagement_rate"),
        ("taux_d_engagement", "engagement_rate"),
        ("taux de clic", "ctr"),
        ("CTR", "ctr"),
        ("taux d'ouverture", "open_rate"),
        ("conversion-rate", "conversion_rate"),
        ("coût par acquisition", "cpa"),
        ("ROAS", "roas"),
        ("chiffre d'affaires", "revenue"),
        ("commandes", "orders"),
        ("inscriptions", "signups"),
        ("trial_signups", "trial_signups"),
        ("panier moyen", "average_order_value"),
        ("Net Promoter Score", "nps"),
    ],
)
def test_lookup(name, kpi_id):
    kpi = lookup_kpi(name)
    assert kpi is not None and kpi.id == kpi_id


def test_unknown_kpi_is_none():
    assert lookup_kpi("north_star_happiness") is None
    assert lookup_kpi("") is None


def test_every_synonym_designates_one_kpi():
    owners = defaultdict(set)
    for kpi_id, entry in load_toml("kpis.toml")["kpis"].items():
        for name in [kpi_id, *entry["en"], *entry["fr"]]:
            owners[normalise_name(name)].add(kpi_id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_kpi_is_well_formed():
    stages = set(DEFAULT)
    for kpi in all_kpis():
        assert kpi.names["en"] and kpi.names["fr"], kpi.id
        assert kpi.stages and set(kpi.stages) <= stages, kpi.id


@pytest.mark.parametrize("name", ["likes", "followers", "impressions", "reach", "video_views"])
def test_vanity(name):
    assert lookup_kpi(name).vanity


@pytest.mark.parametrize("name", ["conversion_rate", "cpa", "roas", "revenue", "orders", "retention_rate", "clv"])
def test_not_vanity(name):
    assert not lookup_kpi(name).vanity


def test_builtin_funnels():
    assert builtin_funnels() == {"default": DEFAULT, "aida": AIDA}


@pytest.mark.parametrize(
    "stage,expected",
    [
        ("awareness", "awareness"),
        ("notoriété", "awareness"),
        ("Considération", "consideration"),
        ("fidélisation", "loyalty"),
        ("attention", "awareness"),
        ("intérêt", "consideration"),
        ("désir", "consideration"),
        ("action", "conversion"),
        ("onboarding", None),
    ],
)
def test_canonical_stage(stage, expected):
    assert canonical_stage(stage, AIDA if stage in AIDA else None) == expected


def test_kpi_fits_stage():
    assert kpi_fits_stage(lookup_kpi("cpa"), "conversion", DEFAULT)
    assert kpi_fits_stage("conversion_rate", "action", AIDA)
    assert not kpi_fits_stage("followers", "action", AIDA)
    assert not kpi_fits_stage("cpa", "notoriété")
    assert kpi_fits_stage("followers", "awareness")
    # unknown KPI or stage: not classified, so no K003
    assert kpi_fits_stage("our_own_kpi", "awareness")
    assert kpi_fits_stage("followers", "onboarding", ["discovery", "onboarding"])


def test_last_and_outcome_stages():
    assert last_stage(None) == "conversion"
    assert last_stage(AIDA) == "action"
    assert last_stage(["découverte", "achat", "fidélité"]) == "achat"
    assert is_outcome_stage("loyalty") and is_outcome_stage("action", AIDA)
    assert not is_outcome_stage("awareness") and not is_outcome_stage("desire", AIDA)

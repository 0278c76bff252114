"""Tests of the offer-claim reader (rules M001-M004).

The evaluation sets ``tests/data/eval/offers_fr.jsonl`` and ``offers_en.jsonl``
hold offer statements from e-mails, SMS, ads and posts with the discounts,
codes, prices and end dates a marketer reads in them (and texts that state
none). The contract: precision >= 0.95 and recall >= 0.85 per claim kind.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from evaluation import CLAIM_KINDS, load_jsonl, score_offers
from campaignlint.language.offers import OfferClaim, OfferClaims, extract_offer_claims

EVAL = Path(__file__).parent / "data" / "eval"


@pytest.fixture(scope="module", params=["fr", "en"])
def scored(request):
    lang = request.param
    return lang, score_offers(load_jsonl(EVAL / f"offers_{lang}.jsonl"), lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_eval_sets_are_large_enough(lang):
    records = load_jsonl(EVAL / f"offers_{lang}.jsonl")
    assert len(records) >= 45
    assert any(not any(r[k] for k in CLAIM_KINDS) for r in records), "needs texts with no claim"
    for kind in CLAIM_KINDS:
        assert sum(len(r[kind]) for r in records) >= 10, kind


@pytest.mark.parametrize("kind", CLAIM_KINDS)
def test_precision_and_recall(scored, kind):
    lang, scores = scored
    score = scores[kind]
    assert score.precision >= 0.95, (lang, score.errors)
    assert score.recall >= 0.85, (lang, score.errors)


def fr(text: str, year: int = 2027) -> OfferClaims:
    return extract_offer_claims(text, "fr", year)


def en(text: str, year: int = 2027) -> OfferClaims:
    return extract_offer_claims(text, "en", year)


def values(claims: list[OfferClaim]) -> list:
    return [c.value for c in claims]


# --- discounts -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["-20 % sur tout", "−20% sur tout", "–20 % sur tout", "20 % de remise",
                                  "20% de réduction", "remise de 20 %", "jusqu'à -20 %"])
def test_french_discount_forms(text):
    assert values(fr(text).discounts) == [Decimal(20)]


@pytest.mark.parametrize("text", ["20% off everything", "save 20% today", "20 percent off", "up to 20% off"])
def test_english_discount_forms(text):
    assert values(en(text).discounts) == [Decimal(20)]


def test_discount_in_money():
    assert values(fr("-10 € sur votre commande").discounts) == [(Decimal(10), "EUR")]
    assert values(en("Get $10 off your order").discounts) == [(Decimal(10), "USD")]
    assert fr("-10 € sur votre commande").prices == []


@pytest.mark.parametrize("text", ["Tissée à 100 % en coton biologique.", "95 % de nos clientes l'adorent.",
                                  "-40 % d'eau consommée depuis 2020.", "Réduire de 30 % nos émissions de CO2."])
def test_percents_that_are_not_discounts(text):
    assert fr(text).discounts == []


def test_percents_that_are_not_discounts_en():
    assert en("Made from 100% recycled polyester.").discounts == []
    assert en("Teams cut reporting time by 35%.").discounts == []


def test_instagram_and_newsletter_disagree():
    assert values(fr("-20 % sur les bijoux").discounts) != values(fr("-25 % sur les bijoux").discounts)


# --- codes ----------------------------------------------------------------------


@pytest.mark.parametrize("text,code", [
    ("-20 % avec le code MAMAN20", "MAMAN20"),
    ("avec le code PRINTEMPS15, valable jusqu'au 31 mars", "PRINTEMPS15"),
    ("code promo : ETE24", "ETE24"),
    ("Saisissez « NOEL15 » au paiement", "NOEL15"),
    ("MAMAN20 : le code pour gâter votre mère", "MAMAN20"),
])
def test_french_codes(text, code):
    assert values(fr(text).codes) == [code]


@pytest.mark.parametrize("text,code", [("use code SPRING15 at checkout", "SPRING15"),
                                       ("Enter coupon code SUMMER-25", "SUMMER-25"),
                                       ("CODE: LASTCALL40", "LASTCALL40")])
def test_english_codes(text, code):
    assert values(en(text).codes) == [code]


def test_maman20_is_not_mama20():
    assert values(fr("code MAMAN20").codes) != values(fr("code MAMA20").codes)


@pytest.mark.parametrize("text", ["Entrez votre code postal (69002).", "Le code couleur : vert sauge.",
                                  "Verdure : -15 % STOP au 36173", "Suivez #SOLDES2027 sur Instagram."])
def test_not_codes(text):
    assert fr(text).codes == []


def test_qr_code_is_not_a_code():
    assert en("Scan the QR code in store.").codes == []


# --- prices ---------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("La veste à 49,90 €", (Decimal("49.90"), "EUR")),
    ("La veste à 49,90€", (Decimal("49.90"), "EUR")),
    ("La veste à 49.90 EUR", (Decimal("49.90"), "EUR")),
    ("Le t-shirt à 19€90", (Decimal("19.90"), "EUR")),
    ("Le vélo : 1 299 €", (Decimal(1299), "EUR")),
    ("Le vélo : 1\u202f299 €", (Decimal(1299), "EUR")),
])
def test_french_prices(text, value):
    assert values(fr(text).prices) == [value]


@pytest.mark.parametrize("text,value", [("Only €49.90", (Decimal("49.90"), "EUR")), ("Just $19", (Decimal(19), "USD")),
                                        ("Hoodies 19 $", (Decimal(19), "USD")), ("Now £1,299", (Decimal(1299), "GBP"))])
def test_english_prices(text, value):
    assert values(en(text).prices) == [value]


def test_reference_price_is_not_the_price():
    assert values(fr("49,90 € au lieu de 68,60 €").prices) == [(Decimal("49.90"), "EUR")]
    assert values(fr("Prix barré : 68 €, aujourd'hui 49 €").prices) == [(Decimal(49), "EUR")]
    assert values(en("Now $59 (was $80)").prices) == [(Decimal(59), "USD")]
    assert values(en("$32 instead of $80").prices) == [(Decimal(32), "USD")]


def test_thresholds_and_shipping_are_not_prices():
    assert fr("Livraison offerte dès 50 € d'achat.").prices == []
    assert fr("Livraison offerte dès 50 €.").prices == []
    assert en("Free shipping over $50.").prices == []
    assert values(fr("T-shirts dès 29 €.").prices) == [(Decimal(29), "EUR")]


# --- end dates --------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("jusqu'au 31 mai", date(2027, 5, 31)),
    ("jusqu'au 31 mai 2028", date(2028, 5, 31)),
    ("avant le 30 avril, -20 %", date(2027, 4, 30)),
    ("Code valable jusqu'au 31/03", date(2027, 3, 31)),
    ("jusqu'au dimanche 1er juin", date(2027, 6, 1)),
])
def test_french_end_dates(text, expected):
    assert values(fr(text).end_dates) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("until May 31", date(2027, 5, 31)),
    ("Ends 5/31.", date(2027, 5, 31)),
    ("through June 30", date(2027, 6, 30)),
    ("Offer ends May 31st", date(2027, 5, 31)),
    ("valid until 12/31/2026", date(2026, 12, 31)),
])
def test_english_end_dates(text, expected):
    assert values(en(text).end_dates) == [expected]


def test_maman20_campaign_dates_disagree():
    assert values(fr("jusqu'au 28 mai").end_dates) != values(fr("jusqu'au 31 mai").end_dates)


@pytest.mark.parametrize("text", ["Le club se réunit le 28 septembre.", "Votre commande sera livrée le 3 juin.",
                                  "Nos boutiques sont fermées jusqu'au 3 janvier.", "Offre valable jusqu'à dimanche.",
                                  "Commandez avant le 20 décembre pour être livré à Noël."])
def test_dates_that_are_not_offer_ends(text):
    assert fr(text).end_dates == []


@pytest.mark.parametrize("text", ["Join our webinar on May 12.", "Sale ends Sunday.",
                                  "We're closed until January 3.", "Your order should arrive by June 3."])
def test_dates_that_are_not_offer_ends_en(text):
    assert en(text).end_dates == []


def test_numeric_date_order_follows_language():
    assert values(fr("jusqu'au 05/06").end_dates) == [date(2027, 6, 5)]
    assert values(en("until 05/06").end_dates) == [date(2027, 5, 6)]
    assert values(extract_offer_claims("until 05/06", "en-GB", 2027).end_dates) == [date(2027, 6, 5)]


def test_impossible_dates_are_skipped():
    assert fr("jusqu'au 31/02").end_dates == []


def test_missing_year_comes_from_reference_year():
    assert values(fr("jusqu'au 31 mai", 2030).end_dates) == [date(2030, 5, 31)]
    assert values(extract_offer_claims("jusqu'au 31 mai", "fr").end_dates) == [date(date.today().year, 5, 31)]


def test_range_end_in_an_offer():
    assert values(fr("Soldes du 24 juin au 21 juillet : -50 %").end_dates) == [date(2027, 7, 21)]
    assert values(en("Offer valid May 1–31.").end_dates) == [date(2027, 5, 31)]
    assert fr("Le salon se tient du 3 au 5 juin.").end_dates == []


# --- API --------------------------------------------------------------------------


def test_spans_index_the_given_text():
    text = ("Fête des mères : -20 % sur les bijoux avec le code MAMAN20, la bague à 49,90 € "
            "au lieu de 68,60 €, jusqu'au 28 mai.")
    claims = fr(text)
    for kind in CLAIM_KINDS:
        found = getattr(claims, kind)
        assert len(found) == 1, kind
        for claim in found:
            assert text[claim.start:claim.end] == claim.text
    assert claims.codes[0].text == "MAMAN20"
    assert claims.prices[0].text == "49,90 €"
    assert claims.end_dates[0].text == "28 mai"


def test_other_languages_give_nothing():
    assert extract_offer_claims("-20 % avec le code MAMAN20", "de") == OfferClaims()
    assert extract_offer_claims("", "fr") == OfferClaims()


def test_unit_price_and_stated_value_are_not_the_price():
    assert values(fr("Pack 3 culottes : 45 € (soit 15 € l'unité)").prices) == [(Decimal(45), "EUR")]
    assert values(en("Gift card: $50 value for $40").prices) == [(Decimal(40), "USD")]


def test_instalments_and_order_totals_are_not_prices():
    assert values(fr("Le vélo : 1 299 € ou 3 fois 433 € sans frais.").prices) == [(Decimal(1299), "EUR")]
    assert fr("Votre commande d'un montant de 87,40 € est confirmée.").prices == []
    assert en("Win a $500 gift card!").prices == []

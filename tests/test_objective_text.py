"""Reading objective texts (O007, O008): unit tests and the labelled evaluation."""

from __future__ import annotations

from pathlib import Path as _Path

EVAL_SET = _Path(__file__).parent / "data" / "eval" / "objectives.jsonl"

import datetime
from decimal import Decimal as D

import pytest

from objective_eval import evaluate, parse_duration, parse_quantity
from campaignlint.checks.objectives.o008_text_contradicts import Quantity, compare_with_attributes
from campaignlint.language.objective_text import read_objective_text

MARCH = datetime.date(2027, 3, 1)


def read(text, lang="fr", ref=MARCH):
    return read_objective_text(text, lang, ref)


# -- measures ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Réaliser 1 500 ventes", "fr", D(1500)),
        ("Réaliser 1\u202f500 ventes", "fr", D(1500)),
        ("Atteindre 10 000 abonnés", "fr", D(10000)),
        ("Atteindre 10_000 abonnés", "fr", D(10000)),
        ("Hit 10,000 followers", "en", D(10000)),
        ("Get 10k subscribers", "en", D(10000)),
        ("Viser 1,5 M€ de CA", "fr", D(1500000)),
        ("Quinze nouveaux revendeurs", "fr", D(15)),
        ("Atteindre deux mille abonnés", "fr", D(2000)),
        ("Signer vingt-cinq partenaires", "fr", D(25)),
        ("Signer quatre-vingt-dix partenaires", "fr", D(90)),
        ("Sign twelve new accounts", "en", D(12)),
        ("Reach two hundred and fifty stores", "en", D(250)),
        ("Reach 2 million views", "en", D(2000000)),
    ],
)
def test_numbers(text, lang, value):
    claims = read(text, lang)
    assert [n.value for n in claims.numbers] == [value]
    n = claims.numbers[0]
    assert text[n.start : n.end] == n.text


def test_number_spans_are_str_indices_with_emoji():
    text = "🌱🌱 Réaliser 1 500 ventes"
    n = read(text).numbers[0]
    assert text[n.start : n.end] == "1 500"


def test_money_currency():
    claims = read("Générer 50 000 € de chiffre d'affaires")
    assert claims.numbers[0].value == D(50000) and claims.numbers[0].currency == "EUR"
    claims = read("Generate $250k in pipeline", "en")
    assert claims.numbers[0].value == D(250000) and claims.numbers[0].currency == "USD"


@pytest.mark.parametrize(
    "text,lang,value,direction",
    [
        ("Augmenter les abonnés de 20 % en trois mois", "fr", D(20), "+"),
        ("Augmenter les abonnés de 20% en trois mois", "fr", D(20), "+"),
        ("Taux de conversion à 2,5 %", "fr", D("2.5"), None),
        ("+15 % de CA vs 2026", "fr", D(15), "+"),
        ("Réduire le churn de 10 %", "fr", D(10), "-"),
        ("Cut CPA by 10% within six weeks", "en", D(10), "-"),
        ("Reach a 25 percent open rate", "en", D(25), None),
        ("vingt pour cent de ventes en plus", "fr", D(20), "+"),
    ],
)
def test_percents(text, lang, value, direction):
    claims = read(text, lang)
    assert [(p.value, p.direction) for p in claims.percents] == [(value, direction)]
    assert not claims.numbers  # the percent's number is not a plain number too


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Doubler les inscriptions", "fr", D(2)),
        ("Tripler le trafic", "fr", D(3)),
        ("Multiplier par quatre les leads", "fr", D(4)),
        ("x2 sur les ventes", "fr", D(2)),
        ("5x our webinar attendance", "en", D(5)),
        ("Double MRR by EOY", "en", D(2)),
        ("Drive 3 times more demos", "en", D(3)),
        ("Réduire le churn de moitié", "fr", D("0.5")),
    ],
)
def test_multipliers(text, lang, value):
    assert [m.value for m in read(text, lang).multipliers] == [value]


@pytest.mark.parametrize(
    "text",
    ["We run a double opt-in newsletter", "We want to double down on community", "Grow our 14-day trial"],
)
def test_no_false_multiplier_or_measure(text):
    claims = read(text, "en")
    assert not claims.multipliers
    assert claims.is_vague


# -- durations and dates ----------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,amount,unit",
    [
        ("en trois mois", "fr", D(3), "months"),
        ("en six semaines", "fr", D(6), "weeks"),
        ("sur 12 mois", "fr", D(12), "months"),
        ("d'ici 2 mois", "fr", D(2), "months"),
        ("en un an", "fr", D(1), "years"),
        ("sur les 3 prochains mois", "fr", D(3), "months"),
        ("within 6 weeks", "en", D(6), "weeks"),
        ("in two months", "en", D(2), "months"),
        ("over the next quarter", "en", D(3), "months"),
        ("within the next 90 days", "en", D(90), "days"),
        ("within a month", "en", D(1), "months"),
    ],
)
def test_framed_durations(text, lang, amount, unit):
    claims = read(text, lang)
    assert [(d.amount, d.unit, d.framed) for d in claims.durations] == [(amount, unit, True)]
    assert claims.has_time_frame and not claims.has_measure


def test_descriptive_duration_is_not_a_time_frame():
    claims = read("Get more people to start our 14-day trial", "en")
    assert claims.durations and not claims.durations[0].framed
    assert not claims.has_time_frame


@pytest.mark.parametrize(
    "text,lang,ref,earliest,latest",
    [
        ("avant le 31 mai 2027", "fr", MARCH, "2027-05-31", "2027-05-31"),
        ("d'ici le 15 octobre", "fr", MARCH, "2027-10-15", "2027-10-15"),
        ("d'ici le 15 février", "fr", MARCH, "2028-02-15", "2028-02-15"),  # next occurrence
        ("by June 30", "en", datetime.date(2027, 4, 1), "2027-06-30", "2027-06-30"),
        ("by June 30th, 2028", "en", MARCH, "2028-06-30", "2028-06-30"),
        ("au T3", "fr", MARCH, "2027-07-01", "2027-09-30"),
        ("in Q1", "en", datetime.date(2027, 5, 1), "2028-01-01", "2028-03-31"),
        ("in Q3 2027", "en", MARCH, "2027-07-01", "2027-09-30"),
        ("d'ici fin juin", "fr", MARCH, "2027-06-21", "2027-06-30"),
        ("by end of March", "en", MARCH, "2027-03-21", "2027-03-31"),
        ("by EOY", "en", MARCH, "2027-12-01", "2027-12-31"),
        ("d'ici la fin de l'année", "fr", MARCH, "2027-12-01", "2027-12-31"),
        ("au 1er semestre", "fr", MARCH, "2027-01-01", "2027-06-30"),
        ("in H2", "en", MARCH, "2027-07-01", "2027-12-31"),
        ("avant Noël", "fr", MARCH, "2027-12-25", "2027-12-25"),
        ("before Black Friday", "en", MARCH, "2027-11-26", "2027-11-26"),
        ("en 2027", "fr", MARCH, "2027-01-01", "2027-12-31"),
        ("d'ici le 30/06", "fr", MARCH, "2027-06-30", "2027-06-30"),
        ("by 2027-06-30", "en", MARCH, "2027-06-30", "2027-06-30"),
    ],
)
def test_dates(text, lang, ref, earliest, latest):
    claims = read(text, lang, ref)
    assert [(d.earliest.isoformat(), d.value.isoformat(), d.role) for d in claims.dates] == [
        (earliest, latest, "deadline")
    ]
    assert not claims.has_measure  # "2027", "31", "30" are parts of the date


def test_comparison_year_and_start_date_roles():
    claims = read("+15 % de CA vs 2026 à partir du 1er avril")
    roles = {d.text: d.role for d in claims.dates}
    assert roles == {"2026": "reference", "1er avril": "start"}


def test_ambiguous_month_words_are_not_dates():
    assert not read("We may reach more people", "en").dates
    assert read("Launch by May", "en").dates


def test_year_like_number_is_a_number():
    claims = read("Atteindre 2000 abonnés")
    assert [n.value for n in claims.numbers] == [D(2000)] and not claims.dates


def test_age_range_is_neither_measure_nor_time_frame():
    claims = read("Renforcer l'image de marque auprès des 25-35 ans")
    assert claims.is_vague


# -- vagueness (O007) --------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Augmenter la notoriété de la marque", "fr"),
        ("Booster l'engagement sur nos réseaux sociaux", "fr"),
        ("Développer notre présence sur une nouvelle cible", "fr"),
        ("boost engagement", "en"),
        ("Raise awareness of the brand", "en"),
    ],
)
def test_vague(text, lang):
    claims = read(text, lang)
    assert claims.is_vague
    assert claims.vague_verbs  # the announcing verb is reported


@pytest.mark.parametrize(
    "text,lang",
    [
        ("augmenter le nombre d'abonnés sur Instagram de 20 % en trois mois", "fr"),
        ("Réaliser 1 500 ventes de la collection avant le 31 mai 2027", "fr"),
        ("Reach 400 trial sign-ups by June 30", "en"),
        ("Doubler les inscriptions au T3", "fr"),
    ],
)
def test_not_vague(text, lang):
    claims = read(text, lang)
    assert not claims.is_vague and claims.has_measure and claims.has_time_frame


def test_unknown_language_falls_back_to_english():
    assert read("Reach 400 sign-ups by June 30", "de").numbers[0].value == D(400)


# -- contradictions (O008) ---------------------------------------------------

SUBS = "Augmenter les abonnés Instagram de 20 % en trois mois"


def contradictions(text, lang="fr", **kw):
    start = kw.get("campaign_start", MARCH)
    return compare_with_attributes(read(text, lang, start), **kw)


def test_agreeing_text_is_quiet():
    assert not contradictions(
        SUBS, target=parse_quantity("+20%"), baseline=parse_quantity("12_000"),
        within=(3, "months"), campaign_start=MARCH,
    )


def test_percent_and_within_contradictions():
    found = contradictions(
        SUBS, target=parse_quantity("+25%"), baseline=parse_quantity("12_000"),
        within=(2, "months"), campaign_start=MARCH,
    )
    messages = [c.message for c in found]
    assert messages == ["the text says 20 %, the target is +25 %", "the text says trois mois, `within` says 2 months"]
    assert {c.kind for c in found} == {"percent", "duration"}


def test_deadline_contradiction_message():
    found = contradictions(
        "Réaliser 1 500 ventes avant le 31 mai 2027", target=parse_quantity("1_500"),
        deadline=datetime.date(2027, 5, 15), campaign_start=MARCH,
    )
    assert [c.message for c in found] == ["the text says 31 May 2027, the deadline is 2027-05-15"]


def test_duration_agrees_with_deadline_within_tolerance():
    # three months from 1 March: 92 days to 31 May (inclusive); spans of 83–102 days agree
    for deadline in (datetime.date(2027, 5, 31), datetime.date(2027, 5, 22), datetime.date(2027, 6, 10)):
        assert not contradictions(SUBS, target=parse_quantity("+20%"), deadline=deadline, campaign_start=MARCH)
    for deadline in (datetime.date(2027, 5, 21), datetime.date(2027, 6, 11), datetime.date(2027, 4, 30)):
        assert contradictions(SUBS, target=parse_quantity("+20%"), deadline=deadline, campaign_start=MARCH)


def test_double_agrees_with_plus_100():
    assert not contradictions("Double MRR by EOY", "en", target=parse_quantity("+100%"))
    assert contradictions("Double MRR by EOY", "en", target=parse_quantity("+50%"))
    # target / baseline = 2
    assert not contradictions("Doubler les leads", target=parse_quantity("800"), baseline=parse_quantity("400"))


def test_text_without_percent_says_nothing_about_percent_target():
    assert not contradictions("Réaliser 1 500 ventes", target=parse_quantity("+25%"))


def test_number_equal_to_baseline_is_consistent():
    assert not contradictions(
        "Passer de 3 000 à 4 500 membres", target=parse_quantity("4_500"), baseline=parse_quantity("3_000")
    )
    assert contradictions("Passer de 3 000 à 4 500 membres", target=parse_quantity("5_000"))


def test_absolute_percent_target_and_points():
    assert not contradictions("Taux d'ouverture à 25 %", target=parse_quantity("25%"))
    assert not contradictions(
        "Gagner 5 points de taux de rétention", target=parse_quantity("45%"), baseline=parse_quantity("40%")
    )


def test_relative_percent_checks_level_from_number_baseline():
    assert not contradictions("Atteindre 14 400 abonnés", target=parse_quantity("+20%"), baseline=parse_quantity("12_000"))
    assert contradictions("Atteindre 15 000 abonnés", target=parse_quantity("+20%"), baseline=parse_quantity("12_000"))


def test_date_agrees_with_within_end():
    assert not contradictions(
        "Atteindre 10k abonnés d'ici fin mai", target=parse_quantity("10_000"), within=(3, "months"), campaign_start=MARCH
    )


def test_comparison_and_start_dates_are_not_compared():
    assert not contradictions(
        "+15 % de CA vs 2026", target=parse_quantity("+15%"), deadline=datetime.date(2027, 6, 30), campaign_start=MARCH
    )


def test_parse_helpers():
    assert parse_quantity("+20%") == Quantity("percent", D(20), signed=True)
    assert parse_quantity("42 EUR") == Quantity("money", D(42), currency="EUR")
    assert parse_duration("3 months") == (D(3), "months")


# -- the labelled set ---------------------------------------------------------


def test_labelled_set_precision(capsys):
    o007, o008 = evaluate(EVAL_SET)
    with capsys.disabled():
        print(
            f"\nO007 precision {o007.precision:.3f} recall {o007.recall:.3f} ({o007.total} cases); "
            f"O008 precision {o008.precision:.3f} recall {o008.recall:.3f} ({o008.total} cases)"
        )
    assert o007.total >= 44 and o008.total >= 20
    assert o007.precision >= 0.9, o007.errors
    assert o008.precision >= 0.9, o008.errors


def test_labelled_set_is_balanced():
    from objective_eval import load_set

    items = load_set(EVAL_SET)
    fr = sum(1 for i in items if i["language"] == "fr")
    en = sum(1 for i in items if i["language"] == "en")
    assert fr >= 22 and en >= 22
    assert any(i["vague"] for i in items) and any(not i["vague"] for i in items)
    assert any(i.get("contradiction") for i in items) and any(i.get("contradiction") is False for i in items)


def test_phrase_match_at_as_the_loop_over_every_phrase():
    """``PhraseSet.match_at`` (prefix phrases indexed) gives what trying every prefix phrase gave."""
    import random

    from campaignlint.language.objective_text.vocabulary import PhraseSet, vocabulary

    def reference(phrases, words, i):
        best = 0
        for n in range(min(phrases.max_len, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in phrases.exact:
                best = n
                break
        for pat, _ in phrases.prefix:
            n = len(pat)
            if n > best and i + n <= len(words):
                if tuple(words[i : i + n - 1]) == pat[:-1] and words[i + n - 1].startswith(pat[-1]):
                    best = n
        return best

    rng = random.Random(3)
    for language in ("fr", "en"):
        v = vocabulary(language)
        for phrases in (x for x in vars(v).values() if isinstance(x, PhraseSet)):
            pool = [w for words in phrases.exact for w in words] + [w for pat, _ in phrases.prefix for w in pat]
            pool += [w + "s" for w in pool[:50]] + ["", "x", "de", "le"]
            for _ in range(2000):
                words = [rng.choice(pool) for _ in range(rng.randint(0, 6))]
                for i in range(len(words) + 2):
                    assert phrases.match_at(words, i) == reference(phrases, words, i), (words, i)

"""Offer claims stated in copy: discounts, promo codes, prices and end dates.

Used by rules M001-M004, which compare what the copy says with the campaign's
``offer`` (its ``discount``, ``code``, ``price`` and ``ends``) and across
messages. French and English are read; any other language gives no claims.

What is read, and what is deliberately not:

* **discounts**: a signed percent ("-20 %", "−20%", "jusqu'à -30 %") unless
  what follows says it is not money off ("-40 % d'eau", "-30 % CO2"); a percent
  after a discount cue ("remise de 20 %", "save 20%", "up to 40%") or before
  one ("20 % de réduction", "20% off", "25 percent off"). The value is a
  ``Decimal`` percent. Amounts of money off ("-10 €", "10 € de remise",
  "$10 off", "save $20") give ``(Decimal amount, currency)``. Other percents
  ("100 % coton", "95 % de nos clientes", "cut reporting time by 35%") are
  not discounts.
* **codes**: a token after code wording ("code MAMAN20", "code promo : ETE24",
  "use code SPRING15", "votre code de parrainage : CLAIRE-7F3K", « NOEL15 »
  in quotes after "saisissez"), either all capitals or with capitals and
  digits; or a token with capitals and digits after a verb such as
  "utilisez"/"use", or within four words of the word "code". "code postal",
  "QR code", "code couleur" give nothing.
* **prices**: amounts in €, EUR, euros, $, USD, £, GBP, written either way
  round ("49,90 €", "€49.90", "19€90", "1 299 €", "$1,200"). Not a price: the
  struck-through reference ("au lieu de 68,60 €", "was $80", "passe de 120 €
  à 89 €" gives only 89 €), a purchase threshold ("dès 50 € d'achat", "orders
  over $50"), any amount in a sentence about shipping or returns ("livraison
  offerte dès 50 €", "frais de port : 4,90 €"), instalments ("3 fois 433 €"),
  prizes, credits and order totals ("carte cadeau de 100 €", "a $30 credit",
  "d'un montant de 87,40 €"), and money off (a discount).
* **end dates**: a date after an end cue ("jusqu'au 31 mai", "valable
  jusqu'au 31/03", "fin le 29 novembre", "until May 31", "ends 5/31",
  "through Monday, Nov 30", "expires at 11:59pm PT on 11/30"), or the end of a
  range in a text about an offer ("du 1er au 15 juillet", "from June 1 to June
  15"). Weak cues ("avant le 30 avril", "before June 1") count only in a text
  that speaks of an offer. A date cue in a sentence about something else
  (shop closed, delivery, a webinar, returns) is dropped unless the sentence
  also speaks of an offer ("livraison offerte jusqu'au 31 mai" is an offer).
  Dates with no cue ("le club se réunit le 28 septembre", "webinar on May
  12") are never end dates, nor are weekdays alone ("jusqu'à dimanche",
  "ends Sunday"). "avant le 30 avril" is returned as 30 April, the date
  written. Numeric dates are day first in French (31/05) and month first in
  English (5/31); ``en-GB``, ``en-IE``, ``en-AU``, ``en-NZ``, ``en-IN`` and
  ``en-ZA`` read day first. A missing year is ``reference_year`` (the
  current year when ``None``); two-digit years are 20xx.

The vocabularies (month names, cue words, exclusions) are data:
``rules/fr/offers.toml`` and ``rules/en/offers.toml``.
"""

from __future__ import annotations

import functools
import re

from campaignlint.language.url_masks import EMAIL
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from campaignlint.language.prechecks import first_words, may_hold
from campaignlint.resources import load_toml

__all__ = ["OfferClaim", "OfferClaims", "extract_offer_claims"]


@dataclass(frozen=True)
class OfferClaim:
    """One claim the copy makes about an offer: ``text[start:end]`` and its value.

    ``value`` is a ``Decimal`` percent or a ``(Decimal, currency)`` amount for a
    discount, a ``str`` for a code, a ``(Decimal, currency)`` for a price
    (currency ``"EUR"``, ``"USD"`` or ``"GBP"``) and a ``datetime.date`` for an
    end date.
    """

    start: int
    end: int
    text: str
    value: Any
    #: how a price reads: ``"price"`` (what the offer charges), ``"later"`` (a door or later
    #: price: "puis 32 € sur place"), ``"from"`` ("à partir de 19 €") or ``"per_period"``
    #: ("9,90 €/mois"); M004 only compares ``"price"``
    reading: str = "price"


@dataclass
class OfferClaims:
    """Every claim found in a text, per kind, in text order."""

    discounts: list[OfferClaim] = field(default_factory=list)
    codes: list[OfferClaim] = field(default_factory=list)
    prices: list[OfferClaim] = field(default_factory=list)
    end_dates: list[OfferClaim] = field(default_factory=list)


# --------------------------------------------------------------------------
# Language-independent patterns

_NUM = r"(?:\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
_SIGN = r"[-−–]"
_PERCENT = re.compile(
    rf"(?P<sign>(?<![\w%.,]){_SIGN}\s?)?(?<![\d.,])(?P<num>{_NUM})\s?"
    r"(?P<unit>%|pour\s?cent\b|percent\b|per\s?cent\b|pct\b)",
    re.IGNORECASE,
)
_CUR_AFTER = r"(?P<cur_a>€|eur\b|euros?\b|\$|usd\b|dollars?\b|£|gbp\b|livres? sterling\b|pounds?\b)"
_CUR_BEFORE = r"(?P<cur_b>us\$|€|\$|£|eur\b|usd\b|gbp\b)"
_MONEY = re.compile(
    rf"(?P<sign>(?<![\w%.,]){_SIGN}\s?)?(?:"
    rf"(?<![\d.,])(?P<num_a>{_NUM})\s?{_CUR_AFTER}(?P<cents>\d{{2}}(?!\d))?"
    rf"|{_CUR_BEFORE}\s?(?P<num_b>{_NUM})(?![\d])"
    r")",
    re.IGNORECASE,
)
_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "livre sterling": "GBP", "livres sterling": "GBP",
    "pound": "GBP", "pounds": "GBP",
}
_DIGIT = re.compile(r"\d")  # as _NUM and the date patterns read digits
_ASCII_DIGIT = re.compile(r"[0-9]")  # the digits a _CODE_TOKEN may hold
_CODE_TOKEN = re.compile(r"(?<![\w#@/.-])[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9](?![\w@]|\.\w|/)")
_URL_START = re.compile(r"(?i)https?://|www\.")
_MASKS = [  # each needs "@", "#" or _URL_START
    re.compile(r"(?i)\b(?:https?://|www\.)\S+"),
    EMAIL,  # [\w.+-]+@[\w-]+(?:\.[\w-]+)+ in linear time
    re.compile(r"[#@](?<![\w&].)\w+"),  # a tag not inside a word, sign first (re skips to it in C)
]
# where a sentence (clause, for cues) ends
_SENTENCE_BREAK = re.compile(r"[.!?…;\n]+(?:\s|$)|\n")
_CLAUSE_BREAK = re.compile(r"[.!?…;:\n(),]\s|[.!?…;\n(),]$|\n|[(),]")
_PHRASE_BREAK = re.compile(r"[.!?…;\n(),]\s|[.!?…;\n(),]$|\n|[(),]")


def _phrase_alt(phrases) -> str:
    """Regex alternation of phrases: flexible spaces and apostrophes."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p.strip())
        esc = esc.replace(r"\ ", r"\s+").replace("'", "['’]")
        left = r"(?<!\w)" if p[:1].isalnum() else ""
        right = r"(?!\w)" if p[-1:].isalnum() else ""
        parts.append(f"{left}{esc}{right}")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _ends_with(phrases) -> re.Pattern:
    return re.compile(_phrase_alt(phrases) + r"\s*$", re.IGNORECASE)


def _starts_with(phrases) -> re.Pattern:
    return re.compile(r"^\s*" + _phrase_alt(phrases), re.IGNORECASE)


@functools.cache
def _lang_data(lang: str) -> dict:
    raw = load_toml(lang, "offers.toml")
    dates, end, disc, money, code = (raw[k] for k in ("dates", "end_date", "discount", "money", "code"))
    months = {k.lower(): int(v) for k, v in dates["months"].items()}
    # an abbreviation ("sept", "janv", "Jun") may take a dot; a full name may not
    abbrevs = [k for k, v in months.items() if any(o != k and o.startswith(k) and n == v for o, n in months.items())]
    fulls = [k for k in months if k not in abbrevs]
    month_alt = f"(?:{_phrase_alt(abbrevs)}\\.?|{_phrase_alt(fulls)})"
    weekday_alt = _phrase_alt(dates["weekdays"]) + r"\.?"
    ordinal = "(?:" + "|".join(map(re.escape, dates["ordinal_suffixes"])) + ")?"
    day = rf"(?P<day>[0-3]?\d){ordinal}"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    dm = rf"(?<![\d/.,])(?:{weekday_alt},?\s+)?{day}\s+(?P<month>{month_alt}){year}(?!\w)"
    md = (
        rf"(?:{weekday_alt},?\s+)?(?P<month2>{month_alt})\s+(?P<day2>[0-3]?\d){ordinal}"
        r"(?:,?\s+(?P<year2>(?:19|20)\d{2}))?(?![\w/])"
    )
    numeric = (
        rf"(?<![\d/.,])(?:{weekday_alt},?\s+)?(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})"
        r"(?:(?P=sep)(?P<ny>\d{4}|\d{2}))?(?![\d/]|[.,]\d)"
    )
    date_re = re.compile("|".join([f"(?:{dm})", f"(?:{md})", f"(?:{numeric})"]), re.IGNORECASE)
    filler = (
        r"(?:\s*(?:le|the|on|at|à|a|\d{1,2}(?:[:h]\d{2})?\s*(?:am|pm|h)?|minuit|midnight|"
        r"[A-Z]{2,3}T?|inclus)\b)*"
    )
    cue = _phrase_alt(end["cues"])
    weak = _phrase_alt(end["weak_cues"])
    return {
        "order": dates["order"],
        "day_first_regions": frozenset(dates.get("day_first_regions", [])),
        "months": months,
        "month_key": {k.rstrip("."): v for k, v in months.items()},
        "date_re": date_re,
        # "May 1–31": the day after the dash, when no month follows it
        "day_range_tail": re.compile(
            rf"\s*[-–—]\s*([0-3]?\d){ordinal}(?![\d/:]|[.,]\d|\s*{month_alt})", re.IGNORECASE
        ),
        "cue_re": re.compile(rf"{cue}{filler}\s*$", re.IGNORECASE),
        "weak_re": re.compile(rf"{weak}{filler}\s*$", re.IGNORECASE),
        "range_re": re.compile(
            _phrase_alt(end["range_start"]) + r"\s+\S+(?:\s+\S+){0,3}?\s*"
            + _phrase_alt(end["range_join"]) + r"\s*$",
            re.IGNORECASE,
        ),
        "negative": re.compile(_phrase_alt(end["negative_words"]), re.IGNORECASE),
        "positive": re.compile(_phrase_alt(end["positive_words"]), re.IGNORECASE),
        "disc_before": _ends_with(disc["before"]),
        "disc_after": _starts_with(disc["after"]),
        "not_disc_after": re.compile(
            r"^\s*(?:(?:de|d['’]|of)\s*)?" + _phrase_alt(disc["not_discount_nouns"]), re.IGNORECASE
        ),
        "de_after": re.compile(r"^\s*(?:de|d['’])\s*\w", re.IGNORECASE),
        "disc_nouns_after": _starts_with([a for a in disc["after"] if a.lower().startswith(("de ", "d'"))]),
        "ref_before": _ends_with(money["reference_before"]),
        "ref_after": _starts_with(money.get("reference_after", [])),
        "thr_before": _ends_with(
            [p for p in money["threshold_before"] if p not in money["threshold_ambiguous_before"]]
        ),
        "thr_amb_before": _ends_with(money["threshold_ambiguous_before"]),
        "thr_after": _starts_with(money["threshold_after"]),
        "shipping": re.compile(_phrase_alt(money["shipping_words"]), re.IGNORECASE),
        "inst_before": re.compile(
            r"(?:\d\s*" + _phrase_alt(money["instalment_before"]) + r"|"
            + _phrase_alt([p for p in money["instalment_before"] if len(p) > 2]) + r")\s*$",
            re.IGNORECASE,
        ),
        "other_before": _ends_with(
            [p for p in money["other_before"] if p not in money.get("other_ambiguous_before", [])]
        ),
        "other_amb_before": _ends_with(money.get("other_ambiguous_before", [])),
        "other_after": _starts_with(money["other_after"]),
        "later_before": _ends_with(money.get("later_before", [])),
        "later_after": _starts_with(money.get("later_after", [])),
        "from_before": _ends_with(money.get("from_before", [])),
        # "9,90 €/mois", "$9.99/mo", "9,90 € par mois", "$9.99 a month"
        "period_after": re.compile(r"^\s*(?:/\s*" + _phrase_alt(money.get("period_units", []))
                                   + "|" + _phrase_alt(money.get("period_after", [])) + ")", re.IGNORECASE),
        "code_cue_re": re.compile(
            r"(?P<cue>" + _phrase_alt(code["cues"]) + r")"
            r"(?P<fill>(?:\s*(?:[:=«»\"“”‘’']|" + _phrase_alt(code["fillers"]) + r"))*\s*)"
            r"(?P<tok>[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9])(?![\w@]|\.\w|/)",
            re.IGNORECASE,
        ),
        "code_word_re": re.compile(_phrase_alt(code["cues"]), re.IGNORECASE),
        "code_cue_words": first_words(code["cues"]),
        "code_verb_re": _ends_with(code["verbs"]),
        "not_codes": frozenset(w.upper() for w in code["not_codes"]),
    }


@functools.lru_cache(maxsize=256)
def _language(language: str) -> tuple[str, str]:
    parts = re.split(r"[-_]", (language or "").strip().lower())
    return parts[0], (parts[1] if len(parts) > 1 else "")


# --------------------------------------------------------------------------
# Helpers


def _to_decimal(raw: str, lang: str) -> Decimal | None:
    """Parse "1 299", "49,90", "1,200.50", "1.299,00" by the language's habits."""
    s = re.sub(r"[ \u00a0\u202f]", "", raw)
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        if lang == "en" and len(tail) == 3:
            s = s.replace(",", "")
        elif s.count(",") > 1:
            s = s.replace(",", "")
        else:
            s = head.replace(",", "") + "." + tail
    elif "." in s:
        head, _, tail = s.rpartition(".")
        if (lang != "en" and len(tail) == 3) or s.count(".") > 1:
            s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _clause_before(text: str, pos: int, limit: int = 60, breaks: re.Pattern = _CLAUSE_BREAK) -> str:
    """The text before ``pos`` back to the start of its clause (at most ``limit``)."""
    window = text[max(0, pos - limit):pos]
    cut = 0
    for m in breaks.finditer(window):
        cut = m.end()
    return window[cut:]


def _sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence holding ``text[start:end]`` (at most ``limit`` characters each side)."""
    left = max(0, start - limit)
    for m in _SENTENCE_BREAK.finditer(text, left, start):
        left = m.end()
    m = _SENTENCE_BREAK.search(text, end, min(len(text), end + limit))
    right = m.start() if m else min(len(text), end + limit)
    return text[left:right]


def _masked_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "#" not in text and not _URL_START.search(text):
        return []  # no mask can match: each needs one of these
    return [m.span() for pattern in _MASKS for m in pattern.finditer(text)]


def _inside(spans, pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


# --------------------------------------------------------------------------
# Extractors


def _price_reading(before: str, after: str, data: dict) -> str:
    """How an amount that is no discount, old price, threshold or other sum reads."""
    if data["later_before"].search(before) or data["later_after"].match(after):
        return "later"
    if data["period_after"].match(after):
        return "per_period"
    if data["from_before"].search(before):
        return "from"
    return "price"


def _discounts_and_prices(text: str, lang: str, data: dict, masked) -> tuple[list[OfferClaim], list[OfferClaim]]:
    discounts: list[OfferClaim] = []
    prices: list[OfferClaim] = []
    for m in _PERCENT.finditer(text):
        if _inside(masked, m.start("num")):
            continue
        value = _to_decimal(m.group("num"), lang)
        if value is None:
            continue
        before = _clause_before(text, m.start())
        after = text[m.end():m.end() + 40]
        not_discount = bool(data["not_disc_after"].match(after)) or (
            bool(data["de_after"].match(after)) and not data["disc_nouns_after"].match(after)
        )
        signed = m.group("sign") is not None
        cue_before = bool(data["disc_before"].search(before))
        cue_after = bool(data["disc_after"].match(after))
        if cue_after or ((signed or cue_before) and not not_discount):
            start = m.start() if signed else m.start("num")
            discounts.append(OfferClaim(start, m.end(), text[start:m.end()], value))

    for m in _MONEY.finditer(text):
        num = m.group("num_a") or m.group("num_b")
        if _inside(masked, m.start()):
            continue
        # a percent already read ("20 % €"?) or a date-like number is not money
        value = _to_decimal(num, lang)
        if value is None:
            continue
        if m.group("cents"):
            value = value + Decimal(m.group("cents")) / 100
        cur_raw = (m.group("cur_a") or m.group("cur_b")).lower()
        currency = _CURRENCIES.get(re.sub(r"\s+", " ", cur_raw), "EUR")
        signed = m.group("sign") is not None
        start = m.start() if signed else (m.start("num_a") if m.group("num_a") else m.start("cur_b"))
        end = m.end()
        claim_text = text[start:end]
        before = _clause_before(text, start, breaks=_PHRASE_BREAK)
        after = text[end:end + 40]
        # money off
        if signed or data["disc_after"].match(after) or data["disc_before"].search(before):
            if not data["other_after"].match(after):
                discounts.append(OfferClaim(start, end, claim_text, (value, currency)))
                continue
        if data["ref_before"].search(before) or data["ref_after"].match(after):
            continue
        if data["thr_before"].search(before) or data["thr_after"].match(after):
            continue
        if data["thr_amb_before"].search(before) and data["thr_after"].match(after):
            continue
        if data["inst_before"].search(before):
            continue
        if data["other_before"].search(before) or data["other_after"].match(after):
            continue
        if data["other_amb_before"].search(before) and data["other_after"].match(after):
            continue
        if data["shipping"].search(_sentence_around(text, start, end)):
            continue
        prices.append(OfferClaim(start, end, claim_text, (value, currency), _price_reading(before, after, data)))
    discounts.sort(key=lambda c: c.start)
    return discounts, prices


def _looks_like_code(token: str, data: dict, *, caps_only_ok: bool) -> bool:
    if len(token) < 3 or token.upper() in data["not_codes"]:
        return False
    has_upper = any(c.isupper() for c in token)
    has_lower = any(c.islower() for c in token)
    has_digit = any(c.isdigit() for c in token)
    has_alpha = any(c.isalpha() for c in token)
    if not has_alpha:
        return False
    if has_upper and has_digit:
        return True
    return caps_only_ok and has_upper and not has_lower


def _codes(text: str, data: dict, masked: list[tuple[int, int]] | None) -> list[OfferClaim]:
    """The promo codes of ``text``; ``masked``: its masked spans, or None to find them only if a
    code is found (most copy states none)."""
    found: dict[int, OfferClaim] = {}

    def add(start: int, end: int) -> None:
        nonlocal masked
        if masked is None:
            masked = _masked_spans(text)
        if not _inside(masked, start):
            found.setdefault(start, OfferClaim(start, end, text[start:end], text[start:end]))

    # "code PRINTEMPS15", "code promo : ETE24", "coupon code SUMMER-25"
    cues = data["code_cue_re"].finditer(text) if may_hold(text, data["code_cue_words"]) else ()
    for m in cues:
        tok = m.group("tok")
        if _looks_like_code(tok, data, caps_only_ok=True):
            add(m.start("tok"), m.end("tok"))
    # tokens with capitals and digits near "code" or after "utilisez", or quoted
    if not _ASCII_DIGIT.search(text):
        return sorted(found.values(), key=lambda c: c.start)  # no token holds a digit
    words = list(_CODE_TOKEN.finditer(text))
    for m in words:
        tok = m.group()
        if m.start() in found or not _looks_like_code(tok, data, caps_only_ok=False):
            continue
        before = _clause_before(text, m.start(), 40)
        quoted = re.search(r"[«\"“‘']\s*$", text[max(0, m.start() - 3):m.start()]) and re.match(
            r"\s*[»\"”’']", text[m.end():m.end() + 3]
        )
        if data["code_verb_re"].search(re.sub(r"[«\"“‘'\s]+$", "", before) + " ") or quoted:
            add(m.start(), m.end())
            continue
        # within four words of the word "code" in the same clause
        near_before = " ".join(before.split()[-4:])
        after_clause = re.split(r"[.!?;\n]", text[m.end():m.end() + 60], maxsplit=1)[0]
        near_after = " ".join(after_clause.split()[:4])
        if data["code_word_re"].search(near_before) or data["code_word_re"].search(near_after):
            add(m.start(), m.end())
    return sorted(found.values(), key=lambda c: c.start)


_RANGE_GAP = re.compile(r"\s*(?:[-–—]|to|au|through|thru|jusqu['’]au)\s*", re.IGNORECASE)



def _make_date(day: int, month: int, year: int | None, default_year: int) -> date | None:
    if year is not None and year < 100:
        year += 2000
    try:
        return date(year if year is not None else default_year, month, day)
    except ValueError:
        return None


def _end_dates(text: str, lang: str, region: str, data: dict, reference_year: int | None, masked) -> list[OfferClaim]:
    default_year = reference_year if reference_year is not None else date.today().year
    day_first = data["order"] == "dmy" or region in data["day_first_regions"]
    offer_text: bool | None = None  # read on first need: a long search
    claims: list[OfferClaim] = []
    prev_end: int | None = None
    for m in data["date_re"].finditer(text):
        if _inside(masked, m.start()):
            continue
        g = m.groupdict()
        if g.get("day"):
            d = _make_date(int(g["day"]), data["month_key"][g["month"].lower().rstrip(".")],
                           int(g["year"]) if g.get("year") else None, default_year)
        elif g.get("day2"):
            d = _make_date(int(g["day2"]), data["month_key"][g["month2"].lower().rstrip(".")],
                           int(g["year2"]) if g.get("year2") else None, default_year)
        else:
            a, b = int(g["n1"]), int(g["n2"])
            day, month = (a, b) if day_first else (b, a)
            d = _make_date(day, month, int(g["ny"]) if g.get("ny") else None, default_year)
        if d is None:
            continue
        start, end, written = m.start(), m.end(), m.group()
        before = _clause_before(text, start, 50)
        strong = bool(data["cue_re"].search(before))
        weak = bool(data["weak_re"].search(before)) or bool(data["range_re"].search(before))
        # "June 1 – June 15": the second date of a range
        weak = weak or (prev_end is not None and bool(_RANGE_GAP.fullmatch(text, prev_end, start)))
        prev_end = end
        # "May 1–31": a range of days inside one month ends on the second day
        tail = data["day_range_tail"].match(text, end)
        if tail and (g.get("day2") or g.get("day")):
            last = _make_date(int(tail.group(1)), d.month, d.year, default_year)
            if last is not None and last > d:
                start, end, written, d = tail.start(1), tail.end(1), tail.group(1), last
                weak = True
                prev_end = end
        if not strong and weak and offer_text is None:
            offer_text = bool(data["positive"].search(text))
        if not (strong or (weak and offer_text)):
            continue
        sentence = _sentence_around(text, start, end)
        if data["negative"].search(sentence) and not data["positive"].search(sentence):
            continue
        claims.append(OfferClaim(start, end, written, d))
    return claims


def extract_offer_claims(text: str, language: str, reference_year: int | None = None) -> OfferClaims:
    """Read the discounts, promo codes, prices and end dates stated in ``text``.

    ``language`` is a language tag (``"fr"``, ``"en"``, ``"en-GB"``…); other
    languages give empty claims. ``reference_year`` completes dates written
    without a year (the current year when ``None``). Offsets are ``str``
    indices into ``text``, end-exclusive.
    """
    lang, region = _language(language)
    if lang not in ("fr", "en") or not text:
        return OfferClaims()
    data = _lang_data(lang)
    # percents, amounts and dates all hold a digit: most copy has none (nor its masks, then, unless a code is found)
    has_digit = _DIGIT.search(text) is not None
    masked = _masked_spans(text) if has_digit else None
    discounts, prices = _discounts_and_prices(text, lang, data, masked) if has_digit else ([], [])
    return OfferClaims(
        discounts=discounts,
        codes=_codes(text, data, masked),
        prices=prices,
        end_dates=_end_dates(text, lang, region, data, reference_year, masked) if has_digit else [],
    )

"""M — consistency of the message across channels.

M001–M004 compare what the copy says about an offer (a discount, a promo code,
an end date, a price: read by :func:`campaignlint.language.offers.extract_offer_claims`
in the message's language) with the campaign's `offer` the message promotes
(its `offer` attribute).  Only messages that name an offer are compared; every
text field of the message and of its variants is read, and a finding points at
the exact words in the copy.

M005–M006 check that every channel carries the campaign's theme (the `theme`
phrase or one of the `theme_keywords`, matched on lemmas, hashtags included:
``#PortezLeChangement`` mentions "Portez le changement").  M007 finds copy
pasted from one channel to another; M008 finds messages for the same offer that
send people to different landing pages.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re

from ..language.scanning import DOMAIN, EMAIL, Alternation
from collections import Counter, defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterator

from ..findings import Finding, Severity
from ..model import Campaign, Message, Money, Offer, Percent, Text
from ..resources import load_toml
from ..rule import Rule, Setting
from ._format import format_amount, format_money, format_percent, format_time, local_time, names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext
    from ..language.offers import Claim, OfferClaims


# --------------------------------------------------------------- helpers

def reference_year(message: Message, campaign: Campaign) -> int | None:
    """The year a date written without one ("jusqu'au 31 mai") belongs to:
    the year of the message's `at`, else of the campaign's first day."""
    if message.at is not None:
        return local_time(message.at, campaign).year
    if campaign.period is not None:
        return campaign.period[0].year
    return None


def _claims(text: Text, message: Message, campaign: Campaign) -> "OfferClaims":
    return _cached_claims(text.value, message.language, reference_year(message, campaign))


@functools.lru_cache(maxsize=4096)
def _cached_claims(value: str, language: str, year: int | None) -> "OfferClaims":
    from ..language.offers import extract_offer_claims

    return extract_offer_claims(value, language, reference_year=year)


def _promoting(campaign: Campaign) -> Iterator[tuple[Message, Offer]]:
    """Messages that name an offer defined in the campaign, with that offer."""
    for message in campaign.messages:
        if message.offer and message.offer in campaign.offers:
            yield message, campaign.offers[message.offer]


def _claims_of(campaign: Campaign, kind: str) -> Iterator[tuple[Message, Offer, Text, "Claim"]]:
    """Every claim of ``kind`` ("discounts", "codes", …) in the copy of messages promoting an offer."""
    for message, offer in _promoting(campaign):
        for text in message.copy_texts():
            for claim in getattr(_claims(text, message, campaign), kind):
                yield message, offer, text, claim


def _percent_text(value: Decimal) -> str:
    value = abs(Decimal(value))
    places = max(0, -value.normalize().as_tuple().exponent)
    return format_percent(value, places)


def _discount_key(value: Any) -> tuple[str, Decimal]:
    """A claim's or offer's discount as a comparable key: ("%", 20) or ("EUR", 10)."""
    if isinstance(value, Percent):
        return ("%", abs(value.value))
    if isinstance(value, Money):
        return (value.currency.upper(), abs(value.amount))
    if isinstance(value, tuple):
        amount, currency = value
        return (str(currency).upper(), abs(Decimal(amount)))
    return ("%", abs(Decimal(value)))


def _discount_text(key: tuple[str, Decimal]) -> str:
    unit, amount = key
    if unit == "%":
        return _percent_text(amount)
    return f"{format_amount(amount)} {unit} off"


def _quote(claim: "Claim") -> str:
    return claim.text.strip()


# --------------------------------------------------------------- M001–M004

def _is_reference_price(offer, claim) -> bool:
    """Does the copy state the offer's `reference price` here (v2, rules.md "Reference price")?"""
    reference = getattr(offer, "reference_price", None)
    if reference is None or isinstance(reference, str):
        return False
    value = claim.value
    amount = getattr(value, "amount", None)
    if amount is None and isinstance(value, tuple) and value:
        amount = value[0]
    try:
        return amount is not None and Decimal(amount) == reference.amount
    except (ArithmeticError, TypeError, ValueError):
        return False

class DiscountMismatch(Rule):
    """The copy states a discount that differs from its offer's `discount`.

    Reads the discounts stated in the copy of every message that names an
    `offer` ("-25 %", "20 % de remise", "save $10", "10 € offerts") and
    compares each with the offer's `discount` (a percent with a percent, an
    amount with an amount in the same currency).  When the offer has no
    `discount`, the messages promoting it are compared with each other: the
    discount stated by the most messages (the first stated, on a tie) is the
    reference, and a message stating another one is reported.
    """

    code = "M001"
    name = "discount-mismatch"
    severity = Severity.ERROR
    why = (
        "A customer who reads -25 % on Instagram and finds -20 % at checkout feels "
        "misled, abandons the basket and tells others; in France, advertising a "
        "discount that is not applied is also a misleading commercial practice. "
        "Every channel must state the one offer the campaign actually runs."
    )
    example = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"La rentrée à -25 % avec le code RENTREE20\"\n}"
    )
    correction = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"La rentrée à -20 % avec le code RENTREE20\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        undeclared: dict[str, list[tuple[Message, Text, Claim]]] = defaultdict(list)
        for message, offer, text, claim in _claims_of(campaign, "discounts"):
            if _is_reference_price(offer, claim):
                continue  # v2: « 27 € au lieu de 30 € » states the reference price, not a discount
            if offer.discount is None:
                undeclared[offer.name].append((message, text, claim))
                continue
            expected = _discount_key(offer.discount)
            if _discount_key(claim.value) != expected:
                yield ctx.finding(
                    self, text.span_of(claim.start, claim.end),
                    f"the copy says {_quote(claim)}, the offer `{offer.name}` says "
                    f"{_discount_text(expected)}",
                )
        for offer_name, stated in undeclared.items():
            yield from self._across_messages(ctx, offer_name, stated)

    def _across_messages(self, ctx, offer_name, stated) -> Iterator[Finding]:
        by_message: dict[str, list[tuple[Message, Text, Claim]]] = {}
        for item in stated:
            by_message.setdefault(item[0].name, []).append(item)
        if len(by_message) < 2:
            return
        counts: Counter = Counter()
        first_seen: dict[tuple, int] = {}
        for items in by_message.values():
            for key in dict.fromkeys(_discount_key(c.value) for _, _, c in items):
                counts[key] += 1
                first_seen.setdefault(key, len(first_seen))
        reference = min(counts, key=lambda k: (-counts[k], first_seen[k]))
        ref_name, ref_items = next(
            (name, items) for name, items in by_message.items()
            if any(_discount_key(c.value) == reference for _, _, c in items)
        )
        accepted = {_discount_key(c.value) for _, _, c in ref_items}
        ref_claim = next(c for _, _, c in ref_items if _discount_key(c.value) == reference)
        for name, items in by_message.items():
            if name == ref_name:
                continue
            for _message, text, claim in items:
                if _discount_key(claim.value) not in accepted:
                    yield ctx.finding(
                        self, text.span_of(claim.start, claim.end),
                        f"the copy says {_quote(claim)}, message `{ref_name}` says "
                        f"{_quote(ref_claim)} for the same offer `{offer_name}` "
                        f"(the offer states no `discount`)",
                    )


class CodeMismatch(Rule):
    """The copy gives a promo code that differs from its offer's `code`.

    Reads the promo codes given in the copy of every message that names an
    `offer` ("code RENTREE25", "use code SPRING15") and compares each with the
    offer's `code`, ignoring case (checkouts accept codes in any case).
    """

    code = "M002"
    name = "code-mismatch"
    severity = Severity.ERROR
    why = (
        "A promo code that does not work at checkout is the surest way to lose a "
        "sale at the last step, and it floods customer service. A code is copied "
        "from channel to channel by hand: one typo, or last year's code, and a "
        "whole channel's traffic is wasted."
    )
    example = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"-20 % avec le code RENTREE25\"\n}"
    )
    correction = (
        "offer rentree { discount 20%; code \"RENTREE20\" }\n\n"
        "message ig_post {\n  channel instagram\n  offer rentree\n"
        "  body \"-20 % avec le code RENTREE20\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for _message, offer, text, claim in _claims_of(ctx.campaign, "codes"):
            if not offer.code:
                continue
            if str(claim.value).strip().casefold() != offer.code.strip().casefold():
                yield ctx.finding(
                    self, text.span_of(claim.start, claim.end),
                    f"the copy gives the code {claim.value}, the offer `{offer.name}` has the code {offer.code}",
                )


@functools.cache
def _exclusive_cue(language_root: str) -> re.Pattern | None:
    try:
        data = load_toml(language_root, "consistency.toml")
    except FileNotFoundError:
        return None
    cues = data.get("end_date", {}).get("exclusive_cues", [])
    if not cues:
        return None
    alternation = "|".join(
        re.escape(c.strip()).replace(r"\ ", r"\s+").replace("'", "['’]")
        for c in sorted(cues, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternation})\s+(?:[^\W\d]+,?\s+)?$", re.IGNORECASE)


def _language_root(language: str) -> str:
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower() if language else ""


def _same_end(claim: "Claim", text: str, language: str, ends: dt.date) -> bool:
    """Whether the end date written in copy agrees with the offer's last day.

    A date written without a year (its year was guessed from the send date) is
    compared by day and month.  After an exclusive cue ("avant le", "before")
    the date written is the first day the offer is over: the day after `ends`.
    """
    written: dt.date = claim.value
    has_year = bool(re.search(r"\d{4}", claim.text))

    def agrees(day: dt.date) -> bool:
        return written == day if has_year else (written.month, written.day) == (day.month, day.day)

    if agrees(ends):
        return True
    cue = _exclusive_cue(_language_root(language))
    return bool(cue is not None and cue.search(text[: claim.start]) and agrees(ends + dt.timedelta(days=1)))


class EndDateMismatch(Rule):
    """The copy gives an end date that differs from its offer's `ends`, or the message is sent after the offer ended.

    Reads the end dates written in the copy of every message that names an
    `offer` ("jusqu'au 31 mars", "valable jusqu'au 31/03", "until May 31") and
    compares each with the day of the offer's `ends`.  A date written without a
    year is compared by day and month.  "avant le 1er avril" / "before June 1"
    (the first day the offer is over) agrees with an offer ending the day
    before.  A message whose `at` falls after the offer's `ends` (a date: the
    whole day; a date and time: that moment) is reported too.
    """

    code = "M003"
    name = "end-date-mismatch"
    severity = Severity.ERROR
    why = (
        "Customers plan around the deadline they read: if the SMS says the 20th "
        "and the code stops working on the 15th, they feel cheated, and a message "
        "sent once the offer is over promotes something they can no longer get. "
        "Urgency only works when the date is true on every channel."
    )
    example = (
        "offer rentree { discount 20%; ends 2027-09-15 }\n\n"
        "message sms_flash {\n  channel sms\n  offer rentree\n  at 2027-09-05 18:00\n"
        "  body \"La rentrée à -20 % jusqu'au 20 septembre. STOP au 36173\"\n}"
    )
    correction = (
        "offer rentree { discount 20%; ends 2027-09-15 }\n\n"
        "message sms_flash {\n  channel sms\n  offer rentree\n  at 2027-09-05 18:00\n"
        "  body \"La rentrée à -20 % jusqu'au 15 septembre. STOP au 36173\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for message, offer in _promoting(campaign):
            if offer.ends is None:
                continue
            ends_day = offer.ends.date() if isinstance(offer.ends, dt.datetime) else offer.ends
            ends_text = format_time(offer.ends) if isinstance(offer.ends, dt.datetime) else offer.ends.isoformat()
            if message.at is not None:
                sent = local_time(message.at, campaign)
                late = sent > offer.ends if isinstance(offer.ends, dt.datetime) else sent.date() > offer.ends
                if late:
                    yield ctx.finding(
                        self, message.where("at"),
                        f"message `{message.name}` is sent on {format_time(sent)}, after the offer "
                        f"`{offer.name}` ended on {ends_text}",
                    )
            for text in message.copy_texts():
                for claim in _claims(text, message, campaign).end_dates:
                    if _same_end(claim, text.value, message.language, ends_day):
                        continue
                    yield ctx.finding(
                        self, text.span_of(claim.start, claim.end),
                        f"the copy gives {_quote(claim)} ({claim.value.isoformat()}) as the end date, "
                        f"the offer `{offer.name}` ends on {ends_text}",
                    )


class PriceMismatch(Rule):
    """The copy states a price that differs from its offer's `price`.

    Reads the prices stated in the copy of every message that names an `offer`
    ("à 44,90 €", "only $49") — not the struck-through old price, a purchase
    threshold, shipping costs or instalments — and compares each with the
    offer's `price`, amount and currency.
    """

    code = "M004"
    name = "price-mismatch"
    severity = Severity.ERROR
    why = (
        "A price is a promise: the one in the email must be the one on the product "
        "page. A different price on one channel breeds distrust and complaints, "
        "and advertising a price that is not charged is misleading advertising."
    )
    example = (
        "offer rentree { price 49.90 EUR }\n\n"
        "message email_promo {\n  channel email\n  offer rentree\n"
        "  body \"Le cartable à 44,90 € au lieu de 59 €.\"\n}"
    )
    correction = (
        "offer rentree { price 49.90 EUR }\n\n"
        "message email_promo {\n  channel email\n  offer rentree\n"
        "  body \"Le cartable à 49,90 € au lieu de 59 €.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for _message, offer, text, claim in _claims_of(ctx.campaign, "prices"):
            if offer.price is None or _is_reference_price(offer, claim):
                continue
            amount, currency = claim.value
            if Decimal(amount) != offer.price.amount or str(currency).upper() != offer.price.currency.upper():
                yield ctx.finding(
                    self, text.span_of(claim.start, claim.end),
                    f"the copy gives the price {_quote(claim)}, the offer `{offer.name}` says "
                    f"{format_money(offer.price)}",
                )


# --------------------------------------------------------------- M005–M006

def theme_terms(campaign: Campaign) -> list[str]:
    """The theme phrase and the theme keywords, as terms to look for."""
    terms = []
    if campaign.theme is not None and campaign.theme.value.strip():
        terms.append(campaign.theme.value.strip())
    terms.extend(k.value.strip() for k in campaign.theme_keywords if k.value.strip())
    return list(dict.fromkeys(terms))


def on_theme(message: Message, terms: list[str]) -> bool:
    """Whether any text of the message (or of its variants) mentions a theme term."""
    from ..language.terms import mentions_any

    return mentions_any([text.value for text in message.copy_texts()], message.language, terms, in_hashtags=True)


def _by_channel(campaign: Campaign) -> dict[str, list[Message]]:
    found: dict[str, list[Message]] = {}
    for message in campaign.messages:
        if message.channel:
            found.setdefault(message.channel, []).append(message)
    return found


def _channel_anchor(campaign: Campaign, channel: str, messages: list[Message]):
    if channel in campaign.channels:
        return campaign.channels[channel]
    return messages[0].where("channel")


def _theme_label(campaign: Campaign) -> str:
    parts = []
    if campaign.theme is not None and campaign.theme.value.strip():
        parts.append(f"the theme “{campaign.theme.value.strip()}”")
    keywords = [k.value.strip() for k in campaign.theme_keywords if k.value.strip()]
    if keywords:
        which = "one of its keywords" if parts else "any of the theme keywords"
        parts.append(f"{which} ({', '.join(keywords)})")
    return " or ".join(parts)


class ChannelOffTheme(Rule):
    """A channel of the campaign never mentions the theme.

    A channel is checked when the campaign has messages on it.  A message
    mentions the theme when one of its texts (or its variants') contains the
    `theme` phrase or one of the `theme_keywords`, in any inflection ("durables"
    for "durable"), in a hashtag too (#PortezLeChangement).  A campaign with
    neither `theme` nor `theme_keywords` is not checked.
    """

    code = "M005"
    name = "channel-off-theme"
    severity = Severity.WARNING
    needs_nlp = True
    why = (
        "An integrated campaign repeats one idea on every channel: the customer "
        "who sees the Instagram post, then the email, then the SMS should recognise "
        "the same campaign. A channel that never carries the theme runs a campaign "
        "of its own and adds nothing to the recognition the others build."
    )
    example = (
        "theme \"Portez le changement\"\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % sur la collection avec le code PRINTEMPS15. STOP au 36173\"\n}"
    )
    correction = (
        "theme \"Portez le changement\"\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Portez le changement : -15 % sur la collection avec le code PRINTEMPS15. STOP au 36173\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        terms = theme_terms(campaign)
        if not terms:
            return
        for channel, messages in _by_channel(campaign).items():
            if any(on_theme(m, terms) for m in messages):
                continue
            if len(messages) == 1:
                detail = f"its only message, `{messages[0].name}`, does not carry it"
            else:
                detail = (f"none of its {len(messages)} messages "
                          f"({names(f'`{m.name}`' for m in messages)}) carries it")
            yield ctx.finding(
                self, _channel_anchor(campaign, channel, messages),
                f"channel `{channel}` never mentions {_theme_label(campaign)}: {detail}",
            )


class ChannelThemeShare(Rule):
    """On a channel, too few messages carry the theme.

    For each channel with messages, the share of its messages that mention the
    theme (as in M005) must reach the configured minimum.  A channel where no
    message mentions it is left to M005.
    """

    code = "M006"
    name = "theme-share"
    severity = Severity.WARNING
    needs_nlp = True
    settings = (
        Setting("theme-share", 25.0,
                "the minimum share (in %) of a channel's messages that mention the campaign's theme",
                float, 0, 100),
    )
    why = (
        "Recognition comes from repetition: if only one tweet in ten carries the "
        "campaign's idea, followers never connect the posts into one campaign. At "
        "least one message in four on each channel should state the theme."
    )
    example = (
        "theme \"Portez le changement\"\n\n"
        "message tw_1 { channel twitter; body \"Portez le changement avec notre collection #PortezLeChangement\" }\n"
        "message tw_2 { channel twitter; body \"Nouveau : la veste coupe-vent\" }\n"
        "message tw_3 { channel twitter; body \"Notre atelier au Portugal en images\" }\n"
        "message tw_4 { channel twitter; body \"Les tailles XS à XXL sont disponibles\" }\n"
        "message tw_5 { channel twitter; body \"Livraison offerte ce week-end\" }"
    )
    correction = (
        "theme \"Portez le changement\"\n\n"
        "message tw_1 { channel twitter; body \"Portez le changement avec notre collection #PortezLeChangement\" }\n"
        "message tw_2 { channel twitter; body \"Nouveau : la veste coupe-vent #PortezLeChangement\" }\n"
        "message tw_3 { channel twitter; body \"Notre atelier au Portugal en images\" }\n"
        "message tw_4 { channel twitter; body \"Les tailles XS à XXL sont disponibles\" }\n"
        "message tw_5 { channel twitter; body \"Livraison offerte ce week-end\" }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        terms = theme_terms(campaign)
        if not terms:
            return
        minimum = float(ctx.setting("theme-share"))
        for channel, messages in _by_channel(campaign).items():
            on = [m for m in messages if on_theme(m, terms)]
            if not on:
                continue  # M005
            share = 100.0 * len(on) / len(messages)
            if share + 1e-9 >= minimum:
                continue
            yield ctx.finding(
                self, _channel_anchor(campaign, channel, messages),
                f"on `{channel}`, {len(on)} of {len(messages)} messages ({format_percent(share)}) mention "
                f"{_theme_label(campaign)}, below the minimum of {format_percent(minimum, 1)}",
            )


# --------------------------------------------------------------- M007

_URL_OR_TAG = Alternation(  # linear time even on a 100,000-character word
    re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE), DOMAIN, EMAIL,
    re.compile(r"(?<![\w&])[#＃@＠]\w+", re.IGNORECASE),
)
_NOT_WORD = re.compile(r"[^\w\s]|_")
_WORDS = re.compile(r"\w+")


def normalised_words(text: str, remove: tuple[str, ...] = ()) -> list[str]:
    """The words of a copy as compared by M007: lower-case, without URLs,
    domains, e-mail addresses, hashtags, mentions, punctuation, emoji and the
    given fixed phrases (the channel's opt-out text)."""
    return list(_normalised_words(text, tuple(remove)))


@functools.lru_cache(maxsize=1024)
def _normalised_words(text: str, remove: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`normalised_words`, memoised (campaigns repeat bodies)."""
    text = text.casefold()
    for phrase in remove:
        if phrase:
            text = text.replace(phrase.casefold(), " ")
    text = _URL_OR_TAG.sub(" ", text)
    text = _NOT_WORD.sub(" ", text)
    return tuple(_WORDS.findall(text))


class PastedCopy(Rule):
    """Two messages on different channels carry the same, or nearly the same, body.

    Bodies are compared after removing case, punctuation, emoji, URLs,
    hashtags, mentions and the channel's opt-out text, word by word
    (`difflib`'s ratio of matching words).  Bodies of fewer than 8 words are
    not compared.  Each message is reported once, against the first earlier
    message it resembles.
    """

    code = "M007"
    name = "pasted-copy"
    severity = Severity.WARNING
    settings = (
        Setting("copy-similarity", 0.9,
                "how similar (0 to 1) two bodies on different channels may be before they count as pasted",
                float, 0, 1),
    )
    min_words = 8
    why = (
        "Each channel has its own format and its own reader: a tweet is read in a "
        "second, an email is opened for the details, an SMS must fit in 160 "
        "characters. Copy pasted from one to the other is too long here, too thin "
        "there, and the customer who follows both reads the same thing twice. "
        "Keep the message, adapt the words."
    )
    example = (
        "message tweet_1 { channel twitter; body \"Les soldes sont là : -30 % sur toute la collection d'hiver avec le code HIVER30\" }\n"
        "message email_1 { channel email;   body \"Les soldes sont là : -30 % sur toute la collection d'hiver avec le code HIVER30 !\" }"
    )
    correction = (
        "message tweet_1 { channel twitter; body \"Les soldes sont là : -30 % sur toute la collection d'hiver avec le code HIVER30\" }\n"
        "message email_1 { channel email;   body \"\"\"\n    Bonjour,\n    Nos soldes d'hiver commencent : profitez de 30 % de remise\n"
        "    sur les manteaux en laine recyclée avec le code HIVER30.\n  \"\"\" }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        threshold = float(ctx.setting("copy-similarity"))
        seen: list[tuple[Message, list[str]]] = []
        for message in campaign.messages:
            body = message.text("body")
            if body is None or not message.channel:
                continue
            profile = campaign.channel_profile(message.channel)
            opt_out = (profile.opt_out,) if profile is not None and profile.opt_out else ()
            words = normalised_words(body.value, opt_out)
            if len(words) < self.min_words:
                continue
            # speed: a pair is ruled out by its lengths, then by the words the bodies
            # share, before difflib aligns them; the matcher indexes this body once
            matcher: difflib.SequenceMatcher | None = None
            size = len(words)
            for earlier, earlier_words in seen:
                if earlier.channel == message.channel:
                    continue
                # difflib's real_quick_ratio (the upper bound the lengths allow), without a matcher
                other = len(earlier_words)
                if 2.0 * min(other, size) / (other + size) < threshold:
                    continue
                if matcher is None:  # index this body once (b2j), compare it with each earlier one
                    matcher = difflib.SequenceMatcher(None, autojunk=False)
                    matcher.set_seq2(words)
                matcher.set_seq1(earlier_words)
                if matcher.quick_ratio() < threshold:
                    continue
                ratio = matcher.ratio()
                if ratio + 1e-9 < threshold:
                    continue
                how = "the same body as" if words == earlier_words else (
                    f"nearly the same body ({format_percent(ratio * 100)} similar) as")
                yield ctx.finding(
                    self, body.span,
                    f"message `{message.name}` on {message.channel} has {how} `{earlier.name}` on "
                    f"{earlier.channel}: adapt the copy to each channel",
                )
                break
            seen.append((message, words))


# --------------------------------------------------------------- M008

_WWW = re.compile(r"^(\w+://)www\.", re.IGNORECASE)


def landing_page(url: str) -> str:
    """The page a link lands on, as M008 compares them: :func:`page_of`
    (no query string, no fragment, no trailing slash) without a leading
    ``www.`` ("https://www.northwind.io/trial/?utm_source=x" →
    "https://northwind.io/trial")."""
    from ..text.urls import page_of

    return _WWW.sub(r"\1", page_of(url))

class LandingPageMismatch(Rule):
    """Messages promoting the same offer link to different landing pages.

    A page is a link without its query string and fragment ("https://verdure.fr/printemps"),
    so links that differ only by tracking parameters go to the same page; a
    trailing `/` and a leading `www.` make no difference either.
    When the offer has a `landing`, every message promoting it must link to
    that page (among its links or its variants'); otherwise the page linked by
    the most messages (the first, on a tie) is the reference.  Messages without
    a link, and links that are not valid web addresses (U005), are skipped.
    """

    code = "M008"
    name = "landing-page-mismatch"
    severity = Severity.WARNING
    why = (
        "An offer has one landing page, built for it: the code already applied, "
        "the products in stock, the tracking in place. A message that sends its "
        "readers elsewhere loses them on a page that does not mention the offer, "
        "and splits the campaign's results across pages."
    )
    example = (
        "offer lancement { discount 15%; landing \"https://verdure.fr/printemps\" }\n\n"
        "message sms_relance {\n  channel sms\n  offer lancement\n"
        "  link \"https://verdure.fr/nouveautes?utm_source=sms&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )
    correction = (
        "offer lancement { discount 15%; landing \"https://verdure.fr/printemps\" }\n\n"
        "message sms_relance {\n  channel sms\n  offer lancement\n"
        "  link \"https://verdure.fr/printemps?utm_source=sms&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..text.urls import is_valid_http_url

        campaign = ctx.campaign
        by_offer: dict[str, list[tuple[Message, list[tuple[str, Text]]]]] = defaultdict(list)
        for message, offer in _promoting(campaign):
            pages = [(landing_page(link.value), link) for link in message.all_links()
                     if is_valid_http_url(link.value.strip())[0]]
            if pages:
                by_offer[offer.name].append((message, pages))
        for offer_name, items in by_offer.items():
            offer = campaign.offers[offer_name]
            landing = offer.landing.value.strip() if offer.landing is not None else ""
            if landing and is_valid_http_url(landing)[0]:
                reference = landing_page(landing)
                source = f"the offer `{offer_name}` lands on {reference}"
            else:
                if len(items) < 2:
                    continue
                counts: Counter = Counter()
                for _message, pages in items:
                    counts.update(dict.fromkeys((page for page, _ in pages), 1))
                order = {}
                for _message, pages in items:
                    for page, _ in pages:
                        order.setdefault(page, len(order))
                reference = min(counts, key=lambda p: (-counts[p], order[p]))
                first = next(m for m, pages in items if any(p == reference for p, _ in pages))
                source = f"message `{first.name}` links to {reference} for the same offer `{offer_name}`"
            for message, pages in items:
                if any(page == reference for page, _ in pages):
                    continue
                page, link = pages[0]
                yield ctx.finding(
                    self, link.span,
                    f"message `{message.name}` links to {page}, {source}",
                )

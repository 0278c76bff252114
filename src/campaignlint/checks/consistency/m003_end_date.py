"""M003 end-date-mismatch: the end date in the copy against the offer's `ends`, and late sends."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...resources import load_toml
from ...rule import Rule
from .._format import format_time, local_time
from ._shared import as_written, claims_in, promoting

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext
    from ...language.offers import OfferClaim


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


def _same_end(claim: "OfferClaim", text: str, language: str, ends: dt.date) -> bool:
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
        for message, offer in promoting(campaign):
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
                        _("message `{message}` is sent on {time}, after the offer `{offer}` ended on "
                          "{ends_text}").format(
                            message=message.name, time=format_time(sent), offer=offer.name,
                            ends_text=ends_text),
                    )
            for text in message.copy_texts():
                for claim in claims_in(text, message, campaign).end_dates:
                    if _same_end(claim, text.value, message.language, ends_day):
                        continue
                    yield ctx.finding(
                        self, text.span_of(claim.start, claim.end),
                        _("the copy gives {as_written} ({claim}) as the end date, the offer `{offer}` ends "
                          "on {ends_text}").format(
                            as_written=as_written(claim), claim=claim.value.isoformat(), offer=offer.name,
                            ends_text=ends_text),
                    )

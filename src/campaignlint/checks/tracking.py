"""U — tracking links.

The links of a message are its `link`s (and its variants'), plus the URLs
written with a scheme (``https://…``) in its copy.  A bare domain in copy
("verdure.fr/p", "Commandez sur kiosque-bio.fr") is display text, not a link
to track.  An offer's `landing` is checked by U005 only (it belongs to no
channel).

*Own* links go to the brand's site: its `website` (and its subdomains) or the
domain of one of the campaign's offers' `landing`.  The values the rules
expect are the channel's `utm_source` and `utm_medium` (from its profile) and
the campaign's identifier (the NAME after `campaign`) for `utm_campaign`, all
compared and written in lower case with `_` for spaces (the form U004 asks
for), so the fixes never contradict one another.

Fixes rewrite only the query string of the URL (other parameters, their order
and encoding, and the fragment are kept).  They are safe on a `link`; on a URL
written inside the copy they are unsafe (the reader sees the longer URL, and
the text may no longer fit the channel).  No fix is offered when the string
is written with escapes (the text in the file differs from its value).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..findings import Applicability, Finding, Fix, Severity
from ..model import Campaign, Message, Text
from ..rule import Rule, fix
from ._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext

_REQUIRED = ("utm_source", "utm_medium", "utm_campaign")


@dataclass(frozen=True)
class Link:
    """A URL to check: ``text.value[start:end] == url``."""

    url: str
    text: Text
    start: int
    end: int
    message: Message | None
    field: str  # "link", a copy field ("body", …) or "landing"

    @property
    def in_copy(self) -> bool:
        return self.field not in ("link", "landing")

    def describe(self, short: bool = False) -> str:
        """"link https://…", "URL https://… in the body"; ``short``: the page
        only, without query string and fragment ("link to https://verdure.fr/p")."""
        if short:
            from ..text.urls import page_of

            page = page_of(self.url)
            if self.field == "link":
                return f"link to {page}"
            return f"URL to {page} in the {self.field}"
        if self.field == "link":
            return f"link {self.url}"
        if self.field == "landing":
            return f"landing page {self.url}"
        return f"URL {self.url} in the {self.field}"


def message_links(message: Message) -> list[Link]:
    """A message's `link`s (its variants' too) and the URLs with a scheme in its copy."""
    from ..text.extract import extract_urls

    found = [Link(text.value, text, 0, len(text.value), message, "link") for text in message.all_links()]
    for text in message.copy_texts():
        for url in extract_urls(text.value, with_scheme_only=True):
            found.append(Link(url.text, text, url.start, url.end, message, text.field))
    return found


def own_sites(campaign: Campaign) -> list[str]:
    """The brand's website and the hosts of the offers' landing pages."""
    from ..text.urls import host_of

    sites = []
    if campaign.brand is not None and campaign.brand.website:
        sites.append(campaign.brand.website)
    for offer in campaign.offers.values():
        if offer.landing is not None:
            host = host_of(offer.landing.value)
            if host:
                sites.append(host)
    return list(dict.fromkeys(sites))


def is_own(url: str, sites: list[str]) -> bool:
    return _is_own(url, tuple(sites))


@functools.lru_cache(maxsize=4096)
def _is_own(url: str, sites: tuple[str, ...]) -> bool:
    """:func:`is_own`, memoised: five rules ask it of every link."""
    from ..text.urls import host_of, registrable_match

    host = host_of(url)
    return any(registrable_match(host, site) for site in sites)


@functools.lru_cache(maxsize=4096)
def _valid(url: str) -> bool:
    """Whether ``url`` is a valid http(s) URL (memoised: five rules ask it of every link)."""
    from ..text.urls import is_valid_http_url

    return is_valid_http_url(url)[0]


def expected_values(campaign: Campaign, message: Message | None) -> dict[str, str]:
    """The UTM values a link of ``message`` should carry (those that are known)."""
    from ..text.urls import normalise_utm_value

    values = {"utm_campaign": normalise_utm_value(campaign.name)}
    profile = campaign.channel_profile(message.channel) if message is not None else None
    if profile is not None:
        if profile.utm_source and profile.utm_source.strip():
            values["utm_source"] = normalise_utm_value(profile.utm_source)
        if profile.utm_medium and profile.utm_medium.strip():
            values["utm_medium"] = normalise_utm_value(profile.utm_medium)
    return values


def _tracked_links(campaign: Campaign, *, own_only: bool) -> Iterator[Link]:
    """Valid links of the campaign's messages; with ``own_only``, only links to
    the brand's site (every link when the campaign names no site at all)."""
    sites = own_sites(campaign)
    for message in campaign.messages:
        for link in message_links(message):
            if not _valid(link.url):
                continue
            if own_only and sites and not is_own(link.url, sites):
                continue
            yield link


def rewrite(ctx: "CampaignContext", link: Link, updates: dict[str, str], description: str) -> Fix | None:
    """A fix replacing the link by the URL with ``updates`` set in its query."""
    from ..text.urls import set_query_params

    span = link.text.span_of(link.start, link.end)
    source = ctx.source(span.path)
    if source is None or source.text[span.start:span.end] != link.url:
        return None  # written with escapes: leave it to the author
    new_url = set_query_params(link.url, updates, order=list(_REQUIRED))
    if new_url == link.url:
        return None
    applicability = Applicability.UNSAFE if link.in_copy else Applicability.SAFE
    return fix(applicability, [ctx.replace(span, new_url)], description)


def _where(link: Link):
    return link.text.span_of(link.start, link.end)


class LinkWithoutUtm(Rule):
    """A link to the brand's own site lacks `utm_source`, `utm_medium` or `utm_campaign`.

    Own links go to the brand's `website` (or a subdomain) or to the domain of
    an offer's `landing`.  The fix adds the missing parameters: the channel's
    `utm_source` and `utm_medium` and the campaign's identifier; it is offered
    when every missing value is known.  A campaign with no website and no
    landing page has no own links to check.
    """

    code = "U001"
    name = "link-without-utm"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "Without UTM parameters, visits from an email or an Instagram story land "
        "in the analytics as direct traffic: the campaign cannot tell which "
        "channel brought the sales, and budget decisions are made blind. Tag every "
        "link to your own site with its source, medium and campaign."
    )
    example = (
        "campaign soldes_hiver {\n  brand verdure   # website \"verdure.fr\"\n\n"
        "  message email_1 {\n    channel email\n    link \"https://verdure.fr/soldes\"\n  }\n}"
    )
    correction = (
        "campaign soldes_hiver {\n  brand verdure   # website \"verdure.fr\"\n\n"
        "  message email_1 {\n    channel email\n"
        "    link \"https://verdure.fr/soldes?utm_source=newsletter&utm_medium=email&utm_campaign=soldes_hiver\"\n  }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..text.urls import get_utm

        campaign = ctx.campaign
        if not own_sites(campaign):
            return
        for link in _tracked_links(campaign, own_only=True):
            utm = get_utm(link.url)
            missing = [key for key in _REQUIRED if not utm.get(key, "").strip()]
            if not missing:
                continue
            expected = expected_values(campaign, link.message)
            unknown = [key for key in missing if key not in expected]
            the_fix = None
            if not unknown:
                updates = {key: expected[key] for key in missing}
                the_fix = rewrite(ctx, link, updates, "add " + names(f"{k}={v}" for k, v in updates.items()))
            lacking = ", ".join(missing[:-1]) + " or " + missing[-1] if len(missing) > 1 else missing[0]
            message = f"{link.describe()} has no {lacking}"
            message += ": visits from it cannot be credited to the channel and the campaign"
            if unknown:
                channel = link.message.channel if link.message is not None else None
                message += (f" (channel `{channel}` declares no {names(unknown)} to add: set "
                            f"{'them' if len(unknown) > 1 else 'it'} in its `channel {channel}` block)")
            yield ctx.finding(self, _where(link), message, fix=the_fix)


class UtmSourceMismatch(Rule):
    """A link's `utm_source` does not match its channel's.

    Compared with the `utm_source` of the message's channel profile (built-in
    profiles declare one: `newsletter` for email, `instagram`…), ignoring case
    and spaces (U004's business).  Checks links to the brand's own site, or
    every link when the campaign names no website and no landing page.  The
    fix sets the channel's value.
    """

    code = "U002"
    name = "utm-source-mismatch"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "A link copied from the email into the SMS keeps utm_source=newsletter: "
        "the SMS's sales are then credited to the newsletter, and the channel "
        "that worked looks useless. Each channel's links must name that channel."
    )
    example = (
        "message sms_relance {\n  channel sms\n"
        "  link \"https://verdure.fr/printemps?utm_source=newsletter&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )
    correction = (
        "message sms_relance {\n  channel sms\n"
        "  link \"https://verdure.fr/printemps?utm_source=sms&utm_medium=sms&utm_campaign=printemps_2027\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..text.urls import get_utm, normalise_utm_value

        campaign = ctx.campaign
        for link in _tracked_links(campaign, own_only=True):
            value = get_utm(link.url).get("utm_source", "")
            expected = expected_values(campaign, link.message).get("utm_source")
            if not value.strip() or expected is None or normalise_utm_value(value) == expected:
                continue
            yield ctx.finding(
                self, _where(link),
                f"{link.describe(short=True)} has utm_source={value}, but channel `{link.message.channel}` "
                f"expects utm_source={expected}",
                fix=rewrite(ctx, link, {"utm_source": expected}, f"set utm_source={expected}"),
            )


class UtmCampaignMismatch(Rule):
    """A link's `utm_campaign` differs from the campaign's identifier.

    The identifier is the NAME after `campaign` (`campaign printemps_2027 {`),
    compared ignoring case and spaces (U004's business).  Checks links to the
    brand's own site, or every link when the campaign names no website and no
    landing page.  The fix sets the identifier.
    """

    code = "U003"
    name = "utm-campaign-mismatch"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "Analytics group visits and sales by utm_campaign: if the email says "
        "\"printemps\" and Instagram \"printemps_2027\", the campaign's results "
        "are split in two rows and neither tells the truth. All the links of a "
        "campaign must carry the same identifier."
    )
    example = (
        "campaign printemps_2027 {\n  message ig_bio {\n    channel instagram\n"
        "    link \"https://verdure.fr/printemps?utm_source=instagram&utm_medium=social&utm_campaign=printemps\"\n  }\n}"
    )
    correction = (
        "campaign printemps_2027 {\n  message ig_bio {\n    channel instagram\n"
        "    link \"https://verdure.fr/printemps?utm_source=instagram&utm_medium=social&utm_campaign=printemps_2027\"\n  }\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..text.urls import get_utm, normalise_utm_value

        campaign = ctx.campaign
        expected = normalise_utm_value(campaign.name)
        for link in _tracked_links(campaign, own_only=True):
            value = get_utm(link.url).get("utm_campaign", "")
            if not value.strip() or normalise_utm_value(value) == expected:
                continue
            yield ctx.finding(
                self, _where(link),
                f"{link.describe(short=True)} has utm_campaign={value}, but the campaign's identifier is {expected}",
                fix=rewrite(ctx, link, {"utm_campaign": expected}, f"set utm_campaign={expected}"),
            )


class UtmValueCase(Rule):
    """A UTM value has capitals or spaces.

    Looks at every `utm_*` parameter of every link (own site or not).  The fix
    writes the value in lower case with `_` for spaces ("Soldes Hiver" →
    "soldes_hiver").
    """

    code = "U004"
    name = "utm-value-case"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe on a `link` attribute; unsafe on a URL written in the copy, which the reader sees grow"
    why = (
        "Analytics tools treat utm values as case-sensitive text: \"Instagram\", "
        "\"instagram\" and \"instagram \" become three separate sources, and a "
        "space turns into %20 or + depending on who typed the link. One spelling, "
        "lower case with underscores, keeps a channel in one row."
    )
    example = (
        "message ig_bio {\n  channel instagram\n"
        "  link \"https://verdure.fr/soldes?utm_source=Instagram&utm_medium=social&utm_campaign=Soldes%20Hiver\"\n}"
    )
    correction = (
        "message ig_bio {\n  channel instagram\n"
        "  link \"https://verdure.fr/soldes?utm_source=instagram&utm_medium=social&utm_campaign=soldes_hiver\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..text.urls import get_utm, normalise_utm_value

        for link in _tracked_links(ctx.campaign, own_only=False):
            bad = {key: value for key, value in get_utm(link.url).items()
                   if value.strip() and value != normalise_utm_value(value)}
            if not bad:
                continue
            updates = {key: normalise_utm_value(value) for key, value in bad.items()}
            listed = names(f"{key} “{value}”" for key, value in bad.items())
            kinds = []
            if any(v != v.lower() for v in bad.values()):
                kinds.append("capitals")
            if any(any(c.isspace() for c in v) for v in bad.values()):
                kinds.append("spaces")
            yield ctx.finding(
                self, _where(link),
                f"{link.describe(short=True)}: {listed} {'has' if len(bad) == 1 else 'have'} "
                f"{' and '.join(kinds) or 'stray spaces'}: write "
                + names(f"{k}={v}" for k, v in updates.items()),
                fix=rewrite(ctx, link, updates, "write " + names(f"{k}={v}" for k, v in updates.items())),
            )


class InvalidLink(Rule):
    """A link is not a valid absolute http(s) web address.

    Checks messages' `link`s (and their variants'), URLs written with a scheme
    in copy, and offers' `landing`: the scheme (http or https), the host (a
    domain with its extension, or an IP address), the port, and no spaces.
    """

    code = "U005"
    name = "invalid-link"
    severity = Severity.ERROR
    why = (
        "A link without https://, with a space or a typo in the domain, opens "
        "nothing, or a search page, in many apps and email clients: every click "
        "the campaign paid for is lost."
    )
    example = "message email_1 {\n  channel email\n  link \"verdure.fr/soldes\"\n}"
    correction = "message email_1 {\n  channel email\n  link \"https://verdure.fr/soldes\"\n}"

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..text.urls import is_valid_http_url

        campaign = ctx.campaign
        links: list[Link] = []
        for offer in campaign.offers.values():
            if offer.landing is not None:
                links.append(Link(offer.landing.value, offer.landing, 0, len(offer.landing.value), None, "landing"))
        for message in campaign.messages:
            links.extend(message_links(message))
        for link in links:
            valid, reason = is_valid_http_url(link.url)
            if valid:
                continue
            shown = link.url if link.url.strip() else "(empty)"
            what = "link" if link.field == "link" else ("landing page" if link.field == "landing"
                                                         else f"URL in the {link.field}")
            yield ctx.finding(
                self, _where(link) if link.url else link.text.span,
                f"{what} “{shown}” is not a valid web address: {reason}",
            )

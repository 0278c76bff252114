"""What the U rules share: a message's links, the brand's own sites, the UTM values
expected, and the fix rewriting a link's query.

Private to the tracking family: other families do not import it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator, NamedTuple

from campaignlint.language import memo

from ...i18n import gettext as _
from ...i18n import pgettext
from ...findings import Applicability, Fix
from ...model import Campaign, Message, Text
from ...rule import fix

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")


class Link(NamedTuple):
    """A URL to check: ``text.value[start:end] == url``.

    A named tuple (immutable, as the frozen dataclass it was, and made in one call: a
    campaign has one for each link and each URL in its copy)."""

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
            from ...text.urls import page_of

            page = page_of(self.url)
            if self.field == "link":
                return _("link to {page}").format(page=page)
            return _("URL to {page} in the {field}").format(page=page, field=pgettext("field", self.field))
        if self.field == "link":
            return _("link {url}").format(url=self.url)
        if self.field == "landing":
            return _("landing page {url}").format(url=self.url)
        return _("URL {url} in the {field}").format(url=self.url, field=pgettext("field", self.field))


def message_links(message: Message) -> list[Link]:
    """A message's `link`s (its variants' too) and the URLs with a scheme in its copy."""
    from ...text.extract import extract_urls

    found = [Link(text.value, text, 0, len(text.value), message, "link") for text in message.all_links()]
    for text in message.copy_texts():
        for url in extract_urls(text.value, with_scheme_only=True):
            found.append(Link(url.text, text, url.start, url.end, message, text.field))
    return found


@memo.last_campaign
def _facts(campaign: Campaign) -> dict:
    """What the U rules work out of the last campaign they read, filled as they ask: its links,
    the lists of :func:`tracked_links`, the UTM values of :func:`expected_values` per channel.

    The five rules read the same campaign one after the other, so the last campaign's facts are
    kept (:func:`memo.last_campaign`); those of the campaign before are dropped with it."""
    return {}


def campaign_links(campaign: Campaign) -> tuple[Link, ...]:
    """:func:`message_links` of every message of the campaign, in order (a tuple: not to be changed)."""
    facts = _facts(campaign)
    links = facts.get("links")
    if links is None:
        links = facts["links"] = tuple(link for message in campaign.messages for link in message_links(message))
    return links


def own_sites(campaign: Campaign) -> list[str]:
    """The brand's website and the hosts of the offers' landing pages."""
    from ...text.urls import host_of

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
    from ...text.urls import host_of, registrable_match

    host = host_of(url)
    return any(registrable_match(host, site) for site in sites)


def expected_values(campaign: Campaign, message: Message | None) -> dict[str, str]:
    """The UTM values a link of ``message`` should carry (those that are known).

    They depend on the campaign and the message's channel alone, and U001 and U002 ask them of
    every link: kept per channel with the campaign's other facts (:func:`_facts`)."""
    channel = message.channel if message is not None else None
    by_channel = _facts(campaign).setdefault("expected", {})
    if channel not in by_channel:
        by_channel[channel] = _expected_values(campaign, message)
    return dict(by_channel[channel])


def _expected_values(campaign: Campaign, message: Message | None) -> dict[str, str]:
    """:func:`expected_values`, computed."""
    from ...text.urls import normalise_utm_value

    values = {"utm_campaign": normalise_utm_value(campaign.name)}
    profile = campaign.channel_profile(message.channel) if message is not None else None
    if profile is not None:
        if profile.utm_source and profile.utm_source.strip():
            values["utm_source"] = normalise_utm_value(profile.utm_source)
        if profile.utm_medium and profile.utm_medium.strip():
            values["utm_medium"] = normalise_utm_value(profile.utm_medium)
    return values


def tracked_links(campaign: Campaign, *, own_only: bool, valid_only: bool = True) -> Iterator[Link]:
    """Valid links of the campaign's messages (every link without ``valid_only``); with
    ``own_only``, only links to the brand's site (every link when the campaign names no site at all).

    U001, U002 and U003 ask for the same links of the same campaign one after the other: kept
    with the campaign's other facts (:func:`_facts`)."""
    facts = _facts(campaign)
    key = ("tracked", own_only, valid_only)
    if key not in facts:
        facts[key] = tuple(_tracked_links(campaign, own_only, valid_only))
    return iter(facts[key])


def _tracked_links(campaign: Campaign, own_only: bool, valid_only: bool) -> Iterator[Link]:
    """:func:`tracked_links`, computed."""
    from ...text.urls import is_valid_http

    sites = own_sites(campaign)
    sites_key = tuple(sites)
    for link in campaign_links(campaign):
        if valid_only and not is_valid_http(link.url):
            continue
        if own_only and sites and not _is_own(link.url, sites_key):
            continue
        yield link


def rewrite(ctx: "CampaignContext", link: Link, updates: dict[str, str], description: str) -> Fix | None:
    """A fix replacing the link by the URL with ``updates`` set in its query."""
    from ...text.urls import set_query_params

    span = link.text.span_of(link.start, link.end)
    source = ctx.source(span.path)
    if source is None or source.text[span.start:span.end] != link.url:
        return None  # written with escapes: leave it to the author
    new_url = set_query_params(link.url, updates, order=list(UTM_KEYS))
    if new_url == link.url:
        return None
    applicability = Applicability.UNSAFE if link.in_copy else Applicability.SAFE
    return fix(applicability, [ctx.replace(span, new_url)], description)


def link_span(link: Link):
    return link.text.span_of(link.start, link.end)

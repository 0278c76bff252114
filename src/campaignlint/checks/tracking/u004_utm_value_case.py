"""U004 utm-value-case."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...i18n import ngettext
from ...i18n import pgettext
from ...findings import Applicability, Finding, Severity
from ...rule import Rule
from .._format import names
from ._shared import link_span, rewrite, tracked_links

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class UtmValueCase(Rule):
    """A UTM value has capitals or spaces.

    Looks at every `utm_*` parameter of every link (own site or not), an
    invalid one too (U005 reports it: a space in the address): the team fixes
    the space and would still have `utm_source=Newsletter`.  The fix writes the
    value in lower case with `_` for spaces ("Soldes Hiver" → "soldes_hiver");
    an invalid link gets no fix until U005's problem is solved.
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
        from ...text.urls import get_utm, normalise_utm_value

        from ...text.urls import is_valid_http

        # an invalid link (U005: a space in it) is read too: once the space is fixed the
        # mis-cased values would still be there; it gets no fix until it is valid
        for link in tracked_links(ctx.campaign, own_only=False, valid_only=False):
            bad = {key: value for key, value in get_utm(link.url).items()
                   if value.strip() and value != normalise_utm_value(value)}
            if not bad:
                continue
            updates = {key: normalise_utm_value(value) for key, value in bad.items()}
            listed = names(f"{key} “{value}”" for key, value in bad.items())
            kinds = []
            if any(v != v.lower() for v in bad.values()):
                kinds.append(pgettext("utm", "capitals"))
            if any(any(c.isspace() for c in v) for v in bad.values()):
                kinds.append(pgettext("utm", "spaces"))
            written = names(f"{k}={v}" for k, v in updates.items())
            yield ctx.finding(
                self, link_span(link),
                ngettext("{link}: {listed} has {what}: write {written}",
                         "{link}: {listed} have {what}: write {written}", len(bad)).format(
                    link=link.describe(short=True), listed=listed,
                    what=_(" and ").join(kinds) or pgettext("utm", "stray spaces"), written=written),
                fix=rewrite(ctx, link, updates, _("write {text}").format(text=written))
                if is_valid_http(link.url) else None,
            )

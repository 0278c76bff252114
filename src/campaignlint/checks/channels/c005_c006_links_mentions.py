"""C005 too-many-links and C006 too-many-mentions: items counted over all the
text fields of a message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...text import extract
from ...i18n import ngettext
from ._shared import items_of, profiled_messages, quoted_names, versions

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _count_rule(rule: Rule, ctx: "CampaignContext", key: str, finder, counted, note: str = "") -> Iterator[Finding]:
    """Shared by C005 and C006: more items in the copy than `max <key>`."""
    for message, profile in profiled_messages(ctx.campaign):
        maximum = profile.maxima.get(key)
        if maximum is None:
            continue
        reported: set[tuple] = set()
        for version in versions(message):
            items = items_of(version, finder)
            if len(items) <= maximum:
                continue
            text, span = items[maximum]
            seen_key = (id(text), span.start, len(items))
            if seen_key in reported:
                continue
            reported.add(seen_key)
            extra = [s.text for _t, s in items[maximum:]]
            yield ctx.finding(
                rule, text.span_of(span.start, span.end),
                _("{label} has {plural}, more than the {maximum} allowed on {profile} (extra: "
                  "{quoted_names}{note})").format(
                    label=version.label, plural=counted(len(items)), maximum=maximum,
                    profile=profile.name, quoted_names=quoted_names(extra), note=note),
            )


class TooManyLinks(Rule):
    """More URLs in the copy than the channel's `max links`.

    URLs are found in every text field as twitter-text finds them, with or
    without `https://` (`verdure.fr/p` is a link).  The message's `link`
    attribute is its destination, not copy, and is not counted.
    """

    code = "C005"
    name = "too-many-links"
    severity = Severity.ERROR
    why = (
        "Platforms limit links per post (Threads: 5), and every extra link splits "
        "the reader's attention: one clear destination converts better than a list."
    )
    example = (
        "channel threads { max links 2 }\n\n"
        "message th_lancement {\n  channel threads\n"
        "  body \"La collection : verdure.fr/printemps, le making-of : verdure.fr/atelier, "
        "nos engagements : verdure.fr/engagements\"\n}"
    )
    correction = (
        "channel threads { max links 2 }\n\n"
        "message th_lancement {\n  channel threads\n"
        "  body \"La collection de printemps et son making-of : verdure.fr/printemps\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        yield from _count_rule(self, ctx, "links", extract.extract_urls,
                               lambda n: ngettext("{count} link", "{count} links", n).format(count=n),
                               _("; the `link` attribute is not counted"))


class TooManyMentions(Rule):
    """More mentions than the channel's `max mentions`.

    Mentions are `@name` as twitter-text finds them (an e-mail address such as
    `contact@verdure.fr` is not one), counted over every text field of the
    message.
    """

    code = "C006"
    name = "too-many-mentions"
    severity = Severity.WARNING
    why = (
        "Platforms cap mentions (Instagram: 20 per caption) and treat mass tagging "
        "as spam; the people tagged did not ask to be, and it shows."
    )
    example = (
        "channel instagram { max mentions 2 }\n\n"
        "message ig_merci {\n  channel instagram\n"
        "  body \"Merci à @lea_court, @tom_trail et @atelier_porto pour ce shooting !\"\n}"
    )
    correction = (
        "channel instagram { max mentions 2 }\n\n"
        "message ig_merci {\n  channel instagram\n"
        "  body \"Merci à @lea_court et @atelier_porto pour ce shooting !\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        yield from _count_rule(self, ctx, "mentions", extract.extract_mentions,
                               lambda n: ngettext("{count} mention", "{count} mentions", n).format(count=n))

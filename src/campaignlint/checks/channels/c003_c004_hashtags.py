"""C003 too-many-hashtags and C004 repeated-hashtag."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Finding, Severity
from ...rule import Rule, fix
from ...text import extract
from ...text.extract import Occurrence
from ._shared import items_of, profiled_messages, quoted_names, removal_edits, versions

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class TooManyHashtags(Rule):
    """More hashtags than the channel's `max hashtags`.

    Hashtags are found as twitter-text finds them (`#ModeDurable`, `#ÉtéDurable`;
    not `#16`, not a `#` inside a URL) in every text field of the message, and
    counted per message (each variant with its own copy).  The finding points
    at the first hashtag over the limit.  The fix (unsafe: it changes the copy)
    drops the extra hashtags from the end, each with one adjacent space.
    """

    code = "C003"
    name = "too-many-hashtags"
    severity = Severity.ERROR
    fix_applicability = (Applicability.UNSAFE,)
    why = (
        "Platforms cap hashtags and punish stuffing: since December 2025 Instagram "
        "accepts at most 5 per post, and a caption full of hashtags reads as spam. "
        "A few precise hashtags, including the campaign's own, do the work."
    )
    example = (
        "channel instagram\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱 #PortezLeChangement #ModeDurable #Printemps #Coton #Bio #Verdure\"\n}"
    )
    correction = (
        "channel instagram\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱 #PortezLeChangement #ModeDurable #Printemps\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in profiled_messages(ctx.campaign):
            maximum = profile.maxima.get("hashtags")
            if maximum is None:
                continue
            reported: set[tuple] = set()
            for version in versions(message):
                tags = items_of(version, extract.extract_hashtags)
                if len(tags) <= maximum:
                    continue
                text, span = tags[maximum]
                key = (id(text), span.start, len(tags))
                if key in reported:
                    continue
                reported.add(key)
                extra = tags[maximum:]
                edits = removal_edits(ctx, extra)
                removed = quoted_names(s.text for _t, s in extra)
                found = fix(Applicability.UNSAFE, edits, f"remove {removed}") if edits else None
                yield ctx.finding(
                    self, text.span_of(span.start, span.end),
                    _("{label} has {count} hashtags, more than the {maximum} allowed on {profile} (extra: "
                      "{quoted_names})").format(
                        label=version.label, count=len(tags), maximum=maximum, profile=profile.name,
                        quoted_names=quoted_names(s.text for _t, s in extra)),
                    fix=found,
                )


class RepeatedHashtag(Rule):
    """The same hashtag twice in one message.

    Hashtags are compared without regard to case but with their accents
    (`#Soldes` repeats `#soldes`; `#Eté` and `#Été` differ), over all the text
    fields of the message.  The finding points at the repeat; the safe fix
    removes it with one adjacent space.
    """

    code = "C004"
    name = "repeated-hashtag"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE,)
    why = (
        "A repeated hashtag adds nothing to reach (the post is already in that "
        "hashtag's feed) and takes room and attention: it looks careless."
    )
    example = (
        "channel twitter\n\n"
        "message tweet_1 {\n  channel twitter\n"
        "  body \"Les soldes d'hiver sont là : -30 % sur la collection ! #soldes #Soldes #mode\"\n}"
    )
    correction = (
        "channel twitter\n\n"
        "message tweet_1 {\n  channel twitter\n"
        "  body \"Les soldes d'hiver sont là : -30 % sur la collection ! #soldes #mode\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, _profile in profiled_messages(ctx.campaign):
            reported: set[tuple[int, int]] = set()
            for version in versions(message):
                first: dict[str, str] = {}
                for text, tag in items_of(version, extract.extract_hashtags):
                    key = _hashtag_key(tag)
                    if key not in first:
                        first[key] = tag.text
                        continue
                    if (id(text), tag.start) in reported:
                        continue
                    reported.add((id(text), tag.start))
                    edits = removal_edits(ctx, [(text, tag)])
                    same = "" if first[key] == tag.text else _(" (as {tag})").format(tag=first[key])
                    yield ctx.finding(
                        self, text.span_of(tag.start, tag.end),
                        _("hashtag {tag} is already used earlier in {label}{same}: remove the repeat").format(
                            tag=tag.text, label=version.label, same=same),
                        fix=fix(Applicability.SAFE, edits, f"remove the repeated {tag.text}") if edits else None,
                    )


def _hashtag_key(tag: Occurrence) -> str:
    """Hashtags compare without case but with accents: #Soldes = #soldes ≠ #Soldés."""
    return unicodedata.normalize("NFC", tag.value).casefold()

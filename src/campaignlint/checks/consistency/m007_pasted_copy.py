"""M007 pasted-copy: the same body pasted on two channels."""

from __future__ import annotations

import difflib
import functools
import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...language.scanning import DOMAIN, EMAIL, Alternation
from ...model import Message
from ...rule import Rule, Setting
from .._format import format_percent

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


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
        "message tweet_1 { channel twitter; body \"Les soldes sont là : -30 % sur toute la collection d'hiver "
        "avec le code HIVER30\" }\n"
        "message email_1 { channel email;   body \"Les soldes sont là : -30 % sur toute la collection d'hiver "
        "avec le code HIVER30 !\" }"
    )
    correction = (
        "message tweet_1 { channel twitter; body \"Les soldes sont là : -30 % sur toute la collection d'hiver "
        "avec le code HIVER30\" }\n"
        "message email_1 { channel email;   body \"\"\"\n    Bonjour,\n"
        "    Nos soldes d'hiver commencent : profitez de 30 % de remise\n"
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
                how = _("the same body as") if words == earlier_words else (
                    _("nearly the same body ({percent} similar) as").format(percent=format_percent(ratio * 100)))
                yield ctx.finding(
                    self, body.span,
                    _("message `{message}` on {channel} has {how} `{earlier}` on {channel2}: adapt the copy "
                      "to each channel").format(
                        message=message.name, channel=message.channel, how=how, earlier=earlier.name,
                        channel2=earlier.channel),
                )
                break
            seen.append((message, words))

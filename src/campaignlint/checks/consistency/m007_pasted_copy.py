"""M007 pasted-copy: the same body pasted on two channels."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from campaignlint.language import memo

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...language.url_masks import DOMAIN, EMAIL, Alternation
from ...model import Message
from ...rule import Rule, Setting
from .._format import format_percent

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


_URL_OR_TAG = Alternation(  # linear time even on a 100,000-character word
    re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE), DOMAIN, EMAIL,
    # a hashtag or mention not inside a word: ``(?<![\w&])[#＃@＠]\w+`` written sign first (the
    # look-behind then reads the character before the sign), so that ``re`` jumps from sign to sign
    re.compile(r"[#＃@＠](?<![\w&].)\w+", re.IGNORECASE),
)
# what a span of ``_URL_OR_TAG`` needs: ``http://``, ``www.``, a dot before two letters, ``@`` or ``#``
_DOT_LETTERS = re.compile(r"\.[a-z]{2}", re.IGNORECASE)  # ignoring case, [a-z] also takes "ı", which casefold keeps
_LITERAL_CUES = ("#", "@", "＃", "＠", "http://", "https://", "www.")


def _may_hold_url_or_tag(folded: str) -> bool:
    """False only if the case-folded ``folded`` holds no span of ``_URL_OR_TAG``.

    Substring tests in C before one search: in a case-folded text, ignoring case changes nothing
    for ``http://``, ``https://`` and ``www.`` (no character that ``re`` equates with h, t, p, s
    or w survives case folding), but it does for the dot before two letters."""
    return any(cue in folded for cue in _LITERAL_CUES) or _DOT_LETTERS.search(folded) is not None
# the words left once punctuation, symbols and ``_`` are blanked: runs of word characters but ``_``
_WORDS = re.compile(r"[^\W_]+")
# the same runs in a text without ``_``, where ``[^\W_]`` and ``\w`` take the same characters:
# ``re`` tests one category a character instead of a negated set (about a quarter faster)
_WORDS_NO_UNDERSCORE = re.compile(r"\w+")


def _words_of(text: str) -> list[str]:
    """``_WORDS.findall(text)``, with the plain ``\\w+`` pattern when ``text`` holds no ``_``."""
    return (_WORDS if "_" in text else _WORDS_NO_UNDERSCORE).findall(text)


def normalised_words(text: str, remove: tuple[str, ...] = ()) -> list[str]:
    """The words of a copy as compared by M007: lower-case, without URLs,
    domains, e-mail addresses, hashtags, mentions, punctuation, emoji and the
    given fixed phrases (the channel's opt-out text)."""
    return list(_normalised_words(text, tuple(remove)))


@memo.per_text(1024)
def _normalised_words(text: str, remove: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`normalised_words`, memoised (campaigns repeat bodies)."""
    text = text.casefold()
    for phrase in remove:
        if phrase:
            text = text.replace(phrase.casefold(), " ")
    if _may_hold_url_or_tag(text):  # most bodies hold none: spare the masks' scan
        text = _URL_OR_TAG.sub(" ", text)
    return tuple(_words_of(text))


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
        bodies: list[tuple[Message, object, tuple[str, ...]]] = []
        for message in campaign.messages:
            body = message.text("body")
            if body is None or not message.channel:
                continue
            profile = campaign.channel_profile(message.channel)
            opt_out = (profile.opt_out,) if profile is not None and profile.opt_out else ()
            words = _normalised_words(body.value, opt_out)
            if len(words) >= self.min_words:
                bodies.append((message, body, words))
        for index, earlier_index, ratio in _similar_pairs([words for _m, _b, words in bodies],
                                                         [m.channel for m, _b, _w in bodies], threshold):
            (message, body, words), (earlier, _body, earlier_words) = bodies[index], bodies[earlier_index]
            how = _("the same body as") if words == earlier_words else (
                _("nearly the same body ({percent} similar) as").format(percent=format_percent(ratio * 100)))
            yield ctx.finding(
                self, body.span,
                _("message `{message}` on {channel} has {how} `{earlier}` on {channel2}: adapt the copy "
                  "to each channel").format(
                    message=message.name, channel=message.channel, how=how, earlier=earlier.name,
                    channel2=earlier.channel),
            )


def _min_overlap(size: int, threshold: float) -> int:
    """A lower bound on the words two bodies share when one has ``size`` words and
    their ratio can reach ``threshold``: ``threshold·size/(2-threshold)`` (the
    length filter bounds the other's size), rounded down with a margin."""
    t = threshold - 1e-9
    if t <= 0:
        return 0
    return max(0, math.ceil(t * size / (2 - t) - 1e-6))


def _numbered(words: tuple[str, ...]) -> list[str]:
    """Each word of a body numbered by occurrence, so that repeats count: the
    first occurrence is the word itself, the k-th repeat the word, NUL and k in two
    characters (``("la", "robe", "la")`` → ``["la", "robe", "la\\x00\\x00\\x01"]``), in the body's order.

    One string a token, ordered as the pairs ``(word, k)`` would be: a word holds no NUL
    (it is ``\\w+``), so the word alone sorts before its repeats, its repeats by ``k`` (fixed
    width), and all of them before any longer word it begins."""
    counts = dict.fromkeys(words, 0)
    if len(counts) == len(words):
        return list(counts)  # no repeat
    tokens = []
    for word in words:
        k = counts[word]
        tokens.append(f"{word}\0{chr(k >> 16)}{chr(k & 0xFFFF)}" if k else word)
        counts[word] = k + 1
    return tokens


def _similar_pairs(bodies: list[tuple[str, ...]], channels: list[str], threshold: float) -> Iterator[tuple]:
    """For each body, the first earlier body on another channel at least ``threshold``
    similar (difflib's ratio of matching words): ``(index, earlier index, ratio)``.

    Near-linear: bodies that could reach the threshold must share at least
    :func:`_min_overlap` words, so — prefix filtering, as in set-similarity
    joins — each must share a word with the other's *prefix*: its words (each
    occurrence numbered, so repeats count) rarest first, all but the overlap
    minus one.  Only bodies indexed under one of a body's prefix words are
    compared, oldest first, through the same length bound, ``quick_ratio`` (counted on sets, in C) and
    ``ratio`` as before: no pair that reaches the threshold is missed.
    """
    if len(set(channels)) < 2:
        return  # every pair is on one channel
    numbered = [_numbered(words) for words in bodies]
    frequency: Counter = Counter()
    for tokens in numbered:
        frequency.update(tokens)
    rarity = frequency.__getitem__
    token_sets: list[frozenset[str] | None] = [None] * len(bodies)
    index: dict[str, list[int]] = {}
    for position, (words, tokens) in enumerate(zip(bodies, numbered)):
        # by (frequency, token), rarest first: sorted by token, then (stable) by frequency,
        # both with keys read in C
        token_sets[position] = frozenset(tokens)
        tokens.sort()
        tokens.sort(key=rarity)
        prefix = tokens[: len(tokens) - _min_overlap(len(tokens), threshold) + 1]
        candidates: set[int] = set()
        for token in prefix:
            candidates.update(index.get(token, ()))
        size = len(words)
        matcher: difflib.SequenceMatcher | None = None
        for earlier in sorted(candidates):
            if channels[earlier] == channels[position]:
                continue
            earlier_words = bodies[earlier]
            other = len(earlier_words)
            # difflib's real_quick_ratio (the upper bound the lengths allow), without a matcher
            if 2.0 * min(other, size) / (other + size) < threshold:
                continue
            # difflib's quick_ratio, by the same formula, from the numbered tokens' sets
            if 2.0 * _shared_words(token_sets, earlier, position) / (other + size) < threshold:
                continue
            if earlier_words == words:
                ratio = 1.0
            else:
                if matcher is None:  # index this body once (b2j), align it with each earlier one
                    matcher = difflib.SequenceMatcher(None, autojunk=False)
                    matcher.set_seq2(words)
                matcher.set_seq1(earlier_words)
                ratio = matcher.ratio()
            if ratio + 1e-9 < threshold:
                continue
            yield position, earlier, ratio
            break
        for token in prefix:
            index.setdefault(token, []).append(position)


def _shared_words(token_sets: list, first: int, second: int) -> int:
    """The words two bodies share, repeats counted (what difflib's ``quick_ratio`` counts, a
    word as many times as it occurs in both): their numbered tokens (:func:`_numbered`) stand
    for the pairs (word, k), so the multisets' intersection is the sets' intersection, in C."""
    return len(token_sets[first] & token_sets[second])

"""What several v2 families read: merge tags of a message, direct channels, frequency caps, journeys.

Shared by V, G, J, A and P006 (and by the existing families for merge tags),
so that no family imports another's private helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from campaignlint.language import memo

from ..model import Campaign, ChannelProfile, FrequencyCap, Message, Segment, TextField, Variable, seconds
from ..i18n import gettext as _
from ..rule import Setting
from ..source import Span
from ..text import merge_tags as mt

DIRECT_KINDS = ("email", "sms", "push", "chat", "voice")


# ---------------------------------------------------------------- merge tags

def tags(text: str) -> tuple[mt.Tag, ...]:
    if "{" not in text and "*|" not in text and "%%" not in text:
        return ()  # every tag opens with `{{`, `{%`, `*|` or `%%` (``mt.tokenize`` finds none): most copy
    from ..i18n import language

    return _tags(text, language())  # a malformed tag's `error` is in the run's language


@memo.per_text(4096)
def _tags(text: str, _language: str) -> tuple[mt.Tag, ...]:
    return tuple(mt.tokenize(text))


def message_tags(message: Message) -> Iterator[tuple[TextField, mt.Tag]]:
    """Every merge tag in the message's copy (its variants' too), with its field."""
    for text in message.copy_texts():
        for tag in tags(text.written):
            yield text, tag


def tag_span(text: TextField, tag: mt.Tag) -> Span:
    return text.span_of(tag.start, tag.end)


def find_variable(campaign: Campaign, tag: mt.Tag) -> Variable | None:
    """The variable a tag names: by NAME or alias, without case, `_` and `-` (language §6.3)."""
    field = tag.field
    if not field:
        return None
    key = mt.name_key(field)
    for variable in campaign.variables.values():
        if mt.name_key(variable.name) == key or any(mt.name_key(a) == key for a in variable.aliases):
            return variable
    return None


def field_spec(campaign: Campaign):
    """A lookup tag → FieldSpec for the length helpers of merge_tags."""

    def lookup(tag: mt.Tag) -> mt.FieldSpec | None:
        variable = find_variable(campaign, tag)
        if variable is None or variable.max_length is None:
            return None
        return mt.FieldSpec(variable.name, variable.max_length, variable.may_be_empty, variable.fallback)

    return lookup


# ---------------------------------------------------------------- channels and consent

def is_direct(profile: ChannelProfile | None) -> bool:
    return profile is not None and profile.kind in DIRECT_KINDS


def consent_of(segment: Segment, channel: str, profile: ChannelProfile | None) -> tuple[str, str] | None:
    """(key, basis) of the segment's consent for a channel: by its name, then by its kind."""
    if segment.consent is None:
        return None
    if channel in segment.consent:
        return channel, segment.consent[channel]
    kind = profile.kind if profile is not None else None
    if kind and kind in segment.consent:
        return kind, segment.consent[kind]
    return None


def segment_span(campaign: Campaign, segment: Segment, path: str) -> Span:
    """Where to report on a segment: its definition when in this file, else where the campaign names it."""
    if segment.span.path == path:
        return segment.span
    return campaign.spans.get(f"segment {segment.name}", campaign.span)


# ---------------------------------------------------------------- frequency caps

_CAP_TEXT = re.compile(r"^\s*(\d+)\s+per\s+(day|week|month)s?\s*$")


class FrequencySetting(Setting):
    """The configuration's `[frequency]` table: channel → "3 per week"."""

    def validate(self, value):
        if not isinstance(value, dict):
            raise ValueError(_("`{key}` is a table such as `email = \"3 per week\"`, not {value!r}").format(
                key=self.key, value=value))
        for channel, text in value.items():
            if not isinstance(text, str) or not _CAP_TEXT.match(text) or int(_CAP_TEXT.match(text).group(1)) < 1:
                raise ValueError(f"`{self.key}.{channel}` must read like \"3 per week\" (per day, week or month), "
                                 f"not {text!r}")
        return value


FREQUENCY = FrequencySetting("frequency", {}, "caps used when neither brand nor segment sets one: "
                             "`email = \"3 per week\"`", kind=dict)


def configured_caps(table: dict) -> dict[str, FrequencyCap]:
    caps = {}
    for channel, text in (table or {}).items():
        match = _CAP_TEXT.match(text)
        if match:
            caps[channel] = FrequencyCap(channel=channel, count=int(match.group(1)), period=match.group(2),
                                         span=Span("<configuration>", 0, 0))
    return caps


def cap_for(segment: Segment | None, campaign: Campaign, channel: str, profile: ChannelProfile | None,
            configured: dict[str, FrequencyCap]) -> FrequencyCap | None:
    """The segment's cap, else the brand's, else the configuration's; by channel name, then kind."""
    keys = [channel] + ([profile.kind] if profile is not None and profile.kind else [])
    tables = []
    if segment is not None:
        tables.append(segment.frequency)
    if campaign.brand is not None:
        tables.append(campaign.brand.frequency)
    tables.append(configured)
    for table in tables:
        for key in keys:
            if key in table:
                return table[key]
    return None


def over_cap(times: list[tuple[float, object]], cap: FrequencyCap) -> tuple[object, list[object]] | None:
    """Slide the cap's period over sorted (time in seconds, item): the first item over the cap, and its window."""
    ordered = sorted(times, key=lambda pair: pair[0])
    start = 0
    for end, (moment, item) in enumerate(ordered):
        while moment - ordered[start][0] >= cap.seconds:
            start += 1
        if end - start + 1 > cap.count:
            return item, [other for _, other in ordered[start:end]]
    return None


# ---------------------------------------------------------------- journeys

@dataclass
class JourneyStep:
    message: Message
    offset: float  # seconds after the root event
    path: list[Message]  # the messages before it on its path, first first


def journeys(campaign: Campaign) -> dict[str, list[JourneyStep]]:
    """Root event → every message reached from it (through trigger, after event, after message)."""
    by_name = {m.name: m for m in campaign.messages}
    followers: dict[str, list[Message]] = {}
    for message in campaign.messages:
        if message.after_message:
            followers.setdefault(message.after_message[0], []).append(message)
    result: dict[str, list[JourneyStep]] = {}
    for message in campaign.messages:
        root = message.trigger or (message.after_event[0] if message.after_event else None)
        if root is None:
            continue
        offset = seconds(message.after_event[1]) if message.after_event else 0.0
        steps = result.setdefault(root, [])
        stack = [(message, offset, [])]
        seen: set[str] = set()
        while stack:
            current, at, path = stack.pop()
            if current.name in seen:
                continue  # a cycle (J002)
            seen.add(current.name)
            steps.append(JourneyStep(current, at, path))
            for follower in followers.get(current.name, []):
                if follower.name in by_name:
                    stack.append((follower, at + seconds(follower.after_message[1]), path + [current]))
    return result


# ---------------------------------------------------------------- lengths with merge tags

def worst_case_text(campaign: Campaign, value: str) -> tuple[str, str]:
    """The text with each tag at its longest value, and the words saying so ("" without tags)."""
    if not tags(value):
        return value, ""
    rendered, done = mt.worst_case(value, field_spec(campaign), list(tags(value)))
    return rendered, _note(done, "is")


def shortest_text(campaign: Campaign, value: str) -> tuple[str, str]:
    if not tags(value):
        return value, ""
    rendered, done = mt.shortest(value, field_spec(campaign), list(tags(value)))
    return rendered, _note(done, "is", shortest=True)


def _note(done: list[mt.Substitution], verb: str, shortest: bool = False) -> str:
    if not done:
        return ""
    parts = []
    for sub in done:
        name = sub.variable or sub.tag.raw
        parts.append(_("`{name}` is empty").format(name=name) if shortest and sub.length == 0
                     else _("`{name}` is {length} long").format(name=name, length=sub.length))
    unique = list(dict.fromkeys(parts))
    return _(" when {conditions}").format(conditions=_(" and ").join(unique))


def cap_words(cap) -> str:
    """A frequency cap as a message says it: ``2 per week`` (``str(cap)``), « 2 par semaine »."""
    said = {"day": _("{count} per day"), "week": _("{count} per week"), "month": _("{count} per month")}
    return said[cap.period].format(count=cap.count) if cap.period in said else str(cap)

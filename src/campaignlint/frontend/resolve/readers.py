"""Small value readers the v2 constructs share (language §6): yes/no, hyphenated choices, day lists.

Kept apart from ``base.ValueReader`` so the v1 readers stay as they were: a v1
file never reaches this code (its keywords are all v1 ones).
"""

from __future__ import annotations

from typing import Any, Callable

from ...i18n import gettext as _
from ...i18n import N_
from ..tree import Node, Value
from .base import ValueReader, did_you_mean

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: channel kinds whose messages reach one person directly (consent, caps, journeys)
DIRECT_KINDS = ("email", "sms", "push", "chat", "voice")
#: keywords the v2 constructs add that open a `{ … }` block, and that may be repeated in one block
BLOCKS = {"variable", "event", "image", "video", "thumbnail", "asset", "placement"}
REPEATABLE = {"variable", "event", "image", "video", "thumbnail", "asset", "placement", "alias"}


def setter(r: ValueReader, target: Any, seen: set[str], place: str, key: str,
           read: Callable[[Node], Any]) -> Callable[[Node], None]:
    """A handler setting ``target.key`` once per block (``ValueReader.attribute_setter``)."""
    return r.attribute_setter(target, seen, place)(key, read)


def string(r: ValueReader, node: Node) -> str | None:
    return r.string(node)


def boolean(r: ValueReader, node: Node) -> bool | None:
    value = r.one(node, "name", what=N_("yes or no"))
    if value is None:
        return None
    if value.data not in ("yes", "no"):
        r.problem("E003", r.value_span(value), _("`{keyword}` is yes or no, not `{data}`").format(
                                                   keyword=node.keyword, data=value.data))
        return None
    return value.data == "yes"


def hyphenated(word: str) -> str:
    """``opt_in`` is a synonym of ``opt-in`` (§6.1)."""
    return word.replace("_", "-")


def choice_list(r: ValueReader, node: Node, choices: list[str]) -> list[str] | None:
    found = []
    for value in r.values(node, ("name",), many=True, what="one or more of " + ", ".join(choices)) or []:
        word = hyphenated(value.data) if "-" in "".join(choices) else value.data
        if word not in choices:
            r.problem("E003", r.value_span(value), _("`{data}` is not a valid `{keyword}`: use "
                                                     "{choices}{did_you_mean}").format(
                                                       data=value.data, keyword=node.keyword,
                                                       choices=', '.join(choices),
                                                       did_you_mean=did_you_mean(word, choices)))
            continue
        found.append(word)
    return found or None


def no_hyphen(r: ValueReader, node: Node) -> bool:
    """Reject hyphenated names where the language lists none (they were never names in v1)."""
    for value in node.values:
        if value.kind == "name" and "-" in value.data:
            r.problem("E003", r.value_span(value),
                      _("`{data}` is not a name here: names use letters, digits and _").format(data=value.data))
            return False
    return True


def reference(r: ValueReader, node: Node, what: str) -> str | None:
    """One plain name (an event, a placement…)."""
    value = r.one(node, "name", what=what)
    return value.data if value is not None and no_hyphen(r, node) else None


def weekdays(r: ValueReader, values: list[Value]) -> list[str] | None:
    """``monday .. saturday``, ``saturday, sunday`` (a range may wrap past sunday)."""
    days: list[str] = []
    for value in values:
        if value.kind == "range":
            low, high = value.data
            ends = [low.data.lower(), high.data.lower()] if low and high and low.kind == high.kind == "name" else []
            if not ends or any(day not in WEEKDAYS for day in ends):
                r.problem("E003", r.value_span(value), _("a range of days is two day names, e.g. monday .. saturday"))
                return None
            index, last = WEEKDAYS.index(ends[0]), WEEKDAYS.index(ends[1])
            while True:
                days.append(WEEKDAYS[index])
                if index == last:
                    break
                index = (index + 1) % 7
        elif value.kind == "name" and value.data.lower() in WEEKDAYS:
            days.append(value.data.lower())
        else:
            r.problem("E003", r.value_span(value), _("`{raw}` is not a day of the week (monday … sunday)").format(
                                                       raw=value.raw))
            return None
    return days


def add_named(r: ValueReader, bucket: dict, item: Any, kind: str, seen: dict) -> None:
    """Adds a named declaration (variable, event) unless its name was declared above (E005)."""
    if item is not None and r.duplicate_check(seen, item.name, item.span, kind):
        bucket[item.name] = item

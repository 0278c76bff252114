"""The shared value readers of the resolver: a node's values checked against what it takes.

``ValueReader`` knows one file's path and collects its problems; every block
module (``brand``, ``channel``, ``campaign``…) reads its nodes through it.  It
never stops at the first problem: every wrong value (E003), unknown keyword
(E002), duplicate (E005) is reported.
"""

from __future__ import annotations

import difflib
import functools
from typing import Any, Callable

from ...i18n import pgettext
from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ...source import Span
from ..problems import Problem
from ..hints import values_hint
from ..tree import KIND_WORDS, Node, Value

#: keywords that open a ``{ … }`` block (any other keyword given a block: E003); v2 added those from `variable` on
BLOCK_KEYWORDS = {"brand", "voice", "channel", "segment", "campaign", "objective", "offer", "message", "variant",
                  "rule", "variable", "event", "image", "video", "thumbnail", "asset", "placement"}
#: keywords that may appear more than once in one block (any other one twice: E005)
REPEATABLE = {"prefer", "avoid", "limit", "recommend", "max", "link", "headline", "description", "segment", "channel",
              "objective", "offer", "message", "variant", "rule",
              "variable", "event", "image", "video", "thumbnail", "asset", "placement", "alias",  # (v2 from variable)
              "accept"}


@functools.cache
def tone_words() -> tuple[tuple[str, ...], dict[str, str]]:
    """The tone words of rules/tones.toml, and its French (or other) words → tone word suggestions."""
    from ...resources import load_toml

    table = load_toml("tones.toml")
    return tuple(table.get("tones", {})), dict(table.get("suggest", {}))


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _(" (did you mean `{name}`?)").format(name=close[0]) if close else ""


def _words(kinds: tuple[str, ...]) -> str:
    names = [_(KIND_WORDS[kind]) if kind in KIND_WORDS else kind for kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + pgettext("list", " or ") + names[-1]


class ValueReader:
    """Reads the values of one file's nodes and collects the file's problems."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    # ------------------------------------------------------------ where, and what went wrong
    def span(self, start: int, end: int) -> Span:
        return Span(self.path, start, end)

    def value_span(self, value: Value) -> Span:
        return Span(self.path, value.start, value.end)

    def keyword_span(self, node: Node) -> Span:
        return Span(self.path, node.keyword_start, node.keyword_end)

    def header_span(self, node: Node) -> Span:
        """The node's header: keyword and values."""
        return Span(self.path, node.keyword_start, node.header_end)

    def problem(self, code: str, span: Span, message: str, fix=None) -> None:
        self.problems.append(Problem(code, span, message, fix))

    # ------------------------------------------------------------ values
    def valid(self, value: Value) -> bool:
        """False (and the problem reported) if the literal, or a bound of a range, could not be decoded."""
        if value.kind == "range":
            for bound in value.data:
                if bound is not None and bound.error:
                    self.problem("E003", self.value_span(bound), bound.error)
                    return False
        if value.error:
            code = value.error_code or ("E001" if value.kind == "string" else "E003")
            self.problem(code, self.value_span(value), value.error)
            return False
        if value.kind == "range":
            for bound in value.data:
                if bound is not None and bound.error:
                    self.problem("E003", self.value_span(bound), bound.error)
                    return False
        return True

    def values(self, node: Node, kinds: tuple[str, ...], *, many: bool = False, what: str = "") -> list[Value] | None:
        """The node's values if they all are of ``kinds``; reports E003 otherwise."""
        values = node.values
        label = _(what) if what else _words(kinds)  # `what`: a message id (N_) or a text already translated
        if not values:
            self.problem("E003", self.header_span(node), _("`{keyword}` needs a value: {label}").format(
                                                             keyword=node.keyword, label=label))
            return None
        if not many and len(values) > 1:
            hint = values_hint(node.groups, kinds)  # `34,90 EUR`, `1 234 EUR`: a French number
            if hint is not None:
                message, fix, start, end = hint
                self.problem("E003", self.span(start, end), message, fix)
                return None
            self.problem("E003", self.span(values[1].start, values[-1].end),
                         _("`{keyword}` takes one value ({label}), not {count}").format(
                             keyword=node.keyword, label=label, count=len(values)))
            return None
        ok = True
        for value in values:
            if value.kind not in kinds:
                self.problem("E003", self.value_span(value),
                             _("`{keyword}` expects {label}, not {describe} `{shown}`").format(
                                 keyword=node.keyword, label=label, describe=value.describe(),
                                 shown=self._shown(value)))
                ok = False
            elif not self.valid(value):
                ok = False
        return values if ok else None

    @staticmethod
    def _shown(value: Value) -> str:
        text = value.raw or ""
        return text if len(text) <= 40 else text[:37] + "…"

    def one(self, node: Node, *kinds: str, what: str = "") -> Value | None:
        found = self.values(node, kinds, what=what)
        return found[0] if found else None

    def string(self, node: Node) -> str | None:
        """The text of a node that takes one text in quotes."""
        return getattr(self.one(node, "string"), "data", None)

    def text(self, value: Value, cls=m.Text, **extra) -> m.Text:
        return cls(value=value.data, span=self.value_span(value), char_offsets=value.char_offsets,
                   char_ends=value.char_ends, **extra)

    def choice(self, node: Node, choices: list[str]) -> str | None:
        value = self.one(node, "name", what="one of " + ", ".join(choices))
        if value is None:
            return None
        if value.data not in choices:
            self.problem("E003", self.value_span(value), _("`{data}` is not a valid `{keyword}`: use one of "
                                                           "{choices}{did_you_mean}").format(
                                                             data=value.data, keyword=node.keyword,
                                                             choices=', '.join(choices),
                                                             did_you_mean=did_you_mean(value.data, choices)))
            return None
        return value.data

    def names(self, node: Node) -> list[str]:
        found = self.values(node, ("name",), many=True, what=N_("names separated by commas"))
        return [v.data for v in found] if found else []

    def tones(self, node: Node) -> list[str]:
        """Tone words: each must be one of rules/tones.toml (E003 otherwise, with the known words)."""
        found = self.values(node, ("name",), many=True, what=N_("tone words separated by commas"))
        if not found:
            return []
        known, suggest = tone_words()
        kept = []
        for value in found:
            if value.data in known:
                kept.append(value.data)
                continue
            guess = suggest.get(value.data.lower())
            hint = _(" (did you mean `{name}`?)").format(name=guess) if guess else did_you_mean(value.data, known)
            self.problem("E003", self.value_span(value), _("`{data}` is not a tone word campaignlint knows{hint}; "
                                                           "the tone words are: {words}").format(
                                                             data=value.data, hint=hint,
                                                             words=', '.join(sorted(known))))
        return kept

    def strings(self, node: Node) -> list[Value]:
        return self.values(node, ("string",), many=True, what=N_("texts in quotes separated by commas")) or []

    def integer(self, value: Value, keyword: str, minimum: int = 0) -> int | None:
        if value.error or value.data is None:  # a number out of bounds (literals): its own E003, once
            self.valid(value)
            return None
        number = value.data
        if number != number.to_integral_value() or number < minimum:
            self.problem("E003", self.value_span(value),
                         _("`{keyword}` must be a whole number of at least {minimum}, not {value}").format(
                             keyword=keyword, minimum=minimum, value=value.raw))
            return None
        return int(number)

    def money(self, node: Node) -> m.Money | None:
        value = self.one(node, "money", what=N_("an amount with its currency, e.g. 5_000 EUR"))
        if value is None:
            return None
        amount, currency = value.data
        if amount < 0:
            self.problem("E003", self.value_span(value), _("`{keyword}` cannot be negative ({value})").format(
                                                             keyword=node.keyword, value=value.raw))
        return m.Money(amount=amount, currency=currency)

    def language(self, node: Node) -> str | None:
        value = self.one(node, "name", what=N_("a language code such as fr or en"))
        if value is None:
            return None
        code = value.data.lower()
        if not (2 <= len(code) <= 3 and code.isalpha()):
            self.problem("E003", self.value_span(value),
                         _("`{data}` is not a language code (use two letters: fr, en, es, de…)").format(
                             data=value.data))
            return None
        return code

    def funnel_stage(self, value: Value, campaign: m.Campaign) -> str | None:
        """A reference to a stage of the campaign's funnel (E004 if it has no such stage)."""
        if value.data not in campaign.funnel:
            stages = ", ".join(campaign.funnel)
            self.problem("E004", self.value_span(value), _("`{data}` is not a stage of this campaign's "
                                                           "funnel ({stages}){did_you_mean}").format(
                                                             data=value.data, stages=stages,
                                                             did_you_mean=did_you_mean(value.data, campaign.funnel)))
            return None
        return value.data

    # ------------------------------------------------------------ blocks
    def unknown(self, node: Node, place: str, allowed) -> None:
        self.problem("E002", self.keyword_span(node),
                     _("`{keyword}` is not something a {place} can have{did_you_mean}").format(
                         keyword=node.keyword, place=place, did_you_mean=did_you_mean(node.keyword, allowed)))

    def named(self, node: Node, what: str) -> tuple[str | None, list[Node]]:
        """A ``keyword NAME { … }`` node: its name and children."""
        values = node.values
        if not values or values[0].kind != "name":
            self.problem("E003", self.header_span(node), _("`{keyword}` needs a name right after it "
                                                           "(letters, digits and _), e.g. `{keyword} {what}`").format(
                                                             keyword=node.keyword, what=what))
            return None, node.children or []
        if len(values) > 1:
            self.problem("E003", self.span(values[1].start, values[-1].end),
                         _("only a name may follow `{keyword}`; put the settings inside `{{ … }}`").format(
                             keyword=node.keyword))
        return values[0].data, node.children or []

    def duplicate_check(self, seen: dict[str, Span], name: str, span: Span, kind: str) -> bool:
        if name in seen:
            first = seen[name]
            where = _("above") if first.path == span.path else _("in {path}").format(path=first.path)
            self.problem("E005", span, _("{kind} `{name}` is defined twice (first {where})").format(
                                           kind=kind, name=name, where=where))
            return False
        seen[name] = span
        return True

    def walk(self, children: list[Node], place: str, handlers: dict[str, Callable[[Node], Any]]) -> None:
        for child in children:
            handler = handlers.get(child.keyword)
            if handler is None:
                self.unknown(child, place, handlers)
                continue
            if child.children is not None and child.keyword not in BLOCK_KEYWORDS:
                self.problem("E003", self.span(child.block_start, child.block_start + 1),
                             _("`{keyword}` does not take a `{{ … }}` block").format(keyword=child.keyword))
                continue
            handler(child)

    def once(self, seen: set[str], node: Node, place: str) -> bool:
        if node.keyword in seen and node.keyword not in REPEATABLE:
            self.problem("E005", self.keyword_span(node), _("`{keyword}` is set twice in this {place}").format(
                                                              keyword=node.keyword, place=place))
            return False
        seen.add(node.keyword)
        return True

    def attribute_setter(self, target: Any, seen: set[str], place: str):
        """``attr(key, read)``: a handler that sets ``target.key`` (and its span) to what ``read`` gives.

        Each keyword is taken once per block (``once``); nothing is set when
        ``read`` gives None (it reported why).
        """
        def attr(key: str, read: Callable[[Node], Any]) -> Callable[[Node], None]:
            def handler(child: Node) -> None:
                if self.once(seen, child, place):
                    value = read(child)
                    if value is not None:
                        setattr(target, key, value)
                        target.spans[key] = self.header_span(child)
            return handler
        return attr

"""Merge tags in copy: the five syntaxes of the sending platforms (language §6.3).

``tokenize(text)`` finds every tag of every syntax at once — so a rule can say
that a ``*|FNAME|*`` is Mailchimp's on a Brevo channel — with its span in the
text, its variable name, its filters and inline fallback, and, for a tag that
is not well formed, why (``error``).  Block tags (``{% if %}``, ``*|IF:X|*``)
are matched: an opener without its end, or an end without its opener, carries
an error.  Nothing here raises on any input.

| shape | syntaxes that write it |
|---|---|
| ``{{ first_name }}``, ``{{ customer.first_name }}``, ``{{${first_name}}}`` | liquid |
| ``{{ contact.FIRSTNAME }}`` | liquid, hubspot, brevo |
| ``{{ personalization_token("contact.firstname", "ami") }}`` | hubspot |
| ``{% if … %}`` … ``{% endif %}`` | liquid, hubspot, brevo |
| ``*|FNAME|*``, ``*|IF:FNAME|*`` … ``*|END:IF|*`` | mailchimp |
| ``%%FirstName%%``, ``%%[ … ]%%``, ``%%= … =%%`` | sfmc |

Single-brace Google Ads customizers (``{KeyWord:Pain}``) are not merge tags.
The length helpers render a text with each tag at its worst case (its
variable's ``max length``, or its fallback if longer) or its shortest (its
fallback, or nothing when the field may be empty).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from ..i18n import gettext as _

SYNTAXES = ("liquid", "mailchimp", "hubspot", "brevo", "sfmc")
#: the value a channel's ``merge tags`` takes when it cannot personalise
NO_SYNTAX = "none"

_SHAPE_SYNTAXES = {
    "liquid": frozenset({"liquid"}),
    "contact": frozenset({"liquid", "hubspot", "brevo"}),
    "hubspot": frozenset({"hubspot"}),
    "block": frozenset({"liquid", "hubspot", "brevo"}),
    "mailchimp": frozenset({"mailchimp"}),
    "sfmc": frozenset({"sfmc"}),
}
#: how each syntax writes a tag of variable NAME (for V005's rewrite)
_SPELLING = {
    "liquid": "{{{{ {name} }}}}",
    "hubspot": "{{{{ contact.{name} }}}}",
    "brevo": "{{{{ contact.{name} }}}}",
    "mailchimp": "*|{name}|*",
    "sfmc": "%%{name}%%",
}
_SYNTAX_NAMES = {"liquid": "Liquid", "mailchimp": "Mailchimp", "hubspot": "HubSpot", "brevo": "Brevo",
                 "sfmc": "Salesforce Marketing Cloud"}

_LIQUID_OPENERS = {"if", "unless", "for", "case", "capture", "comment", "raw", "tablerow", "macro", "block",
                   "with", "filter", "ifchanged", "paginate", "form", "schema", "style", "javascript"}
_MAILCHIMP_OPENERS = {"IF", "IFNOT", "INTERESTED", "ELSEIF"}
_OPENER = re.compile(r"\{\{|\{%|\*\||%%")
_IDENT = re.compile(r"[A-Za-z_][\w\-]*(?:\.[A-Za-z_$][\w\-{}$]*)*")
_QUOTED = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*""")


@dataclass(frozen=True)
class Tag:
    """One merge tag found in a text (offsets into that text)."""

    start: int
    end: int
    raw: str
    shape: str  # liquid contact hubspot block mailchimp sfmc
    kind: str  # variable block script literal
    name: str | None = None  # as written: "contact.FIRSTNAME", "FNAME"
    fallback: str | None = None  # an inline fallback (`default` filter, personalization_token)
    filters: tuple[str, ...] = ()
    error: str | None = None  # why the tag is malformed
    block: str | None = None  # for block tags: "if", "endif", "IF", "END:IF"…

    @property
    def field(self) -> str | None:
        """The contact field the tag names: the last part of a dotted name."""
        if not self.name:
            return None
        return self.name.rsplit(".", 1)[-1]

    @property
    def syntaxes(self) -> frozenset[str]:
        return _SHAPE_SYNTAXES[self.shape]

    @property
    def is_variable(self) -> bool:
        return self.kind == "variable" and self.error is None and bool(self.name)

    def fits(self, syntax: str) -> bool:
        """Does a channel whose ``merge tags`` is ``syntax`` read this tag?"""
        return syntax in self.syntaxes


def name_key(name: str) -> str:
    """Names compare without case and ignoring ``_`` and ``-`` (``FIRSTNAME`` = ``first_name``)."""
    return re.sub(r"[_\-]", "", name).casefold()


def syntax_name(syntax: str) -> str:
    return _SYNTAX_NAMES.get(syntax, syntax)


def spelling(syntax: str, name: str) -> str:
    """How ``syntax`` writes a tag of variable ``name``."""
    return _SPELLING[syntax].format(name=name)


def shape_name(tag: Tag) -> str:
    """In words, whose syntax the tag is written in."""
    if tag.shape == "contact":
        return _("HubSpot or Brevo")
    if tag.shape == "block":
        return "Liquid"
    return syntax_name("hubspot" if tag.shape == "hubspot" else tag.shape)


# ------------------------------------------------------------------ tokenizer

def tokenize(text: str) -> list[Tag]:
    """Every merge tag in ``text``, in order (malformed ones carry ``error``)."""
    if not any(opener in text for opener in ("{{", "{%", "*|", "%%")):
        return []
    tags: list[Tag] = []
    index = 0
    length = len(text)
    while index < length:
        match = _OPENER.search(text, index)
        if match is None:
            break
        start = match.start()
        opener = match.group(0)
        if opener == "{{":
            tag = _double_brace(text, start)
        elif opener == "{%":
            tag = _block(text, start)
        elif opener == "*|":
            tag = _mailchimp(text, start)
        else:
            tag = _sfmc(text, start)
        if tag is None:
            index = start + 2
            continue
        tags.append(tag)
        index = max(tag.end, start + 2)
    return _balance(tags)


def _next_opener(text: str, start: int, close: int) -> bool:
    """Does another tag open between ``start`` and ``close``?"""
    found = _OPENER.search(text, start, close)
    return found is not None


def _unclosed(text: str, start: int, stop_chars: str, expected: str, shape: str, kind: str = "variable") -> Tag:
    end = start + 2
    while end < len(text) and text[end] not in stop_chars and text[end] != "\n":
        end += 1
    # a half closer (`}`, `|`, `%`) belongs to the broken tag
    while end < len(text) and text[end] in "}|*%" and end - start < 200:
        if text.startswith(expected, end):
            break
        end += 1
    raw = text[start:end].rstrip()
    return Tag(start, start + len(raw), raw, shape, kind,
               error=_("`{raw}` is not closed: `{expected}` is missing").format(raw=raw, expected=expected))


def _double_brace(text: str, start: int) -> Tag:
    body_start = start + 2
    rest = text[body_start:]
    close = text.find("}}", body_start)
    if rest.lstrip().startswith("${"):  # Braze `{{${first_name}}}`
        brace = text.find("}", body_start)
        close = text.find("}}", brace + 1) if brace != -1 else -1
    if close == -1 or _next_opener(text, body_start, close) or "\n\n" in text[body_start:close]:
        return _unclosed(text, start, "{\"", "}}", "liquid")
    end = close + 2
    raw = text[start:end]
    inner = text[body_start:close].strip()
    if not inner:
        return Tag(start, end, raw, "liquid", "variable",
                   error=_("`{raw}` is empty: it names no field").format(raw=raw))
    head, filters, error = _split_filters(inner)
    token = re.match(r"personalization_token\s*\((.*)\)\s*$", head, re.S)
    if token:
        args = [m.group(1) if m.group(1) is not None else m.group(2) for m in _QUOTED.finditer(token.group(1))]
        if not args:
            return Tag(start, end, raw, "hubspot", "variable",
                       error=_("`{raw}`: personalization_token needs the field in quotes").format(raw=raw))
        return Tag(start, end, raw, "hubspot", "variable", name=args[0],
                   fallback=args[1] if len(args) > 1 else None, error=error)
    head = head.strip()
    if head[:1] in "\"'" or re.match(r"-?\d", head):
        return Tag(start, end, raw, "liquid", "literal", filters=tuple(f[0] for f in filters), error=error)
    braze = re.fullmatch(r"\$\{\s*([A-Za-z_][\w.\-]*)\s*\}", head)
    name = braze.group(1) if braze else None
    if name is None:
        ident = _IDENT.fullmatch(head)
        if ident is None:
            ident = _IDENT.match(head)
            if ident is None:
                return Tag(start, end, raw, "liquid", "literal", error=error)
        name = ident.group(0)
    fallback = None
    for filter_name, argument in filters:
        if filter_name == "default":
            quoted = _QUOTED.fullmatch(argument or "")
            if quoted is None:
                error = error or _("`{raw}`: the `default` filter needs its value in quotes "
                                   "(default: \"ami\")").format(raw=raw)
            else:
                fallback = quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
    shape = "contact" if name.lower().startswith("contact.") else "liquid"
    return Tag(start, end, raw, shape, "variable", name=name, fallback=fallback,
               filters=tuple(f[0] for f in filters), error=error)


def _split_filters(inner: str) -> tuple[str, list[tuple[str, str | None]], str | None]:
    """``first_name | default: "ami" | capitalize`` → head, [(filter, argument)], error."""
    parts: list[str] = []
    current: list[str] = []
    quote = ""
    depth = 0
    for char in inner:
        if quote:
            current.append(char)
            if char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    filters: list[tuple[str, str | None]] = []
    error = None
    for part in parts[1:]:
        match = re.match(r"\s*([A-Za-z_]\w*)\s*(?::\s*(.*)|\((.*)\))?\s*$", part, re.S)
        if match is None:
            error = error or _("`{part}` is not a filter").format(part=part.strip())
            continue
        argument = match.group(2) if match.group(2) is not None else match.group(3)
        filters.append((match.group(1), argument.strip() if argument is not None else None))
    return parts[0], filters, error


def _block(text: str, start: int) -> Tag:
    close = text.find("%}", start + 2)
    if close == -1 or _next_opener(text, start + 2, close):
        return _unclosed(text, start, "{\"", "%}", "block", "block")
    end = close + 2
    raw = text[start:end]
    inner = text[start + 2 : close].strip().lstrip("-").rstrip("-").strip()
    word = re.match(r"[A-Za-z_]\w*", inner)
    if word is None:
        return Tag(start, end, raw, "block", "block", error=_("`{raw}` names no instruction").format(raw=raw))
    return Tag(start, end, raw, "block", "block", block=word.group(0))


def _mailchimp(text: str, start: int) -> Tag | None:
    close = text.find("|*", start + 2)
    if close != -1 and not _next_opener(text, start + 2, close) and "\n" not in text[start:close]:
        raw = text[start : close + 2]
        inner = text[start + 2 : close].strip()
        if not inner:
            return Tag(start, close + 2, raw, "mailchimp", "variable",
                       error=_("`{raw}` is empty: it names no field").format(raw=raw))
        head, _sep, rest = inner.partition(":")
        if head.upper() in _MAILCHIMP_OPENERS or head.upper() in ("END", "ELSE"):
            block = f"END:{rest.upper()}" if head.upper() == "END" else head.upper()
            return Tag(start, close + 2, raw, "mailchimp", "block", name=rest or None, block=block)
        if not re.fullmatch(r"[A-Za-z0-9_]+(?::[A-Za-z0-9_/\- ]+)?", inner):
            return Tag(start, close + 2, raw, "mailchimp", "variable",
                       error=_("`{raw}` is not a merge tag name").format(raw=raw))
        return Tag(start, close + 2, raw, "mailchimp", "variable", name=inner)
    # `*|FNAME|` or `*|FNAME`: only when a field name follows, else it is not a tag at all
    if not re.match(r"\*\|[A-Za-z_][A-Za-z0-9_:]*", text[start:]):
        return None
    return _unclosed(text, start, " ,.;!?\"'", "|*", "mailchimp")


def _sfmc(text: str, start: int) -> Tag | None:
    following = text[start + 2 : start + 3]
    if following in ("[", "="):
        closer = "]%%" if following == "[" else "=%%"
        close = text.find(closer, start + 3)
        if close == -1:
            return _unclosed(text, start, "\"", closer, "sfmc", "script")
        end = close + 3
        return Tag(start, end, text[start:end], "sfmc", "script")
    match = re.match(r"%%([A-Za-z_][A-Za-z0-9_]*)(%%|%)?", text[start:])
    if match is None:
        return None
    end = start + match.end()
    raw = text[start:end]
    if match.group(2) != "%%":
        return Tag(start, end, raw, "sfmc", "variable",
                   error=_("`{raw}` is not closed: `%%` is missing").format(raw=raw))
    return Tag(start, end, raw, "sfmc", "variable", name=match.group(1))


def _balance(tags: list[Tag]) -> list[Tag]:
    """Mark block openers without their end, and ends without their opener."""
    result = list(tags)
    stacks: dict[str, list[int]] = {"block": [], "mailchimp": []}
    for position, tag in enumerate(tags):
        if tag.kind != "block" or tag.error or not tag.block:
            continue
        stack = stacks["mailchimp" if tag.shape == "mailchimp" else "block"]
        if tag.shape == "mailchimp":
            word = tag.block
            if word in ("IF", "IFNOT", "INTERESTED"):
                stack.append(position)
            elif word.startswith("END:"):
                kind = word[4:] or "IF"
                opener = next((i for i in reversed(stack) if _mc_family(tags[i].block) == kind), None)
                if opener is None:
                    result[position] = _with_error(tag, _("`{raw}` closes no `{opener}`").format(
                        raw=tag.raw, opener=f"*|{kind}:…|*"))
                else:
                    del stack[stack.index(opener):]
            continue
        word = tag.block
        if word in _LIQUID_OPENERS:
            stack.append(position)
        elif word.startswith("end") and word[3:] in _LIQUID_OPENERS:
            opener = next((i for i in reversed(stack) if tags[i].block == word[3:]), None)
            if opener is None:
                result[position] = _with_error(tag, _("`{raw}` closes no `{opener}`").format(
                    raw=tag.raw, opener=f"{{% {word[3:]} %}}"))
            else:
                del stack[stack.index(opener):]
    for position in stacks["block"]:
        tag = tags[position]
        result[position] = _with_error(tag, _("`{raw}` has no `{closer}`").format(
            raw=tag.raw, closer=f"{{% end{tag.block} %}}"))
    for position in stacks["mailchimp"]:
        tag = tags[position]
        family = _mc_family(tag.block)
        result[position] = _with_error(tag, _("`{raw}` has no `{closer}`").format(
            raw=tag.raw, closer=f"*|END:{family}|*"))
    return result


def _mc_family(word: str | None) -> str:
    return "INTERESTED" if word == "INTERESTED" else "IF"


def _with_error(tag: Tag, error: str) -> Tag:
    return Tag(tag.start, tag.end, tag.raw, tag.shape, tag.kind, tag.name, tag.fallback, tag.filters, error,
               tag.block)


# ------------------------------------------------------------------ system tags

@functools.cache
def _system_lists() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    from ..resources import load_toml

    data = load_toml("merge_tags.toml")
    lists = {}
    for syntax in SYNTAXES:
        table = data.get(syntax, {})
        unsubscribe = frozenset(name_key(n) for n in table.get("unsubscribe", []))
        others = frozenset(name_key(n) for n in table.get("tags", []))
        lists[syntax] = (unsubscribe, unsubscribe | others)
    return lists


def _matches(name: str, entries: frozenset[str]) -> bool:
    key = name_key(name)
    if key in entries:
        return True
    return any(entry.endswith(".") and key.startswith(entry) for entry in entries)


def is_system(tag: Tag, syntaxes: Iterable[str] | None = None) -> bool:
    """A tag the platform fills itself (``*|UNSUB|*``, ``{{ unsubscribe }}``…): no variable needed."""
    if not tag.name:
        return False
    lists = _system_lists()
    for syntax in syntaxes or tag.syntaxes:
        if syntax in lists and _matches(tag.name, lists[syntax][1]):
            return True
    return False


def is_unsubscribe(tag: Tag) -> bool:
    """A system tag that puts an unsubscribe link in the message (D001)."""
    if tag.kind == "block" and tag.block in ("unsubscribe", "manage_preferences"):  # Klaviyo `{% unsubscribe %}`
        return True
    if not tag.name:
        return False
    lists = _system_lists()
    return any(_matches(tag.name, lists[s][0]) for s in tag.syntaxes if s in lists)


# ------------------------------------------------------------------ copy with tags

def masked(text: str, tags: list[Tag] | None = None, fill: str = " ") -> str:
    """``text`` with every tag blanked (same length): what copy rules read (a neutral token)."""
    tags = tokenize(text) if tags is None else tags
    if not tags:
        return text
    pieces: list[str] = []
    position = 0
    for tag in tags:
        pieces.append(text[position : tag.start])
        pieces.append(fill * (tag.end - tag.start))
        position = tag.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass(frozen=True)
class Substitution:
    """What a tag was counted as in a rendered text."""

    tag: Tag
    variable: str | None
    length: int


def render(text: str, value: Callable[[Tag], str | None], tags: list[Tag] | None = None
           ) -> tuple[str, list[Substitution]]:
    """``text`` with every tag replaced by ``value(tag)`` (None: keep the tag as written).

    Block and script tags render as nothing.
    """
    tags = tokenize(text) if tags is None else tags
    if not tags:
        return text, []
    pieces: list[str] = []
    done: list[Substitution] = []
    position = 0
    for tag in tags:
        pieces.append(text[position : tag.start])
        position = tag.end
        if tag.kind in ("block", "script") and not tag.error:
            continue
        replacement = value(tag)
        if replacement is None:
            pieces.append(tag.raw)
            continue
        pieces.append(replacement)
        done.append(Substitution(tag, tag.field, len(replacement)))
    pieces.append(text[position:])
    return "".join(pieces), done


@dataclass(frozen=True)
class FieldSpec:
    """What length rules need of a variable."""

    name: str
    max_length: int
    may_be_empty: bool = True
    fallback: str | None = None


def worst_case(text: str, lookup: Callable[[Tag], FieldSpec | None], tags: list[Tag] | None = None
               ) -> tuple[str, list[Substitution]]:
    """``text`` with each variable tag at its longest: ``max length`` (or a longer fallback).

    The filler is ASCII, so it counts as basic GSM-7 on SMS.
    """

    def longest(tag: Tag) -> str | None:
        spec = lookup(tag) if tag.is_variable else None
        if spec is None:
            return None
        candidates = [spec.max_length]
        for fallback in (tag.fallback, spec.fallback):
            if fallback is not None:
                candidates.append(len(fallback))
        return "x" * max(candidates)

    return render(text, longest, tags)


def shortest(text: str, lookup: Callable[[Tag], FieldSpec | None], tags: list[Tag] | None = None
             ) -> tuple[str, list[Substitution]]:
    """``text`` with each variable tag at its shortest: its fallback, or nothing if it may be empty."""

    def least(tag: Tag) -> str | None:
        spec = lookup(tag) if tag.is_variable else None
        if spec is None:
            return None
        if not spec.may_be_empty:
            return "x"
        fallback = tag.fallback if tag.fallback is not None else spec.fallback
        return fallback if fallback is not None else ""

    return render(text, least, tags)

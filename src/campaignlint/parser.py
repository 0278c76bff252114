"""The front end: `.camp` source text → a concrete tree of nodes with positions.

The Lark LALR grammar (``grammar/camp.lark``) gives the shape; this module
decodes every literal into a Python value (keeping where it came from) and turns
Lark's errors into messages a marketer understands.  Comments are collected by
the lexer so that ``# noqa`` stays reachable.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .resources import grammar_path

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}
DURATION_UNITS = {
    "year": "years", "years": "years", "month": "months", "months": "months",
    "week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
    "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
    "second": "seconds", "seconds": "seconds",
}
#: bytes per unit of a file size (1024-based, as upload forms count; language §6.1)
FILE_SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3}
MAX_NESTING = 32
#: longest text (in characters, between the quotes) one string may hold; longer
#: ones are reported (E008) instead of being handed to the rules and to spaCy
MAX_STRING_LENGTH = 100_000


@dataclass
class Value:
    """One literal, decoded.  ``data`` holds the Python value (None if invalid)."""

    kind: str  # name string number percent money date datetime time duration range
    raw: str
    start: int
    end: int
    data: Any = None
    error: str | None = None
    #: for strings: the source offset of every decoded character, plus the end
    char_offsets: list[int] | None = None
    #: for strings: where each decoded character ends in the source
    char_ends: list[int] | None = None
    signed: bool = False  # percents and numbers written with an explicit sign
    #: the finding code of ``error`` when it is not the usual one (E008: a limit)
    error_code: str | None = None
    long: bool = False  # long string

    def describe(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind)


KIND_WORDS = {
    "name": "a name",
    "string": "a text in quotes",
    "number": "a number",
    "percent": "a percentage",
    "money": "an amount of money",
    "date": "a date",
    "datetime": "a date and time",
    "time": "a time of day",
    "duration": "a duration",
    "range": "a range",
    "ratio": "a ratio",
    "filesize": "a file size",
}


@dataclass
class Node:
    keyword: str
    keyword_start: int
    keyword_end: int
    groups: list[list[Value]]
    children: list["Node"] | None
    start: int
    end: int
    block_start: int | None = None
    block_end: int | None = None

    @property
    def values(self) -> list[Value]:
        return [value for group in self.groups for value in group]

    @property
    def header_end(self) -> int:
        if self.groups:
            return self.groups[-1][-1].end
        return self.keyword_end


@dataclass
class Comment:
    start: int
    end: int
    text: str


@dataclass
class Document:
    nodes: list[Node]
    comments: list[Comment] = field(default_factory=list)


@dataclass
class SyntaxProblem(Exception):
    """A syntax error, in words: where, what was found, what was expected."""

    offset: int
    end: int
    message: str

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return self.message


_COMMENTS: list[Token] = []


def _collect_comment(token: Token) -> Token:
    _COMMENTS.append(token)
    return token


def _grammar_cache_file(grammar: str) -> str | bool:
    """Where Lark keeps the built parser between runs (saves ~50 ms a process).

    A file in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``), never
    the shared temporary folder: Lark stores it with pickle.  Lark checks the
    grammar's hash stored in the file before using it, and rebuilds (and
    rewrites) a file that is stale or damaged.  ``CAMPAIGNLINT_NO_GRAMMAR_CACHE=1``
    or an unwritable cache folder: no cache.
    """
    import hashlib
    import os
    import sys
    from pathlib import Path

    if os.environ.get("CAMPAIGNLINT_NO_GRAMMAR_CACHE"):
        return False
    try:
        import lark

        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "campaignlint"
        base.mkdir(parents=True, exist_ok=True)
        if not os.access(base, os.W_OK):
            return False
        digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
        return str(base / f"grammar-{digest}-lark{lark.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle")
    except (OSError, RuntimeError):
        return False


@functools.cache
def _lark() -> Lark:
    grammar = grammar_path().read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,
        maybe_placeholders=False,
        lexer_callbacks={"COMMENT": _collect_comment},
        cache=_grammar_cache_file(grammar),
    )


# ---------------------------------------------------------------- literals

_ESCAPE = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_UNICODE_ESCAPE = re.compile(r"u\{([0-9A-Fa-f]{1,6})\}")


def _decode_escapes(body: str, base: int) -> tuple[list[str], list[int], list[int], str | None, int]:
    """Decode escapes: the characters, where each starts and ends in the source, an error."""
    length = len(body)
    if "\\" not in body and "\r" not in body:  # the usual case: every character stands for itself
        return list(body), list(range(base, base + length)), list(range(base + 1, base + length + 1)), None, 0
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0

    def add(char: str, start: int, end: int) -> None:
        chars.append(char)
        starts.append(base + start)
        ends.append(base + end)

    while index < length:
        char = body[index]
        if char == "\\" and index + 1 < length:
            following = body[index + 1]
            if following in _ESCAPE:
                add(_ESCAPE[following], index, index + 2)
                index += 2
                continue
            if following == "\r" and body[index + 2 : index + 3] == "\n":
                index += 3  # a backslash at a line end joins the lines
                continue
            if following == "\n":
                index += 2
                continue
            match = _UNICODE_ESCAPE.match(body, index + 1)
            if match:
                code = int(match.group(1), 16)
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    return chars, starts, ends, f"`\\u{{{match.group(1)}}}` is not a Unicode character", base + index
                add(chr(code), index, match.end())
                index = match.end()
                continue
            return chars, starts, ends, (
                f"`\\{following}` is not a known escape in a text "
                "(use \\\" \\\\ \\n \\t or \\u{…})"
            ), base + index
        if char == "\r" and body[index + 1 : index + 2] == "\n":
            add("\n", index, index + 2)  # CRLF inside a long string reads as a newline
            index += 2
            continue
        add(char, index, index + 1)
        index += 1
    return chars, starts, ends, None, 0


def _cleandoc(chars: list[str]) -> list[int]:
    """``inspect.cleandoc`` on a list of characters: the positions it keeps."""
    lines: list[list[int]] = [[]]
    breaks: list[int] = []  # position of the newline ending each line
    for position, char in enumerate(chars):
        if char == "\n":
            breaks.append(position)
            lines.append([])
        else:
            lines[-1].append(position)

    def indent(line: list[int]) -> int:
        count = 0
        for position in line:
            if chars[position] in " \t":
                count += 1
            else:
                return count
        return -1  # blank

    margins = [indent(line) for line in lines[1:]]
    margin = min((m for m in margins if m >= 0), default=0)
    first = lines[0]
    while first and chars[first[0]] in " \t":
        first.pop(0)
    lines = [first] + [line[margin:] if indent(line) >= 0 else [] for line in lines[1:]]
    lines = [line if any(chars[p] not in " \t" for p in line) else [] for line in lines]
    numbered = list(enumerate(lines))
    while numbered and not numbered[0][1]:
        numbered.pop(0)
    while numbered and not numbered[-1][1]:
        numbered.pop()
    kept: list[int] = []
    for index, (number, line) in enumerate(numbered):
        if index:
            kept.append(breaks[number - 1])
        kept.extend(line)
    return kept


def _number(text: str) -> Decimal:
    return Decimal(text.replace("_", ""))


def _decode(kind: str, token: Token) -> Value:
    raw = str(token)
    start = token.start_pos
    end = token.end_pos
    value = Value(kind=kind, raw=raw, start=start, end=end)
    try:
        if kind == "name":
            value.data = raw
        elif kind in ("string", "long_string"):
            quote = 3 if kind == "long_string" else 1
            body = raw[quote:-quote]
            if len(body) > MAX_STRING_LENGTH:
                value.kind = "string"
                value.error_code = "E008"
                # no exact count in the message: re-indenting a long string (fmt) must not change it
                value.error = (f"this text is longer than {MAX_STRING_LENGTH:,} characters, the most one text "
                               "may hold: split it or shorten it")
                return value
            chars, starts, ends, error, where = _decode_escapes(body, start + quote)
            if error:
                value.error = error
                value.start, value.end = where, where + 2
                value.kind = "string"
                return value
            if kind == "long_string":
                kept = _cleandoc(chars)
                chars = [chars[p] for p in kept]
                starts = [starts[p] for p in kept]
                ends = [ends[p] for p in kept]
                value.long = True
            value.kind = "string"
            value.data = "".join(chars)
            value.char_offsets = starts + [end - quote]
            value.char_ends = ends
        elif kind == "number":
            value.data = _number(raw)
            value.signed = raw[0] in "+-"
        elif kind == "percent":
            number = raw.rstrip("%").strip(" \t\u00a0\u202f")
            value.data = _number(number)
            value.signed = raw[0] in "+-"
        elif kind == "money":
            match = re.match(r"([+-]?\d[\d_]*(?:\.\d+)?)[ \t]*(.*)$", raw)
            assert match
            currency = match.group(2).strip()
            value.data = (_number(match.group(1)), CURRENCY_SYMBOLS.get(currency, currency))
        elif kind == "date":
            value.data = _date(raw)
        elif kind == "datetime":
            date_part, time_part = re.split(r"T|[ \t]+", raw, maxsplit=1)
            value.data = dt.datetime.combine(_date(date_part), _time(time_part))
        elif kind == "time":
            value.data = _time(raw)
        elif kind == "duration":
            match = re.match(r"(\d+(?:\.\d+)?)[ \t]*([a-z]+)", raw)
            assert match
            value.data = (Decimal(match.group(1)), DURATION_UNITS[match.group(2)])
        elif kind == "ratio":
            value.data = parse_ratio(raw)
        elif kind == "filesize":
            match = re.match(r"(\d[\d_]*(?:\.\d+)?)[ \t]*([A-Za-z]+)", raw)
            assert match
            value.data = int(_number(match.group(1)) * FILE_SIZE_UNITS[match.group(2)])
    except (ValueError, InvalidOperation) as error:
        value.error = str(error)
    return value


def parse_ratio(text: str) -> tuple[Decimal, Decimal]:
    """``"1.91:1"`` → (1.91, 1); both sides positive (language §6.1)."""
    left, _, right = text.partition(":")
    width, height = Decimal(left), Decimal(right)
    if width <= 0 or height <= 0:
        raise ValueError(f"{text} is not a ratio: both sides must be above zero (for example 4:5)")
    return width, height


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text} is not a real date (check the day and the month)") from None


def _time(text: str) -> dt.time:
    parts = [int(p) for p in text.split(":")]
    if parts[0] > 23 or parts[1] > 59 or (len(parts) > 2 and parts[2] > 59):
        raise ValueError(f"{text} is not a time of day (hours 00-23, minutes 00-59)")
    return dt.time(*parts)


class _ToNodes(Transformer):
    """Builds ``Node``/``Value`` objects while the LALR parser runs."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)

    def start(self, items):
        return [item for item in items if isinstance(item, Node)]

    def node(self, items):
        keyword: Token = items[0]
        groups = [item for item in items[1:] if isinstance(item, list)]
        block = next((item for item in items[1:] if isinstance(item, tuple)), None)
        end = keyword.end_pos
        if groups:
            end = groups[-1][-1].end
        node = Node(
            keyword=str(keyword),
            keyword_start=keyword.start_pos,
            keyword_end=keyword.end_pos,
            groups=groups,
            children=None,
            start=keyword.start_pos,
            end=end,
        )
        if block is not None:
            node.children, node.block_start, node.block_end = block
            node.end = node.block_end
        return node

    def block(self, items):
        open_token, close_token = items[0], items[-1]
        children = [item for item in items[1:-1] if isinstance(item, Node)]
        return (children, open_token.start_pos, close_token.end_pos)

    def group(self, items):
        return list(items)

    def range(self, items):
        low = high = None
        operator = None
        for item in items:
            if isinstance(item, Token) and item.type == "RANGE_OP":
                operator = item
            elif operator is None:
                low = item
            else:
                high = item
        start = low.start if low else operator.start_pos
        end = high.end if high else operator.end_pos
        value = Value(kind="range", raw="", start=start, end=end, data=(low, high))
        for bound in (low, high):
            if bound is not None and bound.error and not value.error:
                value.error = bound.error
        return value

    def name(self, items):
        return _decode("name", items[0])

    def string(self, items):
        return _decode("string", items[0])

    def long_string(self, items):
        return _decode("long_string", items[0])

    def number(self, items):
        return _decode("number", items[0])

    def percent(self, items):
        return _decode("percent", items[0])

    def money(self, items):
        return _decode("money", items[0])

    def date(self, items):
        return _decode("date", items[0])

    def datetime(self, items):
        return _decode("datetime", items[0])

    def time(self, items):
        return _decode("time", items[0])

    def duration(self, items):
        return _decode("duration", items[0])

    def ratio(self, items):
        return _decode("ratio", items[0])

    def filesize(self, items):
        return _decode("filesize", items[0])


@functools.cache
def _building_lark() -> Lark:
    """The same LALR parser with ``_ToNodes`` applied while it parses.

    Lark then builds no intermediate tree: nodes and values are made as the rules
    reduce (about a third faster than parse-then-transform).  It shares the
    grammar cache file of ``_lark()`` (a transformer is not part of Lark's key).
    """
    grammar = grammar_path().read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,
        maybe_placeholders=False,
        lexer_callbacks={"COMMENT": _collect_comment},
        transformer=_ToNodes(),
        cache=_grammar_cache_file(grammar),
    )


# ----------------------------------------------------------------- errors

_TOKEN_WORDS = {
    "NAME": "a name", "STRING": "a text in quotes", "LONG_STRING": "a long text",
    "NUMBER": "a number", "PERCENT": "a percentage", "MONEY": "an amount",
    "DATE": "a date", "DATETIME": "a date and time", "TIME": "a time",
    "DURATION": "a duration", "RATIO": "a ratio", "FILESIZE": "a file size", "LBRACE": "`{`", "RBRACE": "`}`", "SEMICOLON": "`;`",
    "_COMMA": "`,`", "COMMA": "`,`", "RANGE_OP": "`..`", "_NL": "a new line",
    "$END": "the end of the file",
}


def _describe_token(token: Token) -> str:
    if token.type == "$END":
        return "the end of the file"
    if token.type == "_NL":
        return "the end of the line"
    word = _TOKEN_WORDS.get(token.type, token.type)
    text = str(token)
    if len(text) > 30:
        text = text[:27] + "…"
    return f"{word} `{text}`" if token.type not in ("LBRACE", "RBRACE", "SEMICOLON", "RANGE_OP") else word


def _open_blocks(text: str, upto: int) -> list[tuple[int, str]]:
    """The ``{`` still open at ``upto``, innermost last, with their keyword.

    Indentation is used the way a reader uses it: a ``}`` indented like an
    outer block's header closes that outer block, so the inner block it skips
    is the one missing its ``}`` (it is then the innermost of the result).
    """
    stack: list[tuple[int, str, int]] = []
    skipped: list[tuple[int, str, int]] = []
    try:
        tokens = list(_lark().lex(text[:upto], dont_ignore=False))
    except UnexpectedInput:
        tokens = []
    for token in tokens:
        line_start = text.rfind("\n", 0, token.start_pos) + 1
        line = text[line_start : token.start_pos]
        indent = len(line) - len(line.lstrip(" \t"))
        if token.type == "LBRACE":
            header = line.strip()
            stack.append((token.start_pos, header.split()[0] if header else "block", indent))
        elif token.type == "RBRACE" and stack:
            if line.strip() == "" and len(stack) > 1 and indent < stack[-1][2]:
                for depth in range(len(stack) - 2, -1, -1):
                    if stack[depth][2] == indent:
                        skipped.extend(stack[depth + 1 :])
                        del stack[depth + 1 :]
                        break
            stack.pop()
    return [(start, keyword) for start, keyword, _indent in stack + skipped]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _explain_syntax_error(text: str, error: UnexpectedInput) -> SyntaxProblem:
    offset = getattr(error, "pos_in_stream", None)
    if isinstance(error, UnexpectedCharacters):
        offset = error.pos_in_stream
        char = text[offset] if offset < len(text) else ""
        if char == '"':
            if offset >= 2 and text[offset - 2 : offset] == '""':
                offset -= 2
            if text.startswith('"""', offset):
                return SyntaxProblem(offset, offset + 3, 'this long text is not closed: `"""` expected to end it')
            return SyntaxProblem(offset, offset + 1, "this text is not closed: a `\"` is missing before the end of the line")
        if char == "{":
            return SyntaxProblem(offset, offset + 1, "`{` must follow a keyword on the same line (for example `message teaser {`)")
        if char == "}":
            return SyntaxProblem(offset, offset + 1, "this `}` closes no block")
        word_start = offset
        while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in '{};,"':
            word_start -= 1
        if char.isdigit() or (word_start < offset and text[word_start].isdigit()):
            offset = word_start
            word = re.match(r"[^\s{};,]+", text[offset:])
            found = word.group(0) if word else char
            return SyntaxProblem(offset, offset + len(found), f"`{found}` is not a value campaignlint understands (dates are written 2027-03-01, times 09:00, amounts 49.90 EUR, percentages 20%)")
        shown = repr(char)[1:-1] if char and not char.isprintable() else char
        return SyntaxProblem(offset, offset + 1, f"unexpected character `{shown}` here")
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        opened = _open_blocks(text, len(text))
        if opened:
            start, keyword = opened[-1]
            line = _line_of(text, start)
            return SyntaxProblem(max(len(text) - 1, 0), len(text), f"`}}` expected to close the `{keyword}` block opened on line {line}")
        return SyntaxProblem(max(len(text) - 1, 0), len(text), "the file ends in the middle of a statement")
    assert isinstance(error, UnexpectedToken)
    token = error.token
    offset = token.start_pos if token.start_pos is not None else 0
    end = token.end_pos if token.end_pos is not None else offset + 1
    expected = set(error.expected)
    if token.type == "RBRACE":
        return SyntaxProblem(offset, end, "this `}` closes no block")
    if token.type == "LBRACE":
        return SyntaxProblem(offset, end, "`{` cannot open a block here: a block follows a keyword and its values, on the same line")
    if token.type in ("_NL", "SEMICOLON"):
        return SyntaxProblem(offset, end, "a value is missing before the end of the line (after a `,` another value must follow)")
    if expected <= {"_COMMA", "_NL", "SEMICOLON", "LBRACE", "RBRACE", "RANGE_OP", "$END"} or "_NL" in expected or "SEMICOLON" in expected:
        return SyntaxProblem(offset, end, f"{_describe_token(token)} cannot follow here: end the statement with a new line or `;` first")
    words = sorted({_TOKEN_WORDS.get(name, name) for name in expected})
    return SyntaxProblem(offset, end, f"{_describe_token(token)} is not expected here (expected {', '.join(words[:4])})")


def _nesting_depth(nodes: list[Node], depth: int = 1) -> int:
    deepest = depth
    for node in nodes:
        if node.children:
            deepest = max(deepest, _nesting_depth(node.children, depth + 1))
    return deepest


def _check_depth(text: str) -> None:
    depth = 0
    in_string = False
    index = 0
    # cheap pre-scan so a hostile file cannot blow the parser's stack
    for index, char in enumerate(text):
        if char == '"':
            in_string = not in_string
        elif not in_string:
            if char == "{":
                depth += 1
                if depth > MAX_NESTING:
                    raise SyntaxProblem(index, index + 1, f"blocks are nested more than {MAX_NESTING} deep here")
            elif char == "}":
                depth -= 1
            elif char == "\n":
                in_string = False


def parse(text: str) -> Document:
    """Parse decoded source text (BOM already removed).  Raises SyntaxProblem."""
    _check_depth(text)
    _COMMENTS.clear()
    try:
        nodes = _building_lark().parse(text)
    except UnexpectedInput as error:
        raise _explain_syntax_error(text, error) from None
    comments = [Comment(t.start_pos, t.end_pos, str(t)) for t in _COMMENTS]
    _COMMENTS.clear()
    return Document(nodes=nodes, comments=comments)

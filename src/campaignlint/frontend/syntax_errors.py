"""Lark's syntax errors in words: where, what was found, what was expected (E001)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..i18n import gettext as _
from .grammar import lark_parser
from .hints import character_hint, safe_fix, time_hint


@dataclass
class SyntaxProblem(Exception):
    """A syntax error, in words: where, what was found, what was expected."""

    offset: int
    end: int
    message: str
    fix: Any = None  # a findings.Fix when the correction is certain (``hints``)

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return self.message



_TOKEN_WORDS = {
    "NAME": "a name", "STRING": "a text in quotes", "LONG_STRING": "a long text",
    "NUMBER": "a number", "PERCENT": "a percentage", "MONEY": "an amount",
    "DATE": "a date", "DATETIME": "a date and time", "TIME": "a time",
    "DURATION": "a duration", "RATIO": "a ratio", "FILESIZE": "a file size",
    "LBRACE": "`{`", "RBRACE": "`}`", "SEMICOLON": "`;`",
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
        tokens = list(lark_parser().lex(text[:upto], dont_ignore=False))
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


def explain_syntax_error(text: str, error: UnexpectedInput) -> SyntaxProblem:
    offset = getattr(error, "pos_in_stream", None)
    if isinstance(error, UnexpectedCharacters):
        offset = error.pos_in_stream
        char = text[offset] if offset < len(text) else ""
        if char == '"':
            if offset >= 2 and text[offset - 2 : offset] == '""':
                offset -= 2
            if text.startswith('"""', offset):
                return SyntaxProblem(offset, offset + 3, _('this long text is not closed: `"""` expected to end it'))
            return SyntaxProblem(offset, offset + 1,
                                 _("this text is not closed: a `\"` is missing before the end of the line"))
        if char == "{":
            return SyntaxProblem(offset, offset + 1,
                                 _("`{` must follow a keyword on the same line (for example `message teaser {`)"))
        if char == "}":
            return SyntaxProblem(offset, offset + 1, _("this `}` closes no block"))
        hinted = character_hint(text, offset) if char else None
        if hinted is not None:
            return SyntaxProblem(*hinted)
        word_start = offset
        while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in '{};,"':
            word_start -= 1
        if char.isdigit() or (word_start < offset and text[word_start].isdigit()):
            offset = word_start
            word = re.match(r"[^\s{};,]+", text[offset:])
            found = word.group(0) if word else char
            hinted = time_hint(found)
            if hinted is not None:
                end = offset + len(found)
                return SyntaxProblem(offset, end, hinted[0], safe_fix(offset, end, hinted[1]))
            return SyntaxProblem(offset, offset + len(found),
                                 _("`{found}` is not a value campaignlint understands (dates are written "
                                   "2027-03-01, times 09:00, amounts 49.90 EUR, percentages 20%)").format(
                                     found=found))
        shown = repr(char)[1:-1] if char and not char.isprintable() else char
        return SyntaxProblem(offset, offset + 1, _("unexpected character `{shown}` here").format(shown=shown))
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        opened = _open_blocks(text, len(text))
        if opened:
            start, keyword = opened[-1]
            line = _line_of(text, start)
            return SyntaxProblem(max(len(text) - 1, 0), len(text),
                                 _("`}}` expected to close the `{keyword}` block opened on line {line}").format(
                                     keyword=keyword, line=line))
        return SyntaxProblem(max(len(text) - 1, 0), len(text), _("the file ends in the middle of a statement"))
    assert isinstance(error, UnexpectedToken)
    token = error.token
    offset = token.start_pos if token.start_pos is not None else 0
    end = token.end_pos if token.end_pos is not None else offset + 1
    expected = set(error.expected)
    if token.type == "RBRACE":
        return SyntaxProblem(offset, end, _("this `}` closes no block"))
    if token.type == "LBRACE":
        return SyntaxProblem(offset, end, "`{` cannot open a block here: a block follows a keyword and its values, "
                                          "on the same line")
    if token.type in ("_NL", "SEMICOLON"):
        return SyntaxProblem(offset, end, "a value is missing before the end of the line "
                                          "(after a `,` another value must follow)")
    if (expected <= {"_COMMA", "_NL", "SEMICOLON", "LBRACE", "RBRACE", "RANGE_OP", "$END"}
            or "_NL" in expected or "SEMICOLON" in expected):
        return SyntaxProblem(offset, end, _("{describe_token} cannot follow here: end the statement with a "
                                            "new line or `;` first").format(
                                              describe_token=_describe_token(token)))
    words = sorted({_TOKEN_WORDS.get(name, name) for name in expected})
    return SyntaxProblem(offset, end,
                         _("{describe_token} is not expected here (expected {words})").format(
                             describe_token=_describe_token(token), words=', '.join(words[:4])))


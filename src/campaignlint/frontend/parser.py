"""Source text → parse tree (``tree.Document``), or a ``SyntaxProblem`` (E001).

The Lark LALR grammar (``grammar/camp.lark``) gives the shape; ``literals``
decodes every value as the parser reduces (keeping where it came from) and
``syntax_errors`` turns Lark's errors into messages a marketer understands.

Comments are ignored by the grammar but kept for ``# noqa`` and the formatter:
the lexer hands each one to the ``CommentCollector`` of the parse that is
running.  The Lark parser is built once per process and shared, so its lexer
callback is a dispatcher that finds that collector in a context variable set by
``parse``: two parses in two threads each fill their own collector.
"""

from __future__ import annotations

import contextvars
import functools
import re

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput

from ..i18n import gettext as _
from .grammar import grammar_cache_file, grammar_text
from .literals import decode_literal
from .syntax_errors import SyntaxProblem, explain_syntax_error
from .tree import Comment, Document, Node, Value

__all__ = ["MAX_NESTING", "CommentCollector", "SyntaxProblem", "parse"]

MAX_NESTING = 32


class CommentCollector:
    """The comments one parse meets, in source order."""

    def __init__(self) -> None:
        self.comments: list[Comment] = []

    def add(self, token: Token) -> None:
        self.comments.append(Comment(token.start_pos, token.end_pos, str(token)))


#: the collector of the parse running in this thread (or context); None outside ``parse``
_RUNNING: contextvars.ContextVar[CommentCollector | None] = contextvars.ContextVar(
    "campaignlint_comment_collector", default=None)


def _on_comment(token: Token) -> Token:
    """The lexer's callback for ``COMMENT`` tokens: hands the token to the running parse."""
    collector = _RUNNING.get()
    if collector is not None:
        collector.add(token)
    return token


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
        return decode_literal("name", items[0])

    def string(self, items):
        return decode_literal("string", items[0])

    def long_string(self, items):
        return decode_literal("long_string", items[0])

    def number(self, items):
        return decode_literal("number", items[0])

    def percent(self, items):
        return decode_literal("percent", items[0])

    def money(self, items):
        return decode_literal("money", items[0])

    def date(self, items):
        return decode_literal("date", items[0])

    def datetime(self, items):
        return decode_literal("datetime", items[0])

    def time(self, items):
        return decode_literal("time", items[0])

    def duration(self, items):
        return decode_literal("duration", items[0])

    def ratio(self, items):
        return decode_literal("ratio", items[0])

    def filesize(self, items):
        return decode_literal("filesize", items[0])


@functools.cache
def node_building_parser() -> Lark:
    """The LALR parser with ``_ToNodes`` applied while it parses.

    Lark then builds no intermediate tree: nodes and values are made as the rules
    reduce (about a third faster than parse-then-transform).  It shares the
    grammar cache file of ``grammar.lark_parser()`` (a transformer and lexer
    callbacks are not part of Lark's key).
    """
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,
        maybe_placeholders=False,
        lexer_callbacks={"COMMENT": _on_comment},
        transformer=_ToNodes(),
        cache=grammar_cache_file(grammar_text()),
    )


_DEPTH_CHARS = re.compile(r'["{}\n]')


def _check_depth(text: str) -> None:
    depth = 0
    in_string = False
    # cheap pre-scan so a hostile file cannot blow the parser's stack (only these
    # four characters change its state: the others are skipped in C)
    for match in _DEPTH_CHARS.finditer(text):
        index, char = match.start(), match.group()
        if char == '"':
            in_string = not in_string
        elif not in_string:
            if char == "{":
                depth += 1
                if depth > MAX_NESTING:
                    raise SyntaxProblem(index, index + 1, _("blocks are nested more than {max_nesting} deep "
                                                            "here").format(max_nesting=MAX_NESTING))
            elif char == "}":
                depth -= 1
            elif char == "\n":
                in_string = False



def parse(text: str, comments: CommentCollector | None = None) -> Document:
    """Parse decoded source text (BOM already removed).  Raises SyntaxProblem.

    The document's comments are those ``comments`` collected (a new collector if
    none is given).
    """
    _check_depth(text)
    collector = comments if comments is not None else CommentCollector()
    running = _RUNNING.set(collector)
    try:
        nodes = node_building_parser().parse(text)
    except UnexpectedInput as error:
        raise explain_syntax_error(text, error) from None
    finally:
        _RUNNING.reset(running)
    return Document(nodes=nodes, comments=list(collector.comments))

"""The formatter: one canonical layout for `.camp` files (``campaignlint fmt``).

It prints the parsed tree again, from the tokens' positions, and changes only
the layout:

* 2 spaces of indentation per block level; ``{`` ends its header line and ``}``
  stands on its own line, under the keyword; an empty block is ``{}``;
* one statement per line (a ``;`` between statements becomes a new line), with
  one exception: a block that was written on one line, holds only simple
  statements, no comment, and fits in ``MAX_INLINE_WIDTH`` columns stays on one
  line as ``keyword values { a; b; c }`` (the idiom of channel settings);
* one space between a keyword and its values and between values, ``a .. b``
  for ranges, ``a, b, c`` for lists; a list that was wrapped after a comma
  stays wrapped there, its continuation lines indented 4 spaces more;
* every literal keeps its raw text (``12_000`` stays ``12_000``, ``20 %``
  stays ``20 %``), except that spaces and tabs inside an amount, a percentage,
  a date and time or a duration shrink to one space (``9_000   EUR`` becomes
  ``9_000 EUR``); a long string (``\"\"\"…\"\"\"``) spanning lines is
  re-indented to the keyword's indentation + 2, its closing quotes under the
  keyword, which leaves its value unchanged (the common indentation is removed
  when it is read); a long string containing a backslash is kept as written;
* comments stay where they were: a comment on its own line keeps its place
  between statements (indented like them), a comment at the end of a line
  stays at the end of the line of the statement it followed (two spaces, then
  ``#``); trailing spaces go;
* blank lines between statements are kept (at most one in a row), dropped after
  ``{``, before ``}`` and at the start and the end of the file;
* the file ends with one line end; CRLF files stay CRLF (the BOM is the
  caller's business: it is not part of the text).

Formatting is idempotent, and checked: the result is parsed again and must give
the same tree and the same comments, or ``FormatError`` is raised and nothing
is written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .i18n import gettext as _
from .i18n import ngettext
from .frontend.parser import SyntaxProblem, parse
from .frontend.tree import Comment, Document, Node, Value

INDENT = "  "
CONTINUATION = "    "
MAX_INLINE_WIDTH = 100
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f]*\n")


class FormatError(Exception):
    """The formatter refused to change the file (it would have changed its meaning)."""


@dataclass
class _Token:
    start: int
    end: int
    out_line: int = -1  # output line holding the token's end


class _Printer:
    def __init__(self, text: str, document: Document):
        self.text = text
        self.document = document
        self.out: list[str] = []  # pieces of the output ("\n" separated)
        self.line = 0  # current output line
        self.tokens: list[_Token] = []
        self.own_line: list[Comment] = []
        self.end_of_line: list[Comment] = []
        self._classify_comments()

    # ------------------------------------------------------------ comments
    def _line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def _classify_comments(self) -> None:
        for comment in self.document.comments:
            before = self.text[self._line_start(comment.start): comment.start]
            if before.strip(" \t\f\u00a0\r;") == "":
                self.own_line.append(comment)
            else:
                self.end_of_line.append(comment)

    # ------------------------------------------------------------ output
    def write(self, piece: str) -> None:
        self.out.append(piece)
        self.line += piece.count("\n")

    def token(self, start: int, end: int, piece: str) -> None:
        self.write(piece)
        self.tokens.append(_Token(start, end, self.line))

    def newline(self) -> None:
        self.write("\n")

    # ------------------------------------------------------------ values
    def value_text(self, value: Value, indent: str) -> str:
        if value.kind == "range":
            low, high = value.data
            parts = []
            if low is not None:
                parts.append(self.value_text(low, indent))
            parts.append("..")
            if high is not None:
                parts.append(self.value_text(high, indent))
            return " ".join(parts)
        raw = value.raw
        if raw.startswith('"""'):
            return _reindent_long_string(raw, indent)
        if raw.startswith('"'):
            return raw
        return _SPACES.sub(" ", raw)  # `9_000   EUR` → `9_000 EUR`

    def _kept_apart(self, left: Value, right: Value, indent: str) -> bool:
        """Must ``right`` stay on a continuation line after ``left`` (next groups of one statement)?

        Values written apart only by spaces and tabs read the same with one
        space.  Values kept apart by a line continuation (``\\`` at the end
        of a line), a form feed or a no-break space may not: ``0\\`` then
        ``USD`` on the next line are a number and a name, ``0 USD`` is an
        amount.  Those are joined only when the joined text reads the same.
        """
        gap = self.text[left.end: right.start]
        if not gap.strip(" \t"):
            return False
        return not _reads_the_same_joined(self.value_text(left, indent), self.value_text(right, indent))

    def _has_kept_apart(self, node: Node, indent: str) -> bool:
        return any(self._kept_apart(before[-1], after[0], indent)
                   for before, after in zip(node.groups, node.groups[1:]))

    def header(self, node: Node, indent: str) -> None:
        self.token(node.keyword_start, node.keyword_end, node.keyword)
        for number, group in enumerate(node.groups):
            if number and self._kept_apart(node.groups[number - 1][-1], group[0], indent):
                self.write(" \\")  # a line continuation: the values stay apart
                self.newline()
                self.write(indent + CONTINUATION)
            else:
                self.write(" ")
            for position, value in enumerate(group):
                if position:
                    wrapped = "\n" in self.text[group[position - 1].end: value.start]
                    self.write(",")
                    if wrapped:
                        self.newline()
                        self.write(indent + CONTINUATION)
                    else:
                        self.write(" ")
                self.token(value.start, value.end, self.value_text(value, indent))

    # ------------------------------------------------------------ nodes
    def _inline(self, node: Node, indent: str) -> str | None:
        """The one-line form of a block written on one line, if it may stay so."""
        children = node.children or []
        if not children or node.block_start is None or node.block_end is None:
            return None
        if "\n" in self.text[node.start: node.block_end]:
            return None
        if any(child.children is not None for child in children):
            return None
        if any(node.block_start < c.start < node.block_end for c in self.document.comments):
            return None
        if self._has_kept_apart(node, indent) or any(self._has_kept_apart(c, indent) for c in children):
            return None
        pieces = []
        for child in children:
            words = [child.keyword] + [", ".join(self.value_text(v, indent) for v in group) for group in child.groups]
            pieces.append(" ".join(words))
        head = " ".join([node.keyword]
                        + [", ".join(self.value_text(v, indent) for v in group) for group in node.groups])
        line = f"{indent}{head} {{ {'; '.join(pieces)} }}"
        if len(line) > MAX_INLINE_WIDTH or "\n" in line:
            return None
        return line

    def node(self, node: Node, indent: str) -> None:
        inline = self._inline(node, indent)
        if inline is not None:
            # record every token on this one line (for end-of-line comments)
            self.token(node.start, node.block_end, inline[len(indent):])
            return
        self.header(node, indent)
        if node.children is None:
            return
        assert node.block_start is not None and node.block_end is not None
        self.write(" ")
        self.token(node.block_start, node.block_start + 1, "{")
        inner = self._items(node.children, node.block_start + 1, node.block_end - 1)
        if not inner:
            self.write("}")
            self.tokens.append(_Token(node.block_end - 1, node.block_end, self.line))
            return
        self.newline()
        self.container(inner, indent + INDENT)
        self.write(indent)
        self.token(node.block_end - 1, node.block_end, "}")

    def _items(self, nodes: list[Node], start: int, end: int) -> list:
        comments = [c for c in self.own_line if start <= c.start < end
                    and not any(n.start <= c.start < n.end for n in nodes)]
        return sorted([*nodes, *comments], key=lambda item: item.start)

    def container(self, items: list, indent: str) -> None:
        previous_end = None
        for item in items:
            if previous_end is not None and _BLANK_LINE.search(self.text[previous_end: item.start]):
                self.newline()
            if isinstance(item, Comment):
                self.write(indent)
                self.token(item.start, item.end, item.text.rstrip())
            else:
                self.write(indent)
                self.node(item, indent)
            self.newline()
            previous_end = item.end

    # ------------------------------------------------------------ all
    def run(self) -> str:
        items = self._items(self.document.nodes, 0, len(self.text) + 1)
        self.container(items, "")
        lines = "".join(self.out).split("\n")
        self._place_end_of_line_comments(lines)
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + ("\n" if lines else "")

    def _place_end_of_line_comments(self, lines: list[str]) -> None:
        if not self.end_of_line:
            return
        for comment in self.end_of_line:
            line_start = self._line_start(comment.start)
            # the first token that ends on the comment's line, before it
            anchor = next((t for t in self.tokens if line_start < t.end <= comment.start
                           and "\n" not in self.text[t.end: comment.start]), None)
            if anchor is None:  # pragma: no cover - classified as own-line above
                continue
            target = anchor.out_line
            lines[target] = lines[target].rstrip(" \t") + "  " + comment.text.rstrip()


@functools.lru_cache(maxsize=256)
def _reads_the_same_joined(left: str, right: str) -> bool:
    """Do the values ``left`` and ``right`` parse the same joined by a space as kept apart?"""
    try:
        joined = parse(f"x {left} {right}\n")
        apart = parse(f"x {left} \\\n{right}\n")
    except SyntaxProblem:
        return False
    return _tree_key(joined.nodes) == _tree_key(apart.nodes)


def _reindent_long_string(raw: str, indent: str) -> str:
    """Re-indent a long string so its content is at ``indent`` + 2, value unchanged."""
    body = raw[3:-3]
    if "\\" in body or re.search(r"\r(?!\n)", body):
        return raw.replace("\r\n", "\n")
    lines = body.replace("\r\n", "\n").split("\n")
    if len(lines) == 1:
        return raw
    blank = [line.strip(" \t") == "" for line in lines]
    rest = [line for line, is_blank in zip(lines[1:], blank[1:]) if not is_blank]
    margin = min((len(line) - len(line.lstrip(" \t")) for line in rest), default=0)
    content_indent = indent + INDENT
    out = ['"""' + ("" if blank[0] else lines[0].lstrip(" \t"))]
    for number in range(1, len(lines)):
        line = lines[number]
        last = number == len(lines) - 1
        if blank[number]:
            out.append(indent + '"""' if last else "")
        else:
            out.append(content_indent + line[margin:] + ('"""' if last else ""))
    return "\n".join(out)


# ---------------------------------------------------------------- checking

def _value_key(value: Value | None):
    if value is None:
        return None
    if value.kind == "range":
        low, high = value.data
        return ("range", _value_key(low), _value_key(high))
    if value.kind == "string":
        return ("string", value.data, value.error)
    return (value.kind, _SPACES.sub(" ", value.raw), value.error)


def _tree_key(nodes: list[Node]) -> list:
    return [(n.keyword, [[_value_key(v) for v in group] for group in n.groups],
             None if n.children is None else _tree_key(n.children)) for n in nodes]


def document_key(document: Document) -> tuple:
    """What formatting must not change: the tree, the values, the comments."""
    return (_tree_key(document.nodes), [c.text.rstrip() for c in document.comments])


# ---------------------------------------------------------------- API

def format_text(text: str) -> str:
    """Format decoded source text (no BOM).  Raises ``SyntaxProblem`` or ``FormatError``."""
    newline = "\r\n" if "\r\n" in text else "\n"
    document = parse(text)
    comments = [Comment(c.start, c.end, c.text) for c in document.comments]
    formatted = _Printer(text, Document(document.nodes, comments)).run()
    if newline != "\n":
        formatted = formatted.replace("\n", newline)
    try:
        again = parse(formatted)
    except SyntaxProblem as error:  # pragma: no cover - a formatter bug
        raise FormatError(f"formatting would break the file ({error.message}); it was left as it is") from None
    if document_key(again) != document_key(document):  # pragma: no cover - a formatter bug
        raise FormatError("formatting would change what the file says; it was left as it is (please report it)")
    return formatted


# ---------------------------------------------------------------- files

@dataclass
class FileResult:
    """What ``fmt`` did (or would do) to one file."""

    path: str  # as displayed
    original: str = ""
    formatted: str = ""
    error: str | None = None  # "line:col: CODE message" when the file cannot be formatted

    @property
    def changed(self) -> bool:
        return self.error is None and self.formatted != self.original


def format_source(display: str, data: bytes) -> tuple[FileResult, bool]:
    """Format the bytes of one file; return the result and whether it had a BOM."""
    from .config import DEFAULT_MAX_FILE_SIZE
    from .frontend.decode import decode

    source, problem = decode(data, display, max(DEFAULT_MAX_FILE_SIZE, len(data)))
    if problem is not None or source is None:
        line, column = source.position(problem.span.start) if source is not None and problem else (1, 1)
        return FileResult(display, error=f"{display}:{line}:{column}: {problem.code if problem else 'E008'} "
                                       f"{problem.message if problem else 'the file cannot be read'}"), False
    try:
        formatted = format_text(source.text)
    except SyntaxProblem as error:
        line, column = source.position(error.offset)
        error_text = f"{display}:{line}:{column}: E001 {error.message}"
        return FileResult(display, source.text, error=error_text), source.had_bom
    except RecursionError:
        return FileResult(display, source.text, error=f"{display}:1:1: E001 "
                          + _("the file is nested too deeply to be read")), source.had_bom
    except FormatError as error:
        return FileResult(display, source.text, error=f"{display}:1:1: {error}"), source.had_bom
    return FileResult(display, source.text, formatted), source.had_bom


def run_fmt(paths: list[str], *, check: bool = False, diff: bool = False, stdin_filename: str | None = None,
            echo=print, echo_err=None) -> int:
    """``campaignlint fmt``: format files in place, or only report (``check``/``diff``).

    Returns the exit code: 1 when a file could not be formatted, or (with
    ``check``/``diff``) when a file would change; 0 otherwise.  Raises
    ``engine.UsageError`` for a path that does not exist.
    """
    import os
    import sys
    from pathlib import Path

    from . import safe_io
    from .config import MAX_FILE_SIZE_LIMIT, git_root
    from .engine import discover_files
    from .fixes import WriteError, unified_diff, write_atomically
    from .paths import display_path

    echo_err = echo_err or (lambda text: print(text, file=sys.stderr))
    changed = failed = unchanged = unwritten = 0
    targets: list[tuple[Path | None, str]] = []
    for raw in paths:
        if raw == "-":
            targets.append((None, stdin_filename or "stdin.camp", None))
        else:
            given = Path(os.path.abspath(raw))
            folder = given if given.is_dir() else given.parent
            root = git_root(folder) or folder  # fmt never writes through a link out of it
            targets.extend((path, display_path(path), root) for path in discover_files([raw]))
    for path, display, root in targets:
        try:
            data = (_read_stdin(MAX_FILE_SIZE_LIMIT) if path is None
                    else safe_io.read_bytes(path, MAX_FILE_SIZE_LIMIT))
        except OSError as error:  # a pipe or a device found in a folder walk, a file gone or unreadable
            echo_err(f"{display}: cannot read this file: {error.strerror or error}")
            failed += 1
            continue
        result, had_bom = format_source(display, data)
        if result.error is not None:
            echo_err(result.error)
            failed += 1
            if path is None:
                sys.stdout.buffer.write(data)
            continue
        if path is None and not (check or diff):
            sys.stdout.write(("\ufeff" if had_bom else "") + result.formatted)
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed += 1
        if diff:
            echo(unified_diff(display, result.original, result.formatted), end="")
        elif check:
            echo_err(_("would reformat {file}").format(file=display))
        else:
            assert path is not None
            try:
                write_atomically(Path(os.path.abspath(path)), result.formatted, had_bom, root=root)
            except WriteError as error:  # the file is unchanged
                echo_err(f"{display}: the formatted text was not written: {error}; the file was not changed")
                changed -= 1
                unwritten += 1
    if not (len(targets) == 1 and targets[0][0] is None):
        if check or diff:
            parts = [ngettext("{count} file would be reformatted", "{count} files would be reformatted",
                              changed).format(count=changed)]
        else:
            parts = [ngettext("{count} file reformatted", "{count} files reformatted", changed).format(count=changed)]
        if unchanged:
            parts.append(ngettext("{count} file left unchanged", "{count} files left unchanged",
                                  unchanged).format(count=unchanged))
        if failed:
            parts.append(ngettext("{count} file could not be read", "{count} files could not be read",
                                  failed).format(count=failed))
        echo_err(", ".join(parts) + ".")
    if unwritten:
        return 2  # the tool could not do its job
    if failed:
        return 1
    return 1 if (check or diff) and changed else 0


def _read_stdin(limit: int) -> bytes:
    """Standard input, at most ``limit`` bytes (``safe_io.TooLarge`` past it)."""
    import sys

    from .safe_io import TooLarge

    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise TooLarge("standard input", len(data), limit)
    return data

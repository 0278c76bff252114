"""Tokens of an objective text: words, symbols, ISO and numeric dates, numbers
written in digits ("1 500", "10k", "2,5") or in words ("vingt-cinq", "two
hundred and fifty")."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .vocabulary import Vocabulary, fold_aligned

_LETTER = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    r"(?P<isodate>(?<![\w/])\d{4}-\d{2}-\d{2}(?![\w/]))"
    r"|(?P<slashdate>(?<![\w/.,])\d{1,2}[/.]\d{1,2}(?:[/.]\d{4}|/\d{2})?(?![\w/]))"
    rf"|(?P<num>(?<!{_LETTER})(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.]\d)|\d+(?:[.,_]\d+)*))"
    rf"(?P<suf>{_LETTER}{{1,4}})?(?![^\W_])"
    r"|(?P<word>[^\W_]+)"
    r"|(?P<sym>\S)"
)


@dataclass
class Token:
    kind: str  # num | word | sym | date
    start: int
    end: int
    norm: str = ""
    value: Decimal | None = None
    weak: bool = False
    ordinal: bool = False
    digits: bool = False  # written in digits
    plain: bool = False  # digits with no separator, no suffix (a year candidate)
    scale_suffix: bool = False
    duration_unit: str | None = None
    multiplier: bool = False
    currency: str | None = None
    date: datetime.date | None = None


def _parse_digits(raw: str, decimal: str) -> Decimal | None:
    """Read "1 500", "10,000", "2,5", "1.234,5" according to the language."""
    s = re.sub(r"[\s\u00a0\u202f_]", "", raw)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return Decimal(s)
    groups = re.split(r"[.,]", s)
    if len(set(seps)) == 2:
        last = max(s.rfind("."), s.rfind(","))
        intpart = re.sub(r"[.,]", "", s[:last])
        return Decimal(intpart + "." + s[last + 1 :])
    sep = seps[0]
    thousands_like = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(seps) > 1:
        return Decimal("".join(groups)) if thousands_like else None
    if sep == decimal:
        return Decimal(groups[0] + "." + groups[1])
    # the other separator: thousands when followed by exactly three digits
    if thousands_like:
        return Decimal("".join(groups))
    return Decimal(groups[0] + "." + groups[1])


def tokenize(text: str, v: Vocabulary) -> list[Token]:
    folded = fold_aligned(text)
    toks: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if m.group("isodate"):
            try:
                d = datetime.date.fromisoformat(m.group("isodate"))
            except ValueError:
                toks.append(Token("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
                continue
            toks.append(Token("date", m.start(), m.end(), date=d, norm="__date__"))
            continue
        if m.group("slashdate"):
            toks.append(Token("slashdate", m.start(), m.end(), norm=m.group("slashdate")))
            continue
        if m.group("num") is not None:
            raw, suf = m.group("num"), m.group("suf")
            try:
                value = _parse_digits(raw, v.decimal)
            except InvalidOperation:
                value = None
            if value is None:
                toks.append(Token("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
                continue
            tok = Token("num", m.start(), m.end(), norm=raw, value=value, digits=True)
            tok.plain = suf is None and raw.isdigit()
            if suf:
                fs = fold_aligned(suf)
                if fs in v.scale_suffixes:
                    tok.value = value * v.scale_suffixes[fs]
                    tok.scale_suffix = True
                elif fs in v.ordinal_suffixes:
                    tok.ordinal = True
                elif fs in v.duration_suffixes:
                    tok.duration_unit = v.duration_suffixes[fs]
                elif fs in ("x",):
                    tok.multiplier = True
                else:
                    # "3D", "4G": not a quantity
                    toks.append(Token("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
                    continue
            toks.append(tok)
            continue
        if kind == "word":
            toks.append(Token("word", m.start(), m.end(), norm=folded[m.start() : m.end()]))
        else:
            toks.append(Token("sym", m.start(), m.end(), norm=m.group()))
    return _merge_number_words(toks, text, v)


def _is_number_word(tok: Token, v: Vocabulary) -> bool:
    return tok.kind == "word" and (tok.norm in v.number_words or tok.norm in v.scale_words)


def _adjacent(a: Token, b: Token, text: str, maxgap: int = 1) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= maxgap and gap.strip() == ""


def _merge_number_words(toks: list[Token], text: str, v: Vocabulary) -> list[Token]:
    """Join number words ("vingt-cinq", "two hundred and fifty", "deux mille")
    into one number token, and scale a number by a following scale word
    ("1,5 million", "10 mille", "10 k")."""
    out: list[Token] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if _is_number_word(tok, v) or (tok.kind == "word" and tok.norm in v.approximate):
            words = [tok]
            j = i + 1
            while j < n:
                t = toks[j]
                if _is_number_word(t, v) and _adjacent(words[-1], t, text, 2):
                    words.append(t)
                    j += 1
                elif (
                    t.kind == "sym"
                    and t.norm == "-"
                    and j + 1 < n
                    and _is_number_word(toks[j + 1], v)
                    and t.start == words[-1].end
                    and toks[j + 1].start == t.end
                ):
                    words.append(toks[j + 1])
                    j += 2
                elif t.kind == "word" and t.norm in v.connectors and j + 1 < n and _is_number_word(toks[j + 1], v):
                    words.append(toks[j + 1])
                    j += 2
                else:
                    break
            value = _words_value([w.norm for w in words], v)
            if value is not None:
                num = Token("num", tok.start, words[-1].end, norm=text[tok.start : words[-1].end], value=value)
                num.weak = len(words) == 1 and tok.norm in v.weak
                out.append(num)
                i = j
                continue
        if tok.kind == "num" and tok.digits and not tok.ordinal and not tok.duration_unit and i + 1 < n:
            nxt = toks[i + 1]
            if (
                nxt.kind == "word"
                and nxt.norm in v.scale_words
                and v.scale_words[nxt.norm] >= 1000
                and _adjacent(tok, nxt, text, 2)
            ):
                tok.value = (tok.value or Decimal(0)) * v.scale_words[nxt.norm]
                tok.end = nxt.end
                tok.plain = False
                out.append(tok)
                i += 2
                continue
            if (
                nxt.kind == "word"
                and nxt.norm in v.scale_suffixes
                and _adjacent(tok, nxt, text, 1)
                and not tok.scale_suffix
            ):
                tok.value = (tok.value or Decimal(0)) * v.scale_suffixes[nxt.norm]
                tok.end = nxt.end
                tok.plain = False
                out.append(tok)
                i += 2
                continue
        out.append(tok)
        i += 1
    return out


def _words_value(words: list[str], v: Vocabulary) -> Decimal | None:
    total = 0
    current = 0
    prev = None
    for w in words:
        if w in v.approximate:
            current = max(current, 1) * v.approximate[w] if current else v.approximate[w]
        elif w in v.number_words:
            val = v.number_words[w]
            if val == 20 and prev == "quatre":  # quatre-vingt(s) = 80
                current += 80 - 4
            else:
                current += val
        elif w in v.scale_words:
            scale = v.scale_words[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        prev = w
    return Decimal(total + current)

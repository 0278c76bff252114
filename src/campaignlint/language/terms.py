"""Finding terms in copy: avoided words, preferred-over words, theme keywords, hype.

A term (one or several words) is found in a text when, word for word, the text
and the term share a *key*.  The keys of a word are its lower-cased form, its
lemma, its form with a plural ending removed (``-s``/``-x``, ``-aux`` → ``-al`` in
French; the English lemmatiser's guess in English) and the same without accents.
So "écolos" and "Écolo" match the term "écolo", "pas chers" matches "pas cher",
"synergies" matches "synergy", "conçus" matches "conçu".

Words are the tokens of :mod:`campaignlint.language.nlp`, cut at hyphens and
after a short elided word ("d'", "l'", "qu'"): "d'industriel" contains the word
"industriel", and "game-changer" is the two words "game" "changer", so the term
"game-changer" also matches "game changer" and "game-changers".  A match never
starts or ends inside a hyphenated compound ("responsable" is not found in
"éco-responsable"), except before a French pronoun joined by a hyphen
("Profitez-en").  Matches work on whole words only: "art" is not found in
"partir".  URLs, e-mail addresses, bare domains, @mentions and #hashtags are not
searched (hashtags are, word by word, with ``in_hashtags=True``, which theme
checks want: "#PortezLeChangement" mentions "changement").

``TermMatch.exact`` is true when the text's words are the term's words, up to
case (so a replacement keeps the meaning); false when they were found through an
inflected form, a lemma, a missing accent or inside a hashtag.

Speed: rules ask the same text for several term lists (avoided terms, hype,
theme) and campaigns repeat copy, so the answers are memoised per text and
term list (when ``find_terms`` analyses the text itself) as facts of the
language service (``nlp``: the lint's :class:`~campaignlint.language.nlp.NLP`,
the process's default one if not given), and so are the text's matchable words
and their keys.  Three gates stand before any word list: a text is kept only
if each stem of a term begins one of its words
(:mod:`~campaignlint.language.term_candidates`), then only if each word of the
term shares a key with a word of the text, those words following each other
(:func:`_key_runs`: the keys of each tokenizer match are memoised for the
process, so this costs a ``findall`` and set unions).  The words themselves
come from the tokenizer's memoised matches, not from token objects
(:func:`_text_words`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import chain, compress, count, repeat
from operator import not_

from campaignlint.language import memo
from campaignlint.language.term_candidates import (_CAMEL, _HASHTAG, _LETTERS, _candidates, _flat, _fold,
                                                    _may_have_candidates, _unaccent)
from campaignlint.language.url_masks import URL_LIKE, may_hold_url
from campaignlint.language.nlp import (NLP, Analysis, default_service, english_lemma, language_root,
                                       strip_urls)

__all__ = ["TermMatch", "find_terms", "find_hype", "replace_preserving_case"]


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A term found in a text: ``text[start:end] == matched``."""

    start: int
    end: int
    matched: str
    term: str
    exact: bool

    @property
    def text(self) -> str:  # the brief's name for ``matched``
        return self.matched


class _Word:
    """A matchable word of a text (never changed once made; a plain class: texts have many)."""

    __slots__ = ("start", "end", "surface", "keys", "in_hashtag")

    def __init__(self, start: int, end: int, surface: str, keys: frozenset[str], in_hashtag: bool = False):
        self.start = start
        self.end = end
        self.surface = surface  # folded: NFC, lower-case, ' for ’
        self.keys = keys
        self.in_hashtag = in_hashtag

    def __repr__(self) -> str:
        return f"_Word({self.start}, {self.end}, {self.surface!r}, {sorted(self.keys)!r}, {self.in_hashtag})"


_HYPHENS = "‐‑-"  # hyphen, non-breaking hyphen, hyphen-minus (last: literal in a [class])
_PART = re.compile(r"[^\W_]+(?:['’](?=[^\W_]))?|['’]")
_ELIDED = re.compile(r"^(?:[^\W\d_]{1,2}|qu|jusqu|lorsqu|puisqu|quoiqu|presqu"
                     r"|dell|dall|nell|sull|all|un|quell)['’]", re.IGNORECASE)
_HYPHEN_SPLIT = re.compile(r"[" + _HYPHENS + r"]")
_GAP_OK = re.compile(r"^[\s'’" + _HYPHENS + r"]*$")
_FR_ENCLITICS = frozenset(
    "en y moi toi nous vous le la les lui leur je tu il elle on ils elles ci là t".split()
)


@functools.lru_cache(maxsize=65536)
def _keys(surface: str, lemma: str, root: str) -> frozenset[str]:
    forms = {surface, lemma}
    if root == "en":
        forms.add(english_lemma(surface))
    elif surface.isalpha() and len(surface) > 3:
        if root == "fr" and surface.endswith("aux"):
            forms.add(surface[:-3] + "al")
        if surface.endswith(("s", "x")) and not surface.endswith("ss"):
            forms.add(surface[:-1])
    if surface.endswith("'") and len(surface) > 1:
        forms.add(surface[:-1])
    forms |= {_unaccent(f) for f in list(forms)}
    return frozenset(f for f in forms if f)


_Parts = tuple[tuple[int, int, str, frozenset[str]], ...]
_Token = tuple[int, int, _Parts]  # a token's [start, end) in the text and its words (offsets in the token)


def _words(analysis: Analysis, in_hashtags: bool = False) -> list[_Word]:
    """The matchable words of an analysed text, in order."""
    root = analysis.language
    tokens = [(tok.start, tok.end, _token_parts(tok.text, tok.lemma, root)) for tok in analysis.tokens]
    return _words_of(analysis.text, root, tokens, in_hashtags)


def _text_words(nlp: NLP, text: str, root: str, in_hashtags: bool = False) -> list[_Word]:
    """:func:`_words` of ``nlp.analyse(text, root)``, made without the analysis when no model
    tokenizes ``root``: each match of the service's tokenizer gives its tokens (memoised per
    match), so no token object and no sentence is made (terms need neither)."""
    tokenizer = nlp.tokenizer(root)
    if tokenizer is None:
        return _words(nlp.analyse(text, root), in_hashtags=in_hashtags)
    pattern, pieces = tokenizer
    tokens: list[_Token] = []
    append = tokens.append
    for m in pattern.finditer(text):
        start = m.start()
        for offset, end, parts in _match_tokens(m.group(), root, pieces):
            append((start + offset, start + end, parts))
    return _words_of(text, root, tokens, in_hashtags)


@functools.lru_cache(maxsize=65536)
def _match_tokens(surface: str, root: str, pieces) -> tuple[_Token, ...]:
    """The tokens ``pieces`` cuts one tokenizer match into, with their words; offsets in
    the match; memoised (copy repeats its words, and the tables do not change)."""
    return tuple((offset, offset + len(token), _token_parts(token, lemma, root))
                 for offset, token, lemma, _alpha, _punct in pieces(surface, root))


def _words_of(text: str, root: str, tokens: list[_Token], in_hashtags: bool) -> list[_Word]:
    """The words of ``tokens`` outside URLs, e-mail addresses, domains, @mentions and
    hashtags; with ``in_hashtags``, a #hashtag's words (cut at its capitals) instead."""
    blocked = [m.span() for m in URL_LIKE.finditer(text)] if may_hold_url(text) else []
    tags = [m.span() for m in _HASHTAG.finditer(text)] if ("#" in text or "@" in text) else []
    if not blocked and not tags:  # most copy: every token's words, as they are
        return [_Word(start + s, start + e, part, keys) for start, _end, parts in tokens for s, e, part, keys in parts]

    def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
        for s, e in spans:
            if s <= start and end <= e:
                return (s, e)
        return None

    words: list[_Word] = []
    seen_tags: set[tuple[int, int]] = set()
    for start, end, parts in tokens:
        if blocked and inside(blocked, start, end):
            continue
        tag = inside(tags, start, end) if tags else None
        if tag is not None:
            if in_hashtags and tag not in seen_tags and text[tag[0]] == "#":
                seen_tags.add(tag)
                for m in _CAMEL.finditer(text, tag[0] + 1, tag[1]):
                    f = _fold(m.group())
                    words.append(_Word(m.start(), m.end(), f, _keys(f, f, root), True))
            continue
        for s, e, part, keys in parts:
            words.append(_Word(start + s, start + e, part, keys))
    return words


@functools.lru_cache(maxsize=65536)
def _token_parts(token: str, lemma: str, root: str) -> _Parts:
    """The words of one token (cut at hyphens, after an apostrophe and after an elided
    word the regex tokenizer glued to its host, "l'amore"): their offsets in the token,
    folded surface and keys; memoised (copy repeats words)."""
    surface = _fold(token)
    parts = [(m.start(), m.end()) for m in _PART.finditer(token)]
    if not parts:
        return ()
    lemma_parts = _HYPHEN_SPLIT.split(lemma)
    single = len(parts) == 1
    found = []
    for n, (s, e) in enumerate(parts):
        part = surface[s:e]
        if part == "'":
            continue
        elided = "'" in part[:-1] and _ELIDED.match(part)
        if elided and elided.end() < len(part):
            cut = s + elided.end()
            head, tail = part[: elided.end()], part[elided.end():]
            found.append((s, cut, head, _keys(head, head, root)))
            found.append((cut, e, tail, _keys(tail, tail, root)))
            continue
        if single:
            part_lemma = lemma
        elif len(lemma_parts) == len(parts):
            part_lemma = lemma_parts[n]
        else:
            part_lemma = part
        found.append((s, e, part, _keys(part, part_lemma, root)))
    return tuple(found)


def _same_word(term_word: str, written: str) -> bool:
    """Same word up to case; capitals may drop accents (French usage: "ECOLO")."""
    folded = _fold(written)
    if folded == term_word:
        return True
    return written.isupper() and _unaccent(folded) == _unaccent(term_word)


def _joined_by_hyphen(text: str, left: _Word, right: _Word) -> bool:
    gap = text[left.end:right.start]
    return bool(gap) and all(c in _HYPHENS for c in gap)


def _term_words(nlp: NLP, term: str, root: str) -> tuple[_Word, ...]:
    return nlp.fact("term-words", term, root, lambda t, r: tuple(_text_words(nlp, t, r)))


def find_terms(
    text: str,
    language: str,
    terms: list[str],
    analysis: Analysis | None = None,
    *,
    in_hashtags: bool = False,
    nlp: NLP | None = None,
) -> list[TermMatch]:
    """Every occurrence of any of ``terms`` in ``text``, in text order, no overlaps.

    Where matches overlap, the longest wins (then the earliest).  ``analysis`` is
    ``analyse(text, language)`` if you already have it.  Matching is
    case-insensitive, on whole words, on lemmas and on normalised surface forms
    (see the module docstring).
    """
    root = language_root(language)
    unique = _unique_terms(tuple(terms))
    if not unique or not text:
        return []
    candidates = _candidates(text, unique, in_hashtags)
    if not candidates:
        return []  # no term can be there: the text is not analysed (most texts: no fact either)
    nlp = nlp or default_service()
    if analysis is None:
        return list(nlp.fact(("find-terms", candidates, in_hashtags), text, root,
                             lambda t, r: _find_terms(nlp, t, r, candidates, in_hashtags)))
    return _match(nlp, text, root, candidates, _words(analysis, in_hashtags=in_hashtags))


@functools.lru_cache(maxsize=1024)
def _unique_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms, without repeats and blanks, in their order."""
    return tuple(t for t in dict.fromkeys(terms) if t and t.strip())


def _find_terms(nlp: NLP, text: str, root: str, terms: tuple[str, ...], in_hashtags: bool) -> tuple[TermMatch, ...]:
    """:func:`find_terms` of the :func:`_candidates` ``terms``, with the text's own words
    (memoised by the caller as a fact: rules ask the same text for several term lists,
    campaigns repeat copy)."""
    keys, runs = nlp.fact(("key-runs", in_hashtags), text, root, lambda t, r: _key_runs(nlp, t, r, in_hashtags))
    terms = tuple(term for term in terms if _may_match_runs(nlp, term, root, keys, runs))
    if not terms:
        return ()  # the words of no term follow each other in the text: no word list made
    words = nlp.fact(("text-words", in_hashtags), text, root,
                     lambda t, r: _text_words(nlp, t, r, in_hashtags))  # shared by every term list
    return tuple(_match(nlp, text, root, terms, words))


_KeyRuns = tuple[tuple[frozenset[str], ...], ...]


def _key_runs(nlp: NLP, text: str, root: str, in_hashtags: bool) -> tuple[frozenset[str], _KeyRuns]:
    """The keys of the words a term could match, in runs where a term's words must follow
    each other, and all these keys together; found without making the words.

    Words a match spans are consecutive in :func:`_text_words` and only spaces,
    apostrophes and hyphens stand between them, so no word of a URL or a hashtag
    dropped from that list stood between them either: they are consecutive among
    the words of all the tokens (the first run), or inside one hashtag (one run
    each, with ``in_hashtags``).  Each tokenizer match's keys are memoised, so a
    text costs one ``findall`` and a few joins in C.
    """
    tokenizer = nlp.tokenizer(root)
    if tokenizer is None:  # a model's tokens: the words themselves
        runs: list[tuple[frozenset[str], ...]] = [tuple(w.keys for w in _text_words(nlp, text, root, in_hashtags))]
    else:
        pattern, pieces = tokenizer
        runs = [tuple(chain.from_iterable(map(_match_key_run, pattern.findall(text), repeat(root), repeat(pieces))))]
        if in_hashtags and "#" in text:  # the words of each hashtag, cut at capitals as _words_of cuts them
            runs.extend(tuple(_keys(f, f, root) for f in map(_fold, _CAMEL.findall(text, tag.start() + 1, tag.end())))
                        for tag in _HASHTAG.finditer(text) if tag.group()[0] == "#")
    return frozenset().union(*chain.from_iterable(runs)), tuple(runs)


@functools.lru_cache(maxsize=65536)
def _match_key_run(surface: str, root: str, pieces) -> tuple[frozenset[str], ...]:
    """The keys of each word of one tokenizer match, in order (memoised: copy repeats its words)."""
    return tuple(keys for _start, _end, parts in _match_tokens(surface, root, pieces) for _s, _e, _part, keys in parts)


def _may_match_runs(nlp: NLP, term: str, root: str, keys: frozenset[str], runs: _KeyRuns) -> bool:
    """A necessary condition for ``term`` to match (see :func:`_key_runs`): each word of the
    term shares a key with some word, and, for several words, with consecutive words of a run
    (:func:`_match` asks both of the words it matches)."""
    term_keys = [word.keys for word in _term_words(nlp, term, root)]
    if any(k.isdisjoint(keys) for k in term_keys):
        return False
    if len(term_keys) < 2:
        return True
    first, rest = term_keys[0], term_keys[1:]
    for run in runs:
        for i in compress(count(), map(not_, map(first.isdisjoint, run))):  # the words the first may be
            if i + len(rest) < len(run) and all(not k.isdisjoint(run[i + n]) for n, k in enumerate(rest, 1)):
                return True
    return False


def _by_key(words: list[_Word], needed: frozenset[str]) -> dict[str, list[int]]:
    """The positions of the words having each of the ``needed`` keys, in order.

    Only the keys of the candidate terms' first words are needed, so the other
    keys of the text's words are never indexed: one pass, one set test a word."""
    by_key: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        if not needed.isdisjoint(w.keys):
            for k in needed.intersection(w.keys):
                by_key.setdefault(k, []).append(i)
    return by_key


def _match(nlp: NLP, text: str, root: str, terms: tuple[str, ...], words: list[_Word]) -> list[TermMatch]:
    """The matches of the candidate ``terms`` among the text's ``words`` (longest first, no overlaps)."""
    if not words:
        return []

    term_words = [(term, tws) for term in terms if (tws := _term_words(nlp, term, root))]
    by_key = _by_key(words, frozenset().union(*(tws[0].keys for _term, tws in term_words)))
    candidates: list[TermMatch] = []
    for term, tws in term_words:
        starts: set[int] = set()
        for k in tws[0].keys:
            starts.update(by_key.get(k, ()))
        for i in sorted(starts):
            j = i + len(tws)
            if j > len(words):
                continue
            span = words[i:j]
            if not all(tw.keys & w.keys for tw, w in zip(tws, span)):
                continue
            if not all(_GAP_OK.match(text[a.end:b.start]) for a, b in zip(span, span[1:])):
                continue
            if len(set(w.in_hashtag for w in span)) > 1:
                continue
            first, last = span[0], span[-1]
            if i > 0 and _joined_by_hyphen(text, words[i - 1], first) and not first.in_hashtag:
                continue
            if (
                j < len(words)
                and _joined_by_hyphen(text, last, words[j])
                and not last.in_hashtag
                and not (root == "fr" and words[j].surface in _FR_ENCLITICS)
            ):
                continue
            exact = not first.in_hashtag and all(
                _same_word(tw.surface, text[w.start:w.end]) for tw, w in zip(tws, span)
            )
            candidates.append(TermMatch(first.start, last.end, text[first.start:last.end], term, exact))

    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TermMatch] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept



@functools.lru_cache(maxsize=4096)
def _surface_pattern(term: str) -> re.Pattern | None:
    words = _LETTERS.findall(_unaccent(_fold(term)))
    if not words:
        return None
    joined = r"[\s'’‐‑-]+".join(re.escape(w) for w in words)
    return re.compile(r"(?<![\w‐‑-])" + joined + r"(?:s|es|x)?(?![\w‐‑-])")


def mentions_any(texts: list[str], language: str, terms: list[str], *, in_hashtags: bool = False,
                 nlp: NLP | None = None) -> bool:
    """Whether any of ``texts`` mentions any of ``terms`` (as :func:`find_terms` would find).

    A term written as is (up to case, accents and a plural ending) answers at
    once; only otherwise are the texts analysed for inflected forms.  The answer
    is memoised for the texts together (M005 and M006 ask it of the same messages).
    """
    return _mentions_any(tuple(texts), language, tuple(terms), in_hashtags, nlp)


@memo.per_text(4096)
def _mentions_any(texts: tuple[str, ...], language: str, terms: tuple[str, ...], in_hashtags: bool,
                  nlp: NLP | None) -> bool:
    if any(_on_surface(text, terms, in_hashtags) for text in texts):
        return True
    unique = _unique_terms(terms)  # what find_terms searches: a text no term may be in is not asked
    return any(find_terms(text, language, terms, in_hashtags=in_hashtags, nlp=nlp) for text in texts
               if _may_have_candidates(text, unique, in_hashtags))


@functools.lru_cache(maxsize=8192)
def _on_surface(text: str, terms: tuple[str, ...], in_hashtags: bool) -> bool:
    """Whether ``text`` mentions one of ``terms`` as written (up to case, accents
    and a plural ending), in its hashtags too with ``in_hashtags``; memoised."""
    flat = _flat(strip_urls(text))
    hashtags = ""
    if in_hashtags and "#" in text:  # only the matches that open with "#" are read
        hashtags = _flat(" ".join(
            " ".join(_CAMEL.findall(m.group()[1:])) for m in _HASHTAG.finditer(text) if m.group().startswith("#")
        ))
    pattern = _surface_patterns(terms)
    return pattern is not None and (pattern.search(flat) is not None
                                    or bool(hashtags) and pattern.search(hashtags) is not None)


@functools.lru_cache(maxsize=1024)
def _surface_patterns(terms: tuple[str, ...]) -> re.Pattern | None:
    """The :func:`_surface_pattern` of each term as one alternation: it finds a match where
    any of them does (each alternative keeps its own look-arounds), in one search, not one a term."""
    patterns = [p.pattern for p in map(_surface_pattern, terms) if p is not None]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def find_hype(text: str, language: str, analysis: Analysis | None = None, *, nlp: NLP | None = None) -> list[TermMatch]:
    """Unsubstantiated superlatives and hype words from ``rules/<lang>/hype.txt``.

    Languages without a list give no match.
    """
    terms = _hype_terms(language_root(language))
    if not terms:
        return []
    return find_terms(text, language, terms, analysis, nlp=nlp)


@functools.lru_cache(maxsize=64)
def _hype_terms(root: str) -> tuple[str, ...]:
    """The hype list of a language root (empty without ``rules/<root>/hype.txt``)."""
    from campaignlint.resources import load_word_list, rules_path

    if not root or not rules_path(root, "hype.txt").is_file():
        return ()
    return load_word_list(root, "hype.txt")


def replace_preserving_case(original: str, replacement: str) -> str:
    """``replacement`` written with the capitalisation of ``original``.

    All capitals stay all capitals ("ECOLO" → "ÉCO-RESPONSABLE"); a capital first
    letter stays ("Écolo" → "Éco-responsable"); every word capitalised stays so
    ("Pas Cher" → "Abordable Et Durable"); otherwise the replacement is used as
    written (it may carry its own capitals: "sign up", "iPhone").
    """
    letters = [c for c in original if c.isalpha()]
    if not letters or not replacement:
        return replacement
    if all(c.isupper() for c in letters) and (len(letters) > 1 or len(original.split()) > 1):
        return replacement.upper()
    words = original.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    if original[:1].isupper() or (letters and letters[0].isupper() and original[0] == letters[0]):
        return replacement[:1].upper() + replacement[1:]
    return replacement

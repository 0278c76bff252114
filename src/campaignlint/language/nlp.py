"""Tokens, lemmas and sentences for campaign copy, as a service object.

:class:`NLP` is the language service one lint uses (the engine owns one and
hands it to rules through their context, ``ctx.nlp``): two lints in one process
(the language server) each have their own.  It holds

* the **analyses** (tokens with lemmas, sentences) of the texts rules ask
  about, made on demand — a text no rule asks about is never analysed — and
  kept in a bounded LRU;
* the **facts** of texts (:meth:`NLP.fact`): anything a rule computes from
  ``(text, language)`` alone — address, emoji, capitals, sentences, detected
  language — memoised under a name in one bounded LRU, so every rule that reads
  a fact of a text shares the first computation.

Two back ends make the analyses:

* ``lookup`` (the default): a regular-expression tokenizer that splits French
  elisions ("d'", "l'", "qu'") like spaCy's, lemmas from a lookup table
  (:mod:`campaignlint.language.lemmas`: simplemma's French table; the English
  suffix stripper), sentences at ``. ! ? …`` and at line ends (see below).  No
  model is loaded: measured on every rule case, the examples and a 300-file
  corpus, it finds the same terms as spaCy's model (docs/performance.md).
* ``spacy``: the ``fr_core_news_sm`` pipeline (``tok2vec``, ``morphologizer``,
  ``senter``, ``attribute_ruler``, ``lemmatizer``) for French and
  ``spacy.blank("en")`` + ``sentencizer`` for English, loaded lazily; chosen
  with ``CAMPAIGNLINT_NLP=spacy`` (needs the ``spacy`` extra).  Kept for the
  comparison in the benchmark.

Any other language: the regular-expression tokenizer; lemmas are the
lower-cased forms.

Sentences are additionally broken at line ends followed by a blank line, a
capital or a symbol: copy is often written one idea a line without a final full
stop ("Portez le changement 🌱\\nNotre collection…"), while a paragraph wrapped
inside a long string goes on in lower case on the next line.

All offsets are ``str`` indices into the text given, end-exclusive.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable

from campaignlint.language.lemmas import FRENCH_ELISIONS, english_lemma, lemma_table
from campaignlint.language.url_masks import URL_LIKE, may_hold_url

__all__ = [
    "Tok",
    "Analysis",
    "NLP",
    "default_service",
    "analyse",
    "analyse_many",
    "english_lemma",
    "language_root",
    "clear_cache",
]


@dataclass(slots=True, unsafe_hash=True)  # not frozen: texts make many (never change one)
class Tok:
    """One token: its text, lower-cased lemma and ``[start, end)`` offsets."""

    text: str
    lemma: str
    start: int
    end: int
    is_alpha: bool
    is_punct: bool


@dataclass(frozen=True, slots=True)
class Analysis:
    """The tokens and sentences of one text (both as tuples, shared by the cache).

    ``sentences`` are ``(start, end)`` offsets from the first character of a
    sentence's first token to the end of its last token.
    """

    text: str
    language: str
    tokens: tuple[Tok, ...]
    sentences: tuple[tuple[int, int], ...]

    def words(self) -> list[Tok]:
        """The tokens that contain at least one letter or digit."""
        return [t for t in self.tokens if _HAS_WORD_CHAR.search(t.text)]


# --------------------------------------------------------------------------- regexes

_HAS_WORD_CHAR = re.compile(r"[^\W_]")
_REGEX_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[#@][^\W_][\w]*"
    r"|\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*['’]?"
    r"|\S",
)
# the lookup back end: words keep their inner hyphens ("éco-responsable", "Profitez-en")
_LOOKUP_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[#@][^\W_][\w]*"
    r"|\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:['’‐‑-][^\W\d_]+)*['’]?"
    r"|\S",
)
_FRENCH_ELIDED = re.compile(r"(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])['’](?=[^\W\d_])", re.IGNORECASE)
_HYPHEN = re.compile(r"([‐‑-])")
_PUNCT_ONLY = re.compile(r"^[^\w\s]+$")
_REGEX_SENTENCE_END = re.compile(r"[.!?…]+")


@functools.lru_cache(maxsize=256)
def language_root(language: str | None) -> str:
    """``"fr-FR"``, ``"fr_CA"``, ``"FR"`` → ``"fr"``; ``None``/empty → ``""``."""
    if not language:
        return ""
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()


# --------------------------------------------------------------------------- sentences


def _line_ends_sentence(text: str, i: int) -> bool:
    """Does the line break at ``text[i]`` end a sentence?

    Yes before a blank line, a capital or a symbol (emoji, bullet); no when the
    next line goes on in lower case, with a digit or ``, ; :`` (a wrapped paragraph).
    """
    j = i + 1
    while j < len(text) and text[j] in " \t\r":
        j += 1
    if j >= len(text) or text[j] == "\n":
        return True
    c = text[j]
    return not (c.islower() or c.isdigit() or c in ",;:)]»”")


def _split_at_lines(text: str, spans: Iterable[tuple[int, int]],
                    tokens: tuple[Tok, ...]) -> tuple[tuple[int, int], ...]:
    """Cut sentence spans at line ends, then snap them to token boundaries."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece_start = start
        i = text.find("\n", start, end)  # the line ends, found by str.find, not char by char
        while i >= 0:
            if _line_ends_sentence(text, i):
                out.append((piece_start, i))
                piece_start = i + 1
            i = text.find("\n", i + 1, end)
        out.append((piece_start, end))
    snapped: list[tuple[int, int]] = []
    j = 0
    for start, end in out:
        while j < len(tokens) and tokens[j].end <= start:
            j += 1
        k = j
        first = last = None
        while k < len(tokens) and tokens[k].start < end:
            if first is None:
                first = tokens[k].start
            last = tokens[k].end
            k += 1
        if first is not None and last is not None:
            if snapped and snapped[-1][1] > first:  # never overlap
                continue
            snapped.append((first, last))
    return tuple(snapped)



# --------------------------------------------------------------------------- builders


def _from_doc(text: str, root: str, doc) -> Analysis:
    toks: list[Tok] = []
    english = root == "en"
    for t in doc:
        if t.is_space:
            continue
        surface = t.text
        if english:
            lemma = english_lemma(surface) if t.is_alpha else surface.lower()
        else:
            lemma = (t.lemma_ or surface).lower()
        toks.append(
            Tok(
                text=surface,
                lemma=lemma,
                start=t.idx,
                end=t.idx + len(surface),
                is_alpha=t.is_alpha,
                is_punct=t.is_punct,
            )
        )
    tokens = tuple(toks)
    spans = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
    return Analysis(text, root, tokens, _split_at_lines(text, spans, tokens))


@functools.lru_cache(maxsize=65536)
def _regex_pieces(surface: str, root: str) -> tuple[tuple[int, str, str, bool, bool], ...]:
    """The one token a match of the regular-expression tokenizer makes (as :func:`_lookup_pieces`)."""
    return ((0, surface, surface.lower(), surface.isalpha(), bool(_PUNCT_ONLY.match(surface))),)


def _regex_analysis(text: str, root: str) -> Analysis:
    """Tokens from the regular-expression tokenizer, lemmas lower-cased (languages without a table)."""
    return _pieces_analysis(text, root, _REGEX_TOKEN, _regex_pieces)


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _REGEX_SENTENCE_END.finditer(text):
        after = m.end()
        if after == len(text) or text[after].isspace():
            spans.append((start, after))
            start = after
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _lookup_lemma(word: str, root: str) -> str:
    """The lemma of one word (no hyphen, no elision), lower-cased."""
    lower = word.lower().replace("’", "'")
    if root == "en":
        return english_lemma(word) if word.isalpha() else lower
    return lemma_table(root).lemma(lower)


@functools.lru_cache(maxsize=65536)
def _lookup_pieces(surface: str, root: str) -> tuple[tuple[int, str, str, bool, bool], ...]:
    """The tokens one match of the tokenizer makes: ``(offset, text, lemma, is_alpha,
    is_punct)`` each; memoised (copy repeats its words, and the tables do not change)."""
    out: list[tuple[int, str, str, bool, bool]] = []
    offset = 0
    if root == "fr":
        while True:  # "qu'il", "d'industriel": the elided word is a token of its own
            elided = _FRENCH_ELIDED.match(surface)
            if elided is None or elided.end() >= len(surface):
                break
            head = elided.group()
            out.append((offset, head, FRENCH_ELISIONS[head.lower().replace("’", "'")], False, False))
            surface, offset = surface[elided.end():], offset + elided.end()
    first = surface[:1]
    if first.isalpha() and not first.isdigit():
        pieces = _HYPHEN.split(surface)
        lemma = "".join(p if i % 2 else _lookup_lemma(p, root) for i, p in enumerate(pieces))
    else:
        lemma = surface.lower()
    out.append((offset, surface, lemma, surface.isalpha(), bool(_PUNCT_ONLY.match(surface))))
    return tuple(out)


def _lookup_analysis(text: str, root: str) -> Analysis:
    """Tokens and lemmas from the lookup tables (no model): see the module docstring."""
    return _pieces_analysis(text, root, _LOOKUP_TOKEN, _lookup_pieces)


Pieces = Callable[[str, str], tuple[tuple[int, str, str, bool, bool], ...]]


def _pieces_analysis(text: str, root: str, pattern: re.Pattern, pieces: Pieces) -> Analysis:
    """The analysis made of the tokens ``pieces`` cuts each match of ``pattern`` into."""
    toks: list[Tok] = []
    append = toks.append
    for m in pattern.finditer(text):
        start = m.start()
        for offset, surface, lemma, is_alpha, is_punct in pieces(m.group(), root):
            append(Tok(surface, lemma, start + offset, start + offset + len(surface), is_alpha, is_punct))
    tokens = tuple(toks)
    return Analysis(text, root, tokens, _split_at_lines(text, _regex_sentences(text), tokens))


# --------------------------------------------------------------------------- spaCy (optional)

_PIPELINES: dict[str, object] = {}
_PIPELINE_LOCK = threading.Lock()
_SPACY_LANGUAGES = ("fr", "en")


def _pipeline(root: str):
    """The spaCy pipeline for ``fr`` or ``en`` (built once per process, then reused)."""
    nlp = _PIPELINES.get(root)
    if nlp is not None:
        return nlp
    with _PIPELINE_LOCK:
        nlp = _PIPELINES.get(root)
        if nlp is None:
            import spacy  # lazy: several seconds

            if root == "fr":
                nlp = spacy.load("fr_core_news_sm", exclude=["parser", "ner"])
                if "senter" in nlp.component_names and "senter" not in nlp.pipe_names:
                    nlp.enable_pipe("senter")
                if not nlp.has_pipe("senter"):  # an older model without senter
                    nlp.add_pipe("sentencizer")
            else:
                nlp = spacy.blank(root)
                nlp.add_pipe("sentencizer")
            _PIPELINES[root] = nlp
    return nlp


# --------------------------------------------------------------------------- the service


class _LRU:
    """A bounded least-recently-used mapping (not thread-safe on its own)."""

    def __init__(self, size: int):
        self.size = size
        self.data: OrderedDict = OrderedDict()

    def get(self, key):
        value = self.data.get(key, _MISSING)
        if value is not _MISSING:
            self.data.move_to_end(key)
        return value

    def put(self, key, value) -> None:
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.size:
            self.data.popitem(last=False)

    def __len__(self) -> int:
        return len(self.data)


_MISSING = object()


class NLP:
    """The language service of one lint: analyses and facts of texts, in bounded LRUs.

    ``backend``: ``"lookup"`` (default) or ``"spacy"``; ``None`` reads
    ``CAMPAIGNLINT_NLP``.  Thread-safe: the language server lints off its event
    loop while it answers hovers.
    """

    def __init__(self, backend: str | None = None, *, analyses: int = 2048, facts: int = 8192):
        self.backend = backend or os.environ.get("CAMPAIGNLINT_NLP") or "lookup"
        self._analyses = _LRU(analyses)
        self._facts = _LRU(facts)
        self._lock = threading.RLock()
        self.analysed = 0  # texts analysed (not answered from the cache): for tests and the benchmark

    def analyse(self, text: str, language: str) -> Analysis:
        """The analysis of one text (cached)."""
        return self.analyse_many([(text, language)])[0]

    def analyse_many(self, items: list[tuple[str, str]]) -> list[Analysis]:
        """Analyse ``(text, language)`` pairs; results come back in the same order.

        Repeated texts are analysed once; with spaCy, the missing texts of one
        language go through one ``nlp.pipe`` batch.
        """
        results: list[Analysis | None] = [None] * len(items)
        pending: dict[str, dict[str, list[int]]] = {}
        with self._lock:
            for i, (text, language) in enumerate(items):
                root = language_root(language)
                cached = self._analyses.get((root, text))
                if cached is not _MISSING:
                    results[i] = cached
                else:
                    pending.setdefault(root, {}).setdefault(text, []).append(i)
        for root, by_text in pending.items():
            texts = list(by_text)
            if self.backend == "spacy" and root in _SPACY_LANGUAGES:
                pipe = _pipeline(root)
                analyses = [_from_doc(t, root, d) for t, d in zip(texts, pipe.pipe(texts, batch_size=128))]
            elif root in _SPACY_LANGUAGES:
                analyses = [_lookup_analysis(t, root) for t in texts]
            else:
                analyses = [_regex_analysis(t, root) for t in texts]
            with self._lock:
                self.analysed += len(texts)
                for text, analysis in zip(texts, analyses):
                    self._analyses.put((root, text), analysis)
                    for i in by_text[text]:
                        results[i] = analysis
        return results  # type: ignore[return-value]

    def tokenizer(self, root: str) -> tuple[re.Pattern, Pieces] | None:
        """How :meth:`analyse` tokenizes a ``root`` text without a model: the pattern whose
        matches it cuts, with the function (memoised, called with the match and ``root``)
        giving each match's tokens as ``(offset, text, lemma, is_alpha, is_punct)``;
        ``None`` when a spaCy pipeline makes the tokens.  A caller that needs only the
        tokens' words (:mod:`~campaignlint.language.terms`) reads them this way, without
        the token objects and sentences of an analysis."""
        if root in _SPACY_LANGUAGES:
            return None if self.backend == "spacy" else (_LOOKUP_TOKEN, _lookup_pieces)
        return _REGEX_TOKEN, _regex_pieces

    def fact(self, name: Hashable, text: str, language: str | None, compute: Callable[[str, Any], Any]) -> Any:
        """``compute(text, language)``, memoised under ``name`` for ``(text, language)``.

        One cache for every fact of every text (address, emoji, capitals,
        sentences, detected language, term matches…): the first rule that asks
        pays, the others read it.  ``name`` must say everything ``compute``
        depends on besides the text and the language (e.g. ``("terms", terms)``).
        """
        key = (name, language, text)
        facts = self._facts
        data = facts.data  # _LRU.get and put inline: facts are asked for tens of thousands of times a lint
        with self._lock:
            found = data.get(key, _MISSING)
            if found is not _MISSING:
                data.move_to_end(key)
                return found
        value = compute(text, language)
        with self._lock:
            data[key] = value
            data.move_to_end(key)  # another thread may have put it meanwhile
            if len(data) > facts.size:
                data.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every analysis and fact (lemma tables and spaCy pipelines stay loaded)."""
        with self._lock:
            self._analyses.data.clear()
            self._facts.data.clear()


_DEFAULT: NLP | None = None


def default_service() -> NLP:
    """The process's shared service, for callers that have no lint context (tests, tools)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = NLP()
    return _DEFAULT


def analyse(text: str, language: str) -> Analysis:
    """``default_service().analyse``."""
    return default_service().analyse(text, language)


def analyse_many(items: list[tuple[str, str]]) -> list[Analysis]:
    """``default_service().analyse_many``."""
    return default_service().analyse_many(items)


def clear_cache() -> None:
    """Forget every analysis and fact of the default service."""
    default_service().clear()


def strip_urls(text: str) -> str:
    """``text`` with URLs, e-mail addresses and bare domains blanked out (same length)."""
    if not may_hold_url(text):
        return text
    return URL_LIKE.sub(lambda m: " " * len(m.group()), text)

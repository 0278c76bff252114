"""Tokens, lemmas and sentences for campaign copy, with spaCy loaded lazily.

One pipeline per language is built on first use and kept for the life of the
process:

* French (``fr``): the ``fr_core_news_sm`` model with only what lemmas and
  sentences need: ``tok2vec``, ``morphologizer``, ``senter`` (the statistical
  sentence recogniser, which the model ships disabled), ``attribute_ruler`` and
  ``lemmatizer``.  The ``parser`` and ``ner`` are excluded: measured on 1,000
  campaign texts, the parser-based pipeline takes 1.8 s, this one 1.2 s, for the
  same lemmas.
* English (``en``): no English model can be installed from the package index and
  spaCy's own English lemmatisers need the ``spacy-lookups-data`` tables, so the
  pipeline is ``spacy.blank("en")`` (tokenizer) plus the rule-based
  ``sentencizer``, and lemmas come from :func:`english_lemma`, a small suffix
  stripper with an exception list in ``rules/en/lemmas.toml``.
* Any other language: a regular-expression tokenizer; lemmas are the lower-cased
  forms.

Sentences are additionally broken at line ends followed by a blank line, a
capital or a symbol: copy is often written one idea a line without a final full
stop ("Portez le changement 🌱\\nNotre collection…"), while a paragraph wrapped
inside a long string goes on in lower case on the next line.

Everything is cached per ``(text, language)``: analysing the same text twice
costs a dictionary look-up.  All offsets are ``str`` indices into the text given,
end-exclusive.
"""

from __future__ import annotations

import re

from campaignlint.language.scanning import DOMAIN, EMAIL, Alternation
import threading
from dataclasses import dataclass
from typing import Iterable

from campaignlint.resources import load_toml

__all__ = [
    "Tok",
    "Analysis",
    "analyse",
    "analyse_many",
    "english_lemma",
    "language_root",
    "clear_cache",
    "defer_many",
]


@dataclass(frozen=True, slots=True)
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
# explicit URLs, e-mail addresses, bare domains (verdure.fr/p), found in linear
# time even in a 100,000-character word (see ``scanning``)
_URL_LIKE = Alternation(re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE), EMAIL, DOMAIN)
_REGEX_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[#@][^\W_][\w]*"
    r"|\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*['’]?"
    r"|\S",
)
_PUNCT_ONLY = re.compile(r"^[^\w\s]+$")
_REGEX_SENTENCE_END = re.compile(r"[.!?…]+")

# --------------------------------------------------------------------------- English lemmas

_VOWELS = set("aeiouy")


def _english_tables() -> tuple[dict[str, str], frozenset[str]]:
    global _EN_TABLES
    if _EN_TABLES is None:
        data = load_toml("en", "lemmas.toml")
        _EN_TABLES = (
            {k.lower(): v.lower() for k, v in data.get("irregular", {}).items()},
            frozenset(w.lower() for w in data.get("keep", {}).get("words", [])),
        )
    return _EN_TABLES


_EN_TABLES: tuple[dict[str, str], frozenset[str]] | None = None


def _undouble(stem: str) -> str:
    """``runn`` → ``run``, ``shipp`` → ``ship``; ``fall``/``pass``/``buzz`` stay."""
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouylsz":
        return stem[:-1]
    return stem


def _restore_e(stem: str) -> str:
    """Add back the silent ``e`` dropped before ``-ing``/``-ed`` where English needs it.

    ``creat`` → ``create``, ``shar`` → ``share``, ``us`` → ``use``; ``answer``,
    ``launch``, ``sign`` stay.  A heuristic: consonant + vowel + one of the
    consonants that usually carry a silent e, or the endings ``-at``/``-iz``/``-ys``.
    """
    if stem.endswith("v") or stem.endswith(("at", "iz", "is", "ys", "uc", "ur", "rg", "ng", "dg", "rs", "ns", "ag", "as", "aus", "lud")):
        if stem.endswith(("ng",)) and not stem.endswith(("ang", "eng")):
            return stem
        return stem + "e"
    if (
        len(stem) >= 2
        and stem[-1] not in _VOWELS
        and stem[-1] not in "wxy"
        and stem[-2] in _VOWELS
        and (len(stem) == 2 or stem[-3] not in _VOWELS)
        and (len(stem) <= 3 or (len(stem) == 4 and stem[0] not in _VOWELS and stem[1] not in _VOWELS))
    ):  # hop → hope, shar → share; open, edit stay
        return stem + "e"
    return stem


def english_lemma(word: str) -> str:
    """A lower-cased English lemma for ``word``, without any model.

    Irregular forms and words that only look inflected come from
    ``rules/en/lemmas.toml``.  Otherwise: ``-ies`` → ``-y`` (synergies → synergy),
    ``-sses/-ches/-shes/-xes/-zes/-oes`` lose ``-es``, other ``-s`` (not ``-ss``,
    ``-us``, ``-is``) is dropped, ``-ing``/``-ed`` are stripped with the doubled
    consonant undone (running → run) or the silent ``e`` restored (sharing → share).
    Comparatives and superlatives are left alone (``best`` stays ``best``).
    """
    w = word.lower().replace("’", "'")
    irregular, keep = _english_tables()
    if w in irregular:
        return irregular[w]
    if w in keep or len(w) <= 2 or not w.isalpha():
        return w
    if len(w) == 3:  # ups → up, ads → ad; short function words are in the tables
        return w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) else w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    if w.endswith("oes") and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")):
        return w[:-1]
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        if not any(c in _VOWELS for c in stem):
            return w
        undoubled = _undouble(stem)
        return undoubled if undoubled != stem else _restore_e(stem)
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4:
        if w.endswith("eed"):  # agreed → agree
            return w[:-1]
        stem = w[:-2]
        undoubled = _undouble(stem)
        return undoubled if undoubled != stem else _restore_e(stem)
    return w


# --------------------------------------------------------------------------- pipelines


def language_root(language: str | None) -> str:
    """``"fr-FR"``, ``"fr_CA"``, ``"FR"`` → ``"fr"``; ``None``/empty → ``""``."""
    if not language:
        return ""
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()


_PIPELINES: dict[str, object] = {}
_LOCK = threading.Lock()
_SPACY_LANGUAGES = ("fr", "en")


def _pipeline(root: str):
    """The spaCy pipeline for ``fr`` or ``en`` (built once, then reused)."""
    nlp = _PIPELINES.get(root)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _PIPELINES.get(root)
        if nlp is None:
            import spacy  # lazy: ~0.4 s

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


# --------------------------------------------------------------------------- cache

_CACHE: dict[tuple[str, str], Analysis] = {}
_CACHE_MAX = 50_000


def clear_cache() -> None:
    """Forget every analysed text (the pipelines stay loaded)."""
    _CACHE.clear()
    _DEFERRED.clear()


def _remember(key: tuple[str, str], analysis: Analysis) -> None:
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = analysis


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


def _split_at_lines(text: str, spans: Iterable[tuple[int, int]], tokens: tuple[Tok, ...]) -> tuple[tuple[int, int], ...]:
    """Cut sentence spans at line ends, then snap them to token boundaries."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece_start = start
        for i in range(start, end):
            if text[i] == "\n" and _line_ends_sentence(text, i):
                out.append((piece_start, i))
                piece_start = i + 1
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


def _regex_analysis(text: str, root: str) -> Analysis:
    toks: list[Tok] = []
    for m in _REGEX_TOKEN.finditer(text):
        surface = m.group()
        toks.append(
            Tok(
                text=surface,
                lemma=surface.lower(),
                start=m.start(),
                end=m.end(),
                is_alpha=surface.isalpha(),
                is_punct=bool(_PUNCT_ONLY.match(surface)),
            )
        )
    tokens = tuple(toks)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _REGEX_SENTENCE_END.finditer(text):
        after = m.end()
        if after == len(text) or text[after].isspace():
            spans.append((start, after))
            start = after
    if start < len(text):
        spans.append((start, len(text)))
    return Analysis(text, root, tokens, _split_at_lines(text, spans, tokens))


# --------------------------------------------------------------------------- API


def analyse_many(items: list[tuple[str, str]]) -> list[Analysis]:
    """Analyse ``(text, language)`` pairs; results come back in the same order.

    All the not-yet-cached texts of one language go through a single
    ``nlp.pipe`` batch.  Repeated texts are analysed once.
    """
    results: list[Analysis | None] = [None] * len(items)
    pending: dict[str, dict[str, list[int]]] = {}
    for i, (text, language) in enumerate(items):
        root = language_root(language)
        cached = _CACHE.get((root, text))
        if cached is not None:
            results[i] = cached
        else:
            pending.setdefault(root, {}).setdefault(text, []).append(i)
    for root, by_text in pending.items():
        texts = list(by_text)
        if root in _SPACY_LANGUAGES:
            nlp = _pipeline(root)
            analyses = [_from_doc(t, root, d) for t, d in zip(texts, nlp.pipe(texts, batch_size=128))]
        else:
            analyses = [_regex_analysis(t, root) for t in texts]
        for text, analysis in zip(texts, analyses):
            _remember((root, text), analysis)
            for i in by_text[text]:
                results[i] = analysis
    return results  # type: ignore[return-value]


_DEFERRED: dict[str, dict[str, None]] = {}  # language root → texts to analyse with the next one


def defer_many(items: list[tuple[str, str]]) -> None:
    """Announce texts that may need analysing, without analysing them yet.

    The engine announces all copy up front; the first :func:`analyse` of a
    language that misses the cache then runs every announced text of that
    language through one ``nlp.pipe`` batch.  Nothing is loaded if no rule
    ever asks (most copy never needs lemmas: see ``terms.find_terms``).
    """
    for text, language in items:
        root = language_root(language)
        if (root, text) not in _CACHE:
            _DEFERRED.setdefault(root, {})[text] = None


def analyse(text: str, language: str) -> Analysis:
    """Analyse one text (cached), with every deferred text of its language."""
    root = language_root(language)
    cached = _CACHE.get((root, text))
    if cached is not None:
        return cached
    batch = [(t, root) for t in _DEFERRED.pop(root, {}) if t != text]
    return analyse_many(batch + [(text, language)])[-1]


def strip_urls(text: str) -> str:
    """``text`` with URLs, e-mail addresses and bare domains blanked out (same length)."""
    return _URL_LIKE.sub(lambda m: " " * len(m.group()), text)

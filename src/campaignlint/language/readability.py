"""Reading ease of copy, with the Flesch formula of the text's language.

``score = base - a * words/sentences - b * syllables/words``, coefficients per
language in ``rules/readability.toml``: Flesch reading ease for English,
Kandel–Moles for French, and the Flesch adaptations textstat knows for German,
Spanish, Italian and Dutch.  Higher is easier; 30 is very hard, 60 plain.

The coefficients and the syllable method are textstat's (0.7.13; checked by the
tests against ``textstat.flesch_reading_ease``), but words and sentences are
counted here, because textstat's counting misreads campaign copy:

* it glues an elided word to its host ("d'été" → "dété") and drops hyphens
  ("Profitez-en" → "Profitezen"): here an elision and its host make one word
  whose syllables are the host's, and a hyphenated compound is its parts;
* it ignores every sentence of two words or fewer ("Bonjour," "-15 % !"), which
  turns short punchy copy into one long sentence: here every sentence counts;
* it does not end a sentence at a line break: here a line break ends one when a
  blank line or a capital (or a digit, an emoji, a bullet…) follows, not when
  the next line goes on in lower case (a paragraph wrapped in a long string);
  an emoji or a hashtag followed by a capital ends one too (social captions
  use them as full stops);
* in English it looks every word up in the CMU dictionary, which it downloads
  through NLTK on first use: offline, that is a network attempt and then an
  exception.  Here syllables are always Pyphen hyphenation points + 1 (what
  textstat does for every other language, and for English words the CMU
  dictionary lacks).  Nothing touches the network; textstat is not imported.

URLs, e-mail addresses, @mentions, #hashtags and emoji are not prose and are
left out of the count.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Sequence

from campaignlint.language import memo

from campaignlint.language.nlp import language_root
from campaignlint.language.url_masks import DOMAIN, EMAIL, Alternation, may_hold_url, may_hold_url_or_tag
from campaignlint.resources import load_toml

__all__ = ["Readability", "readability", "count_text", "split_sentences", "sentence_count", "prose_words",
           "prose_word_tuple", "prose_text"]


@dataclass(frozen=True, slots=True)
class Readability:
    score: float
    formula: str
    words: int
    sentences: int
    syllables: int


# URLs, e-mail addresses, bare domains, #hashtags and @mentions: the regular
# expression ``(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+
# |\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?|(?<![\w#@])[#@][^\W_]\w*``
# (case-insensitive), matched in linear time (see ``url_masks``).
# ``(?<![\w#@])[#@][^\W_]\w*`` written sign first, so that ``re`` skips to the signs in C (5x faster;
# same spans: tests/test_shortcuts.py)
TAG = re.compile(r"[#@](?<![\w#@].)[^\W_]\w*", re.IGNORECASE)
_NOT_PROSE = Alternation(re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE), EMAIL, DOMAIN, TAG)
# emoji and the characters that join or vary them (ZWJ, variation selector)
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d"
# Every cut starts with one of ``. ! ? …``, a line break or an emoji, and the
# pattern opens with that one character class: ``re`` then skips every other
# character in C (a pattern opening with an alternation of lookbehinds is tried
# at every position, ten times slower).  The first character is read, and each
# branch asks with a lookbehind which one it was, and that the one before it
# does not continue the same run of ``.!?…`` or emoji: a cut starting later in
# such a run would also start at the run's start, which the engine tries first
# (the guard saves re-scanning the run from each of its characters).  A
# line-break cut starts at the line break, not at the spaces before it: those
# stay at the end of the sentence before, which is stripped.
_SENTENCE_END = re.compile(
    rf"[.!?…\n{_EMOJI}]"
    # end punctuation
    r"(?:(?<=[.!?…])(?<![.!?…].)[.!?…]*(?=[\s\"'»”)\]]|$)"
    # a blank line
    r"|(?<=\n)(?:[ \t]*\n)+"
    # a line break before a capital, a digit or a symbol
    r"|(?<=\n)(?=[ \t]*[^\s\w,;:)\]»”]|[ \t]*[^\W\d_](?<![a-zß-ÿ])|[ \t]*\d)"
    # an emoji used as a full stop: "…construire 😶 On…"
    rf"|(?<=[{_EMOJI}])(?<![{_EMOJI}].)[{_EMOJI}]*[ \t]+(?=[^\W\d_](?<![a-zß-ÿ])))"
)
# "#fun #team Merci à tous": a hashtag followed by a capital closes the sentence before it
_HASHTAG_BEFORE_CAPITAL = re.compile(r"(?<![\w#@/&])#[^\W_]\w*(?=[ \t]+[^\W\d_](?<![a-zß-ÿ]))")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELISION = re.compile(
    r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[^\W\d_])", re.IGNORECASE
)


@memo.per_text(4096)
def _prose(text: str) -> str:
    """``text`` with its URLs, e-mail addresses, domains, hashtags and mentions blanked (memoised).

    Most copy holds none of them; much of the rest (social posts) only tags:
    without a URL cue only the tag pattern can match, in one regex pass.
    """
    if not may_hold_url_or_tag(text):
        return text
    return _NOT_PROSE.sub(" ", text) if may_hold_url(text) else TAG.sub(" ", text)


prose_text = _prose  # public name: T007's language detection starts from the same masks


def prose_words(text: str) -> list[str]:
    """The words of ``text`` once URLs, mentions, hashtags and emoji are left out.

    Hyphenated compounds are split ("Profitez-en" → "Profitez", "en"); an elided
    word stays with its host ("d'été", "aujourd'hui").
    """
    return list(_prose_words(text))


@memo.per_text(4096)
def _prose_words(text: str) -> tuple[str, ...]:
    """:func:`prose_words`, memoised and not copied (read it, do not change it)."""
    return tuple(_WORD.findall(_prose(text)))


prose_word_tuple = _prose_words  # public name: T007 and T009 read the memoised words without a copy


def split_sentences(text: str) -> list[str]:
    """Sentences: cut after ``. ! ? …`` (before a space or the end) and at line ends.

    A line end cuts before a capital, a digit, a symbol or a blank line (a line
    that goes on in lower case continues the sentence).  An emoji followed by a
    capital is used as a full stop ("…construire 😶 On vous montre…"), and so is
    a hashtag run followed by a capital ("Super soirée #fun #team Merci à tous").

    Pieces without any word (a line of hashtags, a lone emoji) are dropped.
    """
    return list(_sentences(text))


@memo.per_text(4096)
def _sentences(text: str) -> tuple[str, ...]:
    """:func:`split_sentences`, memoised (T006, T009 and the reading ease read the same texts)."""
    cleaned = _prose(_HASHTAG_BEFORE_CAPITAL.sub("\n\n", text) if "#" in text else text)
    return tuple(map(str.strip, filter(_WORD.search, _SENTENCE_END.split(cleaned))))


def sentence_count(text: str) -> int:
    """``len(split_sentences(text))``, without copying the memoised sentences."""
    return len(_sentences(text))


def count_text(text: str) -> tuple[int, int]:
    """``(words, sentences)`` of ``text`` as the readability formulas count them."""
    sentences = _sentences(text)
    return len(_words(text, sentences)), len(sentences)


def _sentence_words(sentences: tuple[str, ...]) -> list[str]:
    """The words of every sentence, in one search: no word holds or crosses a line break."""
    return _WORD.findall("\n".join(sentences))


def _words(text: str, sentences: tuple[str, ...]) -> Sequence[str]:
    """The words of ``sentences`` (those of ``text``): its prose words (memoised) when they are the same.

    Without ``#`` the sentences are cut from the prose itself (:func:`_prose`),
    and a cut is made of ``. ! ? …``, line breaks, spaces, tabs and emoji,
    none of which is a letter, a digit or an apostrophe unless the text holds
    one of the few emoji-range characters that are (❶, 🄁…): cutting then
    splits or joins no word, and a dropped piece has none.
    """
    if not _prose_words_are_sentence_words(text):
        return _sentence_words(sentences)
    return _prose_words(text)


def _prose_words_are_sentence_words(text: str) -> bool:
    """The words of the text's sentences are its prose words (see :func:`_words`)."""
    return "#" not in text and not _letter_emoji().search(text)


@functools.cache
def _letter_emoji() -> re.Pattern:
    """The characters of :data:`_EMOJI` that are letters or digits (``❶``, ``🄁``): a cut may hold them."""
    ranges, i = [], 0
    while i < len(_EMOJI):  # "a-bcd-e": ranges and single characters
        if i + 2 < len(_EMOJI) and _EMOJI[i + 1] == "-":
            ranges.append((_EMOJI[i], _EMOJI[i + 2]))
            i += 3
        else:
            ranges.append((_EMOJI[i], _EMOJI[i]))
            i += 1
    letter = re.compile(r"[^\W_]")
    runs: list[list[int]] = []  # as ranges of code points: re tests a range much faster than a list of characters
    for code in (c for low, high in ranges for c in range(ord(low), ord(high) + 1) if letter.match(chr(c))):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs) + "]")


@functools.cache
def _hyphenator(dictionary: str):
    import pyphen  # small, pure Python; the dictionaries ship with it

    return pyphen.Pyphen(lang=dictionary)


@functools.cache
def _syllable_counter(root: str, dictionary: str):
    """The syllables of a word of ``root`` (Pyphen points + 1), memoised per word.

    One memo per language, keyed by the word alone: ``sum(map(count, words))``
    then reads it without a Python call per word.  Words come back from file to
    file, so it is not a per-text memo; it is bounded.
    """
    positions = _hyphenator(dictionary).positions
    elide, drop_apostrophes = root in ("fr", "it"), root == "en"

    @functools.lru_cache(maxsize=65536)
    def count(word: str) -> int:
        w = word.lower().replace("’", "'")
        if elide:
            w = _ELISION.sub("", w)
        if "'" in w and drop_apostrophes:
            w = w.replace("'", "")
        return len(positions(w)) + 1

    return count


def _formulas() -> dict:
    return load_toml("readability.toml")


def readability(text: str, language: str, min_words: int = 30) -> Readability | None:
    """The reading-ease score of ``text``, or ``None``.

    ``None`` when the language has no formula in ``rules/readability.toml`` or the
    text has fewer than ``min_words`` words (formulas mean nothing on a tweet).
    """
    root = language_root(language)
    formula = _formulas().get(root)
    if formula is None:
        return None
    if _prose_words_are_sentence_words(text) and len(_prose_words(text)) < min_words:
        return None  # too short, told before the text is cut into sentences (which it then need not be)
    sentences = _sentences(text)
    words = _words(text, sentences)
    if not words or len(words) < min_words:
        return None
    syllables = sum(map(_syllable_counter(root, formula["hyphenation"]), words))
    n_words, n_sentences = len(words), len(sentences)
    score = (
        formula["base"]
        - formula["sentence_length"] * n_words / n_sentences
        - formula["syllables_per_word"] * syllables / n_words
    )
    return Readability(round(score, 2), formula["formula"], n_words, n_sentences, syllables)

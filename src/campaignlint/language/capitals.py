"""When a word in capitals is loud: the one exemption logic of T005 (shouting) and T009 (capitals share).

:func:`shouting_runs` finds the stretches of a text that shout (T005, and R008
of the ``google-ads`` pack with a lower threshold).

A word written in capitals is *loud* unless it is one of these:

* a word with a digit ("EV3", "4G", "HIVER30"): a code or a product name;
* an acronym or keyword of ``rules/<lang>/tone.toml`` (``[shouting] allowed``:
  RGPD, STOP, GDPR…);
* a name of the campaign: the brand, SMS senders, offer codes, the channel's
  opt-out text (compared in capitals without accents);
* a word the team accepts: the voice's ``accept "DELE", "EV3"`` (shared by
  every tone rule);
* a short word (at most :data:`SHORT_WORD` letters) that is not a common word
  of the language: exam names (DELE, TOEIC), models (SUV), airport and city
  codes (NYC, LHR) are acronyms, not raised voices.  A word is common when it
  is a stop word of ``rules/<lang>/stop_words.txt``, one of the
  ``[shouting] common`` words of ``rules/<lang>/tone.toml`` (the short words
  copy shouts: PROMO, VITE, FREE, SALE…), or a word simplemma's dictionary of
  the language knows.  So "VITE" and "FREE" are loud, "DELE" in French copy is
  not.

Title Case ("Book Your EV3 Test Drive Today", the Google Ads convention) is
never loud: only words whose letters are all capitals are.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from campaignlint.language import memo
from campaignlint.language.url_masks import EMAIL, bare_domain
from campaignlint.text.wording import strip_accents

__all__ = ["Exemptions", "SHORT_WORD", "is_loud", "caps_key", "exemptions_for", "code_cues", "shouting_runs"]

#: a word in capitals of at most this many letters is loud only if it is a common word
SHORT_WORD = 5

_CHUNK = re.compile(r"[^\W_]+")
_LONG_CHUNK = re.compile(r"[^\W_]{2,}")  # the chunks of 2 characters or more


@functools.lru_cache(maxsize=8192)
def caps_key(word: str) -> str:
    """How words in capitals are compared: capitals, no accents ("Noël" → "NOEL").

    Memoised per word (bounded): T005, T009 and R008 ask it of every word in capitals,
    and words come back from text to text."""
    return strip_accents(word).upper()


@dataclass(frozen=True)
class Exemptions:
    """The words in capitals one campaign writes on purpose (names, accepted words)."""

    names: frozenset[str] = frozenset()
    accepted: frozenset[str] = frozenset()


@memo.last_campaign
def exemptions_for(campaign) -> Exemptions:
    """The campaign's names (brand, senders, offer codes, opt-outs) and its voice's ``accept`` words.

    T005, T009 and R008 (once per shouting run it takes over) ask it of the same campaign, one
    after the other: the last campaign's answer is kept (:func:`memo.last_campaign`)."""
    names: set[str] = set()

    def add(value: str | None, into: set[str]) -> None:
        if value:
            into.update(caps_key(w) for w in _CHUNK.findall(value))

    if campaign.brand is not None:
        add(campaign.brand.name, names)
        add(campaign.brand.display_name, names)
    for offer in campaign.offers.values():
        add(offer.code, names)
    for message in campaign.messages:
        for text in message.copy_texts():
            if text.field == "sender":
                add(text.value, names)
        profile = campaign.channel_profile(message.channel)
        if profile is not None:
            add(profile.opt_out, names)
    accepted: set[str] = set()
    voice = campaign.voice
    for word in (voice.accept if voice is not None else []):
        add(word, accepted)
    return Exemptions(frozenset(names), frozenset(accepted))


def _root(language: str | None) -> str:
    return re.split(r"[-_]", (language or "").strip(), maxsplit=1)[0].lower()


@functools.cache
def _shouting_data(root: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(allowed acronyms, common short words, stop words) of a language, in caps keys / lower case."""
    from campaignlint.resources import load_toml, load_word_list, rules_path

    if not root or not rules_path(root, "tone.toml").is_file():
        return frozenset(), frozenset(), frozenset()
    data = load_toml(root, "tone.toml").get("shouting", {})
    stop: frozenset[str] = frozenset()
    if rules_path(root, "stop_words.txt").is_file():
        stop = frozenset(w.lower() for w in load_word_list(root, "stop_words.txt"))
    return (frozenset(caps_key(w) for w in data.get("allowed", [])),
            frozenset(w.lower() for w in data.get("common", [])), stop)


def allowed_words(language: str | None) -> frozenset[str]:
    """The acronyms and keywords of ``rules/<lang>/tone.toml`` (caps keys)."""
    return _shouting_data(_root(language))[0]


@functools.lru_cache(maxsize=4096)
def _dictionary_knows(word: str, root: str) -> bool:
    try:
        import simplemma  # a lemma dictionary; loaded only for short words in capitals
    except ImportError:  # pragma: no cover - a dependency, but keep working without it
        return False
    try:
        return bool(simplemma.is_known(word, lang=root))
    except Exception:  # pragma: no cover - a language simplemma does not have
        return False


def is_common(word: str, language: str | None) -> bool:
    """``word`` is an everyday word of ``language`` (stop word, listed, or in the dictionary)."""
    root = _root(language)
    _, common, stop = _shouting_data(root)
    low = word.lower()
    if low in stop or low in common or strip_accents(low) in common:
        return True
    return bool(root) and (_dictionary_knows(low, root) or _dictionary_knows(low.capitalize(), root))


def is_loud(word: str, language: str | None, exemptions: Exemptions = Exemptions()) -> bool:
    """``word`` is written in capitals and reads as a raised voice (see the module docstring)."""
    if len(word) < 2 or not word.isalpha() or not word.isupper():
        return False
    key = caps_key(word)
    if key in exemptions.accepted or key in exemptions.names or key in allowed_words(language):
        return False
    if len(word) <= SHORT_WORD and not is_common(word, language):
        return False
    return True


# -- shouting runs: T005 (shouting) and R008 (gimmicky capitals, pack google-ads) ----------

_CODE_LIKE = re.compile(r"(?<![\w-])(?=[\w-]*\d)[\w][\w-]*")
# e-mail addresses ([\w.+-]+@[\w-]+(?:\.[\w-]+)+) and bare domains, found in
# linear time (see ``language.url_masks``)
_EMAIL = EMAIL
_BARE_DOMAIN = bare_domain(r"(?i)(?<![\w@.])[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")


def code_cues(language: str) -> frozenset[str]:
    """The words after which a word in capitals is a promo code ("code BIENVENUE")."""
    return _code_cues_of(_root(language))


@functools.cache
def _code_cues_of(root: str) -> frozenset[str]:
    from campaignlint.resources import load_toml, rules_path

    if not root or not rules_path(root, "tone.toml").is_file():
        return frozenset()
    return frozenset(w.lower() for w in load_toml(root, "tone.toml").get("shouting", {}).get("code_cues", []))


def shouting_runs(text: str, language: str, names: frozenset[str] = frozenset(),
                  min_letters: int = 4, accepted: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Stretches of ``text`` written in capitals that read as shouting.

    A run is a sequence of words in capitals (separated only by spaces and
    punctuation) holding at least one loud word of ``min_letters`` letters or
    more.  Which words are loud is :func:`is_loud` (the logic T009 shares):
    not the acronyms and keywords of
    ``rules/<lang>/tone.toml``, ``names`` (brand, sender, offer codes) and
    ``accepted`` (the voice's ``accept``), compared in capitals without accents,
    nor words with digits ("HIVER30", "EV3"), nor short words that are not
    common words ("DELE", "SUV").  Never either: a word right after a code cue
    ("code BIENVENUE"), hashtags, @mentions, URLs, domains and e-mail
    addresses.  Returns ``(start, end)`` offsets.
    """
    if not any(map(str.isupper, _LONG_CHUNK.findall(text))):
        return []  # a loud word is a word of 2 letters or more in capitals: none here
    from campaignlint.text.extract import extract_hashtags, extract_mentions, extract_urls

    cues = code_cues(language)
    exemptions = Exemptions(names, accepted)
    masked = [(s.start, s.end) for s in (*extract_hashtags(text), *extract_mentions(text))]
    for pattern in (_EMAIL, _BARE_DOMAIN, _CODE_LIKE):
        masked.extend(m.span() for m in pattern.finditer(text))
    # masking only ever closes runs: without the URLs' masks the runs are a superset, so
    # the slow URL extraction (twitter-text) is needed only when a run is found
    runs = _runs(text, sorted(masked), exemptions, cues, language, min_letters)
    if not runs:
        return runs
    masked.extend((s.start, s.end) for s in extract_urls(text))
    return _runs(text, sorted(masked), exemptions, cues, language, min_letters)


def _runs(text: str, masked: list[tuple[int, int]], exemptions, cues, language: str,
          min_letters: int) -> list[tuple[int, int]]:
    """The shouting runs of ``text`` with the ``masked`` spans (sorted) left out."""
    # words come in text order: sweep the masked spans (sorted by start) once,
    # keeping the furthest end of those starting at or before the word
    next_mask, covered_until = 0, -1
    runs: list[tuple[int, int]] = []
    current: list[tuple[int, int, int]] = []  # (start, end, letters)
    previous_word = ""

    def close() -> None:
        if current and any(letters >= min_letters for _, _, letters in current):
            runs.append((current[0][0], current[-1][1]))
        current.clear()

    for m in _CHUNK.finditer(text):
        word = m.group()
        if len(word) < 2 or not word.isupper():  # not loud (is_loud's first test), whatever else holds
            previous_word = word
            if current:
                close()
            continue
        start = m.start()
        cue_before = previous_word.lower() in cues
        previous_word = word
        # the sweep only moves forward, and covered_until is the furthest end of every mask starting
        # at or before the word: skipping the sweep for words that are not loud changes nothing
        while next_mask < len(masked) and masked[next_mask][0] <= start:
            covered_until = max(covered_until, masked[next_mask][1])
            next_mask += 1
        if start < covered_until or cue_before or not is_loud(word, language, exemptions):
            close()
            continue
        current.append((start, m.end(), len(word)))
    close()
    return runs

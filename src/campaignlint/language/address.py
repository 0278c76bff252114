"""How a piece of copy addresses its reader: formal (French *vous*) or informal (*tu*).

Used by rules T001 (one message mixes *tu* and *vous*) and T002 (the address
differs from the voice's ``address``).

The French detector is rule based; it looks for three kinds of evidence:

* **pronouns and possessives**: *tu, te, toi, ton, ta, tes*, the elided *t'*
  ("il t'attend"), *le tien / la tienne* are informal; *vous, votre, vos,
  le vôtre* are formal. A *vous* spoken to a group still counts as formal: a
  brand that writes "vous êtes 10 000 à nous suivre" and "profite" in the same
  message mixes registers for its reader. The trailing pronoun of a pronominal
  imperative ("Inscris-toi", "Inscrivez-vous") is found the same way;
* **verb forms ending in -ez** ("Profitez", "Découvrez", "Soyez", "pourriez"),
  anywhere in the text, are formal, except a list of nouns and names (*chez,
  nez, assez, Lopez*…). A capitalised *-ez* word in the middle of a clause is
  taken as a name and ignored. *faites* and *dites* count as formal imperatives
  only at the start of a clause or before a hyphenated pronoun ("Dites-nous"),
  since they are also past participles ("retouches faites à la main");
* **informal imperatives at the start of a clause** ("Profite", "Découvre",
  "Craque", "N'attends plus"), from a word list. Forms that are also nouns
  (*commande, offre, livre*…) count only when the next word starts an object
  ("Commande ta veste"), so "Offre valable jusqu'au 31 mai" stays neutral.

Two things never count as the brand addressing its reader:

* **quoted speech**: text inside « … », “ … ”, „ … “ or " … ", and a line
  introduced as a quote (after "nous dit :", "témoigne :", or starting with
  ``>``), as :mod:`campaignlint.language.quotes` recognises them: a testimonial
  in *tu* inside a *vous* email is the customer speaking;
* **a third-person verb after its subject**: a word of the imperative list that
  follows a soft break (a comma, an emoji, a closing quote or bracket, *et*) in
  lower case, when the sentence so far is a subject noun phrase (« Le manteau
  « Alma » passe à 129 € », « La collection 🌿 arrive et passe en boutique »):
  the clause has its subject, so the verb is not an imperative.  A capital
  after the emoji starts a new sentence (« Le manteau Alma 🧥 Passe en
  boutique » is an imperative), and a time phrase is no subject (« Cet hiver,
  passe en boutique »).

Words inside hashtags, @mentions, URLs, bare domains ("verdure.fr/p"), e-mail
addresses and promo codes (capitals with digits: "TUTO20") never count, nor do
set phrases such as *rendez-vous* (a noun: "prendre rendez-vous") or *ton sur
ton*. The word lists are data: ``rules/fr/address.toml``.

spaCy's small French model was not used: it tags sentence-initial imperatives
as proper nouns and has no second-person-singular morphology, so it gets most
of the hard cases wrong; the rules here do better on the evaluation set
(``tests/data/eval/address_fr.jsonl``, figures in ``docs/evaluation-copy.md``).

English has no tu/vous distinction: for ``"en"`` (and any language other than
French) the result has no markers and :attr:`AddressResult.address` is ``None``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from itertools import accumulate
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from campaignlint.language import memo

from campaignlint.language.prechecks import key_runs, may_hold_words
from campaignlint.language.url_masks import EMAIL, PROMO_CODE, bare_domain
from campaignlint.resources import load_toml

__all__ = ["Marker", "AddressResult", "detect_address"]

Address = Literal["formal", "informal", "mixed"]


@dataclass(frozen=True)
class Marker:
    """One piece of evidence: ``text[start:end]`` and why it counts.

    ``reason`` is one of ``"pronoun"``, ``"possessive"``, ``"elision"``
    (*t'*), ``"pronominal_imperative"`` (*-toi*, *-vous*), ``"imperative"``
    (clause-initial informal imperative, or *faites*/*dites*) and
    ``"verb_ending"`` (a verb in *-ez*).
    """

    start: int
    end: int
    text: str
    reason: str


@dataclass
class AddressResult:
    """The formal and informal markers found in a text, in text order."""

    formal: list[Marker] = field(default_factory=list)
    informal: list[Marker] = field(default_factory=list)

    @property
    def address(self) -> Address | None:
        """``"mixed"`` if both kinds occur, else the kind found, else ``None``."""
        if self.formal and self.informal:
            return "mixed"
        if self.formal:
            return "formal"
        if self.informal:
            return "informal"
        return None


# --------------------------------------------------------------------------
# Text preparation

# the words are runs of letters; split() keeps them: [gap, word, gap, word, …, gap] in one C pass
_WORDS_AND_GAPS = re.compile(r"([^\W\d_]+)")
_APOSTROPHES = "'’ʼ"
# Spans whose words never count (each found in linear time: see ``url_masks``).
# Each with a cheap test that a text without it fails.
_MASKS = [
    # (a text holding neither "://" nor "ww." in any case holds no URL: only "w" and "W" are "w"
    # ignoring case, so one search in C without lower-casing the text)
    (re.compile(r"(?i)\b(?:https?://|www\.)\S+"), re.compile(r"://|[wW][wW]\.").search),
    (EMAIL, lambda text: "@" in text),  # [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    # tags written sign first, the lookbehind after it ("(?<![\w@])@\w+" matches the same spans):
    # re then jumps from sign to sign instead of trying the lookbehind at every character
    (re.compile(r"@(?<![\w@]@)\w+"), lambda text: "@" in text),
    (re.compile(r"#(?<![\w&]#)\w+"), lambda text: "#" in text),
    # bare domains: verdure.fr, verdure.fr/p, kiosque-bio.fr
    (bare_domain(
        r"(?i)(?<![\w@.])[a-z0-9][\w-]*(?:\.[\w-]+)*\."
        r"(?:fr|com|io|net|org|eu|co|be|ch|ca|de|uk|app|shop|store|info|biz)\b(?:/\S*)?"
    ), re.compile(r"(?i)\.[a-z]{2}").search),
    # promo codes: capitals with at least one digit (TUTO20, VOUS-10)
    (PROMO_CODE, re.compile(r"\d").search),
]
# Characters that end a clause in the gap between two words.
_HARD_BREAKS = set(".!?…:;\n\r•·→|»«\"“”()[]{}*/")


@functools.cache
def _french_data() -> dict:
    raw = load_toml("fr", "address.toml")
    lower = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    imp = raw["imperative"]
    phrases = [*raw["ignore"]["phrases"], *raw["ton"]["noun_phrases"]]
    phrase_re = re.compile(
        r"(?i)(?<!\w)(?:"
        + "|".join(re.escape(p).replace("'", "['’]") for p in sorted(phrases, key=len, reverse=True))
        + r")(?!\w)"
    )
    found = {
        "informal": lower(raw["pronouns"]["informal"]),
        "formal": lower(raw["pronouns"]["formal"]),
        "informal_after_article": lower(raw["pronouns"]["informal_after_article"]),
        "formal_after_article": lower(raw["pronouns"]["formal_after_article"]),
        "articles": lower(raw["pronouns"]["articles"]),
        "ton_noun_after": lower(raw["ton"]["noun_after"]),
        "phrases": phrase_re,
        "phrase_runs": key_runs(phrases),
        "imp_informal": lower(imp["informal"]),
        "imp_ambiguous": lower(imp["ambiguous"]),
        "object_cues": lower(imp["object_cues"]),
        "openers": lower(imp["clause_openers"]),
        "ending": imp["formal_ending"].lower(),
        "ending_exceptions": lower(imp["formal_ending_exceptions"]),
        "formal_initial": lower(imp["formal_clause_initial"]),
        "interjections": lower(imp.get("interjections", [])),
        "subject_determiners": lower(raw["subject"]["determiners"]),
        "time_nouns": lower(raw["subject"]["time_nouns"]),
        "complement_words": lower(raw["subject"]["complement_words"]),
    }
    # every marker is one of these words (lower-cased), or a word ending in the formal ending
    found["marker_words"] = frozenset({"t"}).union(*(found[key] for key in (
        "informal", "formal", "informal_after_article", "formal_after_article", "imp_informal", "formal_initial")))
    found["ending_re"] = re.compile(r"(?i)" + re.escape(found["ending"]) + r"(?![^\W\d_])")
    return found


@dataclass(slots=True)
class _Words:
    """The words of a text as parallel lists (a text has hundreds of words: no object each).

    Word ``i`` is ``texts[i] == text[starts[i]:ends[i]]``; ``lows[i]`` its lower-cased
    form, ``""`` when it is masked (it never counts, but still separates clauses);
    ``gaps[i]`` the characters between the previous word (or the start) and it.
    """

    starts: list[int]
    ends: list[int]
    texts: list[str]
    lows: list[str]
    gaps: list[str]


def _tokens(text: str, parts: list[str], lows: list[str], data: dict) -> _Words:
    """The words of ``text`` from ``parts`` (``_WORDS_AND_GAPS.split(text)``: gaps and words in turn)
    and ``lows``, the words lower-cased, both made for the pre-check (``lows`` is blanked in place
    where masked)."""
    from campaignlint.language.quotes import quoted_spans

    masked = [*(m.span() for pattern, hint in _MASKS if hint(text) for m in pattern.finditer(text)),
              *_phrase_spans(text, lows, data),
              *quoted_spans(text, lows)]
    # offsets are the running sum of the lengths of the gaps and words
    bounds = list(accumulate(map(len, parts)))  # word i starts at bounds[2i] and ends at bounds[2i + 1]
    starts = bounds[0:-1:2]
    for mask_start, mask_end in masked:  # a word starting inside a masked span never counts
        for i in range(bisect_left(starts, mask_start), bisect_left(starts, mask_end)):
            lows[i] = ""
    return _Words(starts, bounds[1::2], parts[1::2], lows, parts[0:-1:2])


def _phrase_spans(text: str, lows: list[str], data: dict) -> list[tuple[int, int]]:
    """The spans of the set phrases (*rendez-vous*, *ton sur ton*…), searched only when the text's
    words (``lows``) hold the longest word of one of them (:func:`prechecks.may_hold_words`)."""
    if not may_hold_words(text, lows, data["phrase_runs"]):
        return []
    return [m.span() for m in data["phrases"].finditer(text)]


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk", "Cs") or ord(ch) >= 0x1F000


@functools.lru_cache(maxsize=4096)
def _gap_kind(gap: str) -> str:
    """``"hard"`` (sentence/line break, emoji, bullet), ``"comma"``, ``"hyphen"``,
    ``"apostrophe"`` or ``"space"``."""
    if not gap:
        return "space"
    if any(ch in _HARD_BREAKS or _is_symbol(ch) for ch in gap):
        return "hard"
    stripped = gap.strip()
    if stripped in ("-", "–", "—") and gap != stripped:
        return "hard"  # a dash between spaces: " - Profite de…"
    if "," in gap:
        return "comma"
    if stripped in ("-", "‑"):
        return "hyphen"
    if stripped and all(ch in _APOSTROPHES for ch in stripped):
        return "apostrophe"
    return "space"


_SENTENCE_GAP = set(".!?…:;\n\r")


def _subject_before(words: _Words, i: int, data: dict) -> bool:
    """Word ``i`` opens a clause after a soft break (a comma, an emoji, a closing
    quote or bracket, "et"…) and the words since the sentence began are a subject
    noun phrase: the verb is third person ("Le manteau « Alma » passe à 129 €",
    "La collection 🌿 arrive et passe en boutique"), not an imperative.

    A subject noun phrase starts with a determiner (*le, la, cette, notre*…)
    followed by a noun that is not a time word (*Cet hiver, passe en boutique*
    is an imperative), then only names (capitalised), masked or quoted words,
    and complements introduced by *de, du, des, en, à* — at most eight words.
    After *et*, *puis*… any words may stand between the subject and the verb,
    as long as none is an imperative ("Le prix baisse et passe à 99 €").
    """
    start = i
    while start > 0 and not any(ch in _SENTENCE_GAP for ch in words.gaps[start]):
        start -= 1
        if i - start > 8:
            return False
    lows, texts = words.lows[start:i], words.texts[start:i]
    if len(lows) < 2 or lows[0] not in data["subject_determiners"]:
        return False
    if lows[1] in data["time_nouns"] or lows[1] in data["imp_informal"]:
        return False
    if lows[-1] in data["openers"]:
        # "La collection arrive et passe en boutique": a verb coordinated with the subject's
        return not any(low in data["imp_informal"] for low in lows[1:-1])
    complement = False
    for low, word in zip(lows[2:], texts[2:]):
        if complement:
            complement = False
            continue
        if low in data["complement_words"]:
            complement = True
            continue
        if low and not word[:1].isupper():
            return False  # a lowercase word after the noun may be a verb: "La collection arrive 🌿 profite…"
    return True


def _soft_start(words: _Words, i: int) -> bool:
    """Word ``i`` opens a clause without ending a sentence: after a comma, an
    opener word, or an emoji, a closing quote or bracket followed by lowercase."""
    if any(ch in _SENTENCE_GAP for ch in words.gaps[i]):
        return False
    return not words.texts[i][:1].isupper()


def _may_have_markers(text: str, lows: list[str], data: dict) -> bool:
    """A cheap necessary condition: a word of the text (``lows``: lower-cased) is one of the words
    every marker is (pronouns, possessives, imperatives, the elided "t"), or ends in "-ez"."""
    if not data["marker_words"].isdisjoint(lows):
        return True
    return data["ending_re"].search(text) is not None


def _detect_french(text: str) -> AddressResult:
    data = _french_data()
    parts = _WORDS_AND_GAPS.split(text)
    lows = list(map(str.lower, parts[1::2]))
    if not _may_have_markers(text, lows, data):
        return AddressResult()  # most copy: no word that could be a marker
    words = _tokens(text, parts, lows, data)
    starts, ends, texts, lows = words.starts, words.ends, words.texts, words.lows
    n = len(texts)
    result = AddressResult()
    # the kind of the gap before each word, worked out once (a gap can be long)
    gaps = list(map(_gap_kind, words.gaps))
    openers = data["openers"]

    def add(kind: str, i: int, reason: str) -> None:
        target = result.formal if kind == "formal" else result.informal
        target.append(Marker(starts[i], ends[i], texts[i], reason))

    def clause_start(i: int) -> bool:
        """Word i opens a clause (start of text, after a break, a comma, or an
        opener word such as "et", "puis"); asked only of the words that may be markers."""
        kind = gaps[i]
        return i == 0 or kind in ("hard", "comma") or (kind == "space" and lows[i - 1] in openers)

    def next_low(i: int) -> str:
        if i + 1 < n:
            if gaps[i + 1] in ("hard", "comma"):
                return ""
            if gaps[i + 1] == "apostrophe":
                return ""
            return lows[i + 1] + ("'" if _next_is_elided(i + 1) else "")
        return ""

    def _next_is_elided(j: int) -> bool:
        return j + 1 < n and gaps[j + 1] == "apostrophe"

    def is_imperative(i: int) -> bool:
        low = lows[i]
        if low not in data["imp_informal"]:
            return False
        if low in data["imp_ambiguous"]:
            following = next_low(i)
            hyphen_next = i + 1 < n and gaps[i + 1] == "hyphen"
            return hyphen_next or following in data["object_cues"]
        return True

    marker_words, ending = data["marker_words"], data["ending"]
    for i, low in enumerate(lows):
        if not low or (low not in marker_words and not low.endswith(ending)):
            continue  # no test below can hold for this word
        word = texts[i]
        prev_low = lows[i - 1] if i > 0 else ""
        gap = gaps[i]
        hyphen_before = gap == "hyphen"
        elided_after = _next_is_elided(i)

        # the elided pronoun t' ("t'attend"); not "-t-" ("va-t-il"), not "t-shirt"
        if low == "t" and elided_after and not hyphen_before:
            add("informal", i, "elision")
            continue
        if low in data["informal"]:
            if elided_after:
                continue
            if low == "ton" and prev_low in data["ton_noun_after"] and not hyphen_before:
                continue
            reason = "pronominal_imperative" if hyphen_before and low == "toi" else (
                "possessive" if low in ("ton", "ta", "tes") else "pronoun"
            )
            add("informal", i, reason)
            continue
        if low in data["formal"]:
            reason = "pronominal_imperative" if hyphen_before and low == "vous" else (
                "possessive" if low in ("votre", "vos") else "pronoun"
            )
            add("formal", i, reason)
            continue
        if low in data["informal_after_article"] and prev_low in data["articles"]:
            add("informal", i, "possessive")
            continue
        if low in data["formal_after_article"] and prev_low in data["articles"]:
            add("formal", i, "possessive")
            continue

        # verbs in -ez
        if (
            low.endswith(data["ending"])
            and len(low) > 3
            and low not in data["ending_exceptions"]
            and not (hyphen_before and prev_low + "-" + low in data["ending_exceptions"])
        ):
            if low in data["interjections"] and (i + 1 == n or gaps[i + 1] != "space"):
                continue  # "Allez, on y va !"
            capitalised = word[:1].isupper() and not word.isupper()
            if clause_start(i) or not capitalised or (i > 0 and prev_low in openers):
                add("formal", i, "verb_ending")
                continue

        at_start = clause_start(i)
        # negative imperative: "N'attends plus", "Ne rate pas"
        if not at_start and i > 0 and prev_low in ("ne", "n"):
            if clause_start(i - 1):
                at_start = True
        if at_start:
            if low in data["formal_initial"]:
                add("formal", i, "imperative")
                continue
            if is_imperative(i):
                if i > 0 and word[:1].islower() and any(ch in '»”"' for ch in words.gaps[i]):
                    continue  # the speech tag after a quote: "« Fonce ! » ajoute Marc"
                if i > 0 and _soft_start(words, i) and _subject_before(words, i, data):
                    continue  # third person after its subject: "Le manteau « Alma » passe à 129 €"
                add("informal", i, "imperative")
                continue
        elif low in data["formal_initial"] and i + 1 < n and gaps[i + 1] == "hyphen":
            add("formal", i, "imperative")
            continue
    return result


def detect_address(text: str, language: str) -> AddressResult:
    """Find the formal and informal address markers of ``text``.

    ``language`` is a language tag (``"fr"``, ``"fr-CA"``…). Only French is
    analysed; English and every other language give an empty result (English
    has no tu/vous distinction). Marker offsets are ``str`` indices into
    ``text``, end-exclusive.
    """
    if _primary(language) != "fr" or not text:
        return AddressResult()
    return _detect_french_cached(text)


@functools.lru_cache(maxsize=256)
def _primary(language: str | None) -> str:
    return re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]


@memo.per_text(2048)
def _detect_french_cached(text: str) -> AddressResult:
    # T001, T002 and T009 read the same texts: the result is computed once per
    # text (callers only read it; it is shared, never to be changed in place)
    return _detect_french(text)

"""Whether a superlative compares the brand with others (T008) or ranks its own offer.

``rules/<lang>/hype.txt`` lists plain superlatives ("le meilleur", "the best")
beside hype words that are always claims ("révolutionnaire", "best ever").  A
plain superlative is a claim nobody can check only when it compares the brand
with others, which :func:`compares_with_others` reads in the words that follow
it in the same clause (``rules/<lang>/superlatives.toml``):

* a comparison scope ("in town", "on the market", « du marché », "for finance
  teams"), a place ("in the Alps", « de Paris ») or a price or deal noun right after it ("the
  best price", « la meilleure affaire »): it compares;
* nothing after it in its clause, or a coordination ("Simply the best!",
  « C'est le meilleur. », « les meilleures et pas chères ») : it compares with
  everyone;
* a noun phrase without scope ("the best beginner slopes", « les meilleures
  pistes pour débuter de la station »), or a scope that is the brand's own ("of
  the resort", « de notre », "in our"): the brand ranks its own offer, not
  reported.

Superlatives of languages without ``superlatives.toml`` are always reported.
"""

from __future__ import annotations

import functools
import re

from campaignlint.resources import load_toml, rules_path

__all__ = ["is_plain_superlative", "compares_with_others"]

_WINDOW_WORDS = 6
# a superlative followed by one of these has no noun of its own: it stands alone
_COORDINATION = frozenset({"et", "ou", "mais", "and", "or", "but", "yet"})
_CLAUSE_END = re.compile(r"[.!?…;:\n(),]|\s[-–—]\s")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# a place after a preposition: "in the Alps", "in Leeds", « de Paris », « en Bretagne », « des Alpes »
_PLACE = re.compile(r"(?<!\w)(?:in|on|across|of)\s+(?:the\s+)?[A-Z]|(?<!\w)(?:de|du|des|en|d['’])\s*[A-ZÀ-Ý]")


def _alt(phrases) -> re.Pattern:
    parts = [re.escape(p.lower()).replace(r"\ ", r"\s+").replace("'", "['’]")
             for p in sorted(set(phrases), key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)" if parts else r"(?!)", re.IGNORECASE)


@functools.cache
def _data(root: str) -> dict | None:
    if not root or not rules_path(root, "superlatives.toml").is_file():
        return None
    raw = load_toml(root, "superlatives.toml")
    return {
        "plain": frozenset(p.lower() for p in raw.get("plain", [])),
        "scope": _alt(raw.get("scope_after", [])),
        "own": _alt(raw.get("own_scope", [])),
        "nouns": frozenset(w.lower() for w in raw.get("comparative_nouns", [])),
    }


def _root(language: str | None) -> str:
    return re.split(r"[-_]", (language or "").strip(), maxsplit=1)[0].lower()


def is_plain_superlative(term: str, language: str | None) -> bool:
    """``term`` (a hype.txt entry) is a plain superlative whose reading depends on what follows."""
    data = _data(_root(language))
    return data is not None and term.lower() in data["plain"]


def compares_with_others(text: str, end: int, language: str | None) -> bool:
    """The superlative ending at ``end`` in ``text`` compares the brand with others (see the module)."""
    data = _data(_root(language))
    if data is None:
        return True
    after = text[end:end + 200]
    cut = _CLAUSE_END.search(after)
    clause = after[:cut.start()] if cut else after
    words = list(_WORD.finditer(clause))
    if not words:
        return True  # "Simply the best!"
    window = clause[:words[min(len(words), _WINDOW_WORDS) - 1].end()]
    if words[0].group().lower() in data["nouns"]:
        return True  # "the best price", « le meilleur prix »
    if words[0].group().lower() in _COORDINATION:
        return True  # no noun: « les meilleures et pas chères ! », "the best and cheapest"
    scope, own = data["scope"].search(window), data["own"].search(window)
    place = _PLACE.search(window)
    if place and (scope is None or place.start() < scope.start()):
        scope = place
    if scope and not (own and own.start() < scope.start()):
        return True
    return False

"""Lemmas without a language model: lookup tables, and a suffix stripper for English.

* French (and any language ``simplemma`` ships a dictionary for, except
  English): the form → lemma table of `simplemma <https://github.com/adbar/simplemma>`_
  (Wiktionary-derived, MIT).  simplemma's own loader decompresses the whole
  table (250,000 French forms) on first use, 1.5–2 s; here the table is copied
  once per machine and simplemma version into an SQLite file in the user cache
  folder (``$XDG_CACHE_HOME/campaignlint``, else ``~/.cache/campaignlint``;
  ``CAMPAIGNLINT_CACHE_DIR`` overrides), written to a temporary file and
  atomically renamed, and then read one word at a time: opening it costs
  nothing.  Where that folder cannot be written, the table is held in memory.
* English: :func:`english_lemma`, a small suffix stripper with an exception
  list in ``rules/en/lemmas.toml`` (measured better than simplemma's English
  table on campaign copy: simplemma turns "best" into "good").

A word the table does not know is its own lemma.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from campaignlint.resources import load_toml

__all__ = ["english_lemma", "LemmaTable", "lemma_table"]

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
    if stem.endswith("v") or stem.endswith(("at", "iz", "is", "ys", "uc", "ur", "rg", "ng", "dg", "rs", "ns", "ag",
                                            "as", "aus", "lud")):
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


# --------------------------------------------------------------------------- lookup tables

#: French elided words, as spaCy's French model lemmatises them
FRENCH_ELISIONS = {
    "c'": "ce", "d'": "de", "j'": "je", "l'": "le", "m'": "me", "n'": "ne", "s'": "se", "t'": "te",
    "qu'": "que", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque", "quoiqu'": "quoique",
    "presqu'": "presque",
}


#: function words the table lemmatises in a way that would make them match each other
#: (simplemma gives "son" for "nos", "vos", "leurs"; "un" for "des"): spaCy's lemmas
FRENCH_FUNCTION_WORDS = {
    "nos": "notre", "notre": "notre", "vos": "votre", "votre": "votre", "leurs": "leur", "leur": "leur",
    "mes": "mon", "mon": "mon", "ma": "mon", "tes": "ton", "ton": "ton", "ta": "ton",
    "ses": "son", "son": "son", "sa": "son", "des": "de", "du": "de",
}


def _cache_dir() -> Path:
    override = os.environ.get("CAMPAIGNLINT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "campaignlint"


def _simplemma_dictionary(root: str) -> dict[str, str]:
    """simplemma's whole form → lemma table for ``root`` (1.5–2 s: done once per machine)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

        raw = _load_dictionary_from_disk(root)
        return {k.decode("utf-8"): v.decode("utf-8") for k, v in raw.items()}
    except (ImportError, AttributeError):  # another simplemma layout: its public factory
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        return dict(DefaultDictionaryFactory().get_dictionary(root))


def _simplemma_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("simplemma")
    except Exception:  # not installed
        return None


class LemmaTable:
    """One language's form → lemma table, read from the SQLite copy (or from memory)."""

    def __init__(self, root: str):
        self.root = root
        self._lock = threading.Lock()
        self._memory: dict[str, str] | None = None
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._known: dict[str, str] = {}
        self.available = True

    def _path(self, version: str) -> Path:
        return _cache_dir() / f"lemmas-simplemma-{version}-{self.root}.sqlite3"

    def _open(self) -> None:
        version = _simplemma_version()
        if version is None:
            self.available = False
            return
        path = self._path(version)
        if not path.is_file():
            table = _simplemma_dictionary(self.root)
            if not _write(path, table):
                self._memory = table
                return
        try:
            self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._connection.execute("SELECT lemma FROM lemmas WHERE form = ''").fetchone()
        except sqlite3.Error:  # unreadable or corrupt: the table in memory
            self._connection = None
            self._memory = _simplemma_dictionary(self.root)
        self._pid = os.getpid()

    def lemma(self, word: str) -> str:
        """The lemma of a lower-cased ``word`` (the word itself when unknown)."""
        if self.root == "fr" and word in FRENCH_FUNCTION_WORDS:
            return FRENCH_FUNCTION_WORDS[word]
        found = self._known.get(word)
        if found is not None:
            return found
        with self._lock:
            if self._memory is None and (self._connection is None or self._pid != os.getpid()):
                if self.available:
                    self._open()
            if self._memory is not None:
                found = self._memory.get(word, word)
            elif self._connection is not None:
                row = self._connection.execute("SELECT lemma FROM lemmas WHERE form = ?", (word,)).fetchone()
                found = row[0] if row else word
            else:
                found = word
        if len(self._known) > 100_000:
            self._known.clear()
        self._known[word] = found
        return found


def _write(path: Path, table: dict[str, str]) -> bool:
    """Write ``table`` to ``path`` (temporary file, then atomic rename); False if it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(handle)
        try:
            connection = sqlite3.connect(temporary)
            with connection:
                connection.execute("CREATE TABLE lemmas (form TEXT PRIMARY KEY, lemma TEXT) WITHOUT ROWID")
                connection.executemany("INSERT OR REPLACE INTO lemmas VALUES (?, ?)",
                                       ((k, v) for k, v in table.items() if k != v))
            connection.close()
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return True
    except (OSError, sqlite3.Error):
        return False


_TABLES: dict[str, LemmaTable] = {}
_TABLES_LOCK = threading.Lock()


def lemma_table(root: str) -> LemmaTable:
    """The (process-wide, read-only) lemma table of a language root."""
    table = _TABLES.get(root)
    if table is None:
        with _TABLES_LOCK:
            table = _TABLES.setdefault(root, LemmaTable(root))
    return table

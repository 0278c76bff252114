"""Lemma lookup vs spaCy's model: the same findings? (docs/performance.md, "No model on the common path")

``python bench/lemma_compare.py`` lints, once with each back end of
``campaignlint.language.nlp`` (``lookup``: simplemma's table and the English
suffix stripper; ``spacy``: ``fr_core_news_sm``), with all rules:

* every case of ``tests/rules/*.yml`` and every ``.camp`` under ``examples/``
  and ``tests/data/``, and a seeded 300-file corpus (``bench/corpus.py``);

and prints, for each rule that reads analyses (T003, T008, M005, M006), the
findings of each back end and how many they share.  Then it compares the two
back ends' lemmas word by word over the corpus's French copy.  Needs spaCy and ``fr_core_news_sm``
installed (the ``spacy`` extra).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

NLP_RULES = ("T003", "T008", "M005", "M006")


def _inputs(tmp: Path) -> list[tuple[Path, Path]]:
    import yaml

    import corpus

    found = []
    for folder in ("examples", "tests/data"):
        found += [(p, p.parent) for p in sorted((REPO / folder).rglob("*.camp"))]
    for case_file in sorted((REPO / "tests/rules").glob("*.yml")):
        data = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            root = tmp / f"{case_file.stem}-{index}"
            files = case.get("files") or {"campaign.camp": case.get("fail", case.get("pass"))}
            first = None
            for name, text in files.items():
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                first = first or target
            (root / "campaignlint.toml").write_text(case.get("config") or "", encoding="utf-8")
            found.append((first, root))
    corpus.generate(tmp / "corpus", 300, 2027)
    found.append((tmp / "corpus", tmp / "corpus"))
    return found


def _findings(backend: str, inputs) -> set[tuple]:
    from campaignlint.engine import Linter, Options
    from campaignlint.language.nlp import NLP

    out = set()
    for path, cwd in inputs:
        linter = Linter(Options(select=list(NLP_RULES)), cwd=cwd)
        linter.nlp = NLP(backend)
        for f in linter.lint([str(path)], cache=False, jobs=1).findings:
            if f.code in NLP_RULES:
                out.add((str(cwd), f.code, f.path, f.range.start_line, f.range.start_column, f.message))
    return out


def _lemma_agreement(texts) -> tuple[int, int, Counter]:
    """Words (same offsets in both tokenisations) whose lemma both back ends agree on."""
    from campaignlint.language.nlp import NLP

    spacy_nlp, lookup = NLP("spacy"), NLP("lookup")
    same = total = 0
    differ: Counter = Counter()
    items = sorted(texts)
    for a, b in zip(spacy_nlp.analyse_many(items), lookup.analyse_many(items)):
        theirs = {(t.start, t.end): t.lemma for t in a.tokens if t.is_alpha}
        for t in b.tokens:
            if t.is_alpha and (t.start, t.end) in theirs:
                total += 1
                if theirs[(t.start, t.end)] == t.lemma:
                    same += 1
                else:
                    differ[(t.text.lower(), theirs[(t.start, t.end)], t.lemma)] += 1
    return same, total, differ


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _inputs(Path(tmp))
        by = {backend: _findings(backend, inputs) for backend in ("spacy", "lookup")}
        print("| rule | spaCy findings | lookup findings | shared | agreement |")
        print("|---|---:|---:|---:|---:|")
        for code in NLP_RULES:
            a = {f for f in by["spacy"] if f[1] == code}
            b = {f for f in by["lookup"] if f[1] == code}
            union = len(a | b) or 1
            print(f"| {code} | {len(a)} | {len(b)} | {len(a & b)} | {len(a & b) / union:.1%} |")
        from campaignlint.frontend.loader import Loader

        texts = set()
        root = Path(tmp) / "corpus"
        loader = Loader(root)
        for path in sorted(root.rglob("*.camp")):
            loaded = loader.load(path)
            if loaded.model is None:
                continue
            for campaign in loaded.model.campaigns:
                for message in campaign.messages:
                    if (message.language or "").startswith("fr"):
                        texts.update((text.value, "fr") for text in message.copy_texts())
        same, total, differ = _lemma_agreement(texts)
        print(f"\nFrench lemmas over {len(texts)} corpus texts: {same} of {total} words agree ({same / total:.1%})")
        print("most frequent disagreements (word, spaCy, lookup, count):")
        for (word, theirs, ours), count in differ.most_common(25):
            print(f"  {word}: {theirs} / {ours} ×{count}")


if __name__ == "__main__":
    main()

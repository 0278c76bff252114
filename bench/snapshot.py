"""Snapshot every finding campaignlint gives, to prove a refactoring changes none.

``python bench/snapshot.py OUT.json`` lints, with all rules and no cache:

* every ``.camp`` file under ``examples/`` and ``tests/data/``,
* every case of ``tests/rules/*.yml`` (written to a temporary folder, all rules on),
* a seeded 300-file corpus from ``bench/corpus.py``,

and writes one JSON document: for each input, the JSON findings (paths made
relative to the input's folder).  Compare two snapshots with ``cmp`` or
``python bench/snapshot.py --compare A.json B.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))


def _lint(paths: list[Path], cwd: Path) -> list[dict]:
    from campaignlint.engine import Linter, Options

    linter = Linter(Options(), cwd=cwd)
    result = linter.lint([str(p) for p in paths], cache=False, jobs=1)
    return [f.to_json() for f in result.findings]


def snapshot() -> dict:
    import yaml

    out: dict[str, object] = {}
    for folder in ("examples", "tests/data"):
        for path in sorted((REPO / folder).rglob("*.camp")):
            out[str(path.relative_to(REPO))] = _lint([path], path.parent)
    for case_file in sorted((REPO / "tests/rules").glob("*.yml")):
        data = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp)
                files = case.get("files") or {"campaign.camp": case.get("fail", case.get("pass"))}
                first = None
                for name, text in files.items():
                    target = root / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
                    first = first or target
                (root / "campaignlint.toml").write_text(case.get("config") or "", encoding="utf-8")
                out[f"{case_file.name}#{index}"] = _lint([first], root)
    import corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generated = corpus.generate(root, 300, 2027)
        out["corpus-300"] = _lint([root], root)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path)
    args = parser.parse_args()
    if args.compare:
        a, b = (json.loads(p.read_text()) for p in args.compare)
        differ = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        for key in differ:
            print(f"differs: {key}")
        print(f"{len(a)} inputs, {len(differ)} differ")
        sys.exit(1 if differ else 0)
    data = snapshot()
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(data)} inputs, {sum(len(v) for v in data.values())} findings -> {args.out}")


if __name__ == "__main__":
    main()

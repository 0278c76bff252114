"""Where a project lint spends its time: the front end, then each rule.

``python bench/rule_times.py [FOLDER] [--files N] [--seed S] [--top K] [--profile OUT.prof]``
lints FOLDER (default: a seeded corpus of N files from ``bench/corpus.py``,
written to a temporary folder) in this process, with every rule, no cache and
one job, and prints

* the time of the front end (decode, parse, schema: ``Loader.load``),
* each rule's own time (its ``check``, ``check_file``, ``check_project`` or
  ``check_suppressions``, with the findings it yields consumed), largest first,
* the rest (the engine's own work: noqa, sorting, the project phase's loads).

Facts shared between rules (``ctx.nlp.fact``, memoised extractions) are paid
by the first rule that asks for them, in registry order, so a rule's time
includes the facts it computes first.  Times are CPU seconds of this process
(``time.process_time``): on a shared machine they drift much less than wall-clock
seconds.  ``--profile`` also writes a cProfile
of the whole run (read it with ``python -m pstats``).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_METHODS = ("check", "check_file", "check_project", "check_suppressions")


def _wrap(rule, method: str, spent: dict[str, float], calls: dict[str, int]):
    original = getattr(rule, method)

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return list(original(*args, **kwargs))
        finally:
            spent[rule.code] += time.process_time() - start
            calls[rule.code] += 1

    setattr(rule, method, timed)


def measure(folder: Path, profile: Path | None = None) -> tuple[float, list[float], dict, dict, int]:
    from campaignlint.engine import Linter, Options
    from campaignlint.frontend import loader as loader_module

    linter = Linter(Options(), cwd=folder)
    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    for rule in linter.rules.values():  # import every rule before the clock starts
        for method in _METHODS:
            _wrap(rule, method, spent, calls)
    front = [0.0, 0.0]  # loads of the files' own lint, loads of the project phase
    phase = [0]
    original_load = loader_module.Loader.load
    original_project = linter.lint_project

    def load(self, path, *args, **kwargs):
        if path in self.files:
            return original_load(self, path, *args, **kwargs)
        start = time.process_time()
        try:
            return original_load(self, path, *args, **kwargs)
        finally:
            front[phase[0]] += time.process_time() - start

    def lint_project(*args, **kwargs):
        phase[0] = 1
        try:
            return original_project(*args, **kwargs)
        finally:
            phase[0] = 0

    linter.lint_project = lint_project

    loader_module.Loader.load = load
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    try:
        result = linter.lint([str(folder)], cache=False, jobs=1)
    finally:
        if profiler:
            profiler.disable()
        loader_module.Loader.load = original_load
    total = time.process_time() - start
    if profiler:
        profiler.dump_stats(str(profile))
    return total, front, dict(spent), dict(calls), len(result.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            import corpus

            folder = Path(tmp)
            corpus.generate(folder, args.files, args.seed)
        total, front, spent, calls, findings = measure(folder.resolve(), args.profile)
    rules = sum(spent.values())
    print(f"total {total:.2f} s of CPU, {findings} findings")
    own, again = front
    print(f"  front end (decode, parse, schema)  {own:7.2f} s  {100 * own / total:5.1f} %")
    print(f"  rules                              {rules:7.2f} s  {100 * rules / total:5.1f} %"
          f"   (rules ÷ front end: {rules / own:.2f})")
    print(f"  project phase, loading again       {again:7.2f} s  {100 * again / total:5.1f} %")
    rest = total - own - again - rules
    print(f"  the rest (engine, project loads)   {rest:7.2f} s  {100 * rest / total:5.1f} %")
    print()
    print(f"{'rule':6} {'seconds':>8} {'share':>6} {'calls':>7}")
    for code, seconds in sorted(spent.items(), key=lambda item: -item[1])[: args.top]:
        print(f"{code:6} {seconds:8.3f} {100 * seconds / total:5.1f}% {calls[code]:7}")


if __name__ == "__main__":
    main()

"""Benchmark: campaignlint against the floor of the work it must do.

Usage (from the repository root)::

    /work/venv/bin/python bench/run.py                 # sizes 1, 100, 1000
    /work/venv/bin/python bench/run.py --sizes 1,100   # quicker
    /work/venv/bin/python bench/run.py --snapshot      # freeze the code first (busy tree)

For each size a seeded corpus (``bench/corpus.py``) is written to a temporary
folder, then, on that same corpus:

* **floor** — a fresh process that only does what no linter can avoid: a bare
  Lark parse of every file (``campaignlint.frontend.grammar.lark_parser().parse``) and one
  batched spaCy pass over all the copy (``campaignlint.language.nlp.analyse_many``),
  model loading included.  Its wall time (interpreter start included, as for
  the command) is the unit of every ratio.
* **cold lint** — ``campaignlint check <corpus> --no-cache`` (default ``--jobs``),
  and the same with ``--jobs 1``;
* **cold single file** — ``check <one file> --no-cache``, once with only the
  rules that need no spaCy model selected and once with every rule;
* **warm re-run** — ``check <corpus>`` twice with the cache; the second is timed
  (best of three) and its output must equal the cold run's;
* **peak memory** — the peak resident set of each command (``os.wait4``).

``--snapshot`` copies ``src/``, ``grammar/`` and ``rules/`` to a temporary folder,
compiles the modules (as installing does) and runs ``python -m campaignlint`` from there: the cache keys include the
modification time of every module, so a tree that other people are editing
would otherwise invalidate the warm run between two commands.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402


# ------------------------------------------------------------------ the floor (child process)

def floor_main(manifest: Path) -> None:
    """Run in a child: build the grammar and parse every file bare; print timings as JSON."""
    started = time.perf_counter()
    data = json.loads(manifest.read_text(encoding="utf-8"))
    from campaignlint.frontend.grammar import lark_parser

    parser = lark_parser()
    built = time.perf_counter()
    for name in data["files"]:
        parser.parse(Path(name).read_text(encoding="utf-8"))
    parsed = time.perf_counter()
    print(json.dumps({"grammar": built - started, "parse": parsed - built}))


# ------------------------------------------------------------------ measuring commands

def run_mem(command: list[str], cwd: Path, env: dict) -> tuple[float, int, bytes]:
    """Like ``run`` but reaps the child with ``os.wait4`` to read its own peak RSS."""
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out_file, stderr=err_file)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss, out


def snapshot() -> tuple[Path, list[str], dict]:
    """Copy the code and data; return (folder, command prefix, environment)."""
    import compileall

    folder = Path(tempfile.mkdtemp(prefix="campaignlint-snapshot-"))
    for name in ("src", "grammar", "rules"):
        shutil.copytree(REPO / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    # compiled once, as an installed package is: with PYTHONDONTWRITEBYTECODE set (it is on some
    # machines) every command would otherwise compile the modules it imports, every time
    compileall.compile_dir(str(folder / "src"), quiet=1)
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    return folder, [sys.executable, "-m", "campaignlint"], env


def installed() -> tuple[None, list[str], dict]:
    script = Path(sys.executable).parent / "campaignlint"
    command = [str(script)] if script.exists() else [shutil.which("campaignlint") or "campaignlint"]
    return None, command, dict(os.environ)


def non_nlp_codes(env: dict) -> str:
    code = ("from campaignlint.registry import load_all_rules; "
            "print(','.join(sorted(c for c, r in load_all_rules().items() if not r.needs_nlp)))")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()


def measure(size: int, command: list[str], env: dict, seed: int, repeats: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix=f"campaignlint-bench-{size}-"))
    try:
        corpus = generate(folder, size, seed)
        manifest = folder / "manifest.json"
        manifest.write_text(json.dumps({"files": [str(p) for p in corpus.files], "copy": corpus.copy}), encoding="utf-8")
        env = {**env, "NO_COLOR": "1"}
        env.pop("CAMPAIGNLINT_DEBUG", None)
        row: dict = {"size": size, "texts": len(corpus.copy),
                     "bytes": sum(p.stat().st_size for p in corpus.files)}
        floors = []
        for _ in range(repeats):
            wall, rss, out = run_mem([sys.executable, str(HERE / "run.py"), "--floor", str(manifest)], folder, env)
            floors.append((wall, rss, json.loads(out)))
        wall, rss, parts = min(floors, key=lambda f: f[0])
        row["floor"], row["floor_rss"], row["floor_parts"] = wall, rss, parts
        check = [*command, "check", "."]
        colds = [run_mem([*check, "--no-cache"], folder, env) for _ in range(repeats)]
        row["cold"], row["cold_rss"], cold_out = min(colds, key=lambda c: c[0])
        row["cold_j1"], row["cold_j1_rss"], out_j1 = run_mem([*check, "--no-cache", "--jobs", "1"], folder, env)
        row["jobs_identical"] = out_j1 == cold_out
        one = str(corpus.files[0].relative_to(folder))
        selection = non_nlp_codes(env)
        row["single_no_nlp"], row["single_no_nlp_rss"], _ = min(
            (run_mem([*command, "check", one, "--no-cache", "--select", selection], folder, env) for _ in range(repeats)),
            key=lambda c: c[0])
        row["single_nlp"], row["single_nlp_rss"], _ = min(
            (run_mem([*command, "check", one, "--no-cache"], folder, env) for _ in range(repeats)), key=lambda c: c[0])
        run_mem(check, folder, env)  # prime the cache
        warms = [run_mem(check, folder, env) for _ in range(3)]
        row["warm"], row["warm_rss"], warm_out = min(warms, key=lambda c: c[0])
        row["warm_identical"] = warm_out == cold_out
        row["warm_median"] = statistics.median(w[0] for w in warms)
        return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(rows: list[dict], label: str) -> str:
    lines = [f"Code under test: {label}.  Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}.", ""]
    lines.append("| files | texts | floor (s) | cold lint (s) | ×floor | cold `--jobs 1` (s) | ×floor | "
                 "warm re-run (s) | 1 file, no NLP rule (s) | 1 file, all rules (s) |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        f = r["floor"]
        lines.append(f"| {r['size']:,} | {r['texts']:,} | {f:.2f} | {r['cold']:.2f} | {r['cold'] / f:.2f} | "
                     f"{r['cold_j1']:.2f} | {r['cold_j1'] / f:.2f} | {r['warm']:.2f} ({r['warm'] / f:.2f}×) | "
                     f"{r['single_no_nlp']:.2f} ({r['single_no_nlp'] / f:.2f}×) | {r['single_nlp']:.2f} ({r['single_nlp'] / f:.2f}×) |")
    lines += ["", "Floor breakdown (inside the floor process, seconds):", "",
              "| files | grammar build | Lark parse |", "|---:|---:|---:|"]
    for r in rows:
        p = r["floor_parts"]
        lines.append(f"| {r['size']:,} | {p['grammar']:.2f} | {p['parse']:.2f} |")
    lines += ["", "Peak resident memory (MiB, largest process of each command):", "",
              "| files | floor | cold lint | cold `--jobs 1` | warm | 1 file, all rules |", "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        m = lambda k: f"{r[k] / 1024:.0f}"  # noqa: E731
        lines.append(f"| {r['size']:,} | {m('floor_rss')} | {m('cold_rss')} | {m('cold_j1_rss')} | {m('warm_rss')} | {m('single_nlp_rss')} |")
    lines += ["", "Same output with `--jobs 1` as with the default: "
              + ", ".join(f"{r['size']:,} files: {'yes' if r['jobs_identical'] else 'NO'}" for r in rows),
              "Warm re-run output identical to the cold run: "
              + ", ".join(f"{r['size']:,} files: {'yes' if r['warm_identical'] else 'NO'}" for r in rows)]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--floor":
        floor_main(Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--repeats", type=int, default=1, help="timings are the best of this many runs")
    parser.add_argument("--snapshot", action="store_true", help="run a frozen copy of the code (busy tree)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--targets", action="store_true",
                        help="measure the targets of issue 11 (ratios side by side) instead of the size table")
    parser.add_argument("--files", type=int, default=1000, help="project size for --targets")
    parser.add_argument("--crossover", action="store_true", help="--jobs 2 vs --jobs 1 on small projects")
    args = parser.parse_args()
    folder, command, env = snapshot() if args.snapshot else installed()
    if args.crossover:
        from targets import measure_crossover

        try:
            rows = measure_crossover(command, env, args.seed, run_mem)
        finally:
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
        print("| files | `--jobs 2` (s) | `--jobs 1` (s) | ratio |\n|---:|---:|---:|---:|")
        for size, j2, j1 in rows:
            print(f"| {size} | {j2:.2f} | {j1:.2f} | {j2 / j1:.2f}× |")
        return
    if args.targets:
        from targets import measure_targets, report_targets

        try:
            figures = measure_targets(command, env, args.seed, args.repeats, run_mem, args.files)
        finally:
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print(report_targets(figures))
        return
    label = "a snapshot of the working tree (`python -m campaignlint`)" if folder else f"the installed command `{command[0]}`"
    rows = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            rows.append(measure(size, command, env, args.seed, args.repeats))
            print(f"[{size} files measured in {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(report(rows, label))


if __name__ == "__main__":
    main()

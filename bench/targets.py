"""The targets of issue 11, each measured as a ratio of two commands run side by side.

Called by ``bench/run.py --targets``.  Every pair of commands is run
alternately (A, B, A, B, …) on the same corpus, in the same minute, and the
ratio of their medians is reported: the machine's load drifts, the ratio holds.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import generate, generate_one

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "verdure" / "ete.camp"


def _paired(a: list[str], b: list[str], cwd: Path, env: dict, repeats: int, run_mem) -> tuple[float, float, int, int]:
    """Medians of ``a`` and ``b`` run alternately ``repeats`` times each, and their peak RSS (KiB)."""
    times_a, times_b, rss_a, rss_b = [], [], 0, 0
    for _ in range(repeats):
        wall, rss, _out = run_mem(a, cwd, env)
        times_a.append(wall)
        rss_a = max(rss_a, rss)
        wall, rss, _out = run_mem(b, cwd, env)
        times_b.append(wall)
        rss_b = max(rss_b, rss)
    return statistics.median(times_a), statistics.median(times_b), rss_a, rss_b


# ------------------------------------------------------------------ a tiny LSP client

class _Client:
    """Just enough JSON-RPC over stdio to time the language server."""

    def __init__(self, command: list[str], env: dict, cwd: Path):
        self.process = subprocess.Popen([*command, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        self.events: list[tuple[float, dict]] = []
        self.lock = threading.Condition()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            with self.lock:
                self.events.append((time.perf_counter(), message))
                self.lock.notify_all()

    def send(self, method: str, params: dict, request: bool = False) -> int | None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self.next_id += 1
            ident = message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return ident

    def wait(self, predicate, after: float, timeout: float = 300) -> float:
        """The time of the first message after ``after`` that satisfies ``predicate``."""
        deadline = time.perf_counter() + timeout
        with self.lock:
            while True:
                for at, message in self.events:
                    if at >= after and predicate(message):
                        return at
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("the language server did not answer")
                self.lock.wait(left)

    def close(self) -> None:
        try:
            self.send("shutdown", {}, request=True)
            self.send("exit", {})
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def _published(uri: str, version: int | None = None):
    def test(message: dict) -> bool:
        if message.get("method") != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
            return False
        return version is None or message["params"].get("version") == version
    return test


def measure_lsp(command: list[str], env: dict, folder: Path, keystrokes: int = 8) -> dict:
    """First diagnostics after didOpen, keystroke → diagnostics, and a hover during a long lint."""
    client = _Client(command, env, folder)
    try:
        ident = client.send("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(),
                                           "capabilities": {}}, request=True)
        client.wait(lambda m: m.get("id") == ident, 0)
        client.send("initialized", {})
        path = folder / "lsp.camp"
        text = EXAMPLE.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        started = time.perf_counter()
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "campaign", "version": 1,
                                                              "text": text}})
        first = client.wait(_published(uri), started) - started
        latencies = []
        for version in range(2, 2 + keystrokes):
            time.sleep(0.4)
            text = text.replace("\n}", f"\n# {version}\n}}", 1) if version % 2 else text + "\n"
            sent = time.perf_counter()
            client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                   "contentChanges": [{"text": text}]})
            latencies.append(client.wait(_published(uri, version), sent) - sent)
        big = folder / "lsp_big.camp"
        generate_one(folder / "big", 1500)
        big.write_text((folder / "big" / "campaigns" / "big_1500_fr.camp").read_text(encoding="utf-8")
                       .replace('import "../brands/verdure.camp"', ""), encoding="utf-8")
        client.send("textDocument/didOpen", {"textDocument": {"uri": big.as_uri(), "languageId": "campaign",
                                                              "version": 1, "text": big.read_text(encoding="utf-8")}})
        time.sleep(0.5)
        sent = time.perf_counter()
        ident = client.send("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": {"line": 0, "character": 0}}, request=True)
        hover = client.wait(lambda m: m.get("id") == ident, sent) - sent
        done = client.wait(_published(big.as_uri()), sent)
        return {"lsp_first": first, "lsp_keystroke": statistics.median(latencies), "lsp_hover": hover,
                "lsp_hover_before_lint_end": sent + hover < done}
    finally:
        client.close()


# ------------------------------------------------------------------ all the targets

def measure_targets(command: list[str], env: dict, seed: int, repeats: int, run_mem, files: int = 1000) -> dict:
    env = {**env, "NO_COLOR": "1"}
    out: dict = {"files": files}
    folder = Path(tempfile.mkdtemp(prefix="campaignlint-targets-"))
    try:
        corpus = generate(folder / "project", files, seed)
        project = folder / "project"
        one = next(p for p in corpus.files if p.name.endswith("_fr.camp"))
        check = [*command, "check"]
        # 1. one file, all rules vs --select E (cold: a new process each, no cache)
        out["single_all"], out["single_e"], out["single_rss"], _ = _paired(
            [*check, str(one), "--no-cache"], [*check, str(one), "--no-cache", "--select", "E"], project, env,
            max(3, repeats), run_mem)
        out["example_all"], out["example_e"], _, _ = _paired(
            [*check, str(EXAMPLE), "--no-cache"], [*check, str(EXAMPLE), "--no-cache", "--select", "E"],
            EXAMPLE.parent, env, max(3, repeats), run_mem)
        # 2. the project: all rules vs --select E (--jobs 1), then --jobs 2 vs --jobs 1
        out["project_j1"], out["project_e_j1"], out["project_j1_rss"], _ = _paired(
            [*check, ".", "--no-cache", "--jobs", "1"], [*check, ".", "--no-cache", "--jobs", "1", "--select", "E"],
            project, env, repeats, run_mem)
        out["project_j2"], out["project_j1_again"], out["project_j2_rss"], _ = _paired(
            [*check, ".", "--no-cache", "--jobs", "2"], [*check, ".", "--no-cache", "--jobs", "1"],
            project, env, repeats, run_mem)
        # peak memory as the project grows: a tenth of it
        small = generate(folder / "small", max(1, files // 10), seed)
        _w, out["small_j1_rss"], _o = run_mem([*check, ".", "--no-cache", "--jobs", "1"], small.root, env)
        # 3. warm re-run vs --version
        _w, _r, cold_out = run_mem([*check, ".", "--jobs", "2"], project, env)  # primes the cache
        out["warm"], out["version"], out["warm_rss"], _ = _paired(
            [*check, "."], [*command, "--version"], project, env, max(3, repeats), run_mem)
        _w, _r, warm_out = run_mem([*check, "."], project, env)
        out["warm_identical"] = warm_out == cold_out
        # 4. 2,000 vs 400 messages in one file
        for n in (400, 2000):
            generate_one(folder / f"one_{n}", n, seed)
        big = [*check, "campaigns", "--no-cache", "--jobs", "1"]
        out["m2000"], out["m400"], _, _ = _paired(big, big, folder / "one_2000", env, 1, run_mem)
        times_2000, times_400 = [out["m2000"]], [out["m400"]]
        for _ in range(max(0, repeats - 1) + 1):
            times_2000.append(run_mem(big, folder / "one_2000", env)[0])
            times_400.append(run_mem(big, folder / "one_400", env)[0])
        out["m2000"], out["m400"] = statistics.median(times_2000), statistics.median(times_400)
        # 5. the language server
        lsp_folder = folder / "lsp"
        lsp_folder.mkdir()
        out.update(measure_lsp(command, env, lsp_folder))
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def target_rows(r: dict) -> list[tuple[str, str, str, bool]]:
    """(figure, measured, target, met) for each target."""
    def ratio(a: float, b: float) -> float:
        return a / b if b else float("inf")
    rows = [
        ("one corpus file, all rules, cold ÷ same file `--select E`",
         f"{ratio(r['single_all'], r['single_e']):.2f}× ({r['single_all']:.2f} s / {r['single_e']:.2f} s)",
         "≤ 2.0×", ratio(r["single_all"], r["single_e"]) <= 2.0),
        ("the careful French example (examples/verdure/ete.camp), all rules ÷ `--select E`",
         f"{ratio(r['example_all'], r['example_e']):.2f}× ({r['example_all']:.2f} s / {r['example_e']:.2f} s)",
         "≤ 2.0×", ratio(r["example_all"], r["example_e"]) <= 2.0),
        (f"{r['files']:,} files, all rules, `--jobs 1` ÷ `--select E` `--jobs 1`",
         f"{ratio(r['project_j1'], r['project_e_j1']):.2f}× ({r['project_j1']:.1f} s / {r['project_e_j1']:.1f} s)",
         "≤ 2.0×", ratio(r["project_j1"], r["project_e_j1"]) <= 2.0),
        (f"{r['files']:,} files, `--jobs 2` ÷ `--jobs 1`",
         f"{ratio(r['project_j2'], r['project_j1_again']):.2f}× ({r['project_j2']:.1f} s / {r['project_j1_again']:.1f} s)",
         "< 1.0×", ratio(r["project_j2"], r["project_j1_again"]) < 1.0),
        (f"warm re-run of {r['files']:,} unchanged files ÷ `campaignlint --version`",
         f"{ratio(r['warm'], r['version']):.2f}× ({r['warm']:.2f} s / {r['version']:.2f} s)"
         + ("" if r["warm_identical"] else " — OUTPUT DIFFERS"),
         "≤ 4.0×", ratio(r["warm"], r["version"]) <= 4.0 and r["warm_identical"]),
        ("one file: 2,000 ÷ 400 messages, all rules",
         f"{ratio(r['m2000'], r['m400']):.2f}× ({r['m2000']:.2f} s / {r['m400']:.2f} s)",
         "≤ 6.5×", ratio(r["m2000"], r["m400"]) <= 6.5),
        ("language server: first diagnostics after didOpen", f"{r['lsp_first']:.2f} s", "≤ 1.5 s",
         r["lsp_first"] <= 1.5),
        ("language server: keystroke → diagnostics, median (0.3 s debounce included)",
         f"{r['lsp_keystroke']:.2f} s", "≤ 0.6 s", r["lsp_keystroke"] <= 0.6),
        ("language server: hover while a 1,500-message file is linted",
         f"{r['lsp_hover']:.3f} s" + (" (before that lint ended)" if r["lsp_hover_before_lint_end"] else ""),
         "≤ 0.25 s", r["lsp_hover"] <= 0.25),
        (f"peak memory, {r['files']:,} ÷ {r['files'] // 10:,} files (`--jobs 1`)",
         f"{ratio(r['project_j1_rss'], r['small_j1_rss']):.2f}× ({r['project_j1_rss'] / 1024:.0f} / "
         f"{r['small_j1_rss'] / 1024:.0f} MiB)", "flat (≤ 1.5×)", ratio(r["project_j1_rss"], r["small_j1_rss"]) <= 1.5),
    ]
    return rows


def report_targets(r: dict) -> str:
    lines = ["| target | measured | wanted | met |", "|---|---|---|---|"]
    for figure, measured, wanted, met in target_rows(r):
        lines.append(f"| {figure} | {measured} | {wanted} | {'met' if met else '**not met**'} |")
    return "\n".join(lines)


def measure_crossover(command: list[str], env: dict, seed: int, run_mem, sizes=(20, 40, 80, 160)) -> list[tuple]:
    """``--jobs 2`` (workers forced: ``CAMPAIGNLINT_MIN_FILES_PER_WORKER=1``) vs ``--jobs 1`` per size."""
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="campaignlint-crossover-"))
    try:
        forced = {**env, "NO_COLOR": "1", "CAMPAIGNLINT_MIN_FILES_PER_WORKER": "1"}
        for size in sizes:
            corpus = generate(folder / str(size), size, seed)
            j2, j1, _r2, _r1 = _paired([*command, "check", ".", "--no-cache", "--jobs", "2"],
                                       [*command, "check", ".", "--no-cache", "--jobs", "1"],
                                       corpus.root, forced, 2, run_mem)
            rows.append((size, j2, j1))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows

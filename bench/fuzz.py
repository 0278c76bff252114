"""Robustness fuzzing: no input may make campaignlint crash.

Inputs come from two sources:

* **grammar-aware generation** — campaigns assembled from random keywords
  (known and unknown), values of every literal kind (valid and broken), blocks
  nested to random depths, comments, ``;`` and wrapped lists;
* **mutation of real files** — the shipped examples and benchmark campaigns,
  truncated, with bytes flipped, inserted or deleted, slices duplicated, deep
  nesting spliced in, huge strings, invalid UTF-8, random Unicode, NULs and
  every mix of CRLF / CR / LF and BOM.

Properties checked on every case:

1. ``Linter.lint_file(path, text=...)`` returns findings and raises nothing
   (undecodable bytes go through the loader's decoding, as from disk);
2. ``fixes.fix_file`` (unsafe fixes included) leaves text that still parses
   whenever the input parsed;
3. if ``campaignlint.formatter`` exists and the text parses: formatting is
   idempotent and keeps the model (``campaignlint parse`` JSON unchanged).

Usage::

    /work/venv/bin/python bench/fuzz.py --cases 100000 --seed 1 [--cli 50]

Every failing input is written to ``bench/crashes/`` with its traceback.
``tests/test_fuzz.py`` runs the same generators through hypothesis in CI.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import signal
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

KEYWORDS = [
    "campaign", "brand", "channel", "segment", "objective", "offer", "message", "voice", "rule", "import",
    "name", "language", "website", "tone", "address", "max", "prefer", "avoid", "readability", "kind",
    "counting", "limit", "recommend", "require", "opt_out", "quiet_hours", "quiet_days", "stages",
    "utm_source", "utm_medium", "budget", "tier", "owner", "persona", "description", "size", "channels",
    "theme", "theme_keywords", "period", "timezone", "attribution", "funnel", "clv", "margin", "target_cpa",
    "text", "metric", "baseline", "target", "deadline", "within", "kpi", "stage", "discount", "code",
    "price", "starts", "ends", "landing", "terms", "segments", "at", "subject", "preheader", "title",
    "headline", "body", "cta", "sender", "link", "variant", "message", "severity", "fields", "forbid",
    "pattern", "require_pattern", "max_length", "suggest", "over", "exclamations", "emoji", "hashtags",
    "frobnicate", "campaing", "_x", "a.b.c",
]

WORDS = ["Portez le changement 🌱", "Économisez 20 % dès maintenant !!!", "GRATUIT", "Try Northwind Free",
         "vous", "tu", "https://verdure.fr/ete?utm_source=x", "STOP au 36173", "#LEteEnLin", "@verdure",
         "👩🏽‍💻", "é\u0301", "\u200b", "ｆｕｌｌ", "中文", "\t", "日本語のテキスト", "العربية", "%", "{", "}", ";",
         "lien: verdure.fr/x", "code LIN10 -10 % jusqu'au 30/06", "20 € offerts", "free shipping", ""]


def _value(rng: random.Random) -> str:
    kind = rng.randrange(18)
    if kind == 0:
        return rng.choice(KEYWORDS)
    if kind == 1:
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if kind == 2:
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 4))]
        return '"""\n' + "\n".join("  " * rng.randint(0, 3) + line.replace('"""', "") for line in lines) + '\n"""'
    if kind == 3:
        return str(rng.choice([0, 1, -3, 12_000, 10**30, 2**63])) + rng.choice(["", "_000", ".5"])
    if kind == 4:
        return f"{rng.choice(['', '+', '-'])}{rng.randint(0, 300)}{rng.choice(['%', ' %', '.5%'])}"
    if kind == 5:
        return f"{rng.randint(0, 10**7)}{rng.choice([' EUR', '€', ' USD', ' XYZ', '$', ' £'])}"
    if kind == 6:
        return f"{rng.randint(1990, 2100)}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
    if kind == 7:
        return f"{rng.randint(2026, 2028)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}{rng.choice([' ', 'T'])}{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}"
    if kind == 8:
        return f"{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}"
    if kind == 9:
        return f"{rng.randint(0, 400)} {rng.choice(['days', 'weeks', 'months', 'year', 'hours', 'minutes'])}"
    if kind == 10:
        return f"{_value(rng)} .. {_value(rng)}"
    if kind == 11:
        return ", ".join(_value(rng) for _ in range(rng.randint(1, 4)))
    if kind == 12:
        return rng.choice(["..", "2027-01-01 ..", ".. 20:00", "20:00 .. 08:00"])
    if kind == 13:
        return '"\\u{' + rng.choice(["1F331", "D800", "110000", "41", "zz"]) + '}"'
    if kind == 14:
        return '"' + rng.choice(["\\q", "\\", "a\\", "\\u{"]) + '"'
    if kind == 15:
        return rng.choice(["fr", "en", "de", "xx", "fr-FR", "formal", "informal", "any", "proven"])
    if kind == 16:
        return rng.choice(["instagram", "email", "sms", "google_ads", "twitter", "nowhere"])
    return rng.choice(["awareness", "consideration", "conversion", "loyalty", "action"])


def _node(rng: random.Random, depth: int, indent: str = "") -> str:
    keyword = rng.choice(KEYWORDS)
    parts = [keyword] + [_value(rng) for _ in range(rng.randint(0, 3))]
    line = indent + " ".join(parts)
    if depth > 0 and rng.random() < 0.45:
        children = [_node(rng, depth - 1, indent + "  ") for _ in range(rng.randint(0, 6))]
        separator = rng.choice(["\n", "\n", "; "]) if children else ""
        body = separator.join(children)
        return f"{line} {{\n{body}\n{indent}}}" if rng.random() < 0.9 else f"{line} {{ {body} }}"
    if rng.random() < 0.1:
        line += "  # noqa" + rng.choice(["", ": E002", ": C001, T"])
    elif rng.random() < 0.05:
        line += "  # " + rng.choice(WORDS)
    return line


def _campaign_skeleton(rng: random.Random) -> str:
    """A mostly valid campaign with random attributes inside (reaches the rules)."""
    messages = []
    for number in range(rng.randint(0, 5)):
        fields = [f"channel {_value(rng) if rng.random() < 0.1 else rng.choice(['instagram', 'email', 'sms', 'google_ads', 'x', 'push'])}"]
        for key in rng.sample(["subject", "body", "cta", "headline", "title", "preheader", "sender", "link", "at", "stage", "offer", "segment"], k=rng.randint(1, 6)):
            fields.append(f"{key} {_value(rng)}")
        messages.append(f"  message m{number} {{\n    " + "\n    ".join(fields) + "\n  }")
    attributes = [f"  {rng.choice(KEYWORDS)} {_value(rng)}" for _ in range(rng.randint(0, 6))]
    extra = [_node(rng, 2, "  ") for _ in range(rng.randint(0, 3))]
    return ("campaign c {\n  name \"C\"\n  language " + rng.choice(["fr", "en", "de"]) + "\n  period 2027-03-01 .. 2027-05-31\n"
            + "\n".join(attributes + extra + messages) + "\n}\n")


def generated(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return _campaign_skeleton(rng)
    return "\n".join(_node(rng, rng.randint(0, 5)) for _ in range(rng.randint(0, 8))) + rng.choice(["", "\n"])


def seeds() -> list[bytes]:
    """Real files to mutate: the examples and a few benchmark campaigns."""
    found = [p.read_bytes() for p in sorted((REPO / "examples").rglob("*.camp"))]
    found += [p.read_bytes() for p in sorted((REPO / "tests" / "data" / "spec-examples").rglob("*.camp"))][:10]
    sys.path.insert(0, str(HERE))
    from corpus import campaign_text

    rng = random.Random(7)
    found += [campaign_text(rng, i, "fr" if i % 2 else "en")[0].encode() for i in range(4)]
    return found


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to four random mutations of ``data``."""
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(14)
        n = len(data)
        at = rng.randint(0, n)
        if op == 0:
            data = data[: rng.randint(0, n)]
        elif op == 1 and n:
            i = rng.randrange(n)
            data = data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
        elif op == 2:
            data = data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[at:]
        elif op == 3:
            end = min(n, at + rng.randint(1, 200))
            data = data[:at] + data[end:]
        elif op == 4:
            start = rng.randint(0, n)
            piece = data[start: start + rng.randint(1, 400)]
            data = data[:at] + piece * rng.randint(1, 3) + data[at:]
        elif op == 5:
            depth = rng.choice([5, 31, 33, 64, 500])
            nest = "".join(f"b{i} {{\n" for i in range(depth)) + "x 1\n" + "}\n" * depth
            data = data[:at] + nest.encode() + data[at:]
        elif op == 6:
            size = rng.choice([1000, 100_001, 300_000])
            data = data[:at] + b'\nbody "' + b"a" * size + b'"\n' + data[at:]
        elif op == 7:
            data = data[:at] + rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00"]) + data[at:]
        elif op == 8:
            chars = "".join(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xFFFF), rng.randint(0x10000, 0x10FFFF)])) for _ in range(rng.randint(1, 20)))
            data = data[:at] + chars.encode("utf-8", "surrogatepass") + data[at:]
        elif op == 9:
            data = data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r", b"\r\r\n"]))
        elif op == 10:
            data = b"\xef\xbb\xbf" * rng.randint(1, 2) + data
        elif op == 11:
            data = data[:at] + rng.choice([b"{", b"}", b'"', b'"""', b";", b",", b"..", b"#", b"\\", b"\\\n"]) + data[at:]
        elif op == 12:
            data = data[:at] + _node(rng, 3).encode() + b"\n" + data[at:]
        else:
            lines = data.split(b"\n")
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
    return data


# ------------------------------------------------------------------ properties

class Harness:
    """Runs the properties in-process on one project folder."""

    def __init__(self, folder: Path):
        from campaignlint.engine import Linter, Options

        self.folder = folder
        (folder / "campaignlint.toml").write_text("", encoding="utf-8")
        (folder / "brand.camp").write_text(
            'brand verdure {\n  name "Verdure"\n  language fr\n  voice { tone warm; address formal }\n}\n'
            'segment fideles { channels email, sms }\n', encoding="utf-8")
        self.path = folder / "case.camp"
        self.path.write_text("", encoding="utf-8")
        self.Linter, self.Options = Linter, Options
        self.linter = Linter(Options(), cwd=folder)
        try:
            import campaignlint.formatter as formatter  # noqa: F401
            self.formatter = formatter if hasattr(formatter, "format_text") else None
        except ImportError:
            self.formatter = None
        self.linted = 0

    def text_of(self, data: bytes) -> str:
        """Bytes as the editor / stdin path hands them to the engine."""
        return data.decode("utf-8", "surrogateescape")

    def check(self, data: bytes, *, fix: bool = True) -> None:
        from campaignlint.fixes import fix_file
        from campaignlint.frontend.parser import SyntaxProblem, parse

        self.linted += 1
        if self.linted % 500 == 0:  # a fresh linter now and then: no state carried over
            self.linter = self.Linter(self.Options(), cwd=self.folder)
        text = self.text_of(data)
        findings = self.linter.lint_file(self.path, text=text)
        assert isinstance(findings, list)
        if self.linted % 10 == 0:  # the same bytes read from disk (decoding, E008)
            self.path.write_bytes(data)
            self.linter.lint_file(self.path)
        self.linter._loaders.clear()
        if not fix:
            return
        try:
            clean = data.decode("utf-8").lstrip("\ufeff")
            parse(clean)
            parses = True
        except (UnicodeDecodeError, SyntaxProblem, RecursionError):
            parses = False
        outcome = fix_file(self.linter, self.path, True, text=text)
        if parses and outcome.changed:
            try:
                parse(outcome.fixed)
            except SyntaxProblem as error:
                raise AssertionError(f"--fix broke the file: {error.message}\n--- fixed text:\n{outcome.fixed}") from None
        if parses and self.formatter is not None:
            once = self.formatter.format_text(clean)
            twice = self.formatter.format_text(once)
            assert once == twice, "fmt is not idempotent"
            if hasattr(self.formatter, "document_key"):
                key = self.formatter.document_key
                assert key(parse(once)) == key(parse(clean)), "fmt changed the model"


def run_cli_cases(folder: Path, cases: list[bytes]) -> int:
    """A few cases through the installed command: exit code 0 or 1, never 2 with a traceback."""
    import subprocess

    script = Path(sys.executable).parent / "campaignlint"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "campaignlint"]
    failures = 0
    for number, data in enumerate(cases):
        target = folder / f"cli{number}.camp"
        target.write_bytes(data)
        process = subprocess.run([*command, "check", str(target), "--no-cache", "--exit-zero"],
                                 capture_output=True, cwd=folder, timeout=600)
        if process.returncode != 0 or b"Traceback" in process.stderr or b"internal error" in process.stderr:
            failures += 1
            save_crash(data, f"CLI exit {process.returncode}\n{process.stderr.decode(errors='replace')}")
        target.unlink()
    return failures


def save_crash(data: bytes, error: str) -> Path:
    folder = HERE / "crashes"
    folder.mkdir(exist_ok=True)
    import hashlib

    name = hashlib.sha256(data).hexdigest()[:12]
    (folder / f"{name}.camp").write_bytes(data)
    (folder / f"{name}.txt").write_text(error, encoding="utf-8")
    return folder / f"{name}.camp"


class SlowCase(BaseException):
    """Raised by the alarm when one case takes longer than ``--slow`` seconds."""


def _alarm(_signum, _frame):
    raise SlowCase()


# ------------------------------------------------------------------ hostile mode (bench/hostile.py)

class HostileHarness(Harness):
    def __init__(self, folder: Path):
        super().__init__(folder)
        self.config_folder = folder / "configs"
        self.config_folder.mkdir(exist_ok=True)
        (self.config_folder / "case.camp").write_text('campaign c {\n  period 2027-01-01 .. 2027-02-01\n}\n',
                                                      encoding="utf-8")
        from campaignlint.language import nlp

        for language in nlp._SPACY_LANGUAGES:  # warm up: a pipeline loads in seconds, once
            nlp._pipeline(language)
        for example in sorted((REPO / "examples").rglob("*.camp")):  # and every rule
            self.linter.lint_file(self.path, text=example.read_text(encoding="utf-8"))
        self.linter._loaders.clear()


def _hostile_one(harness, seeds_, seed: int, number: int) -> tuple[str, str, str]:
    """("ok" | "escape", kind, traceback) for case ``number``."""
    import hostile

    data, rng = hostile.make_case(seeds_, seed, number)
    if harness.linted % 500 == 0:
        harness.linter = harness.Linter(harness.Options(), cwd=harness.folder)
    harness.linted += 1
    try:
        hostile.run_case(harness, data, rng, number)
    except SlowCase:
        raise
    except Exception as error:  # noqa: BLE001 - that is the point
        return "escape", hostile.describe(error), hostile.format_failure(error)
    return "ok", "", ""


def _hostile_worker(connection, folder: str, seed: int) -> None:
    sys.path.insert(0, str(HERE))
    import hostile

    seeds_ = hostile.seed_files()
    harness = HostileHarness(Path(folder))
    connection.send("ready")
    while True:
        number = connection.recv()
        if number is None:
            return
        connection.send(_hostile_one(harness, seeds_, seed, number))


class HostileReport:
    def __init__(self):
        self.cases = 0
        self.escapes: dict[str, list[int]] = {}
        self.hangs: list[int] = []
        self.seconds = 0.0

    def summary(self) -> str:
        escapes = sum(len(v) for v in self.escapes.values())
        return (f"hostile cases: {self.cases:,}; escapes: {escapes} ({len(self.escapes)} distinct); "
                f"hangs (over the time limit): {len(self.hangs)}; time: {self.seconds:.0f} s")


def _save_hostile(seed: int, number: int, error: str) -> Path:
    import hostile

    data, _rng = hostile.make_case(hostile.seed_files(), seed, number)
    return save_crash(data, f"seed {seed}, case {number} (replay: bench/fuzz.py --hostile --seed {seed} "
                            f"--only {number})\n{error}")


def run_hostile(seed: int, numbers, *, timeout: float = 5.0, inline: bool = False, folder: Path | None = None,
                progress=None, save: bool = True) -> HostileReport:
    """Run hostile cases; ``inline``: in this process with an alarm, else in one watched worker process."""
    import multiprocessing

    sys.path.insert(0, str(HERE))
    import hostile

    report = HostileReport()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="campaignlint-hostile-") as tmp:
        base = folder or Path(tmp)

        def record(number, outcome):
            status, kind, failure = outcome
            report.cases += 1
            if status == "escape":
                first = kind not in report.escapes
                report.escapes.setdefault(kind, []).append(number)
                if first and save:
                    print(f"case {number}: {kind} → {_save_hostile(seed, number, failure)}", file=sys.stderr)
            if progress and report.cases % progress == 0:
                report.seconds = time.perf_counter() - started
                print(report.summary(), file=sys.stderr, flush=True)

        if inline:
            seeds_ = hostile.seed_files()
            harness = HostileHarness(base)
            previous = signal.signal(signal.SIGALRM, _alarm)
            try:
                for number in numbers:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                    try:
                        outcome = _hostile_one(harness, seeds_, seed, number)
                    except SlowCase:
                        report.hangs.append(number)
                        report.cases += 1
                        harness = HostileHarness(base)
                        if save:
                            _save_hostile(seed, number, f"hang: over {timeout:g} s")
                        continue
                    finally:
                        signal.setitimer(signal.ITIMER_REAL, 0)
                    record(number, outcome)
            finally:
                signal.signal(signal.SIGALRM, previous)
        else:
            context = multiprocessing.get_context("fork")

            def start():
                parent, child = context.Pipe()
                process = context.Process(target=_hostile_worker, args=(child, str(base), seed), daemon=True)
                process.start()
                if not parent.poll(300) or parent.recv() != "ready":
                    raise RuntimeError("the fuzz worker did not start")
                return process, parent

            process, connection = start()
            try:
                for number in numbers:
                    connection.send(number)
                    if connection.poll(timeout):
                        try:
                            record(number, connection.recv())
                            continue
                        except EOFError:  # the worker died (a crash in C code, out of memory)
                            record(number, ("escape", "the worker process died", f"exit code {process.exitcode}"))
                            process, connection = start()
                            continue
                    report.hangs.append(number)  # over the limit: killed, saved, a fresh worker
                    report.cases += 1
                    process.kill()
                    process.join()
                    if save:
                        path = _save_hostile(seed, number, f"hang: over {timeout:g} s")
                        print(f"case {number}: hang → {path}", file=sys.stderr)
                    process, connection = start()
                connection.send(None)
            finally:
                process.join(5)
                if process.is_alive():
                    process.kill()
    report.seconds = time.perf_counter() - started
    return report


def main() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    parser = argparse.ArgumentParser(description="Fuzz campaignlint's engine, fixes and formatter.")
    parser.add_argument("--hostile", action="store_true", help="token/line mutations of every .camp file, every "
                        "command path, config shapes and the --fix property (bench/hostile.py)")
    parser.add_argument("--timeout", type=float, default=5.0, help="--hostile: a case over this is a hang")
    parser.add_argument("--start", type=int, default=0, help="--hostile: first case number")
    parser.add_argument("--only", type=int, default=None, help="--hostile: replay this one case (in process)")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fix-every", type=int, default=5, help="check --fix on one case in N (it re-lints)")
    parser.add_argument("--cli", type=int, default=20, help="cases also run through the installed command")
    parser.add_argument("--stop", action="store_true", help="stop at the first failure")
    parser.add_argument("--slow", type=float, default=20.0, help="a case taking longer is stopped and saved (with where it was)")
    args = parser.parse_args()
    os.environ.setdefault("CAMPAIGNLINT_DEBUG", "1")
    if args.hostile:
        numbers = [args.only] if args.only is not None else range(args.start, args.start + args.cases)
        report = run_hostile(args.seed, numbers, timeout=args.timeout, inline=args.only is not None,
                             progress=1000)
        print(report.summary())
        for kind, cases in sorted(report.escapes.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(cases):6}  {kind}  (first: case {cases[0]})")
        if report.hangs:
            print(f"  hangs: cases {report.hangs[:20]}")
        return
    rng = random.Random(args.seed)
    real = seeds()
    started = time.perf_counter()
    failures: dict[str, int] = {}
    cli_cases: list[bytes] = []
    slow: list[float] = []
    (HERE / "crashes").mkdir(exist_ok=True)
    slow_log = open(HERE / "crashes" / "slow-tracebacks.txt", "a", encoding="utf-8")  # noqa: SIM115
    with tempfile.TemporaryDirectory(prefix="campaignlint-fuzz-") as tmp:
        harness = Harness(Path(tmp))
        for case in range(args.cases):
            data = generated(rng).encode("utf-8") if rng.random() < 0.4 else mutate(rng, rng.choice(real))
            if len(data) > 400_000:
                data = data[:400_000]
            faulthandler.dump_traceback_later(args.slow, exit=False, file=slow_log)
            signal.setitimer(signal.ITIMER_REAL, args.slow)
            case_started = time.perf_counter()
            try:
                harness.check(data, fix=case % args.fix_every == 0)
            except SlowCase:
                harness = Harness(Path(tmp))  # the interrupted linter may hold half-built state
            except Exception as error:  # noqa: BLE001 - that is the point
                kind = f"{type(error).__name__}: {str(error).splitlines()[0][:120] if str(error) else ''}"
                failures[kind] = failures.get(kind, 0) + 1
                if failures[kind] == 1:
                    path = save_crash(data, traceback.format_exc())
                    print(f"case {case}: {kind} → {path}", file=sys.stderr)
                if args.stop:
                    break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                faulthandler.cancel_dump_traceback_later()
            spent = time.perf_counter() - case_started
            if spent >= args.slow:
                slow.append(spent)
                path = save_crash(data, f"slow case: {spent:.1f} s (see {slow_log.name} for where it was)")
                print(f"case {case}: slow ({spent:.1f} s) → {path}", file=sys.stderr)
            if len(cli_cases) < args.cli and rng.random() < 0.01:
                cli_cases.append(data)
            if case and case % 5000 == 0:
                print(f"{case:,} cases, {time.perf_counter() - started:.0f} s, {sum(failures.values())} failures", file=sys.stderr)
        cli_failures = run_cli_cases(Path(tmp), cli_cases) if cli_cases else 0
    elapsed = time.perf_counter() - started
    print(f"cases: {args.cases:,} (seed {args.seed}); time: {elapsed:.0f} s; "
          f"failing cases: {sum(failures.values())} ({len(failures)} distinct); "
          f"slow cases (> {args.slow:g} s): {len(slow)}; "
          f"CLI cases: {len(cli_cases)}, failing: {cli_failures}; formatter checked: "
          f"{'yes' if harness.formatter is not None else 'no (campaignlint.formatter.format_text absent)'}")
    for kind, count in sorted(failures.items(), key=lambda kv: -kv[1]):
        print(f"  {count:6}  {kind}")


if __name__ == "__main__":
    main()

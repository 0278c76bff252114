"""The hostile half of ``bench/fuzz.py`` (issue 12): what found the bugs the first fuzzer missed.

Inputs: token- and line-level mutations of every shipped and test ``.camp`` file,
the rule cases of ``tests/rules/*.yml`` included — lines deleted, duplicated,
swapped and moved; tokens deleted, duplicated, swapped with another token of the
file or replaced by hostile values: random Unicode (RTL marks and overrides, ZWJ
sequences, combining marks, NUL, lone ``\\r``, line and paragraph separators,
unpaired surrogates), very long lines, deep nesting, huge and malformed numbers,
dates, times and durations, odd import paths.

Every case goes through ``lint``; in turn (by case number) also through ``parse``
(``model_json``), ``fmt`` (idempotent, keeps the model), the five reporters, a
configuration file of a random shape, and the ``--fix`` property check: the fixed
file still parses if the input did, has no new E-code, is a fixed point (fixing
again changes nothing), and keeps its comments, BOM, CRLF line ends and mode.

A case is a pure function of ``(seed, number)``, so a hang or an escape can be
replayed with ``--only NUMBER``.
"""

from __future__ import annotations

import os
import random
import re
import stat
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FORMATS = ["text", "json", "sarif", "github", "junit"]

# ------------------------------------------------------------------ seeds

def seed_files() -> list[bytes]:
    """Every shipped and test .camp file, and every campaign text of the rule cases."""
    found = [p.read_bytes() for p in sorted(REPO.rglob("*.camp"))
             if ".git" not in p.parts and "crashes" not in p.parts and ".venv" not in p.parts]
    spec = Path("/work/shared/spec/examples")
    if spec.is_dir():
        found += [p.read_bytes() for p in sorted(spec.rglob("*.camp"))]
    try:
        import yaml
    except ImportError:  # pragma: no cover - the test extra has it
        yaml = None
    if yaml is not None:
        for path in sorted((REPO / "tests" / "rules").glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for case in (data or {}).get("cases", []):
                for key in ("fail", "pass", "fix", "text", "files"):
                    value = case.get(key)
                    if isinstance(value, str):
                        found.append(value.encode("utf-8"))
                    elif isinstance(value, dict):
                        found += [v.encode("utf-8") for v in value.values() if isinstance(v, str)]
    return found


# ------------------------------------------------------------------ hostile pieces

RTL = ["\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u2067", "\u2069", "\u061c"]
ZWJ = ["👩\u200d💻", "👨\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "\u200d", "\u200d\u200d\u200d"]
COMBINING = ["e\u0301", "a" + "\u0300" * 50, "\u0301", "n\u0303\u0308\u0323", "Z\u0351\u0352\u0357\u035b" * 20]
CONTROL = ["\x00", "\r", "\x0b", "\x0c", "\x1b[31m", "\u2028", "\u2029", "\u0085", "\ufeff", "\ufffe", "\ud800"]
NUMBERS = ["9" * 5000, "1" + "0" * 30, "1e999", "-0", "00000", "0.000000000001", "1_000_000_000_000_000_000",
           "99999999999999999999", "1." + "5" * 400, "+-3", "1__0", "0x10", "NaN", "inf", "−5", "５"]
DATES = ["9999-12-31", "0001-01-01", "0000-01-01", "2027-02-30", "2027-13-01", "20270101", "2027-1-1",
         "2027-02-29", "1899-12-31", "2200-01-01", "2027-06-01T25:00", "2027-06-01T23:59:60", "2027-06-01 24:00"]
TIMES = ["25:61", "23:59:60", "00:00", "9:5", "99:99:99", "23:59:59.999"]
DURATIONS = ["99999 years", "3000000 days", "0 days", "1.5 months", "99999999999999999999 hours", "1 fortnight"]
IMPORTS = ['import "a\\u{0}b.camp"', 'import "' + "a/" * 2100 + 'b.camp"', 'import "../../../../etc/passwd.camp"',
           'import "/dev/zero.camp"', 'import "x' + "y" * 300 + '.camp"', 'import "."', 'import ""']
TOKEN = re.compile(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*|\d[\d_.:\-T]*[a-zA-Z%€$£]*|[A-Za-z_][\w.]*|\S')


def random_unicode(rng: random.Random, size: int | None = None) -> str:
    pieces = []
    for _ in range(size or rng.randint(1, 12)):
        kind = rng.randrange(7)
        if kind == 0:
            pieces.append(rng.choice(RTL))
        elif kind == 1:
            pieces.append(rng.choice(ZWJ))
        elif kind == 2:
            pieces.append(rng.choice(COMBINING))
        elif kind == 3:
            pieces.append(rng.choice(CONTROL))
        elif kind == 4:
            pieces.append(chr(rng.randint(0x10000, 0x10FFFF)))
        else:
            pieces.append(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xFFFF)])))
    return "".join(pieces)


def hostile_value(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return rng.choice(NUMBERS)
    if kind == 1:
        return rng.choice(DATES) + rng.choice(["", " .. " + rng.choice(DATES)])
    if kind == 2:
        return rng.choice(TIMES)
    if kind == 3:
        return rng.choice(DURATIONS)
    if kind == 4:
        return '"' + random_unicode(rng).replace("\\", "\\\\").replace('"', '\\"') + '"'
    if kind == 5:
        return random_unicode(rng)
    if kind == 6:
        depth = rng.choice([31, 32, 33, 200, 2000])
        return "".join(f"b{i} {{ " for i in range(depth)) + "x 1" + " }" * depth
    if kind == 7:
        return '"' + " ".join(["mot"] * rng.choice([1000, 30_000])) + '"'  # a very long line
    return rng.choice(IMPORTS)


def mutate_lines(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    if not lines:
        return text
    op = rng.randrange(6)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[j])
    elif op == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        lines.insert(j, lines.pop(i))
    elif op == 4:
        lines[i] = lines[i] + " " + hostile_value(rng)
    else:
        lines.insert(i, hostile_value(rng))
    return "\n".join(lines)


def mutate_tokens(rng: random.Random, text: str) -> str:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    if not tokens:
        return text + hostile_value(rng)
    start, end = rng.choice(tokens)
    op = rng.randrange(5)
    if op == 0:
        return text[:start] + text[end:]
    if op == 1:
        return text[:start] + text[start:end] + " " + text[start:end] + text[end:]
    if op == 2:
        other_start, other_end = rng.choice(tokens)
        return text[:start] + text[other_start:other_end] + text[end:]
    if op == 3:  # a value of the same family, made hostile
        return text[:start] + hostile_value(rng) + text[end:]
    return text[:start] + random_unicode(rng) + text[end:]


def make_case(seeds: list[bytes], seed: int, number: int) -> tuple[bytes, random.Random]:
    """Case ``number`` of ``seed``: bytes, and the generator that decides its command paths."""
    rng = random.Random(f"{seed}:{number}")
    data = rng.choice(seeds)
    text = data.decode("utf-8", "surrogateescape")
    for _ in range(rng.randint(1, 5)):
        text = mutate_tokens(rng, text) if rng.random() < 0.6 else mutate_lines(rng, text)
    ending = rng.randrange(8)
    if ending == 0:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    elif ending == 1:
        text = text.replace("\n", "\r")
    try:  # undecodable bytes of the seed come back as they were; lone surrogates become invalid UTF-8
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = b"\xef\xbb\xbf" + data
    return data[:600_000], rng


# ------------------------------------------------------------------ configuration shapes

CONFIG_SHAPES = [
    "", 'select = ["E"]\n', 'select = "ALL"\n', "select = 5\n", 'ignore = ["Z999"]\n', "max-file-size = 0\n",
    "max-file-size = 100\n", "max-file-size = 10000000000000\n", "theme-share = nan\n", "copy-similarity = inf\n",
    "language-min-confidence = -1\n", 'rule-packs = ["/etc/hostname"]\n', 'rule-packs = ["pack.camp"]\n',
    'rule-packs = ["missing.camp"]\n', "[severity]\nE001 = \"loud\"\n", '[per-file-ignores]\n"*.camp" = 5\n',
    "unknown-key = 1\n", "select = [\n", "\xff\xfe", "[[select]]\n", 'fail-on = "never"\n', "a = " + "[" * 3000,
]
PYPROJECT_SHAPES = ['tool = "campaignlint"\n', "tool = 5\n", 'tool = ["campaignlint"]\n',
                    "[tool]\ncampaignlint = 3\n", "[tool.campaignlint]\nselect = [\"E\"\n",
                    "[tool.campaignlint]\nselect = [\"E\"]\n", "[project]\nname = 'x'\n"]


def config_case(rng: random.Random, folder: Path) -> None:
    """A project folder with a configuration file of a random shape: Linter works or says ConfigError."""
    from campaignlint.config import ConfigError
    from campaignlint.engine import Linter, Options, UsageError

    for name in ("campaignlint.toml", "pyproject.toml"):
        (folder / name).unlink(missing_ok=True)
    if rng.random() < 0.6:
        (folder / "campaignlint.toml").write_bytes(rng.choice(CONFIG_SHAPES).encode("utf-8", "surrogateescape"))
    else:
        (folder / "pyproject.toml").write_text(rng.choice(PYPROJECT_SHAPES), encoding="utf-8")
    (folder / "pack.camp").write_text(rng.choice(['rule r { message "m"; forbid "x" }\n', "rule r {\n", ""]),
                                      encoding="utf-8")
    try:
        linter = Linter(Options(), cwd=folder)
        linter.lint([str(folder / "case.camp")])
    except (ConfigError, UsageError) as error:
        assert str(error) and "Traceback" not in str(error)


# ------------------------------------------------------------------ the fix property

def _comments(text: str) -> list[str]:
    """The comments of a file that parses (the parser's own list: a `#` inside a text is no comment)."""
    from campaignlint.frontend.parser import parse

    return [comment.text.strip() for comment in parse(text).comments]


def fix_property(harness, data: bytes) -> None:
    """``check --fix`` on disk: parses, no new E-code, a fixed point; comments, BOM, CRLF and mode kept."""
    from campaignlint.fixes import WriteError, fix_file, write_atomically
    from campaignlint.frontend.parser import SyntaxProblem, parse

    path = harness.folder / "fix.camp"
    path.unlink(missing_ok=True)
    path.write_bytes(data)
    mode = 0o640 if data[:1] == b"c" else 0o604
    os.chmod(path, mode)
    linter = harness.Linter(harness.Options(), cwd=harness.folder)
    outcome = fix_file(linter, path, False)
    if not outcome.changed:
        return
    source = linter.sources.get(linter._display(path))
    try:
        write_atomically(path, outcome.fixed, bool(source and source.had_bom), root=harness.folder)
    except WriteError as error:
        raise AssertionError(f"the fix could not be written: {error}") from None
    after = path.read_bytes()
    assert stat.S_IMODE(os.stat(path).st_mode) == mode, "--fix changed the file's mode"
    assert after.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf"), "--fix changed the BOM"
    try:
        before_text = data.decode("utf-8").lstrip("\ufeff")
        parse(before_text)
        parsed = True
    except (UnicodeDecodeError, SyntaxProblem, RecursionError):
        parsed, before_text = False, data.decode("utf-8", "replace")
    fixed_text = after.decode("utf-8").lstrip("\ufeff")
    if parsed:
        try:
            parse(fixed_text)
        except SyntaxProblem as error:
            raise AssertionError(f"--fix broke the file: {error.message}") from None
    if b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""):
        assert b"\n" not in after.replace(b"\r\n", b""), "--fix changed CRLF line ends"
    if parsed:
        kept = _comments(fixed_text)
        missing = [c for c in _comments(before_text) if c not in kept]
        assert not missing, f"--fix removed a comment: {missing[0][:80]}"
    before_e = {f.code for f in outcome.findings if f.code.startswith("E")}
    original_e = {f.code for f in harness.Linter(harness.Options(), cwd=harness.folder).lint_file(
        path, text=data.decode("utf-8", "surrogateescape")) if f.code.startswith("E")}
    new_e = before_e - original_e
    assert not new_e, f"--fix added {sorted(new_e)}"
    again = fix_file(harness.Linter(harness.Options(), cwd=harness.folder), path, False)
    if not outcome.looping:
        assert not again.changed, "--fix is not idempotent"


# ------------------------------------------------------------------ one case, every command path

def run_case(harness, data: bytes, rng: random.Random, number: int) -> None:
    from campaignlint.model_json import file_to_json
    from campaignlint.frontend.parser import SyntaxProblem, parse
    from campaignlint.reporters import ReportContext, render

    text = data.decode("utf-8", "surrogateescape")
    linter = harness.linter
    findings = linter.lint_file(harness.path, text=text)  # lint
    assert isinstance(findings, list)
    if number % 4 == 0:  # the same bytes from disk (size, decoding)
        harness.path.write_bytes(data)
        findings = linter.lint_file(harness.path)
    if number % 3 == 0:  # parse
        loaded = linter.loaded(harness.path)
        if loaded is not None and loaded.model is not None:
            import json

            json.dumps(file_to_json(loaded.model, [f for f in findings if f.code.startswith("E")]))
    if number % 3 == 1:  # the reporters
        context = ReportContext(files=[linter._display(harness.path)], sources=linter.sources,
                                show_source=rng.random() < 0.5, statistics=rng.random() < 0.2)
        for fmt in FORMATS:
            assert isinstance(render(fmt, findings, context), str)
    linter._loaders.clear()
    if number % 2 == 0:  # fmt
        try:
            clean = data.decode("utf-8").lstrip("\ufeff")
            document = parse(clean)
        except (UnicodeDecodeError, SyntaxProblem, RecursionError):
            document = None
        if document is not None and harness.formatter is not None:
            try:
                once = harness.formatter.format_text(clean)
            except harness.formatter.FormatError:
                once = None  # refused in words: allowed
            if once is not None:
                assert harness.formatter.format_text(once) == once, "fmt is not idempotent"
                key = harness.formatter.document_key
                assert key(parse(once)) == key(document), "fmt changed the model"
    if number % 5 == 0:
        fix_property(harness, data)
    if number % 25 == 0:
        config_case(rng, harness.config_folder)


def describe(error: BaseException) -> str:
    first = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {first}"


def format_failure(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


if __name__ == "__main__":  # pragma: no cover
    print("run bench/fuzz.py --hostile", file=sys.stderr)

"""The formatter (`campaignlint fmt`): canonical layout, comments kept, meaning kept, idempotent."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaignlint.formatter import format_text
from campaignlint.frontend.loader import Loader
from campaignlint.frontend.parser import SyntaxProblem, parse

from conftest import DATA, REPO, run_cli

EXAMPLES = DATA / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.camp"))


def _strip_spans(data):
    if isinstance(data, dict):
        return {k: _strip_spans(v) for k, v in data.items() if k not in ("span", "spans")}
    if isinstance(data, list):
        return [_strip_spans(v) for v in data]
    return data


def resolved_models(root: Path) -> dict[str, object]:
    """Every file's resolved model (through the loader, imports included), spans removed."""
    loader = Loader(root)
    models = {}
    for path in sorted(root.rglob("*.camp")):
        loaded = loader.load(path)
        assert loaded.model is not None, [p.message for p in loaded.problems]
        models[str(path.relative_to(root))] = _strip_spans(loaded.model.model_dump(mode="json"))
    return models


@pytest.fixture
def examples(tmp_path) -> Path:
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


# ------------------------------------------------------------ the examples

def test_examples_keep_their_meaning_and_formatting_is_idempotent(examples):
    before = resolved_models(examples)
    result = run_cli("fmt", ".", cwd=examples)
    assert result.returncode == 0, result.stderr
    after = resolved_models(examples)
    assert after == before
    assert len(after) == len(EXAMPLE_FILES) == 6  # v1 (4) and v2 (2)
    for path in examples.rglob("*.camp"):
        text = path.read_text(encoding="utf-8")
        assert format_text(text) == text, path
    again = run_cli("fmt", "--check", ".", cwd=examples)
    assert again.returncode == 0, again.stderr
    assert "0 files would be reformatted, 6 files left unchanged" in again.stderr


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_example_formats_to_a_fixed_point_keeping_comments(path):
    text = path.read_text(encoding="utf-8")
    once = format_text(text)
    assert format_text(once) == once
    assert [c.text for c in parse(once).comments] == [c.text.rstrip() for c in parse(text).comments]
    # the v1 examples are already close to canonical: only alignment spaces change (the v2
    # examples write short blocks on one line, which the canonical layout expands)
    if path.parent.name != "v2":
        assert len(once.splitlines()) == len(text.splitlines())


@pytest.mark.parametrize("name", ["noel_fournil.camp", "flawed_v2.camp"])
def test_v2_examples_format_idempotently_keeping_their_model(tmp_path, name):
    shutil.copytree(EXAMPLES / "v2", tmp_path, dirs_exist_ok=True)
    path = tmp_path / name
    before = _strip_spans(Loader(tmp_path).load(path).model.model_dump(mode="json"))
    once = format_text(path.read_text(encoding="utf-8"))
    assert format_text(once) == once
    path.write_text(once, encoding="utf-8")
    assert _strip_spans(Loader(tmp_path).load(path).model.model_dump(mode="json")) == before


def test_v2_literals_keep_their_text_with_one_space():
    text = ('channel c {\n  asset image { ratios 1.91:1 .. 4:5, 9:16; max size 30   MB; duration 3 seconds .. 15\tminutes }\n'
            '}\nsegment s { consent email double-opt-in, sms soft_opt_in }\n')
    assert format_text(text) == (
        'channel c {\n  asset image { ratios 1.91:1 .. 4:5, 9:16; max size 30 MB; duration 3 seconds .. 15 minutes }\n'
        '}\nsegment s { consent email double-opt-in, sms soft_opt_in }\n')


def test_check_reports_and_changes_nothing(examples):
    launch = examples / "northwind" / "launch.camp"
    original = launch.read_bytes()
    result = run_cli("fmt", "--check", ".", cwd=examples)
    assert result.returncode == 1
    assert "would reformat northwind/launch.camp" in result.stderr
    assert "would reformat verdure/printemps.camp" in result.stderr
    assert "flawed/" not in result.stderr  # already canonical
    assert launch.read_bytes() == original


def test_diff_prints_a_unified_diff_and_changes_nothing(examples):
    launch = examples / "northwind" / "launch.camp"
    original = launch.read_bytes()
    result = run_cli("fmt", "--diff", "northwind", cwd=examples)
    assert result.returncode == 1
    assert result.stdout.startswith("--- a/northwind/launch.camp\n+++ b/northwind/launch.camp\n@@ ")
    assert '-  channel linkedin   { owner "Social team"; budget 30_000 USD; tier proven }\n' in result.stdout
    assert '+  channel linkedin { owner "Social team"; budget 30_000 USD; tier proven }\n' in result.stdout
    assert launch.read_bytes() == original
    clean = run_cli("fmt", "--diff", "flawed", cwd=examples)
    assert clean.returncode == 0 and clean.stdout == ""


def test_a_file_that_does_not_parse_is_reported_and_left_alone(write):
    bad = 'campaign soldes {\n  name "Soldes d\'hiver\n}\n'
    root = write({"bad.camp": bad, "good.camp": "campaign  ok {\n    name \"Bien\"\n}\n"})
    result = run_cli("fmt", ".", cwd=root)
    assert result.returncode == 1
    assert "bad.camp:2:8: E001 this text is not closed" in result.stderr
    assert (root / "bad.camp").read_text(encoding="utf-8") == bad
    assert (root / "good.camp").read_text(encoding="utf-8") == 'campaign ok {\n  name "Bien"\n}\n'


def test_missing_path_is_a_usage_error(tmp_path):
    result = run_cli("fmt", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "nowhere: no such file or folder" in result.stderr


def test_stdin_is_formatted_to_stdout(tmp_path):
    result = run_cli("fmt", "-", cwd=tmp_path, input='campaign   x{name "a";budget 5 EUR}')
    assert result.returncode == 0
    assert result.stdout == 'campaign x { name "a"; budget 5 EUR }\n'


# ------------------------------------------------------------ the layout

def test_indentation_statements_and_spacing():
    text = (
        'campaign   soldes{\n'
        '      name "Soldes";    budget 10_000 EUR\n'
        '\tperiod 2027-01-07..2027-02-03\n'
        '  funnel awareness ,consideration,conversion\n'
        '  message m {channel email\n'
        '  stage awareness;at 2027-01-07 08:00 }\n'
        '}\n'
    )
    assert format_text(text) == (
        'campaign soldes {\n'
        '  name "Soldes"\n'
        '  budget 10_000 EUR\n'
        '  period 2027-01-07 .. 2027-02-03\n'
        '  funnel awareness, consideration, conversion\n'
        '  message m {\n'
        '    channel email\n'
        '    stage awareness\n'
        '    at 2027-01-07 08:00\n'
        '  }\n'
        '}\n'
    )


def test_literals_keep_their_raw_text():
    text = 'channel x { budget 50_000€; margin 20 %; size 12_000; quiet_hours 20:00..08:00; target +20% }\n'
    out = format_text(text)
    for raw in ("50_000€", "20 %", "12_000", "20:00 .. 08:00", "+20%"):
        assert raw in out
    assert out == 'channel x { budget 50_000€; margin 20 %; size 12_000; quiet_hours 20:00 .. 08:00; target +20% }\n'


def test_spaces_inside_amounts_and_datetimes_shrink_to_one():
    out = format_text('offer o {\n  price 9_000 \t  EUR\n  ends 2027-01-31    23:59\n  discount 20\u00a0%\n}\n')
    assert out == 'offer o {\n  price 9_000 EUR\n  ends 2027-01-31 23:59\n  discount 20\u00a0%\n}\n'


def test_open_ranges_and_empty_blocks():
    assert format_text("objective o {\n  target ..5\n  baseline 3..\n  variant v {   }\n}\n") == (
        "objective o {\n  target .. 5\n  baseline 3 ..\n  variant v {}\n}\n"
    )


def test_one_line_blocks_stay_when_short_and_simple():
    short = 'campaign c {\n  channel email     { owner "Équipe CRM"; tier proven }\n}\n'
    assert format_text(short) == 'campaign c {\n  channel email { owner "Équipe CRM"; tier proven }\n}\n'
    long = ('campaign c {\n  channel instagram { owner "Équipe social et communauté de la marque"; '
            'budget 12_000 EUR; tier proven }\n}\n')
    assert format_text(long) == (
        'campaign c {\n  channel instagram {\n    owner "Équipe social et communauté de la marque"\n'
        '    budget 12_000 EUR\n    tier proven\n  }\n}\n'
    )
    nested = "campaign c { message m { channel sms } }\n"
    assert format_text(nested) == "campaign c {\n  message m { channel sms }\n}\n"


def test_wrapped_lists_stay_wrapped_after_the_same_commas():
    text = 'segment s {\n  channels instagram,\n tiktok, email,\n            sms\n}\n'
    assert format_text(text) == 'segment s {\n  channels instagram,\n      tiktok, email,\n      sms\n}\n'


def test_comments_stay_where_they_were():
    text = (
        "# Verdure — soldes\n"
        "\n\n\n"
        "campaign soldes {   # noqa: O004\n"
        "      # le nom affiché\n"
        '  name "Soldes"    # en français\n'
        "  channel sms { owner \"CRM\"; tier proven }   # noqa: B001\n"
        '  channel email { owner "CRM"; budget 3_000 EUR } # noqa: B002\n'
        "\n"
        "      # avant la fin\n"
        "}\n"
        "# fin\n"
    )
    assert format_text(text) == (
        "# Verdure — soldes\n"
        "\n"
        "campaign soldes {  # noqa: O004\n"
        "  # le nom affiché\n"
        '  name "Soldes"  # en français\n'
        '  channel sms { owner "CRM"; tier proven }  # noqa: B001\n'
        '  channel email { owner "CRM"; budget 3_000 EUR }  # noqa: B002\n'
        "\n"
        "  # avant la fin\n"
        "}\n"
        "# fin\n"
    )


def test_a_noqa_after_a_one_line_block_that_must_open_stays_on_its_header_line():
    text = ('campaign c {\n  channel instagram { owner "Équipe social et communauté de la marque Verdure à Lyon"; tier proven; '
            'budget 12_000 EUR }  # noqa: B001\n}\n')
    out = format_text(text)
    assert "  channel instagram {  # noqa: B001\n" in out
    assert format_text(out) == out


def test_comment_on_a_line_of_two_statements_follows_the_first():
    assert format_text('message m {\n  channel sms; stage awareness  # relance\n}\n') == (
        'message m {\n  channel sms  # relance\n  stage awareness\n}\n'
    )


def test_blank_lines_are_kept_at_most_one_and_never_at_block_edges():
    text = "campaign c {\n\n\n  name \"a\"\n\n\n\n  owner \"b\"\n\n}\n\n\n\nbrand b {\n}\n\n\n"
    assert format_text(text) == 'campaign c {\n  name "a"\n\n  owner "b"\n}\n\nbrand b {}\n'


def test_long_strings_are_reindented_keeping_their_value():
    text = (
        "campaign c {\n"
        "  message m {\n"
        '        body """\n'
        "                Bonjour,\n"
        "\n"
        "                  Notre collection est conçue pour durer 🌱\n"
        "                Portez le changement.   \n"
        '          """\n'
        '    headline """Une ligne"""\n'
        '    description """Premier\n'
        '   suite"""\n'
        "  }\n"
        "}\n"
    )
    out = format_text(text)
    assert out == (
        "campaign c {\n"
        "  message m {\n"
        '    body """\n'
        "      Bonjour,\n"
        "\n"
        "        Notre collection est conçue pour durer 🌱\n"
        "      Portez le changement.   \n"
        '    """\n'
        '    headline """Une ligne"""\n'
        '    description """Premier\n'
        '      suite"""\n'
        "  }\n"
        "}\n"
    )

    def values(source):
        return [v.data for n in parse(source).nodes[0].children[0].children for v in n.values]

    assert values(out) == values(text)
    assert values(out)[0] == "Bonjour,\n\n  Notre collection est conçue pour durer 🌱\nPortez le changement.   "


def test_long_strings_with_escapes_are_kept_as_written():
    text = 'message m {\n        body """Ligne\\n   un\n            deux"""\n}\n'
    out = format_text(text)
    assert '"""Ligne\\n   un\n            deux"""' in out
    assert parse(out).nodes[0].children[0].values[0].data == parse(text).nodes[0].children[0].values[0].data


def test_crlf_is_kept():
    text = 'campaign c {\r\n    name "a"  # commentaire\r\n    body """\r\n        x\r\n    """\r\n}\r\n'
    out = format_text(text)
    assert out == 'campaign c {\r\n  name "a"  # commentaire\r\n  body """\r\n    x\r\n  """\r\n}\r\n'
    assert "\n" not in out.replace("\r\n", "")


def test_bom_and_permissions_are_kept_by_the_command(write):
    root = write({"a.camp": b'\xef\xbb\xbfcampaign c {\r\n    name "Caf\xc3\xa9"\r\n}\r\n'})
    (root / "a.camp").chmod(0o640)
    result = run_cli("fmt", "a.camp", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "a.camp").read_bytes() == b'\xef\xbb\xbfcampaign c {\r\n  name "Caf\xc3\xa9"\r\n}\r\n'
    assert (root / "a.camp").stat().st_mode & 0o777 == 0o640


def test_edge_files():
    assert format_text("") == ""
    assert format_text("\n\n   \n") == ""
    assert format_text("# seulement un commentaire   \n\n\n# et un autre") == "# seulement un commentaire\n\n# et un autre\n"
    assert format_text('import "brand.camp";import "other.camp"') == 'import "brand.camp"\nimport "other.camp"\n'


def test_syntax_errors_raise():
    with pytest.raises(SyntaxProblem):
        format_text("campaign c {\n")


# ------------------------------------------------------------ property: layout noise is erased

def _protected(text: str) -> list[tuple[int, int]]:
    """Offsets of long strings (their inner indentation is content)."""
    spans = []

    def walk(nodes):
        for node in nodes:
            for value in node.values:
                if value.raw.startswith('"""'):
                    spans.append((value.start, value.end))
            if node.children:
                walk(node.children)

    walk(parse(text).nodes)
    return spans


def _scramble(text: str, seed: int) -> str:
    """Change indentation and the spaces between tokens, outside long strings."""
    rng = random.Random(seed)
    protected = _protected(text)
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        inside = any(start < offset < end for start, end in protected)
        if inside:
            out.append(line)
        else:
            body = line.lstrip(" ")
            body = re.sub(r"(?<=[A-Za-z0-9_\"}{]) (?=[A-Za-z0-9_\"{}])",
                          lambda m: " " * rng.randint(1, 3) if rng.random() < 0.3 else " ", body) \
                if '"' not in body and "#" not in body else body
            out.append(" " * rng.randint(0, 9) + body)
            if rng.random() < 0.15 and not body.strip().startswith(('"""', "}")):
                out.append("\n")
        offset += len(line)
    return "".join(out)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(EXAMPLE_FILES))
def test_layout_noise_is_erased(seed, path):
    text = path.read_text(encoding="utf-8")
    canonical = format_text(text)
    scrambled = _scramble(text, seed)
    formatted = format_text(scrambled)
    # the same statements, values and comments; blank lines may differ where noise added some
    assert [line for line in formatted.splitlines() if line] == [line for line in canonical.splitlines() if line]
    assert format_text(formatted) == formatted


# ------------------------------------------------------------ the shipped examples (README, pre-commit)

SHIPPED = sorted((REPO / "examples").rglob("*.camp"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_examples_are_in_the_canonical_layout(path):
    text = path.read_text(encoding="utf-8")
    assert format_text(text) == text, f"run `campaignlint fmt examples/` and commit: {path}"


def test_fmt_check_passes_on_the_shipped_examples():
    result = run_cli("fmt", "--check", "examples", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert f"0 files would be reformatted, {len(SHIPPED)} files left unchanged" in result.stderr

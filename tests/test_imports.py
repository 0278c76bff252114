"""Start-up: the quick commands must not import the heavy libraries.

`--help`, `rules` and `explain` print text: they must not pay for spaCy (about
a second) or textstat.  Each command runs in a fresh interpreter that then
reports which heavy modules ended up in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "textstat", "thinc", "fr_core_news_sm")

PROBE = """
import json, sys
from campaignlint.cli import cli
args = json.loads(sys.argv[1])
if args == ["explain", "FIRST"]:
    from campaignlint.registry import load_all_rules
    args = ["explain", sorted(load_all_rules())[0]]
try:
    cli.main(args=args, prog_name="campaignlint", standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in %r)), file=sys.stderr)
""" % (HEAVY,)


def _heavy_modules(*args: str) -> list[str]:
    process = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, process.stderr
    return json.loads(process.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["rules", "--format", "json"], ["explain", "FIRST"], ["--version"]])
def test_quick_commands_import_neither_spacy_nor_textstat(args):
    assert _heavy_modules(*args) == []


def test_the_probe_can_see_spacy_when_it_is_imported():
    # the check above could not fail if the probe never saw anything: prove it can
    code = PROBE.replace("from campaignlint.cli import cli", "import textstat\nfrom campaignlint.cli import cli")
    process = subprocess.run([sys.executable, "-c", code, json.dumps(["--help"])], capture_output=True, text=True, timeout=120)
    assert "textstat" in json.loads(process.stderr.strip().splitlines()[-1])


def test_importtime_of_help_stays_small():
    """`python -X importtime`: no heavy module appears while printing the help."""
    process = subprocess.run([sys.executable, "-X", "importtime", "-c",
                              "from campaignlint.cli import cli\n"
                              "try:\n    cli.main(args=['--help'], prog_name='campaignlint')\nexcept SystemExit:\n    pass"],
                             capture_output=True, text=True, timeout=120)
    imported = {line.split("|")[-1].strip() for line in process.stderr.splitlines() if line.startswith("import time:")}
    assert "campaignlint.cli" in imported
    assert not {name for name in imported if name.split(".")[0] in HEAVY}


def test_the_engine_decode_and_display_path_stay_light():
    """A run answered from the cache re-reads sources through ``frontend.decode``: no Lark, no pydantic."""
    code = ("import json, sys\n"
            "import campaignlint.engine, campaignlint.frontend.decode, campaignlint.frontend.problems\n"
            "import campaignlint.paths\n"
            "print(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] in ('lark', 'pydantic'))))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout) == []
    # and the probe sees them when they are imported
    loading = code.replace("import json, sys\n", "import json, sys\nimport campaignlint.frontend.loader\n")
    heavy = subprocess.run([sys.executable, "-c", loading], capture_output=True, text=True, timeout=120)
    assert "lark" in json.loads(heavy.stdout) and "pydantic" in json.loads(heavy.stdout)

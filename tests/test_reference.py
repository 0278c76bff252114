"""docs/reference.md is generated from campaignlint.reference, which must match what the resolver accepts."""

from __future__ import annotations

import pytest

from campaignlint.frontend.loader import Loader
from campaignlint.frontend.resolve.base import ValueReader
from campaignlint.reference import BLOCKS, documented_keywords, render
from campaignlint.resources import load_toml

from conftest import REPO

PERIOD = "period 2027-01-01 .. 2027-01-31"
#: a file that puts an unknown keyword in each block: the resolver then says what the block accepts
PROBES = {
    "file (at the top level)": "zzz_probe 1\n",
    "brand": "brand b { zzz_probe 1 }\n",
    "voice": "brand b { voice { zzz_probe 1 } }\n",
    "channel": "channel c { zzz_probe 1 }\n",
    "segment": "segment s { zzz_probe 1 }\n",
    "campaign": f"campaign c {{ {PERIOD}; zzz_probe 1 }}\n",
    "objective": f"campaign c {{ {PERIOD}; objective o {{ zzz_probe 1 }} }}\n",
    "offer": f"campaign c {{ {PERIOD}; offer o {{ zzz_probe 1 }} }}\n",
    "message": f"campaign c {{ {PERIOD}; message m {{ channel web; zzz_probe 1 }} }}\n",
    "rule": 'rule r { message "x"; forbid "y"; zzz_probe 1 }\n',
}


def test_the_reference_is_generated():
    assert (REPO / "docs" / "reference.md").read_text(encoding="utf-8") == render(), (
        "run: python -m campaignlint.reference > docs/reference.md")


@pytest.mark.parametrize("place", list(PROBES))
def test_each_block_documents_exactly_the_keywords_the_resolver_accepts(place, tmp_path, monkeypatch):
    asked: dict[str, set[str]] = {}

    def record(self, node, where, allowed):
        asked.setdefault(where, set()).update(allowed)

    monkeypatch.setattr(ValueReader, "unknown", record)
    (tmp_path / "probe.camp").write_text(PROBES[place], encoding="utf-8")
    Loader(tmp_path).load(tmp_path / "probe.camp")
    assert place in asked, asked
    assert documented_keywords()[place] == asked[place]


def test_every_block_is_probed():
    assert {block.place for block in BLOCKS} == set(PROBES)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.place)
def test_each_example_reads_without_a_front_end_error(block, tmp_path):
    (tmp_path / "example.camp").write_text(block.example + "\n", encoding="utf-8")
    loaded = Loader(tmp_path).load(tmp_path / "example.camp")
    wrong = [p for p in loaded.problems if p.code in ("E001", "E002", "E003")]
    assert not wrong, [(p.code, p.message) for p in wrong]


def test_every_tone_word_and_bound_is_listed():
    page = render()
    for name, bounds in load_toml("tones.toml")["tones"].items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))
        for value in bounds.values():
            assert str(value) in row

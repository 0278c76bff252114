"""The language model loads only when copy may hold a term that needs it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from campaignlint.language.terms import _could_match, mentions_any

from conftest import REPO


@pytest.mark.parametrize("text,term", [
    ("Nos vestes écolos", "écolo"),
    ("ECOLO et fier", "écolo"),
    ("Des prix pas chers", "pas cher"),
    ("Finies les synergies", "synergy"),
    ("C'est la meilleure offre", "le meilleur"),
    ("Vous portez le changement", "porter le changement"),
    ("#PortezLeChangement", "changement"),
])
def test_inflected_forms_stay_candidates(text, term):
    assert _could_match(text, term, in_hashtags=True)


@pytest.mark.parametrize("text,term", [
    ("Notre collection de printemps", "collec"),
    ("Une mode éco-responsable", "écolo"),
    ("Des vêtements qui durent", "pas cher"),
])
def test_absent_terms_are_ruled_out_without_analysis(text, term):
    assert not _could_match(text, term)


def test_mentions_any_on_the_surface_and_in_hashtags():
    assert mentions_any(["Portez le changement 🌱"], "fr", ["Portez le changement"])
    assert mentions_any(["Rejoignez-nous #PortezLeChangement"], "fr", ["changement"], in_hashtags=True)
    assert mentions_any(["Our dashboards answer back"], "en", ["dashboard"])
    assert not mentions_any(["Nouvelle saison, nouvelles couleurs"], "fr", ["changement", "durable"])


def test_careful_copy_never_loads_spacy(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from campaignlint.engine import Linter, Options
        linter = Linter(Options(select=["T003", "T008", "M005", "M006"]))
        findings = linter.lint_file(Path({str(REPO / "examples" / "verdure" / "ete.camp")!r}))
        assert [f.code for f in findings] == [], findings
        print("spacy" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"

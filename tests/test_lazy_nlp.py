"""The language model loads only when copy may hold a term that needs it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from campaignlint.language.term_candidates import _could_match
from campaignlint.language.terms import mentions_any

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


def _run(script: str, cwd) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_careful_copy_never_loads_spacy(tmp_path):
    out = _run(f"""
        import sys
        from pathlib import Path
        from campaignlint.engine import Linter, Options
        linter = Linter(Options(select=["T003", "T008", "M005", "M006"]))
        findings = linter.lint_file(Path({str(REPO / "examples" / "verdure" / "ete.camp")!r}))
        assert [f.code for f in findings] == [], findings
        print("spacy" in sys.modules, linter.nlp.analysed)
    """, tmp_path)
    assert out == "False 0"  # no model, and no text analysed: none could hold a term


def test_all_rules_with_findings_never_load_spacy(tmp_path):
    """Every rule, on the careful example and on copy full of avoided and hype terms: lemmas
    come from the lookup table, the spaCy model is never imported."""
    (tmp_path / "loud.camp").write_text(textwrap.dedent("""\
        campaign loud {
          name "Portez le changement"
          language fr
          period 2027-03-01 .. 2027-05-31
          voice {
            avoid "pas cher", "écolo"
          }
          channel instagram
          message ig {
            channel instagram
            body "Nos vestes écolos au meilleur prix et pas chères ! Vous portez le changement."
          }
        }
    """), encoding="utf-8")
    out = _run(f"""
        import sys
        from pathlib import Path
        from campaignlint.engine import Linter, Options
        linter = Linter(Options())
        codes = [f.code for f in linter.lint_file(Path("loud.camp"))]
        careful = linter.lint_file(Path({str(REPO / "examples" / "verdure" / "ete.camp")!r}))
        print("spacy" in sys.modules, "T003" in codes, "T008" in codes)
    """, tmp_path)
    assert out == "False True True"

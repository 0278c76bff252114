"""`check --fix` and `--diff`: comments kept, result valid and stable, line ends, BOM, permissions, rollback."""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from campaignlint.engine import Linter
from campaignlint.findings import Applicability, Edit, Finding, Fix, Range, Severity
from campaignlint.fixes import MAX_PASSES, apply_edits, fix_file, write_atomically
from campaignlint.frontend.parser import parse

from conftest import run_cli

BRAND = '''# Marque partagée
brand verdure {
  name "Verdure"
  language fr
}

rule pas_gratuit {  # le mot « gratuit » est interdit en pub
  message "Dites « offert », pas « gratuit »"
  forbid "gratuit", "gratuite"
  suggest "offert"
}

channel sms {
  opt_out "STOP au 36173"
}
'''

SOLDES = '''import "brand.camp"

# Soldes d'hiver — brouillon de l'équipe CRM
campaign soldes_hiver {
  name "Soldes d'hiver"  # nom affiché
  brand verdure
  period 2027-01-07 .. 2027-02-03

  rule pas_cher {
    message "Évitez « pas cher »"
    forbid "pas cher", "prix cassés"
    suggest "petit prix"
  }

  message ig_1 {  # premier post
    channel instagram
    body "Livraison gratuite 🌱 sur tout, pas cher ! #soldes #mode #soldes"  # à revoir
  }

  # le SMS de relance
  message sms_1 {
    channel sms
    body "Verdure : prix cassés, retour gratuit jusqu'au 31/01."
  }

  message ig_2 {
    channel instagram
    body """
      Nos pulls en laine recyclée sont à prix cassés. #laine #hiver
      Offre gratuite pour les membres. #laine
    """  # texte long
  }
}
'''

# What the safe fixes make of the copy (custom rules with `suggest`, C004 repeated
# hashtag, C010 missing opt-out).
FIXED_BODIES = [
    'body "Livraison offert 🌱 sur tout, petit prix ! #soldes #mode"  # à revoir',
    'body "Verdure : petit prix, retour offert jusqu\'au 31/01. STOP au 36173"',
    "Nos pulls en laine recyclée sont à petit prix. #laine #hiver",
    "Offre offert pour les membres.",
]


def _project(root: Path, soldes: str = SOLDES, brand: str = BRAND) -> Path:
    (root / "brand.camp").write_text(brand, encoding="utf-8", newline="")
    (root / "soldes.camp").write_text(soldes, encoding="utf-8", newline="")
    return root


def _comments(text: str) -> list[str]:
    return [c.text.rstrip("\r") for c in parse(text.lstrip("\ufeff")).comments]


def _findings(root: Path, *extra: str) -> list[dict]:
    result = run_cli("check", "--format", "json", *extra, ".", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


# ------------------------------------------------------------ --fix on a project

def test_fix_repairs_every_safe_finding_and_keeps_comments(tmp_path):
    root = _project(tmp_path)
    before = _findings(root)
    safe = [f for f in before if f["fix"] and f["fix"]["applicability"] == "safe"]
    codes = {f["code"] for f in safe}
    assert {"pas_gratuit", "pas_cher", "C004", "C010"} <= codes
    assert len(safe) >= 8

    result = run_cli("check", "--fix", ".", cwd=root)
    assert f"Fixed {len(safe)} problems." in result.stdout, result.stdout
    fixed = (root / "soldes.camp").read_text(encoding="utf-8")
    for body in FIXED_BODIES:
        assert body in fixed
    assert _comments(fixed) == _comments(SOLDES)
    parse(fixed)
    assert (root / "brand.camp").read_text(encoding="utf-8") == BRAND  # only the linted copy changes

    after = _findings(root)
    assert not [f for f in after if f["fix"] and f["fix"]["applicability"] == "safe"]
    assert not [f for f in after if f["code"].startswith("E")]
    # what was not fixable is still reported, unchanged
    unfixable = lambda findings: sorted((f["code"], f["message"]) for f in findings if not f["fix"])  # noqa: E731
    assert unfixable(after) == unfixable(before)

    again = run_cli("check", "--fix", ".", cwd=root)
    assert "Fixed" not in again.stdout
    assert (root / "soldes.camp").read_text(encoding="utf-8") == fixed


def test_unsafe_fixes_need_the_flag(tmp_path):
    soldes = SOLDES.replace("#soldes #mode #soldes", "#soldes #mode #hiver #laine #eco #durable #promo")
    root = _project(tmp_path, soldes)
    unsafe = [f for f in _findings(root) if f["fix"] and f["fix"]["applicability"] == "unsafe"]
    assert [f["code"] for f in unsafe] == ["C003"]  # instagram: max hashtags 5
    run_cli("check", "--fix", ".", cwd=root)
    assert "#durable #promo" in (root / "soldes.camp").read_text(encoding="utf-8")
    result = run_cli("check", "--fix", "--unsafe-fixes", ".", cwd=root)
    assert "Fixed 1 problem." in result.stdout
    text = (root / "soldes.camp").read_text(encoding="utf-8")
    assert "#durable #promo" not in text and text.count("#", text.index("body"), text.index("à revoir")) <= 6
    assert not [f for f in _findings(root) if f["fix"]]


# ------------------------------------------------------------ --diff

def test_diff_shows_exactly_the_fixes_and_changes_nothing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    root = _project(tmp_path / "a")
    result = run_cli("check", "--diff", ".", cwd=root)
    assert result.returncode == 1
    assert (root / "soldes.camp").read_text(encoding="utf-8") == SOLDES
    # the same edits as --fix writes, as a unified diff
    other = _project(tmp_path / "b")
    run_cli("check", "--fix", ".", cwd=other)
    fixed = (other / "soldes.camp").read_text(encoding="utf-8")
    expected = "".join(difflib.unified_diff(SOLDES.splitlines(True), fixed.splitlines(True),
                                            "a/soldes.camp", "b/soldes.camp"))
    assert result.stdout == expected
    assert '\n-    body "Livraison gratuite 🌱 sur tout, pas cher ! #soldes #mode #soldes"  # à revoir\n' in result.stdout
    assert '\n-      Offre gratuite pour les membres. #laine\n' in result.stdout
    assert '\n+      Offre offert pour les membres.\n' in result.stdout
    # nothing left to fix: no diff, exit 0
    clean = run_cli("check", "--diff", ".", cwd=other)
    assert clean.returncode == 0 and clean.stdout == ""


# ------------------------------------------------------------ bytes on disk

def test_crlf_bom_and_permissions_are_kept(tmp_path):
    crlf = SOLDES.replace("\n", "\r\n")
    root = _project(tmp_path, soldes="\ufeff" + crlf)
    target = root / "soldes.camp"
    target.chmod(0o640)
    run_cli("check", "--fix", ".", cwd=root)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    text = data.decode("utf-8")[1:]
    assert text.count("\r\n") == crlf.count("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert FIXED_BODIES[1] + "\r\n" in text
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_symbolic_link_stays_a_link(tmp_path):
    root = _project(tmp_path)
    (root / "soldes.camp").unlink()
    real = root / "drafts" / "real.camp"
    real.parent.mkdir()
    real.write_text(SOLDES.replace('import "brand.camp"', 'import "../brand.camp"'), encoding="utf-8")
    link = root / "drafts" / "soldes.camp"
    link.symlink_to("real.camp")
    (root / "campaignlint.toml").write_text("", encoding="utf-8")  # the project root, for the import
    run_cli("check", "--fix", "drafts/soldes.camp", cwd=root)
    assert link.is_symlink()
    assert FIXED_BODIES[1] in real.read_text(encoding="utf-8")


def test_write_atomically_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "a.camp"
    target.write_text("x", encoding="utf-8")
    write_atomically(target, "campaign c {}\n", had_bom=True)
    assert target.read_bytes() == b"\xef\xbb\xbfcampaign c {}\n"
    assert sorted(os.listdir(tmp_path)) == ["a.camp"]


# ------------------------------------------------------------ apply_edits

def _fix(*edits: tuple[int, int, str], applicability=Applicability.SAFE) -> Fix:
    return Fix(applicability, tuple(Edit(*e) for e in edits), "test")


def test_apply_edits_skips_overlapping_fixes():
    text = "Livraison gratuite, retour gratuit"
    first = _fix((10, 18, "offerte"))
    overlapping = _fix((15, 20, "XX"))
    later = _fix((27, 34, "offert"))
    new, chosen = apply_edits(text, [later, overlapping, first])
    assert new == "Livraison offerte, retour offert"
    assert chosen == [first, later]


def test_apply_edits_with_several_edits_in_one_fix_and_insertions():
    text = "abc def ghi"
    fix = _fix((0, 3, "ABC"), (8, 11, "GHI"))
    insert = _fix((4, 4, ">"))
    same_point = _fix((4, 4, "<"))
    new, chosen = apply_edits(text, [fix, insert, same_point])
    assert new == "ABC >def GHI"
    assert chosen == [fix, insert]  # two insertions at one point: the second waits for the next pass


# ------------------------------------------------------------ rollback and loops

class CraftedLinter(Linter):
    """Adds findings whose fixes the test controls, on top of the real ones."""

    def __init__(self, crafted, **kwargs):
        super().__init__(**kwargs)
        self.crafted = crafted

    def lint_file(self, path, *, linted_root=None, text=None):
        findings = super().lint_file(path, linted_root=linted_root, text=text)
        display = self._display(Path(os.path.abspath(path)))
        source = self.sources[display]
        return findings + list(self.crafted(source.text, display))


def _crafted_finding(display: str, code: str, fix: Fix) -> Finding:
    return Finding(code, Severity.ERROR, "crafted", display, Range(1, 1, 1, 2), fix, code.lower())


def test_a_fix_that_breaks_the_syntax_is_rolled_back(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.chdir(root)

    def crafted(text, display):
        if display == "soldes.camp" and text.count('"') % 2 == 0:
            at = text.index("campaign soldes_hiver")
            yield _crafted_finding(display, "X001", _fix((at, at, 'campaign "')))  # an unclosed text

    outcome = fix_file(CraftedLinter(crafted), root / "soldes.camp", unsafe=False)
    assert outcome.rejected == ["X001"]
    assert outcome.changed and outcome.applied >= 8  # the other fixes still apply
    parse(outcome.fixed)
    for body in FIXED_BODIES:
        assert body in outcome.fixed


def test_a_fix_that_makes_the_file_invalid_is_rolled_back(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.chdir(root)

    def crafted(text, display):
        if display == "soldes.camp" and "period 2027-01-07" in text:
            at = text.index("period 2027-01-07")
            yield _crafted_finding(display, "X002", _fix((at, at + len("period"), "peroid")))  # parses, but E002/E007

    outcome = fix_file(CraftedLinter(crafted), root / "soldes.camp", unsafe=False)
    assert outcome.rejected == ["X002"]
    assert "period 2027-01-07" in outcome.fixed
    assert not [f for f in outcome.findings if f.code.startswith("E")]


def test_a_fix_that_never_settles_stops_after_the_cap(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.chdir(root)

    def crafted(text, display):
        if display == "soldes.camp":
            at = text.index("# Soldes")
            yield _crafted_finding(display, "X003", _fix((at, at, "# encore\n")))

    outcome = fix_file(CraftedLinter(crafted), root / "soldes.camp", unsafe=False)
    assert outcome.looping == ["X003"]
    assert outcome.fixed.count("# encore\n") == MAX_PASSES


def test_unsafe_crafted_fix_is_left_without_the_flag(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.chdir(root)

    def crafted(text, display):
        if display == "soldes.camp" and "Soldes d'hiver\"" in text:
            at = text.index("Soldes d'hiver\"")
            yield _crafted_finding(display, "X004", _fix((at, at + 6, "Promos"), applicability=Applicability.UNSAFE))

    assert "Promos d'hiver" not in fix_file(CraftedLinter(crafted), root / "soldes.camp", unsafe=False).fixed
    assert "Promos d'hiver" in fix_file(CraftedLinter(crafted), root / "soldes.camp", unsafe=True).fixed


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_file_in_memory_matches_the_text_given(tmp_path, monkeypatch, newline):
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    unsaved = SOLDES.replace("\n", newline).replace("retour gratuit", "retour gratuit et livraison gratuite")
    outcome = fix_file(Linter(), root / "soldes.camp", unsafe=False, text=unsaved)
    assert outcome.original == unsaved
    assert "retour offert et livraison offert" in outcome.fixed
    assert (root / "soldes.camp").read_text(encoding="utf-8") == SOLDES  # nothing written

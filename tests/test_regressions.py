"""Inputs that once crashed the engine (found by bench/fuzz.py), kept as tests.

Each test names the crash it guards against; the property is always the same:
findings come back (with an E code where the input is broken), no exception.
"""

from __future__ import annotations

from campaignlint.engine import Linter, Options


def _lint(tmp_path, text: str):
    (tmp_path / "campaignlint.toml").touch()
    return Linter(Options(), cwd=tmp_path).lint_file(tmp_path / "case.camp", text=text)


def test_a_bad_escape_in_prefer_is_an_e001_not_a_validation_error(tmp_path):
    # fuzz case 788959c455b3: `prefer "…\ᱨ…" over "écolo"` reached pydantic with preferred=None
    text = '''brand verdure {
  name "Verdure"
  voice {
    prefer "éco-responsa\\ᱨble" over "écolo", "eco-friendly"
    prefer "collection" over "col\\qlec"
  }
}
'''
    findings = _lint(tmp_path, text)
    bad = [f for f in findings if f.code == "E001"]
    assert [(f.range.start_line, f.range.start_column) for f in bad] == [(4, 25), (5, 34)]
    assert all("is not a known escape" in f.message for f in bad)


def test_a_valid_prefer_still_reads(tmp_path):
    text = '''brand verdure {
  name "Verdure"
  voice { prefer "éco-responsable" over "écolo" }
}
'''
    assert not [f for f in _lint(tmp_path, text) if f.code.startswith("E")]


def test_an_over_long_text_in_prefer_is_an_e008(tmp_path):
    text = 'brand b {\n  voice { prefer "' + "x" * 100_001 + '" over "y" }\n}\n'
    assert [f.code for f in _lint(tmp_path, text) if f.code.startswith("E")] == ["E008"]


def test_two_messages_sharing_an_offer_without_landing_do_not_crash(tmp_path):
    # benchmark corpus: M-rule counted landing pages with Counter.update(dict.fromkeys(...)),
    # adding None + None (fixed in checks/consistency.py)
    text = '''campaign c {
  name "C"
  language fr
  period 2027-03-01 .. 2027-03-31
  offer printemps { discount 10%; code "PRIN10" }
  message a {
    channel email
    offer printemps
    subject "Le printemps arrive"
    body "Profitez de -10 % avec le code PRIN10."
    link "https://verdure.fr/printemps?utm_source=newsletter&utm_medium=email&utm_campaign=c"
  }
  message b {
    channel email
    offer printemps
    subject "Dernier jour"
    body "Profitez de -10 % avec le code PRIN10."
    link "https://verdure.fr/soldes?utm_source=newsletter&utm_medium=email&utm_campaign=c"
  }
}
'''
    findings = _lint(tmp_path, text)
    assert isinstance(findings, list) and findings


def test_fmt_keeps_an_over_long_long_string_unchanged_in_meaning():
    # fuzz case 1bb946dafa5c: the E008 message gave the exact length of a too-long
    # long string; re-indenting it (fmt) changed the length, hence the "model"
    from campaignlint.formatter import document_key, format_text
    from campaignlint.frontend.parser import parse

    text = 'campaign c {\n  message m {\n    body """\n' + "a" * 100_050 + '\n"""\n  }\n}\n'
    once = format_text(text)
    assert document_key(parse(once)) == document_key(parse(text))
    assert format_text(once) == once

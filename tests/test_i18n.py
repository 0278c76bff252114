"""The tool speaks French (issue 16, part 3): catalogues, plural forms, the choice of language, the French output."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from click.testing import CliRunner

from campaignlint import i18n
from campaignlint.cli import cli

REPO = Path(__file__).resolve().parent.parent
PO = REPO / "src" / "campaignlint" / "locale" / "fr" / "LC_MESSAGES" / "campaignlint.po"
SNAPSHOT = REPO / "tests" / "data" / "i18n" / "check_examples.fr.txt"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def _extracted() -> set[tuple[str | None, str]]:
    with (REPO / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            str(REPO), method_map, options_map, keywords=KEYWORDS):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


@pytest.fixture(scope="module")
def catalogue():
    with PO.open("rb") as handle:
        return read_po(handle, locale="fr")


def test_every_message_id_has_a_french_translation(catalogue):
    extracted = _extracted()
    assert len(extracted) > 500
    missing, untranslated = [], []
    for context, msgid in sorted(extracted, key=str):
        entry = catalogue.get(msgid, context=context)
        if entry is None:
            missing.append(msgid)
        elif entry.fuzzy or not all(entry.string if isinstance(entry.string, tuple) else [entry.string]):
            untranslated.append(msgid)
    assert not missing, f"not in the catalogue (run pybabel extract/update, docs/languages.md): {missing[:10]}"
    assert not untranslated, f"missing or fuzzy French: {untranslated[:10]}"


def _placeholders(text: str) -> list[str]:
    text = text.replace("{{", "").replace("}}", "")
    braces = re.findall(r"\{(\w+)(?:[!:][^{}]*)?\}", text)
    percents = re.findall(r"%\((\w+)\)[sd]", text)
    return sorted(braces + percents)


def test_placeholders_match_between_languages(catalogue):
    wrong = []
    for entry in catalogue:
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for index, string in enumerate(strings):  # French: singular and plural, as the English pair
            expected = _placeholders(ids[min(index, len(ids) - 1)])
            if set(_placeholders(string)) != set(expected):
                wrong.append((ids[0], string))
    assert not wrong, wrong[:5]


def test_french_typography(catalogue):
    """No plain space before ; : ! ? nor inside « », a no-break space instead."""
    bad = []
    for entry in catalogue:
        for string in entry.string if isinstance(entry.string, tuple) else (entry.string,):
            if re.search(r" [;:!?»]|« ", string or ""):
                bad.append(string)
    assert not bad, bad[:5]


def test_plural_forms():
    i18n.set_language("fr")
    one = i18n.ngettext("%(count)s problem", "%(count)s problems", 1) % {"count": 1}
    two = i18n.ngettext("%(count)s problem", "%(count)s problems", 2) % {"count": 2}
    zero = i18n.ngettext("{count} error", "{count} errors", 0).format(count=0)
    assert (one, two, zero) == ("1 problème", "2 problèmes", "0 erreur")
    i18n.set_language("en")
    assert i18n.ngettext("%(count)s problem", "%(count)s problems", 2) % {"count": 2} == "2 problems"


def test_language_from_the_environment():
    assert i18n.from_environment({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.from_environment({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}) == "fr"
    assert i18n.from_environment({"LANGUAGE": "de:fr:en", "LANG": "de_DE.UTF-8"}) == "fr"
    assert i18n.from_environment({"LANG": "C.UTF-8"}) is None
    assert i18n.from_environment({}) is None
    assert i18n.choose(None, None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.choose("en", "fr", {"LANG": "fr_FR.UTF-8"}) == "en"  # --lang wins
    assert i18n.choose(None, "en", {"LANG": "fr_FR.UTF-8"}) == "en"  # then the configuration
    assert i18n.set_language("xx") == "en"  # no catalogue: English


def test_the_source_catalogue_compiles_in_memory():
    translations = i18n._compile_po(PO)
    assert translations.gettext("Summary") == "Synthèse"
    assert translations.pgettext("field", "body") == "le corps"


def _run(*args, env=None, cwd=None):
    runner = CliRunner()
    environment = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", "NO_COLOR": "1", **(env or {})}
    old = os.getcwd()
    try:
        os.chdir(cwd or REPO)
        return runner.invoke(cli, list(args), env=environment, catch_exceptions=False)
    finally:
        os.chdir(old)


ENGLISH = re.compile(r"\b(the|has no|is not|more than|message `\w+` (?:has|is)|and no|which|should|must)\b")
#: English words no French message has, once code, quoted copy and URLs are taken out
ENGLISH_WORDS = re.compile(r"\b(the|has|have|is not|more than|and|which|should|must|with|without|its|than|when|allows?|"
                           r"cannot|does not|would|write|add|only|each|already|this|these|from|into|of|to|or|by|"
                           r"link|links|sentences?|words|characters|days?|months?|hours?|seconds|above|below|off)\b")
SNAPSHOT_V2 = REPO / "tests" / "data" / "i18n" / "check_v2.fr.txt"
V2 = REPO / "tests" / "data" / "examples" / "v2"
PACK_CASES = ("A", "D", "G", "J", "L", "P006", "R", "V", "W")


def _english_left(output: str) -> list[str]:
    """The lines of a French run that still say something in English (codes, quotes and URLs aside)."""
    left = []
    for line in output.splitlines():
        said = line.split(": ", 1)[-1]
        said = re.sub(r"`[^`]*`|«[^»]*»|“[^”]*”|\"[^\"]*\"|'[^']*'|https?://\S+", "", said)
        said = re.sub(r"\([^()]*\.camp[^()]*\)", "", said)
        if ENGLISH_WORDS.search(said):
            left.append(line)
    return left


def test_check_examples_in_french_matches_the_snapshot():
    result = _run("--lang", "fr", "check", "examples/", "--no-cache")
    assert result.exit_code == 1
    if os.environ.get("CAMPAIGNLINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(result.output, encoding="utf-8")
    assert result.output == SNAPSHOT.read_text(encoding="utf-8")
    for line in result.output.splitlines():
        assert not ENGLISH.search(line.split(": ", 1)[-1]), line
    assert _english_left(result.output) == []
    assert "47 problèmes trouvés (17 erreurs, 22 avertissements, 8 infos) dans 4 fichiers." in result.output


def test_locale_picks_french_and_english_stays_the_default():
    french = _run("check", "examples/verdure", "--no-cache", env={"LANG": "fr_FR.UTF-8"})
    english = _run("check", "examples/verdure", "--no-cache")
    assert "problème" in french.output or "Tout est en ordre" in french.output
    assert "Found" in english.output or "All clear" in english.output


def test_lang_key_of_the_configuration(tmp_path):
    (tmp_path / "campaignlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    (tmp_path / "a.camp").write_text("campaign c {\n  period 2027-01-01 .. 2027-01-31\n}\n", encoding="utf-8")
    result = _run("check", str(tmp_path), "--no-cache")
    assert "la campagne `c` n’a pas d’objectif" in result.output
    assert "trouvé" in result.output
    # --lang wins over the configuration
    assert "has no objective" in _run("--lang", "en", "check", str(tmp_path), "--no-cache").output
    # the configuration found from the working folder applies to `rules` too
    assert "Des objectifs SMART" in _run("rules", cwd=tmp_path).output
    (tmp_path / "campaignlint.toml").write_text('lang = "de"\n', encoding="utf-8")
    bad = _run("check", str(tmp_path), "--no-cache")
    assert bad.exit_code == 2 and "`lang`" in bad.output and "'de'" in bad.output


def test_machine_output_does_not_change_with_the_language():
    import json

    french = json.loads(_run("--lang", "fr", "check", "examples/flawed", "--no-cache", "--format", "json").output)
    english = json.loads(_run("check", "examples/flawed", "--no-cache", "--format", "json").output)

    def shape(data):
        return [{k: v for k, v in f.items() if k not in ("message", "fix")} for f in data["findings"]] \
            if isinstance(data, dict) else [{k: v for k, v in f.items() if k not in ("message", "fix")} for f in data]

    assert shape(french) == shape(english)


def test_explain_rules_and_help_in_french():
    explained = _run("--lang", "fr", "explain", "O004").output
    assert "Ce qu’elle vérifie" in explained and "Pourquoi c’est important" in explained
    assert "O004 objective-without-deadline" in explained.splitlines()[0]  # the code and name do not change
    listing = _run("--lang", "fr", "rules").output
    assert "Des objectifs SMART" in listing and "Pour en savoir plus sur une règle" in listing
    helped = _run("--lang", "fr", "--help").output
    assert "Utilisation\u00a0:" in helped and "Afficher cette aide et quitter." in helped
    assert "Vérifier des fichiers et dossiers de campagne" in helped
    check_help = _run("--lang", "fr", "check", "--help").output
    assert "Appliquer les corrections sûres" in check_help and "par défaut\u00a0: text" in check_help
    error = _run("--lang", "fr", "explain", "Z999")
    assert error.exit_code == 2 and "aucune règle Z999" in error.output
    usage = _run("--lang", "fr", "check", "--nope")
    assert usage.exit_code == 2 and "Option inconnue" in usage.output


def test_french_amounts_use_the_locale():
    from decimal import Decimal

    from campaignlint.checks._format import format_money, format_percent, names
    from campaignlint.model import Money

    i18n.set_language("fr")
    assert format_money(Money(amount=Decimal("12000"), currency="EUR")) == "12\u202f000\u00a0€"
    assert format_money(Money(amount=Decimal("49.9"), currency="EUR")) == "49,90\u00a0€"
    assert format_percent(Decimal("12.5"), 1) == "12,5\u202f%"
    assert names(["a", "b", "c"]) == "a, b et c"
    i18n.set_language("en")
    assert format_money(Money(amount=Decimal("12000"), currency="EUR")) == "12,000 EUR"


@pytest.mark.slow
def test_the_wheel_ships_the_compiled_catalogue(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(tmp_path.glob("campaignlint-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "campaignlint/locale/fr/LC_MESSAGES/campaignlint.mo" in names
        assert not any(n.endswith(".po") for n in names)
        import gettext

        translations = gettext.GNUTranslations(io.BytesIO(archive.read("campaignlint/locale/fr/LC_MESSAGES/campaignlint.mo")))
    assert translations.gettext("Summary") == "Synthèse"


# The French rule documentation (locale/fr/rules.toml) is tested in tests/test_i18n_rules.py.


def test_check_v2_examples_in_french_matches_the_snapshot():
    """The v2 examples declare every rule pack: D, R, W, L findings, merge tags, assets, journeys, consent."""
    result = _run("--lang", "fr", "check", "tests/data/examples/v2/", "--no-cache", "--jobs", "1")
    assert result.exit_code == 1
    if os.environ.get("CAMPAIGNLINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT_V2.write_text(result.output, encoding="utf-8")
    assert result.output == SNAPSHOT_V2.read_text(encoding="utf-8")
    assert _english_left(result.output) == []
    codes = set(re.findall(r": ([A-Z]\d{3}) ", result.output))
    assert {"D001", "R001", "W001", "L001", "V001", "A001", "J001", "G001"} <= codes, codes


def test_pack_rule_cases_in_french_leave_no_english(tmp_path):
    """Every case of the pack rules and of the v2 families (tests/rules), linted in French."""
    import yaml

    for path in sorted((REPO / "tests" / "rules").glob("*.yml")):
        if not path.stem.startswith(PACK_CASES):
            continue
        for index, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]):
            folder = tmp_path / f"{path.stem}-{index}"
            for name, text in (case.get("files") or {"campaign.camp": case.get("fail", case.get("pass"))}).items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(text or "", encoding="utf-8")
            (folder / "campaignlint.toml").write_text(
                case.get("config") or 'extend-packs = ["email", "fr-legal"]\n', encoding="utf-8")
    result = _run("--lang", "fr", "check", str(tmp_path), "--no-cache", "--jobs", "1")
    assert result.exit_code in (0, 1), result.output
    assert " D001 " in result.output and " L001 " in result.output and " V002 " in result.output
    assert _english_left(result.output) == []

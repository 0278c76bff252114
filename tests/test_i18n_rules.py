"""The French rule documentation (issue 16, part 3): every rule is explained in French, field for field.

``src/campaignlint/locale/fr/rules.toml`` holds, per rule code, the French of every text the rule's English
documentation has (summary, what, why, fix_note, source, the settings' descriptions, and the examples whose
comments are prose).  A new rule without its French, or a field added in English only, fails here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from campaignlint import i18n
from campaignlint.cli import cli
from campaignlint.docs import english_details
from campaignlint.registry import load_all_rules

REPO = Path(__file__).resolve().parent.parent
RULES_TOML = REPO / "src" / "campaignlint" / "locale" / "fr" / "rules.toml"
FIELDS = {"summary", "what", "why", "fix_note", "source", "example", "correction", "settings"}
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)


@pytest.fixture(scope="module")
def docs() -> dict:
    with RULES_TOML.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def rules() -> dict:
    return load_all_rules()


def _strings(text: str) -> str:
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def prose_comments(example: str) -> list[str]:
    """The comments of a .camp fragment that are sentences (not `# noqa: …`, not a commented-out attribute)."""
    found = []
    for line in _strings(example).splitlines():
        if "#" in line:
            comment = line.split("#", 1)[1].strip()
            if not comment.lower().startswith("noqa") and len(comment.split()) >= 3:
                found.append(comment)
    return found


def without_comments(example: str) -> list[str]:
    lines = []
    for line in example.strip("\n").splitlines():
        index = _strings(line).find("#")
        lines.append((line[:index] if index >= 0 else line).rstrip())
    return lines


def required_fields(rule) -> set[str]:
    """The fields of ``rules.toml`` a rule must have: those its English documentation has."""
    needed = {"summary", "why"}
    if english_details(rule):
        needed.add("what")
    if rule.fix_note:
        needed.add("fix_note")
    if rule.source:
        needed.add("source")
    for field in ("example", "correction"):
        if prose_comments(getattr(rule, field)):
            needed.add(field)
    return needed


def test_every_rule_has_a_complete_french_explanation(docs, rules):
    assert set(docs) <= set(rules), set(docs) - set(rules)  # no text for a rule that does not exist
    incomplete = {}
    for code, rule in sorted(rules.items()):
        assert rule.why, f"{code} has no `why` in English"
        written = docs.get(code, {})
        assert set(written) <= FIELDS, (code, set(written) - FIELDS)
        missing = sorted(f for f in required_fields(rule) if not str(written.get(f, "")).strip())
        settings = written.get("settings", {})
        missing += [f"settings.{s.key}" for s in rule.settings if not str(settings.get(s.key, "")).strip()]
        assert set(settings) <= {s.key for s in rule.settings}, (code, "a setting the rule does not have")
        if missing:
            incomplete[code] = missing
    assert not incomplete, f"French missing in locale/fr/rules.toml: {incomplete}"


def test_french_examples_keep_the_campaign_code(docs, rules):
    for code, written in docs.items():
        for field in ("example", "correction"):
            if field in written:
                english = getattr(rules[code], field)
                assert without_comments(written[field]) == without_comments(english), (code, field)


def _prose_fields(docs):
    for code, written in docs.items():
        for field in ("summary", "what", "why", "fix_note", "source"):
            if field in written:
                yield code, field, written[field]
        for key, text in written.get("settings", {}).items():
            yield code, f"settings.{key}", text


def test_french_typography(docs):
    """No-break spaces before ; : ! ? and inside « », typographic apostrophes, no-break spaces in numbers.

    Code (between backquotes) is left alone, and so is a quotation « … » for the missing space before ! ?
    (« Simply the best! » quotes English copy)."""
    checks = (
        (r" [;:!?]", "plain space before ; : ! ?"),
        (r"\w[;!?](?=\s|$)", "no space before ; ! ?"),
        (r"« |«\w| »|\w»", "guillemets without no-break space"),
        (r"'", "straight apostrophe"),
        (r'"', "straight quotes (write « »)"),
        (r"\d \d{3}(?!\d)", "plain space in a number"),
        (r"\d ?[%€]", "no no-break space before % or €"),
    )
    problems = []
    for code, field, text in _prose_fields(docs):
        bare = CODE_SPAN.sub("`…`", text)
        for pattern, what in checks:
            searched = re.sub(r"«[^»]*»", "«\u00a0…\u00a0»", bare) if what == "no space before ; ! ?" else bare
            for match in re.finditer(pattern, searched):
                problems.append(f"{code} {field}: {what}: …{searched[max(0, match.start() - 20):match.end() + 5]}…")
    assert not problems, "\n".join(problems[:80])


def test_explain_speaks_french_for_every_rule(rules):
    """No English sentence of a rule's documentation reaches `--lang fr explain` (campaign code aside)."""
    runner = CliRunner()
    leaks = {}
    try:
        for code, rule in sorted(rules.items()):
            result = runner.invoke(cli, ["--lang", "fr", "explain", code])
            assert result.exit_code == 0, result.output
            english = [rule.summary, rule.why, rule.fix_note, rule.source, *(s.description for s in rule.settings)]
            english += [p for p in english_details(rule).split("\n\n") if p]
            flat = " ".join(result.output.split())
            found = [text[:50] for text in english if text and " ".join(text.split()) in flat]
            if found:
                leaks[code] = found
    finally:
        i18n.set_language("en")
    assert not leaks, leaks


def test_rules_listing_in_french(rules):
    runner = CliRunner()
    try:
        output = runner.invoke(cli, ["--lang", "fr", "rules"]).output
    finally:
        i18n.set_language("en")
    assert "correction (sûre)" in output and "(safe)" not in output
    assert "source\u00a0: Aide Google Ads" in output


def test_french_rule_catalogue_is_up_to_date():
    from campaignlint.docs import rule_catalogue_markdown

    committed = (REPO / "docs" / "rules.fr.md").read_text(encoding="utf-8")
    i18n.set_language("fr")
    try:
        generated = rule_catalogue_markdown()
    finally:
        i18n.set_language("en")
    assert committed == generated, "run: python -m campaignlint.docs --lang fr > docs/rules.fr.md"

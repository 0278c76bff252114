"""The merge-tag tokenizer: the five syntaxes of channels.md, blocks, malformed tags, lengths."""

from __future__ import annotations

import pytest

from campaignlint.text import merge_tags as mt


def only(text: str) -> mt.Tag:
    tags = mt.tokenize(text)
    assert len(tags) == 1, tags
    return tags[0]


# ---------------------------------------------------------------- liquid

def test_liquid_tag_with_span_filters_and_fallback():
    text = 'Bonjour {{ first_name | default: "ami" | capitalize }}, à vous'
    tag = only(text)
    assert text[tag.start:tag.end] == tag.raw == '{{ first_name | default: "ami" | capitalize }}'
    assert (tag.name, tag.field, tag.fallback) == ("first_name", "first_name", "ami")
    assert tag.filters == ("default", "capitalize")
    assert tag.fits("liquid") and not tag.fits("brevo") and tag.error is None


def test_liquid_dotted_and_braze_forms():
    assert only("{{ customer.first_name }}").field == "first_name"
    braze = only("Hi {{${first_name}}}!")
    assert braze.name == "first_name" and braze.raw == "{{${first_name}}}"


def test_liquid_blocks_balance_and_are_not_variables():
    tags = mt.tokenize("{% if first_name %}Bonjour {{ first_name }}{% else %}Bonjour{% endif %}")
    assert [t.kind for t in tags] == ["block", "variable", "block", "block"]
    assert all(t.error is None for t in tags)
    unclosed = mt.tokenize("{% if first_name %}Bonjour {{ first_name }}")
    assert "endif" in unclosed[0].error
    stray = mt.tokenize("Bonjour{% endif %}")
    assert "closes no" in stray[0].error


def test_liquid_literal_is_not_a_variable():
    tag = only('{{ "now" | date: "%Y" }}')
    assert tag.kind == "literal" and not tag.is_variable


# ---------------------------------------------------------------- mailchimp

def test_mailchimp_tag_and_conditional_blocks():
    assert only("Bonjour *|FNAME|*").name == "FNAME"
    tags = mt.tokenize("*|IF:FNAME|*Bonjour *|FNAME|**|ELSE:|*Bonjour*|END:IF|*")
    assert [t.kind for t in tags] == ["block", "variable", "block", "block"]
    assert all(t.error is None for t in tags) and tags[1].fits("mailchimp")
    assert "END:IF" in mt.tokenize("*|IF:FNAME|*Bonjour")[0].error


def test_mailchimp_unclosed():
    tag = only("Bonjour *|FNAME|, ça va")
    assert tag.raw == "*|FNAME|" and "not closed" in tag.error
    assert mt.tokenize("prix *| promo") == []  # no field name: not a tag


# ---------------------------------------------------------------- hubspot and brevo

def test_hubspot_default_and_personalization_token():
    tag = only('{{ contact.firstname|default("ami") }}')
    assert (tag.field, tag.fallback) == ("firstname", "ami") and tag.fits("hubspot")
    token = only('{{ personalization_token("contact.firstname", "ami") }}')
    assert (token.field, token.fallback, token.syntaxes) == ("firstname", "ami", frozenset({"hubspot"}))


def test_brevo_contact_tag_with_spaced_default():
    tag = only('{{ contact.PRENOM | default : "Bonjour" }}')
    assert (tag.field, tag.fallback) == ("PRENOM", "Bonjour") and tag.fits("brevo") and tag.fits("hubspot")
    assert not only("{{ PRENOM }}").fits("brevo")  # without `contact.` it is not Brevo's


# ---------------------------------------------------------------- sfmc

def test_sfmc_string_and_ampscript():
    assert only("Bonjour %%FirstName%%").name == "FirstName"
    tags = mt.tokenize("%%[ SET @x = 1 ]%% Bonjour %%=v(@x)=%%")
    assert [t.kind for t in tags] == ["script", "script"] and all(t.error is None for t in tags)
    assert "not closed" in only("Bonjour %%FirstName%, ça va").error
    assert "not closed" in only("%%[ SET @x = 1").error


# ---------------------------------------------------------------- malformed

@pytest.mark.parametrize("text", ["Livrer à {{ contact.VILLE }", "{{ }}", '{{ first_name | default: ami }}',
                                  "{{ first_name"])
def test_malformed_double_brace(text):
    assert only(text).error


def test_no_tags_in_plain_copy_or_google_customizers():
    assert mt.tokenize("Soldes -20 % sur {KeyWord:Pain} et {=COUNTDOWN(2026/12/24)}") == []


# ---------------------------------------------------------------- system tags, masking, lengths

def test_system_tags_from_the_data():
    assert mt.is_system(only("*|UNSUB|*")) and mt.is_unsubscribe(only("*|UNSUB|*"))
    assert mt.is_system(only("{{ unsubscribe }}")) and mt.is_system(only("%%unsub_center_url%%"))
    assert mt.is_system(only("{{ params.ORDER }}"), ["brevo"]) and not mt.is_system(only("{{ params.ORDER }}"))
    assert not mt.is_system(only("*|FNAME|*"))


def test_name_key_ignores_case_and_separators():
    assert mt.name_key("FIRSTNAME") == mt.name_key("first_name") == mt.name_key("First-Name")


def test_masked_keeps_length_and_hides_capitals():
    text = "Bonjour *|FNAME|*, SOLDES"
    out = mt.masked(text)
    assert len(out) == len(text) and "FNAME" not in out and out.endswith("SOLDES")


def test_worst_case_and_shortest_lengths():
    spec = mt.FieldSpec("first_name", 20, may_be_empty=True, fallback="gourmand")
    lookup = lambda tag: spec if mt.name_key(tag.field) == "firstname" else None  # noqa: E731
    text = "Bonjour {{ first_name }} !"
    worst, subs = mt.worst_case(text, lookup)
    assert len(worst) == len("Bonjour  !") + 20 and subs[0].length == 20
    short, _ = mt.shortest(text, lookup)
    assert short == "Bonjour gourmand !"
    unknown, subs = mt.worst_case("{{ other }}", lookup)
    assert unknown == "{{ other }}" and subs == []
    blocks, _ = mt.worst_case("{% if x %}A{% endif %}", lookup)
    assert blocks == "A"


# ---------------------------------------------------------------- copy rules see a tag as one neutral token

SYNTAX_TAGS = {
    "liquid": ('{{ PRENOM | default: "ami" }}', "{{ VILLE }}"),
    "mailchimp": ("*|FNAME|*", "*|VILLE|*"),
    "hubspot": ('{{ contact.FIRSTNAME|default("ami") }}', "{{ contact.VILLE }}"),
    "brevo": ('{{ contact.PRENOM | default : "ami" }}', "{{ contact.VILLE }}"),
    "sfmc": ("%%FNAME%%", "%%VILLE%%"),
}


@pytest.mark.parametrize("syntax", sorted(SYNTAX_TAGS))
def test_no_copy_rule_reports_on_a_merge_tag(tmp_path, syntax):
    """Issue 14: a merge tag never appears in a T, C003–C006, U or M finding, in each of the five syntaxes (its
    capitals are not shouting, its `|` and `.` are no link, hashtag or mention)."""
    from campaignlint.engine import Linter, Options

    name, city = SYNTAX_TAGS[syntax]
    text = ('brand bazar {\n  name "Bazar"\n  language fr\n'
            '  variable first_name { max length 20; fallback "ami"; alias "PRENOM", "FNAME", "FIRSTNAME" }\n'
            '  variable ville { max length 30; fallback "votre ville"; alias "VILLE" }\n}\n'
            f'channel email {{ merge tags {syntax} }}\n'
            'campaign noel {\n  brand bazar\n  period 2026-12-01 .. 2026-12-31\n'
            '  message e {\n    channel email\n    at 2026-12-02 10:00\n'
            f'    subject "{name.replace(chr(34), chr(92) + chr(34))}, vos paniers de Noël vous attendent"\n'
            f'    body "Bonjour {name.replace(chr(34), chr(92) + chr(34))}, nos paniers garnis sont prêts à '
            f'{city} : https://bazar.example/noel?utm_source=newsletter&utm_medium=email&utm_campaign=noel"\n'
            '  }\n}\n')
    path = tmp_path / "noel.camp"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    findings = Linter(Options(), cwd=tmp_path).lint_file(path)
    assert not [f for f in findings if f.code.startswith("E")], [f.message for f in findings]
    lines = text.split("\n")
    spans = []  # (line, first column, last column) of every tag, 1-based
    for number, line in enumerate(lines, 1):
        for tag in (name.replace('"', '\\"'), city):
            start = line.find(tag)
            if start >= 0:
                spans.append((number, start + 1, start + len(tag)))
    assert len(spans) == 3
    copy = [f for f in findings if f.code[0] in "TUM" or f.code in ("C003", "C004", "C005", "C006")]
    for finding in copy:
        for fragment in ("PRENOM", "FNAME", "FIRSTNAME", "VILLE", "{{", "*|", "%%"):
            assert fragment not in finding.message, (finding.code, finding.message)
        r = finding.range
        for line, first, last in spans:
            inside = r.start_line == r.end_line == line and first <= r.start_column and r.end_column <= last + 1
            assert not inside, (finding.code, finding.message)

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

"""Hover on the v2 constructs (``lsp_hover``): merge tags, assets, journeys, consent."""

from __future__ import annotations

import shutil

import pytest

from campaignlint.lsp_hover import hover_at

from conftest import DATA

V2 = DATA / "examples" / "v2"


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    target = tmp_path_factory.mktemp("v2")
    shutil.copytree(V2, target, dirs_exist_ok=True)
    return target


def _hover(path, needle: str, shift: int = 1, text: str | None = None) -> str | None:
    text = text if text is not None else path.read_text(encoding="utf-8")
    lines = text.split("\n")
    line = next(index for index, line in enumerate(lines) if needle in line)
    return hover_at(path, text, line, lines[line].index(needle) + shift)


def test_a_merge_tag_shows_its_variable(examples):
    found = _hover(examples / "noel_fournil.camp", '{{ contact.PRENOM | default : "à vous" }}', 4)
    assert found is not None and found.startswith('**merge tag** `{{ contact.PRENOM | default : "à vous" }}`')
    assert "variable `first_name`; up to 20 characters" in found and "fallback « à vous »" in found


def test_an_unknown_tag_says_so(examples):
    found = _hover(examples / "flawed_v2.camp", "{{ contact.FIRSTNAM |", 4)
    assert found is not None and "`FIRSTNAM` is not a declared variable of this campaign" in found


def test_a_local_image_shows_the_real_file(examples):
    found = _hover(examples / "flawed_v2.camp", 'image "visuels/bandeau-800x400.png"')
    assert found is not None
    assert "declared: 1200 × 600 px" in found and "the file: 800 × 400 px, 1,572 bytes (PNG)" in found


def test_a_url_is_not_fetched(examples):
    found = _hover(examples / "noel_fournil.camp", 'video "https://')
    assert found is not None and "a URL: not fetched" in found and "45 seconds" in found


def test_a_triggered_message_shows_its_journey(examples):
    found = _hover(examples / "noel_fournil.camp", "after message", 2)
    assert found is not None and found.startswith("**triggered message** `panier_push`")
    assert "sent 1 day after the message `panier_email`" in found and "stops for whoever did: `purchased`" in found


def test_a_segment_shows_its_consent(examples):
    found = _hover(examples / "noel_fournil.camp", "segment clients {", 9)
    assert found == "**segment** `clients`\n\nconsent: email soft-opt-in, sms opt-in, push opt-in\n\ncustomers (b2c)"


def test_the_unsaved_text_is_read_and_v1_constructs_say_nothing(examples):
    path = examples / "noel_fournil.camp"
    text = path.read_text(encoding="utf-8").replace("segment clients {", "segment habitues {")
    assert "**segment** `habitues`" in _hover(path, "segment habitues {", 9, text=text)
    assert _hover(path, "campaign noel_2026", 3) is None
    assert hover_at(path, "campaign x {\n", 40, 0) is None

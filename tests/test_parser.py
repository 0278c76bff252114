"""The front end: literals, positions, comments, long strings."""

from __future__ import annotations

import datetime as dt
import inspect
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from campaignlint.model import Text
from campaignlint.frontend.parser import CommentCollector, SyntaxProblem, parse
from campaignlint.source import SourceText, Span


def values_of(source: str):
    document = parse(source)
    return [v for v in document.nodes[0].values]


@pytest.mark.parametrize("literal,kind,data", [
    ("instagram.followers", "name", "instagram.followers"),
    ("12_000", "number", Decimal("12000")),
    ("-3", "number", Decimal("-3")),
    ("1.5", "number", Decimal("1.5")),
    ("20%", "percent", Decimal("20")),
    ("+20%", "percent", Decimal("20")),
    ("-5.5%", "percent", Decimal("-5.5")),
    ("20 %", "percent", Decimal("20")),
    ("20\u202f%", "percent", Decimal("20")),
    ("50000 EUR", "money", (Decimal("50000"), "EUR")),
    ("49.90 EUR", "money", (Decimal("49.90"), "EUR")),
    ("50_000€", "money", (Decimal("50000"), "EUR")),
    ("1200 USD", "money", (Decimal("1200"), "USD")),
    ("30 £", "money", (Decimal("30"), "GBP")),
    ("2026-03-01", "date", dt.date(2026, 3, 1)),
    ("2026-03-02 09:00", "datetime", dt.datetime(2026, 3, 2, 9, 0)),
    ("2026-03-02T09:00", "datetime", dt.datetime(2026, 3, 2, 9, 0)),
    ("20:00", "time", dt.time(20, 0)),
    ("3 months", "duration", (Decimal("3"), "months")),
    ("1 year", "duration", (Decimal("1"), "years")),
    ("48 hours", "duration", (Decimal("48"), "hours")),
])
def test_every_literal_kind(literal, kind, data):
    [value] = values_of(f"key {literal}\n")
    assert value.kind == kind
    assert value.data == data
    assert value.error is None


def test_signed_percent_and_ranges():
    [value] = values_of("target +20%")
    assert value.signed
    [rng] = values_of("period 2026-03-01 .. 2026-05-31")
    low, high = rng.data
    assert (low.data, high.data) == (dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    [rng] = values_of("quiet_hours 20:00 .. 08:00")
    assert [b.data for b in rng.data] == [dt.time(20), dt.time(8)]
    [rng] = values_of("recommend .. 125")
    assert rng.data[0] is None and rng.data[1].data == 125


def test_lists_wrap_after_a_comma_and_semicolons_separate():
    document = parse("funnel a,\n  b,\n  c; theme \"x\"\n")
    assert [n.keyword for n in document.nodes] == ["funnel", "theme"]
    assert [v.data for v in document.nodes[0].groups[0]] == ["a", "b", "c"]


def test_escapes():
    [value] = values_of(r'name "a \"b\" \\ \n \t \u{1F331}"')
    assert value.data == 'a "b" \\ \n \t \U0001F331'


def test_invalid_date_is_kept_with_an_error():
    [value] = values_of("deadline 2027-02-30")
    assert value.data is None and "2027-02-30 is not a real date" in value.error


def test_long_string_dedent_matches_cleandoc():
    raw = '"""\n      Bonjour,\n\n      Notre collection\n        indentée\n    """'
    [value] = values_of(f"body {raw}")
    assert value.data == inspect.cleandoc(raw[3:-3])


def test_positions_inside_strings_through_escapes_and_dedent():
    source = 'body """\n    Un \\"mot\\" ici 🌱\n    et là\n  """\n'
    [value] = values_of(source)
    text = Text(value=value.data, span=Span("f", value.start, value.end), char_offsets=value.char_offsets, char_ends=value.char_ends)
    start = value.data.index("là")
    span = text.span_of(start, start + 2)
    assert source[span.start:span.end] == "là"
    start = value.data.index("ici")
    span = text.span_of(start, start + 3)
    assert source[span.start:span.end] == "ici"
    quoted = value.data.index('"mot"')
    span = text.span_of(quoted, quoted + 5)
    assert source[span.start:span.end] == '\\"mot\\"'


def test_comments_are_collected_not_inside_strings():
    document = parse('name "a # not a comment" # a comment\n# own line\n')
    assert [c.text for c in document.comments] == ["# a comment", "# own line"]


def test_a_given_comment_collector_receives_the_comments():
    collector = CommentCollector()
    document = parse('# first\nname "x" # second\n', collector)
    assert [c.text for c in collector.comments] == ["# first", "# second"]
    assert [(c.start, c.end) for c in document.comments] == [(0, 7), (17, 25)]
    assert parse("name x\n").comments == []  # the next parse starts empty


def test_a_syntax_error_leaves_no_collector_behind():
    with pytest.raises(SyntaxProblem):
        parse('# note\nname "unclosed\n')
    assert parse("name x # only this\n").comments[0].text == "# only this"


def test_two_parses_in_two_threads_keep_their_own_comments():
    """Each parse has its own collector: with one shared list, the threads' comments mixed or vanished."""
    import sys
    import threading

    texts = {letter: "".join(f"name {letter}{i} # {letter}{i}\n" for i in range(400)) for letter in "ab"}
    wrong: list[str] = []
    start = threading.Barrier(2)

    def work(letter: str) -> None:
        start.wait()
        try:
            for _ in range(5):
                comments = [c.text for c in parse(texts[letter]).comments]
                if comments != [f"# {letter}{i}" for i in range(400)]:
                    wrong.append(f"{letter}: {len(comments)} comments, first {comments[:1]}")
        except Exception as error:  # an exception in a thread would not fail the test by itself
            wrong.append(f"{letter}: {error!r}")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so that the parses overlap
    try:
        threads = [threading.Thread(target=work, args=(letter,)) for letter in "ab"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert wrong == []


def test_every_node_has_positions():
    source = "campaign c {\n  message m {\n    channel email\n  }\n}\n"
    document = parse(source)
    campaign = document.nodes[0]
    message = campaign.children[0]
    channel = message.children[0]
    assert source[campaign.keyword_start:campaign.keyword_end] == "campaign"
    assert source[message.start:message.end].startswith("message m {") and source[message.start:message.end].endswith("}")
    assert source[channel.groups[0][0].start:channel.groups[0][0].end] == "email"


def test_crlf_positions():
    source = SourceText.from_text("f", "\ufeffa 1\r\nb 2\r\n")
    assert not source.text.startswith("\ufeff") and source.had_bom
    assert source.newline == "\r\n"
    document = parse(source.text)
    assert source.position(document.nodes[1].start) == (2, 1)


@pytest.mark.parametrize("text,message", [
    ('a "x\n', "this text is not closed"),
    ('a """x\n', "this long text is not closed"),
    ("a {\n b 1\n", "`}` expected to close the `a` block opened on line 1"),
    ("}\n", "closes no block"),
    ("a 1,;\n", "a value is missing"),
    ("a @\n", "unexpected character `@`"),
])
def test_syntax_errors_in_words(text, message):
    with pytest.raises(SyntaxProblem) as error:
        parse(text)
    assert message in error.value.message


def test_deep_nesting_is_refused_cleanly():
    with pytest.raises(SyntaxProblem) as error:
        parse("a {" * 100 + "}" * 100)
    assert "nested more than" in error.value.message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters='\r'), max_size=40))
def test_string_roundtrip_offsets(content):
    escaped = content.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    source = f'name "{escaped}"'
    [value] = values_of(source)
    assert value.data == content
    text = Text(value=value.data, span=Span("f", value.start, value.end), char_offsets=value.char_offsets, char_ends=value.char_ends)
    for index, char in enumerate(content):
        span = text.span_of(index, index + 1)
        piece = source[span.start:span.end]
        assert piece == char or piece.startswith("\\")

"""The built-in channel profiles (rules/channels.camp) as the C rules use them.

Every built-in profile is exercised: a text just over each hard limit fires
C001 and one exactly at it does not; recommend-only profiles fire C002 past
their bounds; the SMS profile's segments, opt-out and quiet hours fire C008,
C010 and C011; the owned pages (web, blog) accept any length.  Refinements by a
user's top-level `channel` block apply attribute by attribute.  Also: the
twitter weighting cases, the SMS apostrophe fix, the rules' own documented
examples, and the generated docs/channels.md.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from campaignlint.channel_docs import channel_sources, channels_markdown
from campaignlint.engine import Linter, Options
from campaignlint.fixes import fix_file
from campaignlint.frontend.loader import Loader, builtin_channels
from campaignlint.registry import load_all_rules
from campaignlint.rule import REGISTRY
from campaignlint.text.counting import describe_unit, measure
from campaignlint.text.sms import sms_info

REPO = Path(__file__).resolve().parent.parent
PROFILES = builtin_channels()

# Real copy, repeated and cut to the length a test needs (every character of it
# counts 1 in every counting unit: ASCII letters, digits and punctuation).
FR_COPY = (
    "Notre collection de printemps est tissee en coton biologique et en fibres recyclees, "
    "dans nos ateliers partenaires au Portugal. Portez le changement, a votre rythme. "
)
EN_COPY = (
    "Most dashboards show you what happened. Northwind answers the next question: why, "
    "with the driver behind every change in your KPIs. "
)


def copy_of(length: int, base: str = FR_COPY) -> str:
    """``length`` characters of real copy (no trailing space, no URL-like dots)."""
    text = (base * (length // len(base) + 2))[:length]
    if text.endswith(" "):
        text = text[:-1] + "."
    return text


def lint(tmp_path: Path, source: str, *codes: str) -> list:
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    path = tmp_path / "campaign.camp"
    path.write_text(source, encoding="utf-8")
    findings = Linter(Options(select=list(codes)), cwd=tmp_path).lint_file(path)
    return [f for f in findings if f.code in codes]


def campaign(*body: str, top: str = "", language: str = "fr") -> str:
    inner = textwrap.indent("\n".join(body), "  ")
    return f"{top}\ncampaign test_2027 {{\n  language {language}\n  period 2027-03-01 .. 2027-05-31\n{inner}\n}}\n"


def message(channel: str, **fields: str) -> str:
    lines = [f"message m_{channel} {{", f"  channel {channel}"]
    for field, value in fields.items():
        field = field.rstrip("_0123456789")
        lines.append(f'  {field} "{value}"')
    lines.append("}")
    return "\n".join(lines)


def filler_fields(profile, skip: str) -> dict[str, str]:
    """Short values for the other fields the profile requires (so only the field under test varies)."""
    values = {}
    for field in profile.limits:
        if field != skip:
            values[field] = "Mode durable"
    return values


# ------------------------------------------------------------ coverage

LIMITED = sorted((name, field, limit) for name, p in PROFILES.items() for field, limit in p.limits.items())
RECOMMENDED = sorted(
    (name, field, bounds) for name, p in PROFILES.items() for field, bounds in p.recommend.items()
)
UNLIMITED = sorted(name for name, p in PROFILES.items() if not p.limits and not p.recommend and p.counting != "gsm")


def test_every_builtin_profile_is_covered():
    """A new profile must have a limit, a recommendation, be the SMS profile, or be an owned page."""
    covered = {n for n, _f, _l in LIMITED} | {n for n, _f, _b in RECOMMENDED} | {"sms"} | set(UNLIMITED)
    assert covered == set(PROFILES)
    assert set(UNLIMITED) == {"web", "blog"}
    # the spec's table (channels.md) in figures
    assert PROFILES["twitter"].limits == {"body": 280} and PROFILES["twitter"].counting == "twitter"
    assert PROFILES["instagram"].maxima == {"hashtags": 5, "mentions": 20}
    assert PROFILES["google_ads"].limits == {"headline": 30, "description": 90}
    assert PROFILES["email"].recommend == {"subject": (None, 60), "preheader": (35, 110)}
    assert PROFILES["sms"].maxima == {"segments": 1} and PROFILES["sms"].opt_out == "STOP"


@pytest.mark.parametrize("name,field,limit", LIMITED, ids=[f"{n}-{f}" for n, f, _ in LIMITED])
def test_hard_limit(tmp_path, name, field, limit):
    profile = PROFILES[name]
    at_limit = copy_of(limit)
    assert measure(at_limit, profile.counting) == limit
    fields = {**filler_fields(profile, field), field: at_limit}
    source = campaign(f"channel {name}", message(name, **fields, link="https://verdure.fr/p"))
    assert lint(tmp_path, source, "C001") == []

    over = copy_of(limit + 1)
    fields[field] = over
    findings = lint(tmp_path, campaign(f"channel {name}", message(name, **fields)), "C001")
    assert len(findings) == 1
    assert findings[0].message.startswith(f"{field} is {limit + 1} of {limit} ")
    assert f" on {name}" in findings[0].message


@pytest.mark.parametrize("name,field,bounds", RECOMMENDED, ids=[f"{n}-{f}" for n, f, _ in RECOMMENDED])
def test_recommended_bounds(tmp_path, name, field, bounds):
    low, high = bounds
    inside = copy_of(high if high is not None else low, EN_COPY)
    source = campaign(f"channel {name}", message(name, **{field: inside}), language="en")
    assert lint(tmp_path, source, "C002") == []
    if high is not None:
        source = campaign(f"channel {name}", message(name, **{field: copy_of(high + 1, EN_COPY)}), language="en")
        findings = lint(tmp_path, source, "C002")
        unit = describe_unit(PROFILES[name].counting)
        assert [f.message.split(",")[0] for f in findings] == [f"{field} is {high + 1} {unit} on {name}"]
    if low is not None:
        source = campaign(f"channel {name}", message(name, **{field: copy_of(low - 1, EN_COPY)}), language="en")
        findings = lint(tmp_path, source, "C002")
        assert len(findings) == 1 and f"fewer than the recommended {low}" in findings[0].message
    # a recommendation is never an error
    assert lint(tmp_path, source, "C001") == []


@pytest.mark.parametrize("name", UNLIMITED)
def test_owned_pages_take_any_length(tmp_path, name):
    body = copy_of(20_000)
    source = campaign(f"channel {name}", message(name, body=body))
    assert lint(tmp_path, source, "C001", "C002", "C003", "C005", "C008", "C009", "C010") == []


def test_sms_profile(tmp_path):
    sms = "Verdure : -15 % sur la collection avec le code PRINTEMPS15 jusqu'au 31/03. STOP"
    assert sms_info(sms).segments == 1
    quiet = campaign("channel sms", 'message m { channel sms; at 2027-03-25 12:30; body "%s" }' % sms)
    assert lint(tmp_path, quiet, "C008", "C009", "C010", "C011") == []

    long_sms = copy_of(157) + " STOP"  # 162 GSM-7 characters: two segments
    source = campaign("channel sms", 'message m { channel sms; at 2027-03-25 21:00; body "%s" }' % long_sms)
    found = {f.code for f in lint(tmp_path, source, "C008", "C010", "C011")}
    assert found == {"C008", "C011"}

    no_stop = campaign("channel sms", 'message m { channel sms; at 2027-03-28 12:00; body "Verdure : -15 %% jusqu\'au 31/03." }')
    assert sorted(f.code for f in lint(tmp_path, no_stop, "C008", "C010", "C011")) == ["C010", "C011"]


# ------------------------------------------------------------ refinement

def _load(tmp_path: Path, source: str):
    path = tmp_path / "campaign.camp"
    path.write_text(source, encoding="utf-8")
    loaded = Loader(tmp_path).load(path)
    assert not loaded.problems, [p.message for p in loaded.problems]
    return loaded.model.campaigns[0]


def test_top_level_channel_refines_attribute_by_attribute(tmp_path):
    source = campaign("channel instagram", message("instagram", body="Portez le changement"),
                      top="channel instagram { max hashtags 10 }")
    profile = _load(tmp_path, source).channel_profile("instagram")
    assert profile.maxima == {"hashtags": 10, "mentions": 20}
    assert profile.limits == {"body": 2200}
    assert profile.counting == "utf16"
    assert profile.utm_source == "instagram"
    # and the rules see it: 8 hashtags pass, the body limit still holds in UTF-16 units
    tags = " ".join(f"#{w}" for w in ["Printemps", "ModeDurable", "Coton", "Bio", "Lin", "Lyon", "Running", "Verdure"])
    source = campaign("channel instagram", message("instagram", body=f"Portez le changement {tags}"),
                      top="channel instagram { max hashtags 10 }")
    assert lint(tmp_path, source, "C003") == []
    emoji_body = copy_of(2199) + "🌱"  # 2200 code points, 2201 UTF-16 units
    source = campaign("channel instagram", message("instagram", body=emoji_body), top="channel instagram { max hashtags 10 }")
    assert [f.message for f in lint(tmp_path, source, "C001")] == [
        "body is 2201 of 2200 UTF-16 code units on instagram (emoji count 2)"
    ]


def test_campaign_block_refines_the_user_profile(tmp_path):
    source = campaign(
        'channel sms { owner "Équipe CRM"; quiet_hours 21:00 .. 09:00 }',
        'message m { channel sms; at 2027-03-25 20:30; body "Verdure : -15 %. STOP au 36173" }',
        top='channel sms { opt_out "STOP au 36173" }',
    )
    profile = _load(tmp_path, source).channel_profile("sms")
    assert profile.opt_out == "STOP au 36173"
    assert profile.quiet_days == ["sunday"]
    assert [str(t) for t in profile.quiet_hours] == ["21:00:00", "09:00:00"]
    assert lint(tmp_path, source, "C010", "C011") == []


# ------------------------------------------------------------ twitter

TWEET_URL = (
    "Notre collection de printemps arrive : coton biologique, fibres recyclées et ateliers "
    "partenaires au Portugal. Découvrez vite les coulisses de sa fabrication, de la filature "
    "à l'atelier : https://verdure.fr/printemps/collection-coton-biologique?utm_source=twitter"
    "&utm_medium=social&utm_campaign=printemps_2027"
)
TWEET_EMOJI = (
    "Portez le changement 🌱🌿🌍 Votez pour votre pièce préférée de la collection de printemps : "
    "👕 le tee-shirt en coton bio, 👖 le jean recyclé, 🧥 la veste de pluie, 👟 les baskets en "
    "caoutchouc naturel, 🧢 la casquette en lin. Résultat lundi ! " + "💚" * 22
)


def test_a_long_url_counts_23(tmp_path):
    assert len(TWEET_URL) == 309
    assert measure(TWEET_URL, "twitter") == 211
    source = campaign("channel twitter", message("twitter", body=TWEET_URL))
    assert lint(tmp_path, source, "C001") == []
    # the same copy on a channel that counts characters is over a 280 limit
    source = campaign("channel twitter", message("twitter", body=TWEET_URL), top="channel twitter { counting chars }")
    assert [f.message for f in lint(tmp_path, source, "C001")] == ["body is 309 of 280 characters on twitter"]


def test_thirty_emoji_weigh_double(tmp_path):
    assert len(TWEET_EMOJI) == 257
    source = campaign("channel twitter", message("twitter", body=TWEET_EMOJI))
    findings = lint(tmp_path, source, "C001")
    assert [f.message for f in findings] == ["body is 287 of 280 weighted characters on twitter (emoji count 2)"]
    assert (findings[0].range.start_line, findings[0].range.start_column) == (8, 10)  # the body's opening quote
    # x is the same platform, with the same profile
    source = campaign("channel x", message("x", body=TWEET_EMOJI))
    assert [f.message for f in lint(tmp_path, source, "C001")] == [
        "body is 287 of 280 weighted characters on x (emoji count 2)"
    ]


# ------------------------------------------------------------ SMS fix

SMS_CURLY = "Verdure : -15 % sur la collection durable de printemps avec le code PRINTEMPS15 jusqu’au 31/03. STOP"


def test_one_curly_apostrophe_costs_a_segment_and_the_fix_saves_it(tmp_path):
    info = sms_info(SMS_CURLY)
    assert (info.encoding, info.units, info.segments) == ("UCS-2", 100, 2)
    source = campaign("channel sms", message("sms", body=SMS_CURLY))
    findings = lint(tmp_path, source, "C008")
    assert [f.message for f in findings] == [
        "SMS body needs 2 segments, more than the 1 allowed on sms (`max segments`): it is sent in UCS-2 "
        "(100 UCS-2 characters; one SMS holds 70, each part of a longer one 67) because of "
        "’ (right single quotation mark) at column 96"  # its column in the file
    ]
    # the apostrophe's replacement keeps the spelling: a safe fix
    assert findings[0].fix is not None and findings[0].fix.applicability.value == "safe"
    path = tmp_path / "campaign.camp"
    outcome = fix_file(Linter(Options(select=["C008"]), cwd=tmp_path), path, unsafe=True)
    fixed_body = "Verdure : -15 % sur la collection durable de printemps avec le code PRINTEMPS15 jusqu'au 31/03. STOP"
    assert outcome.fixed == (
        "\ncampaign test_2027 {\n  language fr\n  period 2027-03-01 .. 2027-05-31\n  channel sms\n"
        "  message m_sms {\n    channel sms\n    body \"" + fixed_body + "\"\n  }\n}\n"
    )
    assert sms_info(fixed_body).segments == 1
    # a safe fix: --fix alone gives the same
    assert fix_file(Linter(Options(select=["C008"]), cwd=tmp_path), path, unsafe=False).fixed == outcome.fixed


def test_decomposed_letter_is_composed_by_the_fix(tmp_path):
    body = "Verdure : -15 % sur la collection de printemps, livraison offerte des 50 EUR, code e\u0301te\u0301. STOP"
    assert sms_info(body).encoding == "UCS-2" and sms_info(body).segments == 2
    source = campaign("channel sms", message("sms", body=body))
    assert [f.code for f in lint(tmp_path, source, "C008")] == ["C008"]
    outcome = fix_file(Linter(Options(select=["C008"]), cwd=tmp_path), tmp_path / "campaign.camp", unsafe=True)
    assert outcome.fixed == source.replace(body, body.replace("e\u0301", "é"))


def test_no_fix_when_replacing_is_not_enough(tmp_path):
    body = "Verdure’ " + copy_of(160)  # still two segments once in GSM-7
    source = campaign("channel sms", message("sms", body=body))
    findings = lint(tmp_path, source, "C008")
    assert len(findings) == 1 and findings[0].fix is None


# ------------------------------------------------------------ documentation

C_RULES = sorted(code for code in load_all_rules() if code.startswith("C") and code[1:].isdigit())


def test_all_channel_rules_exist():
    assert C_RULES == [f"C{n:03d}" for n in range(1, 13)]


@pytest.mark.parametrize("code", C_RULES)
def test_documented_example_fires_and_correction_does_not(tmp_path, code):
    rule = REGISTRY[code]
    assert rule.why and rule.example and rule.correction and rule.summary
    wrap = "campaign demo_2027 {{\n  language fr\n  period 2027-03-01 .. 2027-05-31\n{}\n}}\n"
    fired = lint(tmp_path, wrap.format(textwrap.indent(rule.example, "  ")), code)
    assert len(fired) >= 1, f"{code} example does not fire"
    assert lint(tmp_path, wrap.format(textwrap.indent(rule.correction, "  ")), code) == []


def test_channel_sources_come_from_the_comments():
    sources = channel_sources()
    assert set(sources) == set(PROFILES)
    assert sources["twitter"].startswith("O: twitter-text v3 configuration")
    assert sources["instagram"].startswith("S: secondary sources only")
    assert "CPCE art. L34-5" in sources["sms"]
    assert all(sources[name] for name in PROFILES)


def test_committed_channel_docs_are_up_to_date():
    committed = (REPO / "docs" / "channels.md").read_text(encoding="utf-8")
    assert committed == channels_markdown(), "run `python -m campaignlint.channel_docs`"
    for name, profile in PROFILES.items():
        assert f"### {name}\n" in committed
        for field, limit in profile.limits.items():
            assert f"{field} {limit}" in committed

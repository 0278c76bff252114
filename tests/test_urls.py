"""URL helpers for the tracking rules (U001–U005) and landing pages (M008)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaignlint.text.urls import (
    get_utm,
    host_of,
    is_valid_http_url,
    normalise_utm_value,
    page_of,
    registrable_match,
    set_query_params,
)

UTM = {"utm_source": "instagram", "utm_medium": "social", "utm_campaign": "printemps_2027"}
ORDER = ["utm_source", "utm_medium", "utm_campaign"]


@pytest.mark.parametrize(
    "url",
    [
        "https://verdure.fr/printemps?utm_source=newsletter&utm_medium=email&utm_campaign=printemps_2027",
        "http://verdure.fr",
        "https://shop.verdure.fr:8443/p#top",
        "https://café.fr/menu",
        "https://xn--caf-dma.fr/menu",
        "https://[2001:db8::1]/",
        "http://localhost:8000/x",
        "https://192.168.1.10/p",
    ],
)
def test_valid_urls(url):
    assert is_valid_http_url(url) == (True, "")


@pytest.mark.parametrize(
    "url,reason_part",
    [
        ("verdure.fr/printemps", "no scheme"),
        ("www.verdure.fr", "no scheme"),
        ("ftp://verdure.fr/file", "not http or https"),
        ("mailto:contact@verdure.fr", "not http or https"),
        ("https:/verdure.fr", "//"),
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("https://verdure.fr/soldes d'hiver", "space"),
        ("https://verdure.fr:99999/", "out of range"),
        ("https://verdure.fr:80a/", "not a number"),
        ("https://verdure/p", "no domain extension"),
        ("https://verdure..fr/", "invalid"),
        ("https://-verdure.fr/", "invalid"),
        ("", "empty"),
    ],
)
def test_invalid_urls(url, reason_part):
    ok, reason = is_valid_http_url(url)
    assert not ok and reason_part in reason


def test_host_of():
    assert host_of("https://User:pw@Shop.Verdure.FR:8443/p?q=1") == "shop.verdure.fr"
    assert host_of("https://verdure.fr./p") == "verdure.fr"
    assert host_of("not a url") == ""


@pytest.mark.parametrize(
    "host,website,expected",
    [
        ("verdure.fr", "verdure.fr", True),
        ("www.verdure.fr", "verdure.fr", True),
        ("shop.verdure.fr", "verdure.fr", True),
        ("verdure.fr", "www.verdure.fr", True),
        ("Shop.Verdure.FR", "https://www.verdure.fr/", True),
        ("verdure.fr.evil.com", "verdure.fr", False),
        ("notverdure.fr", "verdure.fr", False),
        ("verdure.com", "verdure.fr", False),
        ("café.fr", "xn--caf-dma.fr", True),
        ("", "verdure.fr", False),
    ],
)
def test_registrable_match(host, website, expected):
    assert registrable_match(host, website) is expected


def test_page_of_ignores_tracking_and_fragment():
    a = page_of("https://verdure.fr/printemps?utm_source=instagram#offre")
    b = page_of("https://Verdure.FR:443/printemps/?utm_source=newsletter&utm_medium=email")
    assert a == b == "https://verdure.fr/printemps"
    assert page_of("https://verdure.fr/") == page_of("https://verdure.fr") == "https://verdure.fr"
    assert page_of("http://verdure.fr:8080/p") == "http://verdure.fr:8080/p"
    assert page_of("https://verdure.fr/printemps") != page_of("https://verdure.fr/ete")
    assert page_of("https://café.fr/p%c3%a9") == "https://xn--caf-dma.fr/p%C3%A9"


def test_get_utm_decodes():
    url = "https://verdure.fr/p?ref=x&utm_source=Insta%20Gram&utm_medium=social+media&utm_campaign=printemps"
    assert get_utm(url) == {"utm_source": "Insta Gram", "utm_medium": "social media", "utm_campaign": "printemps"}
    assert get_utm("https://verdure.fr/p") == {}


def test_set_query_params_appends_in_order_and_keeps_fragment():
    url = "https://verdure.fr/printemps#offre"
    assert set_query_params(url, UTM, ORDER) == (
        "https://verdure.fr/printemps?utm_source=instagram&utm_medium=social&utm_campaign=printemps_2027#offre"
    )


def test_set_query_params_keeps_other_params_order_and_encoding():
    url = "https://verdure.fr/p%C3%A9?ref=a%2Fb&q=caf%C3%A9+cr%C3%A8me&utm_source=IG&x=1&x=2#frag%20ment"
    out = set_query_params(url, UTM, ORDER)
    assert out == (
        "https://verdure.fr/p%C3%A9?ref=a%2Fb&q=caf%C3%A9+cr%C3%A8me&utm_source=instagram&x=1&x=2"
        "&utm_medium=social&utm_campaign=printemps_2027#frag%20ment"
    )


def test_set_query_params_updates_in_place_and_drops_repeats():
    url = "https://verdure.fr/?utm_campaign=Old&a=1&utm_campaign=older"
    assert set_query_params(url, {"utm_campaign": "printemps_2027"}) == (
        "https://verdure.fr/?utm_campaign=printemps_2027&a=1"
    )


def test_set_query_params_host_port_and_idn_untouched():
    url = "https://Café.fr:8443/Menu?x=1"
    assert set_query_params(url, {"utm_source": "sms"}) == "https://Café.fr:8443/Menu?x=1&utm_source=sms"


def test_set_query_params_empty_query_and_values_encoded():
    assert set_query_params("https://verdure.fr/p?", {"utm_source": "a"}) == "https://verdure.fr/p?utm_source=a"
    assert set_query_params("https://verdure.fr/p?a=1&", {"utm_source": "a b&c"}) == (
        "https://verdure.fr/p?a=1&utm_source=a%20b%26c"
    )


def test_set_query_params_without_changes_returns_same_url():
    url = "https://verdure.fr/p?utm_source=instagram&b=%7E#f"
    assert set_query_params(url, {"utm_source": "instagram"}) == url


_param = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789%+-._~", min_size=1, max_size=8)


@given(st.lists(st.tuples(_param, _param), max_size=5), st.text(alphabet="abc/%20", max_size=6))
def test_set_query_params_never_touches_other_segments(pairs, fragment):
    pairs = [(k, v) for k, v in pairs if not k.startswith("utm")]
    query = "&".join(f"{k}={v}" for k, v in pairs)
    url = f"https://verdure.fr/a%20b?{query}#{fragment}" if query else f"https://verdure.fr/a%20b#{fragment}"
    out = set_query_params(url, {"utm_source": "x"})
    assert out.startswith("https://verdure.fr/a%20b?")
    assert out.endswith("#" + fragment)
    expected_query = (query + "&" if query else "") + "utm_source=x"
    assert out.split("?", 1)[1].rsplit("#", 1)[0] == expected_query


@pytest.mark.parametrize(
    "value,expected",
    [("Instagram", "instagram"), ("Spring Sale", "spring_sale"), (" Soldes  Hiver ", "soldes_hiver"), ("email", "email")],
)
def test_normalise_utm_value(value, expected):
    assert normalise_utm_value(value) == expected

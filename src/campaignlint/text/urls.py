"""URL helpers for the tracking rules (U001–U005) and landing pages (M008).

The fixes of U001–U004 edit links in place, so :func:`set_query_params` works
on the URL *as written*: it touches only the query string, keeps every other
parameter with its order and its exact encoding, and never re-encodes the
scheme, host, path or fragment.

Hosts are compared in their ASCII (IDNA/punycode) form, so
``https://café.fr`` and ``https://xn--caf-dma.fr`` are the same host.
Internationalised names are converted with Python's built-in IDNA 2003 codec.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote, unquote_plus, urlsplit

from ..i18n import gettext as _

__all__ = [
    "is_valid_http_url",
    "is_valid_http",
    "host_of",
    "ascii_host",
    "registrable_match",
    "page_of",
    "get_utm",
    "get_query_params",
    "set_query_params",
    "normalise_utm_value",
    "UTM_KEYS",
]

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_IPV4_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SPACE_RE = re.compile(r"\s")
_WS_RUN = re.compile(r"\s+")


def ascii_host(host: str) -> str:
    """Lower-case ASCII form of a host name (punycode for IDN labels), without
    a trailing dot. Raises ``ValueError`` when a label cannot be encoded."""
    host = host.strip().rstrip(".").lower()
    if host.startswith("[") or host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(_("host {host!r} is not a valid international domain name").format(host=host)) from exc


def _valid_host(host: str) -> str | None:
    """None when the host is valid, else the reason."""
    if host.startswith("["):
        return None if host.endswith("]") and len(host) > 2 else _("the IPv6 address is not closed with ]")
    try:
        ascii_form = ascii_host(host)
    except ValueError as exc:
        return str(exc)
    if _IPV4_RE.match(ascii_form):
        if all(int(p) <= 255 for p in ascii_form.split(".")):
            return None
        return _("{host} is not a valid IP address").format(host=host)
    labels = ascii_form.split(".")
    for label in labels:
        if not _LABEL_RE.match(label):
            return _("the host {host!r} contains an invalid character or an empty part").format(host=host)
    if len(labels) < 2 and ascii_form != "localhost":
        return _("the host {host!r} has no domain extension (.fr, .com …)").format(host=host)
    return None


def is_valid_http_url(url: str) -> tuple[bool, str]:
    """Whether ``url`` is an absolute http(s) URL; when not, the reason in words
    a marketer understands (``(False, "no scheme: write https://…")``).
    ``(True, "")`` when valid."""
    if not url or not url.strip():
        return False, _("the link is empty")
    if _SPACE_RE.search(url):
        return False, _("the link contains a space (encode it as %20 or remove it)")
    m = _SCHEME_RE.match(url)
    if not m or "." in m.group(1):
        return False, _("no scheme: the link must start with https:// (or http://)")
    scheme = m.group(1).lower()
    if scheme not in _DEFAULT_PORTS:
        return False, _("the scheme {scheme!r} is not http or https").format(scheme=m.group(1))
    if not url[m.end() :].startswith("//"):
        return False, f"{m.group(1)}: must be followed by // (https://…)"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return False, _("the link cannot be read: {error}").format(error=exc)
    netloc = parts.netloc
    hostport = netloc.rsplit("@", 1)[-1]
    if not hostport:
        return False, _("the link has no host (domain name)")
    if hostport.startswith("["):
        host, _bracket, port_part = hostport.partition("]")
        host += "]"
        port_text = port_part[1:] if port_part.startswith(":") else ("" if not port_part else None)
    else:
        host, sep, port_text = hostport.partition(":")
        if not sep:
            port_text = ""
    if not host:
        return False, _("the link has no host (domain name)")
    if port_text is None or (port_text and not port_text.isdigit()):
        return False, _("the port {port!r} is not a number").format(port=port_text)
    if port_text and not 0 < int(port_text) <= 65535:
        return False, _("the port {port} is out of range (1–65535)").format(port=port_text)
    if hostport.endswith(":"):
        return False, "the port after ':' is empty"
    reason = _valid_host(host)
    if reason:
        return False, reason
    return True, ""


@functools.lru_cache(maxsize=4096)
def is_valid_http(url: str) -> bool:
    """``is_valid_http_url(url)[0]``, memoised per URL (bounded): U001–U005 and M008 ask it of
    every link, and a campaign's links come back from message to message and file to file.
    (The reason is not memoised: it is worded in the run's language.)"""
    return is_valid_http_url(url)[0]


def host_of(url: str) -> str:
    """The URL's host, lower-cased, without port, credentials or trailing dot
    ('' when there is none). Internationalised names are kept as written
    (use :func:`ascii_host` to compare)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.netloc:
        hostport = parts.netloc.rsplit("@", 1)[-1]
        if hostport.startswith("["):
            return hostport.split("]")[0].lower() + "]"
        return hostport.split(":")[0].rstrip(".").lower()
    return ""


def _site_host(website: str) -> str:
    site = website.strip()
    if "//" in site:
        site = host_of(site)
    else:
        site = site.split("/")[0].split(":")[0]
    site = site.rstrip(".").lower()
    if site.startswith("www."):
        site = site[4:]
    return site


def registrable_match(host: str, website: str) -> bool:
    """Whether ``host`` belongs to the brand's ``website``.

    ``website`` is a domain ("verdure.fr", "www.verdure.fr") or a URL. A host
    matches when it is that domain or one of its subdomains, label by label:
    "www.verdure.fr" and "shop.verdure.fr" match "verdure.fr"; "verdure.fr.evil.com"
    and "notverdure.fr" don't. (No public-suffix list is used: a website given
    as "shop.verdure.fr" matches only that host and its subdomains.)
    """
    if not host or not website:
        return False
    try:
        h = ascii_host(host)
        site = ascii_host(_site_host(website))
    except ValueError:
        return False
    if not site:
        return False
    return h == site or h.endswith("." + site)


@functools.lru_cache(maxsize=4096)
def page_of(url: str) -> str:
    """The landing page a URL points to: scheme + host + path, without query,
    fragment, credentials or default port; the scheme and host lower-cased (the
    host in ASCII form), percent-escapes upper-cased, a trailing slash
    insignificant ("https://Verdure.fr:443/p/?utm_source=x#top" →
    "https://verdure.fr/p"); memoised per URL (bounded): every finding on a link names its page."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("#")[0].split("?")[0]
    scheme = parts.scheme.lower()
    host = host_of(url)
    try:
        host = ascii_host(host)
    except ValueError:
        pass
    port = None
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    path = re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group().upper(), parts.path)
    path = path.rstrip("/")
    return f"{scheme}://{netloc}{path}" if scheme else f"{netloc}{path}"


def _split(url: str) -> tuple[str, str | None, str | None]:
    """(before the query, query or None, fragment or None), raw text."""
    base, hash_, fragment = url.partition("#")
    head, q, query = base.partition("?")
    return head, (query if q else None), (fragment if hash_ else None)


def _decode(text: str) -> str:
    """``unquote_plus(text)``, which gives back a text without ``+`` or ``%`` as it is (most keys and values)."""
    return unquote_plus(text) if "+" in text or "%" in text else text


def get_query_params(url: str) -> list[tuple[str, str]]:
    """The query parameters, decoded, in order (repeats kept)."""
    _, query, _ = _split(url)
    out: list[tuple[str, str]] = []
    if not query:
        return out
    for segment in query.split("&"):
        if not segment:
            continue
        key, _, value = segment.partition("=")
        out.append((_decode(key), _decode(value)))
    return out


def get_utm(url: str) -> dict[str, str]:
    """The ``utm_*`` parameters of a URL, decoded (``{"utm_source": "Instagram"}``).
    Keys are kept as written; the first of repeated keys wins."""
    return dict(_utm_items(url))


@functools.lru_cache(maxsize=4096)
def _utm_items(url: str) -> tuple[tuple[str, str], ...]:
    """:func:`get_utm`'s items, memoised per URL (bounded): U001–U004 each read them from
    every link; a new dict is made for each caller."""
    out: dict[str, str] = {}
    if "?" not in url:
        return ()  # no query string, no parameter
    for key, value in get_query_params(url):
        if key.lower().startswith("utm_") and key not in out:
            out[key] = value
    return tuple(out.items())


@functools.lru_cache(maxsize=1024)
def _encode(text: str) -> str:
    """A new value percent-encoded; memoised (bounded): the fixes write the same channel and campaign names."""
    return quote(text, safe="-._~!$'()*,;:@/")


def set_query_params(url: str, updates: dict[str, str], order: list[str] | None = None) -> str:
    """Set query parameters, editing only the query string.

    * A parameter that exists is updated in place (its key kept as written);
      later repeats of that key are removed.
    * Missing ones are appended at the end, in ``order`` (keys of ``updates``
      not named in ``order`` come after, in ``updates`` order).
    * Every other parameter, its position and its exact encoding, the scheme,
      host, path and fragment are kept byte for byte.
    * New values are percent-encoded (a space becomes ``%20``).
    """
    head, query, fragment = _split(url)
    segments = query.split("&") if query else []
    done: set[str] = set()
    out_segments: list[str] = []
    for segment in segments:
        if not segment:
            out_segments.append(segment)
            continue
        raw_key, _, _ = segment.partition("=")
        key = _decode(raw_key)
        if key in updates:
            if key in done:
                continue  # a repeat of an updated key
            out_segments.append(f"{raw_key}={_encode(updates[key])}")
            done.add(key)
        else:
            out_segments.append(segment)
    missing = [k for k in (order or []) if k in updates and k not in done]
    missing += [k for k in updates if k not in done and k not in missing]
    while out_segments and out_segments[-1] == "" and missing:
        out_segments.pop()
    out_segments += [f"{_encode(k)}={_encode(updates[k])}" for k in missing]
    new_query = "&".join(out_segments)
    result = head
    if query is not None or new_query:
        result += "?" + new_query
    if fragment is not None:
        result += "#" + fragment
    return result


@functools.lru_cache(maxsize=4096)
def normalise_utm_value(value: str) -> str:
    """A UTM value as analytics tools group it: lower-case, spaces (runs of
    white space) replaced by ``_``, ends trimmed ("Spring Sale" → "spring_sale").
    Memoised (bounded): U002–U004 normalise every value of every link, and values repeat."""
    return _WS_RUN.sub("_", value.strip()).lower()

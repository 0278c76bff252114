"""What a segment gains in v2 (language §6.5, §6.7): ``consent``, ``relationship``, ``market``, ``frequency``."""

from __future__ import annotations

from typing import Callable

from ...i18n import gettext as _
from ... import model as m
from ..tree import Node
from .base import ValueReader, did_you_mean
from .readers import DIRECT_KINDS, hyphenated, setter
from .variables import read_frequency

CONSENT_BASES = ["opt-in", "double-opt-in", "soft-opt-in", "legitimate-interest", "none"]
RELATIONSHIPS = ["prospects", "customers", "mixed"]
MARKETS = ["b2c", "b2b"]


def known_channels(r: ValueReader) -> set[str]:
    """Every channel name the file can name: built-in, imported, its own top-level ones (a ``Resolver``'s)."""
    outside = getattr(r, "outside", None)
    return set(getattr(r, "builtin", {})) | set(getattr(outside, "channels", {})) | getattr(r, "file_channels", set())


def segment_handlers(r: ValueReader, segment: m.Segment, seen: set[str]) -> dict[str, Callable[[Node], None]]:
    def consent(child: Node):
        values = child.values
        if not values or len(values) % 2:
            r.problem("E003", r.header_span(child),
                      _("write `consent email opt-in, sms double-opt-in` (a channel, then its basis)"))
            return None
        found: dict[str, str] = {}
        for index in range(0, len(values), 2):
            channel, basis = values[index], values[index + 1]
            if channel.kind != "name" or basis.kind != "name":
                r.problem("E003", r.span(channel.start, basis.end), _("a consent is a channel name or kind, then its "
                                                                      "basis"))
                return None
            word = hyphenated(basis.data)
            if word not in CONSENT_BASES:
                r.problem("E003", r.value_span(basis), _("`{data}` is not a legal basis: use "
                                                         "{bases}{did_you_mean}").format(
                                                           data=basis.data, bases=', '.join(CONSENT_BASES),
                                                           did_you_mean=did_you_mean(word, CONSENT_BASES)))
                continue
            known = known_channels(r)
            if channel.data not in known and channel.data not in DIRECT_KINDS:
                r.problem("E004", r.value_span(channel), _("`{data}` is neither a channel nor a kind of "
                                                           "channel{did_you_mean}").format(
                                                             data=channel.data,
                                                             did_you_mean=did_you_mean(
                                                                 channel.data, sorted(known | set(DIRECT_KINDS)))))
                continue
            found[channel.data] = word
            segment.spans[f"consent.{channel.data}"] = r.span(channel.start, basis.end)
        return found

    return {
        "consent": setter(r, segment, seen, "segment", "consent", consent),
        "relationship": setter(r, segment, seen, "segment", "relationship", lambda c: r.choice(c, RELATIONSHIPS)),
        "market": setter(r, segment, seen, "segment", "market", lambda c: r.choice(c, MARKETS)),
        "frequency": setter(r, segment, seen, "segment", "frequency", lambda c: read_frequency(r, c)),
    }

"""``rule NAME { … }``: a team's own check (top level, in a rule pack, or in a campaign).

One check per rule (forbid, require, pattern, require_pattern or max_length);
``checks/custom`` runs them.
"""

from __future__ import annotations

import re
from typing import Any

from ...i18n import N_
from ...i18n import gettext as _
from ... import model as m
from ..tree import Node
from .base import ValueReader, did_you_mean

SEVERITIES = ["error", "warning", "info"]


def read_rule(r: ValueReader, node: Node) -> m.CustomRule | None:
    name, children = r.named(node, "no_free_in_ads")
    if name is None:
        return None
    data: dict[str, Any] = {"name": name, "code": name, "span": r.header_span(node)}
    checks: list[tuple[str, Node]] = []
    seen: set[str] = set()

    def attr(key, read):
        def handler(child: Node) -> None:
            if r.once(seen, child, "rule"):
                value = read(child)
                if value is not None:
                    data[key] = value
        return handler

    def check(kind, read):
        def handler(child: Node) -> None:
            value = read(child)
            if value is not None:
                checks.append((kind, child))
                if kind in ("forbid", "require"):
                    data["terms"] = value
                elif kind == "max_length":
                    data["max_length"] = value
                else:
                    data["pattern"] = value
                    data.setdefault("spans", {})["pattern"] = r.value_span(child.values[0])
        return handler

    def pattern(child: Node) -> str | None:
        value = r.one(child, "string", what=N_("a regular expression in quotes"))
        if value is None:
            return None
        try:
            re.compile(value.data)
        except re.error as error:
            r.problem("E003", r.value_span(value), _("this pattern is not a valid regular expression: {error}").format(
                                                       error=error))
            return None
        return value.data

    def max_length(child: Node) -> int | None:
        value = r.one(child, "number")
        return r.integer(value, "max_length", 1) if value else None

    def code(child: Node) -> str | None:
        value = r.one(child, "string", what=N_("a code in quotes, e.g. \"ACME001\""))
        return value.data if value else None

    def terms(child: Node) -> list[str] | None:
        return [v.data for v in r.strings(child)] or None

    def fields(child: Node) -> list[str]:
        names = r.names(child)
        for value in child.values:
            if value.kind == "name" and value.data not in m.TEXT_FIELDS:
                r.problem("E003", r.value_span(value),
                          _("`{data}` is not a text field{did_you_mean}").format(
                              data=value.data, did_you_mean=did_you_mean(value.data, m.TEXT_FIELDS)))
        return [n for n in names if n in m.TEXT_FIELDS]

    r.walk(children, "rule", {
        "message": attr("message", r.string),
        "severity": attr("severity", lambda c: r.choice(c, SEVERITIES)),
        "channels": attr("channels", r.names),
        "stages": attr("stages", r.names),
        "segments": attr("segments", r.names),
        "fields": attr("fields", fields),
        "forbid": check("forbid", terms),
        "require": check("require", terms),
        "pattern": check("pattern", pattern),
        "require_pattern": check("require_pattern", pattern),
        "max_length": check("max_length", max_length),
        "suggest": attr("suggest", r.string),
        "code": attr("code", code),
    })
    if "message" not in data:
        r.problem("E007", r.header_span(node), _("rule `{name}` has no `message` (what should the finding "
                                                 "say?)").format(name=name))
        data["message"] = name
    if not checks:
        r.problem("E007", r.header_span(node), _("rule `{name}` checks nothing: give it one of forbid, "
                                                 "require, pattern, require_pattern or max_length").format(
                                                   name=name))
        return None
    if len(checks) > 1:
        r.problem("E003", r.keyword_span(checks[1][1]),
                  _("rule `{name}` has more than one check; split it into two rules").format(name=name))
    data["check"] = checks[0][0]
    return m.CustomRule(**data)

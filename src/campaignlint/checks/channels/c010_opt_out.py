"""C010 missing-opt-out, and its fix appending the opt-out text to the body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Applicability, Edit, Finding, Severity
from ...model import TextField
from ...rule import Rule, fix
from ._shared import escape, field_label, is_long_string, profiled_messages, raw_literal, versions

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

_SPACES_RE = re.compile(r"\s+")


def _normalise_space(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip().casefold()


class MissingOptOut(Rule):
    """The channel requires `opt_out` and the body lacks the channel's opt-out text.

    The body must contain the channel's `opt_out` string (`"STOP"` on the
    built-in SMS profile; teams set theirs, e.g. `"STOP au 36173"`), compared
    without case and with any run of spaces read as one.  Each variant that
    rewrites the body is checked too.  The safe fix appends a space and the
    opt-out text at the end of the body (for a long text, on a new line).
    """

    code = "C010"
    name = "missing-opt-out"
    severity = Severity.ERROR
    fix_applicability = (Applicability.SAFE,)
    why = (
        "A marketing SMS must offer a free way to stop receiving them (in France "
        "the law, CPCE art. L34-5, and operators reject campaigns without "
        "\"STOP au 36…\"). Without it the send is illegal and complaints get the "
        "sender number blocked."
    )
    example = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % avec le code PRINTEMPS15 jusqu'au 31/03.\"\n}"
    )
    correction = (
        "channel sms\n\n"
        "message sms_relance {\n  channel sms\n"
        "  body \"Verdure : -15 % avec le code PRINTEMPS15 jusqu'au 31/03. STOP\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for message, profile in profiled_messages(ctx.campaign):
            if "opt_out" not in profile.require or not profile.opt_out:
                continue
            wanted = _normalise_space(profile.opt_out)
            for version in versions(message):
                if version.variant is not None and not any(t.field == "body" for t in version.variant.texts):
                    continue
                body = version.body()
                if body is not None and wanted in _normalise_space(body.value):
                    continue
                if body is None:
                    yield ctx.finding(
                        self, message,
                        _('{label} has no body, so no opt-out "{opt_out}", which {profile} requires').format(
                            label=version.label, opt_out=profile.opt_out, profile=profile.name),
                    )
                    continue
                yield ctx.finding(
                    self, body.span,
                    _('{field_label} lacks the opt-out "{opt_out}" that {profile} requires').format(
                        field_label=field_label(message, body), opt_out=profile.opt_out, profile=profile.name),
                    fix=self._fix(ctx, body, profile.opt_out),
                )

    @staticmethod
    def _fix(ctx: "CampaignContext", body: TextField, opt_out: str):
        raw = raw_literal(ctx, body)
        source = ctx.source(body.span.path)
        if raw is None or source is None:
            return None
        addition = escape(opt_out)
        description = _("append \"{text}\" to the body").format(text=opt_out)
        if not is_long_string(raw):
            close = body.span.end - 1  # the closing quote
            separator = "" if not body.value or body.value[-1].isspace() else " "
            return fix(Applicability.SAFE, [Edit(close, close, separator + addition)], description)
        # a long text: a new line at the text's indentation, before the closing quotes
        inner = raw[3:-3]
        lines = inner.split("\n")
        indents = [len(line) - len(line.lstrip(" \t")) for line in lines[1:] if line.strip()]
        if indents:
            margin = min(indents)
            sample = next(line for line in lines[1:] if line.strip() and len(line) - len(line.lstrip(" \t")) == margin)
            indent = sample[:margin]
        else:
            line, _column = source.position(body.span.start)
            keyword_line = source.line_text(line)
            indent = keyword_line[: len(keyword_line) - len(keyword_line.lstrip(" \t"))] + "  "
        close = body.span.end - 3
        last_newline = inner.rfind("\n")
        if last_newline != -1 and not inner[last_newline + 1:].strip():
            # the closing quotes are on their own line: add a line before it
            position = body.span.start + 3 + last_newline
            if position > 0 and source.text[position - 1] == "\r":
                position -= 1
        else:
            position = close
        text = f"{source.newline}{indent}{addition}"
        return fix(Applicability.SAFE, [Edit(position, position, text)], description)

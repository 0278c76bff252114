"""J001: a journey names an event or a message that does not exist."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Iterator

from ...i18n import pgettext
from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


def _hint(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _(" (did you mean `{name}`?)").format(name=close[0]) if close else ""


class UnknownJourneyReference(Rule):
    """`trigger`, `after event` or `unless` names an undeclared event, or `after message` names no message of the
    campaign.

    Events are declared with `event NAME { … }`, at the top level or in the
    campaign; E004 does not report these references.
    """

    code = "J001"
    name = "unknown-journey-reference"
    severity = Severity.ERROR
    why = (
        "A journey that waits for an event nobody sends never starts, and an exit on an unknown "
        "event never stops it: the platform's automation and the plan disagree."
    )
    example = "message bienvenue {\n  channel email\n  trigger inscription\n}"
    correction = (
        "event inscription { description \"Compte créé\" }\n\n"
        "message bienvenue {\n  channel email\n  trigger inscription\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        events = campaign.events
        messages = {m.name for m in campaign.messages}
        for message in campaign.messages:
            refs: list[tuple[str, str, str]] = []
            if message.trigger:
                refs.append(("event", message.trigger, "trigger.name"))
            if message.after_event:
                refs.append(("event", message.after_event[0], "after.name"))
            if message.after_message:
                refs.append(("message", message.after_message[0], "after.name"))
            refs.extend(("event", name, f"unless.{name}") for name in message.unless)
            for kind, name, key in refs:
                if kind == "event" and name not in events:
                    declared = ", ".join(f"`{e}`" for e in sorted(events)) or pgettext("events", "none")
                    yield ctx.finding(self, message.where(key), _("`{name}` is not a declared event (declared: "
                                                                  "{declared}){hint}: declare it with `event {name} "
                                                                  "{{ description \"…\" }}`").format(
                        name=name, declared=declared, hint=_hint(name, events)))
                elif kind == "message" and name not in messages:
                    yield ctx.finding(self, message.where(key), _("`{name}` is not a message of this campaign{hint}")
                                      .format(name=name, hint=_hint(name, messages)))

"""J003: reminders that keep coming after the customer acted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from .._v2 import journeys

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ReminderWithoutExit(Rule):
    """A journey sends more than one message after the same event, and a later one is covered by no `unless`.

    The first message is the one with the smallest offset; each message after
    it must be covered by an `unless` — its own, or one of a message before
    it on its path.
    """

    code = "J003"
    name = "reminder-without-exit"
    severity = Severity.WARNING
    why = (
        "The customer who bought after the first reminder still gets « vous avez oublié votre "
        "panier »: the surest way to turn a sale into an unsubscribe."
    )
    example = (
        "message panier_1 { channel email; after event panier_abandonne 1 hours }\n"
        "message panier_2 { channel email; after message panier_1 1 day }"
    )
    correction = (
        "message panier_1 { channel email; after event panier_abandonne 1 hours; unless achat }\n"
        "message panier_2 { channel email; after message panier_1 1 day }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        for event, steps in journeys(ctx.campaign).items():
            if len(steps) < 2:
                continue
            ordered = sorted(steps, key=lambda step: step.offset)
            first = ordered[0]
            for step in ordered[1:]:
                if step.message.unless or any(before.unless for before in step.path):
                    continue
                yield ctx.finding(self, step.message,
                                  _("`{message}` is sent after `{first}` in the `{event}` journey with no exit: add "
                                    "`unless` (e.g. `unless purchased`) so it stops for those who already acted")
                                  .format(message=step.message.name, first=first.message.name, event=event))

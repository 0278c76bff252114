"""J002: `after message` links that loop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class JourneyCycle(Rule):
    """`after message` links form a cycle (a message after itself, or A after B after A).

    Reported once per cycle, on its first message in the file.
    """

    code = "J002"
    name = "journey-cycle"
    severity = Severity.ERROR
    why = "A journey whose messages wait for each other can never start, or never stop."
    example = (
        "message relance_a { channel email; after message relance_b 1 day }\n"
        "message relance_b { channel email; after message relance_a 1 day }"
    )
    correction = (
        "message relance_a { channel email; after event panier_abandonne 1 hours }\n"
        "message relance_b { channel email; after message relance_a 1 day }"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        order = {m.name: index for index, m in enumerate(campaign.messages)}
        after = {m.name: m.after_message[0] for m in campaign.messages if m.after_message}
        reported: set[frozenset[str]] = set()
        for message in campaign.messages:
            chain = [message.name]
            current = after.get(message.name)
            while current is not None and current in order and current not in chain:
                chain.append(current)
                current = after.get(current)
            if current is None or current not in chain:
                continue
            cycle = chain[chain.index(current):]
            key = frozenset(cycle)
            if key in reported:
                continue
            reported.add(key)
            first = min(cycle, key=order.__getitem__)
            first_message = campaign.messages[order[first]]
            loop = " → ".join([*cycle, cycle[0]]) if len(cycle) > 1 else f"{first} → {first}"
            yield ctx.finding(self, first_message.where("after"),
                              _("these messages wait for each other ({loop}): the journey can never start").format(
                                  loop=loop))

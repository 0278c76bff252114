"""O007 vague-objective-text: nothing in the text can be measured or dated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...text.wording import excerpt
from ._shared import text_claims

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext

_STRAIGHT_QUOTES = ('"', '"')


class VagueObjectiveText(Rule):
    """An objective's `text` is vague: nothing in it can be measured or dated.

    The text has no number (no figure, percentage, "doubler") and no time
    frame (no "en trois mois", "by June 30").  A vague verb with a number and
    a time frame is fine: "Augmenter les abonnés Instagram de 20 % en trois
    mois".
    """

    code = "O007"
    name = "vague-objective-text"
    severity = Severity.WARNING
    why = (
        "The text is what the team repeats and what ends up in the brief. "
        "\"Augmenter la notoriété de la marque\" gives nobody a figure or a date to "
        "work towards; \"augmenter les abonnés Instagram de 20 % en trois mois\" does, "
        "and keeps everyone aiming at the same thing."
    )
    example = 'objective notoriete {\n  text "Augmenter la notoriété de la marque"\n}'
    correction = 'objective notoriete {\n  text "Augmenter les abonnés Instagram de 20 % en trois mois"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        for objective in campaign.objectives:
            if objective.text is None or not objective.text.value.strip():
                continue
            if text_claims(objective, campaign).is_vague:
                yield ctx.finding(
                    self, objective.text.span,
                    _("objective text {text} is vague: it has no number to reach and no time frame; "
                      "say how much and by when").format(text=excerpt(objective.text.value, 80, _STRAIGHT_QUOTES)),
                )

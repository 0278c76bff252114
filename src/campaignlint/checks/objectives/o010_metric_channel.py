"""O010 metric-channel-not-used: the metric's channel carries no message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...model import Campaign
from ...rule import Rule
from .._format import names

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class MetricChannelNotUsed(Rule):
    """The objective's metric belongs to a channel that no message uses.

    A dotted metric whose first part is a channel name
    (`instagram.followers`, `email.open_rate`) is tied to that channel; the
    rule fires when no message of the campaign is sent on it.  Two names of
    one platform (`twitter` and `x`: same kind and same `utm_source`) count
    as the same channel.
    """

    code = "O010"
    name = "metric-channel-not-used"
    severity = Severity.WARNING
    why = (
        "An objective is Relevant when the campaign's actions can move it. Counting "
        "on Instagram followers while every message goes out by email and SMS "
        "leaves the objective to chance, and the result will say nothing about "
        "the campaign."
    )
    example = ("objective abonnes {\n  metric instagram.followers\n}\n\n"
               "message relance {\n  channel email\n}")
    correction = ("objective abonnes {\n  metric instagram.followers\n}\n\n"
                  "message teaser {\n  channel instagram\n}\n\n"
                  "message relance {\n  channel email\n}")

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        used = list(dict.fromkeys(m.channel for m in campaign.messages if m.channel))
        platforms = {self._platform(campaign, name) for name in used}
        for objective in campaign.objectives:
            if not objective.metric or "." not in objective.metric:
                continue
            channel = objective.metric.split(".", 1)[0]
            if channel not in campaign.known_channels and channel not in campaign.channels:
                continue
            if channel in used or self._platform(campaign, channel) in platforms:
                continue
            if used:
                others = _(" (its messages go out on {channels})").format(channels=names(used))
            else:
                others = _(" (it has no message yet)")
            yield ctx.finding(
                self, objective.where("metric"),
                _("metric `{metric}` is measured on {channel}, but no message of this campaign is sent "
                  "on {channel}{others}").format(metric=objective.metric, channel=channel, others=others),
            )

    @staticmethod
    def _platform(campaign: Campaign, name: str) -> tuple:
        """Channels that are one platform under two names (`twitter` and `x`) share
        their kind and their `utm_source`."""
        profile = campaign.channel_profile(name)
        if profile is None or not profile.utm_source:
            return ("name", name)
        return ("platform", profile.kind, profile.utm_source)

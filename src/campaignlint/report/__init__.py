"""The HTML report: one self-contained page a marketing team can read.

It reads two things only: the findings (:mod:`campaignlint.findings`) and the
resolved model of each file (:mod:`campaignlint.model`).  ``build`` turns them
into the views (summary, coverage, calendar, messages, budget: plain data,
unit-tested), ``render_html`` writes them with the Jinja templates shipped in
this package, autoescaped (campaign copy is untrusted text), the stylesheet and
the little script inlined: the page needs no network and works without
JavaScript.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Severity
from .budget import Budget, build_budget
from .calendar import Calendar, build_calendar
from .data import (Anchors, Attribution, CampaignInput, Matrix, Summary, campaigns_of, channel_matrix,
                   family_label, segment_matrix, summary)
from .messages import FindingView, MessageView, finding_view, message_views

SETTINGS = ("max-messages-per-day", "holidays-subdivision", "tier-tolerance")


@dataclass
class CampaignView:
    anchor: str
    name: str
    title: str
    path: str
    facts: list[tuple[str, str]]
    segments: Matrix
    channels: Matrix
    calendar: Calendar | None
    messages: list[MessageView]
    budget: Budget | None
    others: list[tuple[str, list[FindingView]]] = field(default_factory=list)  # by topic: not about one message


@dataclass
class Report:
    title: str
    generated: str
    summary: Summary
    campaigns: list[CampaignView]
    unread: list[str] = field(default_factory=list)  # files whose model could not be built
    loose: list[tuple[str, list[FindingView]]] = field(default_factory=list)  # by file: outside every campaign


def _facts(item: CampaignInput) -> list[tuple[str, str]]:
    from ..i18n import gettext as _
    from .fmt import format_date, format_money

    campaign = item.campaign
    facts = [(_("File"), item.path)]
    if campaign.brand is not None:
        facts.append((_("Brand"), campaign.brand.display_name or campaign.brand.name))
    if campaign.period:
        start, end = campaign.period
        facts.append((_("Period"), _("{start} to {end}").format(start=format_date(start, year=True),
                                                                end=format_date(end, year=True))))
    if campaign.budget:
        facts.append((_("Budget"), format_money(campaign.budget.amount, campaign.budget.currency)))
    if campaign.owner:
        facts.append((_("Owner"), campaign.owner))
    facts.append((_("Funnel"), " → ".join(campaign.funnel)))
    return facts


def build(findings: list[Finding], files: list[str], models: list[tuple[str, object, dict]],
          threshold: Severity = Severity.ERROR, title: str | None = None) -> Report:
    """The report's data: ``models`` is ``[(display path, CampaignFile or None, settings)]``."""
    from ..i18n import gettext as _

    campaigns = campaigns_of(models)
    anchors = Anchors()
    attribution = Attribution(campaigns)
    views = []
    for index, item in enumerate(campaigns, 1):
        campaign = item.campaign
        settings = next((s for p, _m, s in models if p == item.path), {})
        views.append(CampaignView(
            f"campaign-{index}", campaign.name, campaign.display_name or campaign.name, item.path, _facts(item),
            segment_matrix(campaign, anchors), channel_matrix(campaign, anchors), build_calendar(item, anchors),
            message_views(item, findings, attribution, anchors),
            build_budget(campaign, float(settings.get("tier-tolerance", 10))),
        ))
    placed = {f.anchor for view in views for m in view.messages for f in m.findings_all}
    others: dict[int, dict[str, list[FindingView]]] = {}
    loose: dict[str, list[FindingView]] = {}
    for finding in findings:
        item = finding_view(finding, anchors)
        if item.anchor in placed:
            continue
        owner = attribution.owner(finding)
        if owner is not None:
            others.setdefault(id(owner.campaign), {}).setdefault(family_label(finding.code), []).append(item)
        else:
            loose.setdefault(finding.path, []).append(item)
    for view, item in zip(views, campaigns):
        view.others = list(others.get(id(item.campaign), {}).items())
    overview = summary(findings, files, campaigns, attribution, anchors, threshold)
    if title is None:
        names = [view.title for view in views]
        title = _("Campaign review: {names}").format(names=", ".join(names)) if names else _("Campaign review")
    unread = [path for path, model, _s in models if model is None]
    return Report(title, dt.datetime.now().strftime("%Y-%m-%d %H:%M"), overview, views, unread, list(loose.items()))


def _settings(config) -> dict:
    found = {}
    for key in SETTINGS:
        try:
            found[key] = config.setting(key)
        except KeyError:
            continue
    return found


def load_models(linter, files: list[str]) -> list[tuple[str, object, dict]]:
    """The resolved model of each linted file (display paths), read the way the linter reads it."""
    loaded = []
    for display in files:
        path = Path(display) if os.path.isabs(display) else linter.cwd / display
        config = linter.config_for(Path(os.path.abspath(path)))
        found = linter.loaded(path)
        if found is None or found.model is None:
            try:
                loader = linter.loader_for(config, linter.project_root(config, Path(os.path.abspath(path)), None))
                found = loader.load(Path(os.path.abspath(path)))
            except OSError:
                found = None
        loaded.append((display, found.model if found is not None else None, _settings(config)))
    return loaded


def render_html(report: Report) -> str:
    from .render import render

    return render(report)


def html_for_run(findings: list[Finding], files: list[str], linter, threshold: Severity) -> str:
    """The whole page for a lint run (``check --format html``, ``report``)."""
    return render_html(build(findings, files, load_models(linter, files), threshold))

"""What the report shows, computed from the findings and the resolved model only.

The views are plain dataclasses (no HTML here): the summary, the coverage
matrices (segments × stages, channels × stages) and the attribution of each
finding to the message or the channel it is about.  The calendar, the message
copy and the budget live in their own modules.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath
from dataclasses import dataclass, field

from ..findings import Applicability, Finding, Severity
from .. import i18n
from ..i18n import gettext as _
from ..model import Campaign, CampaignFile, Message

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_RULE_CODE = re.compile(r"^[A-Z]\d{3}$")


def severity_label(severity: Severity) -> str:
    return {Severity.ERROR: _("Error"), Severity.WARNING: _("Warning"), Severity.INFO: _("Tip")}[severity]


def family_label(code: str) -> str:
    """The family of a rule code in plain words (``C003`` → ``Channel limits and formats``)."""
    labels = {
        "E": _("File and syntax"), "O": _("Objectives"), "K": _("KPIs"), "S": _("Segments and coverage"),
        "F": _("Funnel and journey"), "C": _("Channel limits and formats"), "T": _("Tone and voice"),
        "M": _("Consistency across channels"), "U": _("Tracking links"), "B": _("Budget"), "P": _("Planning"),
        "N": _("Linter housekeeping"),
    }
    if _RULE_CODE.match(code) and code[0] in labels:
        return labels[code[0]]
    return _("Your own rules")


@dataclass
class CampaignInput:
    """One campaign to report on, with the settings of its file."""

    path: str  # display path of the file that defines it
    campaign: Campaign
    max_per_day: int = 2
    holidays_subdivision: str | None = None


def campaigns_of(models: list[tuple[str, CampaignFile | None, dict]]) -> list[CampaignInput]:
    """Every campaign of the loaded files: ``(display path, model, settings)`` → inputs."""
    found = []
    for path, model, settings in models:
        if model is None:
            continue
        for campaign in model.campaigns:
            found.append(CampaignInput(path, campaign, int(settings.get("max-messages-per-day", 2)),
                                       settings.get("holidays-subdivision")))
    return found


# ------------------------------------------------------------------ anchors and attribution

class Anchors:
    """Stable ``id`` attributes for messages and findings across the whole report."""

    def __init__(self) -> None:
        self._messages: dict[int, str] = {}
        self._findings: dict[int, str] = {}

    def message(self, message: Message) -> str:
        return self._messages.setdefault(id(message), f"msg-{len(self._messages) + 1}")

    def finding(self, finding: Finding) -> str:
        return self._findings.setdefault(id(finding), f"finding-{len(self._findings) + 1}")


@dataclass
class Owner:
    campaign: Campaign
    message: Message | None = None
    channel: str | None = None


def _message_spans(message: Message):
    yield message.span
    yield from message.spans.values()
    for text in message.texts + message.links:
        yield text.span
    for variant in message.variants:
        yield variant.span
        yield from variant.spans.values()
        for text in variant.texts + variant.links:
            yield text.span


class Attribution:
    """Which message, channel and campaign each finding is about (by where it points)."""

    def __init__(self, campaigns: list[CampaignInput]):
        self._spans: list[tuple[str, int, int, Owner]] = []
        for item in campaigns:
            campaign = item.campaign
            for message in campaign.messages:
                owner = Owner(campaign, message, message.channel)
                for span in _message_spans(message):
                    self._spans.append((span.path, span.start, span.end, owner))
            for name, channel in campaign.channels.items():
                owner = Owner(campaign, None, name)
                for span in [channel.span, *channel.spans.values()]:
                    self._spans.append((span.path, span.start, span.end, owner))
            for span in [campaign.span, *campaign.spans.values()]:
                self._spans.append((span.path, span.start, span.end, Owner(campaign)))

    def owner(self, finding: Finding) -> Owner | None:
        """The narrowest known stretch of the model that holds the start of the finding."""
        offset = finding.range.start_offset
        best = None
        for path, start, end, owner in self._spans:
            if path != finding.path or not (start <= offset < end or offset == start == end):
                continue
            if best is None or end - start < best[0]:
                best = (end - start, owner)
        return best[1] if best else None

    def channel(self, finding: Finding) -> str | None:
        owner = self.owner(finding)
        return owner.channel if owner else None


# ------------------------------------------------------------------ summary

@dataclass
class CountRow:
    label: str
    counts: dict[str, int]  # severity value → count
    total: int


@dataclass
class BlockingRule:
    code: str
    name: str
    severity: str
    severity_label: str
    count: int
    places: list[tuple[str, str]]  # (file name:line, anchor of the finding) of each finding


def readable_name(name: str) -> str:
    """``channel-budgets-over-campaign`` → ``Channel budgets over campaign``."""
    text = name.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def rule_title(code: str, name: str) -> str:
    """How a rule is named in the report: its name in words, or in another language its translated summary."""
    summary = i18n.rule_docs().get(code, {}).get("summary")
    return summary.strip() if isinstance(summary, str) and summary.strip() else readable_name(name)


@dataclass
class FixRow:
    path: str
    safe: int
    unsafe: int


@dataclass
class Summary:
    files: list[str]
    total: int
    totals: dict[str, int]
    by_family: list[CountRow]
    by_channel: list[CountRow]
    threshold: str
    threshold_label: str
    blocking: list[BlockingRule]
    fixes: list[FixRow]
    campaigns: int
    messages: int


def _rows(findings: list[Finding], key) -> list[CountRow]:
    groups: dict[str, Counter] = {}
    for finding in findings:
        groups.setdefault(key(finding), Counter())[finding.severity.value] += 1
    rows = [CountRow(label, {s.value: counts[s.value] for s in SEVERITIES}, sum(counts.values()))
            for label, counts in groups.items()]
    return sorted(rows, key=lambda r: (-r.counts["error"], -r.total, r.label))


def summary(findings: list[Finding], files: list[str], campaigns: list[CampaignInput],
            attribution: Attribution, anchors: Anchors, threshold: Severity) -> Summary:
    totals = Counter(f.severity.value for f in findings)
    blocking: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity.rank >= threshold.rank:
            blocking.setdefault(finding.code, []).append(finding)
    blocking_rows = [
        BlockingRule(code, rule_title(code, group[0].rule_name or code), group[0].severity.value,
                     severity_label(group[0].severity), len(group),
                     [(f"{PurePath(f.path).name}:{f.range.start_line}", anchors.finding(f)) for f in group])
        for code, group in sorted(blocking.items(), key=lambda item: (-item[1][0].severity.rank, item[0]))
    ]
    fixes: dict[str, list[int]] = {path: [0, 0] for path in files}
    for finding in findings:
        if finding.fix is not None:
            slot = 0 if finding.fix.applicability is Applicability.SAFE else 1
            fixes.setdefault(finding.path, [0, 0])[slot] += 1
    no_channel = _("Not about one channel")
    return Summary(
        files=list(files), total=len(findings), totals={s.value: totals[s.value] for s in SEVERITIES},
        by_family=_rows(findings, lambda f: family_label(f.code)),
        by_channel=_rows(findings, lambda f: attribution.channel(f) or no_channel),
        threshold=threshold.value, threshold_label=severity_label(threshold), blocking=blocking_rows,
        fixes=[FixRow(path, safe, unsafe) for path, (safe, unsafe) in fixes.items() if safe or unsafe],
        campaigns=len(campaigns), messages=sum(len(c.campaign.messages) for c in campaigns),
    )


# ------------------------------------------------------------------ coverage matrices

@dataclass
class Entry:
    message: str
    channel: str
    anchor: str


@dataclass
class Cell:
    entries: list[Entry] = field(default_factory=list)
    gap: bool = False  # empty, with messages before and after it in the row

    @property
    def empty(self) -> bool:
        return not self.entries


@dataclass
class MatrixRow:
    label: str
    cells: list[Cell]
    note: str = ""


@dataclass
class Matrix:
    caption: str
    corner: str
    columns: list[str]
    rows: list[MatrixRow]
    show_channel: bool = True  # name the channel next to each message

    @property
    def empty_cells(self) -> int:
        return sum(cell.empty for row in self.rows for cell in row.cells)

    @property
    def gaps(self) -> int:
        return sum(cell.gap for row in self.rows for cell in row.cells)


def _stages(campaign: Campaign) -> list[str]:
    stages = list(campaign.funnel)
    if any(m.stage not in campaign.funnel for m in campaign.messages):
        stages.append(_("(no stage)"))
    return stages


def _column(campaign: Campaign, message: Message, stages: list[str]) -> int:
    return campaign.funnel.index(message.stage) if message.stage in campaign.funnel else len(stages) - 1


def _mark_gaps(cells: list[Cell]) -> None:
    filled = [index for index, cell in enumerate(cells) if not cell.empty]
    if filled:
        for index in range(filled[0] + 1, filled[-1]):
            cells[index].gap = cells[index].empty


def segment_matrix(campaign: Campaign, anchors: Anchors) -> Matrix:
    stages = _stages(campaign)
    rows: list[MatrixRow] = []
    if campaign.segments:
        groups: dict[str, list[Message]] = {name: [] for name in campaign.segments}
        unsegmented = []
        for message in campaign.messages:
            known = [name for name in dict.fromkeys(message.segments) if name in groups]
            for name in known:
                groups[name].append(message)
            if not known:
                unsegmented.append(message)
        labelled = [(name, messages, "") for name, messages in groups.items()]
        if unsegmented:
            labelled.append((_("(no segment)"), unsegmented, _("these messages name no segment of the campaign")))
    else:
        labelled = [(_("Whole audience"), list(campaign.messages), _("the campaign defines no segment"))]
    for label, messages, note in labelled:
        cells = [Cell() for _stage in stages]
        for message in messages:
            cells[_column(campaign, message, stages)].entries.append(
                Entry(message.name, message.channel or "?", anchors.message(message)))
        _mark_gaps(cells)
        rows.append(MatrixRow(label, cells, note))
    return Matrix(_("Who is reached at each stage of the funnel"), _("Segment"), stages, rows)


def channel_matrix(campaign: Campaign, anchors: Anchors) -> Matrix:
    stages = _stages(campaign)
    names = list(campaign.channels)
    for message in campaign.messages:
        if message.channel and message.channel not in names:
            names.append(message.channel)
    rows = []
    for name in names:
        cells = [Cell() for _stage in stages]
        for message in campaign.messages:
            if message.channel == name:
                cells[_column(campaign, message, stages)].entries.append(
                    Entry(message.name, name, anchors.message(message)))
        _mark_gaps(cells)
        note = "" if name in campaign.channels else _("not declared in the campaign")
        rows.append(MatrixRow(name, cells, note))
    return Matrix(_("What each channel does at each stage"), _("Channel"), stages, rows, show_channel=False)

"""The messages view: each message's copy with its findings highlighted, and length gauges.

A finding points at source offsets; a text field knows the source offset of
each of its characters (``Text.char_offsets``), so a finding is placed on the
characters of the copy it covers.  The copy is cut at every finding boundary
into pieces; a piece covered by findings is highlighted with all of them.  A
finding that covers the whole field (or more) is listed with the field rather
than painted over all of it.

Gauges measure each limited field the way its channel does (``counting``),
against the channel's hard ``limit`` or ``recommend`` bounds; an SMS body
shows its segments, its encoding and the characters that forced UCS-2.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..findings import Applicability, Finding, Severity
from .. import i18n
from ..i18n import gettext as _
from ..i18n import ngettext
from ..model import Campaign, ChannelProfile, Message, Text
from ..text.counting import describe_unit, measure
from ..text.sms import sms_info
from .data import Anchors, Attribution, CampaignInput, severity_label
from .fmt import format_amount, format_date, format_percent, format_time, local_time


@dataclass
class FindingView:
    anchor: str
    code: str
    name: str
    severity: str
    severity_label: str
    message: str
    fix: str
    where: str  # path:line:column


@dataclass
class Piece:
    text: str
    findings: list[FindingView] = field(default_factory=list)
    tip: str = ""  # id of the piece's description

    @property
    def severity(self) -> str:
        ranks = {"error": 2, "warning": 1, "info": 0}
        return max((f.severity for f in self.findings), key=ranks.__getitem__) if self.findings else ""

    @property
    def codes(self) -> str:
        return " ".join(dict.fromkeys(f.code for f in self.findings))


@dataclass
class Gauge:
    label: str
    used: int
    limit: int
    unit: str
    over: bool
    under: bool = False
    soft: bool = False  # a recommendation, not a hard limit
    detail: str = ""

    @property
    def percent(self) -> float:
        return min(100.0, self.used * 100 / self.limit) if self.limit else 100.0

    @property
    def text(self) -> str:
        used, limit = self.used, self.limit
        if i18n.language() != "en":  # "2 200"
            used, limit = format_amount(used), format_amount(limit)
        return _("{used} of {limit} {unit}").format(used=used, limit=limit, unit=self.unit)

    @property
    def status(self) -> str:
        if self.over:
            return _("too long by {n}").format(n=self.used - self.limit)
        if self.under:
            return _("shorter than recommended")
        return _("fits ({share} used)").format(share=format_percent(self.used * 100 / self.limit if self.limit else 0))


@dataclass
class FieldView:
    label: str
    variant: str
    pieces: list[Piece]
    whole: list[FindingView]
    gauges: list[Gauge]


@dataclass
class MessageView:
    anchor: str
    name: str
    channel: str
    stage: str
    segments: list[str]
    when: str
    offer: str
    fields: list[FieldView]
    links: list[str]
    other: list[FindingView]  # about the message, not one spot of its copy

    @property
    def findings_all(self) -> list[FindingView]:
        """Every finding of the message once, in the order of the copy, then the others."""
        found: dict[str, FindingView] = {}
        for view in self.fields:
            for item in view.whole:
                found.setdefault(item.anchor, item)
            for piece in view.pieces:
                for item in piece.findings:
                    found.setdefault(item.anchor, item)
        for item in self.other:
            found.setdefault(item.anchor, item)
        return list(found.values())

    @property
    def count(self) -> int:
        return len(self.findings_all)


def field_label(name: str) -> str:
    labels = {"subject": _("Subject line"), "preheader": _("Preheader"), "title": _("Title"),
              "headline": _("Headline"), "description": _("Description"), "body": _("Body"),
              "cta": _("Call to action"), "sender": _("Sender")}
    return labels.get(name, name)


def finding_view(finding: Finding, anchors: Anchors) -> FindingView:
    fix = ""
    if finding.fix is not None:
        how = finding.fix.description or _("; ").join(
            _("replace with “{text}”").format(text=e.replacement) if e.replacement else _("remove the text")
            for e in finding.fix.edits)
        if finding.fix.applicability is Applicability.SAFE:
            fix = _("Automatic fix (campaignlint check --fix): {how}").format(how=how)
        else:
            fix = _("Suggested fix, to review (--fix --unsafe-fixes): {how}").format(how=how)
    where = f"{finding.path}:{finding.range.start_line}:{finding.range.start_column}"
    return FindingView(anchors.finding(finding), finding.code, finding.rule_name or finding.code,
                       finding.severity.value, severity_label(finding.severity), finding.message, fix, where)


def _covered(text: Text, finding: Finding) -> tuple[int, int] | None:
    """The value indices ``[start, end)`` a finding covers, or None when it misses the text."""
    offsets = text.char_offsets or []
    count = len(text.value)
    if finding.path != text.span.path or not offsets:
        return None
    start, end = finding.range.start_offset, finding.range.end_offset
    inside = [i for i in range(min(count, len(offsets))) if start <= offsets[i] < end]
    if not inside:
        return None
    return inside[0], inside[-1] + 1


def pieces_of(text: Text, spots: list[tuple[int, int, FindingView]]) -> list[Piece]:
    """Cut ``text.value`` at every boundary of ``spots`` (value indices) into highlighted pieces."""
    value = text.value
    cuts = sorted({0, len(value), *(s for s, _e, _f in spots), *(e for _s, e, _f in spots)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [view for s, e, view in spots if s <= start and end <= e]
        if pieces and not covering and not pieces[-1].findings:
            pieces[-1].text += value[start:end]
        else:
            pieces.append(Piece(value[start:end], covering))
    return pieces or [Piece("")]


def _gauges(text: Text, field_name: str, profile: ChannelProfile | None) -> list[Gauge]:
    if profile is None:
        return []
    gauges = []
    unit = profile.counting
    limit = profile.limits.get(field_name)
    if limit:
        used = measure(text.value, unit)
        gauges.append(Gauge(_("Length"), used, limit, describe_unit(unit), used > limit))
    low, high = profile.recommend.get(field_name, (None, None))
    if high or low:
        used = measure(text.value, unit)
        bound = high or low
        gauges.append(Gauge(_("Recommended length"), used, bound, describe_unit(unit), bool(high and used > high),
                            bool(low and used < low), soft=True))
    if unit == "gsm" and field_name == "body":
        info = sms_info(text.value)
        allowed = profile.maxima.get("segments")
        detail = _("Sent as {encoding}: one SMS holds {single} characters, each part of a longer one {part}.").format(
            encoding=info.encoding, single=info.single_capacity, part=info.part_capacity)
        if info.non_gsm:
            shown = ", ".join(dict.fromkeys(f"{ch} ({unicodedata.name(ch, 'U+%04X' % ord(ch)).lower()})"
                                            for _i, ch in info.non_gsm))
            detail += " " + ngettext("This character forces UCS-2: {chars}.",
                                     "These characters force UCS-2: {chars}.",
                                     len({ch for _i, ch in info.non_gsm})).format(chars=shown)
        capacity = (info.single_capacity if (allowed or 1) == 1 else (allowed or 1) * info.part_capacity)
        gauges.append(Gauge(_("SMS length"), info.units, capacity,
                            _("{encoding} characters").format(encoding=info.encoding),
                            info.units > capacity, detail=detail))
        if allowed:
            gauges.append(Gauge(_("SMS segments"), info.segments, allowed,
                                ngettext("segment", "segments", allowed), info.segments > allowed))
    return gauges


def message_views(item: CampaignInput, findings: list[Finding], attribution: Attribution,
                  anchors: Anchors) -> list[MessageView]:
    campaign: Campaign = item.campaign
    by_message: dict[int, list[Finding]] = {}
    for finding in findings:
        owner = attribution.owner(finding)
        if owner is not None and owner.message is not None and owner.campaign is campaign:
            by_message.setdefault(id(owner.message), []).append(finding)
    views = []
    for message in campaign.messages:
        views.append(_message_view(campaign, message, by_message.get(id(message), []), anchors))
    return views


def _message_view(campaign: Campaign, message: Message, findings: list[Finding], anchors: Anchors) -> MessageView:
    profile = campaign.channel_profile(message.channel)
    placed: set[int] = set()
    fields = []
    tips = 0
    targets = [("", text) for text in message.texts]
    for variant in message.variants:
        targets += [(variant.name, text) for text in variant.texts]
    repeated = Counter((variant_name, text.field) for variant_name, text in targets)
    seen: Counter = Counter()
    for variant_name, text in targets:
        seen[(variant_name, text.field)] += 1
        label = field_label(text.field)
        if repeated[(variant_name, text.field)] > 1:
            label = _("{field} {number}").format(field=label, number=seen[(variant_name, text.field)])
        spots, whole = [], []
        for finding in findings:
            covered = _covered(text, finding)
            if covered is None:
                continue
            placed.add(id(finding))
            view = finding_view(finding, anchors)
            if covered == (0, len(text.value)) and len(text.value) > 1:
                whole.append(view)
            else:
                spots.append((*covered, view))
        pieces = pieces_of(text, spots)
        for piece in pieces:
            if piece.findings:
                tips += 1
                piece.tip = f"{anchors.message(message)}-tip-{tips}"
        fields.append(FieldView(label, variant_name, pieces, whole,
                                _gauges(text, text.field, profile)))
    other = [finding_view(f, anchors) for f in findings if id(f) not in placed]
    when = ""
    if message.at is not None:
        at = local_time(message.at, campaign.timezone)
        when = _("{date} at {time}").format(date=format_date(at.date(), year=True), time=format_time(at))
    return MessageView(anchors.message(message), message.name, message.channel or "?", message.stage or "",
                       list(message.segments), when, message.offer or "", fields,
                       [link.value for link in message.all_links()], other)


SEVERITY_RANK = {s.value: s.rank for s in Severity}

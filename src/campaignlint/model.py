"""The resolved campaign model (pydantic).

``frontend/resolve/`` builds these objects from the parse tree: every reference is
resolved, every refinement applied (a built-in channel refined by the user's
top-level ``channel`` and then by the campaign's ``channel`` block; a brand's
voice refined by the campaign's).  Every object keeps where it was written
(``span``: its header; ``spans``: each attribute's value) so that findings
point at the exact spot.  Rules read only this model.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from .source import Span

DEFAULT_FUNNEL = ["awareness", "consideration", "conversion", "loyalty"]
AIDA_FUNNEL = ["attention", "interest", "desire", "action"]
TEXT_FIELDS = ("subject", "preheader", "title", "headline", "description", "body", "cta", "sender")
REPEATABLE_TEXT_FIELDS = ("headline", "description")


class Model(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True, validate_assignment=False)


class Text(Model):
    """A string value and where each of its characters came from."""

    value: str
    span: Span
    char_offsets: list[int] | None = Field(default=None, repr=False, exclude=True)
    char_ends: list[int] | None = Field(default=None, repr=False, exclude=True)

    def span_of(self, start: int, end: int) -> Span:
        """The source span of ``value[start:end]`` (through escapes and dedent)."""
        offsets = self.char_offsets
        if not offsets:
            return self.span
        start = max(0, min(start, len(offsets) - 1))
        end = max(start, min(end, len(offsets) - 1))
        if end == start:
            return Span(self.span.path, offsets[start], offsets[start])
        source_end = self.char_ends[end - 1] if self.char_ends else offsets[end - 1] + 1
        return Span(self.span.path, offsets[start], source_end)

    @property
    def verbatim(self) -> bool:
        """True when every character is written as itself (no escape, no dedent)."""
        if not self.char_offsets or not self.char_ends:
            return False
        return all(e - s == 1 for s, e in zip(self.char_offsets, self.char_ends)) and all(
            b == a + 1 for a, b in zip(self.char_offsets, self.char_offsets[1:-1])
        )

    def __str__(self) -> str:
        return self.value


class TextField(Text):
    field: str
    #: v2: the copy as written when it holds merge tags; ``value`` then has each
    #: tag blanked (same length, so offsets hold): copy rules read a tag as a
    #: neutral token, the V rules and the length rules read ``raw`` (language §6.3)
    raw: str | None = Field(default=None, exclude=True)

    @property
    def written(self) -> str:
        return self.raw if self.raw is not None else self.value

    @field_serializer("value")
    def _serialise_value(self, value: str) -> str:
        return self.raw if self.raw is not None else value


class Money(Model):
    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


class Percent(Model):
    value: Decimal
    signed: bool = False

    def __str__(self) -> str:
        sign = "+" if self.signed and self.value >= 0 else ""
        return f"{sign}{self.value}%"


class Duration(Model):
    amount: Decimal
    unit: Literal["years", "months", "weeks", "days", "hours", "minutes", "seconds"]

    def __str__(self) -> str:
        amount = int(self.amount) if self.amount == int(self.amount) else self.amount
        return f"{amount} {self.unit}"


Quantity = Money | Percent | Decimal

#: seconds in each duration unit (a month is 30 days, a year 365: frequency caps and journeys)
SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 7 * 86400,
           "months": 30 * 86400, "years": 365 * 86400}
#: a frequency cap's rolling period, in seconds (``email 3 per week``)
PERIOD_SECONDS = {"day": SECONDS["days"], "week": SECONDS["weeks"], "month": SECONDS["months"]}


def seconds(duration: Duration) -> float:
    return float(duration.amount) * SECONDS[duration.unit]


class Located(Model):
    span: Span
    spans: dict[str, Span] = Field(default_factory=dict, exclude=True)

    def where(self, attribute: str) -> Span:
        """Where ``attribute`` was written, or the object's header."""
        return self.spans.get(attribute, self.span)


class Preference(Model):
    preferred: str
    over: list[str]
    span: Span


class Variable(Located):
    """A contact field the sending platform substitutes into copy (language §6.3)."""

    name: str
    max_length: int | None = None
    may_be_empty: bool = True
    fallback: str | None = None
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None


class Event(Located):
    """Something that happens to a person and starts or stops a journey (§6.6)."""

    name: str
    description: str | None = None


class FrequencyCap(Model):
    """`email 3 per week`: at most ``count`` messages per rolling ``period`` (§6.7)."""

    channel: str  # a channel name or a kind
    count: int
    period: Literal["day", "week", "month"]
    span: Span

    @property
    def seconds(self) -> int:
        return PERIOD_SECONDS[self.period]

    def __str__(self) -> str:
        return f"{self.count} per {self.period}"


Ratio = tuple[Decimal, Decimal]


class Asset(Located):
    """An `image`, `video` or `thumbnail` of a message (§6.4)."""

    kind: Literal["image", "video", "thumbnail"]
    path: Text
    alt: Text | None = None
    ratio: Ratio | None = None
    width: int | None = None
    height: int | None = None
    size: int | None = None  # bytes
    duration: Duration | None = None
    captions: bool | None = None
    retouched: bool | None = None
    generated: bool | None = None
    thumbnail: "Asset | None" = None


class AssetSpec(Located):
    """What a channel (or one of its placements) accepts for one asset kind."""

    kind: str
    #: accepted ratios: each a (low, high) range of width/height values; a point is (r, r)
    ratios: list[tuple[float, float]] | None = None
    ratios_text: str | None = None
    width: tuple[int | None, int | None] | None = None
    height: tuple[int | None, int | None] | None = None
    recommend_width: tuple[int | None, int | None] | None = None
    recommend_height: tuple[int | None, int | None] | None = None
    recommend_size: tuple[int | None, int | None] | None = None
    max_size: int | None = None
    duration: tuple[float | None, float | None] | None = None  # seconds
    duration_text: str | None = None
    max_alt: int | None = None
    captions: Literal["required", "recommended", "optional"] | None = None


class Voice(Located):
    tone: list[str] = Field(default_factory=list)
    address: Literal["formal", "informal", "any"] | None = None
    max_exclamations: int | None = None
    max_emoji: int | None = None
    prefer: list[Preference] = Field(default_factory=list)
    avoid: list[Text] = Field(default_factory=list)
    readability: Decimal | None = None
    # words the team accepts as written (acronyms, exam and product names: "DELE", "EV3"):
    # never shouting, never hype, never an avoided term (Vale's vocabulary `accept`)
    accept: list[str] = Field(default_factory=list)
    captions_required: bool | None = None


class Brand(Located):
    name: str
    display_name: str | None = None
    language: str | None = None
    website: str | None = None
    voice: Voice | None = None
    variables: dict[str, Variable] = Field(default_factory=dict)
    frequency: dict[str, FrequencyCap] = Field(default_factory=dict)


class ChannelProfile(Located):
    """A channel's constraints, after refinement."""

    name: str
    builtin: bool = False
    kind: str | None = None
    counting: str = "chars"
    limits: dict[str, int] = Field(default_factory=dict)
    recommend: dict[str, tuple[int | None, int | None]] = Field(default_factory=dict)
    maxima: dict[str, int] = Field(default_factory=dict)
    require: list[str] = Field(default_factory=list)
    opt_out: str | None = None
    quiet_hours: tuple[dt.time, dt.time] | None = None
    quiet_days: list[str] = Field(default_factory=list)
    tone: list[str] = Field(default_factory=list)
    readability: Decimal | None = None
    stages: list[str] = Field(default_factory=list)
    utm_source: str | None = None
    utm_medium: str | None = None
    # `cta field`: the platform shows a call-to-action button or field (a message's `cta`);
    # `cta inline`: it has none (Google Ads search, SMS), a link or a phone number in the text is it
    cta: Literal["field", "inline"] = "field"
    # `gsm table android` (default): capital Ç at 0x09, small ç sent in UCS-2, as senders do;
    # `gsm table standard`: the 3GPP TS 23.038 / Unicode mapping, small ç at 0x09
    gsm_table: Literal["android", "standard"] = "android"
    #: v2: the merge-tag syntax of the sending platform (`none`: cannot personalise)
    merge_tags: str | None = None
    assets: dict[str, AssetSpec] = Field(default_factory=dict)
    placements: dict[str, dict[str, AssetSpec]] = Field(default_factory=dict)
    footer: Text | None = None
    unsubscribe: str | None = None  # a URL, or "platform"
    sender: Text | None = None

    def asset_spec(self, kind: str, placement: str | None) -> AssetSpec | None:
        """The spec of ``kind`` on ``placement`` (the channel's own when None)."""
        if placement is not None:
            return self.placements.get(placement, {}).get(kind)
        return self.assets.get(kind)

    @property
    def syntax(self) -> str:
        return self.merge_tags or "none"


class CampaignChannel(Located):
    """A campaign's use of a channel: its settings and its effective profile."""

    name: str
    profile: ChannelProfile
    budget: Money | None = None
    tier: Literal["proven", "emerging", "experimental"] | None = None
    owner: str | None = None


class Segment(Located):
    name: str
    persona: str | None = None
    description: str | None = None
    size: int | None = None
    channels: list[str] = Field(default_factory=list)
    language: str | None = None
    #: v2: channel name or kind → legal basis; None when the segment declares no consent
    consent: dict[str, str] | None = None
    relationship: Literal["prospects", "customers", "mixed"] | None = None
    market: Literal["b2c", "b2b"] = "b2c"
    frequency: dict[str, FrequencyCap] = Field(default_factory=dict)


class Objective(Located):
    name: str
    text: Text | None = None
    metric: str | None = None
    baseline: Money | Percent | Decimal | None = None
    target: Money | Percent | Decimal | None = None
    deadline: dt.date | None = None
    within: Duration | None = None
    owner: str | None = None
    kpi: list[str] = Field(default_factory=list)
    stage: str | None = None


class Offer(Located):
    name: str
    discount: Percent | Money | None = None
    code: str | None = None
    price: Money | None = None
    starts: dt.date | None = None
    ends: dt.date | dt.datetime | None = None
    landing: Text | None = None
    terms: str | None = None
    reference_price: Money | Literal["landing"] | None = None
    terms_link: Text | None = None


class Variant(Located):
    name: str
    texts: list[TextField] = Field(default_factory=list)
    links: list[Text] = Field(default_factory=list)
    overrides: list[str] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)


class Message(Located):
    name: str
    channel: str | None = None
    segments: list[str] = Field(default_factory=list)
    stage: str | None = None
    at: dt.datetime | None = None
    language: str = "en"
    offer: str | None = None
    texts: list[TextField] = Field(default_factory=list)
    links: list[Text] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)
    # v2 (language §6.4-§6.6, §7)
    placement: str | None = None
    assets: list[Asset] = Field(default_factory=list)
    trigger: str | None = None
    after_event: tuple[str, Duration] | None = None
    after_message: tuple[str, Duration] | None = None
    unless: list[str] = Field(default_factory=list)
    send_window: tuple[dt.time, dt.time] | None = None
    send_days: list[str] = Field(default_factory=list)
    skip_holidays: bool = False
    unsubscribe: str | None = None
    influencer: str | None = None
    categories: list[str] | None = None

    @property
    def triggered(self) -> bool:
        """Sent on an event or after another message, not at a date (§6.6)."""
        return bool(self.trigger or self.after_event or self.after_message)

    def all_assets(self) -> list[Asset]:
        """The message's assets, its videos' thumbnails, and its variants' assets."""
        found: list[Asset] = []
        for asset in [*self.assets, *(a for v in self.variants for a in v.assets)]:
            found.append(asset)
            if asset.thumbnail is not None:
                found.append(asset.thumbnail)
        return found

    def text(self, field: str) -> TextField | None:
        return next((t for t in self.texts if t.field == field), None)

    def has(self, field: str) -> bool:
        if field == "link":
            return bool(self.links)
        return any(t.field == field for t in self.texts)

    def copy_texts(self) -> list[TextField]:
        """Every text field of the message and of its variants."""
        found = list(self.texts)
        for variant in self.variants:
            found.extend(variant.texts)
        return found

    def all_links(self) -> list[Text]:
        found = list(self.links)
        for variant in self.variants:
            found.extend(variant.links)
        return found


class CustomRule(Located):
    name: str
    code: str
    message: str
    severity: Literal["error", "warning", "info"] = "warning"
    channels: list[str] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list)
    segments: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    check: Literal["forbid", "require", "pattern", "require_pattern", "max_length"]
    terms: list[str] = Field(default_factory=list)
    pattern: str | None = None
    max_length: int | None = None
    suggest: str | None = None


class Campaign(Located):
    name: str
    display_name: str | None = None
    brand: Brand | None = None
    language: str = "en"
    theme: Text | None = None
    theme_keywords: list[Text] = Field(default_factory=list)
    period: tuple[dt.date, dt.date] | None = None
    timezone: str | None = None
    budget: Money | None = None
    owner: str | None = None
    attribution: str | None = None
    funnel: list[str] = Field(default_factory=lambda: list(DEFAULT_FUNNEL))
    clv: Money | None = None
    margin: Percent | None = None
    target_cpa: Money | None = None
    voice: Voice | None = None
    segments: dict[str, Segment] = Field(default_factory=dict)
    channels: dict[str, CampaignChannel] = Field(default_factory=dict)
    objectives: list[Objective] = Field(default_factory=list)
    offers: dict[str, Offer] = Field(default_factory=dict)
    messages: list[Message] = Field(default_factory=list)
    rules: list[CustomRule] = Field(default_factory=list)
    # v2: every variable and event visible in the campaign (nearest declaration wins)
    variables: dict[str, Variable] = Field(default_factory=dict)
    events: dict[str, Event] = Field(default_factory=dict)
    categories: list[str] = Field(default_factory=list)
    packs: list[str] = Field(default_factory=list)
    #: every channel profile known (built-in and user-defined), by name
    known_channels: dict[str, ChannelProfile] = Field(default_factory=dict, exclude=True)

    def channel_profile(self, name: str | None) -> ChannelProfile | None:
        if name is None:
            return None
        if name in self.channels:
            return self.channels[name].profile
        return self.known_channels.get(name)

    @property
    def last_stage(self) -> str:
        return self.funnel[-1]


class CampaignFile(Model):
    """Everything one file defines, resolved."""

    path: str
    imports: list[str] = Field(default_factory=list)
    brands: dict[str, Brand] = Field(default_factory=dict)
    channels: dict[str, ChannelProfile] = Field(default_factory=dict)
    segments: dict[str, Segment] = Field(default_factory=dict)
    rules: list[CustomRule] = Field(default_factory=list)
    campaigns: list[Campaign] = Field(default_factory=list)
    variables: dict[str, Variable] = Field(default_factory=dict)
    events: dict[str, Event] = Field(default_factory=dict)

"""T009 tone-out-of-bounds: measured tone against the tone words of the channel and the voice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from ...i18n import gettext as _
from ...i18n import ngettext
from ...findings import Finding, Severity
from ...rule import Rule
from ._shared import declared_by, field_label

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class ToneOutOfBounds(Rule):
    """A text's measured tone is outside the bounds of the tone words of its channel and the voice.

    Each text field is measured (:func:`campaignlint.language.tone.measure_tone`):
    exclamation marks per sentence, share of words in capitals, emoji,
    address (French), mean sentence length and reading ease.  Each tone word
    declared by the channel (`tone` of its profile) or the voice maps to
    bounds in ``rules/tones.toml`` ("informative": at most 0.5 exclamation
    marks per sentence…); every bound crossed is one finding, which names the
    measured value, the tone word and who declared it.  A reading-ease bound
    no stricter than the channel's or voice's `readability` is left to T006.
    The `sender` field is not measured.  Words in capitals are counted with
    T005's logic (acronyms, short non-words such as "DELE", words with digits,
    names and the voice's `accept` words are not loud); sentences end at
    ``. ! ?``, at a line break before a new sentence, at an emoji followed by a
    capital and before a closing run of hashtags.

    **Which wins.**  A setting the user wrote always wins over a built-in
    default: when the voice (or the user's own `channel` block) sets `max
    exclamations`, `max emoji`, `address` or `readability`, the tone words that
    come only from the built-in channel profile (``rules/channels.camp``:
    linkedin's "authoritative", email's "informative"…) are not applied to that
    measure — T004, C007, T002 and T006 judge it against the user's figure.
    Tone words the user declared (in the voice, or in their own `channel`
    block) are always applied.

    **Unknown tone words.**  A tone word that ``rules/tones.toml`` does not
    know (`tone festive, chaleureux`) is reported by the resolver (E003, at the
    word, listing the known words with a "did you mean", « chaleureux » →
    'warm') and is not measured.
    """

    code = "T009"
    name = "tone-out-of-bounds"
    severity = Severity.WARNING
    why = (
        "Tone words in a style guide (« inspiring », « warm », "
        "« authoritative ») only help if they are kept: a LinkedIn post meant to "
        "be authoritative that exclaims three times, or a caring message full of "
        "emoji, contradicts the positioning the brand chose for that channel."
    )
    example = (
        'message li_post {\n  channel linkedin\n'
        '  body "Big news! Our forecasts now explain themselves! Try it today!"\n}'
    )
    correction = (
        'message li_post {\n  channel linkedin\n'
        '  body "Our forecasts now explain themselves, driver by driver. Try it on your own data."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ...language.capitals import exemptions_for
        from ...language.tone import check_tone, measure_tone

        campaign = ctx.campaign
        exemptions = exemptions_for(campaign)
        setups: dict[str | None, _Setup | None] = {}
        for message in campaign.messages:
            if message.channel not in setups:  # the same for every message of a channel
                setups[message.channel] = _setup(campaign, campaign.channel_profile(message.channel))
            setup = setups[message.channel]
            if setup is None:
                continue
            for text in message.copy_texts():
                if text.field == "sender" or not text.value.strip():
                    continue
                features = measure_tone(text.value, message.language, exemptions, ctx.nlp, setup.bounds)
                by_bound: dict[str, list] = {}
                for violation in check_tone(features, setup.tones):
                    if (violation.bound == "min_readability" and text.field == "body"
                            and setup.readability_floor is not None and violation.limit <= setup.readability_floor):
                        continue  # T006 reports it
                    if violation.tone in setup.defaults and violation.bound in setup.overridden:
                        continue  # the user's own setting wins over a built-in default tone
                    by_bound.setdefault(violation.bound, []).append(violation)
                for bound, violations in by_bound.items():
                    # one finding per bound: the strictest tone word, naming the others
                    lower_is_stricter = not bound.startswith("min_")
                    violations.sort(key=lambda v: v.limit if lower_is_stricter else -v.limit)
                    strictest, others = violations[0], violations[1:]
                    who = _(" and ").join(declared_by(name) for name in setup.declared.get(strictest.tone, []))
                    also = ""
                    if others:
                        also = ngettext("; {tones} is crossed too", "; {tones} are crossed too", len(others)).format(
                            tones=", ".join(_("'{tone}'").format(tone=v.tone) for v in others))
                    yield ctx.finding(
                        self, text.span,
                        _("{field_label} of message `{message}`: {message2}, a tone declared by {who}{also}").format(
                            field_label=field_label(message, text), message=message.name,
                            message2=strictest.message, who=who, also=also),
                    )


class _Setup(NamedTuple):
    """What T009 reads of a channel's profile and the voice, the same for every message of the channel."""

    declared: dict[str, list[str | None]]  # tone word -> who declared it: a channel's name, None for the voice
    tones: tuple[str, ...]  # the declared tone words, in order
    defaults: set[str]  # tone words nobody wrote: the built-in channel profile's default
    overridden: set[str]  # the bounds the user set explicitly (:func:`_explicit_bounds`)
    readability_floor: float | None  # the channel's or voice's `readability`, the higher
    bounds: frozenset[str]  # only what the declared tone words bound is measured


def _setup(campaign, profile) -> _Setup | None:
    """The tone words of ``profile`` and the voice, and what goes with them; ``None`` when there are none.

    Who declared a word is kept as a name and translated only when a finding
    names it (a gettext call per message otherwise).
    """
    from ...language.tone import bounds_of

    voice = campaign.voice
    voice_tones = list(voice.tone) if voice else []
    channel_tones = list(profile.tone) if profile else []
    if not (voice_tones or channel_tones):
        return None
    declared: dict[str, list[str | None]] = {}
    for tone in channel_tones:
        declared.setdefault(tone.strip().lower(), []).append(profile.name)
    for tone in voice_tones:
        declared.setdefault(tone.strip().lower(), []).append(None)
    defaults = {t.strip().lower() for t in channel_tones} if _default_tone(profile) else set()
    defaults -= {t.strip().lower() for t in voice_tones}
    readability_floor = max(
        [float(x) for x in (profile.readability if profile else None,
                            voice.readability if voice else None) if x is not None],
        default=None,
    )
    return _Setup(declared, tuple(declared), defaults, _explicit_bounds(campaign, profile), readability_floor,
                  bounds_of(declared))


_BUILTIN = "<built-in channels>"


def _user_set(located, key: str) -> bool:
    """``key`` of a voice or channel profile was written in the user's files (not the built-in profiles)."""
    span = located.spans.get(key) if located is not None else None
    return span is not None and span.path != _BUILTIN


def _default_tone(profile) -> bool:
    """The profile's `tone` is the built-in default, not one the user wrote."""
    return profile is not None and bool(profile.tone) and not _user_set(profile, "tone")


def _explicit_bounds(campaign, profile) -> set[str]:
    """The tone bounds the user set explicitly, in the voice or in their own channel block.

    `max exclamations` → exclamations per sentence, `max emoji` → emoji,
    `address` → formality, `readability` → reading ease.  On those, a built-in
    default tone word of the channel is not applied: the user's setting wins.
    """
    voice = campaign.voice
    out: set[str] = set()
    if voice is not None:
        if voice.max_exclamations is not None:
            out.add("max_exclamations_per_sentence")
        if voice.max_emoji is not None:
            out.add("max_emoji")
        if voice.address is not None:
            out.add("min_formality")
        if voice.readability is not None:
            out.add("min_readability")
    if profile is not None:
        if "exclamations" in profile.maxima and _user_set(profile, "max.exclamations"):
            out.add("max_exclamations_per_sentence")
        if "emoji" in profile.maxima and _user_set(profile, "max.emoji"):
            out.add("max_emoji")
        if profile.readability is not None and _user_set(profile, "readability"):
            out.add("min_readability")
    return out


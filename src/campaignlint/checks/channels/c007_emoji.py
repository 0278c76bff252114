"""C007 too-many-emoji."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule
from ...text import extract
from ._shared import field_label, profiled_messages

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


class TooManyEmoji(Rule):
    """More emoji in a text than the channel's or the voice's `max emoji`.

    The stricter of the two applies, and the message names which.  Each text
    field is counted on its own (the voice's `max emoji` is per message text);
    a whole emoji sequence (👍🏽, 👨‍👩‍👧, 🇫🇷) counts one.  The finding points at
    the first emoji over the limit.
    """

    code = "C007"
    name = "too-many-emoji"
    severity = Severity.WARNING
    why = (
        "Emoji are part of the brand's voice: the style guide fixes how many a "
        "text may carry so that every channel sounds like the same brand, and a "
        "string of emoji makes copy harder to read (and to hear, for screen readers)."
    )
    example = (
        "channel instagram { max emoji 2 }\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱🌿🌍✨ Notre collection de printemps arrive.\"\n}"
    )
    correction = (
        "channel instagram { max emoji 2 }\n\n"
        "message ig_teaser {\n  channel instagram\n"
        "  body \"Portez le changement 🌱 Notre collection de printemps arrive.\"\n}"
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        campaign = ctx.campaign
        voice = campaign.voice
        voice_max = voice.max_emoji if voice is not None else None
        brand_voice = campaign.brand.voice if campaign.brand is not None else None
        if voice is not None and brand_voice is not None and (
            voice is brand_voice or voice.spans.get("max_emoji") == brand_voice.spans.get("max_emoji")
        ):
            voice_name = _("the voice of brand `{brand}`").format(brand=campaign.brand.name)  # not changed here
        else:
            voice_name = _("the campaign's voice")
        for message, profile in profiled_messages(campaign):
            channel_max = profile.maxima.get("emoji")
            limits = [n for n in (channel_max, voice_max) if n is not None]
            if not limits:
                continue
            limit = min(limits)
            if channel_max == voice_max:
                who = _("{channel} and {voice} allow").format(channel=profile.name, voice=voice_name)
            elif channel_max == limit:
                who = _("{channel} allows").format(channel=profile.name)
            else:
                who = _("{voice} allows").format(voice=voice_name)
            for text in message.copy_texts():
                emoji = extract.extract_emoji(text.value)
                if len(emoji) <= limit:
                    continue
                first_extra = emoji[limit]
                yield ctx.finding(
                    self, text.span_of(first_extra.start, first_extra.end),
                    _("{field_label} has {count} emoji, more than {who} (max emoji {limit})").format(
                        field_label=field_label(message, text), count=len(emoji), who=who, limit=limit),
                )

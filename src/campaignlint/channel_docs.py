"""The documentation of the built-in channel profiles, generated from their data.

``channels_markdown()`` writes ``docs/channels.md`` from ``rules/channels.camp``:
the values come from the loaded profiles (``loader.builtin_channels()``), the
source of each profile from the comment lines written just above its
``channel`` block.  Regenerate the page after changing the data::

    python -m campaignlint.channel_docs            # writes docs/channels.md
    python -m campaignlint.channel_docs --check    # exit 1 if it is out of date

A test checks that the committed page equals the generated text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .model import ChannelProfile
from .resources import rules_path
from .text.counting import describe_unit

__all__ = ["channel_sources", "channels_markdown", "main"]

_CHANNEL_RE = re.compile(r"^channel\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{")

#: how each counting unit works, for the legend of docs/channels.md
_UNIT_DETAILS = {
    "chars": "one Unicode code point (after NFC normalisation)",
    "graphemes": "what the eye sees as one character: an emoji with modifiers is one",
    "utf16": "UTF-16 code units: an emoji outside the basic plane counts 2",
    "twitter": "twitter-text v3 weighted length: links count 23, emoji and CJK characters 2",
    "gsm": ("SMS: GSM-7 septets (€ [ ] { } \\ ~ ^ | count 2), or UTF-16 units once a character outside GSM 03.38 "
            "forces UCS-2"),
    "width": "display width: East Asian wide and full-width characters count 2",
}


def channel_sources(text: str | None = None) -> dict[str, str]:
    """Each built-in channel's source note: the comment lines just above its block.

    The lines are joined into one paragraph; a leading ``name —`` is dropped
    (``"twitter — O: twitter-text v3 …"`` gives ``"O: twitter-text v3 …"``).
    """
    if text is None:
        text = rules_path("channels.camp").read_text(encoding="utf-8")
    lines = text.splitlines()
    sources: dict[str, str] = {}
    for number, line in enumerate(lines):
        match = _CHANNEL_RE.match(line)
        if not match:
            continue
        comment: list[str] = []
        index = number - 1
        while index >= 0 and lines[index].lstrip().startswith("#"):
            comment.insert(0, lines[index].lstrip()[1:].strip())
            index -= 1
        note = " ".join(part for part in comment if part)
        name = match.group(1)
        note = re.sub(rf"^{re.escape(name)}\s*[—–-]\s*", "", note)
        sources[name] = note
    return sources


def _cell(value: str) -> str:
    return value.replace("|", "\\|") if value else "–"


def _limits(profile: ChannelProfile) -> str:
    return ", ".join(f"{field} {n}" for field, n in profile.limits.items())


def _recommend(profile: ChannelProfile) -> str:
    parts = []
    for field, (low, high) in profile.recommend.items():
        if low is not None and high is not None:
            parts.append(f"{field} {low} to {high}")
        elif low is not None:
            parts.append(f"{field} at least {low}")
        else:
            parts.append(f"{field} up to {high}")
    return ", ".join(parts)


def _other(profile: ChannelProfile) -> str:
    parts = [f"max {key} {n}" for key, n in profile.maxima.items()]
    if profile.require:
        parts.append("require " + ", ".join(profile.require))
    if profile.opt_out:
        parts.append(f'opt_out "{profile.opt_out}"')
    if profile.quiet_hours:
        start, end = profile.quiet_hours
        parts.append(f"quiet_hours {start:%H:%M} .. {end:%H:%M}")
    if profile.quiet_days:
        parts.append("quiet_days " + ", ".join(profile.quiet_days))
    if profile.cta == "inline":
        parts.append("cta inline")
    if profile.counting == "gsm":
        parts.append(f"gsm table {'standard' if profile.gsm_table == 'standard' else 'android'}")
    return "; ".join(parts)


def _spec(spec) -> str:
    """``ratios 1.91:1 .. 4:5; max size 30 MB; …`` (v2 asset specs)."""
    def size(n):
        for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
            if n >= factor and n % factor == 0:
                return f"{n // factor} {unit}"
        return f"{n} B"

    def bounds(pair, fmt=str):
        low, high = pair
        return f"{fmt(low) if low is not None else ''} .. {fmt(high) if high is not None else ''}".strip()

    parts = []
    if spec.ratios_text:
        parts.append(f"ratios {spec.ratios_text}")
    for key in ("width", "height"):
        if getattr(spec, key):
            parts.append(f"{key} {bounds(getattr(spec, key))}")
        if getattr(spec, f"recommend_{key}"):
            parts.append(f"recommend {key} {bounds(getattr(spec, f'recommend_{key}'))}")
    if spec.duration_text:
        parts.append(f"duration {spec.duration_text}")
    if spec.max_size is not None:
        parts.append(f"max size {size(spec.max_size)}")
    if spec.recommend_size:
        parts.append(f"recommend size {bounds(spec.recommend_size, size)}")
    if spec.max_alt is not None:
        parts.append(f"max alt {spec.max_alt}")
    if spec.captions:
        parts.append(f"captions {spec.captions}")
    return "; ".join(parts)


def _assets(profile: ChannelProfile) -> list[str]:
    lines = [f"  - `asset {kind}`: {_spec(spec)}" for kind, spec in profile.assets.items()]
    for name, specs in profile.placements.items():
        lines += [f"  - `placement {name}`, `asset {kind}`: {_spec(spec)}" for kind, spec in specs.items()]
    return lines


def _tracking(profile: ChannelProfile) -> str:
    if not profile.utm_source and not profile.utm_medium:
        return ""
    return f"{profile.utm_source or '–'} / {profile.utm_medium or '–'}"


_SETTINGS_DOC = [
    "## Call to action: `cta field` and `cta inline`",
    "",
    "`cta inline` says the platform has no call-to-action field or button: a Google Ads search ad is "
    "clickable as a whole (its final URL is the message's `link`), an SMS has only its text. There a "
    "`link`, a link in the text (\"verdure.fr/soldes\") or a phone number (\"04 78 12 34 56\", "
    "\"+44 20 7946 0958\") is the call to action, and F002 asks for one of them instead of a `cta`. "
    "`cta field` (the default) means a message gives its `cta`. A team declares it for its own "
    "channels: `channel whatsapp { cta inline }`.",
    "",
    "## SMS and `ç`: `gsm table android` and `gsm table standard`",
    "",
    "The GSM 03.38 alphabet has one code, 0x09, that sources read two ways. The Unicode consortium's "
    "mapping table (ETSI GSM 03.38 to Unicode, `tests/data/gsm0338.txt`) gives it as the small `ç`; "
    "the figure of 3GPP TS 23.038 draws a capital Ç, and that is what senders use: Android's GSM "
    "alphabet (`com.android.internal.telephony.GsmAlphabet`, the table phones encode with) and "
    "Twilio's segment calculator (its GSM-7 character set lists `Ç`, not `ç`) put `Ç` at 0x09, so a "
    "text holding a small `ç` is sent in UCS-2 — 70 characters an SMS instead of 160. For French "
    "copy (« reçu », « français », « garçon ») that is what the operator bills.",
    "",
    "campaignlint counts as the senders do: by default (`gsm table android`, the built-in `sms` "
    "profile) a small `ç` forces UCS-2 and a capital `Ç` is GSM-7. A gateway that follows the "
    "mapping table (small `ç` at 0x09) is declared with `channel sms { gsm table standard }`; then "
    "`ç` is GSM-7 and `Ç` is not. C008 names the character that forced UCS-2; its fix replaces only "
    "characters whose replacement keeps the spelling (’ → ', « » → \", … → ..., no-break spaces, "
    "dashes, œ → oe) and never an accented letter (« reçu » would become « recu »): for those it asks "
    "for a rewording (`rules/sms_replacements.toml`, `[replacements]` and `[spelling]`).",
]


def _source_kind(note: str) -> str:
    """``O`` (official) or ``S`` (secondary): the first ``O:`` or ``S:`` of the note."""
    match = re.search(r"(?<![A-Za-z])([OS]):", note)
    return match.group(1) if match else ""


def channels_markdown(profiles: dict[str, ChannelProfile] | None = None, sources: dict[str, str] | None = None) -> str:
    """The text of ``docs/channels.md``."""
    if profiles is None:
        from .frontend.loader import builtin_channels

        profiles = builtin_channels()
    if sources is None:
        sources = channel_sources()
    out = [
        "# Built-in channel profiles",
        "",
        "Generated from `rules/channels.camp` by `python -m campaignlint.channel_docs`; "
        "do not edit by hand.",
        "",
        "Platforms change their limits, so the limits are data: each profile below says "
        "where its figures come from and when they were checked (O = official "
        "documentation or the platform's own code, S = secondary sources only). "
        "Refine any of them in your own files with a top-level block of the same "
        "name, attribute by attribute, e.g. `channel sms { opt_out \"STOP au 36173\" }`; "
        "a campaign's `channel` block refines them again for that campaign.",
        "",
        "Hard `limit`s are errors (C001), `recommend`ed lengths warnings (C002); both "
        "are measured in the channel's counting unit. In asset specs (v2), `ratios`, `width`, `height`, "
        "`max size` and `duration` are hard (A003–A005, errors); `recommend width`, `recommend height` and "
        "`recommend size` soft (A005, warnings).",
        "",
        "| channel | kind | counting | limits (hard) | recommend (soft) | other | utm_source / utm_medium | src |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, profile in profiles.items():
        note = sources.get(name, "")
        out.append(
            f"| [`{name}`](#{name}) | {_cell(profile.kind or '')} | {profile.counting} | "
            f"{_cell(_limits(profile))} | {_cell(_recommend(profile))} | {_cell(_other(profile))} | "
            f"{_cell(_tracking(profile))} | {_cell(_source_kind(note))} |"
        )
    out += ["", "## Counting units", "", "| counting | unit in messages | one unit is |", "|---|---|---|"]
    used = list(dict.fromkeys(p.counting for p in profiles.values()))
    for unit in used:
        out.append(f"| `{unit}` | {describe_unit(unit)} | {_cell(_UNIT_DETAILS.get(unit, ''))} |")
    out += ["", *_SETTINGS_DOC, "", "## Profiles", ""]
    for name, profile in profiles.items():
        out += [f"### {name}", ""]
        out.append(f"- **kind**: {profile.kind or '–'}")
        out.append(f"- **counting**: `{profile.counting}` ({describe_unit(profile.counting)})")
        if profile.limits:
            out.append(f"- **limits**: {_limits(profile)} {describe_unit(profile.counting)}")
        if profile.recommend:
            out.append(f"- **recommend**: {_recommend(profile)} {describe_unit(profile.counting)}")
        other = _other(profile)
        if other:
            out.append(f"- **other**: {other}")
        if profile.tone:
            out.append(f"- **tone**: {', '.join(profile.tone)}")
        if profile.readability is not None:
            out.append(f"- **readability**: {profile.readability}")
        if profile.stages:
            out.append(f"- **stages**: {', '.join(profile.stages)}")
        tracking = _tracking(profile)
        if tracking:
            out.append(f"- **utm_source / utm_medium**: {tracking}")
        if profile.merge_tags:
            out.append(f"- **merge tags**: `{profile.merge_tags}`")
        assets = _assets(profile)
        if assets:
            out += ["- **assets** (v2):", *assets]
        out.append(f"- **source**: {sources.get(name) or 'not given'}")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the page; the path defaults to ``docs/channels.md``."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [a for a in args if a != "--check"]
    target = Path(paths[0] if paths else "docs/channels.md")
    text = channels_markdown()
    if check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            print(f"{target} is out of date: run `python -m campaignlint.channel_docs`", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""What the language server's hover says about the v2 constructs under the cursor (language §6).

Hover on a finding shows its rule (``lsp.py``); elsewhere, ``describe`` explains
the construct at a code-point offset of a resolved file, in Markdown:

* a merge tag in copy: the variable it names, its longest value, whether it may
  be empty and its fallback;
* an ``image``/``video``/``thumbnail``: what is declared and, for a local file,
  what the file really is (pixels, bytes, read with Pillow);
* a triggered message: what starts it, what stops it, when it may be sent;
* a segment: its legal basis per channel, relationship and frequency caps.

No LSP here: positions are offsets, the result is text (the server converts).  ``Kept`` holds, per open
document, the file its last lint loaded: hovers answer from it and do not parse again (``loaded_for``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import model as m
from .i18n import gettext as _
from .source import Span

if TYPE_CHECKING:
    from .frontend.loader import LoadedFile


def _inside(span: Span | None, path: str, offset: int) -> bool:
    return span is not None and span.path == path and span.start <= offset <= span.end


def describe(model: m.CampaignFile, display: str, offset: int, base_dir: Path, root: Path | None) -> str | None:
    """Markdown about the v2 construct at ``offset`` of the file ``display``, or None."""
    for campaign in model.campaigns:
        for message in campaign.messages:
            found = _tag(campaign, message, display, offset)
            if found:
                return found
            for asset in message.all_assets():
                if _inside(asset.span, display, offset):
                    return _asset(asset, base_dir, root or base_dir)
            if message.triggered and any(_inside(span, display, offset) for span in _journey_spans(message)):
                return _journey(message)
        for segment in campaign.segments.values():
            if _inside(segment.span, display, offset):
                return _segment(segment)
    for segment in model.segments.values():
        if _inside(segment.span, display, offset):
            return _segment(segment)
    return None


def _tag(campaign: m.Campaign, message: m.Message, display: str, offset: int) -> str | None:
    from .checks._v2 import find_variable, message_tags, tag_span

    for text, tag in message_tags(message):
        if not _inside(tag_span(text, tag), display, offset):
            continue
        lines = [_("**merge tag** `{tag}`").format(tag=tag.raw)]
        if tag.kind != "variable" or not tag.field:
            return "\n\n".join(lines + [_("a {kind} tag").format(kind=tag.kind)])
        variable = find_variable(campaign, tag)
        if variable is None:
            return "\n\n".join(lines + [_("`{field}` is not a declared variable of this campaign").format(
                field=tag.field)])
        facts = [_("variable `{name}`").format(name=variable.name)]
        if variable.max_length is not None:
            facts.append(_("up to {count} characters (length rules count that)").format(count=variable.max_length))
        facts.append(_("may be empty") if variable.may_be_empty else _("never empty"))
        fallback = tag.fallback if tag.fallback is not None else variable.fallback
        if fallback is not None:
            facts.append(_("fallback « {text} »").format(text=fallback))
        if variable.description:
            facts.append(variable.description)
        return "\n\n".join(lines + [_("; ").join(facts)])
    return None


def _asset(asset: m.Asset, base_dir: Path, root: Path) -> str:
    from . import assets

    declared = []
    if asset.width and asset.height:
        declared.append(f"{asset.width} × {asset.height} px")
    if asset.ratio:
        declared.append(_("ratio {ratio}").format(ratio=f"{asset.ratio[0].normalize()}:{asset.ratio[1].normalize()}"))
    if asset.size:
        declared.append(_("{count} bytes").format(count=_n(asset.size)))
    if asset.duration:
        declared.append(_duration(asset.duration, plural_units=True))
    if asset.captions is not None:
        declared.append(_("captions") if asset.captions else _("no captions"))
    lines = [f"**{asset.kind}** `{asset.path.value}`"]
    if declared:
        lines.append(_("declared: {values}").format(values=", ".join(declared)))
    lines.append(_("alt: « {text} »").format(text=asset.alt.value) if asset.alt else _("no `alt` text"))
    if assets.is_remote(asset.path.value):
        lines.append(_("a URL: not fetched, the declared values are used"))
    else:
        found = assets.read_asset(asset.path.value, base_dir, root, image=asset.kind != "video")
        if found.width and found.height:
            lines.append(_("the file: {width} × {height} px, {count} bytes").format(
                width=found.width, height=found.height, count=_n(found.size))
                         + (f" ({found.image_format})" if found.image_format else ""))
        elif found.size is not None:
            lines.append(_("the file: {count} bytes").format(count=_n(found.size)))
        else:
            lines.append(_("the file: {detail}").format(detail=found.detail or found.outcome))
    return "\n\n".join(lines)


def _n(count: int) -> str:
    from .checks._format import format_amount

    return format_amount(count)


def _duration(duration: m.Duration, plural_units: bool = False) -> str:
    from .checks._format import duration_words
    from .i18n import language

    if language() != "en":
        return duration_words(duration.amount, duration.unit)
    text = str(duration)
    return text[:-1] if duration.amount == 1 and text.endswith("s") and not plural_units else text


def _journey_spans(message: m.Message) -> list[Span]:
    """The message's header and the lines that make its journey."""
    keys = ("trigger", "after", "unless", "send_window", "send_days", "skip_holidays")
    return [message.span, *(message.spans[key] for key in keys if key in message.spans)]


def _journey(message: m.Message) -> str:
    if message.trigger:
        start = _("sent when `{event}` happens").format(event=message.trigger)
    elif message.after_event:
        start = _("sent {delay} after the event `{event}`").format(delay=_duration(message.after_event[1]),
                                                                    event=message.after_event[0])
    else:
        assert message.after_message is not None
        start = _("sent {delay} after the message `{message}`").format(delay=_duration(message.after_message[1]),
                                                                       message=message.after_message[0])
    lines = [_("**triggered message** `{name}`").format(name=message.name), start]
    if message.unless:
        lines.append(_("stops for whoever did: {events}").format(
            events=", ".join(f"`{name}`" for name in message.unless)))
    else:
        lines.append(_("no `unless`: nothing stops it"))
    if message.send_window:
        low, high = message.send_window
        lines.append(_("send window {low} .. {high}").format(low=f"{low:%H:%M}", high=f"{high:%H:%M}"))
    if message.send_days:
        lines.append(_("send days {days}").format(days=", ".join(message.send_days)))
    return "\n\n".join(lines)


def _segment(segment: m.Segment) -> str | None:
    if segment.consent is None and not segment.frequency and segment.relationship is None:
        return None
    lines = [_("**segment** `{name}`").format(name=segment.name)]
    if segment.consent is None:
        lines.append(_("no `consent` declared"))
    else:
        lines.append(_("consent: {bases}").format(
            bases=", ".join(f"{c} {basis}" for c, basis in segment.consent.items())))
    if segment.relationship:
        lines.append(f"{segment.relationship} ({segment.market})")
    if segment.frequency:
        lines.append(_("frequency: {caps}").format(
            caps=", ".join(f"{c} {cap}" for c, cap in segment.frequency.items())))
    return "\n\n".join(lines)


class Kept:
    """Per open document, the file (source and resolved model) its last lint, or a hover, loaded, with the text
    it was loaded from: a hover on that text is answered from it, without parsing again (the language server).

    Written on the lint thread, read on the event loop: one dict assignment, atomic."""

    def __init__(self) -> None:
        self._by_uri: dict[str, tuple[str, LoadedFile]] = {}
        self.loads = 0  # the hovers that had to load the file themselves

    def keep(self, uri: str, text: str, loaded: LoadedFile | None) -> None:
        if loaded is not None and loaded.model is not None and loaded.source is not None:
            self._by_uri[uri] = (text, loaded)

    def get(self, uri: str, text: str) -> LoadedFile | None:
        """The file loaded from exactly ``text`` (the document's current text), or None."""
        found = self._by_uri.get(uri)
        return found[1] if found is not None and (found[0] is text or found[0] == text) else None

    def forget(self, uri: str) -> None:
        self._by_uri.pop(uri, None)


def load(path: Path, source: str) -> LoadedFile | None:
    """``source``, the open text of ``path``, parsed and resolved (its imports read from disk)."""
    import os

    from .engine import Linter, Options

    path = Path(os.path.abspath(path))
    linter = Linter(Options(), cwd=path.parent)
    config = linter.config_for(path)
    root = linter.project_root(config, path, None)
    return linter.loader_for(config, root, {path: source}).load(path)


async def loaded_for(kept: Kept, uri: str, source: str, path: Path, still) -> LoadedFile | None:
    """The file loaded from ``source``, the open text of ``uri``: the one its last lint kept, else loaded on
    another thread (the event loop does not wait for a parse) and kept if ``still()`` (not changed nor closed)."""
    import asyncio
    import logging

    loaded = kept.get(uri, source)
    if loaded is not None:
        return loaded
    kept.loads += 1
    try:
        loaded = await asyncio.get_running_loop().run_in_executor(None, load, path, source)
    except Exception as error:  # a bad configuration…: no hover, and no traceback for the user
        logging.getLogger(__name__).warning("campaignlint could not read %s for a hover: %s", uri, error)
        return None
    if still():
        kept.keep(uri, source, loaded)
    return loaded


def hover_in(loaded: LoadedFile | None, path: Path, line: int, column: int) -> str | None:
    """Markdown about the construct at (0-based ``line``, code-point ``column``) of the loaded file ``path``
    (a BOM, if any, not counted in the columns); None when there is nothing v2 there."""
    import os

    if loaded is None or loaded.model is None or loaded.source is None:
        return None
    lines = loaded.source.text.split("\n")
    if line >= len(lines):
        return None
    offset = sum(len(text) + 1 for text in lines[:line]) + min(column, len(lines[line]))
    return describe(loaded.model, loaded.display, offset, Path(os.path.abspath(path)).parent, loaded.root)


def hover_at(path: Path, source: str, line: int, column: int) -> str | None:
    """Markdown about the construct at (0-based ``line``, code-point ``column``) of ``source``, the open text
    of ``path`` (a BOM, if any, not counted in the columns); None when there is nothing v2 there."""
    return hover_in(load(path, source), path, line, column)

"""What a rule sees: the contexts the engine hands to ``Rule.check``.

This module is the whole rule API besides :mod:`campaignlint.rule` and
:mod:`campaignlint.findings`.  It knows nothing of the engine: a context is
built from

* a source lookup (``display path → SourceText``, a mapping with ``get``),
* the loaded file (its model, its source, its display path),
* a settings object (anything with ``setting(key)``: the configuration),
* the rule catalogue (``code → rule``), for the rare rule that reasons about
  other rules (N001 asks which codes ran),
* optionally the language service (``ctx.nlp``: analyses and per-text facts,
  :class:`campaignlint.language.nlp.NLP`; the process's default one if none is
  given), so two lints in one process do not share caches,

so a rule can be run by the engine, by a test, or by any other tool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Protocol

from .findings import Edit, Finding, Fix, Range
from .source import SourceText, Span

if TYPE_CHECKING:  # pragma: no cover
    from .model import Campaign, Located
    from .rule import Rule


class Settings(Protocol):
    def setting(self, key: str) -> Any: ...


class FileContext:
    """What a rule sees of one file."""

    def __init__(self, sources: Mapping[str, SourceText], loaded: Any, settings: Settings,
                 catalogue: Mapping[str, "Rule"] | None = None, nlp: Any = None):
        self.sources = sources
        self.loaded = loaded
        self.config = settings
        self.catalogue = catalogue or {}
        self._nlp = nlp

    @property
    def nlp(self):
        """The language service: ``nlp.analyse(text, language)``, ``nlp.fact(name, text, language, compute)``."""
        if self._nlp is None:
            from .language.nlp import default_service

            self._nlp = default_service()
        return self._nlp

    @property
    def model(self):
        return self.loaded.model

    def setting(self, key: str):
        return self.config.setting(key)

    def source(self, path: str) -> SourceText | None:
        return self.sources.get(path)

    def finding(self, rule: "Rule", at: "Span | Located", message: str, fix: Fix | None = None) -> Finding:
        span = at if isinstance(at, Span) else at.span  # a Span or a model object (Located)
        source = self.source(span.path)
        where = source.range(span.start, span.end) if source is not None else Range(1, 1, 1, 1)
        return Finding(rule.code, rule.severity, message, span.path, where, fix, rule.name)

    def where(self, at: "Span | Located") -> list:
        """The position of ``at`` as JSON data (display path, then the six numbers of its ``Range``): what a
        project-scope rule keeps in its summary to report there later (``ProjectContext.finding``)."""
        span = at if isinstance(at, Span) else at.span
        source = self.source(span.path)
        r = source.range(span.start, span.end) if source is not None else Range(1, 1, 1, 1)
        return [span.path, r.start_line, r.start_column, r.end_line, r.end_column, r.start_offset, r.end_offset]

    def replace(self, span: Span, replacement: str) -> Edit:
        return Edit(span.start, span.end, replacement)

    def insert_after_line(self, span: Span, line_text: str) -> Edit:
        """An edit that adds a new line (indented like the line of ``span``) after it."""
        source = self.source(span.path)
        assert source is not None
        line, _column = source.position(span.start)
        current = source.line_text(line)
        indent = current[: len(current) - len(current.lstrip())]
        end_of_line = source.offset_of(line, len(current) + 1)
        return Edit(end_of_line, end_of_line, f"{source.newline}{indent}{line_text}")


class CampaignContext(FileContext):
    """What a rule sees of one campaign of a file."""

    def __init__(self, sources: Mapping[str, SourceText], loaded: Any, settings: Settings, campaign: "Campaign",
                 catalogue: Mapping[str, "Rule"] | None = None, nlp: Any = None):
        super().__init__(sources, loaded, settings, catalogue, nlp)
        self.campaign = campaign


class ProjectFile:
    """One campaign file of the run, as a project-scope rule sees it: its display path and the
    summary the rule's ``summarize`` made of it in the file phase (JSON data: lists, dicts,
    strings, numbers; tuples come back as lists from the cache)."""

    __slots__ = ("display", "summary")

    def __init__(self, display: str, summary: Any):
        self.display, self.summary = display, summary

    def __repr__(self) -> str:
        return f"ProjectFile({self.display!r}, {self.summary!r})"


class ProjectContext:
    """What a project-scope rule sees: every campaign file of the run (v2, cli.md "Project-scope rules").

    ``files`` holds, for each file of the run where the rule is enabled, the
    summary its ``summarize`` made of that file (``ProjectFile``), in the order
    of the run; never a model: the file phase dropped it.  A rule reports only
    on those files, at positions it kept in its summaries (``FileContext.where``).
    """

    def __init__(self, files: list[ProjectFile]):
        self.files = files

    def finding(self, rule: "Rule", where: list, message: str) -> Finding:
        """A finding at ``where``, a position kept by ``FileContext.where`` in a summary."""
        path, *numbers = where
        return Finding(rule.code, rule.severity, message, path, Range(*numbers), None, rule.name)

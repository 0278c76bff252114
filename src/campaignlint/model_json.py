"""The resolved model as JSON (``campaignlint parse``).

Every span keeps its code-point offsets (``start``, ``end``) and gains a
``range`` in the shape of a finding's: ``{"start": {"line", "column"}, "end": …}``
(1-based, columns in code points, end exclusive).
"""

from __future__ import annotations

from .findings import Finding
from .model import CampaignFile

SPAN_KEYS = {"path", "start", "end"}


def _with_ranges(data, sources):
    if isinstance(data, dict):
        if SPAN_KEYS <= data.keys() and isinstance(data["start"], int) and isinstance(data["end"], int):
            source = sources.get(data["path"]) if sources is not None else None
            if source is not None:
                data["range"] = source.range(data["start"], data["end"]).to_json()
            return data
        for value in data.values():
            _with_ranges(value, sources)
    elif isinstance(data, list):
        for value in data:
            _with_ranges(value, sources)
    return data


def file_to_json(model: CampaignFile, errors: list[Finding], sources=None) -> dict:
    """The model of a file with its front-end errors (``sources``, display path → SourceText: add ranges)."""
    data = _with_ranges(model.model_dump(mode="json", exclude_none=True), sources)
    data["errors"] = [f.to_json() for f in errors]
    return data

"""The resolved model as JSON (``campaignlint parse``)."""

from __future__ import annotations

from .findings import Finding
from .model import CampaignFile


def file_to_json(model: CampaignFile, errors: list[Finding]) -> dict:
    data = model.model_dump(mode="json", exclude_none=True)
    data["errors"] = [f.to_json() for f in errors]
    return data

"""The KPI taxonomy and the funnel models (rules K002, K003, F-rules, S006).

Data: ``rules/kpis.toml`` (each KPI's French and English names, whether it is a
vanity metric, the default-funnel stages it measures) and ``rules/funnel.toml``
(the built-in funnels, stage aliases, AIDA → default mapping).

Names are compared loosely: case, accents, spaces, hyphens, underscores,
dots and apostrophes are ignored, so ``Taux d'engagement``,
``taux_d_engagement`` and ``TAUX D'ENGAGEMENT`` are the same name.  A dotted
metric reference (``instagram.followers``) is looked up by its last part.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from campaignlint.resources import load_toml

__all__ = [
    "Kpi",
    "lookup_kpi",
    "all_kpis",
    "builtin_funnels",
    "canonical_stage",
    "kpi_fits_stage",
    "last_stage",
    "is_outcome_stage",
    "normalise_name",
]


@dataclass(frozen=True)
class Kpi:
    """A KPI of the taxonomy.

    ``names`` maps a language (``en``, ``fr``) to its names, the first being
    the display name; ``stages`` are stages of the default funnel.
    """

    id: str
    names: dict[str, tuple[str, ...]]
    vanity: bool
    stages: tuple[str, ...]

    def display_name(self, language: str = "en") -> str:
        names = self.names.get(language) or self.names.get("en") or (self.id,)
        return names[0]

    def __hash__(self) -> int:  # dict field: hash by id
        return hash(self.id)


def normalise_name(name: str) -> str:
    """Fold a KPI or stage name for comparison: no case, accents or separators."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            out.append(ch)
    return "".join(out)


@functools.cache
def _kpi_index() -> tuple[dict[str, Kpi], dict[str, Kpi]]:
    data = load_toml("kpis.toml")["kpis"]
    by_id: dict[str, Kpi] = {}
    by_name: dict[str, Kpi] = {}
    for kpi_id, entry in data.items():
        names = {lang: tuple(entry.get(lang, ())) for lang in ("en", "fr")}
        kpi = Kpi(kpi_id, names, bool(entry.get("vanity", False)), tuple(entry.get("stages", ())))
        by_id[kpi_id] = kpi
    # ids first, so a KPI's own id always wins over another's synonym
    for kpi in by_id.values():
        by_name[normalise_name(kpi.id)] = kpi
    for kpi in by_id.values():
        for lang_names in kpi.names.values():
            for name in lang_names:
                by_name.setdefault(normalise_name(name), kpi)
    return by_id, by_name


def all_kpis() -> list[Kpi]:
    """Every KPI of the taxonomy, in file order."""
    return list(_kpi_index()[0].values())


def lookup_kpi(name: str) -> Kpi | None:
    """The KPI a name designates (its id or any French/English synonym), or None.

    ``instagram.followers`` is looked up as ``followers``.
    """
    if not name:
        return None
    _, by_name = _kpi_index()
    key = normalise_name(name)
    if key in by_name:
        return by_name[key]
    if "." in name:
        return by_name.get(normalise_name(name.rsplit(".", 1)[1]))
    return None


@functools.cache
def _funnel_data() -> dict:
    return load_toml("funnel.toml")


def builtin_funnels() -> dict[str, list[str]]:
    """The built-in funnel models: ``{"default": [...], "aida": [...]}``."""
    return {name: list(model["stages"]) for name, model in _funnel_data()["models"].items()}


def _model_of(funnel: list[str] | tuple[str, ...] | None) -> str | None:
    if not funnel:
        return _funnel_data().get("default_model", "default")
    keys = [normalise_name(s) for s in funnel]
    for name, stages in builtin_funnels().items():
        if keys == [normalise_name(s) for s in stages]:
            return name
    return None


def _resolve_alias(stage: str) -> str | None:
    """A built-in stage name (of any model) for a name or an alias."""
    data = _funnel_data()
    key = normalise_name(stage)
    for stages in builtin_funnels().values():
        for s in stages:
            if normalise_name(s) == key:
                return s
    aliases = {normalise_name(k): v for k, v in data.get("aliases", {}).items()}
    return aliases.get(key)


def canonical_stage(stage: str, funnel: list[str] | None = None) -> str | None:
    """The default-model stage (awareness, consideration, conversion, loyalty)
    that ``stage`` stands for, or None when it has none.

    ``stage`` may be a stage of the default model, of AIDA, or an alias
    ("notoriété", "fidélisation", "intérêt"). A custom stage of the campaign's
    own ``funnel`` that is neither is not classified (None).
    """
    if not stage:
        return None
    resolved = _resolve_alias(stage)
    if resolved is None:
        return None
    default = builtin_funnels()[_funnel_data().get("default_model", "default")]
    if resolved in default:
        return resolved
    return _funnel_data().get("aida_to_default", {}).get(resolved)


def last_stage(funnel: list[str] | None = None) -> str | None:
    """The funnel's conversion stage ("conversion", "action"): the stage whose
    messages need a CTA and a link (F002). For a custom funnel: its stage that
    maps to conversion, else its last stage."""
    model = _model_of(funnel)
    if model is not None:
        return _funnel_data()["models"][model]["last"]
    assert funnel
    for s in funnel:
        if canonical_stage(s) == "conversion":
            return s
    return funnel[-1]


def is_outcome_stage(stage: str, funnel: list[str] | None = None) -> bool:
    """True for a conversion or loyalty stage (K002: vanity KPIs alone are not enough)."""
    canon = canonical_stage(stage, funnel)
    return canon in _funnel_data()["models"]["default"].get("outcome_stages", ())


def kpi_fits_stage(kpi: Kpi | str, stage: str, funnel: list[str] | None = None) -> bool:
    """Whether ``kpi`` measures ``stage`` (K003).

    Unknown KPIs and stages that map to no default stage are given the benefit
    of the doubt (True): the taxonomy only classifies what it knows.
    """
    if isinstance(kpi, str):
        found = lookup_kpi(kpi)
        if found is None:
            return True
        kpi = found
    canon = canonical_stage(stage, funnel)
    if canon is None:
        return True
    return canon in kpi.stages

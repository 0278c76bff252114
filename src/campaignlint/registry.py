"""The registry of every rule: importing the family packages registers them.

``rule.Rule`` subclasses register themselves in ``rule.REGISTRY`` when their
module is imported; this module imports every package under
``campaignlint/checks/`` and every rule module inside them (found on disk,
so a new rule or family needs no list to edit), after the front end's own rules (E001–E008, in
``campaignlint.frontend.problems``), and answers the questions asked of the whole catalogue.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Iterator

from .rule import BY_NAME, REGISTRY, Rule, Setting

_LOADED = False


def load_all_rules() -> dict[str, Rule]:
    """Import every family (cheap: heavy libraries load lazily) and return ``code → rule``."""
    global _LOADED
    if not _LOADED:
        from . import checks
        from .frontend import problems  # noqa: F401  E001–E008, documented where they are raised

        for family in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name):
            if family.name.startswith("_"):
                continue
            package = importlib.import_module(f"{checks.__name__}.{family.name}")
            if family.ispkg:  # every rule module of the family, whether its __init__ names it or not
                for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
                    if not module.name.startswith("_"):
                        importlib.import_module(f"{package.__name__}.{module.name}")
        _LOADED = True
    return REGISTRY


def rule_by_name(name: str) -> Rule | None:
    load_all_rules()
    return BY_NAME.get(name)


def all_settings() -> dict[str, Setting]:
    found: dict[str, Setting] = {}
    for rule in load_all_rules().values():
        for setting in rule.settings:
            found[setting.key] = setting
    return found


def iter_codes(selector: str) -> Iterator[Rule]:
    for code, rule in load_all_rules().items():
        if code.startswith(selector) or rule.name == selector:
            yield rule

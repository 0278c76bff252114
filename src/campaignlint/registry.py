"""The registry of every rule: importing the family packages registers them.

``rule.Rule`` subclasses register themselves in ``rule.REGISTRY`` when their
module is imported; this module imports every package under
``campaignlint/checks/`` and every rule module inside them (found on disk,
so a new rule or family needs no list to edit), after the front end's own rules (E001–E008, in
``campaignlint.frontend.problems``), and answers the questions asked of the whole catalogue.
``campaign_rules`` gives the rules a campaign declares itself (its custom ``rule`` blocks,
from the rule providers).
"""

from __future__ import annotations

import importlib
import os
import pickle
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from .rule import BY_NAME, PROVIDERS, REGISTRY, Rule, Setting

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


@dataclass(frozen=True)
class RuleInfo:
    """What configuration needs to know of a rule (its code, name and settings), without its module."""

    code: str
    name: str
    settings: tuple[Setting, ...]
    severity: Any
    scope: str = "campaign"
    pack: str | None = None


@dataclass(frozen=True)
class DeferredSetting(Setting):
    """A setting of a ``Setting`` subclass defined in a rule module, in the catalogue:
    validating a configured value imports that rule (and uses its own ``validate``)."""

    rule_code: str = ""

    def validate(self, value: Any) -> Any:
        real = next(s for s in load_all_rules()[self.rule_code].settings if s.key == self.key)
        return real.validate(value)


def _catalogue_setting(code: str, setting: Setting) -> Setting:
    if type(setting) is Setting:
        return setting
    return DeferredSetting(setting.key, setting.default, setting.description, setting.kind,
                           setting.minimum, setting.maximum, code)


def rule_catalogue() -> Mapping[str, "Rule | RuleInfo"]:
    """``code → rule`` for validating configuration, without importing the rule modules when
    it can: a pickled ``RuleInfo`` catalogue in the user cache folder, keyed by the tool's
    fingerprint (the size and mtime of every module), so a run answered from the result
    cache never imports the rules (nor pydantic).  The rules themselves once loaded."""
    if _LOADED:
        return REGISTRY
    from .cache import tool_fingerprint

    base = os.environ.get("CAMPAIGNLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "campaignlint")
    path = Path(base) / f"catalogue-{tool_fingerprint()[:24]}.pickle"
    try:
        catalogue = pickle.loads(path.read_bytes())
        if isinstance(catalogue, dict) and catalogue:
            return catalogue
    except Exception:  # missing, unreadable or from elsewhere: rebuild it
        pass
    rules = load_all_rules()
    catalogue = {code: RuleInfo(code, rule.name, tuple(_catalogue_setting(code, x) for x in rule.settings),
                                rule.severity, rule.scope, getattr(rule, "pack", None))
                 for code, rule in rules.items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".catalogue-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(catalogue, stream)
        os.replace(temporary, path)
    except OSError:
        pass
    return rules


def campaign_rules(ctx) -> Iterator[Rule]:
    """The rules a campaign declares itself (its custom `rule` blocks), from every rule provider
    (``rule.PROVIDERS``); ``ctx`` is the campaign's ``context.CampaignContext``."""
    load_all_rules()
    for provider in PROVIDERS:
        yield from provider(ctx)


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

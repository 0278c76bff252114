"""Configuration: discovery, validation, rule selection (docs/configuration.md).

Discovered from the linted file's folder upwards: ``campaignlint.toml``, then
the ``[tool.campaignlint]`` table of ``pyproject.toml``; the nearest wins.  An
unknown key or a bad value raises ``ConfigError`` naming it (exit 2).
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .findings import Severity
from .i18n import LANGUAGES
from .i18n import gettext as _
DEFAULT_MAX_FILE_SIZE = 1_000_000  # bytes; the loader reads this (setting `max-file-size`)
#: the largest `max-file-size` allowed, and the most any file read by the tool may have (memory stays bounded)
MAX_FILE_SIZE_LIMIT = 100_000_000
from .rule import Rule, Setting
from .packs import DEFAULT_PACKS, describe_unknown, unknown_packs

CORE_KEYS = {"select", "ignore", "extend-select", "fail-on", "severity", "per-file-ignores", "rule-packs",
             "max-file-size", "lang", "packs", "extend-packs"}
SELECTOR = re.compile(r"^(?:[A-Z][A-Z0-9_]*|[a-z][a-z0-9_-]*)$")


class ConfigError(Exception):
    """A configuration problem the user must fix (exit 2)."""


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rule_packs: list[Path] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: the language of the messages (`lang`), None: the locale's
    lang: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    #: rule packs (campaignlint.packs): `packs` replaces the default list, `extend-packs` adds to it
    packs: list[str] = field(default_factory=lambda: list(DEFAULT_PACKS))
    extend_packs: list[str] = field(default_factory=list)
    #: every configurable threshold of the rule catalogue, for defaults
    defaults: dict[str, Setting] = field(default_factory=dict, repr=False, compare=False)

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None

    def setting(self, key: str) -> Any:
        if key in self.settings:
            return self.settings[key]
        return self.defaults[key].default

    # -- selection -------------------------------------------------------
    def enabled(self, code: str, name: str = "", path: str | None = None) -> bool:
        chosen = _specificity(self.select + self.extend_select, code, name)
        ignored = _specificity(self.ignore, code, name)
        if path is not None:
            for pattern, selectors in self.per_file_ignores.items():
                if _glob_match(path, pattern):
                    ignored = max(ignored, _specificity(selectors, code, name))
        return chosen > ignored and chosen > 0

    def severity_of(self, code: str, default: Severity) -> Severity:
        best, chosen = 0, default
        for selector, severity in self.severity.items():
            score = _specificity([selector], code, "")
            if score > best:
                best, chosen = score, severity
        return chosen

    # -- rule packs ------------------------------------------------------
    def active_packs(self, campaign: Any = None) -> set[str]:
        """The packs on for ``campaign``: the configuration's, plus the campaign's own `packs`."""
        return {*self.packs, *self.extend_packs, *(getattr(campaign, "packs", None) or ())}

    def pack_enabled(self, rule: Rule, campaign: Any = None) -> bool:
        return rule.pack is None or rule.pack in self.active_packs(campaign)

    def apply_pack_options(self, packs: list[str] | None, extend_packs: list[str] | None,
                           rules: Mapping[str, Rule]) -> None:
        """Command-line `--packs` / `--extend-packs` on top of the file, then check the selection."""
        for option, names in (("--packs", packs), ("--extend-packs", extend_packs)):
            for name in unknown_packs(names or []):
                raise ConfigError(_("{option}: {problem}").format(option=option, problem=describe_unknown(name)))
        if packs is not None:
            self.packs = list(packs)
        if extend_packs is not None:
            self.extend_packs = self.extend_packs + list(extend_packs)
        self.check_pack_selection(rules)

    def check_pack_selection(self, rules: Mapping[str, Rule]) -> None:
        """`select`/`extend-select` naming only rules of packs that are off: an error naming the pack."""
        on = self.active_packs()
        for key, selectors in (("select", self.select), ("extend-select", self.extend_select)):
            for selector in selectors:
                matched = [r for c, r in rules.items() if c.startswith(selector) or r.name == selector]
                packs = {r.pack for r in matched}
                if matched and None not in packs and not packs & on:
                    pack = sorted(p for p in packs if p)[0]
                    raise ConfigError(
                        _("`{key}`: `{selector}` is a rule of the `{pack}` pack, which is off: enable it with "
                          "`extend-packs = [\"{pack}\"]` in the configuration or `--extend-packs {pack}`").format(
                            key=key, selector=selector, pack=pack))

    def fingerprint(self) -> str:
        import hashlib
        import json

        payload = {
            "select": self.select, "ignore": self.ignore, "extend": self.extend_select,
            "severity": {k: v.value for k, v in self.severity.items()},
            "pfi": self.per_file_ignores, "packs": [str(p) for p in self.rule_packs],
            "packs_content": [_pack_digest(p, self.max_file_size) for p in self.rule_packs],
            "max": self.max_file_size, "settings": self.settings,
            "rule_packs_on": sorted(self.active_packs()),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _pack_digest(path: Path, limit: int) -> str:
    """A rule pack's content for the fingerprint: its hash, read only if it is small enough."""
    import hashlib

    from . import safe_io

    try:
        return hashlib.sha256(safe_io.read_bytes(path, limit)).hexdigest()
    except OSError as error:
        return f"unreadable: {error}"


def _glob_match(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/")
    return (fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern)
            or path.startswith(pattern.rstrip("/") + "/"))


def _specificity(selectors: list[str], code: str, name: str) -> int:
    best = 0
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 1)
        elif selector == code or (name and selector == name):
            best = max(best, 100)
        elif code.startswith(selector):
            best = max(best, 1 + len(selector))
    return best


def settings_of(rules: Mapping[str, Rule]) -> dict[str, Setting]:
    """Every threshold the rules declare, by configuration key."""
    return {setting.key: setting for rule in rules.values() for setting in rule.settings}


def parse_selectors(value: Any, key: str, rules: Mapping[str, Rule]) -> list[str]:
    """Validate codes, prefixes and names against the catalogue ``rules`` (code → rule)."""
    if isinstance(value, str):
        value = [part for part in re.split(r"[,\s]+", value) if part]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(_("`{key}` must be a list of rule codes, prefixes or names").format(key=key))
    names = {rule.name for rule in rules.values()}
    for selector in value:
        if selector == "ALL":
            continue
        if not SELECTOR.match(selector):
            raise ConfigError(_("`{key}`: `{selector}` is not a rule code, prefix or name").format(
                key=key, selector=selector))
        # built-in rule names have dashes; a name without one may be a custom `rule`'s
        if selector[0].islower() and "-" in selector and selector not in names:
            raise ConfigError(_("`{key}`: no rule is named `{selector}` (see `campaignlint rules`)").format(
                key=key, selector=selector))
        if (selector[0].isupper() and not any(c.startswith(selector) for c in rules)
                and not re.match(r"^[A-Z]+\d+$", selector)):
            raise ConfigError(_("`{key}`: no rule code starts with `{selector}` (see `campaignlint rules`)").format(
                key=key, selector=selector))
    return value


def _severity(value: Any, key: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(_("`{key}` must be error, warning or info, not {value}").format(
            key=key, value=repr(value))) from None


def from_table(table: dict[str, Any], path: Path | None, rules: Mapping[str, Rule]) -> Config:
    settings = settings_of(rules)
    config = Config(path=path, defaults=settings)
    where = _(" in {path}").format(path=path) if path else ""
    for key, value in table.items():
        if key == "select":
            config.select = parse_selectors(value, key, rules)
        elif key == "ignore":
            config.ignore = parse_selectors(value, key, rules)
        elif key == "extend-select":
            config.extend_select = parse_selectors(value, key, rules)
        elif key == "fail-on":
            config.fail_on = _severity(value, key)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(_("`[severity]`{where} must be a table of code = \"error|warning|info\"").format(
                    where=where))
            for code, level in value.items():
                parse_selectors([code], f"severity.{code}", rules)
                config.severity[code] = _severity(level, f"severity.{code}")
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(_("`[per-file-ignores]`{where} must be a table of \"glob\" = [codes]").format(
                    where=where))
            for pattern, codes in value.items():
                config.per_file_ignores[pattern] = parse_selectors(codes, f"per-file-ignores.{pattern}", rules)
        elif key == "rule-packs":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(_("`rule-packs`{where} must be a list of .camp file paths").format(where=where))
            base = path.parent if path else Path.cwd()
            project = git_root(base) or base.resolve()
            for item in value:
                try:
                    pack = (base / item).resolve()
                except (OSError, RuntimeError, ValueError):
                    raise ConfigError(_("`rule-packs`{where}: `{item}` cannot be resolved").format(
                                          where=where, item=item)) from None
                try:
                    pack.relative_to(project)
                except ValueError:
                    raise ConfigError(_("`rule-packs`{where}: `{item}` is outside the project folder ({project}); "
                                        "rule packs must stay inside it").format(
                                          where=where, item=item, project=project)) from None
                if not item.endswith(".camp"):
                    raise ConfigError(_("`rule-packs`{where}: `{item}` is not a .camp file").format(
                                          where=where, item=item))
                if not pack.is_file():
                    raise ConfigError(_("`rule-packs`{where}: `{item}` was not found").format(where=where, item=item))
                config.rule_packs.append(pack)
        elif key in ("packs", "extend-packs"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(_("`{key}`{where} must be a list of rule pack names, such as [\"email\", "
                                    "\"fr-legal\"]").format(key=key, where=where))
            for name in unknown_packs(value):
                raise ConfigError(_("`{key}`{where}: {problem}").format(
                    key=key, where=where, problem=describe_unknown(name)))
            setattr(config, key.replace("-", "_"), list(value))
        elif key == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_FILE_SIZE_LIMIT:
                raise ConfigError(_("`max-file-size`{where} must be a number of bytes from 1 to {limit:,}, not "
                                    "{value}").format(where=where, limit=MAX_FILE_SIZE_LIMIT, value=repr(value)))
            config.max_file_size = value
        elif key == "lang":
            if value not in LANGUAGES:
                raise ConfigError(_("`lang`{where} must be one of {languages}, not {value}").format(
                    where=where, languages=", ".join(LANGUAGES), value=repr(value)))
            config.lang = value
        elif key in settings:
            try:
                config.settings[key] = settings[key].validate(value)
            except ValueError as error:
                raise ConfigError(f"{error}{where}") from None
        else:
            import difflib

            close = difflib.get_close_matches(key, list(CORE_KEYS) + list(settings), n=1)
            hint = _(" (did you mean `{name}`?)").format(name=close[0]) if close else ""
            raise ConfigError(_("unknown configuration key `{key}`{where}{hint}").format(
                key=key, where=where, hint=hint))
    return config


#: a configuration file is a few hundred bytes; a bigger one is refused before it is read
MAX_CONFIG_SIZE = 1_000_000


def _load_toml(path: Path) -> dict[str, Any]:
    """The TOML table of a configuration file, or ConfigError in words (never another exception)."""
    from . import safe_io

    try:
        data = safe_io.read_bytes(path, MAX_CONFIG_SIZE)
    except OSError as error:
        raise ConfigError(_("cannot read the configuration file {path}: {error}").format(
            path=path, error=error.strerror or error)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(_("the configuration file {path} is not valid UTF-8 text: byte {start} (0x{data:02x}) "
                            "cannot be read; save the file as UTF-8").format(
                              path=path, start=error.start, data=data[error.start])) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_("the configuration file {path} is not valid TOML: {error}").format(
            path=path, error=error)) from None
    except RecursionError:
        raise ConfigError(_("the configuration file {path} is nested too deeply to be read").format(
            path=path)) from None


def _tool_table(data: dict[str, Any], path: Path) -> Any:
    """``data["tool"]["campaignlint"]`` of a pyproject.toml (None if absent); ConfigError if misshapen."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(_("{path}: `tool` must be a table ([tool.campaignlint] …), not {kind}").format(
                              path=path, kind=_kind(tool)))
    return tool.get("campaignlint")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, str):
        return _("a text")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    return _("a date or a time")


def read_config_file(path: Path, rules: Mapping[str, Rule]) -> Config:
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(_("[tool.campaignlint] in {path} must be a table, not {kind}").format(
                path=path, kind=_kind(data)))
    return from_table(data, path.resolve(), rules)


#: a pyproject.toml too broken to read "mentions" campaignlint when it has one of these
_MENTION = re.compile(rb"^\s*\[\s*tool\s*\.\s*[\"']?campaignlint|^\s*tool\s*\.\s*[\"']?campaignlint|^\s*tool\s*=", re.M)


def _configures_us(pyproject: Path) -> bool:
    """Does this pyproject.toml configure campaignlint?  A broken one that seems to is (read_config_file says why)."""
    try:
        return _tool_table(_load_toml(pyproject), pyproject) is not None
    except ConfigError:
        from . import safe_io

        try:
            return bool(_MENTION.search(safe_io.read_bytes(pyproject, MAX_CONFIG_SIZE)))
        except OSError:
            return False


def discover(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` (a folder) upwards."""
    folder = start.resolve()
    for candidate in [folder, *folder.parents]:
        own = candidate / "campaignlint.toml"
        pyproject = candidate / "pyproject.toml"
        try:  # an unreadable folder: no configuration found here (the walk then says it cannot be read)
            if own.exists():
                return own  # even a pipe or a folder: read_config_file says what is wrong
            if pyproject.is_file() and _configures_us(pyproject):
                return pyproject
        except OSError:
            continue
    return None


def configured_language(start: Path) -> str | None:
    """The ``lang`` key of the configuration found from the folder ``start`` upwards (None: unset or invalid).

    A light read for the commands that load no configuration (``rules``,
    ``explain``, ``--help``); ``check`` validates the whole file."""
    found = discover(start)
    if found is None:
        return None
    try:  # the same bounded, safe read as the full configuration; any problem: unset (check reports it)
        data = _load_toml(found)
        if found.name == "pyproject.toml":
            data = _tool_table(data, found)
    except ConfigError:
        return None
    value = data.get("lang") if isinstance(data, dict) else None
    return value if value in LANGUAGES else None


def git_root(start: Path) -> Path | None:
    folder = start.resolve()
    for candidate in [folder, *folder.parents]:
        if (candidate / ".git").exists():
            return candidate
    return None

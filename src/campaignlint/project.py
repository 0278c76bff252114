"""The project a run lints: which configuration applies to a file, where its
project root is, how its path is shown.

A small object, shared by the engine, the result cache and the worker
processes (which never see the engine itself).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .config import Config, discover, git_root, parse_selectors, read_config_file, settings_of
from .findings import Severity
from .paths import display_path
from .rule import Rule


@dataclass
class Options:
    """What the command line says, over the configuration files."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    config_path: Path | None = None
    fail_on: Severity | None = None
    #: rule packs: `--packs` replaces the configured list, `--extend-packs` adds to it
    packs: list[str] | None = None
    extend_packs: list[str] | None = None


class Project:
    """Configuration discovery and project roots for one run (memoised per folder)."""

    def __init__(self, options: Options, cwd: Path, rules: Mapping[str, Rule]):
        self.options = options
        self.cwd = cwd
        self.rules = rules
        self._configs: dict[Path, Config] = {}
        self._folder_configs: dict[Path, Config] = {}
        self._roots: dict[Path, Path | None] = {}
        self._explicit: Config | None = None
        self._displays: dict[Path, str] = {}
        self._prefix = os.path.join(os.path.abspath(cwd), "")  # "/the/folder/"
        if options.config_path is not None:
            self._explicit = self._with_options(read_config_file(options.config_path, rules))

    def display(self, path: Path) -> str:
        shown = self._displays.get(path)
        if shown is None:
            text, prefix = str(path), self._prefix
            if text.startswith(prefix) and not any(part in text for part in ("/./", "/../", "//")):
                shown = text[len(prefix):]  # what relpath gives for a normalised path under the folder
            else:
                shown = display_path(path, self.cwd)
            self._displays[path] = shown
        return shown

    def _with_options(self, config: Config) -> Config:
        options = self.options
        if options.select is not None:
            config.select = parse_selectors(options.select, "--select", self.rules)
        if options.ignore is not None:
            config.ignore = config.ignore + parse_selectors(options.ignore, "--ignore", self.rules)
        if options.extend_select is not None:
            config.extend_select = config.extend_select + parse_selectors(
                options.extend_select, "--extend-select", self.rules)
        if options.fail_on is not None:
            config.fail_on = options.fail_on
        config.apply_pack_options(options.packs, options.extend_packs, self.rules)
        return config

    def config_for(self, path: Path) -> Config:
        """The configuration of the file ``path``: the nearest file upwards, or the defaults."""
        if self._explicit is not None:
            return self._explicit
        folder = path.parent
        known = self._folder_configs.get(folder)
        if known is not None:
            return known
        found = discover(folder)
        key = found or Path("<default>")
        if key not in self._configs:
            config = read_config_file(found, self.rules) if found else Config(defaults=settings_of(self.rules))
            self._configs[key] = self._with_options(config)
        self._folder_configs[folder] = self._configs[key]
        return self._configs[key]

    def root(self, config: Config, path: Path, linted_root: Path | None) -> Path:
        """The project root of ``path``: its configuration's folder, its git root, or the linted folder."""
        if config.folder is not None:
            return config.folder
        folder = path.parent
        if folder not in self._roots:
            self._roots[folder] = git_root(folder)
        root = self._roots[folder]
        if root is not None:
            return root
        return linted_root or path.parent

    def language(self, paths: list[str]) -> str | None:
        """The ``lang`` key of the configuration that applies to the run (as ``fail_on``), None when unset."""
        if self._explicit is not None:
            return self._explicit.lang
        if paths and paths[0] != "-":
            first = Path(paths[0])
            return self.config_for(first if first.is_file() else first / "x.camp").lang
        return self.config_for(self.cwd / "x.camp").lang

    def fail_on(self, paths: list[str]) -> Severity:
        if self.options.fail_on is not None:
            return self.options.fail_on
        if self._explicit is not None:
            return self._explicit.fail_on
        if paths and paths[0] != "-":
            first = Path(paths[0])
            return self.config_for(first if first.is_file() else first / "x.camp").fail_on
        return self.config_for(self.cwd / "x.camp").fail_on

"""Reading one run's files: bytes → text (E008) → tree (E001) → model (E002–E007), with imports (E006).

One ``Loader`` serves one run: it reads every file once, whether it is linted
or only imported, and keeps imports inside the project root.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import gettext as _
from .. import model as m
from .. import safe_io
from ..config import DEFAULT_MAX_FILE_SIZE
from ..paths import display_path
from ..resources import rules_path
from ..source import SourceText, Span
from .decode import decode, too_large
from .parser import SyntaxProblem, parse
from .problems import Problem
from .resolve import Definitions, Resolver
from .tree import Document

MAX_IMPORTS = 200
MAX_IMPORT_PATH = 1_024  # characters in one import path
MAX_NAME = 255  # characters in one folder or file name of it (the usual file-system limit)


@dataclass
class LoadedFile:
    path: Path  # resolved, absolute
    display: str  # as shown in reports
    source: SourceText | None
    document: Document | None = None
    model: m.CampaignFile | None = None
    problems: list[Problem] = field(default_factory=list)
    #: every file this one imports, directly or not (absolute paths)
    imported: list[Path] = field(default_factory=list)
    #: files whose import of this one closed a cycle
    cycles: list[Path] = field(default_factory=list)
    #: every path this file's own `import` lines asked for, found or not (the
    #: result cache re-checks them: creating a missing import changes the result)
    requested: list[Path] = field(default_factory=list)
    #: the project root (asset paths are confined to it, like imports)
    root: Path | None = None


@functools.cache
def builtin_channels() -> dict[str, m.ChannelProfile]:
    """The built-in channel profiles of ``rules/channels.camp``."""
    path = rules_path("channels.camp")
    text = path.read_text(encoding="utf-8")
    document = parse(text)
    resolver = Resolver("<built-in channels>", Definitions(), {})
    result, _imports, _campaigns = resolver.read_file(document.nodes)
    if resolver.problems:  # pragma: no cover - guarded by tests on the shipped data
        problem = resolver.problems[0]
        raise RuntimeError(f"rules/channels.camp is invalid: {problem.message}")
    for profile in result.channels.values():
        profile.builtin = True
    return result.channels


class Loader:
    def __init__(self, project_root: Path, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE,
                 rule_packs: list[Path] | None = None, cwd: Path | None = None,
                 overrides: dict[Path, str] | None = None):
        self.root = project_root.resolve()
        self.max_file_size = max_file_size
        self.cwd = cwd or Path.cwd()
        self.files: dict[Path, LoadedFile] = {}
        self.overrides = overrides or {}  # unsaved text (stdin, editors)
        self._loading: list[Path] = []
        self.pack_definitions = Definitions()
        for pack in rule_packs or []:
            loaded = self.load(pack)
            errors = [p for p in loaded.problems if p.code.startswith("E")]
            if errors:  # its rules would vanish without a word: the run stops and says why
                from ..config import ConfigError

                first = errors[0]
                where = ""
                if loaded.source is not None:
                    line, column = loaded.source.position(first.span.start)
                    where = f" at line {line}, column {column}"
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise ConfigError(f"the rule pack {loaded.display} has an error{where}: {first.message}{more}")
            if loaded.model:
                self.pack_definitions.update(self._visible(loaded))

    def display(self, path: Path) -> str:
        return display_path(path, self.cwd)

    def load(self, path: Path) -> LoadedFile:
        path = Path(os.path.abspath(path))
        if path in self.files:
            return self.files[path]
        display = self.display(path)
        if path in self.overrides:
            source, problem = decode(self.overrides[path].encode("utf-8", "surrogatepass"), display, self.max_file_size)
        else:
            try:
                data = safe_io.read_bytes(path, self.max_file_size)  # size checked first; pipes never opened
            except safe_io.TooLarge as error:
                loaded = LoadedFile(path, display, None, problems=[too_large(display, error.size, self.max_file_size)])
                self.files[path] = loaded
                return loaded
            except OSError as error:
                problem = Problem("E006", Span(display, 0, 0), _("cannot read this file: {value}").format(
                                                                   value=error.strerror or error))
                loaded = LoadedFile(path, display, None, problems=[problem])
                self.files[path] = loaded
                return loaded
            source, problem = decode(data, display, self.max_file_size)
        loaded = LoadedFile(path, display, source, root=self.root)
        self.files[path] = loaded
        if problem:
            loaded.problems.append(problem)
            return loaded
        assert source is not None
        try:
            loaded.document = parse(source.text)
        except SyntaxProblem as error:
            loaded.problems.append(Problem("E001", Span(display, error.offset, error.end), error.message, error.fix))
            return loaded
        except RecursionError:
            loaded.problems.append(Problem("E001", Span(display, 0, 0), _("the file is nested too deeply to be read")))
            return loaded
        self._resolve(loaded)
        return loaded

    def _resolve(self, loaded: LoadedFile) -> None:
        assert loaded.document is not None
        self._loading.append(loaded.path)
        try:
            outside = Definitions()
            outside.update(self.pack_definitions)
            resolver = Resolver(loaded.display, outside, builtin_channels())
            result, imports, campaign_nodes = resolver.read_file(loaded.document.nodes)
            if len(imports) > MAX_IMPORTS:
                value, _node = imports[MAX_IMPORTS]
                resolver.problem("E006", resolver.value_span(value), _("a file may import at most "
                                                                       "{max_imports} files").format(
                                                                         max_imports=MAX_IMPORTS))
                imports = imports[:MAX_IMPORTS]
            for value, _node in imports:
                target = self._import_target(loaded, value.data, resolver, value)
                if target is None:
                    continue
                imported = self.load(target)
                if loaded.path in imported.cycles:
                    chain = " → ".join(p.name for p in [loaded.path, imported.path, loaded.path])
                    resolver.problem("E006", resolver.value_span(value), _("import cycle: {chain}").format(
                                                                             chain=chain))
                loaded.imported.append(imported.path)
                loaded.imported.extend(p for p in imported.imported if p not in loaded.imported)
                if imported.model is None:
                    first = imported.problems[0] if imported.problems else None
                    reason = first.message if first else "it could not be read"
                    if first and imported.source:
                        line, column = imported.source.position(first.span.start)
                        reason = _("line {line}, column {column}: {reason}").format(
                            line=line, column=column, reason=reason)
                    resolver.problem("E006", resolver.value_span(value),
                                     _("`{data}` could not be imported ({reason})").format(
                                         data=value.data, reason=reason))
                    continue
                outside.update(self._visible(imported))
            resolver.resolve_campaigns(result, campaign_nodes)
            loaded.model = result
            loaded.problems.extend(resolver.problems)
        finally:
            self._loading.pop()

    def _visible(self, loaded: LoadedFile) -> Definitions:
        """What importing ``loaded`` brings: its definitions and its own imports'."""
        visible = Definitions()
        for path in loaded.imported:
            other = self.files.get(path)
            if other and other.model:
                visible.update(other.model)
        if loaded.model:
            visible.update(loaded.model)
        return visible

    def _import_target(self, loaded: LoadedFile, text: str, resolver: Resolver, value) -> Path | None:
        if "\x00" in text:
            resolver.problem("E006", resolver.value_span(value), _("an import path cannot contain a NUL character"))
            return None
        longest = max((len(part) for part in text.replace("\\", "/").split("/")), default=0)
        if len(text) > MAX_IMPORT_PATH or longest > MAX_NAME:
            resolver.problem("E006", resolver.value_span(value),
                             _("this import path is too long ({count:,} characters): at most {limit:,}, "
                               "and {name_limit} for each folder or file name").format(
                                 count=len(text), limit=MAX_IMPORT_PATH, name_limit=MAX_NAME))
            return None
        if not text.endswith(".camp"):
            resolver.problem("E006", resolver.value_span(value), _("only .camp files can be imported, not "
                                                                   "`{text}`").format(text=text))
            return None
        raw = loaded.path.parent / text
        target = Path(os.path.abspath(raw))
        loaded.requested.append(target)
        try:
            real = target.resolve()
        except (OSError, RuntimeError, ValueError):
            resolver.problem("E006", resolver.value_span(value), _("`{text}` cannot be resolved (a link "
                                                                   "loop?)").format(text=text))
            return None
        if not _inside(real, self.root):
            root = self.display(self.root) or "."
            resolver.problem("E006", resolver.value_span(value),
                             _("`{text}` is outside the project folder ({root}); imports must stay inside it").format(
                                 text=text, root=root))
            return None
        if target in self._loading or real in self._loading:
            chain = " → ".join(p.name for p in self._loading + [target])
            loaded.cycles.append(target)
            resolver.problem("E006", resolver.value_span(value), _("import cycle: {chain}").format(chain=chain))
            return None
        try:
            found = real.is_file()
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or error
            resolver.problem("E006", resolver.value_span(value),
                             _("`{text}` cannot be read: {reason}").format(text=text, reason=reason))
            return None
        if not found and target not in self.overrides:
            resolver.problem("E006", resolver.value_span(value),
                             _("`{text}` was not found (looked for {display})").format(
                                 text=text, display=self.display(target)))
            return None
        return target


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False

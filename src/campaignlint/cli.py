"""The command line (docs/outputs.md, README).  Exit codes: 0 clean, 1 findings, 2 the tool failed."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__, i18n
from .findings import Severity
from .i18n import N_, ngettext
from .i18n import gettext as _
from .reporters import FORMATS

SEVERITIES = ["error", "warning", "info"]


class Failure(click.ClickException):
    """The tool could not do its job: one clear line, exit 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"campaignlint: {self.format_message()}", err=True)


# ------------------------------------------------------------ the language of the command
# Help texts are written as English message ids (marked with N_ for extraction)
# and translated when click shows them, so that `--lang`, the configuration and
# the locale, known only when the command runs, apply to `--help` too.

def _translated(text):
    return _(text) if text else text


class _Translated:
    #: lines shown as they are under the description (click's ``\b`` block)
    examples = ""

    def format_options(self, ctx, formatter):
        saved = [(param, param.help) for param in self.get_params(ctx) if getattr(param, "help", None)]
        for param, text in saved:
            param.help = _(text)
        try:
            super().format_options(ctx, formatter)
        finally:
            for param, text in saved:
                param.help = text

    def format_help_text(self, ctx, formatter):
        original = self.help
        self.help = _translated(original)
        if self.examples:
            self.help += "\n\n\b\n" + _(self.examples)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = original

    def get_short_help_str(self, limit=45):
        original, short = self.help, self.short_help
        self.help, self.short_help = _translated(original), _translated(short)
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help, self.short_help = original, short


class HelpFormatter(click.HelpFormatter):
    def write_heading(self, heading: str) -> None:  # « Options : » in French (click writes `f"{heading}:"`)
        self.write(f"{'':>{self.current_indent}}" + _("{heading}:").format(heading=heading) + "\n")


class Context(click.Context):
    formatter_class = HelpFormatter


class Command(_Translated, click.Command):
    context_class = Context


class Group(_Translated, click.Group):
    command_class = Command
    context_class = Context
    examples = N_("Start with:   campaignlint check examples/\n"
                  "Learn a rule: campaignlint explain O004\n"
                  "All rules:    campaignlint rules")

    def make_context(self, info_name, args, parent=None, **extra):
        # before any option is read: the language of the configuration found
        # from here upwards, else the locale (`--lang` and `check`'s own
        # configuration refine it)
        from .config import configured_language

        i18n.choose(None, configured_language(Path.cwd()))
        _translate_click()
        return super().make_context(info_name, args, parent, **extra)


def _translate_click() -> None:
    """click's own words (Usage, Options, error messages) through our catalogue (see click_messages)."""
    import importlib

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = i18n.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext


def _set_lang(ctx, _param, value):
    if value:
        i18n.set_language(value)
        ctx.meta["campaignlint.lang"] = value
    return value


def _lang_option(ctx) -> str | None:
    """The `--lang` of the command line, if given."""
    return ctx.find_root().meta.get("campaignlint.lang")


def _configured(linter, paths) -> None:
    """After the run's configuration is read: its `lang` applies unless `--lang` was given."""
    i18n.choose(_lang_option(click.get_current_context()), linter.project.language(paths))


def _split(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    found: list[str] = []
    for value in values:
        found.extend(part for part in value.replace(",", " ").split() if part)
    return found


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Check multichannel marketing campaigns (.camp files) before they ship."))
@click.version_option(__version__, prog_name="campaignlint", help=N_("Show the version and exit."))
@click.option("--lang", type=click.Choice(list(i18n.LANGUAGES)), is_eager=True, expose_value=False,
              callback=_set_lang,
              help=N_("Language of the messages (default: the `lang` setting, else the locale, else en)."))
def cli() -> None:
    pass


@cli.command(help=N_("Lint campaign files and folders (default: the current folder)."))
@click.argument("paths", nargs=-1, type=str)
@click.option("--select", multiple=True, help=N_("Only these rules: codes, prefixes (T, C00) or rule names."))
@click.option("--ignore", multiple=True, help=N_("Skip these rules (codes, prefixes or names)."))
@click.option("--extend-select", multiple=True, help=N_("Add rules to the configured selection."))
@click.option("--packs", multiple=True,
              help=N_("Rule packs to run instead of the configured ones (email, google-ads, meta, fr-legal)."))
@click.option("--extend-packs", multiple=True, help=N_("Rule packs to run on top of the configured ones."))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "junit", "markdown", "html"]),
              default="text", show_default=True, help=N_("Output format."))
@click.option("--output-file", type=click.Path(dir_okay=False, writable=True),
              help=N_("Write the report to this file."))
@click.option("--fix", is_flag=True, help=N_("Apply safe fixes, then report what is left."))
@click.option("--unsafe-fixes", is_flag=True, help=N_("With --fix, apply unsafe fixes too."))
@click.option("--diff", is_flag=True, help=N_("Show the fixes as a unified diff; change nothing."))
@click.option("--fail-on", type=click.Choice(SEVERITIES),
              help=N_("Lowest severity that fails the run (default: error)."))
@click.option("--exit-zero", is_flag=True, help=N_("Always exit 0 unless the tool itself fails."))
@click.option("--statistics", is_flag=True, help=N_("Count findings per rule instead of listing them."))
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help=N_("Use this configuration file (no discovery)."))
@click.option("--no-cache", is_flag=True, help=N_("Neither read nor write the result cache."))
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help=N_("Worker processes (default: number of cores)."))
@click.option("--quiet", "-q", is_flag=True, help=N_("Only the findings, no summary."))
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help=N_("Colour the text report: auto (on a terminal), always or never."))
@click.option("--show-source", is_flag=True, help=N_("Show the line of each finding with a marker under it."))
@click.option("--stdin-filename", help=N_("Name to give the text read from standard input (with `-`)."))
@click.option("--output-format", type=click.Choice(FORMATS), help=N_("The same as --format (Ruff's name for it)."))
@click.option("--min-severity", type=click.Choice(SEVERITIES), help=N_("Show only findings of this severity or worse "
              "(the exit code still follows --fail-on)."))
@click.option("--show-fixes", is_flag=True, help=N_("List the fixes --fix applied (or, without --fix, would apply)."))
@click.option("--add-noqa", is_flag=True,
              help=N_("Write `# noqa: CODE` on each line with a finding; change nothing else."))
@click.option("--watch", is_flag=True, help=N_("Check again each time a file changes (Ctrl-C stops)."))
def check(paths, select, ignore, extend_select, packs, extend_packs, fmt, output_file, fix, unsafe_fixes, diff,
          fail_on, exit_zero, statistics, config_path, no_cache, jobs, quiet, color, show_source, stdin_filename,
          output_format, min_severity, show_fixes, add_noqa, watch):
    from .config import ConfigError
    from .engine import Linter, Options, UsageError
    from .reporters import ReportContext, render

    paths = list(paths) or ["."]
    fmt = _everyday_options(paths, fmt, output_format, add_noqa=add_noqa, watch=watch, fix=fix, diff=diff)
    if config_path is not None and not Path(config_path).is_file():
        raise Failure(_("--config: {path}: no such file").format(path=config_path))
    options = Options(
        select=_split(select), ignore=_split(ignore), extend_select=_split(extend_select),
        config_path=Path(config_path) if config_path else None,
        fail_on=Severity(fail_on) if fail_on else None,
        packs=_split(packs), extend_packs=_split(extend_packs),
    )
    stdin_text = None
    if "-" in paths:
        from .config import MAX_FILE_SIZE_LIMIT

        data = sys.stdin.buffer.read(MAX_FILE_SIZE_LIMIT + 1)  # never more: then E008 says it is too large
        stdin_text = data.decode("utf-8", "surrogateescape")
    try:
        linter = Linter(options)
        _configured(linter, paths)
        threshold = linter.fail_on(paths)
        if add_noqa:
            _add_noqa(linter, paths)
        if fix or diff:
            result, diff_text = _fix_run(linter, paths, unsafe_fixes, write=fix and not diff, stdin_text=stdin_text,
                                         stdin_filename=stdin_filename)
            if show_fixes and fix:
                _list_applied(result)
        else:
            from .parallel import batch_gc

            batch_gc()
            result = linter.lint(paths, stdin_text, stdin_filename, cache=not no_cache, jobs=jobs)
            diff_text = ""
    except (ConfigError, UsageError) as error:
        raise Failure(str(error)) from None

    if diff:
        _emit(diff_text, output_file)
        raise SystemExit(0 if exit_zero or not diff_text else 1)
    # with `-` and --fix the fixed text goes to standard output: the report goes to standard error
    report_to_stderr = fix and stdin_text is not None and output_file is None
    use_color = color == "always" or (color == "auto" and output_file is None and sys.stdout.isatty()
                                      and "NO_COLOR" not in os.environ)
    rendered = getattr(result, "rendered", None)
    if (rendered is not None and fmt == "text" and not (use_color or statistics or show_source or min_severity
                                                        or show_fixes or fix or diff)):
        _emit_rendered(result, rendered, quiet, output_file, threshold, exit_zero)
    shown = _shown_findings(result, min_severity, show_fixes and not fix, unsafe_fixes)
    context = ReportContext(files=result.files, color=use_color and fmt == "text", quiet=quiet, statistics=statistics,
                            show_source=show_source, unsafe_fixes=unsafe_fixes, sources=linter.sources,
                            fixed=result.fixed, notes=result.fix_notes, fail_on=threshold, linter=linter)
    report = render(fmt, shown, context)
    if report_to_stderr:
        click.echo(report, nl=False, err=True)
    else:
        _emit(report, output_file, color=context.color or None)
    for failure in getattr(result, "write_failures", []):  # a fix that could not be written: the run failed
        click.echo(f"campaignlint: {failure}", err=True)
    if getattr(result, "write_failures", []):
        raise SystemExit(2)
    failing = any(f.severity.rank >= threshold.rank for f in result.findings)
    raise SystemExit(0 if exit_zero or not failing else 1)


def _emit_rendered(result, rendered, quiet, output_file, threshold, exit_zero) -> None:
    """The text report of a run whose findings are the files' stored lines in order (``engine.Rendered``):
    printed as they are, the summary from their counts; no finding is decoded."""
    from .reporters import ReportContext
    from .reporters.text_report import summary_of

    tail = ""
    if not quiet:
        context = ReportContext(files=result.files, notes=result.fix_notes, fixed=result.fixed)
        tail = "".join(note + "\n" for note in result.fix_notes) + summary_of(rendered.counts, context) + "\n"
    data = b"".join(rendered.texts) + tail.encode("utf-8", "surrogateescape")
    stream = getattr(sys.stdout, "buffer", None)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if output_file or stream is None or encoding != "utf8" or b"\x1b" in data:
        _emit(data.decode("utf-8", "surrogateescape"), output_file)
    else:  # the stored UTF-8 as it is: what click.echo would write, without decoding and re-encoding it
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
    errors, warnings, infos = rendered.counts[:3]
    failing = {Severity.ERROR: errors, Severity.WARNING: errors + warnings,
               Severity.INFO: errors + warnings + infos}[threshold] > 0
    raise SystemExit(0 if exit_zero or not failing else 1)


def _everyday_options(paths, fmt, output_format, *, add_noqa, watch, fix, diff) -> str:
    """Check the combinations of Ruff's everyday options; start --watch; the report format."""
    if output_format and fmt != "text" and output_format != fmt:
        raise Failure(_("--format {fmt} and --output-format {output_format} disagree: give one of them").format(
            fmt=fmt, output_format=output_format))
    if add_noqa and (fix or diff or watch or "-" in paths):
        raise Failure(_("--add-noqa changes files on disk by itself: use it without --fix, --diff, --watch and `-`"))
    if watch:
        if "-" in paths:
            raise Failure(_("--watch watches files and folders, not standard input (`-`)"))
        missing = next((raw for raw in paths if not Path(raw).exists()), None)
        if missing is not None:
            raise Failure(_("{path}: no such file or folder").format(path=missing))
        from .watch import watch_check

        raise SystemExit(watch_check(click.get_current_context(), paths))
    return output_format or fmt


def _add_noqa(linter, paths) -> None:
    from .add_noqa import run
    from .fixes import WriteError, write_atomically

    failures: list[str] = []

    def write(path, text, had_bom, folder):
        root = linter.project_root(linter.config_for(path), Path(os.path.abspath(path)), folder)
        try:
            write_atomically(path, text, had_bom, root=root)
        except WriteError as error:
            failures.append(str(error))
            return str(error)
        return None

    added, changed, notes = run(linter, paths, write=write)
    for note in notes:
        click.echo(note, err=True)
    codes = ngettext("{count} noqa code", "{count} noqa codes", added).format(count=added)
    files = ngettext("{count} file", "{count} files", changed).format(count=changed)
    click.echo(_("Added {codes} in {files}.").format(codes=codes, files=files))
    raise SystemExit(2 if failures else 0)


def _shown_findings(result, min_severity, would_fix: bool, unsafe: bool) -> list:
    """The findings the report shows (--min-severity), with the notes of --show-fixes."""
    shown = result.findings
    if min_severity:
        floor = Severity(min_severity).rank
        shown = [f for f in result.findings if f.severity.rank >= floor]
        hidden = len(result.findings) - len(shown)
        if hidden:
            from .reporters.text_report import severity_word

            result.fix_notes.append(ngettext("{count} finding below {severity} not shown (--min-severity).",
                                             "{count} findings below {severity} not shown (--min-severity).",
                                             hidden).format(count=hidden,
                                                            severity=severity_word(Severity(min_severity))))
    if would_fix:
        fixes = [f for f in shown if f.fix is not None and f.fix.permitted(unsafe)]
        result.fix_notes.append((ngettext("--fix would apply {count} fix:", "--fix would apply {count} fixes:",
                                          len(fixes)) if fixes else _("--fix would apply 0 fixes.")
                                 ).format(count=len(fixes)))
        unnamed = _("fix")
        result.fix_notes.extend(f"  {f.path}:{f.range.start_line}:{f.range.start_column}: {f.code} "
                                f"{f.fix.description or unnamed} [{_applicability(f.fix)}]" for f in fixes)
    return shown


def _list_applied(result) -> None:
    """--show-fixes with --fix: the fixes applied, file by file."""
    log = result.fix_log
    result.fix_notes.append((ngettext("Applied {count} fix:", "Applied {count} fixes:", len(log)) if log
                             else _("Applied 0 fixes.")).format(count=len(log)))
    unnamed = _("fix")
    result.fix_notes.extend(f"  {path}:{line}: {code} {description or unnamed}"
                            for path, code, line, description in log)


def _applicability(fix) -> str:
    """``safe`` / ``unsafe`` in the language of the run (the marker after a fix of --show-fixes)."""
    from .i18n import pgettext

    return pgettext("fix", fix.applicability.value)


def _fix_run(linter, paths, unsafe, *, write, stdin_text, stdin_filename):
    from .engine import RunResult, discover_files
    from .fixes import WriteError, fix_file, pass_limit_note, unified_diff, write_atomically

    result = RunResult()
    diffs: list[str] = []
    failures: list[str] = []
    targets = []
    for raw in paths:
        if raw == "-":
            targets.append((Path(os.path.abspath(stdin_filename or "stdin.camp")), stdin_text or "", None))
        else:
            folder = Path(os.path.abspath(raw)) if Path(raw).is_dir() else None
            targets.extend((path, None, folder) for path in discover_files([raw]))
    for path, text, linted_root in targets:
        outcome = fix_file(linter, path, unsafe, text=text)
        display = linter._display(path)
        result.files.append(display)
        result.findings.extend(outcome.findings)
        for code in outcome.rejected:
            result.fix_notes.append(
                _("{file}: the fix of {code} would have broken the file; it was not applied.").format(
                    file=display, code=code))
        if outcome.looping:
            result.fix_notes.append(pass_limit_note(display, outcome))
        if outcome.changed:
            result.fixed[display] = outcome.applied
            result.fix_log.extend((display, *entry) for entry in outcome.log)
            diffs.append(unified_diff(display, outcome.original, outcome.fixed))
            if write:
                if text is not None:
                    sys.stdout.write(outcome.fixed)
                else:
                    source = linter.sources.get(display)
                    root = linter.project_root(linter.config_for(path), Path(os.path.abspath(path)), linted_root)
                    try:
                        write_atomically(path, outcome.fixed, bool(source and source.had_bom), root=root)
                    except WriteError as error:  # the file is unchanged
                        result.fixed.pop(display, None)
                        failures.append(_("{file}: the fix was not written: {error}; the file was not changed").format(
                            file=display, error=error))
    result.write_failures = failures
    from .findings import unique_sorted

    result.findings = unique_sorted(result.findings)
    return result, "".join(diffs)


def _emit(text: str, output_file: str | None, color: bool | None = None) -> None:
    if output_file:
        try:
            Path(output_file).write_text(text, encoding="utf-8")
        except OSError as error:
            raise Failure(_("--output-file: cannot write {path}: {error}").format(
                path=output_file, error=error.strerror or error)) from None
    else:
        click.echo(text, nl=False, color=color)


@cli.command(help=N_("List every rule: code, name, default severity, fixable or not."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=N_("Output format."))
def rules(fmt):
    from .docs import fix_label_words, pack_state, rule_summary, rule_text
    from .reporters.text_report import severity_word
    from .registry import load_all_rules
    from .rule import FAMILIES

    registry = load_all_rules()
    if fmt == "json":
        data = [{"code": r.code, "name": r.name, "severity": r.severity.value,
                 "fix": r.fix_availability.value, "fix_applicability": [a.value for a in r.fix_applicability],
                 "summary": r.summary, "pack": r.pack, "source": r.source or None, "scope": r.scope}
                for r in registry.values()]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    current = None
    width = max(7, *(len(severity_word(s)) for s in Severity))
    fixes = {code: _("fix ({kind})").format(kind=fix_label_words(r)) if r.fixable else ""
             for code, r in registry.items()}
    fix_width = max(19, *(len(f) for f in fixes.values()))
    for code in sorted(registry, key=lambda c: (list(FAMILIES).index(c[0]) if c[0] in FAMILIES else 99, c)):
        rule = registry[code]
        family = rule.code[0]
        if family != current:
            current = family
            click.echo(f"\n{family} — {_(FAMILIES.get(family, ('', N_('Custom')))[1])}")
            if rule.pack:
                click.echo("  " + _("(pack `{pack}`: {state})").format(pack=rule.pack, state=pack_state(rule.pack)))
        severity = severity_word(rule.severity)
        click.echo(f"  {rule.code}  {severity:<{width}}  {fixes[code]:<{fix_width}}  " + _("{name}: {summary}").format(
            name=rule.name, summary=rule_summary(rule)))
        if rule.source:
            click.echo(f"  {'':<4}  " + _("source: {source}").format(source=rule_text(rule, "source")))
    click.echo("\n" + _("More on a rule: campaignlint explain CODE"))


@cli.command(help=N_("Explain a rule: what it checks, why it matters, an example and its fix."))
@click.argument("code")
def explain(code):
    from .docs import explain_text
    from .rule import BY_NAME, REGISTRY
    from .registry import load_all_rules

    load_all_rules()
    rule = REGISTRY.get(code.upper()) or BY_NAME.get(code)
    if rule is None:
        import difflib

        close = (difflib.get_close_matches(code.upper(), list(REGISTRY), n=1)
                 or difflib.get_close_matches(code, list(BY_NAME), n=1))
        hint = _(" (did you mean {code}?)").format(code=close[0]) if close else ""
        raise Failure(_("no rule {code}{hint}; `campaignlint rules` lists them all").format(code=code, hint=hint))
    click.echo(explain_text(rule))


@cli.command(help=N_("Write an HTML report of campaigns: summary, coverage, calendar, messages, budget."))
@click.argument("paths", nargs=-1, type=str)
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default="report.html", show_default=True,
              help=N_("Write the HTML report to this file."))
@click.option("--fail-on", type=click.Choice(SEVERITIES),
              help=N_("Lowest severity shown as blocking (default: error)."))
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help=N_("Use this configuration file (no discovery)."))
@click.option("--no-cache", is_flag=True, help=N_("Neither read nor write the result cache."))
def report(paths, output, fail_on, config_path, no_cache):
    from .config import ConfigError
    from .engine import Linter, Options, UsageError
    from .report import html_for_run

    paths = list(paths) or ["."]
    if config_path is not None and not Path(config_path).is_file():
        raise Failure(_("--config: {path}: no such file").format(path=config_path))
    try:
        linter = Linter(Options(config_path=Path(config_path) if config_path else None,
                                fail_on=Severity(fail_on) if fail_on else None))
        _configured(linter, paths)
        result = linter.lint(paths, cache=not no_cache)
        page = html_for_run(result.findings, result.files, linter, linter.fail_on(paths))
    except (ConfigError, UsageError) as error:
        raise Failure(str(error)) from None
    _emit(page, output)
    click.echo("campaignlint: " + _("report written to {path}").format(path=output), err=True)


@cli.command(help=N_("Print the resolved campaign model as JSON (for other tools).\n\n"
                     "One file: its model.  Several files or a folder: a list of {\"path\", \"model\"}.\n"
                     "A syntax error is printed as a finding (E001) on standard error; exit 1."))
@click.argument("paths", nargs=-1, type=str, required=True)
def parse(paths):
    from .config import ConfigError
    from .engine import Linter, UsageError, discover_files
    from .model_json import file_to_json
    from .reporters.text_report import severity_word

    try:
        linter = Linter()
        _configured(linter, list(paths))
        files = discover_files(paths)
        documents, broken = [], False
        for path in files:
            findings = linter.lint_file(path)
            loaded = linter.loaded(path)
            errors = [f for f in findings if f.code.startswith("E")]
            if loaded is None or loaded.model is None:
                broken = True
                for finding in errors:
                    said = _("{severity}: {message}").format(severity=severity_word(finding.severity),
                                                             message=finding.message)
                    click.echo(f"{finding.path}:{finding.range.start_line}:{finding.range.start_column}: "
                               f"{finding.code} {said}", err=True)
                documents.append({"path": linter._display(path), "model": None,
                                  "errors": [f.to_json() for f in errors]})
                continue
            documents.append({"path": loaded.display, "model": file_to_json(loaded.model, errors, linter.sources)})
    except (ConfigError, UsageError) as error:
        raise Failure(str(error)) from None
    single = len(paths) == 1 and len(files) == 1 and Path(paths[0]).is_file()
    if single and documents[0]["model"] is not None:
        click.echo(json.dumps(documents[0]["model"], ensure_ascii=False, indent=2))
    elif not single:
        click.echo(json.dumps(documents, ensure_ascii=False, indent=2))
    raise SystemExit(1 if broken else 0)


@cli.command(help=N_("Rewrite campaign files in the canonical layout (default: the current folder)."))
@click.argument("paths", nargs=-1, type=str)
@click.option("--check", is_flag=True, help=N_("Change nothing; exit 1 if a file would be reformatted."))
@click.option("--diff", is_flag=True, help=N_("Print the changes as a unified diff; change nothing; exit 1 if any."))
@click.option("--stdin-filename", help=N_("Name to give the text read from standard input (with `-`)."))
def fmt(paths, check, diff, stdin_filename):
    from .engine import UsageError
    from .formatter import run_fmt

    try:
        code = run_fmt(list(paths) or ["."], check=check, diff=diff, stdin_filename=stdin_filename,
                       echo=lambda text, end="\n": click.echo(text + end, nl=False),
                       echo_err=lambda text: click.echo(text, err=True))
    except UsageError as error:
        raise Failure(str(error)) from None
    raise SystemExit(code)


@cli.command(help=N_("Run the language server on standard input/output (for editors)."))
def lsp():
    from .lsp import serve

    serve()


def main() -> None:
    """Entry point: never let a traceback reach the user."""
    try:
        cli.main(prog_name="campaignlint")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("campaignlint: " + _("interrupted"), err=True)
        raise SystemExit(2)
    except RecursionError:
        click.echo("campaignlint: " + _("the input is nested too deeply to be processed"), err=True)
        raise SystemExit(2)
    except Exception as error:  # the tool failed: say so in one line, exit 2
        if os.environ.get("CAMPAIGNLINT_DEBUG"):
            raise
        click.echo("campaignlint: " + _("internal error: {error} (please report it; set CAMPAIGNLINT_DEBUG=1 "
                                        "for details)").format(error=f"{type(error).__name__}: {error}"), err=True)
        raise SystemExit(2)


if __name__ == "__main__":  # pragma: no cover
    main()

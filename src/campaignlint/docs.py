"""Rule documentation, written from the rules' own metadata.

``explain_text`` is what ``campaignlint explain CODE`` prints;
``rule_catalogue_markdown`` generates ``docs/rules.md``.
"""

from __future__ import annotations

import functools
import re
import textwrap

from . import i18n
from .i18n import N_
from .i18n import gettext as _
from .i18n import pgettext
from .reporters.text_report import SEVERITY_WORDS
from .rule import FAMILIES, Rule

from .registry import load_all_rules

FIX_WORDS = {
    "safe": N_("safe: `campaignlint check --fix` applies it (it cannot change what the campaign means)"),
    "unsafe": N_("unsafe: applied only with `--fix --unsafe-fixes`; review the result"),
}


def translated_docs(lang: str) -> dict:
    """The rule documentation written in ``lang`` (``locale/<lang>/rules.toml``: code → fields), {} for English."""
    return i18n.rule_docs(lang)


def written_text(rule: Rule, field: str, lang: str | None = None) -> str | None:
    """The text ``locale/<lang>/rules.toml`` has for a field of ``rule`` (the language in effect), None when none."""
    written = translated_docs(lang or i18n.language()).get(rule.code, {}).get(field)
    return written.strip("\n") if isinstance(written, str) and written.strip() else None


def rule_text(rule: Rule, field: str) -> str:
    """A field of the rule's documentation in the language in effect.

    ``summary``, ``what``, ``why``, ``fix_note``, ``source``, ``example``, ``correction``: English (the rule's
    own metadata) when the language has no text for it.  A translated ``what`` is the translated summary
    followed by the translated details (``what`` in ``rules.toml`` holds what comes after the summary)."""
    if field == "what":
        return translated_what(rule) or rule.what
    written = written_text(rule, field)
    if written:
        return written
    return rule.summary if field == "summary" else getattr(rule, field)


def english_details(rule: Rule) -> str:
    """What the English ``what`` says after its summary paragraph ("" when it is the summary alone)."""
    parts = rule.what.split("\n\n", 1)
    return parts[1].strip("\n") if len(parts) > 1 else ""


def translated_what(rule: Rule) -> str | None:
    """The whole "what it checks" in the language in effect, None when it is not fully translated."""
    summary = written_text(rule, "summary")
    details = written_text(rule, "what")
    if summary is None or (english_details(rule) and details is None):
        return None
    return summary + ("\n\n" + details if details else "")


CODE_SPAN = re.compile(r"(`+).+?\1")


def fill_paragraphs(text: str, width: int = 76) -> str:
    """Wrap each paragraph of a translated text (paragraphs are separated by a blank line).

    A paragraph whose lines all start with ``* `` or ``- `` is a list (one item a line); one with an indented
    line is code, kept as it is."""
    def wrap(line: str, **options) -> str:  # a `code span` is never cut
        kept = CODE_SPAN.sub(lambda m: m.group(0).replace(" ", "\0"), line)
        return textwrap.fill(kept, width=width, break_long_words=False, break_on_hyphens=False,
                             **options).replace("\0", " ")

    out = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        if any(line.startswith((" ", "\t")) for line in lines):
            out.append(paragraph)
        elif all(line.startswith(("* ", "- ")) for line in lines):
            out.append("\n".join(wrap(line, subsequent_indent="  ") for line in lines))
        else:
            out.append(wrap(" ".join(line.strip() for line in lines)))
    return "\n\n".join(out)


def _fill(text: str) -> str:
    """A paragraph of ``explain`` wrapped at 76 columns (in another language than English, never inside a
    `code span` nor at a hyphen: ``--unsafe-fixes`` stays whole)."""
    return textwrap.fill(text, 76) if i18n.language() == i18n.DEFAULT_LANGUAGE else fill_paragraphs(text)


def what_block(rule: Rule) -> str:
    """"What it checks" as ``explain`` shows it: the docstring as written, or the translation wrapped."""
    translated = translated_what(rule)
    return fill_paragraphs(translated) if translated else rule.what


def setting_description(rule: Rule, setting) -> str:
    """A setting's description in the language in effect (``[CODE.settings]`` of ``rules.toml``)."""
    written = translated_docs(i18n.language()).get(rule.code, {}).get("settings", {}).get(setting.key)
    return written.strip() if isinstance(written, str) and written.strip() else setting.description


def rule_summary(rule: Rule) -> str:
    return rule_text(rule, "summary")


def fix_words(rule: Rule) -> str:
    """The rule's fix in words: whether it offers one, and how safe each kind is."""
    if not rule.fixable:
        return _("none: this rule only reports")
    when = _("always available") if rule.fix_availability.value == "always" else _("sometimes available")
    kinds = _("; or ").join(_(FIX_WORDS[a.value]) for a in rule.fix_applicability)
    note = f" ({rule_text(rule, 'fix_note')})" if rule.fix_note else ""
    return _("{when}{note}; {kinds}").format(when=when, note=note, kinds=kinds)


def fix_label(rule: Rule) -> str:
    """Short form for tables: ``safe``, ``unsafe``, ``safe/unsafe`` or empty."""
    return "/".join(a.value for a in rule.fix_applicability) if rule.fixable else ""


def fix_label_words(rule: Rule) -> str:
    """:func:`fix_label` in the language in effect (``sûre/à vérifier``), for the `rules` listing."""
    words = {"safe": pgettext("fix", "safe"), "unsafe": pgettext("fix", "unsafe")}
    return "/".join(words[a.value] for a in rule.fix_applicability) if rule.fixable else ""


def _indent(text: str) -> str:
    return textwrap.indent(text.strip("\n"), "    ")


def pack_state(name: str) -> str:
    """``on by default`` / ``off by default: enable it with …`` for a rule pack."""
    from .packs import PACKS

    if PACKS[name].default:
        return _("on by default (turn it off with `packs = []` or a `packs` list without it)")
    return _("off by default: enable it with `extend-packs = [\"{name}\"]`, `--extend-packs {name}` or `packs {name}` "
             "in a campaign").format(name=name)


def explain_text(rule: Rule) -> str:
    severity = _(SEVERITY_WORDS[rule.severity])
    parts = [_("{code} {name} ({severity} by default)").format(code=rule.code, name=rule.name, severity=severity), ""]
    if rule.pack:
        parts += [_("Rule pack `{pack}`, {state}").format(pack=rule.pack, state=pack_state(rule.pack)), ""]
    parts += [_("What it checks"), textwrap.indent(what_block(rule), "  "), ""]
    if rule.why:
        parts += [_("Why it matters"), textwrap.indent(_fill(rule_text(rule, "why")), "  "), ""]
    if rule.example:
        parts += [_("Example that fires"), _indent(rule_text(rule, "example")), ""]
    if rule.correction:
        parts += [_("Corrected"), _indent(rule_text(rule, "correction")), ""]
    if rule.source:
        parts += [_("Source"), textwrap.indent(_fill(rule_text(rule, "source")), "  "), ""]
    parts += [_("Fix"), textwrap.indent(_fill(fix_words(rule)), "  "), ""]
    if rule.settings:
        parts.append(_("Settings (in campaignlint.toml or [tool.campaignlint])"))
        for setting in rule.settings:
            parts.append("  " + _("{key} = {default}: {description}").format(
                key=setting.key, default=repr(setting.default), description=setting_description(rule, setting)))
        parts.append("")
    parts.append(_("Silence it on one line with `# noqa: {code}`, or everywhere with `ignore = [\"{code}\"]`.").format(
        code=rule.code))
    return "\n".join(parts)


def rule_catalogue_markdown() -> str:
    """``docs/rules.md`` in the language in effect (``docs/rules.fr.md``: ``python -m campaignlint.docs --lang fr``)."""
    registry = load_all_rules()
    lines = ["# " + _("Rule catalogue"), "",
             _("Generated from the rules' own metadata by `python -m campaignlint.docs`; do not edit by hand."), ""]
    lines += packs_markdown()
    for family, (_module, title) in FAMILIES.items():
        rules = [r for c, r in sorted(registry.items()) if c.startswith(family)]
        if not rules:
            continue
        lines += [f"## {family} — {_(title)}", ""]
        if rules[0].pack:
            state = pack_state(rules[0].pack)
            lines += [_("Rule pack `{pack}`, {state}").format(pack=rules[0].pack, state=state) + ".", ""]
        lines += [_("| code | name | severity | fix | what |"), "|---|---|---|---|---|"]
        for rule in rules:
            fix = fix_label_words(rule)
            severity = _(SEVERITY_WORDS[rule.severity])
            lines.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {severity} | {fix} "
                         f"| {rule_summary(rule)} |")
        lines.append("")
        for rule in rules:
            lines += _rule_markdown(rule)
    return "\n".join(lines) + "\n"


def _rule_markdown(rule: Rule) -> list[str]:
    severity = _(SEVERITY_WORDS[rule.severity])
    lines = [f"### {rule.code}", "", _("**{name}** — {severity} by default.").format(name=rule.name,
                                                                                      severity=severity),
             "", rule_text(rule, "what"), ""]
    if rule.why:
        lines += [_("**Why it matters.** {why}").format(why=rule_text(rule, "why")), ""]
    if rule.example:
        lines += [_("**Example that fires:**"), "", "```", rule_text(rule, "example").strip("\n"), "```", ""]
    if rule.correction:
        lines += [_("**Corrected:**"), "", "```", rule_text(rule, "correction").strip("\n"), "```", ""]
    if rule.source:
        lines += [_("**Source.** {source}").format(source=rule_text(rule, "source")), ""]
    lines += [_("**Fix:** {fix}.").format(fix=fix_words(rule)), ""]
    if rule.settings:
        lines.append(_("**Settings:**"))
        lines.append("")
        for setting in rule.settings:
            lines.append(_("- `{key}` (default `{default}`): {description}").format(
                key=setting.key, default=setting.default, description=setting_description(rule, setting)))
        lines.append("")
    return lines


def packs_markdown() -> list[str]:
    from .packs import PACKS

    lines = ["## " + _("Rule packs"), ""]
    lines += _(
        "A pack is a set of rules for one platform or one law, with its own family letter and its data\n"
        "under `rules/` (word lists, patterns, legal texts, each entry with its source). A pack's rules run\n"
        "only when it is on. In `campaignlint.toml` (or `[tool.campaignlint]`):").split("\n")
    lines += ["", "```toml",
              'packs = ["google-ads", "meta"]        # ' + _("the default; `packs = []` turns them all off"),
              'extend-packs = ["email", "fr-legal"]  # ' + _("added to `packs`"), "```", ""]
    lines += _(
        "On the command line: `--packs email,meta` (replaces) and `--extend-packs fr-legal` (adds). In a\n"
        "campaign: `packs email, fr-legal` adds packs for that campaign. An unknown pack stops the run\n"
        "(exit 2); so does selecting (`select`, `--select`) a rule of a pack that is off.").split("\n")
    lines += ["", _("| pack | family | applies to | data | default |"), "|---|---|---|---|---|"]
    for pack in PACKS.values():
        data = ", ".join(f"`{d}`" for d in pack.data)
        default = pgettext("pack", "on") if pack.default else pgettext("pack", "off")
        lines.append(f"| `{pack.name}` | {pack.family} | {_(pack.scope)} | {data} | {default} |")
    lines.append("")
    for pack in PACKS.values():
        lines.append(_("* `{name}` is {why}.").format(name=pack.name, why=_(pack.why_default)))
    return lines + [""]


CORE_KEYS_DOC = [
    ("select", '["ALL"]', "rules to run: codes, prefixes (`T`, `C00`) or rule names"),
    ("ignore", "[]", "rules to skip (same forms); the more specific of `select` and `ignore` wins"),
    ("extend-select", "[]", "rules added to `select`"),
    ("fail-on", '"error"', "lowest severity that makes `check` exit 1: `error`, `warning` or `info`"),
    ("[severity]", "", "a table `CODE = \"error|warning|info\"` overriding default severities"),
    ("[per-file-ignores]", "",
     "a table `\"glob\" = [codes]`: rules skipped for matching files (paths relative to the working folder)"),
    ("rule-packs", "[]", "extra `.camp` files whose `channel`, `rule` and `segment` definitions apply to every "
                         "campaign (paths relative to the configuration file)"),
    ("max-file-size", "1000000", "largest file read, in bytes (E008 above it; at most 100,000,000)"),
    ("lang", "", "language of the messages: `en` or `fr` (`--lang` wins; unset: the locale, else English)"),
    ("packs", '["google-ads", "meta"]',
     "rule packs to run (`email`, `google-ads`, `meta`, `fr-legal`); replaces the default list"),
    ("extend-packs", "[]", "rule packs added to `packs`"),
]


def configuration_markdown() -> str:
    from .rule import REGISTRY

    load_all_rules()
    lines = [
        "# Configuration",
        "",
        "Generated by `python -m campaignlint.docs configuration`; do not edit by hand.",
        "",
        "campaignlint reads `campaignlint.toml`, or the `[tool.campaignlint]` table of",
        "`pyproject.toml`, from the linted file's folder upwards; the nearest wins.",
        "`--config PATH` names one file and turns discovery off. Command-line",
        "`--select`, `--ignore`, `--extend-select` and `--fail-on` apply on top of it.",
        "An unknown key or a bad value stops the run (exit 2) with a message naming it.",
        "",
        "## Keys",
        "",
        "| key | default | meaning |",
        "|---|---|---|",
    ]
    for key, default, meaning in CORE_KEYS_DOC:
        lines.append(f"| `{key}` | {f'`{default}`' if default else ''} | {meaning} |")
    lines += ["", "## Thresholds", "", "| key | default | rule | meaning |", "|---|---|---|---|"]
    for code, rule in sorted(REGISTRY.items()):
        for setting in rule.settings:
            lines.append(f"| `{setting.key}` | `{setting.default}` | {code} | {setting.description} |")
    lines += [
        "",
        "## Example",
        "",
        "```toml",
        'select = ["ALL"]',
        'ignore = ["P005"]',
        'fail-on = "warning"',
        'rule-packs = ["shared/house-rules.camp"]',
        "",
        "[severity]",
        'T008 = "warning"',
        "",
        "[per-file-ignores]",
        '"drafts/*" = ["C", "M"]',
        "```",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    import sys

    arguments = sys.argv[1:]
    if arguments[:1] == ["--lang"] and len(arguments) > 1:  # `--lang fr`: docs/rules.fr.md
        i18n.set_language(arguments[1])
        arguments = arguments[2:]
    if arguments == ["configuration"]:
        print(configuration_markdown(), end="")
    else:
        print(rule_catalogue_markdown(), end="")

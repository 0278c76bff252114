"""Rule documentation, written from the rules' own metadata.

``explain_text`` is what ``campaignlint explain CODE`` prints;
``rule_catalogue_markdown`` generates ``docs/rules.md``.
"""

from __future__ import annotations

import functools
import textwrap
import tomllib

from . import i18n
from .i18n import N_
from .i18n import gettext as _
from .reporters.text_report import SEVERITY_WORDS
from .rule import FAMILIES, Rule

from .registry import load_all_rules

FIX_WORDS = {
    "safe": N_("safe: `campaignlint check --fix` applies it (it cannot change what the campaign means)"),
    "unsafe": N_("unsafe: applied only with `--fix --unsafe-fixes`; review the result"),
}


@functools.lru_cache(maxsize=None)
def translated_docs(lang: str) -> dict:
    """The rule documentation written in ``lang`` (``locale/<lang>/rules.toml``: code → fields), {} for English."""
    path = i18n.LOCALE_DIR / lang / "rules.toml"
    if lang == i18n.DEFAULT_LANGUAGE or not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def rule_text(rule: Rule, field: str) -> str:
    """A field of the rule's documentation (``summary``, ``what``, ``why``, ``fix_note``) in the language in effect.

    English (the rule's own metadata) when the language has no text for it."""
    written = translated_docs(i18n.language()).get(rule.code, {}).get(field)
    if written:
        return written.strip("\n")
    return rule.summary if field == "summary" else getattr(rule, field)


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
    parts += [_("What it checks"), textwrap.indent(rule_text(rule, "what"), "  "), ""]
    if rule.why:
        parts += [_("Why it matters"), textwrap.indent(textwrap.fill(rule_text(rule, "why"), 76), "  "), ""]
    if rule.example:
        parts += [_("Example that fires"), _indent(rule.example), ""]
    if rule.correction:
        parts += [_("Corrected"), _indent(rule.correction), ""]
    if rule.source:
        parts += [_("Source"), textwrap.indent(textwrap.fill(rule.source, 76), "  "), ""]
    parts += [_("Fix"), textwrap.indent(textwrap.fill(fix_words(rule), 76), "  "), ""]
    if rule.settings:
        parts.append(_("Settings (in campaignlint.toml or [tool.campaignlint])"))
        for setting in rule.settings:
            parts.append(f"  {setting.key} = {setting.default!r}: {setting.description}")
        parts.append("")
    parts.append(_("Silence it on one line with `# noqa: {code}`, or everywhere with `ignore = [\"{code}\"]`.").format(
        code=rule.code))
    return "\n".join(parts)


def rule_catalogue_markdown() -> str:
    registry = load_all_rules()
    lines = ["# Rule catalogue", "",
             "Generated from the rules' own metadata by `python -m campaignlint.docs`; do not edit by hand.", ""]
    lines += packs_markdown()
    for family, (_module, title) in FAMILIES.items():
        rules = [r for c, r in sorted(registry.items()) if c.startswith(family)]
        if not rules:
            continue
        lines += [f"## {family} — {title}", ""]
        if rules[0].pack:
            lines += [f"Rule pack `{rules[0].pack}`, {pack_state(rules[0].pack)}.", ""]
        lines += ["| code | name | severity | fix | what |", "|---|---|---|---|---|"]
        for rule in rules:
            fix = fix_label(rule)
            lines.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} | {fix} "
                         f"| {rule.summary} |")
        lines.append("")
        for rule in rules:
            lines += [f"### {rule.code}", "", f"**{rule.name}** — {rule.severity.value} by default.", "",
                      rule.what, ""]
            if rule.why:
                lines += [f"**Why it matters.** {rule.why}", ""]
            if rule.example:
                lines += ["**Example that fires:**", "", "```", rule.example.strip("\n"), "```", ""]
            if rule.correction:
                lines += ["**Corrected:**", "", "```", rule.correction.strip("\n"), "```", ""]
            if rule.source:
                lines += [f"**Source.** {rule.source}", ""]
            lines += [f"**Fix:** {fix_words(rule)}.", ""]
            if rule.settings:
                lines.append("**Settings:**")
                lines.append("")
                for setting in rule.settings:
                    lines.append(f"- `{setting.key}` (default `{setting.default}`): {setting.description}")
                lines.append("")
    return "\n".join(lines) + "\n"


def packs_markdown() -> list[str]:
    from .packs import PACKS

    lines = [
        "## Rule packs", "",
        "A pack is a set of rules for one platform or one law, with its own family letter and its data",
        "under `rules/` (word lists, patterns, legal texts, each entry with its source). A pack's rules run",
        "only when it is on. In `campaignlint.toml` (or `[tool.campaignlint]`):", "",
        "```toml", 'packs = ["google-ads", "meta"]        # the default; `packs = []` turns them all off',
        'extend-packs = ["email", "fr-legal"]  # added to `packs`', "```", "",
        "On the command line: `--packs email,meta` (replaces) and `--extend-packs fr-legal` (adds). In a",
        "campaign: `packs email, fr-legal` adds packs for that campaign. An unknown pack stops the run",
        "(exit 2); so does selecting (`select`, `--select`) a rule of a pack that is off.", "",
        "| pack | family | applies to | data | default |", "|---|---|---|---|---|",
    ]
    for pack in PACKS.values():
        data = ", ".join(f"`{d}`" for d in pack.data)
        lines.append(f"| `{pack.name}` | {pack.family} | {pack.scope} | {data} | {'on' if pack.default else 'off'} |")
    lines.append("")
    for pack in PACKS.values():
        lines.append(f"* `{pack.name}` is {pack.why_default}.")
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

    if sys.argv[1:] == ["configuration"]:
        print(configuration_markdown(), end="")
    else:
        print(rule_catalogue_markdown(), end="")

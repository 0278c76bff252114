"""Rule documentation, written from the rules' own metadata.

``explain_text`` is what ``campaignlint explain CODE`` prints;
``rule_catalogue_markdown`` generates ``docs/rules.md``.
"""

from __future__ import annotations

import textwrap

from .rule import FAMILIES, Rule, load_all_rules

FIX_WORDS = {
    None: "none: this rule only reports",
    "safe": "safe: `campaignlint check --fix` applies it (it cannot change what the campaign means)",
    "unsafe": "unsafe: applied only with `--fix --unsafe-fixes`; review the result",
}


def _indent(text: str) -> str:
    return textwrap.indent(text.strip("\n"), "    ")


def explain_text(rule: Rule) -> str:
    parts = [f"{rule.code} {rule.name} ({rule.severity.value} by default)", ""]
    parts += ["What it checks", textwrap.indent(rule.what, "  "), ""]
    if rule.why:
        parts += ["Why it matters", textwrap.indent(textwrap.fill(rule.why, 76), "  "), ""]
    if rule.example:
        parts += ["Example that fires", _indent(rule.example), ""]
    if rule.correction:
        parts += ["Corrected", _indent(rule.correction), ""]
    parts += ["Fix", "  " + FIX_WORDS[rule.fix.value if rule.fix else None], ""]
    if rule.settings:
        parts.append("Settings (in campaignlint.toml or [tool.campaignlint])")
        for setting in rule.settings:
            parts.append(f"  {setting.key} = {setting.default!r}: {setting.description}")
        parts.append("")
    parts.append(f"Silence it on one line with `# noqa: {rule.code}`, or everywhere with `ignore = [\"{rule.code}\"]`.")
    return "\n".join(parts)


def rule_catalogue_markdown() -> str:
    registry = load_all_rules()
    lines = ["# Rule catalogue", "", "Generated from the rules' own metadata by `python -m campaignlint.docs`; do not edit by hand.", ""]
    for family, (_module, title) in FAMILIES.items():
        rules = [r for c, r in sorted(registry.items()) if c.startswith(family)]
        if not rules:
            continue
        lines += [f"## {family} — {title}", ""]
        lines += ["| code | name | severity | fix | what |", "|---|---|---|---|---|"]
        for rule in rules:
            fix = rule.fix.value if rule.fix else ""
            lines.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} | {fix} | {rule.summary} |")
        lines.append("")
        for rule in rules:
            lines += [f"### {rule.code}", "", f"**{rule.name}** — {rule.severity.value} by default.", "", rule.what, ""]
            if rule.why:
                lines += [f"**Why it matters.** {rule.why}", ""]
            if rule.example:
                lines += ["**Example that fires:**", "", "```", rule.example.strip("\n"), "```", ""]
            if rule.correction:
                lines += ["**Corrected:**", "", "```", rule.correction.strip("\n"), "```", ""]
            lines += [f"**Fix:** {FIX_WORDS[rule.fix.value if rule.fix else None]}.", ""]
            if rule.settings:
                lines.append("**Settings:**")
                lines.append("")
                for setting in rule.settings:
                    lines.append(f"- `{setting.key}` (default `{setting.default}`): {setting.description}")
                lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(rule_catalogue_markdown())

"""``check --format html``: the report as a reporter (``render(findings, context)``)."""

from __future__ import annotations

from . import build, load_models, render_html


def render(findings, context) -> str:
    models = load_models(context.linter, context.files) if context.linter is not None else []
    return render_html(build(findings, context.files, models, context.fail_on))

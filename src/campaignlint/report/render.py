"""Jinja environment of the report: templates in this package, autoescape on, gettext installed."""

from __future__ import annotations

from importlib import resources

from .. import __version__, i18n


def environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("campaignlint.report", "templates"),
        autoescape=True,  # every value is escaped: campaign copy is untrusted
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(i18n.translations(), newstyle=True)
    return env


def _asset(name: str) -> str:
    return resources.files("campaignlint.report").joinpath("templates", name).read_text(encoding="utf-8")


def render(report) -> str:
    env = environment()
    template = env.get_template("report.html.j2")
    colon = i18n.gettext("{heading}:").format(heading="")  # « : » with its no-break space in French
    return template.render(report=report, lang=i18n.language(), version=__version__, colon=colon,
                           css=_asset("report.css"), script=_asset("report.js"))

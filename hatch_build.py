"""Build hook: compile the gettext catalogues (``.po`` → ``.mo``) into the wheel.

The ``.po`` files are the source (committed); the wheel ships the compiled
``.mo`` only (see ``[tool.hatch.build.targets.wheel]`` in pyproject.toml), which
``campaignlint.i18n`` loads.  Compiled with Babel (a build requirement);
fuzzy entries are left out, as ``pybabel compile`` does.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "campaignlint" / "locale"


class CatalogueBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        if self.target_name != "wheel":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        self._folder = tempfile.TemporaryDirectory(prefix="campaignlint-mo-")
        root = Path(self.root)
        for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name, domain=po.stem)
            target = Path(self._folder.name) / po.relative_to(root / LOCALE).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            shipped = (Path("campaignlint") / "locale" / po.relative_to(root / LOCALE)).with_suffix(".mo")
            build_data["force_include"][str(target)] = shipped.as_posix()

    def finalize(self, version, build_data, artifact_path):
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()

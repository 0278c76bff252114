"""``check --watch``: check again each time a campaign or a configuration file changes.

The first check runs at once; then ``watchfiles`` reports changes (grouped
over a short debounce) and the same command runs again, with a fresh linter so
that a changed configuration is read again.  Ctrl-C stops, with exit code 0.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import click

from .i18n import gettext as _

#: the files whose change triggers a new check
WATCHED_SUFFIXES = (".camp", ".toml")


def _watched(change, path: str) -> bool:
    name = Path(path).name
    if ".campaignlint_cache" in Path(path).parts:
        return False
    return name.endswith(WATCHED_SUFFIXES) and not name.startswith(".")


def run_once(ctx: click.Context) -> int:
    """Run the command of ``ctx`` again, without --watch; its exit code."""
    params = {**ctx.params, "watch": False}
    try:
        ctx.invoke(ctx.command, **params)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 0
    except click.ClickException as error:
        error.show()
        return error.exit_code
    return 0


def watch_loop(paths: list[str], once, *, stop_event: threading.Event | None = None, echo=click.echo) -> None:
    """Call ``once()`` now, then after each batch of changes under ``paths``, until ``stop_event`` is set."""
    import watchfiles

    once()
    echo(_("[{time}] Watching {paths} for changes (Ctrl-C stops)…").format(
        time=f"{dt.datetime.now():%H:%M:%S}", paths=", ".join(paths)))
    for changes in watchfiles.watch(*paths, watch_filter=_watched, stop_event=stop_event, raise_interrupt=False,
                                    debounce=300, step=50):
        names = sorted({Path(path).name for _change, path in changes})
        echo(_("[{time}] Changed: {names}; checking again.").format(
            time=f"{dt.datetime.now():%H:%M:%S}", names=", ".join(names)))
        once()


def watch_check(ctx: click.Context, paths: list[str]) -> int:
    """Watch ``paths`` (existing files or folders; a file: its folder, as editors save by
    replacing the file); exit code 0."""
    targets: list[str] = []
    for raw in paths:
        path = Path(raw)
        target = str(path if path.is_dir() else (path.parent if str(path.parent) else Path(".")))
        if target not in targets:
            targets.append(target)
    try:
        watch_loop(targets, lambda: run_once(ctx))
    except KeyboardInterrupt:
        pass
    return 0

"""Linting files in worker processes (``campaignlint check --jobs N``).

Workers are started with the ``spawn`` method on every platform (no state is
inherited: the same behaviour on Linux, macOS and Windows, and no risk from
forking a process that holds threads).  Each worker builds one ``Linter`` with
the run's options and keeps it, so spaCy, the grammar and the rules load once
per worker; files go to the workers in contiguous chunks and ``Executor.map``
returns the chunks in order, so the findings are the same, in the same order,
whatever the number of workers.

Starting a worker costs about 0.3 s (imports, rules, grammar) plus about 1 s
when a selected rule needs spaCy.  Below ``MIN_FILES_PER_WORKER`` files per
extra worker the start-up costs more than it saves, so the run stays in the
main process (measured on the benchmark corpus, see docs/performance.md).
The environment variable ``CAMPAIGNLINT_MIN_FILES_PER_WORKER`` overrides it.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .engine import FileOutcome, Linter

#: files each worker must get for spreading out to pay off
MIN_FILES_PER_WORKER = 40
#: files a worker receives at a time (one spaCy batch each)
CHUNK_FILES = 16

_LINTER: "Linter | None" = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_for(jobs: int | None, files: int) -> int:
    """How many worker processes to use for ``files`` files (1 = in-process)."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1:
        return 1
    threshold = MIN_FILES_PER_WORKER
    override = os.environ.get("CAMPAIGNLINT_MIN_FILES_PER_WORKER", "")
    if override.isdigit() and int(override) > 0:  # tests force workers on small trees
        threshold = int(override)
    return max(1, min(jobs, files // threshold))


def _start(make_linter: "Callable[[], Linter]", language: str = "en") -> None:
    global _LINTER
    from . import i18n

    i18n.set_language(language)  # a spawned worker starts in English: it writes the run's language
    _LINTER = make_linter()


def _lint_chunk(chunk: list[tuple[Path, Path | None]]) -> list["FileOutcome"]:
    assert _LINTER is not None
    return list(_LINTER.lint_many(chunk))


def _language() -> str:
    from . import i18n

    return i18n.language()


def lint_in_workers(make_linter: "Callable[[], Linter]", files: list[tuple[Path, Path | None]],
                    workers: int) -> list["FileOutcome"]:
    """Lint ``files`` in ``workers`` processes; outcomes come back in the order of ``files``.

    ``make_linter`` builds each worker's linter (a picklable callable: the engine
    passes ``functools.partial(Linter, options, cwd)``), so this module never
    imports the engine."""
    size = max(1, min(CHUNK_FILES, -(-len(files) // (workers * 2))))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                             initargs=(make_linter, _language())) as pool:
        outcomes: list["FileOutcome"] = []
        for result in pool.map(_lint_chunk, chunks):
            outcomes.extend(result)
    return outcomes

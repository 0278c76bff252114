"""Linting files in worker processes (``campaignlint check --jobs N``).

Where the platform has it (Linux, macOS), workers are forked from a *fork
server* that has already imported the engine, every rule, the parser and the
model (``set_forkserver_preload``): each worker starts with all of that loaded
instead of importing it again, and nothing is inherited from the main process
(which may hold threads: the language server).  Elsewhere the ``spawn`` method.
Each worker builds one ``Linter`` with the run's options and keeps it; files go
to the workers in contiguous chunks of at most ``CHUNK_FILES`` and
``Executor.map`` returns the chunks in order, so the findings are the same, in
the same order, whatever the number of workers.

Below ``MIN_FILES_PER_WORKER`` files per extra worker the start-up costs more
than it saves, so the run stays in the main process (measured on the benchmark
corpus, see docs/performance.md).
The environment variable ``CAMPAIGNLINT_MIN_FILES_PER_WORKER`` overrides it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .engine import FileOutcome, Linter

#: files each worker must get for spreading out to pay off
MIN_FILES_PER_WORKER = 80  # crossover measured at 80–160 files with 2 workers (docs/performance.md)
#: files a worker receives at a time, at most: small enough that the last chunks do not leave a
#: worker idle for long (files differ in size), large enough that round trips do not count
CHUNK_FILES = 24
#: chunks per worker, at least, when there are few files
CHUNKS_PER_WORKER = 8
#: modules the fork server imports once for every worker (the front end and the libraries the
#: rules load on first use included)
PRELOAD = ["campaignlint.engine", "campaignlint.registry", "campaignlint.frontend.loader",
           "campaignlint.frontend.parser", "campaignlint.frontend.resolve", "campaignlint.model",
           "campaignlint.language.nlp", "campaignlint.cache", "lark"]

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
    _LINTER.rules  # load the rules now (from the fork server's imports), not with the first chunk
    batch_gc()


def batch_gc() -> None:
    """Run Python's cyclic garbage collector less often for a batch lint (the command line, workers).

    A lint makes millions of short-lived objects (tokens, parse nodes, matches)
    and few cycles; at the default threshold (700 allocations) the collector ran
    2,000 times over 300 files and took about an eighth of the CPU.  The
    objects made so far (modules, the rules, grammar and tables) are frozen:
    they are never garbage, and the full collections no longer walk them.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        import pkgutil

        from . import checks

        families = [f"{checks.__name__}.{m.name}" for m in pkgutil.iter_modules(checks.__path__)
                    if not m.name.startswith("_")]
        context.set_forkserver_preload(PRELOAD + families)
        return context
    return multiprocessing.get_context("spawn")


def _lint_chunk(chunk: list[tuple[Path, Path | None]]) -> list["FileOutcome"]:
    """A chunk's outcomes in compact form: findings as JSON and rendered lines, summaries as JSON
    (cheap to send back; the main process decodes findings only if a reporter needs them)."""
    assert _LINTER is not None
    return [outcome.compact() for outcome in _LINTER.lint_many(chunk)]


def _language() -> str:
    from . import i18n

    return i18n.language()


def lint_in_workers(make_linter: "Callable[[], Linter]", files: list[tuple[Path, Path | None]],
                    workers: int) -> list["FileOutcome"]:
    """Lint ``files`` in ``workers`` processes; outcomes come back in the order of ``files``.

    ``make_linter`` builds each worker's linter (a picklable callable: the engine
    passes ``functools.partial(Linter, options, cwd)``), so this module never
    imports the engine."""
    size = max(1, min(CHUNK_FILES, -(-len(files) // (workers * CHUNKS_PER_WORKER))))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    context = _context()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                             initargs=(make_linter, _language())) as pool:
        outcomes: list["FileOutcome"] = []
        for result in pool.map(_lint_chunk, chunks):
            outcomes.extend(result)
    return outcomes

"""A run: find the cable files, check them (in parallel), add the archive rules' findings.

A run is a stream: files are found in path order as they are needed (a sorted search of
each folder), checked a batch at a time (by workers, results back in path order with
`Pool.imap`) as the renderer asks for the next result, and each result is dropped once
rendered. So memory does not grow with the findings nor with the number of files; what
an archive rule (A7xx: one that looks at all cables together) remembers, such as A702's
first file of each reference id, moves to a temporary file beyond a bounded number.
"""

from __future__ import annotations

import gc
import heapq
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from validator._files import display_name, read_regular_file, read_regular_file_status
from validator.archive import ArchiveEntry, ArchiveRun
from validator.cache import CachedResult, ResultCache, digest
from validator.config import (
    DEFAULT_INCLUDE,
    INTERNAL_ERROR_CODE,
    Selection,
    Settings,
    codes_matching,
    enabled_codes,
    glob_matches,
    glob_set,
    severity_by_code,
)
from validator.diagnostics import Diagnostic, Severity
from validator.results import FileResult, RunResult
from validator.source import NotTextError, Source

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"
STDIN_NAME = "<stdin>"
ARCHIVE_NAME = "<archive>"
"""Where findings of archive rules that name no single file go (after every file)."""


class RunOptions(NamedTuple):
    """Everything a run needs, settled from the settings file and the command line
    (`run_options` makes them)."""

    codes: frozenset[str]
    severity: Mapping[str, Severity]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    root: str
    """Absolute folder that glob patterns are relative to."""
    fail_on: Severity
    jobs: int
    archive: bool
    """Whether an archive rule is selected (the run then keeps a small entry per file)."""
    cache_folder: str | None
    """Where results are cached by file content (None: no cache)."""
    keep_sources: bool
    """Whether results keep the text of files with findings (for snippets and fingerprints;
    the JSON and GitHub formats do without, which spares sending texts from the workers)."""

    def codes_for(self, target: Target) -> frozenset[str]:
        """The selected codes less those `per-file-ignores` turns off for this file."""
        if target.path is None or not self.per_file_ignores:
            return self.codes
        relative = relative_path(target.path, self.root)
        ignored = [
            codes for pattern, codes in self.per_file_ignores if glob_matches(pattern, relative)
        ]
        return self.codes.difference(*ignored)


def run_options(
    settings: Settings,
    command_line: Selection | None = None,
    fail_on: Severity | None = None,
    jobs: int | None = None,
    cache_folder: str | None = None,
    keep_sources: bool = True,
) -> RunOptions:
    """Combine the settings file and the command line (which wins)."""
    from validator.rules import rule_index

    codes = enabled_codes([settings.selection, command_line or Selection()])
    return RunOptions(
        codes=codes,
        severity=severity_by_code(settings.severity),
        per_file_ignores=tuple(
            (pattern, codes_matching(selectors)) for pattern, selectors in settings.per_file_ignores
        ),
        include=DEFAULT_INCLUDE + settings.include,
        exclude=settings.exclude,
        root=str(settings.root),
        fail_on=fail_on or settings.fail_on or Severity.ERROR,
        jobs=jobs or available_cores(),
        archive=any(rule.archive for code, rule in rule_index().items() if code in codes),
        cache_folder=cache_folder,
        keep_sources=keep_sources,
    )


def tune_garbage_collector() -> None:
    """A run allocates many small objects without cycles (tokens, fields, findings); the
    default threshold of the cycle collector (700) scans them over and over for nothing,
    about a sixth of the time on a whole archive. Worker processes inherit the setting."""
    gc.set_threshold(50_000, 50, 50)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


# -- finding files ---------------------------------------------------------------------------


class Target(NamedTuple):
    """A file to check: its printable name, where it is, or its content (standard input).
    (A named tuple: made once per file of an archive, it is the cheapest record to make.)"""

    name: str
    path: str | None
    data: bytes | None = None


def relative_path(path: str, root: str) -> str:
    """`path` relative to `root` with `/` separators (as given when it lies outside)."""
    relative = os.path.relpath(os.path.abspath(path), root)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = os.path.normpath(path)
    return relative.replace(os.sep, "/")


def iter_targets(
    paths: Sequence[str], options: RunOptions, read_stdin: Callable[[], bytes] | None = None
) -> Iterator[Target]:
    """The files to check, sorted by name, each once, found as they are asked for (a run
    over an archive never holds the list of its files).

    Folders are searched recursively for `include` patterns, skipping hidden entries and
    `exclude` patterns; files named explicitly are always checked; `-` is standard input
    (read with `read_stdin`; left out when it is None, as when watching).
    """
    streams = [_targets_in(given, options, read_stdin) for given in paths or ["."]]
    if len(streams) == 1:
        yield from streams[0]
        return
    previous = None
    # Each stream is sorted, so a name given twice (a file inside a folder also given)
    # comes out twice in a row; the first given wins.
    for target in heapq.merge(*streams, key=_by_name):
        if target.name != previous:
            previous = target.name
            yield target


def count_targets(paths: Sequence[str], options: RunOptions) -> int:
    """How many files a run over `paths` checks (a search of its own, holding nothing)."""
    return sum(1 for _ in iter_targets(paths, options)) + (STDIN in paths)


def _by_name(target: Target) -> str:
    return target.name


def _targets_in(
    given: str, options: RunOptions, read_stdin: Callable[[], bytes] | None
) -> Iterator[Target]:
    if given == STDIN:
        if read_stdin is not None:
            yield Target(STDIN_NAME, None, read_stdin())
    elif os.path.isdir(given):
        for name, path in _search(given, options):
            # One string when the name is the path (all but undecodable names).
            yield Target(name, name if name == path else path)
    else:
        name = display_name(os.path.normpath(given))
        yield Target(name, given)


_Listing = tuple[Iterator[tuple[str, str, bool]], str, str, str]
"""A folder being searched: its remaining entries (sort key, name, whether a folder), the
folder as a path prefix and as a printable prefix, and its path relative to the settings
root as a prefix."""


def _search(top: str, options: RunOptions) -> Iterator[tuple[str, str]]:
    """The files under `top` that a run checks, as (printable name, path), in the order of
    their names: each folder's entries are sorted by printable name, a folder's followed by a
    separator, which is how its files' names begin, so a depth-first search yields names
    already sorted."""
    include, exclude = glob_set(options.include), glob_set(options.exclude)
    # Symbolic links to folders are followed; a folder seen before (a link loop, or two links
    # to one place) is not searched again.
    seen: set[tuple[int, int]] = set()

    def listing(folder: str) -> _Listing | None:
        """The sorted entries of `folder` (None: excluded, unreadable or seen before)."""
        # The path relative to the settings root and the folder's own exclusion are worked
        # out once per folder, not once per file (an archive has thousands of files a folder).
        base = relative_path(folder, options.root)
        if base != "." and exclude and exclude.matches(base):
            return None
        try:
            status = os.stat(folder)
            if (status.st_dev, status.st_ino) in seen:
                return None
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as scan:
                entries = sorted(_sort_entry(entry) for entry in scan if entry.name[0] != ".")
        except OSError:
            return None
        location = os.path.normpath(folder)
        location = "" if location == os.curdir else location + os.sep
        return iter(entries), location, display_name(location), "" if base == "." else base + "/"

    opened = listing(top)
    stack = [opened] if opened else []
    while stack:
        entries, location, printable, prefix = stack[-1]
        for key, name, is_folder in entries:
            if is_folder:
                opened = listing(location + name)
                if opened:
                    stack.append(opened)
                    break
                continue
            relative = prefix + name
            if exclude and exclude.matches(relative, whole_file=True):
                continue
            if include.matches(relative, whole_file=True):
                yield printable + key, location + name
        else:
            stack.pop()


def _sort_entry(entry: os.DirEntry[str]) -> tuple[str, str, bool]:
    """An entry's sort key (its printable name; a folder's followed by a separator), its
    name, and whether it is a folder."""
    try:
        is_folder = entry.is_dir()  # follows symbolic links
    except OSError:  # a link loop: checked as a file, which reports it
        is_folder = False
    key = display_name(entry.name)
    return (key + os.sep if is_folder else key), entry.name, is_folder


def snapshot(paths: Sequence[str], options: RunOptions) -> dict[str, tuple[int, int] | None]:
    """Modification time and size of every file a run would check (None: unreadable)."""
    state: dict[str, tuple[int, int] | None] = {}
    for target in iter_targets(paths, options):
        assert target.path is not None  # standard input is left out without `read_stdin`
        try:
            status = os.stat(target.path)
        except OSError:
            state[target.name] = None
        else:
            state[target.name] = (status.st_mtime_ns, status.st_size)
    return state


# -- checking --------------------------------------------------------------------------------


def _read(target: Target) -> bytes:
    if target.data is not None or target.path is None:
        return target.data or b""
    return read_regular_file(target.path)


def _finish(
    diagnostics: Iterable[Diagnostic], codes: frozenset[str], severity: Mapping[str, Severity]
) -> tuple[Diagnostic, ...]:
    """Drop what is not selected, apply severity overrides, sort by position."""
    kept = [
        d._replace(severity=severity[d.code]) if d.code in severity else d
        for d in diagnostics
        if d.code in codes or d.code == INTERNAL_ERROR_CODE
    ]
    return tuple(sorted(kept, key=lambda d: d.sort_key))


def check_target(target: Target, options: RunOptions) -> tuple[FileResult, CachedResult | None]:
    """Check one file: its result, and what the cache and the archive rules keep of it."""
    # Imported here: a run the cache answers needs no parser, model or rule.
    from validator.api import read_error, validate_bytes

    try:
        data = _read(target)
    except OSError as error:
        return FileResult(target.name, (), error=read_error(error)), None
    report = validate_bytes(data, target.name, options.codes)
    archive = ArchiveEntry.of(report.cable) if options.archive and report.cable else None
    kept = CachedResult(report.diagnostics, archive)
    return _file_result(target, kept, report.source, options), kept


def _file_result(
    target: Target, kept: CachedResult, source: Source | None, options: RunOptions
) -> FileResult:
    """Per-file ignores and severity overrides applied to a (maybe cached) result."""
    if not kept.diagnostics:  # most files of an archive
        return FileResult(target.name, ())
    diagnostics = _finish(kept.diagnostics, options.codes_for(target), options.severity)
    # A clean file keeps no text: renderers need it for snippets of findings only.
    keep = diagnostics and options.keep_sources
    return FileResult(target.name, diagnostics, source if keep else None)


def _from_cache(target: Target, kept: CachedResult, options: RunOptions) -> FileResult:
    result = _file_result(target, kept, None, options)
    if not result.diagnostics:
        return result
    return result._replace(source=_reload(target, options))


_worker_options: RunOptions | None = None


def _start_worker(options: RunOptions) -> None:
    import signal

    global _worker_options
    _worker_options = options
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_in_worker(target: Target) -> tuple[FileResult, CachedResult | None]:
    assert _worker_options is not None, "worker started without options"
    return check_target(target, _worker_options)


Checker = Callable[[Sequence[Target]], Iterator[tuple[FileResult, CachedResult | None]]]

# Files taken from the search at a time: enough to keep the workers busy (the next batch is
# handed to them before the results of one are given out), few enough that memory does not
# grow with the archive. The first batch also tells whether a run is small.
_BATCH = 1024


@contextmanager
def _checker(options: RunOptions, count: int) -> Iterator[Checker]:
    """A function that checks targets in path order: in this process, or in a pool of
    `options.jobs` processes kept for the rest of the run, started when a first file needs
    checking (a cached run may need none). `count` is how many files a batch holds."""
    jobs = min(options.jobs, count)
    if jobs <= 1:
        yield lambda targets: (check_target(target, options) for target in targets)
        return
    # Chunks amortise the round trips; several per worker keep the load even at the end.
    chunksize = max(1, min(64, count // (jobs * 4)))
    pool: Pool | None = None

    def check(targets: Sequence[Target]) -> Iterator[tuple[FileResult, CachedResult | None]]:
        nonlocal pool
        if not targets:
            return iter(())
        if pool is None:
            import multiprocessing  # here: a run the cache answers does without (8 ms)

            # The checker's modules are imported before the workers are forked, which then
            # share them instead of importing them each (40 ms).
            import validator.api  # noqa: F401

            pool = multiprocessing.Pool(jobs, initializer=_start_worker, initargs=(options,))
        return pool.imap(_check_in_worker, targets, chunksize)

    try:
        yield check
    finally:
        if pool is not None:
            pool.terminate()


Checked = Iterator[tuple[Target, FileResult, CachedResult | None]]


def _check_all(
    targets: Iterable[Target], options: RunOptions, cache: ResultCache | None
) -> Checked:
    """Every target's result, in path order, a batch of files at a time: each batch is
    handed to the workers before the previous one's results are given out."""
    remaining = iter(targets)
    batches = iter(lambda: list(islice(remaining, _BATCH)), [])
    first = next(batches, [])
    with _checker(options, len(first)) as check:
        pending = _check_batch(first, options, cache, check)
        for batch in batches:
            following = _check_batch(batch, options, cache, check)
            yield from pending
            pending = following
        yield from pending


def _check_batch(
    batch: list[Target], options: RunOptions, cache: ResultCache | None, check: Checker
) -> Checked:
    """Starts checking a batch (the files the cache knows come from it) and returns its
    results as they come. A file whose status the cache recorded is not even read (unless
    its findings need its text); the others are read and hashed here, and their results
    added to the cache."""
    if cache is None:
        checked = check(batch)
        return (
            (target, result, kept) for target, (result, kept) in zip(batch, checked, strict=True)
        )
    known = [_look_up(target, cache) for target in batch]
    checked = iter(check([found.target for found in known if found.kept is None]))
    return _merge_batch(known, checked, options, cache)


class _LookedUp(NamedTuple):
    target: Target
    """With the file's content when it had to be read for its digest (not read again)."""
    kept: CachedResult | None
    """The cached result (None: check the file)."""
    digest: bytes | None
    """The content digest (None: the file is not cached)."""
    status: os.stat_result | None
    """The file's status when it was read here (None: not read)."""


def _merge_batch(
    known: list[_LookedUp],
    checked: Iterator[tuple[FileResult, CachedResult | None]],
    options: RunOptions,
    cache: ResultCache,
) -> Checked:
    for target, kept, content_digest, status in known:
        if kept is not None:
            yield target, _from_cache(target, kept, options), kept
            continue
        result, fresh_kept = next(checked)
        if fresh_kept is not None and content_digest is not None:
            cache.put(target.name, content_digest, fresh_kept, status)
        yield target, result, fresh_kept


def _look_up(target: Target, cache: ResultCache) -> _LookedUp:
    """What the cache knows of a file, reading and hashing it when its status changed."""
    if target.path is None:
        return _LookedUp(target, None, None, None)
    try:
        known = cache.unchanged(target.name, os.stat(target.path))
        if known is not None:  # most files of a second run
            return _LookedUp(target, known[1], known[0], None)
        data, status = read_regular_file_status(target.path)
    except OSError:  # checked afresh: reading it again reports the error
        return _LookedUp(target, None, None, None)
    content_digest = digest(data)
    cache.remember_status(target.name, content_digest, status)
    kept = cache.get(target.name, content_digest)
    return _LookedUp(Target(target.name, target.path, data), kept, content_digest, status)


def run(
    targets: Iterable[Target],
    options: RunOptions,
    on_file: Callable[[FileResult], None] | None = None,
) -> RunResult:
    """A run over `targets` whose files are checked (in `options.jobs` processes) as its
    results are streamed, archive rules included; `on_file` hears of each file as its
    result arrives (a progress bar)."""
    return RunResult(_results(targets, options, on_file), options.fail_on)


def _results(
    targets: Iterable[Target],
    options: RunOptions,
    on_file: Callable[[FileResult], None] | None,
) -> Iterator[FileResult]:
    cache = None
    if options.cache_folder is not None:
        cache = ResultCache(options.cache_folder, options.codes)
        cache.load()
    archive = ArchiveRun(options.codes) if options.archive else None
    for target, result, kept in _check_all(targets, options, cache):
        if archive is not None and kept is not None and kept.archive is not None:
            # The entry names its file with the run's own string, not a worker's or a
            # pickle's copy (A702 keeps the path of the first file of each reference id); the
            # cache names most entries with it already. Made anew, as `_replace` costs four
            # times as much.
            entry = kept.archive
            if entry.path is not target.name:
                entry = ArchiveEntry(target.name, *entry[1:])
            result = _with_archive_findings(result, archive.see(entry), target, options)
        if on_file is not None:
            on_file(result)
        yield result
    if cache is not None:
        cache.save()
    if archive is not None:
        # Findings on the run as a whole (a broken archive rule) come after every file.
        whole_run = archive.finish()
        if whole_run:
            yield FileResult(ARCHIVE_NAME, _finish(whole_run, options.codes, options.severity))


def _with_archive_findings(
    result: FileResult, found: list[Diagnostic], target: Target, options: RunOptions
) -> FileResult:
    if not found:
        return result
    added = _finish(found, options.codes_for(target), options.severity)
    if not added:
        return result
    return result._replace(
        diagnostics=tuple(sorted(result.diagnostics + added, key=lambda d: d.sort_key)),
        source=result.source or _reload(target, options),
    )


def _reload(target: Target, options: RunOptions) -> Source | None:
    """The text of a file whose findings were not made from it here (cached, or given by
    the archive rules), when the run keeps texts."""
    if not options.keep_sources:
        return None
    try:
        return Source.from_bytes(_read(target), path=target.name)
    except (OSError, NotTextError):
        return None


def exit_status(result: RunResult) -> int:
    """2 when no file could be checked, 1 when findings reach `fail_on`, else 0 (once the
    run is streamed)."""
    tally = result.tally
    if tally.files and len(tally.errors) == tally.files:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failed else EXIT_OK

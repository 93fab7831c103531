"""Command line: `cablelint validate|inspect|rules|explain`.

Imports are local to the commands: `cablelint validate one.txt` (what pre-commit runs) loads
neither rich nor multiprocessing nor the renderers it does not use.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from validator import __version__
from validator.cache import DEFAULT_FOLDER as DEFAULT_CACHE_FOLDER
from validator.render import FORMATS, WITHOUT_SOURCE
from validator.runner import EXIT_ERROR, EXIT_OK, tune_garbage_collector

if TYPE_CHECKING:
    from collections import Counter

    from validator.baseline import Key
    from validator.results import FileResult, RunResult
    from validator.rules import Rule
    from validator.runner import RunOptions

PROGRESS_THRESHOLD = 200
"""A run over more files than this shows a progress bar on a terminal."""
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
SEVERITIES = ("error", "warning", "info")

DESCRIPTION = """\
cablelint checks the envelope of State Department telegrams kept as text: the transmission
lines, classification line, E.O. line, TAGS, SUBJECT, paragraph markings and how they agree.
"""

MAIN_EPILOG = """\
examples:
  cablelint validate cables/                 check every *.txt under cables/
  cablelint validate --select D --fail-on warning cables/
  cablelint rules                            list every rule
  cablelint explain D202                     what D202 checks and how to fix it
  cablelint inspect 09BERLIN1106.txt         the envelope as the parser reads it

exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or I/O error
settings: [tool.cablelint] in pyproject.toml or a cablelint.toml, found upwards from here
"""

VALIDATE_EPILOG = """\
Rule selectors are codes (D202) or prefixes (D, R30); the most specific one wins, and the
command line wins over the settings file.

examples:
  cablelint validate                         every *.txt below the current folder
  cablelint validate cables/ extra.txt       folders are searched, files always checked
  cat cable.txt | cablelint validate -       standard input (shown as <stdin>)
  cablelint validate --select D,R30 --ignore D206 cables/
  cablelint validate --fail-on warning --statistics cables/
  cablelint validate --format sarif --output cablelint.sarif cables/
  cablelint validate --watch cables/         check again whenever a file changes

baseline (accept today's findings, fail only on new ones):
  cablelint validate --write-baseline cablelint-baseline.json cables/
  cablelint validate --baseline cablelint-baseline.json cables/
  cablelint validate --baseline cablelint-baseline.json --prune-baseline cables/

exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage error or no file
could be read (unreadable files are reported and the others still checked)
"""


def _comma_list(value: str) -> list[str]:
    """A `--select`-style value: comma-separated rule codes or prefixes, each checked."""
    from validator.config import UnknownCodeError, check_selector

    try:
        return [check_selector(part) for part in value.split(",") if part.strip()]
    except UnknownCodeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return number


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, not {value!r}")
    return seconds


def _parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help: str,
    epilog: str | None = None,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=help,
        description=help[0].upper() + help[1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _color_argument(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (default) when writing to a terminal and NO_COLOR is "
        "not set (FORCE_COLOR forces it)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cablelint",
        description=DESCRIPTION,
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cablelint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = _parser(commands, "validate", "check cable files", VALIDATE_EPILOG)
    validate.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to check (default: the current folder); - reads standard input",
    )
    selection = validate.add_argument_group("rule selection")
    for flag, what in (
        ("--select", "check only these rules (replaces the settings' select)"),
        ("--extend-select", "check these rules as well"),
        ("--ignore", "do not check these rules"),
    ):
        selection.add_argument(
            flag, type=_comma_list, action="extend", metavar="CODES", help=f"{what}; e.g. D,R30"
        )
    selection.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="lowest severity that makes the run fail with exit code 1 (default: error)",
    )
    selection.add_argument(
        "--config", metavar="FILE", help="read settings from FILE instead of searching for them"
    )
    output = validate.add_argument_group("output")
    output.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    output.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE (atomically)"
    )
    output.add_argument(
        "-q", "--quiet", action="store_true", help="print findings only, no summary or notes"
    )
    output.add_argument(
        "--statistics", action="store_true", help="add the number of findings per rule"
    )
    _color_argument(output)
    run = validate.add_argument_group("running")
    run.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="check files in N processes (default: one per core; 1 checks in this process)",
    )
    run.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file afresh and do not write the result cache",
    )
    run.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"where results are cached by file content (default: {DEFAULT_CACHE_FOLDER} "
        "beside the settings file, or in the current folder)",
    )
    run.add_argument(
        "--watch",
        action="store_true",
        help="check again whenever a file changes (Ctrl-C stops)",
    )
    run.add_argument(
        "--watch-interval",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="how often --watch looks for changes (default: 1)",
    )
    baseline = validate.add_argument_group("baseline")
    recording = baseline.add_mutually_exclusive_group()
    recording.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record every current finding in FILE and accept them (exit code 0)",
    )
    recording.add_argument(
        "--baseline", metavar="FILE", help="hide the findings recorded in FILE; report the rest"
    )
    baseline.add_argument(
        "--prune-baseline",
        action="store_true",
        help="with --baseline: remove from FILE the findings that no longer occur",
    )
    validate.set_defaults(run=_validate, parser=validate)

    inspect = _parser(
        commands,
        "inspect",
        "print the envelope as the parser reads it",
        "examples:\n  cablelint inspect 09BERLIN1106.txt\n"
        "  cablelint inspect --format json cables/*.txt > envelopes.json",
    )
    inspect.add_argument("files", nargs="+", metavar="FILE", help="cable files (- for stdin)")
    inspect.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json: one object, or a list for several files",
    )
    inspect.set_defaults(run=_inspect, parser=inspect)

    rules = _parser(
        commands,
        "rules",
        "list every rule: code, name, default severity and summary",
        "examples:\n  cablelint rules\n  cablelint rules --format markdown > docs/rules.md",
    )
    rules.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text table (default), json, or markdown with every rule's documentation "
        "(docs/rules.md)",
    )
    rules.set_defaults(run=_rules, parser=rules)

    explain = _parser(
        commands,
        "explain",
        "show a rule's documentation: what it checks, why, examples and the fix",
        "examples:\n  cablelint explain D202\n  cablelint explain julian-date-mismatch",
    )
    explain.add_argument("rule", metavar="CODE", help="a rule code (D202) or name")
    _color_argument(explain)
    explain.set_defaults(run=_explain, parser=explain)
    return parser


# -- validate --------------------------------------------------------------------------------


def _note(message: str) -> None:
    print(f"cablelint: {message}", file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from validator.config import ConfigError, Selection, load_settings
    from validator.diagnostics import Severity
    from validator.runner import STDIN, run_options

    if args.prune_baseline and not args.baseline:
        args.parser.error("--prune-baseline needs --baseline FILE")
    if args.watch and (STDIN in args.paths or args.write_baseline or args.prune_baseline):
        args.parser.error("--watch cannot read standard input or write a baseline")
    try:
        settings = load_settings(args.config or None)
    except ConfigError as error:
        _note(f"error: {error}")
        return EXIT_ERROR
    command_line = Selection(args.select, tuple(args.extend_select or ()), tuple(args.ignore or ()))
    cache_folder = None
    if not args.no_cache:
        cache_folder = args.cache_dir or os.path.join(settings.root, DEFAULT_CACHE_FOLDER)
    options = run_options(
        settings,
        command_line,
        Severity.parse(args.fail_on) if args.fail_on else None,
        args.jobs,
        cache_folder,
        # A baseline fingerprints the offending text too.
        keep_sources=args.format not in WITHOUT_SOURCE
        or bool(args.baseline)
        or bool(args.write_baseline),
    )
    if args.watch:
        return _watch(args, options)
    return _validate_once(args, options)


@contextmanager
def _progress_bar(
    count: Callable[[], int], args: argparse.Namespace
) -> Iterator[Callable[[FileResult], None] | None]:
    """A progress bar on the terminal for long runs: only when standard error is a terminal,
    outside CI, for more than PROGRESS_THRESHOLD files, and not with --quiet or --watch.
    The files are counted (`count`, a search of its own) only when a bar may be shown."""
    shown = (
        not args.quiet
        and not args.watch
        and not os.environ.get("CI")
        and sys.stderr.isatty()
        and (total := count()) > PROGRESS_THRESHOLD
    )
    if not shown:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "checking",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("checking", total=total)
        yield lambda _: progress.advance(task)


def _validate_once(args: argparse.Namespace, options: RunOptions) -> int:
    from validator.runner import count_targets, exit_status, iter_targets, run

    # Files are found as the run goes (an archive's list of files is never held).
    found = iter_targets(args.paths, options, sys.stdin.buffer.read)
    first = next(found, None)
    if first is None:
        if not args.quiet:
            _note(f"no cable files found in {', '.join(args.paths) or 'the current folder'}")
        return EXIT_OK
    targets = itertools.chain([first], found)
    with _progress_bar(lambda: count_targets(args.paths, options), args) as advance:
        result = run(targets, options, advance)
        gone: Counter[Key] | None = None
        if args.write_baseline or args.baseline:
            from validator.baseline import BaselineError

            try:
                result, gone = _with_baseline(args, result, options)
            except (BaselineError, OSError) as error:
                _note(f"error: {error}")
                return EXIT_ERROR
        try:
            _render(args, result)
        except OSError as error:  # --output FILE could not be written
            _note(f"error: cannot write {args.output}: {error.strerror or error}")
            return EXIT_ERROR
    if gone and not args.quiet and args.format != "text" and not args.prune_baseline:
        # The text summary says so itself; machine formats keep stdout for their document.
        count = sum(gone.values())
        _note(f"{args.baseline} lists {_gone_findings(count)}; --prune-baseline removes them")
    return exit_status(result)


def _with_baseline(
    args: argparse.Namespace, result: RunResult, options: RunOptions
) -> tuple[RunResult, Counter[Key]]:
    """The run with the baseline applied (streamed, unless the baseline file is rewritten,
    which needs every finding first), and the baselined findings gone (filled in once the
    run is streamed)."""
    from validator.baseline import apply_baseline, baseline_of, pruned, read_baseline
    from validator.baseline import write_baseline as write

    if args.write_baseline:
        result = result.collected()
        baseline = baseline_of(result, args.write_baseline)
        write(baseline, args.write_baseline)
        if not args.quiet:
            _note(f"recorded {_findings(sum(baseline.entries.values()))} in {args.write_baseline}")
        return apply_baseline(result, baseline, options.codes)
    baseline = read_baseline(args.baseline)
    if not args.prune_baseline:
        return apply_baseline(result, baseline, options.codes)
    applied, gone = apply_baseline(result, baseline, options.codes)
    applied = applied.collected()
    count = sum(gone.values())
    if count:
        write(pruned(baseline, gone), args.baseline)
        if not args.quiet:
            _note(f"removed {_gone_findings(count)} from {args.baseline}")
        applied.fixed_in_baseline = 0
    return applied, gone


def _gone_findings(count: int) -> str:
    return f"{_findings(count)} that no longer {'occurs' if count == 1 else 'occur'}"


def _findings(count: int) -> str:
    return f"{count} finding{'s' * (count != 1)}"


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """--color: `always`/`never`, or (auto) a terminal without NO_COLOR, or FORCE_COLOR."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return environ.get("TERM") != "dumb" and stream.isatty()


def _render(args: argparse.Namespace, result: RunResult) -> None:
    from validator.render import RenderOptions, renderer

    render = renderer(args.format)
    if args.output:
        from validator._files import atomic_writer

        with atomic_writer(args.output) as stream:
            render(
                result,
                stream,
                RenderOptions(
                    color=args.color == "always", statistics=args.statistics, quiet=args.quiet
                ),
            )
        return
    terminal = sys.stdout.isatty()
    width = None
    if terminal:
        import shutil

        width = shutil.get_terminal_size().columns
    options = RenderOptions(
        color=use_color(args.color, sys.stdout),
        width=width,
        statistics=args.statistics,
        quiet=args.quiet,
    )
    render(result, sys.stdout, options)
    sys.stdout.flush()


def _watch(args: argparse.Namespace, options: RunOptions) -> int:
    """Check, then poll the files' times and sizes; check again when anything changed."""
    import time

    from validator.runner import snapshot

    clear = sys.stdout.isatty() and not args.output
    try:
        while True:
            # Taken before checking, so that a change made during the check is seen.
            state = snapshot(args.paths, options)
            if clear:
                sys.stdout.write("\033[2J\033[H")
            _validate_once(args, options)
            _note(f"watching {len(state)} file{'s' * (len(state) != 1)}; Ctrl-C stops")
            sys.stderr.flush()
            while snapshot(args.paths, options) == state:
                time.sleep(args.watch_interval)
    except KeyboardInterrupt:
        return EXIT_OK


# -- inspect ---------------------------------------------------------------------------------


def _inspect(args: argparse.Namespace) -> int:
    import json

    from validator._files import display_name, read_regular_file
    from validator.api import read_error
    from validator.inspect import cable_data
    from validator.parse import parse
    from validator.source import Source

    status = EXIT_OK
    documents = []
    for name in args.files:
        shown = "<stdin>" if name == "-" else display_name(name)
        try:
            data = sys.stdin.buffer.read() if name == "-" else read_regular_file(name)
            documents.append(cable_data(parse(Source.from_bytes(data, path=shown)).cable))
        except OSError as error:
            _note(f"error: {shown}: {read_error(error)}")
            status = EXIT_ERROR
        except ValueError as error:  # not a text file
            _note(f"error: {shown}: {error}")
            status = EXIT_ERROR
    if args.format == "json":
        print(json.dumps(documents if len(documents) != 1 else documents[0], indent=2))
    else:
        print("\n\n".join("\n".join(_outline(document)) for document in documents))
    return status


def _span_text(span: Sequence[int]) -> str:
    line, column, end_line, end_column = span
    return f"{line}:{column}-{end_line}:{end_column}"


def _outline(data: Mapping[str, Any], depth: int = 0) -> Iterator[str]:
    """`inspect` for people: the JSON data as an indented outline, empty parts left out."""
    pad = "  " * depth
    for key, value in data.items():
        if value is None or value == [] or value == {} or value == "":
            continue
        label = key.replace("_", " ")
        if key == "span":
            yield f"{pad}at: {_span_text(value)}"
        elif isinstance(value, dict):
            yield f"{pad}{label}:"
            yield from _outline(value, depth + 1)
        elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
            yield f"{pad}{label}:"
            for item in value:
                lines = list(_outline(item, depth + 2))
                if lines:
                    yield f"{pad}  - {lines[0].lstrip()}"
                    yield from lines[1:]
        elif isinstance(value, list):
            yield f"{pad}{label}: {' '.join(str(item) for item in value)}"
        else:
            yield f"{pad}{label}: {value}"


# -- rules and explain -----------------------------------------------------------------------


def _rules(args: argparse.Namespace) -> int:
    from validator import ruledocs
    from validator.rules import all_rules

    formats: dict[str, Callable[[Sequence[Rule]], str]] = {
        "text": ruledocs.rules_text,
        "json": ruledocs.rules_json,
        "markdown": ruledocs.rules_markdown,
    }
    sys.stdout.write(formats[args.format](list(all_rules().values())))
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from validator.config import did_you_mean
    from validator.ruledocs import rule_markdown, rule_text
    from validator.rules import all_rules

    rules = all_rules()
    by_name = {rule.name: rule for rule in rules.values()}
    wanted = args.rule.strip()
    rule = rules.get(wanted.upper()) or by_name.get(wanted.lower())
    if rule is None:
        parser: argparse.ArgumentParser = args.parser
        parser.error(f"unknown rule `{wanted}`{did_you_mean(wanted)}")
    if use_color(args.color, sys.stdout):
        from rich.console import Console
        from rich.markdown import Markdown

        Console(force_terminal=True).print(Markdown(rule_markdown(rule)))
    else:
        sys.stdout.write(rule_text(rule))
    return EXIT_OK


# -- entry point -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    # Cable text and file names may hold characters the console cannot show: escape them
    # rather than stop with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    tune_garbage_collector()
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`cablelint rules | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    return status


if __name__ == "__main__":
    sys.exit(main())

"""The `text` format: rustc-style diagnostics for people, then a summary (not a stable interface).

Rows are laid out once (`_snippet`); plain output writes their text as it is, coloured output
hands them to rich as `Text` objects (never markup, so `[...]` in a cable stays as written).
rich is imported only for colour: piped output, pre-commit's case, does without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from validator.render import RenderOptions
from validator.render._common import code_counts, summary_lines
from validator.render._snippet import Row, diagnostic_rows, plain, printable
from validator.results import RunResult

# Style names used by the rows -> rich styles (rustc's palette).
_STYLES = {
    "": "",
    "error": "bold red",
    "warning": "bold yellow",
    "info": "bold green",
    "secondary": "bold blue",
    "gutter": "bold blue",
    "help": "bold cyan",
    "note": "bold",
    "bold": "bold",
    "success": "bold green",
}


def render(result: RunResult, out: TextIO, options: RenderOptions) -> None:
    blocks = _blocks(result, options)
    if options.color:
        _print_coloured(blocks, out, options.width)
        return
    for block in blocks:
        out.write(plain(block))


def _blocks(result: RunResult, options: RenderOptions) -> Iterator[list[Row]]:
    """Groups of rows printed together: one per finding, then statistics and summary."""
    for file in result.stream():
        if file.error is not None:
            yield [
                [("error", "error"), (f": {printable(file.error)}", "bold")],
                [(" --> ", "gutter"), (printable(file.path), "")],
                [],
            ]
        for diagnostic in file.diagnostics:
            yield [*diagnostic_rows(file.path, diagnostic, file.source, options.width), []]
    if options.statistics and result.tally.by_code:
        yield [*_statistics_rows(result), []]
    if not options.quiet:
        yield _summary_rows(result)


def _statistics_rows(result: RunResult) -> list[Row]:
    """A table of counts per code, most frequent first."""
    counts = code_counts(result)
    header = ("code", "name", "severity", "count")
    cells = [(row.code, row.name, row.severity.label, str(row.findings)) for row in counts]
    code_w, name_w, severity_w, count_w = (
        max(len(line[column]) for line in (header, *cells)) for column in range(4)
    )
    rows: list[Row] = [
        [
            (
                f"{header[0]:<{code_w}}  {header[1]:<{name_w}}  {header[2]:<{severity_w}}  "
                f"{header[3]:>{count_w}}",
                "bold",
            )
        ]
    ]
    for code, name, severity, count in cells:
        rows.append(
            [
                (f"{code:<{code_w}}  {name:<{name_w}}  ", ""),
                (f"{severity:<{severity_w}}", severity),
                (f"  {count:>{count_w}}", ""),
            ]
        )
    return rows


def _summary_rows(result: RunResult) -> list[Row]:
    first, *rest = summary_lines(result)
    passed = not result.tally.by_code and not result.errors
    return [[(first, "success" if passed else "bold")], *([(line, "")] for line in rest)]


def _print_coloured(blocks: Iterable[list[Row]], out: TextIO, width: int | None) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=True,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=True,
        width=width,
    )
    newline = Text("\n")
    for block in blocks:
        console.print(
            newline.join(
                Text.assemble(*((text, _STYLES[style]) for text, style in row)) for row in block
            )
        )

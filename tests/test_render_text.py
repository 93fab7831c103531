"""The `text` format: golden renderings (plain mode) and the layout rules behind them.

Run with UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then read the
diff before keeping it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.render_cases import D202_BAD, D202_GOOD, d202_run, file_result, rendered, unreadable
from validator.api import not_text_diagnostic
from validator.diagnostics import Diagnostic, Label, Severity
from validator.render._snippet import diagnostic_rows, plain
from validator.results import FileResult, RunResult
from validator.source import Source, Span

GOLDEN = Path(__file__).parent / "golden" / "render"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def golden_runs() -> dict[str, RunResult]:
    return {
        # Secondary span two lines below the primary, help (with a fix) and note; a clean
        # file, an unreadable one, statistics and the summary.
        "d202": d202_run(),
        # A tab before the caret (the DE line indented), and tabs inside an underline.
        "tab": RunResult(
            (
                file_result(D202_BAD.replace("DE RUEHTA", "\tDE RUEHTA"), "tab/indented-de.txt"),
                file_result(D202_BAD.replace("170952Z MAR", "170952Z\tMAR"), "tab/dtg.txt"),
            )
        ),
        # Wide characters before a caret, and inside an underline.
        "wide": RunResult(
            (
                file_result(
                    D202_GOOD.replace("ALMATY NOTES", "東京 NOTES").replace("UNCLAS", "UNCLAZ"),
                    "wide/subject.txt",
                ),
                file_result(D202_GOOD.replace("0760952", "0760952 東京"), "wide/de.txt"),
            )
        ),
    }


@pytest.mark.parametrize("name", ["d202", "tab", "wide"])
def test_golden_plain_rendering(name: str) -> None:
    output = rendered(golden_runs()[name], "text", statistics=True)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")


def render_one(source: Source, diagnostic: Diagnostic, width: int | None = None) -> str:
    return plain(diagnostic_rows("t.txt", diagnostic, source, width))


def test_labels_on_one_line_hang_from_their_marks() -> None:
    source = Source.from_text("O 170952Z MAR 09\n")
    diagnostic = Diagnostic(
        "D999",
        Severity.WARNING,
        "three labels",
        Span(1, 11, 1, 14),
        "month",
        secondary=(
            Label(Span(1, 3, 1, 10), "day and time"),
            Label(Span(1, 1, 1, 2), "precedence"),
        ),
    )
    assert render_one(source, diagnostic) == (
        "warning[D999]: three labels\n"
        " --> t.txt:1:11\n"
        "  |\n"
        "1 | O 170952Z MAR 09\n"
        "  | - ------- ^^^ month\n"
        "  | | |\n"
        "  | | day and time\n"
        "  | |\n"
        "  | precedence\n"
    )


def test_tab_stops_apply_to_line_and_underline_alike() -> None:
    source = Source.from_text("AB\tCD\tEF\n")
    diagnostic = Diagnostic("D999", Severity.ERROR, "m", Span(1, 7, 1, 9), "here")
    assert render_one(source, diagnostic).splitlines()[3:5] == [
        "1 | AB  CD  EF",
        "  |         ^^ here",
    ]


def test_control_characters_are_shown_as_pictures() -> None:
    source = Source.from_text("A\x1b[31mB\n")
    diagnostic = Diagnostic("D999", Severity.ERROR, "m", Span(1, 7, 1, 8), "here")
    assert render_one(source, diagnostic).splitlines()[3:5] == [
        "1 | A\u241b[31mB",
        "  |       ^ here",
    ]


def test_distant_lines_are_elided_and_one_line_gaps_shown() -> None:
    source = Source.from_text("".join(f"LINE {n}\n" for n in range(1, 13)))
    diagnostic = Diagnostic(
        "D999",
        Severity.ERROR,
        "m",
        Span(2, 1, 2, 5),
        "first",
        secondary=(Label(Span(4, 6, 4, 7), "second"), Label(Span(10, 6, 10, 8), "third")),
    )
    assert render_one(source, diagnostic) == (
        "error[D999]: m\n"
        "  --> t.txt:2:1\n"
        "   |\n"
        " 2 | LINE 2\n"
        "   | ^^^^ first\n"
        " 3 | LINE 3\n"
        " 4 | LINE 4\n"
        "   |      - second\n"
        "...\n"
        "10 | LINE 10\n"
        "   |      -- third\n"
    )


def test_multi_line_span_marks_its_first_and_last_line() -> None:
    source = Source.from_text("TO RUEHC/SECSTATE WASHDC\n  RUEHBS/USEU BRUSSELS\nBT\n")
    diagnostic = Diagnostic("D999", Severity.INFO, "m", Span(1, 4, 3, 1), "addressees")
    assert render_one(source, diagnostic) == (
        "info[D999]: m\n"
        " --> t.txt:1:4\n"
        "  |\n"
        "1 | TO RUEHC/SECSTATE WASHDC\n"
        "  |    ^^^^^^^^^^^^^^^^^^^^^\n"
        "2 |   RUEHBS/USEU BRUSSELS\n"
        "  |   ^^^^^^^^^^^^^^^^^^^^ addressees\n"
    )


def test_long_lines_are_cut_around_the_caret_to_fit_the_width() -> None:
    line = "A" * 149 + "TARGET" + "B" * 45
    source = Source.from_text(line + "\n")
    diagnostic = Diagnostic("D999", Severity.ERROR, "m", Span(1, 150, 1, 156), "here")
    rows = render_one(source, diagnostic, width=60).splitlines()
    # Cells 141-190 of the line, between ellipses: 56 cells after the 4-cell gutter.
    assert rows[3] == "1 | ..." + "A" * 8 + "TARGET" + "B" * 36 + "..."
    assert rows[4] == "  | " + " " * 11 + "^^^^^^ here"
    assert len(rows[3]) == 60
    assert rows[3].index("TARGET") == rows[4].index("^")
    # Without a width (piped output) the line is printed whole.
    assert render_one(source, diagnostic).splitlines()[3] == "1 | " + line


def test_long_underlines_are_cut_at_the_edge_but_start_in_view() -> None:
    line = "TAGS: PREL " + "SUBJECT: " + "W" * 100
    source = Source.from_text(line + "\n")
    diagnostic = Diagnostic("D999", Severity.ERROR, "m", Span(1, 12, 1, len(line) + 1), "here")
    rows = render_one(source, diagnostic, width=50).splitlines()
    # Eight cells of context before the caret; 46 cells of text after the 4-cell gutter.
    assert rows[3] == "1 | ...S: PREL SUBJECT: " + "W" * 23 + "..."
    assert rows[4] == "  | " + " " * 11 + "^" * 32 + " here"
    assert len(rows[3]) == 50
    assert rows[3].index("SUBJECT") == rows[4].index("^")


def test_long_lines_keep_wide_characters_aligned_when_cut() -> None:
    line = "東" * 100 + "X"
    source = Source.from_text(line + "\n")
    diagnostic = Diagnostic("D999", Severity.ERROR, "m", Span(1, 101, 1, 102), "here")
    rows = render_one(source, diagnostic, width=40).splitlines()
    assert rows[3].startswith("1 | ...東") and rows[3].endswith("東東X")
    assert cell_len(rows[3][: rows[3].index("X")]) == rows[4].index("^")
    assert cell_len(rows[3]) <= 40


def test_a_file_without_text_shows_the_label_as_a_note() -> None:
    result = RunResult(
        (FileResult("blob.txt", (not_text_diagnostic("binary data (NUL or control bytes)"),)),)
    )
    assert rendered(result, "text") == (
        "error[E100]: not a text file\n"
        " --> blob.txt:1:1\n"
        "  = note: binary data (NUL or control bytes)\n"
        "  = help: cable files are text (UTF-8, UTF-16 with a byte-order mark, Latin-1 or "
        "cp1252); exclude this file from the run\n"
        "\n"
        "Found 1 error in 1 file (1 checked)\n"
    )


def test_quiet_prints_findings_without_summary() -> None:
    assert (
        rendered(d202_run(), "text", quiet=True)
        == rendered(d202_run(), "text").rsplit("\n\n", 1)[0] + "\n\n"
    )
    clean = RunResult((file_result(D202_GOOD, "clean.txt"),))
    assert rendered(clean, "text", quiet=True) == ""
    assert rendered(clean, "text") == "1 file passed\n"


def test_summary_counts_baseline_and_unreadable_files() -> None:
    result = RunResult(
        (
            file_result(D202_BAD, "a.txt", baselined={"D202"}),
            file_result(D202_GOOD, "b.txt"),
            unreadable("c.txt"),
        ),
        fixed_in_baseline=2,
    )
    assert rendered(result, "text").splitlines()[-3:] == [
        "No findings in 2 files; 1 file could not be read",
        "1 finding hidden by the baseline",
        "2 baselined findings no longer occur: the baseline can be pruned",
    ]


def test_colour_output_styles_the_same_text_and_keeps_brackets() -> None:
    text = D202_BAD.replace("ZNR UUUUU ZZH", "ZNR UUUUU ZZH [bold]")
    result = RunResult((file_result(text, "cables/[draft].txt"),))
    coloured = rendered(result, "text", color=True, width=100)
    assert "\x1b[1;31merror[D202]\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == rendered(result, "text", width=100)
    assert "ZNR UUUUU ZZH [bold]" in ANSI.sub("", coloured)


def test_importing_the_package_or_plain_text_does_not_load_rich_console() -> None:
    code = (
        "import io, sys\n"
        "import validator.render\n"
        "assert not any(m.startswith('rich') for m in sys.modules)\n"
        "from tests.render_cases import d202_run, rendered\n"
        "rendered(d202_run(), 'text')\n"
        "assert 'rich.console' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env={**os.environ})

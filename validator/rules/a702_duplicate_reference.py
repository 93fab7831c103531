"""Two files of a run carry the same reference id.

What it does
    An archive rule: when a run covers several files, groups the cables by reference id
    (DTG year, classification-line post without spaces, serial: `09ASTANA480`) and reports
    every file after the first, in path order, whose id an earlier file already carries; a
    note names that file. Cables without a DTG (partial extracts) have no reference id and
    are not compared.

Why it matters
    A reference id names one telegram. Two files with the same id are either two copies of
    one cable, which double every count made over the archive, or two cables one of which
    carries a mistyped serial, post or DTG, which makes references to it ambiguous.

Example
    The examples of an archive rule are sets of files; the tests run them as such. Both
    `09ASTANA480.txt` and `copy/09ASTANA480.txt` hold this cable; the second gets the
    finding (bad: A702 at 8:25)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead: the second file holds the next cable, ASTANA 000481 (good)::

        VZCZCXRO1536
        OO RUEHAG
        DE RUEHTA #0481/01 0761004
        ZNR UUUUU ZZH
        O 171004Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4933
        UNCLAS ASTANA 000481
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ASTANA NOTES

Fix
    Remove the copy, or correct the serial, post or DTG of the cable that is not the one
    its id says. There is no automatic fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.diagnostics import Diagnostic, Severity
from validator.first_seen import FirstSeen
from validator.source import Span

if TYPE_CHECKING:
    from validator.archive import ArchiveEntry

CODE = "A702"
NAME = "duplicate-reference-id"
SEVERITY = Severity.WARNING
SUMMARY = "two files carry the same reference id"
READS = ("path", "dtg", "classification")


def check_archive() -> DuplicateIds:
    return DuplicateIds()


class DuplicateIds:
    """Remembers the first file of each reference id (on disk beyond a bounded number);
    files come in path order, so every later file with that id is a copy."""

    def __init__(self) -> None:
        self.first = FirstSeen()

    def see(self, entry: ArchiveEntry) -> tuple[Diagnostic, ...]:
        # A tuple, not a generator: this runs for every file of an archive.
        reference_id, span = entry.reference_id, entry.id_span
        if reference_id is None or span is None:
            return ()
        seen, first_path = self.first.first(reference_id, entry.path)
        return (_duplicate(span, reference_id, first_path),) if seen else ()

    def finish(self) -> Iterator[Diagnostic]:
        self.first.close()
        return iter(())


def _duplicate(span: Span, reference_id: str, first: str | None) -> Diagnostic:
    other = f"`{first}`" if first else "another cable of this run"
    return Diagnostic(
        CODE,
        SEVERITY,
        f"reference id `{reference_id}` already carried by another file",
        span,
        f"`{reference_id}` again",
        help="remove the copy, or correct the serial, post or DTG of the cable that is not "
        f"`{reference_id}`",
        notes=(f"{other} carries the same reference id",),
    )

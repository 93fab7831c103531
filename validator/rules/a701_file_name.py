"""The file name disagrees with the cable's reference id.

What it does
    When a file is named like a reference id (`09ASTANA480.txt`: two digits, letters,
    digits), compares the name with the cable (ENVELOPE.md C8d): the year with the DTG year
    (not checked for cables without a DTG, such as partial extracts), the letters with the
    classification-line post without spaces (`TEL AVIV` -> `TELAVIV`; a control word such
    as `NOFORN` is not part of the post), and the digits with the serial, numerically
    (`BEIRUT 02370` is `85BEIRUT2370`). Files named otherwise are not checked.

Why it matters
    Archives and tools find cables by their reference id, and the release named every file
    after it: year, post and serial agree in all 376 Cablegate and all 401 older files where
    they can be compared. A disagreement means the file holds another cable than its name
    says, or the name or the classification line was mistyped; one known case is the release's
    own `85NOFORNMOGADISHU1643`, which took the control word for part of the post.

Example
    Serial 481 in the name, 480 in the cable (bad: A701 at 8:32, file 09ASTANA481.txt)::

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

    Use instead: the file named after the cable (good: file 09ASTANA480.txt)::

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

Fix
    Rename the file as the help line says, unless the classification line or the DTG is the
    mistyped side. Renaming is outside the text, so there is no automatic fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.source import Span

CODE = "A701"
NAME = "file-name-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "file name disagrees with the cable's year, post or serial"
READS = ("path", "dtg", "classification")

_REFERENCE_NAME = re.compile(r"^(?P<year>\d{2})(?P<post>[A-Z]+)(?P<serial>\d+)$")


def check(cable: Cable) -> Iterator[Diagnostic]:
    classification, post = cable.classification, cable.post_id
    if cable.path is None or classification is None or post is None:
        return
    name = os.path.basename(cable.path)
    match = _REFERENCE_NAME.match(os.path.splitext(name)[0])
    if match is None:
        return
    file_year, file_post, file_serial = match["year"], match["post"], int(match["serial"])
    year = file_year
    mismatches: list[Label] = []
    notes: tuple[str, ...] = ()
    if cable.dtg is None:
        notes = ("the cable has no DTG: the year of the file name is not checked",)
    else:
        year = f"{cable.dtg.year:02d}"
        if year != file_year:
            group = cable.dtg.group.span
            year_span = Span(group.end_line, group.end_column - 2, group.end_line, group.end_column)
            mismatches.append(Label(year_span, f"DTG year {year}; the file name says {file_year}"))
    if post != file_post:
        mismatches.append(
            Label(classification.post.span, f"post `{post}`; the file name says `{file_post}`")
        )
    serial = classification.serial_number
    if serial != file_serial:
        mismatches.append(
            Label(classification.serial.span, f"serial {serial}; the file name says {file_serial}")
        )
    if not mismatches:
        return
    expected = f"{year}{post}{serial}"
    primary, *others = mismatches
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"file name `{name}` disagrees with the reference id `{expected}`",
        primary.span,
        primary.message,
        secondary=tuple(others),
        help=f"rename the file `{expected}{os.path.splitext(name)[1]}`",
        notes=notes,
    )

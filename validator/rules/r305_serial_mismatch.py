"""The station serial differs between the DE line, the classification line, page lines and
the end of the message.

What it does
    Takes the serial of the classification line (`BERLIN 001106`) as the cable's number and
    compares with it the DE-line serial `#1106` (the last four digits: `STATE 156011` goes with
    `#6011`; ENVELOPE.md C8a), the eight-digit serial of every page-continuation line
    `BERLIN 00001106 002 OF 003` (C8b), and the end-of-message validation `#1106` (FL15, 4.2).
    Without a classification line the end line is compared with the DE line.

Why it matters
    The serial identifies the telegram: the reference id, the archive's file name and every
    later `REF:` cite it. All real cables agree (324 of 324 DE lines, 192 of 192 cables with page
    lines); a disagreement means one of the numbers was mistyped or the parts of two cables
    were joined.

Example
    The DE line says `#1160` (bad: R305 at 3:12)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1160/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead (good)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Write the classification line's serial (an unsafe fix: the classification line may be
    the mistyped one, which the other fields then show by agreeing among themselves).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable, Field

CODE = "R305"
NAME = "serial-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "station serial differs among DE line, classification line, page lines and end line"
READS = ("de_line", "classification", "pages", "end")

_CLASSIFICATION = "classification-line serial"


def check(cable: Cable) -> Iterator[Diagnostic]:
    de, classification, end = cable.de_line, cable.classification, cable.end.serial
    if classification is not None:
        number = classification.serial_number
        reference = classification.serial
        station = f"{number % 10000:04d}"
        if de is not None and de.serial.text != station:
            yield _finding(de.serial, "DE-line serial", station, reference, _CLASSIFICATION)
        for page in cable.pages:
            if int(page.serial.text) != number:
                yield _finding(
                    page.serial, "page-line serial", f"{number:08d}", reference, _CLASSIFICATION
                )
        if end is not None and end.text != station:
            yield _finding(end, "end-of-message serial", station, reference, _CLASSIFICATION)
    elif de is not None and end is not None and end.text != de.serial.text:
        yield _finding(end, "end-of-message serial", de.serial.text, de.serial, "DE-line serial")


def _finding(
    written: Field, what: str, expected: str, reference: Field, reference_name: str
) -> Diagnostic:
    return Diagnostic(
        CODE,
        SEVERITY,
        f"{what} `{written.text}` disagrees with the {reference_name} `{reference.text}`",
        written.span,
        f"expected `{expected}`",
        secondary=(Label(reference.span, f"the {reference_name}"),),
        help=f"did you mean `{expected}`?",
        notes=(
            "the DE line and the end line keep the last four digits of the serial; page lines "
            "pad it to eight",
        ),
        fix=Fix(written.span, expected, f"write `{expected}`", safe=False),
    )

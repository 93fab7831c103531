"""The E.O. line's instruction is in no recognised form.

What it does
    Reads the part of the E.O. line after the order number. Recognised forms are `N/A`, a
    declassification date (`DECL: 09/09/2019`, `DNG: CO 04/08/2026`, a bare date, `Declassify
    on 8/31/2034`) and the codes of the orders (`OADR`, `GDS`, `X1`-`X8`, `25X1`-`25X9`,
    `MR`, ...; ENVELOPE.md 2.14). On a classified cable, anything else (free text such as
    `DECL: TEN YEARS AFTER KOREAN UNIFICATION`, a redaction `XXXXXXXXXXXXX`, nothing at all)
    is a warning: the cable gives no instruction a reader or a program can apply. On an
    unclassified cable it is an info finding: the spec's known case is a later archive
    note in place of the line (`E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006`, 1972
    cables, 2.14.2).

Why it matters
    Declassification review works from the date or code on this line. Nine of 352
    classified Cablegate cables give no `DECL:` date; of those, the free-text and redacted
    lines give nothing a reviewer or a program can apply.

Example
    An event instead of a date (bad: C408 at 5:13)::

        P 191422Z FEB 09
        FM AMEMBASSY SEOUL
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L SEOUL 000487
        E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION
        TAGS: PREL KS KN
        SUBJECT: UNIFICATION MINISTRY BRIEFING

    Use instead (good)::

        P 191422Z FEB 09
        FM AMEMBASSY SEOUL
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L SEOUL 000487
        E.O. 12958: DECL: 02/19/2019
        TAGS: PREL KS KN
        SUBJECT: UNIFICATION MINISTRY BRIEFING

Fix
    Write the declassification date as `DECL: MM/DD/YYYY` (or the order's code). An
    archive's declassification note is not the telegram's own line: leave it, or restore
    the original `N/A`.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable
from validator.rules._classification import cable_level, level_words

CODE = "C408"
NAME = "unrecognised-declassification"
SEVERITY = Severity.WARNING
SUMMARY = "E.O. line gives a declassification instruction in no recognised form"
READS = ("classification", "eo")


def check(cable: Cable) -> Iterator[Diagnostic]:
    eo, line, level = cable.eo, cable.classification, cable_level(cable)
    if eo is None or line is None or level is None or eo.free_text is None:
        return
    written = eo.free_text.text.strip()
    classified_here = Label(line.level.span, f"the classification line says {level_words(cable)}")
    if level.is_classified:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"declassification instruction `{written}` is not a recognised form"
            if written
            else "E.O. line gives no declassification instruction",
            eo.instruction.span if written else eo.order.span,
            "no date or code here" if written else "nothing after the order number",
            secondary=(classified_here,),
            help="write the declassification date as `DECL: MM/DD/YYYY`, or the code of the "
            "order (`OADR` under E.O. 12356)",
            notes=(
                "recognised forms: `DECL:` + date, `DNG: CO` + date, `OADR`, `GDS`, `X1`-`X8`, "
                "`25X1`-`25X9`, `MR` (ENVELOPE.md 2.14)",
            ),
        )
        return
    notes = ["an unclassified cable writes `N/A`: there is nothing to declassify"]
    if eo.is_declassification_note:
        notes.append(
            "archives put later declassification notes in place of the E.O. line of some "
            "1972 cables; the order such a note names is not the cable's own"
        )
    yield Diagnostic(
        CODE,
        Severity.INFO,
        f"E.O. line of an unclassified cable reads `{written}` instead of `N/A`",
        eo.instruction.span,
        "not `N/A`",
        secondary=(classified_here,),
        help="write `N/A` if this line is the telegram's own",
        notes=tuple(notes),
    )

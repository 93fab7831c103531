"""Section numbers disagree among the classification line, the DE line and the page lines.

What it does
    Checks the section numbering of a multi-section message (ENVELOPE.md C9, C10):

    * `SECTION nn OF mm` on the classification line has 1 <= nn <= mm (C9c);
    * with `SECTION nn`, the DE line carries `/nn` with the same number (C9a); a DE line
      without `/nn` therefore goes with no `SECTION` (C9b). The converse does not hold: `/01`
      without `SECTION` is a single-section message and is fine;
    * every page-continuation line `BERLIN 00001106 002 OF 003` counts the same sections as
      the classification line, its section lies in 1..mm, sections never decrease from one
      page line to the next, and the plain form (a new section) starts at `002` (C10a);
    * page lines need a `SECTION` on the classification line (C10b).

Why it matters
    The receiving station reassembles a long message from its sections by these numbers. Every
    real cable keeps them consistent (219 of 219 with `SECTION`, 192 of 192 with page lines);
    a disagreement means a section was renumbered by hand or pages of two messages were mixed.

Example
    Section 1 of 3 on the classification line, section 2 on the DE line (bad: R306 at 3:17)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/02 2521657
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
    Renumber from the original; the help line says which number the other fields imply.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable, Classification, DeLine, PageLine

CODE = "R306"
NAME = "section-numbering"
SEVERITY = Severity.ERROR
SUMMARY = "section numbers inconsistent among classification line, DE line and page lines"
READS = ("classification", "de_line", "pages")


def check(cable: Cable) -> Iterator[Diagnostic]:
    classification = cable.classification
    if classification is None:
        return
    if classification.section is not None and classification.sections is not None:
        yield from _check_section_of(classification)
        if cable.de_line is not None:
            yield from _check_de_line(cable.de_line, classification)
    yield from _check_pages(cable.pages, classification)


def _check_section_of(classification: Classification) -> Iterator[Diagnostic]:
    section, sections = classification.section, classification.sections
    assert section is not None and sections is not None
    if 1 <= int(section.text) <= int(sections.text):
        return
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"`SECTION {section.text} OF {sections.text}` names no section of the message",
        section.span,
        f"sections run from 01 to {sections.text}",
        secondary=(Label(sections.span, "the section count"),),
        help="the archive keeps the first section: `SECTION 01 OF ...`",
    )


def _check_de_line(de: DeLine, classification: Classification) -> Iterator[Diagnostic]:
    number = classification.section_number
    assert classification.section is not None and number is not None
    written = f"{number:02d}"
    if de.section is None:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"the DE line has no section number, the classification line says `SECTION "
            f"{classification.section.text}`",
            de.serial.span,
            "expected `/" + written + "` after the serial",
            secondary=(Label(classification.section.span, "a multi-section message"),),
            help=f"did you mean `#{de.serial.text}/{written}`?",
            notes=("a DE line without `/nn` marks a single-section message",),
            fix=Fix(de.serial.span, f"{de.serial.text}/{written}", f"add `/{written}`", False),
        )
    elif int(de.section.text) != number:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"DE-line section `/{de.section.text}` disagrees with `SECTION "
            f"{classification.section.text}`",
            de.section.span,
            f"expected `{written}`",
            secondary=(Label(classification.section.span, "the classification line's section"),),
            help=f"did you mean `/{written}`?",
            fix=Fix(de.section.span, written, f"write `/{written}`", safe=False),
        )


def _check_pages(
    pages: tuple[PageLine, ...], classification: Classification
) -> Iterator[Diagnostic]:
    if not pages:
        return
    count = classification.section_count
    if count is None:
        yield Diagnostic(
            CODE,
            SEVERITY,
            "page-continuation lines in a message without `SECTION` on the classification line",
            pages[0].span,
            "a page line of a multi-section message",
            secondary=(Label(classification.span, "no `SECTION nn OF mm` here"),),
            help=f"write `SECTION 01 OF {int(pages[0].sections.text):02d}` on the classification "
            "line, or remove the page lines",
        )
        return
    previous = 0
    for page in pages:
        section, sections = int(page.section.text), int(page.sections.text)
        if sections != count:
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"page line counts `{page.sections.text}` sections, the classification line "
                f"{count}",
                page.sections.span,
                f"expected `{count:03d}`",
                secondary=(Label(classification.span, f"`SECTION ... OF {count:02d}`"),),
                help=f"did you mean `{count:03d}`?",
                fix=Fix(page.sections.span, f"{count:03d}", f"write `{count:03d}`", safe=False),
            )
        problem = _section_problem(section, count, previous, plain=page.page is None)
        if problem is not None:
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"page line section `{page.section.text}` {problem}",
                page.section.span,
                f"section {section} of {count}",
                help="renumber the page lines from the original",
            )
        previous = max(previous, section)


def _section_problem(section: int, count: int, previous: int, plain: bool) -> str | None:
    if not 1 <= section <= count:
        return f"lies outside 001 to {count:03d}"
    if section < previous:
        return f"comes after section {previous:03d}"
    if plain and section < 2:
        return "starts section 001, which the classification line starts"
    return None

"""Paragraph numbering skips numbers, or a number looks like a misread `¶`.

What it does
    Follows the paragraph numbers 1, 2, 3 ... of the text (ENVELOPE.md C7d) and reports a
    number that jumps ahead of the next one expected. Only portion-marked paragraphs count
    (plus an unmarked one whose number is the next expected; in a cable without any portion
    marking, every numbered paragraph). A number `1N` without a paragraph sign, in a text that
    otherwise writes signs, where `N` would continue the sequence, is reported as a misread
    sign (`12.` for `¶2.`). Partial extracts omit paragraphs, so their gaps are not reported;
    repeated and out-of-order numbers are O605.

Why it matters
    A gap usually means a paragraph was lost in conversion or its number was damaged: 333 of
    365 Cablegate cables number their paragraphs without a break. OCR reads the pilcrow `¶`
    as the digit `1` (ENVELOPE.md 4.5), which turns `¶2.` into paragraph 12 and throws off
    every reference to the paragraph. Real cables also skip numbers by mistake, so this is
    only a hint.

Example
    The pilcrow of paragraph 2 was read as `1` (bad: O602 at 13:1)::

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
        ¶1. (U) The "Almaty Notes" series covers civil society.
        12. (U) Bi-elections for the maslikhat take place on March 29.

    Use instead: the sign restored (good)::

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
        ¶1. (U) The "Almaty Notes" series covers civil society.
        ¶2. (U) Bi-elections for the maslikhat take place on March 29.

    Paragraph 2 is missing (bad: O602 at 10:2)::

        P 191422Z FEB 09
        FM AMEMBASSY BAGHDAD
        TO SECSTATE WASHDC PRIORITY 1688
        C O N F I D E N T I A L BAGHDAD 000487
        EO 12958 DECL: 02/19/2019
        TAGS PREL, PGOV, IZ
        SUBJECT: PROVINCIAL COUNCILS SEATED
        Classified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d)
        ¶1. (C) Summary: the new councils met on February 18.
        ¶3. (C) The governor was not chosen.

Fix
    Restore the number the original shows. For a misread sign the unsafe fix writes `¶N`
    (the number may be genuine); a real gap has no automatic fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.rules._numbering import Break, numbering_breaks

CODE = "O602"
NAME = "paragraph-number-gap"
SEVERITY = Severity.INFO
SUMMARY = "paragraph numbering skips numbers or shows a misread paragraph sign"
READS = ("paragraphs", "preamble", "classified_by")


def check(cable: Cable) -> Iterator[Diagnostic]:
    for found in numbering_breaks(cable):
        if found.kind == "misread":
            yield _misread(found)
        elif found.kind == "gap" and not cable.is_partial_extract:
            yield _gap(found)


def _previous(found: Break) -> tuple[Label, ...]:
    if found.previous is None:
        return ()
    return (Label(found.previous.number.span, "previous paragraph"),)


def _missing(first: int, last: int) -> str:
    return (
        f"paragraph {first} missing" if first == last else f"paragraphs {first} to {last} missing"
    )


def _gap(found: Break) -> Diagnostic:
    number = found.paragraph.number
    start = "starts at" if found.previous is None else f"skips from {found.expected - 1} to"
    return Diagnostic(
        CODE,
        SEVERITY,
        f"paragraph numbering {start} {found.reading}",
        number.span,
        _missing(found.expected, found.reading - 1),
        secondary=_previous(found),
        help="restore the missing paragraphs or their numbers, or renumber the paragraphs",
        notes=(
            "where paragraphs carry portion markings only marked ones count: a number at the "
            "start of a wrapped line is not a paragraph",
        ),
    )


def _misread(found: Break) -> Diagnostic:
    number = found.paragraph.number
    meant = f"¶{found.reading}"
    notes: tuple[str, ...] = ("OCR often reads the pilcrow `¶` as the digit `1`",)
    if found.reading > found.expected:
        notes += (
            f"read as `{meant}.`, {_missing(found.expected, found.reading - 1)} or unnumbered",
        )
    return Diagnostic(
        CODE,
        SEVERITY,
        f"paragraph number `{number.text}` looks like `{meant}.` with a misread sign",
        number.span,
        f"paragraph {found.expected} expected here",
        secondary=_previous(found),
        help=f"did you mean `{meant}.`?",
        notes=notes,
        fix=Fix(number.span, meant, f"write `{meant}.`", safe=False),
    )

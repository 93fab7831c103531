"""A paragraph sign mangled by a document converter (`$\\P 1$.`, `\ufffd1.`, `?1.`).

What it does
    Reports a paragraph number whose sign is not the pilcrow `¶`: the LaTeX form `$\\P 1$`
    a markdown converter writes, the replacement character U+FFFD left by a failed decoding,
    or a `?` written by a conversion to ASCII (ENVELOPE.md 4.5, 4.7).

Why it matters
    The archive puts `¶` before paragraph numbers (4291 times in 368 of 376 Cablegate
    files). Another sign means the file went through a converter that damaged it; other
    characters of the text may have suffered too, and tools that look for `¶N.` miss the
    paragraph. The parser still reads the number, so this is a warning about the copy, not
    about the cable.

Example
    A markdown converter wrote the pilcrow as LaTeX (bad: O601 at 12:2)::

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
         $\\P 1$. The "Almaty Notes" series covers civil society.

    Use instead: the archive's pilcrow (good)::

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
        ¶1. The "Almaty Notes" series covers civil society.

Fix
    A one-character sign (U+FFFD, `?`) is replaced by `¶`; the fix is safe when the other
    paragraphs of the file are written with `¶`. For the LaTeX form the help line gives
    the paragraph as it should read (`¶1.`); the `$` after the number is not part of the
    sign the parser records, so no automatic fix is offered.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Severity
from validator.model import Cable, Field

CODE = "O601"
NAME = "mangled-paragraph-sign"
SEVERITY = Severity.WARNING
SUMMARY = "paragraph sign other than `¶` (LaTeX `$\\P n$`, U+FFFD, `?`)"
READS = ("paragraphs",)

PILCROW = "¶"
REPLACEMENT_CHARACTER = "\ufffd"


def check(cable: Cable) -> Iterator[Diagnostic]:
    paragraphs = cable.paragraphs
    mangled = [
        (p.sign, p.number.text) for p in paragraphs if p.sign is not None and p.sign.text != PILCROW
    ]
    if not mangled:
        return  # the usual case: `¶` or no sign
    uses_pilcrow = any(p.sign is not None and p.sign.text == PILCROW for p in paragraphs)
    for sign, number in mangled:
        if sign.text.startswith("$"):
            yield Diagnostic(
                CODE,
                SEVERITY,
                f"paragraph sign written as LaTeX `{sign.text}{number}$`",
                sign.span,
                "a converter's rendering of `¶`",
                help=f"write `¶{number}.`",
                notes=("markdown and PDF converters write the pilcrow as `$\\P$`",),
            )
        else:
            yield _one_character(sign, number, uses_pilcrow)


def _one_character(sign: Field, number: str, uses_pilcrow: bool) -> Diagnostic:
    if sign.text == REPLACEMENT_CHARACTER:
        label = "`¶` lost in decoding (U+FFFD)"
        note = "the file was decoded with the wrong encoding; other characters may be lost too"
    else:
        label = "`¶` replaced by `?`"
        note = "a conversion to ASCII writes `?` for characters it cannot represent"
    return Diagnostic(
        CODE,
        SEVERITY,
        f"paragraph sign `{sign.text}` instead of `¶`",
        sign.span,
        label,
        help=f"write `¶{number}.`",
        notes=(note,),
        fix=Fix(sign.span, PILCROW, "write `¶`", safe=uses_pilcrow),
    )

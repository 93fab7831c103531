"""The FL4 security warning disagrees with the classification line.

What it does
    Compares the classification group of format line 4 (`UUUUU`, `EEEEE`, `CCCCC`, `SSSSS`,
    `TTTTT`) with the level of the classification line: `UUUUU` goes with UNCLAS, `EEEEE`
    with UNCLAS EFTO, `CCCCC` with CONFIDENTIAL, `SSSSS` with SECRET, `TTTTT` with TOP SECRET
    (ENVELOPE.md C4). It also checks the operating signal in front of the group: `ZNR` only
    with `UUUUU`, `ZNY` with every other group (C4'). A malformed classification word
    (`SS E C R E T`, reported by the parser as E101) is read as the level it is a near miss
    of, so that the cable gets one finding for one defect.

Why it matters
    Relay stations and the receiving terminal handle a message by its security warning; the
    reader handles it by the classification line. All 321 Cablegate cables with a readable
    classification line agree with their FL4 group, and every `ZNR` goes with `UUUUU`. A
    disagreement means one of the two lines was mistyped, and the cable may have been
    handled at the wrong level.

Example
    A CONFIDENTIAL cable sent as SECRET traffic (bad: C401 at 4:5)::

        VZCZCXRO9101
        PP RUEHAO
        DE RUEHCV #1893/01 3661108
        ZNY SSSSS ZZH
        P 311108Z DEC 08
        FM AMEMBASSY CARACAS
        TO RUEHC/SECSTATE WASHDC PRIORITY 2217
        C O N F I D E N T I A L CARACAS 001893
        E.O. 12958: DECL: 12/31/2018
        TAGS: ECON VE
        SUBJECT: STATE OIL COMPANY DELAYS PAYMENTS

    Unclassified traffic under the `ZNY` signal (bad: C401 at 4:1)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNY UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead (good)::

        VZCZCXRO9101
        PP RUEHAO
        DE RUEHCV #1893/01 3661108
        ZNY CCCCC ZZH
        P 311108Z DEC 08
        FM AMEMBASSY CARACAS
        TO RUEHC/SECSTATE WASHDC PRIORITY 2217
        C O N F I D E N T I A L CARACAS 001893
        E.O. 12958: DECL: 12/31/2018
        TAGS: ECON VE
        SUBJECT: STATE OIL COMPANY DELAYS PAYMENTS

Fix
    Correct whichever line the original shows wrongly. The help line gives the security
    warning that matches the classification line (an unsafe fix: the classification line
    may be the mistyped one).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable
from validator.reference import security_warning_signal
from validator.rules._classification import cable_level, level_words
from validator.source import Span

CODE = "C401"
NAME = "security-warning-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "FL4 security warning disagrees with the classification line"
READS = ("security_warning", "classification")


def check(cable: Cable) -> Iterator[Diagnostic]:
    warning, line, level = cable.security_warning, cable.classification, cable_level(cable)
    if warning is None or line is None or level is None:
        return
    group, prosign = warning.group.text, warning.prosign.text
    level_name = level_words(cable)
    # The FL4 group of the LOU and FOUO rows is not established (classification.tsv):
    # compare ranks there, groups everywhere else.
    uncertain = "security_warning" in level.uncertain
    expected = level.security_group
    if expected and group != expected and not (uncertain and group == "UUUUU"):
        signal_at, group_at = warning.prosign.span, warning.group.span
        wanted = f"{level.operating_signal} {expected}"
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"security warning `{prosign} {group}` disagrees with the classification "
            f"`{level.level}`",
            warning.group.span,
            f"`{group}` is not {level.level} traffic",
            secondary=(Label(line.level.span, f"the classification line says {level_name}"),),
            help=f"write `{wanted}` for {level.level} traffic, or correct the classification "
            "line if it is the mistyped one",
            notes=(
                "UUUUU: UNCLAS (SBU included); EEEEE: UNCLAS EFTO; CCCCC: CONFIDENTIAL; "
                "SSSSS: SECRET; TTTTT: TOP SECRET",
            ),
            fix=Fix(
                Span(signal_at.line, signal_at.column, group_at.end_line, group_at.end_column),
                wanted,
                f"write `{wanted}`",
                safe=False,
            ),
        )
    signal = security_warning_signal(group)
    if prosign != signal:
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"operating signal `{prosign}` does not go with the security group `{group}`",
            warning.prosign.span,
            f"`{group}` takes `{signal}`",
            secondary=(Label(warning.group.span, "this group"),),
            help=f"write `{signal} {group}`",
            notes=("`ZNR` goes with `UUUUU` only; `ZNY` with `EEEEE`, `CCCCC`, `SSSSS`, `TTTTT`",),
            fix=Fix(warning.prosign.span, signal, f"write `{signal}`", safe=False),
        )

"""An envelope line is malformed or not recognised (parser code, documented here).

What it does
    Reported by the parser (`validator/parse.py`) when a line has the shape of an element,
    its keyword or first word, but not its syntax (`DE RUEHTA #480/01 0760952`: the station
    serial needs four digits), when the classification word is not a level
    (`SS E C R E T MOSCOW 000226`), and when a line where an element is expected is none.
    The rest of the envelope is still parsed, and rules that need the element skip it.

Why it matters
    Every element of the envelope has a fixed form (ENVELOPE.md section 2); a line that
    breaks it cannot be read, so every relation that needs its fields goes unchecked. Real
    archive copies show such lines (4 malformed classification words in 376 Cablegate
    cables), usually from damage in copying.

Example
    The DE line's serial has three digits (bad: E101 at 3:1)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead: the serial zero-padded to four digits (good)::

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
    Rewrite the line in the form the label shows, from the original where one exists.
"""

from __future__ import annotations

from validator.diagnostics import Severity

CODE = "E101"
NAME = "malformed-element"
SEVERITY = Severity.ERROR
SUMMARY = "envelope line malformed or not recognised"
READS = ()

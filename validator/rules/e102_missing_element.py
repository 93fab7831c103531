"""A required envelope element is missing (parser code, documented here).

What it does
    Reported by the parser (`validator/parse.py`) at the first line after the envelope when
    an element the cable's layout requires is absent: FL2-FL6 and an addressee list in an
    ACP-127 copy, the DTG, FM line and addressees in a DTG-first copy, and in every layout
    the classification line, the E.O. line, TAGS and SUBJECT (ENVELOPE.md section 4). An
    element present but malformed is E101, not E102.

Why it matters
    The required elements carry the cable's date, origin, classification and
    declassification; without one, the relations that need it cannot be checked. Some real
    cables lack an element (SUBJECT in 4 of 376 Cablegate cables).

Example
    The E.O. line is missing (bad: E102 at 12:1)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

        ¶1. (U) The "Almaty Notes" series covers civil society.

    Use instead: the E.O. line after the captions, before TAGS (good)::

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

Fix
    Restore the element from the original; there is no automatic fix.
"""

from __future__ import annotations

from validator.diagnostics import Severity

CODE = "E102"
NAME = "missing-element"
SEVERITY = Severity.ERROR
SUMMARY = "required envelope element missing"
READS = ()

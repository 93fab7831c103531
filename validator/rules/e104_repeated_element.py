"""An envelope element that may appear once is repeated (parser code, documented here).

What it does
    Reported by the parser (`validator/parse.py`) on the second occurrence of an element a
    cable has at most once: FL1-FL6, the TO, INFO and XMT keywords, the classification
    line, E.O. line, TAGS, SUBJECT, REF and Classified By. A secondary label shows the
    first one; the parser keeps the first and ignores the second.

Why it matters
    Two SUBJECT lines or two E.O. lines leave the reader to guess which one holds. In archive
    copies a repeat usually comes from a block pasted twice (06PARIS7579 repeats its
    SUBJECT after the Classified By line).

Example
    SUBJECT twice (bad: E104 at 12:1)::

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
        SUBJECT: ALMATY NOTES

    Use instead: one SUBJECT (good)::

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
    Keep one of the two, as the help line says; there is no automatic fix.
"""

from __future__ import annotations

from validator.diagnostics import Severity

CODE = "E104"
NAME = "repeated-element"
SEVERITY = Severity.ERROR
SUMMARY = "envelope element repeated"
READS = ()

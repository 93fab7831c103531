"""Front-matter fields out of their usual order (parser code, documented here).

What it does
    Reported by the parser (`validator/parse.py`) when the front matter breaks the order
    E.O. line, TAGS, SUBJECT. REF and Classified By may come in either order after them.

Why it matters
    The order is the Department's telegram format, kept by 375 of 376 Cablegate cables and
    all 401 older ones. One genuine cable has TAGS and SUBJECT before its E.O. line, so this
    is a warning: the fields are still read, only their order is unusual.

Example
    TAGS comes before the E.O. line (bad: E105 at 10:1)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        TAGS: PGOV KZ
        E.O. 12958: N/A
        SUBJECT: ALMATY NOTES

    Use instead: E.O. line, TAGS, SUBJECT (good)::

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
    Move the element to its place; there is no automatic fix.
"""

from __future__ import annotations

from validator.diagnostics import Severity

CODE = "E105"
NAME = "front-matter-order"
SEVERITY = Severity.WARNING
SUMMARY = "E.O. line, TAGS and SUBJECT out of their usual order"
READS = ()

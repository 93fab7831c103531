"""An envelope element is out of order (parser code, documented here).

What it does
    Reported by the parser (`validator/parse.py`) when an element of the transmission or
    addressing lines stands where the layout does not allow it: an INFO line before the TO
    line, an FM line after the addressees, a DE line among the captions (ENVELOPE.md
    section 1). The front matter's E.O. / TAGS / SUBJECT order is E105, a warning.

Why it matters
    The ACP-127 format lines have a fixed order that every real cable keeps; an element out of
    place is a sign of lines moved or pasted in copying, and the fields around it may have
    been read into the wrong element.

Example
    The TO line comes after the INFO line (bad: E103 at 8:1)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        INFO RUEHBJ/AMEMBASSY BEIJING 0750
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

    Use instead: TO, then INFO (good)::

        VZCZCXRO1535
        OO RUEHAG
        DE RUEHTA #0480/01 0760952
        ZNR UUUUU ZZH
        O 170952Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4932
        INFO RUEHBJ/AMEMBASSY BEIJING 0750
        UNCLAS SECTION 01 OF 02 ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES

Fix
    Move the element to its place; there is no automatic fix.
"""

from __future__ import annotations

from validator.diagnostics import Severity

CODE = "E103"
NAME = "element-out-of-order"
SEVERITY = Severity.ERROR
SUMMARY = "envelope element out of order"
READS = ()

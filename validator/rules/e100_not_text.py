r"""The file is not text (parser code, documented here).

What it does
    Reported by the reader before any parsing (`validator.api.not_text_diagnostic`): the
    first 8 KiB of the file hold a NUL byte, or more than one byte in ten is a control
    character other than tab, newline, carriage return and form feed. Text in UTF-8 (with
    or without a byte-order mark), UTF-16 with a byte-order mark, Windows-1252 or Latin-1
    is decoded, never reported (ENVELOPE.md 4.7).

Why it matters
    A cable is a text file. Binary data under a cable's name (a PDF, a word-processor
    document, an image of the telegram) cannot be checked at all; the run reports it once at
    1:1 and goes on with the other files.

Example
    The examples are bytes, with Python escapes for bytes that are not printable ASCII; a
    PDF saved under a cable's name (bytes) (bad: E100 at 1:1)::

        %PDF-1.4
        %\xe2\xe3\xcf\xd3
        1 0 obj
        << /Length 44 >>
        stream
        \x00\x01\x02\x03\x04\x05\x06\x07

    Use instead: the cable as text, here in Windows-1252 with `¶` as byte 0xB6, which is
    decoded and parsed (bytes) (good)::

        UNCLAS ASTANA 000480
        E.O. 12958: N/A
        TAGS: PGOV KZ
        SUBJECT: ALMATY NOTES
        \xb61. (U) The "Almaty Notes" series covers civil society.

Fix
    Exclude the file from the run, or convert the document to text first.
"""

from __future__ import annotations

from validator.diagnostics import Severity

CODE = "E100"
NAME = "not-a-text-file"
SEVERITY = Severity.ERROR
SUMMARY = "the file is binary, not a text file"
READS = ()

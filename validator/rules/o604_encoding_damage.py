"""The text shows encoding damage: U+FFFD characters or UTF-8 read as Windows-1252.

What it does
    Reports lines holding the replacement character U+FFFD (bytes a decoder could not read)
    or mojibake, UTF-8 text decoded as Windows-1252 or Latin-1 and saved again (`â€™` for
    `’`, `Â¶` for `¶`). One finding per line: the first damaged spot is the primary label,
    the others on the line are secondary labels. A U+FFFD standing as a paragraph sign is
    O601's finding, not repeated here.

Why it matters
    The archive files are valid UTF-8 (ENVELOPE.md 4.7); damage means a copy went through a
    wrong decoding. Mojibake can be undone by decoding the file again; a U+FFFD has lost
    the original byte for good, and the same copy may have lost characters of the envelope
    too.

Example
    A curly apostrophe decoded twice (bad: O604 at 13:17)::

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

        ¶1. (U) Nur Otanâ€™s leaders said nothing about the â€œmemorandumâ€.

    Use instead: the characters decoded once (good)::

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

        ¶1. (U) Nur Otan’s leaders said nothing about the “memorandum”.

Fix
    Decode the original file again with its real encoding (for mojibake: encode the text as
    Windows-1252 and decode the bytes as UTF-8). There is no automatic fix: a replacement
    character cannot be undone, and mojibake is best repaired for the whole file at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Cable, Field

CODE = "O604"
NAME = "encoding-damage"
SEVERITY = Severity.WARNING
SUMMARY = "U+FFFD or mojibake (`â€™`) in the text"
READS = ("text_damage", "paragraphs")

REPLACEMENT_CHARACTER = "\ufffd"


def check(cable: Cable) -> Iterator[Diagnostic]:
    if not cable.text_damage:
        return
    signs = {p.sign.span for p in cable.paragraphs if p.sign is not None}
    damage = [spot for spot in cable.text_damage if spot.span not in signs]
    for _, on_line in groupby(damage, key=lambda spot: spot.span.line):
        first, *others = on_line
        yield Diagnostic(
            CODE,
            SEVERITY,
            _message(first),
            first.span,
            _label(first),
            secondary=tuple(Label(spot.span, _label(spot)) for spot in others),
            help=_help(first),
        )


def _repaired(text: str) -> str | None:
    """What mojibake stood for (`â€™` -> `’`), or None when the bytes do not decode."""
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return None


def _message(spot: Field) -> str:
    if REPLACEMENT_CHARACTER in spot.text:
        return "replacement character U+FFFD in the text"
    return f"mojibake `{spot.text}` in the text"


def _label(spot: Field) -> str:
    if REPLACEMENT_CHARACTER in spot.text:
        return "a character lost in decoding"
    original = _repaired(spot.text)
    if original is None:
        return "UTF-8 read with the wrong encoding"
    return f"`{original}` read with the wrong encoding"


def _help(spot: Field) -> str:
    if REPLACEMENT_CHARACTER in spot.text:
        return (
            "the original bytes are lost: decode the original file with its real encoding, "
            "or restore the character from another copy of the cable"
        )
    return (
        "the file was decoded as Windows-1252 and saved as UTF-8: decode it again "
        "(encode the text as cp1252, decode the bytes as UTF-8)"
    )

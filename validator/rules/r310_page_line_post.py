"""A page-continuation line names another post than the classification line.

What it does
    Compares the post of every page-continuation line (`BERLIN 00001106 002 OF 003`) with the
    post of the classification line cut to ten characters, as the printer cut it (`BUENOS AIR`,
    `UNVIE VIEN`; ENVELOPE.md 2.20, C8c). A regional office prints its city without `RPO`
    (`RPO DUBAI` as `DUBAI`).

Why it matters
    Page lines repeat the post and serial so that each printed page can be matched to its
    message. 188 of 192 Cablegate cables with page lines agree; the others print `DUBAI` for
    `RPO DUBAI` (accepted here) or carry a garbled line. A page line naming another post is a
    sign of damaged text or of pages from two messages joined.

Example
    The page line names Bonn (bad: R310 at 14:1)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 02 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

        BONN 00001106 002 OF 002

    Use instead (good)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 02 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

        BERLIN 00001106 002 OF 002

Fix
    Write the classification line's post, cut to ten characters.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable

CODE = "R310"
NAME = "page-line-post"
SEVERITY = Severity.WARNING
SUMMARY = "page-continuation line names another post than the classification line"
READS = ("classification", "pages")

# The printer cut the post to this many characters.
_WIDTH = 10
# Words of a post the page lines leave out (`RPO DUBAI` is printed `DUBAI`).
_UNPRINTED_PREFIXES = ("RPO ",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    if cable.classification is None or not cable.pages:
        return
    post = " ".join(cable.classification.post.text.upper().split())
    printed = {_cut(post)} | {_cut(post.removeprefix(p)) for p in _UNPRINTED_PREFIXES}
    expected = _cut(post)
    for page in cable.pages:
        if " ".join(page.post.text.upper().split()) in printed:
            continue
        yield Diagnostic(
            CODE,
            SEVERITY,
            f"page line names post `{page.post.text}`, the classification line `{post}`",
            page.post.span,
            f"expected `{expected}`",
            secondary=(Label(cable.classification.post.span, "the cable's post"),),
            help=f"did you mean `{expected}`?",
            notes=("page lines print the post cut to ten characters",),
            fix=Fix(page.post.span, expected, f"write `{expected}`", safe=False),
        )


def _cut(post: str) -> str:
    return post[:_WIDTH].rstrip()

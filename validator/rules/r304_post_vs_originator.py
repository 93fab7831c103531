"""The post named on the classification line is not the post of the FM line.

What it does
    Derives the post from the FM line (`AMEMBASSY TEL AVIV` -> `TEL AVIV`, `SECSTATE WASHDC`
    -> `STATE`, `USMISSION USNATO` -> `USNATO`, `IRAN RPO DUBAI` -> `RPO DUBAI`) and compares it
    with the post of the classification line, ignoring case and spacing (ENVELOPE.md C11a).
    `USEU BRUSSELS` numbers its telegrams in the `BRUSSELS` series and is accepted as such.

Why it matters
    The classification-line post and serial make the cable's reference id (`09BERLIN1106`);
    the FM line says who sent it. The two agree in every real cable once the USEU alias is
    known (348 of 350 Cablegate cables without it, 345 of 345 older ones). A disagreement
    files the cable under the wrong post or attributes it to the wrong sender.

Example
    Sent by Berlin, numbered as Bonn (bad: R304 at 8:42)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BONN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead (good)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Write the post of the FM line (an unsafe fix: the FM line may be the wrong one).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable

CODE = "R304"
NAME = "post-vs-originator"
SEVERITY = Severity.ERROR
SUMMARY = "classification-line post disagrees with the FM post"
READS = ("classification", "originator")

# FM posts whose telegrams are numbered in another post's series (ENVELOPE.md C11a).
_SERIES_OF = {"USEU BRUSSELS": "BRUSSELS"}


def check(cable: Cable) -> Iterator[Diagnostic]:
    classification, originator = cable.classification, cable.originator
    if classification is None or originator is None:
        return
    sender = originator.post
    written = " ".join(classification.post.text.upper().split())
    if written in (sender, _SERIES_OF.get(sender)):
        return
    expected = _SERIES_OF.get(sender, sender)
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"post `{classification.post.text}` disagrees with the originator "
        f"`{originator.address.text}`",
        classification.post.span,
        f"the FM post is `{expected}`",
        secondary=(Label(originator.address.span, "sent from here"),),
        help=f"did you mean `{expected}`?",
        notes=("the classification-line post and serial make the cable's reference id",),
        fix=Fix(classification.post.span, expected, f"write `{expected}`", safe=False),
    )

"""No action addressee carries the DTG precedence (or, with dual precedence, the INFO one).

What it does
    Maps the addressees' precedence words to prosigns (`FLASH` Z, `NIACT IMMEDIATE` and
    `IMMEDIATE` O, `PRIORITY` P, no word R) and checks that at least one TO addressee carries
    the first DTG prosign (ENVELOPE.md C3a, C3c; all addressees when there is no TO list).
    With dual precedence (`O R 141437Z NOV 07`) the highest INFO addressee must carry the
    second prosign (C3d). An addressee above the DTG is R309.

Why it matters
    The DTG precedence is the action precedence: some action addressee asked for it. When none
    did, the DTG or an addressee word is probably wrong. Genuine cables break this rarely
    (1 of 351 Cablegate cables, a `0000` entry without word; 3 of 342 older ones, two with the
    word misspelt or glued to the address: `WASHDC IMMEDAITE`, `WASHDPGIMMEDIATE`, which the
    finding points out), and addressees may legitimately differ among themselves (`SECSTATE
    WASHDC IMMEDIATE` with `SECDEF WASHDC` routine), so this is a warning.

Example
    An IMMEDIATE DTG whose only action addressee is PRIORITY (bad: R302 at 5:1)::

        VZCZCXRO1733
        OO RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        O 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

    Use instead (good)::

        VZCZCXRO1733
        OO RUEHDBU
        DE RUEHRL #1106/01 2521657
        ZNY CCCCC ZZH
        O 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 5130
        INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: GM PREL PGOV
        SUBJECT: COALITION TALKS
        Classified By: Ambassador Philip D. Murphy, reasons 1.4 (b) and (d)

Fix
    Give the action addressee the DTG's word, or lower the DTG prosign (and the FL2 digraph):
    only the original shows which was meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache

from validator.diagnostics import Diagnostic, Label, Severity
from validator.model import Addressee, Cable, Field
from validator.reference import precedences, prosign_for_word
from validator.rules._dates import part
from validator.rules._precedence import (
    addressee_prosign,
    highest,
    precedence_name,
    rank,
    word_label,
    word_span,
)

CODE = "R302"
NAME = "dtg-precedence-vs-addressees"
SEVERITY = Severity.WARNING
SUMMARY = "no action (or, with dual precedence, information) addressee has the DTG precedence"
READS = ("dtg", "to", "info")


def check(cable: Cable) -> Iterator[Diagnostic]:
    dtg = cable.dtg
    if dtg is None:
        return
    action = cable.to or cable.info
    found = _differs(dtg.precedence, dtg.prosign, action, "action" if cable.to else "")
    if found is not None:
        yield found
    if dtg.info_precedence is not None and cable.to and cable.info:
        found = _differs(dtg.info_precedence, dtg.info_precedence.text, cable.info, "information")
        if found is not None:
            yield found


def _differs(
    prosign_field: Field, prosign: str, addressees: tuple[Addressee, ...], kind: str
) -> Diagnostic | None:
    """A finding when the highest of `addressees` is below `prosign` (an information list with
    dual precedence must equal it; the action list may not exceed it either, but that is
    R309's finding)."""
    top = highest(addressees)
    if top is None:
        return None
    top_rank, wanted = rank(addressee_prosign(top)), rank(prosign)
    if top_rank == wanted or (top_rank > wanted and kind != "information"):
        return None
    name = precedence_name(prosign)
    which = f"{kind} addressee" if kind else "addressee"
    comparison = "below" if top_rank < wanted else "above"
    if kind == "information":
        message = f"no information addressee has the DTG's information precedence `{name}`"
    else:
        message = f"no {which} has the DTG precedence `{name}`"
    help = (
        f"give an {which} the word `{name}`, or change the DTG prosign to "
        f"`{addressee_prosign(top)}` if the addressees are right"
    )
    secondary = Label(word_span(top), f"highest {which}: {word_label(top)}")
    for addressee in addressees:
        typo = _misspelt_word(addressee)
        if typo is not None and rank(prosign_for_word(typo[1])) == wanted:
            secondary = Label(typo[0].span, f"`{typo[0].text}` looks like a misspelt `{typo[1]}`")
            help = f"did you mean `{typo[1]}`? the word was read as part of the address"
            break
    return Diagnostic(
        CODE,
        SEVERITY,
        message,
        prosign_field.span,
        f"{name} in the DTG",
        secondary=(secondary,),
        help=help,
        notes=(f"every {which} precedence is {comparison} the DTG's",),
    )


def _misspelt_word(addressee: Addressee) -> tuple[Field, str] | None:
    """The last word of an address without precedence word when it is a precedence word
    misspelt (`IMMEDAITE`) or glued to the address (`WASHDPGIMMEDIATE`), with the word meant."""
    if addressee.precedence is not None:
        return None
    address = addressee.address
    last = address.text.split()[-1] if address.text.split() else ""
    meant = next((word for word in _words() if last.endswith(word) and last != word), None)
    if meant is None:
        close = difflib.get_close_matches(last, _words(), n=1, cutoff=0.75)
        meant = close[0] if close and close[0] != last else None
    if meant is None:
        return None
    at = part(address.span, len(address.text) - len(last), len(last))
    return Field(last, at), meant


@cache
def _words() -> list[str]:
    """The last words of the addressee precedence words: `FLASH`, `IMMEDIATE`, `PRIORITY`."""
    return sorted(
        {
            p.addressee_word.split()[-1]
            for p in precedences()
            if p.addressee_word and not p.military_only
        }
    )

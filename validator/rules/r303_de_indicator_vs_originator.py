"""The DE line's routing indicator is not the one known for the originating post.

What it does
    Looks up the routing indicators that real cables pair with the FM post (the DE line of its
    own cables, `RI/PLAD` addressee entries of others; `routing_indicators.tsv`) and reports a
    DE-line station RI that is not among them (ENVELOPE.md C11b). Posts are compared by the
    name the classification line uses, so `SECSTATE WASHDC` and `SECSTATE WASHINGTON DC` are one
    post. Posts and indicators the table does not know are not reported.

Why it matters
    The DE RI names the station that put the message on the network; it belongs to the
    originating post (310 of 311 Cablegate pairings agree). A stranger RI points to a header
    copied from another cable or a mistyped indicator. Indicators change over time (`RUEHTA`
    served Almaty, then Astana) and some serve two PLADs (`RUEHBS`: the embassy and USEU in
    Brussels), which the table records; hence a warning, not an error.

Example
    `RUEHFR` is Paris, not Berlin (bad: R303 at 3:4)::

        VZCZCXRO1733
        PP RUEHDBU
        DE RUEHFR #1106/01 2521657
        ZNY CCCCC ZZH
        P 091657Z SEP 09
        FM AMEMBASSY BERLIN
        TO RUEHC/SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106
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
    Write the post's routing indicator (the help line names the best-attested one; an unsafe
    fix, since the FM line may be the wrong field).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.model import Cable, post_of_address
from validator.reference import plads_for_indicator, routing_pairs

CODE = "R303"
NAME = "de-indicator-vs-originator"
SEVERITY = Severity.WARNING
SUMMARY = "DE-line routing indicator is not one known for the FM post"
READS = ("de_line", "originator")


def check(cable: Cable) -> Iterator[Diagnostic]:
    de, originator = cable.de_line, cable.originator
    if de is None or originator is None:
        return
    station = de.station.text
    known = _known_for(originator.address.text)
    plads = plads_for_indicator(station)
    if not known or not plads or station in known:
        return
    best = max(known, key=lambda ri: (known[ri], ri))
    others = ", ".join(f"`{ri}`" for ri in sorted(known))
    yield Diagnostic(
        CODE,
        SEVERITY,
        f"routing indicator `{station}` is not known for `{originator.address.text}`",
        de.station.span,
        f"known for {', '.join(sorted(plads))}",
        secondary=(Label(originator.address.span, f"the post's indicator is {others}"),),
        help=f"did you mean `{best}`?",
        notes=("indicators from routing_indicators.tsv, as real cables pair them",),
        fix=Fix(de.station.span, best, f"write `{best}`", safe=False),
    )


@cache
def _indicators_by_post() -> dict[str, dict[str, int]]:
    """Classification-line post -> routing indicators seen for it, with their evidence."""
    found: dict[str, dict[str, int]] = {}
    for pair in routing_pairs():
        indicators = found.setdefault(post_of_address(pair.plad), {})
        indicators[pair.routing_indicator] = indicators.get(pair.routing_indicator, 0) + pair.cables
    return found


# FM addresses recur across an archive; reading the post from one takes two substitutions.
@lru_cache(maxsize=1024)
def _known_for(address: str) -> dict[str, int] | None:
    """The routing indicators known for the post of an FM address, with their evidence."""
    return _indicators_by_post().get(post_of_address(address))

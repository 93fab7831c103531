"""The TAGS line names no country and no organization.

What it does
    Reports a TAGS line without a country code (`IZ`, `RS`, `GM`, ...) or an organization
    code (`EUN`, `NATO`, `UNGA`, ...) (ENVELOPE.md C15b). A code the TAGS table records as a
    slip for a country (`RU` for `RS`, `IRAJ` for `IZ`) counts as that country: the slip
    itself is T501's finding.

Why it matters
    The geographic TAG routes a cable to the country desk and files it under the country;
    a cable without one reaches only the functional offices of its subject TAGS. Most
    cables without one are Department circulars and functional taskings (`ASEC`, `APER`,
    `PTER` alone), but some post cables simply omit the country (04BOGOTA8900,
    09MOSCOW2754), so this is a hint.

Example
    A post cable without its country (bad: T504 at 6:1)::

        P 091657Z SEP 09
        FM AMEMBASSY MOSCOW
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L MOSCOW 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PGOV PREL MARR
        SUBJECT: DEFENSE MINISTRY REFORM

    Use instead (good)::

        P 091657Z SEP 09
        FM AMEMBASSY MOSCOW
        TO SECSTATE WASHDC PRIORITY 5130
        C O N F I D E N T I A L MOSCOW 001106
        E.O. 12958: DECL: 09/09/2019
        TAGS: PGOV PREL MARR RS
        SUBJECT: DEFENSE MINISTRY REFORM

Fix
    Add the code of the country (or organization) the cable is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from validator.diagnostics import Diagnostic, Severity
from validator.model import Cable
from validator.reference import TagKind, is_geographic, tag_kind, tag_replacement

CODE = "T504"
NAME = "no-geographic-tag"
SEVERITY = Severity.INFO
SUMMARY = "TAGS line without a country or organization code"
READS = ("tags",)


def check(cable: Cable) -> Iterator[Diagnostic]:
    tags = cable.tags
    if tags is None or not tags.codes:
        return
    if any(_geographic(item.text.strip()) for item in tags.codes):
        return
    yield Diagnostic(
        CODE,
        SEVERITY,
        "TAGS line names no country or organization",
        tags.keyword.span,
        f"{len(tags.codes)} subject or program code{'s' if len(tags.codes) != 1 else ''}",
        help="add the code of the country the cable is about (e.g. `RS` for Russia, `IZ` for "
        "Iraq) or of the organization (`EUN`, `NATO`)",
        notes=("TAGS country codes follow FIPS 10-4, not ISO: Germany is `GM`, Iraq `IZ`",),
    )


@lru_cache(maxsize=4096)  # the same codes recur in every TAGS line
def _geographic(code: str) -> bool:
    """A country or organization code, or a recorded slip for one."""
    for candidate in (code, *(tag_replacement(code) or "").split()):
        if is_geographic(candidate) or tag_kind(candidate) is TagKind.ORGANIZATION:
            return True
    return False

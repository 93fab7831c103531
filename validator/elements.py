"""Plain-word names of the grammar's terminals, for syntax diagnostics.

Each entry: the element's name as a user calls it and what a well-formed one looks like.
"""

from __future__ import annotations

from typing import NamedTuple


class Element(NamedTuple):
    name: str
    example: str


ELEMENTS: dict[str, Element] = {
    "PARTIAL_BANNER": Element("partial-extract banner", "This record is a partial extract ..."),
    "WEEKDAY_LINE": Element("weekday date line", '"Wednesday, 02 December 2009, 17:17"'),
    "BARE_DTG": Element("bare date-time group", '"201247Z Jan 04"'),
    "PRINTER_PAGE_HEADER": Element("printer page header", '"PAGE 01 STATE 123456 160117Z"'),
    "DISTRIBUTION_FIRST": Element("distribution block", '"INFO  LOG-00   EEB-00 ..."'),
    "MAIL_NULL": Element("mail-forwarding header", '"null"'),
    "TRANSMISSION_ID": Element("transmission identification", '"VZCZCXRO1733"'),
    "TRANSMISSION_ID_BAD": Element("transmission identification", '"VZCZCXRO1733"'),
    "ROUTING_LINE": Element("precedence and routing line", '"PP RUEHC RUEHFR"'),
    "ROUTING_LINE_BAD": Element("precedence and routing line", '"PP RUEHC RUEHFR"'),
    "ROUTING_CONTINUATION": Element("routing indicator line", '"RUEHLA RUEHNP"'),
    "DE_LINE": Element("DE line", '"DE RUEHRL #1106/01 2521657"'),
    "DE_LINE_BAD": Element("DE line", '"DE RUEHRL #1106/01 2521657"'),
    "SECURITY_WARNING": Element("security warning", '"ZNY CCCCC ZZH"'),
    "SECURITY_WARNING_BAD": Element("security warning", '"ZNY CCCCC ZZH"'),
    "DTG_LINE": Element("date-time group line", '"P 170952Z MAR 09"'),
    "DTG_LINE_BAD": Element("date-time group line", '"P 170952Z MAR 09"'),
    "FM_LINE": Element("FM line", '"FM AMEMBASSY BERLIN"'),
    "ADDRESSEE_LIST": Element("addressee list", '"TO RUEHC/SECSTATE WASHDC PRIORITY 5130"'),
    "TO_KEYWORD": Element("TO line", '"TO RUEHC/SECSTATE WASHDC PRIORITY 5130"'),
    "INFO_KEYWORD": Element("INFO line", '"INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE"'),
    "XMT_KEYWORD": Element("XMT line", '"XMT AMCONSUL JOHANNESBURG"'),
    "ADDRESSEE": Element("addressee", '"RUEHC/SECSTATE WASHDC PRIORITY 5130"'),
    "LIST_PAGE_HEADER": Element("page header", '"INFO PAGE 02 STATE 037566 161435Z"'),
    "BT": Element("BT line", '"BT"'),
    "CLASSIFICATION": Element(
        "classification line", '"C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106"'
    ),
    "CLASSIFICATION_BAD": Element(
        "classification line", '"C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106"'
    ),
    "CAPTION": Element("caption", '"SIPDIS"'),
    "CORRECTED_COPY": Element("corrected-copy notice", '"C O R R E C T E D COPY"'),
    "REVIEW_STAMP": Element("review stamp", '"Declassified/Released US Department of State ..."'),
    "EO_LINE": Element("E.O. line", '"E.O. 12958: DECL: 09/09/2019"'),
    "TAGS_LINE": Element("TAGS line", '"TAGS: PREL PGOV GM"'),
    "TAGS_CONTINUATION": Element("TAGS continuation", '"PHUM KDEM"'),
    "SUBJECT_LINE": Element("SUBJECT line", '"SUBJECT: CHANCELLOR MERKEL ..."'),
    "REF_LINE": Element("REF line", '"REF: A. BEIJING 303"'),
    "REF_ITEM": Element("reference", '"B. BEIJING 1249"'),
    "CLASSIFIED_BY": Element("Classified By line", '"Classified By: ... Reasons 1.4 (b) and (d)"'),
}


def describe(terminal: str) -> str:
    element = ELEMENTS.get(terminal)
    return element.name if element else terminal.lower().replace("_", " ")


def expected_words(terminals: tuple[str, ...], limit: int = 4) -> str:
    """`a DE line like "DE RUEHRL ..."` or a short list of element names."""
    names: list[str] = []
    for terminal in terminals:
        name = describe(terminal)
        if name not in names:
            names.append(name)
    if not names:
        return "the end of the envelope"
    if len(names) == 1:
        example = ELEMENTS[terminals[0]].example if terminals[0] in ELEMENTS else ""
        article = _article(names[0])
        return f"{article} {names[0]} like {example}" if example else f"{article} {names[0]}"
    shown = names[:limit]
    more = " or another element" if len(names) > limit else ""
    return "one of: " + ", ".join(shown) + more


def _article(name: str) -> str:
    """`an E.O. line`, `an FM line`, `a DE line`: by the sound of the first letter."""
    return "an" if name[:1].lower() in "aeio" or name.startswith(("FM", "XMT")) else "a"

"""Synthetic cables: realistic, internally consistent telegrams for property tests and benchmarks.

`random_envelope(rng)` draws the values of one telegram so that every consistency relation of
ENVELOPE.md section 3 holds: the Julian day of the DE line is the DTG's day of the year, the
FL2 digraph is the highest DTG prosign, the security warning group matches the classification,
the DE serial is the classification serial modulo 10000, the E.O. number is the order in force
on the DTG date, DECL is the DTG plus ten years, TAGS come from the reference tables with a
country code, routing indicators are paired with their plain-language addresses as the
reference table shows them, and no paragraph is marked above the classification.

`render(envelope, style)` writes the envelope as archive text in one of the layouts of
ENVELOPE.md section 4 (`RenderStyle.layout`):

* ``xro``: ACP-127 header, relay routing indicators on FL2, no blank line after it, page lines;
* ``xyz``: ACP-127 header with ``RUEHWEB`` on FL2 and one blank line after it;
* ``ocr``: a document converter's copy, a blank line after every header line, ``$\\P n$.``
  paragraph signs (converter damage that rule O601 reports on each sign);
* ``dtg-first``: no FL1-FL4, addressees without routing indicators;
* ``partial-extract``: the archive banner, then the classification line (no DTG);
* ``older``: the DTG-first copy of the 1970s-1990s (E.O. 11652/12065/12356 codes, five-digit
  serials, whole-text markings, upper case, trailing blanks).

`styles_for(envelope)` names the layouts a real cable of that date could have. Options add
CRLF line ends, trailing blanks, a weekday date line and the ACP-127 end lines.

Plain Python (the `random` module, no hypothesis): a benchmark renders 100k cables with it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Literal

from validator import reference
from validator.model import MONTHS

Level = Literal["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"]
Layout = Literal["xro", "xyz", "ocr", "dtg-first", "partial-extract", "older"]
Instruction = Literal["N/A", "DECL", "OADR", "GDS"]
AuthorityForm = Literal[
    "Classified By:", "CLASSIFIED BY:", "Classified by", "(U) Classified by", "paragraph"
]
"""How the Classified By line opens; `paragraph` writes it as `1.  (U) CLASSIFIED BY`."""

MODERN_LAYOUTS: tuple[Layout, ...] = ("xro", "xyz", "ocr", "dtg-first", "partial-extract")
"""Layouts of cables dated 2000 or later; earlier cables are rendered ``older``."""
ACP_LAYOUTS: frozenset[Layout] = frozenset({"xro", "xyz", "ocr"})
"""Layouts that show the ACP-127 format lines FL1-FL4 and routing indicators on addressees."""

PARTIAL_BANNER = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)
RANKS = {"O": 3, "P": 2, "R": 1}
"""Precedence ranks of the prosigns generated (no FLASH: none in the archive)."""
GROUPS: dict[Level, str] = {
    "UNCLASSIFIED": "ZNR UUUUU",
    "CONFIDENTIAL": "ZNY CCCCC",
    "SECRET": "ZNY SSSSS",
}
SPACED_LEVELS: dict[Level, str] = {
    "UNCLASSIFIED": "UNCLAS",
    "CONFIDENTIAL": "C O N F I D E N T I A L",
    "SECRET": "S E C R E T",
}
LEVELS: tuple[Level, ...] = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")
LEVEL_LETTERS: dict[Level, str] = {"UNCLASSIFIED": "U", "CONFIDENTIAL": "C", "SECRET": "S"}


# ---------------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Post:
    """A sending post: FM address, FL3 routing indicator, classification-line name, TAGS
    country code and the years it sent telegrams under this name."""

    address: str
    indicator: str
    name: str
    country: str
    country_name: str
    since: int = 1972
    until: int = 2010


@dataclass(frozen=True, slots=True)
class Recipient:
    """An addressee entry: routing indicator, address, precedence word, sequence number."""

    indicator: str | None
    address: str
    precedence: str | None
    mcn: str | None


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference of the REF block; the letter is None for a single reference."""

    letter: str | None
    text: str


@dataclass(frozen=True, slots=True)
class BodyParagraph:
    """A numbered paragraph: its portion marking as the parser reads it (without
    parentheses; the level word of a whole-text marking) and its prose."""

    number: int
    marking: str | None
    text: str
    whole_text: bool = False


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A page-continuation line, written before paragraph `before` (an index)."""

    before: int
    section: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Spelling:
    """How the drafter wrote the front matter (each variant occurs in the archive)."""

    eo_form: Literal["E.O.", "EO", "E.0.", "E.O.joined"] = "E.O."
    date_form: Literal["MM/DD/YYYY", "M/D/YYYY", "YYYY/MM/DD", "MM/DD/YY", "(M/D/YYYY)"] = (
        "MM/DD/YYYY"
    )
    tags_form: Literal["space", "comma", "comma-no-colon"] = "space"
    subject_keyword: Literal["SUBJECT", "SUBJ"] = "SUBJECT"
    ref_keyword: Literal["REF", "REFS", "Ref"] = "REF"
    ref_letters: Literal["A.", "(A)", "A)"] = "A."
    refs_on_one_line: bool = False
    authority_form: AuthorityForm = "Classified By:"
    reasons_form: int = 0
    """Index into `REASON_FORMS`."""
    split_word: bool = False
    """The authority line wraps inside a word (`FO` / `R REASONS`)."""
    page_gap: int = 1
    """Blanks before the section number of page lines (the archive has one or two)."""


@dataclass(frozen=True)
class Envelope:
    """The values of one telegram's envelope and the prose of its body."""

    layout: Layout
    """The layout this cable was drawn for (`render` uses it when no style is given)."""
    dtg: datetime
    precedence: str
    info_precedence: str | None
    channel_sequence: int
    relay: tuple[str, ...]
    """FL2 routing indicators of an XRO relay leg."""
    station: str
    """FL3 routing indicator of the originating station."""
    serial: int
    serial_width: int
    sections: int
    section_in_de_line: bool
    originator: str
    post: str
    to: tuple[Recipient, ...]
    info: tuple[Recipient, ...]
    level: Level
    captions: tuple[str, ...]
    passing_lines: tuple[str, ...]
    order: str
    instruction: Instruction
    declassify_on: date | None
    classifier: str | None
    """The classifier an E.O. 12065 line names (`GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`)."""
    tags: tuple[str, ...]
    subject: str
    subject_marking: str | None
    references: tuple[Reference, ...]
    authority: str | None
    """Who classified the telegram (the Classified By text before the reasons)."""
    reason_section: str | None
    reason_letters: tuple[str, ...]
    paragraphs: tuple[BodyParagraph, ...]
    page_breaks: tuple[PageBreak, ...]
    signature: str
    spelling: Spelling = Spelling()

    @property
    def julian_day(self) -> int:
        return self.dtg.timetuple().tm_yday

    @property
    def digraph(self) -> str:
        """FL2 precedence digraph: the highest DTG prosign written twice."""
        return self.precedence * 2

    @property
    def classified(self) -> bool:
        return self.level != "UNCLASSIFIED"

    @property
    def serial_text(self) -> str:
        return f"{self.serial:0{self.serial_width}d}"

    @property
    def page_post(self) -> str:
        """The post as page-continuation lines print it (cut to ten characters)."""
        return self.post[:10].rstrip()


@dataclass(frozen=True, slots=True)
class RenderStyle:
    """How a cable is written out: its layout and the archive's incidental form."""

    layout: Layout
    crlf: bool = False
    trailing_spaces: bool = False
    weekday_line: bool = False
    """A newspaper's `Tuesday, 17 November 2009, 09:42` line after the addressees (xro)."""
    end_lines: bool = False
    """The full ACP-127 form: `BT` before the text, `BT` / `#serial` / `NNNN` after it."""
    long_lines: bool = False
    """One paragraph per line, as in the newspaper copies (xro, dtg-first, partial-extract)."""

    @property
    def shows_transmission(self) -> bool:
        return self.layout in ACP_LAYOUTS

    @property
    def shows_addressing(self) -> bool:
        return self.layout != "partial-extract"

    @property
    def shows_pages(self) -> bool:
        return self.layout in ("xro", "ocr")


# ---------------------------------------------------------------------------------- tables

_POSTS: tuple[Post, ...] = (
    Post("AMEMBASSY ABIDJAN", "RUEHAB", "ABIDJAN", "IV", "COTE D'IVOIRE"),
    Post("AMEMBASSY ABU DHABI", "RUEHAD", "ABU DHABI", "AE", "UAE"),
    Post("AMEMBASSY ASHGABAT", "RUEHAH", "ASHGABAT", "TX", "TURKMENISTAN", 1993),
    Post("AMEMBASSY ANKARA", "RUEHAK", "ANKARA", "TU", "TURKEY"),
    Post("AMEMBASSY ALGIERS", "RUEHAS", "ALGIERS", "AG", "ALGERIA"),
    Post("AMEMBASSY BEIJING", "RUEHBJ", "BEIJING", "CH", "CHINA", 1980),
    Post("AMEMBASSY BOGOTA", "RUEHBO", "BOGOTA", "CO", "COLOMBIA"),
    Post("AMEMBASSY BRASILIA", "RUEHBR", "BRASILIA", "BR", "BRAZIL"),
    Post("AMEMBASSY BUENOS AIRES", "RUEHBU", "BUENOS AIRES", "AR", "ARGENTINA"),
    Post("AMEMBASSY KABUL", "RUEHBUL", "KABUL", "AF", "AFGHANISTAN", 2002),
    Post("AMEMBASSY BELGRADE", "RUEHBW", "BELGRADE", "SR", "SERBIA", 2007),
    Post("AMEMBASSY CARACAS", "RUEHCV", "CARACAS", "VE", "VENEZUELA"),
    Post("AMCONSUL DUBAI", "RUEHDE", "DUBAI", "AE", "UAE"),
    Post("AMEMBASSY DAKAR", "RUEHDK", "DAKAR", "SG", "SENEGAL"),
    Post("AMEMBASSY DAMASCUS", "RUEHDM", "DAMASCUS", "SY", "SYRIA"),
    Post("AMEMBASSY DOHA", "RUEHDO", "DOHA", "QA", "QATAR"),
    Post("AMEMBASSY ADDIS ABABA", "RUEHDS", "ADDIS ABABA", "ET", "ETHIOPIA"),
    Post("AMEMBASSY CAIRO", "RUEHEG", "CAIRO", "EG", "EGYPT"),
    Post("AMEMBASSY FREETOWN", "RUEHFN", "FREETOWN", "SL", "SIERRA LEONE"),
    Post("AMEMBASSY PARIS", "RUEHFR", "PARIS", "FR", "FRANCE"),
    Post("AMEMBASSY BAGHDAD", "RUEHGB", "BAGHDAD", "IZ", "IRAQ", 2004),
    Post("AMCONSUL SHANGHAI", "RUEHGH", "SHANGHAI", "CH", "CHINA", 1981),
    Post("AMEMBASSY RANGOON", "RUEHGO", "RANGOON", "BM", "BURMA"),
    Post("AMEMBASSY ISLAMABAD", "RUEHIL", "ISLAMABAD", "PK", "PAKISTAN"),
    Post("AMCONSUL ISTANBUL", "RUEHIT", "ISTANBUL", "TU", "TURKEY"),
    Post("AMEMBASSY BAKU", "RUEHKB", "BAKU", "AJ", "AZERBAIJAN", 1993),
    Post("AMEMBASSY KUALA LUMPUR", "RUEHKL", "KUALA LUMPUR", "MY", "MALAYSIA"),
    Post("AMEMBASSY KUWAIT", "RUEHKU", "KUWAIT", "KU", "KUWAIT"),
    Post("AMEMBASSY KYIV", "RUEHKV", "KYIV", "UP", "UKRAINE", 2006),
    Post("AMEMBASSY BEIRUT", "RUEHLB", "BEIRUT", "LE", "LEBANON"),
    Post("AMEMBASSY LISBON", "RUEHLI", "LISBON", "PO", "PORTUGAL"),
    Post("AMEMBASSY LONDON", "RUEHLO", "LONDON", "UK", "UNITED KINGDOM"),
    Post("AMEMBASSY LA PAZ", "RUEHLP", "LA PAZ", "BL", "BOLIVIA"),
    Post("AMEMBASSY MADRID", "RUEHMD", "MADRID", "SP", "SPAIN"),
    Post("AMEMBASSY MEXICO", "RUEHME", "MEXICO", "MX", "MEXICO"),
    Post("AMEMBASSY MOSCOW", "RUEHMO", "MOSCOW", "RS", "RUSSIA", 1992),
    Post("AMEMBASSY MUSCAT", "RUEHMS", "MUSCAT", "MU", "OMAN"),
    Post("AMEMBASSY MANAGUA", "RUEHMU", "MANAGUA", "NU", "NICARAGUA"),
    Post("AMCONSUL MUNICH", "RUEHMZ", "MUNICH", "GM", "GERMANY"),
    Post("AMEMBASSY NEW DELHI", "RUEHNE", "NEW DELHI", "IN", "INDIA"),
    Post("AMEMBASSY NAIROBI", "RUEHNR", "NAIROBI", "KE", "KENYA"),
    Post("AMEMBASSY OSLO", "RUEHNY", "OSLO", "NO", "NORWAY"),
    Post("AMEMBASSY OUAGADOUGOU", "RUEHOU", "OUAGADOUGOU", "UV", "BURKINA FASO"),
    Post("AMEMBASSY PRISTINA", "RUEHPS", "PRISTINA", "KV", "KOSOVO", 2008),
    Post("AMCONSUL PESHAWAR", "RUEHPW", "PESHAWAR", "PK", "PAKISTAN"),
    Post("AMEMBASSY RABAT", "RUEHRB", "RABAT", "MO", "MOROCCO"),
    Post("AMEMBASSY RIYADH", "RUEHRH", "RIYADH", "SA", "SAUDI ARABIA"),
    Post("AMCONSUL RIO DE JANEIRO", "RUEHRI", "RIO DE JANEIRO", "BR", "BRAZIL"),
    Post("AMEMBASSY BERLIN", "RUEHRL", "BERLIN", "GM", "GERMANY", 2000),
    Post("AMEMBASSY ROME", "RUEHRO", "ROME", "IT", "ITALY"),
    Post("AMEMBASSY PRETORIA", "RUEHSA", "PRETORIA", "SF", "SOUTH AFRICA"),
    Post("AMEMBASSY HARARE", "RUEHSB", "HARARE", "ZI", "ZIMBABWE", 1981),
    Post("AMEMBASSY TBILISI", "RUEHSI", "TBILISI", "GG", "GEORGIA", 1993),
    Post("AMEMBASSY STOCKHOLM", "RUEHSM", "STOCKHOLM", "SW", "SWEDEN"),
    Post("AMCONSUL SAO PAULO", "RUEHSO", "SAO PAULO", "BR", "BRAZIL"),
    Post("AMEMBASSY ASTANA", "RUEHTA", "ASTANA", "KZ", "KAZAKHSTAN", 2007),
    Post("AMEMBASSY THE HAGUE", "RUEHTC", "THE HAGUE", "NL", "NETHERLANDS"),
    Post("AMEMBASSY TALLINN", "RUEHTL", "TALLINN", "EN", "ESTONIA", 1992),
    Post("AMEMBASSY MAPUTO", "RUEHTO", "MAPUTO", "MZ", "MOZAMBIQUE"),
    Post("AMEMBASSY TRIPOLI", "RUEHTRO", "TRIPOLI", "LY", "LIBYA", 2006),
    Post("AMEMBASSY TUNIS", "RUEHTU", "TUNIS", "TS", "TUNISIA"),
    Post("AMEMBASSY TEL AVIV", "RUEHTV", "TEL AVIV", "IS", "ISRAEL"),
    Post("AMEMBASSY SEOUL", "RUEHUL", "SEOUL", "KS", "SOUTH KOREA"),
    Post("AMEMBASSY ZAGREB", "RUEHVB", "ZAGREB", "HR", "CROATIA", 1993),
    Post("AMEMBASSY WARSAW", "RUEHWR", "WARSAW", "PL", "POLAND"),
    Post("AMEMBASSY YEREVAN", "RUEHYE", "YEREVAN", "AM", "ARMENIA", 1993),
    Post("AMEMBASSY SANAA", "RUEHYN", "SANAA", "YM", "YEMEN", 1991),
    Post("USMISSION UNVIE VIENNA", "RUEHUNV", "UNVIE VIENNA", "AU", "IAEA", 1998),
    Post("USMISSION USNATO", "RUEHNO", "USNATO", "BE", "NATO", 1995),
)
# Posts of the older corpus that the table above lacks (DTG-first copies, no indicators).
_OLDER_POSTS: tuple[Post, ...] = (
    Post("AMEMBASSY AMMAN", "RUEHAM", "AMMAN", "JO", "JORDAN", 1972, 1999),
    Post("AMEMBASSY ATHENS", "RUEHTH", "ATHENS", "GR", "GREECE", 1972, 1999),
    Post("AMEMBASSY LIMA", "RUEHPE", "LIMA", "PE", "PERU", 1972, 1999),
    Post("AMEMBASSY MANILA", "RUEHML", "MANILA", "RP", "PHILIPPINES", 1972, 1999),
    Post("AMEMBASSY JAKARTA", "RUEHJA", "JAKARTA", "ID", "INDONESIA", 1972, 1999),
    Post("AMEMBASSY TOKYO", "RUEHKO", "TOKYO", "JA", "JAPAN", 1972, 1999),
    Post("AMEMBASSY LAGOS", "RUEHOS", "LAGOS", "NI", "NIGERIA", 1972, 1991),
    Post("AMEMBASSY KHARTOUM", "RUEHKH", "KHARTOUM", "SU", "SUDAN", 1972, 1996),
    Post("AMEMBASSY MOSCOW", "RUEHMO", "MOSCOW", "UR", "USSR", 1972, 1991),
    Post("AMEMBASSY OSLO", "RUEHNY", "OSLO", "NO", "NORWAY", 1972, 1999),
)
_DEPARTMENT = Post("SECSTATE WASHDC", "RUEHC", "STATE", "US", "UNITED STATES")

# Other addressees: routing indicator and address as the reference table pairs them.
_AGENCIES: tuple[tuple[str, str], ...] = (
    ("RUEKJCS", "SECDEF WASHDC"),
    ("RUEKJCS", "JOINT STAFF WASHDC"),
    ("RHEHNSC", "NSC WASHDC"),
    ("RUEAIIA", "CIA WASHDC"),
    ("RUEATRS", "DEPT OF TREASURY WASHDC"),
    ("RHMFISS", "CDR USCENTCOM MACDILL AFB FL"),
    ("RHMFISS", "HQ USEUCOM VAIHINGEN GE"),
    ("RUEAWJA", "DEPT OF JUSTICE WASHDC"),
    ("RUCPDOC", "DEPT OF COMMERCE WASHDC"),
)
_COLLECTIVES: tuple[tuple[str, str], ...] = (
    ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE"),
    ("RUCNIRA", "IRAN COLLECTIVE"),
    ("RUCNMEM", "EU MEMBER STATES COLLECTIVE"),
    ("RUEHXK", "ARAB ISRAELI COLLECTIVE"),
    ("RUCNCIS", "CIS COLLECTIVE"),
    ("RUEHZG", "NATO EU COLLECTIVE"),
    ("RUCNAFG", "AFGHANISTAN COLLECTIVE"),
    ("RUEHZM", "GULF COOPERATION COUNCIL COLLECTIVE"),
    ("RUEHZO", "AFRICAN UNION COLLECTIVE"),
    ("RUEHGV", "USMISSION GENEVA"),
    ("RUCNDT", "USMISSION USUN NEW YORK"),
)
_OLDER_OTHERS = (
    "USMISSION USUN NEW YORK",
    "SECDEF WASHDC",
    "USCINCEUR VAIHINGEN GE",
    "CIA WASHDC",
    "USIA WASHDC",
    "DIA WASHDC",
)

_SUBJECT_TAGS = (
    "PREL", "PGOV", "PHUM", "ECON", "EFIN", "ETRD", "ENRG", "EPET", "PTER", "MARR", "MOPS",
    "PINR", "SNAR", "SOCI", "EAID", "ELAB", "ASEC", "PARM", "MNUC", "CVIS", "SMIG", "SENV",
    "EAGR", "EINV", "PINS",
)  # fmt: skip
_PROGRAM_TAGS = ("KDEM", "KCRM", "KNNP", "KPKO", "KIRF", "KWMN", "KJUS", "KTIP", "KPAO")
_OLDER_TAGS = ("PREL", "PGOV", "PINT", "PFOR", "ECON", "EFIN", "ETRD", "SNAR", "PTER", "MARR")
_VISITORS = ("(CLINTON, HILLARY)", "(RICE, CONDOLEEZZA)", "(STEINBERG, JAMES B.)")

_SECRETARIES = (
    (1973, "KISSINGER"), (1977, "VANCE"), (1980, "MUSKIE"), (1981, "HAIG"), (1982, "SHULTZ"),
    (1989, "BAKER"), (1992, "EAGLEBURGER"), (1993, "CHRISTOPHER"), (1997, "ALBRIGHT"),
    (2001, "POWELL"), (2005, "RICE"), (2009, "CLINTON"),
)  # fmt: skip
_FIRST_NAMES = (
    "John", "Mary", "Robert", "Patricia", "James", "Linda", "Michael", "Barbara", "William",
    "Susan", "David", "Karen", "Richard", "Nancy", "Thomas", "Laura", "Daniel", "Ellen",
)  # fmt: skip
_SURNAMES = (
    "MARCHETTI", "RAVENSCROFT", "HOLLOWAY", "PENDERGAST", "ABERNATHY", "KESSLER", "WHITFIELD",
    "DRUMMOND", "LANCASTER", "OKAFOR", "VASQUEZ", "BRANDT", "CALLOWAY", "FAIRBANKS", "GREER",
    "HASTINGS", "IVERSON", "MERCER", "NORTHCOTT", "PRESCOTT", "QUINLAN", "SUTHERLAND",
)  # fmt: skip
_TITLES = (
    "Ambassador", "DCM", "Charge d'Affaires", "Political Counselor", "Deputy Chief of Mission",
    "Acting DCM", "Pol/Econ Chief", "Economic Counselor",
)  # fmt: skip
_DEPARTMENT_TITLES = (
    "EUR Acting Assistant Secretary", "NEA Deputy Assistant Secretary",
    "Under Secretary for Political Affairs", "ISN Acting Assistant Secretary",
)  # fmt: skip
_OFFICES = ("EUR/CE", "NEA/ELA", "SCA/CEN", "WHA/BSC", "AF/SPG", "EAP/CM", "INR", "DRL", "EEB")
_REASON_WORDS = ("for reasons", "Reason:", "REASONS", "for reason", "reasons")
REASON_FORMS = 6
"""Number of spellings of a reason list (`Spelling.reasons_form`)."""

_ACTORS = (
    "The Foreign Minister", "The Deputy Foreign Minister", "Opposition leaders",
    "Ministry officials", "The central bank governor", "Embassy contacts",
    "The Prime Minister's chief of staff", "Party officials", "Several diplomats",
    "The presidential adviser", "Local observers", "The Interior Minister",
    "Business representatives", "The parliamentary speaker",
)  # fmt: skip
_VERBS = (
    "told Poloff that", "said that", "stressed that", "confirmed that", "noted that",
    "warned that", "expressed concern that", "predicted that", "acknowledged that",
    "told the Ambassador that", "assured Econoff that",
)  # fmt: skip
_CLAUSES = (
    "the government would submit the draft law to parliament before the end of the session",
    "the coalition remained divided on the budget and on the pace of reform",
    "negotiations with the lenders had stalled over pension reform",
    "the ministry expected a decision within weeks",
    "border crossings would reopen once the inspection teams were in place",
    "turnout in the northern provinces had exceeded expectations",
    "the new customs regime would take effect at the start of the quarter",
    "security forces had detained {n} suspects in the capital",
    "the central bank would keep interest rates unchanged for now",
    "the government had no intention of reopening the agreement",
    "regional governors were resisting the plan to centralize revenue",
    "the delegation would travel to Washington in {month}",
    "local elections would be held on schedule despite the dispute",
    "the energy ministry had agreed to review the pipeline tariffs",
    "some {n} families had been displaced by the flooding",
    "the opposition would boycott the next session unless the law was amended",
)  # fmt: skip
_COMMENTS = (
    "Comment: The statement reflects a shift in tone rather than in policy. End comment.",
    "Comment: We will continue to press for a clear timetable. End comment.",
    "Post will report further developments septel.",
    "We recommend that the Department raise the issue at the next round of talks.",
)
_SUBJECT_TOPICS = (
    "GOVERNMENT SEEKS SUPPORT FOR BUDGET REFORM",
    "OPPOSITION PLANS PROTESTS OVER ELECTION LAW",
    "FOREIGN MINISTER PREVIEWS REGIONAL SUMMIT",
    "CENTRAL BANK HOLDS RATES AS INFLATION EASES",
    "NEW CUSTOMS AGENCY STRUGGLES AT THE BORDER CROSSINGS",
    "PARLIAMENT DELAYS VOTE ON ENERGY AGREEMENT",
    "MINISTRY OUTLINES PLANS FOR POLICE TRAINING MISSION",
    "PROVINCIAL COUNCILS FACE EARLY BUDGET TEST",
    "DEMARCHE DELIVERED ON NONPROLIFERATION REVIEW",
    "PRESIDENT NAMES NEW CABINET AFTER MONTHS OF TALKS",
    "TRADE MINISTER SIGNALS FLEXIBILITY ON AGRICULTURE",
    "SECURITY SERVICES DETAIN SUSPECTS AFTER BOMBING",
    "AMBASSADOR'S MEETING WITH THE PARTY CHAIRMAN",
    "FUEL SHORTAGES DEEPEN STRAINS BETWEEN CABINET MINISTERS",
)  # fmt: skip
_PASSING = (
    "STATE FOR {office}", "STATE FOR {office} AND {office2}", "DEPT FOR {office}",
    "DEPT PASS TO USTR", "TREASURY FOR OASIA", "USAID FOR AFR/SD", "NSC FOR {surname}",
    "STATE PASS TO DEPT OF COMMERCE",
)  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The span of DTGs drawn, and the dates that change how a cable is written (ENVELOPE.md
# 2.14.1, C6, C12, C14).
_EARLIEST = datetime(1973, 1, 1, tzinfo=UTC)
_LATEST = datetime(2010, 12, 31, 23, 59, tzinfo=UTC)
_MODERN = datetime(2000, 1, 1, tzinfo=UTC)
_AMENDMENT = date(2003, 3, 25)
"""E.O. 13292: classification reasons move from section 1.5 to 1.4."""
_E12958 = date(1995, 10, 14)
"""E.O. 12958: Classified By lines and portion marks; SBU replaces LIMITED OFFICIAL USE."""


@cache
def _posts(year: int) -> tuple[Post, ...]:
    """The posts sending telegrams in `year` (older posts only before 2000)."""
    older = _OLDER_POSTS if year < 2000 else ()
    chosen = {post.name: post for post in _POSTS if post.since <= year <= post.until}
    for post in older:
        if post.since <= year <= post.until:
            chosen[post.name] = post
    return tuple(chosen.values())


# ---------------------------------------------------------------------------------- drawing


def random_envelope(
    rng: random.Random,
    *,
    dtg: datetime | None = None,
    level: Level | None = None,
    layout: Layout | None = None,
    sections: int | None = None,
) -> Envelope:
    """Draw one consistent envelope. Keyword arguments fix a key value; the others follow
    from it (a DTG before 2000 gives an ``older`` cable of its era)."""
    moment = dtg if dtg is not None else _draw_dtg(rng)
    moment = moment.replace(second=0, microsecond=0)
    year = moment.year
    modern = moment >= _MODERN
    if layout is None:
        layout = rng.choices(MODERN_LAYOUTS, weights=(45, 20, 6, 15, 14))[0] if modern else "older"
    department = rng.random() < 0.12
    origin = _DEPARTMENT if department else rng.choice(_posts(year))
    if level is None:
        level = rng.choices(LEVELS, cum_weights=(18, 68, 100))[0]
    if sections is None:
        sections = 1 if rng.random() < 0.4 else rng.randint(2, 5)
    precedence, info_precedence = _draw_precedence(rng)
    serial_width = 6 if year >= 1995 or department else (5 if year >= 1979 else 4)
    serial = rng.randint(1, min(10**serial_width - 1, 420000 if department else 14999))
    to, info = _draw_addressees(rng, origin, precedence, info_precedence, year, modern)
    order = _order_number(moment.date())
    instruction, declassify_on, classifier = _draw_instruction(rng, level, order, moment)
    spelling = _draw_spelling(rng, modern, layout)
    paragraphs, whole_text = _draw_paragraphs(rng, level, moment, spelling, sections)
    markings = {paragraph.marking or "" for paragraph in paragraphs}
    noforn = any(marking.endswith("NF") for marking in markings)
    sensitive = not whole_text and level == "UNCLASSIFIED" and "SBU" in markings
    captions = _draw_captions(rng, year, layout, noforn, sensitive)
    reason_section: str | None = None
    reason_letters: tuple[str, ...] = ()
    authority: str | None = None
    if level != "UNCLASSIFIED" and moment.date() >= _E12958:
        reason_section = "1.4" if moment.date() >= _AMENDMENT else "1.5"
        reason_letters = rng.choice((("b", "d"), ("b", "d"), ("d",), ("b",), ("a", "b", "d")))
        authority = _draw_authority(rng, department)
    if spelling.authority_form == "paragraph" and (authority is None or whole_text):
        # The authority is paragraph 1 only in portion-marked cables that have one.
        spelling = replace(spelling, authority_form="CLASSIFIED BY:")
    if spelling.authority_form == "paragraph":
        shifted = (BodyParagraph(p.number + 1, p.marking, p.text) for p in paragraphs)
        paragraphs = (BodyParagraph(1, "U", ""), *shifted)
    page_breaks = _draw_page_breaks(rng, sections, len(paragraphs))
    subject_marking = None
    if modern and rng.random() < 0.08:
        subject_marking = LEVEL_LETTERS[level] if rng.random() < 0.8 else "U"
    return Envelope(
        layout=layout,
        dtg=moment,
        precedence=precedence,
        info_precedence=info_precedence,
        channel_sequence=rng.randint(0, 9999),
        relay=_draw_relay(rng, origin),
        station=origin.indicator,
        serial=serial,
        serial_width=serial_width,
        sections=sections,
        section_in_de_line=sections > 1 or rng.random() < 0.6,
        originator=origin.address,
        post=origin.name,
        to=to,
        info=info,
        level=level,
        captions=captions,
        passing_lines=tuple(
            _draw_passing(rng) for _ in range(rng.choices((0, 1, 2), (60, 30, 10))[0])
        ),
        order=order,
        instruction=instruction,
        declassify_on=declassify_on,
        classifier=classifier,
        tags=_draw_tags(rng, origin, year, modern),
        subject=_draw_subject(rng, origin),
        subject_marking=subject_marking,
        references=_draw_references(rng, moment, spelling),
        authority=authority,
        reason_section=reason_section,
        reason_letters=reason_letters,
        paragraphs=paragraphs,
        page_breaks=page_breaks,
        signature=_signature(rng, origin, year, authority),
        spelling=spelling,
    )


def styles_for(envelope: Envelope) -> tuple[Layout, ...]:
    """The layouts a real cable of this date can have."""
    return MODERN_LAYOUTS if envelope.dtg >= _MODERN else ("older",)


def _draw_dtg(rng: random.Random) -> datetime:
    # Most archive cables are of the 2000s; the older eras keep their share of the samples.
    start, end = rng.choices(
        ((_MODERN, _LATEST), (datetime(1995, 10, 14, tzinfo=UTC), _MODERN), (_EARLIEST, _MODERN)),
        weights=(72, 10, 18),
    )[0]
    minutes = int((end - start).total_seconds() // 60)
    return start + timedelta(minutes=rng.randrange(minutes))


def _draw_precedence(rng: random.Random) -> tuple[str, str | None]:
    if rng.random() < 0.04:
        first, second = rng.choice((("O", "R"), ("O", "P"), ("P", "R")))
        return first, second
    return rng.choices(("O", "P", "R"), weights=(35, 37, 28))[0], None


def _word(prosign: str, rng: random.Random) -> str | None:
    if prosign == "O":
        return "NIACT IMMEDIATE" if rng.random() < 0.03 else "IMMEDIATE"
    return "PRIORITY" if prosign == "P" else None


def _lower(prosign: str, rng: random.Random) -> str:
    """The prosign itself or a lower one."""
    return rng.choice([p for p, rank in RANKS.items() if rank <= RANKS[prosign]])


def _mcn(rng: random.Random) -> str:
    return f"{rng.randint(1, 9999):04d}"


def _draw_addressees(
    rng: random.Random,
    origin: Post,
    precedence: str,
    info_precedence: str | None,
    year: int,
    modern: bool,
) -> tuple[tuple[Recipient, ...], tuple[Recipient, ...]]:
    """Action addressees (the first carries the DTG precedence) and information addressees
    (at most the information precedence; the first carries it on a dual-precedence cable).
    Routing indicators are those of the reference table; older copies show none."""
    posts = [post for post in _posts(year) if post is not origin]
    action = rng.sample(posts, rng.randint(1, 6)) if origin is _DEPARTMENT else [_DEPARTMENT]
    used = {origin.address, *(post.address for post in action)}
    to = tuple(
        Recipient(
            post.indicator if modern else None,
            post.address,
            _word(precedence if index == 0 else _lower(precedence, rng), rng),
            _mcn(rng),
        )
        for index, post in enumerate(action)
    )
    candidates = [(post.indicator, post.address, True) for post in posts]
    if modern:
        candidates += [(ri, plad, False) for ri, plad in _AGENCIES + _COLLECTIVES]
    else:
        candidates += [("", plad, False) for plad in _OLDER_OTHERS]
    count = rng.choices((0, 1, 2, 3, 5, 8), cum_weights=(8, 28, 53, 75, 90, 100))[0]
    ceiling = info_precedence or precedence
    info: list[Recipient] = []
    drawn = min(len(candidates), max(count, bool(info_precedence)))
    for indicator, address, numbered in rng.sample(candidates, drawn):
        if address in used:
            continue
        used.add(address)
        prosign = ceiling if not info and info_precedence else _lower(ceiling, rng)
        mcn = _mcn(rng) if numbered and rng.random() < 0.8 else None
        info.append(Recipient(indicator if modern else None, address, _word(prosign, rng), mcn))
    return to, tuple(info)


def _draw_relay(rng: random.Random, origin: Post) -> tuple[str, ...]:
    """FL2 routing indicators of an XRO relay leg (stations served, not the addressees)."""
    indicators = [post.indicator for post in _POSTS if post.indicator != origin.indicator]
    return tuple(
        sorted(rng.sample(indicators, rng.choices((1, 2, 4, 8, 12), (40, 20, 20, 15, 5))[0]))
    )


def _order_number(day: date) -> str:
    order = reference.order_in_force(day)
    if order is None:  # before E.O. 11652: not drawn (dates start in 1973)
        raise ValueError(f"no executive order in force on {day}")
    return order.number


def _draw_instruction(
    rng: random.Random, level: Level, order: str, moment: datetime
) -> tuple[Instruction, date | None, str | None]:
    """N/A for unclassified telegrams; for classified ones the form of their order:
    GDS (11652), GDS + DTG + 6 years + classifier (12065), OADR (12356), DECL + 10 years."""
    if level == "UNCLASSIFIED":
        return "N/A", None, None
    if order == "11652":
        return "GDS", None, None
    if order == "12065":
        classifier = f"({rng.choice(_SURNAMES)}, {rng.choice(_FIRST_NAMES).upper()} R.)"
        return "GDS", add_years(moment.date(), 6), classifier
    if order == "12356":
        return "OADR", None, None
    return "DECL", add_years(moment.date(), 10), None


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March (whole years, not fewer)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def _draw_spelling(rng: random.Random, modern: bool, layout: Layout) -> Spelling:
    if not modern:
        authority_form: AuthorityForm = rng.choice(
            ("CLASSIFIED BY:", "paragraph", "(U) Classified by")
        )
        return Spelling(
            eo_form="E.O." if rng.random() < 0.9 else "E.O.joined",
            date_form=rng.choice(("MM/DD/YY", "MM/DD/YYYY")),
            tags_form="comma",
            subject_keyword="SUBJ" if rng.random() < 0.2 else "SUBJECT",
            ref_keyword=rng.choice(("REF", "REFS")),
            ref_letters="(A)",
            refs_on_one_line=rng.random() < 0.6,
            authority_form=authority_form,
            reasons_form=rng.choice((0, 3)),
        )
    dtg_first = layout in ("dtg-first", "partial-extract")
    return Spelling(
        eo_form=rng.choices(("E.O.", "EO", "E.0."), weights=(70, 28 if dtg_first else 8, 2))[0],
        date_form=rng.choices(
            ("MM/DD/YYYY", "M/D/YYYY", "YYYY/MM/DD", "(M/D/YYYY)"), (85, 5, 8, 2)
        )[0],
        tags_form=rng.choices(("space", "comma-no-colon", "comma"), (65, 30, 5))[0],
        subject_keyword="SUBJECT",
        ref_keyword=rng.choices(("REF", "REFS", "Ref"), (90, 5, 5))[0],
        ref_letters=rng.choices(("A.", "(A)", "A)"), (75, 15, 10))[0],
        refs_on_one_line=rng.random() < 0.3,
        authority_form=rng.choices(
            ("Classified By:", "CLASSIFIED BY:", "Classified by", "(U) Classified by"),
            (80, 10, 7, 3),
        )[0],
        reasons_form=rng.randrange(REASON_FORMS),
        split_word=rng.random() < 0.1,
        page_gap=1 if rng.random() < 0.75 else 2,
    )


def _draw_paragraphs(
    rng: random.Random, level: Level, moment: datetime, spelling: Spelling, sections: int
) -> tuple[tuple[BodyParagraph, ...], bool]:
    """Paragraphs 1..n, marked no higher than the level and at least one at it; before 1996
    most classified cables mark the whole text in paragraph 1 instead."""
    count = max(sections + 1, rng.randint(3, 7))
    upper = moment < _MODERN
    texts = [_prose(rng, index == 0, upper) for index in range(count)]
    whole_text = level != "UNCLASSIFIED" and moment.year < 1996 and rng.random() < 0.8
    if whole_text:
        marking = rng.choice((level, level, LEVEL_LETTERS[level]))
        first = BodyParagraph(1, marking, texts[0], whole_text=True)
        rest = tuple(BodyParagraph(n + 1, None, text) for n, text in enumerate(texts[1:], 1))
        return (first, *rest), True
    if level == "UNCLASSIFIED" and moment.year < 1996:
        return tuple(BodyParagraph(n + 1, None, text) for n, text in enumerate(texts)), False
    letter = LEVEL_LETTERS[level]
    # SBU replaced LIMITED OFFICIAL USE in October 1995; older cables mark lower parts (U).
    sbu = ("U", "SBU") if moment.date() >= _E12958 else ("U",)
    lower = {"UNCLASSIFIED": sbu, "CONFIDENTIAL": sbu, "SECRET": ("U", "C")}
    noforn = level != "UNCLASSIFIED" and moment.year >= 2000 and rng.random() < 0.2
    choices = [letter] * 3 + list(lower[level])
    if level == "UNCLASSIFIED" and (moment.year < 2000 or rng.random() < 0.7):
        choices = ["U"]
    markings = [rng.choice(choices) for _ in texts]
    markings[rng.randrange(len(markings))] = letter
    if noforn:
        slashes = rng.choice(("/", "//"))
        for index, marking in enumerate(markings):
            if marking == letter and (index == 0 or rng.random() < 0.6):
                markings[index] = f"{letter}{slashes}NF"
        if not any(marking.endswith("NF") for marking in markings):
            markings[0] = f"{letter}{slashes}NF"
    return tuple(
        BodyParagraph(n + 1, marking, text)
        for n, (marking, text) in enumerate(zip(markings, texts, strict=True))
    ), False


def _draw_captions(
    rng: random.Random, year: int, layout: Layout, noforn: bool, sensitive: bool
) -> tuple[str, ...]:
    captions: list[str] = []
    if noforn:
        captions.append("NOFORN")
    if sensitive:
        captions.append("SENSITIVE")
    sipdis = year >= 2000 and (layout != "dtg-first" or rng.random() < 0.2)
    if sipdis:
        captions.append("SIPDIS")
        if layout in ACP_LAYOUTS and rng.random() < 0.2:
            captions.append("SIPDIS")
    return tuple(captions)


def _draw_passing(rng: random.Random) -> str:
    offices = rng.sample(_OFFICES, 2)
    return rng.choice(_PASSING).format(
        office=offices[0], office2=offices[1], surname=rng.choice(_SURNAMES)
    )


def _draw_tags(rng: random.Random, origin: Post, year: int, modern: bool) -> tuple[str, ...]:
    """Subject tags from the reference table, a program tag now and then, the country."""
    if not modern:
        codes = rng.sample(_OLDER_TAGS, rng.randint(1, 3))
        country = origin.country if origin is not _DEPARTMENT else rng.choice(_posts(year)).country
        return (*codes, country) if country not in codes else tuple(codes)
    codes = rng.sample(_known(_SUBJECT_TAGS), rng.randint(1, 4))
    if rng.random() < 0.3:
        codes.append(rng.choice(_known(_PROGRAM_TAGS)))
    if rng.random() < 0.05:
        codes[:0] = ["OVIP", rng.choice(_VISITORS)]
    if origin is _DEPARTMENT:
        countries = [post.country for post in rng.sample(_posts(year), rng.randint(1, 2))]
    else:
        countries = [origin.country]
    for country in countries:
        if country not in codes:
            codes.append(country)
    return tuple(codes)


@cache
def _known(codes: tuple[str, ...]) -> list[str]:
    """The codes the reference table knows, typos excluded (checked once)."""
    return [
        code
        for code in codes
        if reference.tag_kind(code) is not None and reference.tag_replacement(code) is None
    ]


def _draw_subject(rng: random.Random, origin: Post) -> str:
    topic = rng.choice(_SUBJECT_TOPICS)
    if rng.random() < 0.3:
        topic += " " + rng.choice(("AND ITS NEIGHBORS", "AHEAD OF THE VOTE", "AFTER THE SUMMIT"))
    return f"{origin.country_name}: {topic}" if origin is not _DEPARTMENT else topic


def _draw_references(
    rng: random.Random, moment: datetime, spelling: Spelling
) -> tuple[Reference, ...]:
    count = rng.choices((0, 1, 2, 3), weights=(45, 30, 15, 10))[0]
    references: list[Reference] = []
    for index in range(count):
        year = moment.year - rng.choice((0, 0, 0, 1))
        post = rng.choice(_posts(moment.year)).name if rng.random() < 0.6 else "STATE"
        number = rng.randint(10, 399999 if post == "STATE" else 9999)
        prefix = "" if year == moment.year else f"{year % 100:02d} "
        note = " (NOTAL)" if rng.random() < 0.05 else ""
        letter = chr(ord("A") + index) if count > 1 else None
        references.append(Reference(letter, f"{prefix}{post} {number}{note}"))
    return tuple(references)


def _draw_authority(rng: random.Random, department: bool) -> str:
    title = rng.choice(_DEPARTMENT_TITLES if department else _TITLES)
    first = rng.choice(_FIRST_NAMES)
    initial = chr(ord("A") + rng.randrange(26))
    surname = rng.choice(_SURNAMES).capitalize()
    return f"{title} {first} {initial}. {surname}"


def _signature(rng: random.Random, origin: Post, year: int, authority: str | None) -> str:
    if origin is _DEPARTMENT:
        return next(name for since, name in reversed(_SECRETARIES) if year >= since)
    if authority and authority.startswith(("Ambassador", "Charge")):
        return authority.rsplit(" ", 1)[1].upper()
    return rng.choice(_SURNAMES)


def _draw_page_breaks(rng: random.Random, sections: int, paragraphs: int) -> tuple[PageBreak, ...]:
    """Sections 2..n start before successive paragraphs; now and then a dotted page line
    (`002.2 OF 003`) follows a section start."""
    if sections == 1:
        return ()
    starts = sorted(rng.sample(range(1, paragraphs), sections - 1))
    breaks: list[PageBreak] = []
    for section, before in enumerate(starts, start=2):
        breaks.append(PageBreak(before, section))
        following = starts[section - 1] if section - 1 < len(starts) else paragraphs
        if rng.random() < 0.15 and following - before >= 2:
            breaks.append(PageBreak(before + 1, section, 2))
    return tuple(breaks)


def _prose(rng: random.Random, summary: bool, upper: bool) -> str:
    sentences = rng.choices(_sentences(), k=rng.randint(2, 5))
    if rng.random() < 0.3:
        sentences.append(rng.choice(_COMMENTS))
    text = " ".join(sentences)
    if summary:
        text = f"Summary: {text} End summary."
    return text.upper() if upper else text


@cache
def _sentences() -> tuple[str, ...]:
    """Every actor-verb-clause sentence, built once (one draw per sentence keeps it fast)."""
    made: list[str] = []
    for actor_index, actor in enumerate(_ACTORS):
        for verb_index, verb in enumerate(_VERBS):
            for clause_index, clause in enumerate(_CLAUSES):
                seed = actor_index * 131 + verb_index * 17 + clause_index
                clause = clause.format(n=12 + seed * 7 % 460, month=_MONTH_NAMES[seed % 12])
                made.append(f"{actor} {verb} {clause}.")
    return tuple(made)


# ---------------------------------------------------------------------------------- writing


def render(envelope: Envelope, style: RenderStyle | None = None) -> str:
    """The cable as archive text (always ending with a line break)."""
    style = style or RenderStyle(envelope.layout)
    lines = _Writer(envelope, style).lines()
    blank = " " if style.trailing_spaces else ""
    if style.trailing_spaces or style.layout == "older":
        lines = [line + " " if line else blank for line in lines]
    newline = "\r\n" if style.crlf else "\n"
    return newline.join(lines) + newline


class _Writer:
    """Writes the lines of one cable in one style."""

    def __init__(self, envelope: Envelope, style: RenderStyle) -> None:
        self.envelope = envelope
        self.style = style
        self.layout = style.layout
        self.ocr = style.layout == "ocr"
        self.older = style.layout == "older"
        self.width = 1000 if self.ocr else 66
        self.body_width = 10_000 if self.ocr or style.long_lines else 66
        self.out: list[str] = []

    def lines(self) -> list[str]:
        self.header()
        self.front_matter()
        self.body()
        return self.out

    # A header line: the OCR copy follows each one with a blank line.
    def head(self, line: str) -> None:
        self.out.append(line)
        if self.ocr:
            self.out.append("")

    def header(self) -> None:
        envelope, style = self.envelope, self.style
        if self.layout == "partial-extract":
            self.out += [PARTIAL_BANNER, ""]
            return
        if style.shows_transmission:
            xyz = self.layout == "xyz"
            channel = "XYZ" if xyz else "XRO"
            sequence = envelope.channel_sequence % 72 if xyz else envelope.channel_sequence
            self.head(f"VZCZC{channel}{sequence:04d}")
            relay = ("RUEHWEB",) if xyz else envelope.relay
            for index, line in enumerate(_fill(relay, 70)):
                self.head(f"{envelope.digraph} {line}" if index == 0 else line)
            if xyz:
                self.out.append("")
            self.head(self.de_line())
            self.head(f"{GROUPS[envelope.level]} ZZH")
        dtg = envelope.dtg
        prosigns = envelope.precedence + (
            f" {envelope.info_precedence}" if envelope.info_precedence else ""
        )
        self.head(f"{prosigns} {dtg:%d%H%M}Z {MONTHS[dtg.month - 1]} {dtg:%y}")
        self.head(f"FM {envelope.originator}")
        for keyword, recipients in (("TO", envelope.to), ("INFO", envelope.info)):
            for index, recipient in enumerate(recipients):
                entry = self.addressee(recipient)
                self.head(f"{keyword} {entry}" if index == 0 else entry)
        if style.weekday_line and self.layout == "xro":
            self.out.append(
                f"{_WEEKDAYS[dtg.weekday()]}, {dtg:%d} {_MONTH_NAMES[dtg.month - 1]} "
                f"{dtg:%Y}, {dtg:%H:%M}"
            )
        if style.end_lines and style.shows_transmission:
            self.head("BT")

    def de_line(self) -> str:
        envelope = self.envelope
        section = "/01" if envelope.section_in_de_line else ""
        return (
            f"DE {envelope.station} #{envelope.serial % 10000:04d}{section} "
            f"{envelope.julian_day:03d}{envelope.dtg:%H%M}"
        )

    def addressee(self, recipient: Recipient) -> str:
        parts = [recipient.address]
        if recipient.indicator and self.style.shows_transmission:
            parts = [f"{recipient.indicator}/{recipient.address}"]
        if recipient.precedence:
            parts.append(recipient.precedence)
        if recipient.mcn:
            parts.append(recipient.mcn)
        return " ".join(parts)

    def front(self, line: str, blank_after: bool = False) -> None:
        """A front-matter line; OCR copies and blank-separated blocks get a blank after."""
        self.out.append(line)
        if self.ocr or blank_after:
            self.out.append("")

    def front_matter(self) -> None:
        envelope, spelling = self.envelope, self.envelope.spelling
        level = SPACED_LEVELS[envelope.level]
        if envelope.level == "UNCLASSIFIED" and envelope.dtg.year < 1974:
            level = "UNCLASSIFIED"
        section = f" SECTION 01 OF {envelope.sections:02d}" if envelope.sections > 1 else ""
        self.front(f"{level}{section} {envelope.post} {envelope.serial_text}", blank_after=True)
        for caption in envelope.captions:
            self.front(caption)
        for passing in envelope.passing_lines:
            self.front(passing)
        if (envelope.captions or envelope.passing_lines) and not self.ocr:
            self.out.append("")
        self.eo_line()
        self.tags_line()
        marking = f"({envelope.subject_marking}) " if envelope.subject_marking else ""
        keyword = f"{spelling.subject_keyword}:" + ("  " if self.older else " ")
        for line in _wrap(keyword + marking + envelope.subject, self.width):
            self.front(line)
        if not self.ocr:
            self.out.append("")
        self.references()
        if envelope.authority and spelling.authority_form != "paragraph":
            for line in self.authority_lines(spelling.authority_form):
                self.front(line)
            if not self.ocr:
                self.out.append("")

    def eo_line(self) -> None:
        envelope, spelling = self.envelope, self.envelope.spelling
        gap = "  " if self.older else " "
        order = envelope.order
        keyword = {
            "E.O.": f"E.O. {order}:",
            "EO": f"EO {order}",
            "E.0.": f"E.0. {order}:",
            "E.O.joined": f"E.O.{order}:",
        }[spelling.eo_form]
        if envelope.instruction == "N/A":
            instruction = "N/A"
        elif envelope.instruction == "OADR":
            instruction = f"DECL:{gap}OADR"
        elif envelope.instruction == "GDS":
            instruction = "GDS"
            if envelope.declassify_on is not None:
                day = envelope.declassify_on
                instruction += f" {day.month}/{day.day}/{day:%y} {envelope.classifier} OR-P"
        else:
            assert envelope.declassify_on is not None
            instruction = f"DECL:{gap}{_written_date(envelope.declassify_on, spelling)}"
        self.front(f"{keyword}{gap}{instruction}")

    def tags_line(self) -> None:
        form = self.envelope.spelling.tags_form
        codes = self.envelope.tags
        separator = ", " if form != "space" else " "
        keyword = {"space": "TAGS:", "comma": "TAGS:", "comma-no-colon": "TAGS"}[form]
        gap = "  " if self.older else " "
        line = keyword + gap + separator.join(codes)
        if len(line) <= self.width or any(code.startswith("(") for code in codes):
            self.front(line)
            return
        # Wrap: the continuation holds codes only (after a comma when comma-separated).
        first: list[str] = []
        while codes and len(keyword + gap + separator.join([*first, codes[0]])) <= 50:
            first.append(codes[0])
            codes = codes[1:]
        self.front(keyword + gap + separator.join(first) + separator.rstrip())
        self.front(separator.join(codes))

    def references(self) -> None:
        envelope, spelling = self.envelope, self.envelope.spelling
        if not envelope.references:
            return
        keyword = f"{spelling.ref_keyword}:" + ("  " if self.older else " ")
        items = [self.reference(reference) for reference in envelope.references]
        if spelling.refs_on_one_line or len(items) == 1:
            gap = ",  " if self.older else " "
            lines = [keyword + gap.join(items)]
        else:
            pilcrow = "¶" if self.pilcrows and spelling.ref_letters == "A." else ""
            lines = [keyword + items[0]] + [pilcrow + item for item in items[1:]]
        for line in lines:
            self.front(line)
        if not self.ocr:
            self.out.append("")

    def reference(self, reference: Reference) -> str:
        if reference.letter is None:
            return reference.text
        form = self.envelope.spelling.ref_letters
        letter = {"A.": f"{reference.letter}.", "(A)": f"({reference.letter})"}.get(
            form, f"{reference.letter})"
        )
        return f"{letter} {reference.text}"

    def authority_lines(self, keyword: str) -> list[str]:
        envelope, spelling = self.envelope, self.envelope.spelling
        assert envelope.authority is not None and envelope.reason_section is not None
        reasons = reason_text(envelope.reason_section, envelope.reason_letters, spelling)
        words = _REASON_WORDS[spelling.reasons_form % len(_REASON_WORDS)]
        authority = envelope.authority
        if self.older:
            authority, reasons, words = authority.upper(), reasons.upper(), words.upper()
        text = f"{keyword} {authority}, {words} {reasons}."
        if self.ocr:
            return [text]
        lines = _wrap(text, self.width)
        if spelling.split_word and len(lines) == 1:
            # The wrap cuts a word of the authority (`FO` / `R REASONS` in the archive).
            cut = text.index(words) + 2
            lines = [text[:cut], text[cut:]]
        return lines

    @property
    def pilcrows(self) -> bool:
        return self.layout in ("xro", "xyz", "dtg-first") and not self.older

    def paragraph_sign(self, number: int) -> str:
        if self.ocr:
            return f" $\\P {number}$. "
        if self.layout == "partial-extract" or self.older:
            return f"{number}.  " if self.older else f"{number}. "
        return f"¶{number}. "

    def body(self) -> None:
        envelope = self.envelope
        breaks: dict[int, list[PageBreak]] = {}
        if self.style.shows_pages:
            for page_break in envelope.page_breaks:
                breaks.setdefault(page_break.before, []).append(page_break)
        gap = " " * envelope.spelling.page_gap
        for index, paragraph in enumerate(envelope.paragraphs):
            for page_break in breaks.get(index, ()):
                page = f".{page_break.page}" if page_break.page else ""
                self.head(
                    f"{envelope.page_post} {envelope.serial:08d}{gap}"
                    f"{page_break.section:03d}{page} OF {envelope.sections:03d}"
                )
            self.out += _wrap(self.paragraph_text(paragraph), self.body_width)
            if not self.style.long_lines:
                self.out.append("")
        self.out.append(envelope.signature)
        if self.style.end_lines and self.style.shows_transmission:
            self.out += ["BT", f"#{envelope.serial % 10000:04d}", "NNNN"]

    def paragraph_text(self, paragraph: BodyParagraph) -> str:
        sign = self.paragraph_sign(paragraph.number)
        if paragraph.number == 1 and self.envelope.spelling.authority_form == "paragraph":
            return sign + " ".join(self.authority_lines("(U) CLASSIFIED BY"))
        if paragraph.whole_text:
            level = paragraph.marking or ""
            if len(level) == 1:
                return f"{sign}({level} - ENTIRE TEXT). {paragraph.text}"
            return f"{sign}{level} - ENTIRE TEXT.  {paragraph.text}"
        if paragraph.marking is None:
            return sign + paragraph.text
        marking = paragraph.marking if not self.older else paragraph.marking.upper()
        compact = self.layout == "partial-extract" and paragraph.number % 3 == 0
        sign = sign.rstrip() if compact else sign
        return f"{sign}({marking}) {paragraph.text}"


def reason_text(section: str, letters: tuple[str, ...], spelling: Spelling) -> str:
    """The reason list in one of the archive's spellings: `1.4 (b) and (d)`, `1.4(B), (D)`,
    `1.4 b/d`, `1.4 (B and D)`, `1.4 (b, d)`, `1.4 (d)`."""
    form = spelling.reasons_form
    if len(letters) == 1:
        return f"{section} ({letters[0]})" if form % 2 else f"{section} ({letters[0].upper()})"
    if form == 0:
        return f"{section} " + ", ".join(f"({x})" for x in letters[:-1]) + f" and ({letters[-1]})"
    if form == 1:
        return f"{section}" + ", ".join(f"({x.upper()})" for x in letters)
    if form == 2:
        return f"{section} " + "/".join(letters)
    if form == 3:
        return (
            f"{section} ("
            + ", ".join(x.upper() for x in letters[:-1])
            + (f" and {letters[-1].upper()})")
        )
    if form == 4:
        return f"{section} (" + ", ".join(letters) + ")"
    return f"{section} " + " and ".join(f"({x.upper()})" for x in letters)


def _written_date(day: date, spelling: Spelling) -> str:
    form = spelling.date_form
    if form == "M/D/YYYY":
        return f"{day.month}/{day.day}/{day.year}"
    if form == "(M/D/YYYY)":
        return f"({day.month}/{day.day}/{day.year})"
    if form == "YYYY/MM/DD":
        return f"{day:%Y/%m/%d}"
    if form == "MM/DD/YY":
        return f"{day:%m/%d/%y}"
    return f"{day:%m/%d/%Y}"


def _fill(words: tuple[str, ...], width: int) -> list[str]:
    """Words on lines of at most `width` characters (at least one word per line)."""
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """Greedy wrap at single blanks. A line never starts with a word that would read as a
    paragraph number (`12.`) or a dashed underline, so wrapped text parses as one element."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    start = 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        while cut > start and (
            text[cut - 1] == " " or (text[cut + 1] in _RISKY and _bad_line_start(text, cut + 1))
        ):
            cut = text.rfind(" ", start, cut)
        if cut <= start:
            break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return lines


# First characters of a word that might read as a paragraph number or an underline.
_RISKY = frozenset("0123456789-")


def _bad_line_start(text: str, at: int) -> bool:
    word = text[at : text.find(" ", at) if " " in text[at:] else len(text)]
    digits = word.rstrip(".")
    return (digits.isdigit() and len(digits) <= 2 and word.endswith(".")) or word.startswith("-")

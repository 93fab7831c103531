"""The typed model of a cable envelope: what every rule reads.

Every element is optional (layouts differ) and carries the `Span` of its source text; every
field inside an element is a `Field` (its text as written and its span). Values computed from
fields (the DTG as a datetime, the Julian day as an int, the reference id) are properties,
computed when first asked for.

Elements appear in reading order (ENVELOPE.md section 1):

==========================  =========================================================
`Cable` attribute           element (ENVELOPE.md section)
==========================  =========================================================
`preamble`                  archive lines before the telegram (2.0): `PreambleLine`
`transmission`              FL1 transmission identification (2.1): `TransmissionId`
`routing`                   FL2 precedence digraph + routing indicators (2.2): `RoutingLine`
`de_line`                   FL3 station, serial, section, Julian date-time (2.3): `DeLine`
`security_warning`          FL4 ZNR UUUUU / ZNY CCCCC ... (2.4): `SecurityWarning`
`dtg`                       FL5 precedence(s) + date-time group (2.5): `Dtg`
`originator`                FL6 FM line (2.6): `Originator`
`to`, `info`, `exempted`    FL7-FL9 addressee entries (2.7-2.9): `Addressee`
`foreign_lines`             non-telegram lines before the text (4.8): `PreambleLine`
`classification`            classification line (2.11): `Classification`
`captions`                  SIPDIS, NOFORN, corrected-copy notices ... (2.12): `Caption`
`passing_lines`             STATE FOR ..., DEPT PASS TO ... (2.13): `PassingLine`
`eo`                        E.O. line (2.14): `EoLine`
`tags`                      TAGS line(s) (2.15): `Tags`
`subject`                   SUBJECT (2.16): `Subject`
`references`                REF block (2.17): `References`
`classified_by`             Classified By (2.18): `ClassifiedBy`
`paragraphs`                numbered paragraphs and their markings (2.19): `Paragraph`
`pages`                     page-continuation lines (2.20): `PageLine`
`end`                       BT, #serial, NNNN at the end (2.21): `EndLines`
==========================  =========================================================
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, Literal, NamedTuple, TypeVar, overload

from validator.source import Span

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

Layout = Literal["acp127", "dtg-first", "partial-extract", "headerless"]


def full_year(two_digits: int) -> int:
    """19xx for 50-99, 20xx below: cables run from 1966 to 2010 (ENVELOPE.md 2.5)."""
    return 1900 + two_digits if two_digits >= 50 else 2000 + two_digits


Locate = Callable[[int, int], Span]
"""The span of the text offsets `start` to `end` (exclusive) of the parsed source."""


class Located:
    """Text the parser read at offsets `_start` to `_end`: the base of `Field` and `Element`.

    The line and column are worked out by the source's `_locate` when something first asks for
    `span` (most fields and elements are never reported). Pickled (sent from a worker process)
    with the span worked out: the locator belongs to the parser and holds the whole source.
    """

    __slots__ = ("_end", "_locate", "_span", "_start")

    _start: int
    _end: int
    _locate: Locate | None
    _span: Span | None

    @property
    def span(self) -> Span:
        if self._span is None:
            assert self._locate is not None
            self._span = self._locate(self._start, self._end)
        return self._span


class Field(Located):
    """A piece of an element: its text as written and where it stands.

    The parser creates fields with `Field.at` from text offsets; the span is only worked out
    when asked for.
    """

    __slots__ = ("text",)

    def __init__(self, text: str, span: Span) -> None:
        self.text = text
        self._span = span
        self._start = self._end = 0
        self._locate = None

    @staticmethod
    def at(text: str, start: int, end: int, locate: Locate) -> Field:
        """A field whose span `locate(start, end)` computes when first asked for."""
        # The parser makes one per field of every cable: a static method calling
        # `object.__new__` costs less than a class method calling `cls.__new__`.
        field_ = object.__new__(Field)
        field_.text = text
        field_._span = None
        field_._start, field_._end, field_._locate = start, end, locate
        return field_

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Field):
            return NotImplemented
        return self.text == other.text and self.span == other.span

    def __hash__(self) -> int:
        return hash((self.text, self.span))

    def __repr__(self) -> str:
        return f"Field(text={self.text!r}, span={self.span!r})"

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[type[Field], tuple[str, Span]]:
        return (Field, (self.text, self.span))


class PreambleLine(NamedTuple):
    """A line the archive added (banner, distribution block, weekday line, note...)."""

    kind: str
    text: Field
    weekday: str | None = None
    """The weekday a weekday date line names (`Tuesday`); None for other lines."""
    weekday_datetime: datetime | None = None
    """The moment a weekday date line names (`Tuesday, 17 November 2009, 09:42`, UTC); None
    for other lines and for a date or time that does not exist."""

    @property
    def span(self) -> Span:
        return self.text.span


@dataclass(slots=True, eq=False, repr=False)
class Element(Located):
    """An element the parser builds from the lines of one cable, from its text offsets on.

    Elements compare and print by their span and public fields, as named tuples do.
    """

    _start: int
    _end: int
    _locate: Locate | None
    _span: Span | None = field(default=None, init=False)

    def _values(self) -> tuple[object, ...]:
        """The span and the public fields, in their order."""
        return (self.span, *(getattr(self, name) for name in self._public()))

    def _public(self) -> list[str]:
        return [each.name for each in dataclass_fields(self) if not each.name.startswith("_")]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Element) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in ["span", *self._public()])
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Callable[..., Element], tuple[object, ...]]:
        return (_unpickled, (type(self), *self._values()))


def _unpickled(kind: type[Element], span: Span, *values: object) -> Element:
    """An element read back by pickle, its span already known."""
    element = kind(0, 0, None, *values)
    element._span = span
    return element


@dataclass(slots=True, eq=False, repr=False)
class TransmissionId(Element):
    """FL1 `VZCZCXRO1733`: channel designator and channel sequence number."""

    channel: Field
    sequence: Field


@dataclass(slots=True, eq=False, repr=False)
class RoutingLine(Element):
    """FL2 `PP RUEHDBU RUEHFL ...`: precedence digraph and the relay's routing indicators."""

    precedence: Field
    indicators: tuple[Field, ...]

    @property
    def prosign(self) -> str:
        return self.precedence.text[0]


@dataclass(slots=True, eq=False, repr=False)
class DeLine(Element):
    """FL3 `DE RUEHRL #1106/01 2521657`."""

    station: Field
    serial: Field
    section: Field | None
    julian_day: Field
    time: Field

    @property
    def day_of_year(self) -> int:
        return int(self.julian_day.text)

    @property
    def hour(self) -> int:
        return int(self.time.text[:2])

    @property
    def minute(self) -> int:
        return int(self.time.text[2:])


@dataclass(slots=True, eq=False, repr=False)
class SecurityWarning(Element):
    """FL4 `ZNY CCCCC ZZH`: security prosign, classification group, operating signals."""

    prosign: Field
    group: Field
    specat: Field | None
    signals: Field | None


@dataclass(slots=True, eq=False, repr=False)
class Dtg(Element):
    """FL5 `O R 141437Z NOV 07 ZDK`: precedence prosign(s) and the date-time group."""

    precedence: Field
    info_precedence: Field | None
    group: Field
    day: int
    hour: int
    minute: int
    month: str
    year: int
    signals: Field | None

    @property
    def prosign(self) -> str:
        """The action precedence, with `0` (a typing variant) read as `O`."""
        return "O" if self.precedence.text == "0" else self.precedence.text

    @property
    def full_year(self) -> int:
        return full_year(self.year)

    @property
    def month_number(self) -> int | None:
        return MONTHS.index(self.month) + 1 if self.month in MONTHS else None

    @property
    def datetime(self) -> datetime | None:
        """The DTG as an aware UTC datetime, or None when it names no real moment."""
        month = self.month_number
        if month is None:
            return None
        try:
            return datetime(self.full_year, month, self.day, self.hour, self.minute, tzinfo=UTC)
        except ValueError:
            return None

    @property
    def date(self) -> date | None:
        moment = self.datetime
        return moment.date() if moment else None


@dataclass(slots=True, eq=False, repr=False)
class Originator(Element):
    """FL6 `FM AMEMBASSY BERLIN`."""

    address: Field

    @property
    def post(self) -> str:
        """The post as the classification line names it (`AMEMBASSY TEL AVIV` -> `TEL AVIV`)."""
        return post_of_address(self.address.text)


_POST_PREFIX = re.compile(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|USINT|USLO|IRAN)\s+")


def post_of_address(address: str) -> str:
    """The classification-line post of a plain-language address (ENVELOPE.md C11a)."""
    text = " ".join(address.upper().split())
    if text.startswith("SECSTATE"):
        return "STATE"
    if text == "USMISSION USUN NEW YORK":
        return "USUN NEW YORK"
    return _POST_PREFIX.sub("", _POST_PREFIX.sub("", text))


AddresseeList = Literal["to", "info", "xmt"]
_INDICATOR = re.compile(r"R[A-Z]{4,6}")
_INDICATOR_LIKE = re.compile(r"R[A-Z][A-Z0-9]{1,8}(?=/(?!/))")


@dataclass(slots=True, eq=False, repr=False)
class Addressee(Element):
    """One FL7-FL9 entry: `RUEHC/SECSTATE WASHDC PRIORITY 5130`."""

    list: AddresseeList
    indicator: Field | None
    address: Field
    precedence: Field | None
    mcn: Field | None

    @property
    def malformed_indicator(self) -> Field | None:
        """A routing-indicator-like word before a single slash that is not a routing indicator
        (`RUEH/AMEMBASSY PARIS`, `RUEHFR1/...`): the grammar left it inside the address."""
        if self.indicator is not None:
            return None
        match = _INDICATOR_LIKE.match(self.address.text)
        if match is None or _INDICATOR.fullmatch(match.group()):
            return None
        start = self.address.span
        end = Span(start.line, start.column, start.line, start.column + match.end())
        return Field(match.group(), end)


@dataclass(slots=True, eq=False, repr=False)
class Classification(Element):
    """The classification line `C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001106`."""

    level: Field
    control: Field | None
    section: Field | None
    sections: Field | None
    post: Field
    serial: Field
    malformed: bool = False

    @property
    def level_name(self) -> str:
        """The level written without letter spacing, upper case (`CONFIDENTIAL`)."""
        return normalise_level(self.level.text)

    @property
    def serial_number(self) -> int:
        return int(self.serial.text)

    @property
    def section_number(self) -> int | None:
        return int(self.section.text) if self.section else None

    @property
    def section_count(self) -> int | None:
        return int(self.sections.text) if self.sections else None


def normalise_level(text: str) -> str:
    """`C O N F I D E N T I A L` -> `CONFIDENTIAL`; `UNCLAS E F T O` -> `UNCLAS EFTO`."""
    words = re.split(r"\s{2,}", text.strip().upper())
    joined = " ".join(word.replace(" ", "") for word in words)
    if joined.startswith("UNCLAS") and "EFTO" in joined.replace(" ", ""):
        return "UNCLAS EFTO"
    if joined == "TOPSECRET":
        return "TOP SECRET"
    if joined == "LIMITEDOFFICIALUSE":
        return "LIMITED OFFICIAL USE"
    return joined


CaptionKind = Literal["caption", "corrected-copy", "review-stamp"]


@dataclass(slots=True, eq=False, repr=False)
class Caption(Element):
    """A caption line (`SIPDIS`, `NOFORN`, ...), corrected-copy notice or review stamp."""

    kind: CaptionKind
    text: Field

    @property
    def name(self) -> str:
        return " ".join(self.text.text.upper().split())


@dataclass(slots=True, eq=False, repr=False)
class PassingLine(Element):
    """A free line between captions and E.O. line: `STATE FOR EUR/CE`."""

    text: Field


@dataclass(slots=True, eq=False, repr=False)
class EoLine(Element):
    """`E.O. 12958: DECL: 09/09/2019`: the order and the declassification instruction."""

    keyword: Field
    order: Field
    instruction: Field
    not_applicable: bool
    decl_keyword: Field | None
    decl_date: Field | None
    code: Field | None
    code_date: Field | None
    free_text: Field | None

    @property
    def declassification_date(self) -> date | None:
        """The DECL (or code) date, or None when absent or not a real date."""
        written = self.decl_date or self.code_date
        return parse_written_date(written.text) if written else None

    @property
    def is_declassification_note(self) -> bool:
        """A later archive note stands in place of the instruction (`E.O. 12958: AS AMENDED;
        DECLASSIFIED JUNE 21, 2006`): the order it names is not the cable's (ENVELOPE.md 2.14.2)."""
        return self.free_text is not None and "DECLASSIFIED" in self.free_text.text.upper()


_WORD_DATE = re.compile(r"^([A-Za-z]+) (\d{1,2}), (\d{4})$")
_MONTH_WORDS = {name.upper(): number for number, name in enumerate(calendar.month_name) if name}


def month_of_name(name: str) -> int | None:
    """`November` (any case) -> 11; None for a word that names no month."""
    return _MONTH_WORDS.get(name.upper())


def parse_written_date(text: str) -> date | None:
    """`09/09/2019`, `9/9/19`, `2019/09/09` or `OCTOBER 20, 2007`; None if impossible."""
    try:
        if "/" in text:
            first, second, third = (int(part) for part in text.split("/"))
            if first > 999:
                return date(first, second, third)
            year = third if third > 999 else full_year(third)
            return date(year, first, second)
        match = _WORD_DATE.match(text)
        if match and match.group(1).upper() in _MONTH_WORDS:
            return date(
                int(match.group(3)), _MONTH_WORDS[match.group(1).upper()], int(match.group(2))
            )
    except ValueError:
        return None
    return None


@dataclass(slots=True, eq=False, repr=False)
class Tags(Element):
    """`TAGS: GM PREL PGOV`: the codes as written (items of several words kept whole)."""

    keyword: Field
    codes: tuple[Field, ...]


@dataclass(slots=True, eq=False, repr=False)
class Subject(Element):
    """`SUBJECT: (C) ...`, continued on following lines; `text` joins the lines."""

    keyword: Field
    marking: Field | None
    text: Field


@dataclass(slots=True, eq=False, repr=False)
class ReferenceItem(Element):
    """One reference: `A. BEIJING 303` (letter optional for a single reference)."""

    letter: Field | None
    text: Field

    @property
    def letter_value(self) -> str | None:
        if self.letter is None:
            return None
        return self.letter.text.strip("¶.()").upper()


@dataclass(slots=True, eq=False, repr=False)
class References(Element):
    """The REF block."""

    keyword: Field
    items: tuple[ReferenceItem, ...]


class ClassifiedBy(NamedTuple):
    """`Classified By: ... Reasons 1.4 (b) and (d)`: authority and reasons, over lines."""

    span: Span
    keyword: Field
    text: Field
    reason_section: Field | None
    reason_letters: tuple[Field, ...]


@dataclass(slots=True, eq=False, repr=False)
class Paragraph(Element):
    """A numbered paragraph's start: `¶1. (C)`; `marking` without parentheses."""

    sign: Field | None
    number: Field
    marking: Field | None
    whole_text: bool = False
    part: int = 0
    """0 in the message; n after the n-th repeated classification line in the body (a
    received copy repeats the header for each section, and numbering restarts there)."""

    @property
    def number_value(self) -> int:
        return int(self.number.text)


@dataclass(slots=True, eq=False, repr=False)
class PageLine(Element):
    """A page-continuation line `BERLIN 00001106 002 OF 003` (dotted form: `002.2 OF 003`)."""

    post: Field
    serial: Field
    section: Field
    page: Field | None
    sections: Field


class EndLines(NamedTuple):
    """The end of the message: FL13 `BT`, FL15 `#1106`, FL16 `NNNN`."""

    bt: Field | None = None
    serial: Field | None = None
    nnnn: Field | None = None


class MergedElement(NamedTuple):
    """An element that shares its line with the one before it (`TAGS: ... SUBJECT: ...`)."""

    element: str
    after: str
    span: Span


_Value = TypeVar("_Value")


class _computed_once(Generic[_Value]):  # lower case: a decorator, as `property` is
    """A value of the cable computed when first read, then kept in the cable's `__dict__`
    (where later reads find it without calling anything): `functools.cached_property` without
    the lock Python 3.11 takes on each first read. A cable is read by one thread."""

    def __init__(self, compute: Callable[[Any], _Value]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, cable: None, owner: type) -> _computed_once[_Value]: ...

    @overload
    def __get__(self, cable: object, owner: type) -> _Value: ...

    def __get__(self, cable: object, owner: type) -> _Value | _computed_once[_Value]:
        if cable is None:
            return self
        value = cable.__dict__[self._name] = self._compute(cable)
        return value


@dataclass(frozen=True)
class Cable:
    """One parsed cable. Every element may be absent."""

    path: str | None
    layout: Layout
    encoding: str
    preamble: tuple[PreambleLine, ...] = ()
    transmission: TransmissionId | None = None
    routing: RoutingLine | None = None
    de_line: DeLine | None = None
    security_warning: SecurityWarning | None = None
    dtg: Dtg | None = None
    originator: Originator | None = None
    to: tuple[Addressee, ...] = ()
    info: tuple[Addressee, ...] = ()
    exempted: tuple[Addressee, ...] = ()
    foreign_lines: tuple[PreambleLine, ...] = ()
    classification: Classification | None = None
    captions: tuple[Caption, ...] = ()
    passing_lines: tuple[PassingLine, ...] = ()
    eo: EoLine | None = None
    tags: Tags | None = None
    subject: Subject | None = None
    references: References | None = None
    classified_by: ClassifiedBy | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    pages: tuple[PageLine, ...] = ()
    end: EndLines = field(default_factory=EndLines)
    envelope_end_line: int = 0
    """First line of the body (the line after the envelope)."""
    merged: tuple[MergedElement, ...] = ()
    archive_year: int | None = None
    """Year of a bare DTG (`201247Z Jan 04`) or weekday line the archive put before the text."""
    text_damage: tuple[Field, ...] = ()
    """Encoding damage anywhere in the file: U+FFFD characters, UTF-8 read as cp1252."""

    @_computed_once
    def addressees(self) -> tuple[Addressee, ...]:
        return self.to + self.info + self.exempted

    @property
    def is_partial_extract(self) -> bool:
        return any(line.kind == "partial-extract" for line in self.preamble)

    @_computed_once
    def year(self) -> int | None:
        """The DTG's year; for records without a DTG, the archive's bare DTG or weekday line."""
        if self.dtg is not None:
            return self.dtg.full_year
        return self.archive_year

    @_computed_once
    def post_id(self) -> str | None:
        """The post as it appears in reference ids: classification post without spaces."""
        if self.classification is None:
            return None
        return re.sub(r"[^A-Z]", "", self.classification.post.text.upper())

    @_computed_once
    def reference_id(self) -> str | None:
        """Canonical id `09ASTANA480`: DTG year, post without spaces, serial without zeros."""
        if self.classification is None or self.year is None:
            return None
        return f"{self.year % 100:02d}{self.post_id}{self.classification.serial_number}"

    @_computed_once
    def dtg_datetime(self) -> datetime | None:
        return self.dtg.datetime if self.dtg else None

    @_computed_once
    def de_datetime(self) -> datetime | None:
        """FL3 time of file as a datetime: the Julian day and time in the DTG's year, or in the
        year before or after when that lies nearer the DTG (a message dated 23:55 on 31 December
        and filed ten minutes later is filed on day 001). None without both lines, or when the
        time of file is no time of day (hour above 23, minute above 59)."""
        de, dtg = self.de_line, self.dtg
        if de is None or dtg is None or de.hour > 23 or de.minute > 59:
            return None
        offset = timedelta(days=de.day_of_year - 1, hours=de.hour, minutes=de.minute)
        try:
            filed = [
                datetime(year, 1, 1, tzinfo=UTC) + offset
                for year in (dtg.full_year - 1, dtg.full_year, dtg.full_year + 1)
            ]
        except OverflowError:
            return None
        dated = self.dtg_datetime
        return filed[1] if dated is None else min(filed, key=lambda moment: abs(moment - dated))

"""Reference tables of the telegram envelope, bundled with the package and loaded lazily.

Each table is a tab-separated file in ``validator/reference/data``: a ``# source:`` line, a
header row, then one row per fact. Nothing is read at import time: a table is read and parsed
on first use and cached for the life of the process.

Tables: precedence prosigns (``precedence.tsv``), classification levels
(``classification.tsv``), TAGS codes (``tags.tsv``), routing indicator / PLAD pairings
(``routing_indicators.tsv``) and the executive orders governing classification markings
(``executive_orders.tsv``). Values the source marks ``(uncertain)`` are cleaned of the note and
recorded in an ``uncertain`` field instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple, TypeVar

__all__ = [
    "TABLES",
    "ClassificationLevel",
    "ExecutiveOrder",
    "Precedence",
    "RoutingPair",
    "Tag",
    "TagKind",
    "canonical_prosign",
    "classification_level",
    "classification_levels",
    "executive_order",
    "executive_orders",
    "indicators_for_plad",
    "is_geographic",
    "known_indicators",
    "known_tags",
    "level_for_caption",
    "normalize_plad",
    "order_in_force",
    "order_typos",
    "order_versions",
    "pairing_cables",
    "paragraph_marking_rank",
    "paragraph_markings",
    "plads_for_indicator",
    "precedence",
    "precedence_rank",
    "precedences",
    "prosign_for_word",
    "routing_pairs",
    "security_warning_rank",
    "security_warning_signal",
    "table_source",
    "tag_entries",
    "tag_kind",
    "tag_kinds",
    "tag_replacement",
    "tags",
]

TABLES: tuple[str, ...] = (
    "precedence.tsv",
    "classification.tsv",
    "tags.tsv",
    "routing_indicators.tsv",
    "executive_orders.tsv",
)
"""File names of the bundled tables, in ``validator/reference/data``."""

_SOURCE_PREFIX = "# source:"
_UNCERTAIN = re.compile(r"\s*\(uncertain[^)]*\)", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_EMPTY = frozenset({"", "-"})
_V = TypeVar("_V")


# --------------------------------------------------------------------------- table reading


class _Table(NamedTuple):
    name: str
    source: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]


@cache
def _table(name: str) -> _Table:
    """Read and split one bundled table (cached: each file is read at most once)."""
    if name not in TABLES:
        raise KeyError(f"unknown reference table {name!r}")
    text = (files("validator.reference") / "data" / name).read_text(encoding="utf-8")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    if not lines or not lines[0].startswith(_SOURCE_PREFIX):
        raise ValueError(f"{name}: first line must be a '{_SOURCE_PREFIX}' line")
    source = lines[0][len(_SOURCE_PREFIX) :].strip()
    body = [line for line in lines[1:] if line.strip() and not line.startswith("#")]
    if not body:
        raise ValueError(f"{name}: header row missing")
    columns = tuple(column.strip() for column in body[0].split("\t"))
    rows: list[dict[str, str]] = []
    for number, line in enumerate(body[1:], start=1):
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) > len(columns):
            raise ValueError(
                f"{name}: data row {number} has {len(fields)} fields, {len(columns)} expected"
            )
        fields += [""] * (len(columns) - len(fields))
        rows.append(dict(zip(columns, fields, strict=True)))
    return _Table(name=name, source=source, columns=columns, rows=tuple(rows))


def _rows(name: str, *required: str) -> tuple[dict[str, str], ...]:
    table = _table(name)
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")
    return table.rows


def table_source(name: str) -> str:
    """Return the ``# source:`` text of a bundled table (without the prefix), e.g. for docs."""
    return _table(name).source


def _clean(value: str) -> tuple[str, bool]:
    """Strip ``(uncertain ...)`` notes from a cell; say whether there was one."""
    cleaned, count = _UNCERTAIN.subn("", value)
    return cleaned.strip(), count > 0


def _parse_date(value: str, where: str) -> date | None:
    """Parse the ISO date at the start of a cell (notes after it are ignored); ``-`` is None."""
    if value in _EMPTY:
        return None
    match = _ISO_DATE.match(value)
    if match is None:
        raise ValueError(f"{where}: not a date: {value!r}")
    year, month, day = (int(part) for part in match.groups())
    return date(year, month, day)


def _int(value: str, where: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{where}: not an integer: {value!r}") from None


# --------------------------------------------------------------------------- precedence


class Precedence(NamedTuple):
    """A precedence designator: ACP 127 prosign, name, rank and addressee word.

    ``rank`` orders precedences (higher is more urgent: Z 4 > O 3 > P 2 > R 1).
    ``addressee_word`` is the word written after an addressee ("" for ROUTINE, whose
    addressees carry no word). ``military_only`` marks prosigns that are not State
    Department designators (Y, EMERGENCY COMMAND PRECEDENCE), listed so they can be rejected.
    """

    prosign: str
    name: str
    rank: int
    addressee_word: str
    military_only: bool = False


@cache
def precedences() -> tuple[Precedence, ...]:
    """Return every precedence row in table order (O appears twice: IMMEDIATE, NIACT)."""
    name = "precedence.tsv"
    result: list[Precedence] = []
    for row in _rows(name, "prosign", "name", "rank", "addressee_word"):
        word = row["addressee_word"]
        result.append(
            Precedence(
                prosign=row["prosign"],
                name=row["name"],
                rank=_int(row["rank"], f"{name} {row['prosign']}"),
                addressee_word="" if word.startswith("(") else word,
                military_only=row.get("military_only", "no").lower() in {"yes", "true", "1"},
            )
        )
    return tuple(result)


@cache
def _precedence_by_prosign() -> dict[str, Precedence]:
    result: dict[str, Precedence] = {}
    for item in precedences():
        result.setdefault(item.prosign, item)
    return result


@cache
def _prosign_by_word() -> dict[str, str]:
    result: dict[str, str] = {}
    for item in precedences():
        if item.military_only:
            continue
        for word in (item.addressee_word, item.name):
            if word:
                result.setdefault(" ".join(word.upper().split()), item.prosign)
    return result


def canonical_prosign(prosign: str) -> str:
    """Return the prosign in canonical form: stripped, upper case, a typed zero read as ``O``."""
    value = prosign.strip().upper()
    return "O" if value == "0" else value


def precedence(prosign: str) -> Precedence:
    """Return the precedence of a prosign (``0`` counts as ``O``); KeyError if unknown."""
    return _precedence_by_prosign()[canonical_prosign(prosign)]


@lru_cache(maxsize=256)  # rules rank every addressee of every cable
def precedence_rank(prosign: str) -> int:
    """Return the rank of a prosign: Z 4, O 3 (also ``0``), P 2, R 1; KeyError if unknown."""
    return precedence(prosign).rank


@lru_cache(maxsize=256)
def prosign_for_word(word: str | None) -> str:
    """Map an addressee precedence word to its prosign; no word (None or blank) means ``R``.

    FLASH -> Z, NIACT IMMEDIATE / IMMEDIATE -> O, PRIORITY -> P, ROUTINE -> R. Case and
    spacing are normalised. KeyError for any other word.
    """
    if word is None or not word.strip():
        return _lowest_precedence().prosign
    return _prosign_by_word()[" ".join(word.upper().split())]


@cache
def _lowest_precedence() -> Precedence:
    return min((item for item in precedences() if not item.military_only), key=lambda p: p.rank)


# --------------------------------------------------------------------------- classification


class ClassificationLevel(NamedTuple):
    """A classification level or administrative control, with its telegram markings.

    ``rank`` orders levels (UNCLASSIFIED and the unclassified controls 0, CONFIDENTIAL 2,
    SECRET 3, TOP SECRET 4). ``security_warning`` is the FL4 group such as ``ZNY CCCCC``;
    ``paragraph_marking`` the basic portion marking without parentheses (``U``, ``SBU``,
    ``LOU``, ``C``, ``S``, ``TS``; "" if none); ``caption`` the caption line ("" if none).
    ``uncertain`` names the fields the source marks as uncertain.
    """

    level: str
    rank: int
    security_warning: str
    paragraph_marking: str
    caption: str
    uncertain: frozenset[str] = frozenset()

    @property
    def operating_signal(self) -> str:
        """The security warning operating signal, ``ZNR`` or ``ZNY``."""
        return self.security_warning.split()[0] if self.security_warning else ""

    @property
    def security_group(self) -> str:
        """The five-letter group of the security warning, e.g. ``CCCCC``."""
        return self.security_warning.split()[-1] if self.security_warning else ""

    @property
    def is_classified(self) -> bool:
        """True for CONFIDENTIAL and above (rank > 0)."""
        return self.rank > 0


_FIRST_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")
_MARKING_SPLIT = re.compile(r"[\s/\-]+")


@cache
def classification_levels() -> tuple[ClassificationLevel, ...]:
    """Return every classification row in table order."""
    name = "classification.tsv"
    columns = ("level", "rank", "security_warning", "paragraph_marking", "caption")
    result: list[ClassificationLevel] = []
    for row in _rows(name, *columns):
        uncertain: set[str] = set()
        cells: dict[str, str] = {}
        for column in columns:
            cells[column], flagged = _clean(row[column])
            if flagged:
                uncertain.add(column)
        marking = _FIRST_PARENTHESIS.search(cells["paragraph_marking"])
        caption = "" if cells["caption"] in _EMPTY else cells["caption"]
        result.append(
            ClassificationLevel(
                level=cells["level"],
                rank=_int(cells["rank"], f"{name} {cells['level']}"),
                security_warning=" ".join(cells["security_warning"].split()),
                paragraph_marking=marking.group(1).strip() if marking else "",
                caption=_TRAILING_PARENTHESIS.sub("", caption),
                uncertain=frozenset(uncertain),
            )
        )
    return tuple(result)


def _squeeze(text: str) -> str:
    return "".join(text.upper().split())


@cache
def _levels_by_squeezed_name() -> dict[str, ClassificationLevel]:
    result = {_squeeze(item.level): item for item in classification_levels()}
    unclassified = result.get("UNCLASSIFIED")
    if unclassified is not None:
        result.setdefault("UNCLAS", unclassified)
    return result


def classification_level(name: str) -> ClassificationLevel | None:
    """Find a level by name, ignoring case and all spaces (``C O N F I D E N T I A L``,
    ``UNCLAS``, ``UNCLAS E F T O``, ``TOP SECRET``); None if unknown."""
    return _levels_by_squeezed_name().get(_squeeze(name))


def _unique(pairs: Iterable[tuple[str, _V]], what: str) -> dict[str, _V]:
    """Build a dict from pairs, refusing a key that the table maps to two different values."""
    result: dict[str, _V] = {}
    for key, value in pairs:
        if result.setdefault(key, value) != value:
            raise ValueError(f"classification.tsv: {what} {key!r} maps to two values")
    return result


@cache
def _group_ranks() -> dict[str, int]:
    levels = [item for item in classification_levels() if item.security_group]
    return _unique(((item.security_group, item.rank) for item in levels), "security group")


@cache
def _group_signals() -> dict[str, str]:
    levels = [item for item in classification_levels() if item.security_group]
    pairs = ((item.security_group, item.operating_signal) for item in levels)
    return _unique(pairs, "security group")


@cache
def _marking_ranks() -> dict[str, int]:
    levels = [item for item in classification_levels() if item.paragraph_marking]
    return _unique(((item.paragraph_marking, item.rank) for item in levels), "paragraph marking")


def _group_key(group: str) -> str:
    """``ZNY CCCCC/AAAAA`` or ``cccCC`` -> ``CCCCC``."""
    words = group.strip().upper().split()
    return words[-1].split("/")[0] if words else ""


def security_warning_rank(group: str) -> int:
    """Return the level rank of an FL4 security warning group: UUUUU 0, EEEEE 0, CCCCC 2,
    SSSSS 3, TTTTT 4. Accepts the bare group or the whole warning (``ZNY CCCCC``, a SPECAT
    ``/AAAAA`` suffix is ignored); KeyError if unknown."""
    return _group_ranks()[_group_key(group)]


def security_warning_signal(group: str) -> str:
    """Return the operating signal that goes with a security warning group: ``ZNR`` for
    UUUUU, ``ZNY`` for the others; KeyError if unknown."""
    return _group_signals()[_group_key(group)]


def paragraph_markings() -> frozenset[str]:
    """Return the basic portion markings: U, SBU, LOU, C, S, TS."""
    return frozenset(_marking_ranks())


@lru_cache(maxsize=1024)
def paragraph_marking_rank(marking: str) -> int:
    """Return the level rank of a portion marking from its first component: ``(U)``, ``SBU``
    and ``LOU`` 0, ``C`` 2, ``S`` 3, ``TS`` 4. Parentheses and dissemination suffixes
    (``C/NF``, ``S//REL TO USA``, ``S-NF``) are ignored; KeyError if unknown."""
    text = marking.strip().strip("()").strip().upper()
    first = _MARKING_SPLIT.split(text, maxsplit=1)[0]
    return _marking_ranks()[first]


def level_for_caption(caption: str) -> ClassificationLevel | None:
    """Return the level whose caption line this is (``SENSITIVE``, ``LIMITED OFFICIAL USE``,
    ``FOR OFFICIAL USE ONLY``), ignoring case and spacing; None if none."""
    return _levels_by_squeezed_caption().get(_squeeze(caption))


@cache
def _levels_by_squeezed_caption() -> dict[str, ClassificationLevel]:
    result: dict[str, ClassificationLevel] = {}
    for item in classification_levels():
        if item.caption:
            result.setdefault(_squeeze(item.caption), item)
    return result


# --------------------------------------------------------------------------- TAGS


class TagKind(StrEnum):
    """Kind of a TAGS code, as named in tags.tsv (the values are the table's words)."""

    SUBJECT = "subject"
    PROGRAM = "program"
    COUNTRY = "country"
    ORGANIZATION = "organization"


class Tag(NamedTuple):
    """One TAGS code of tags.tsv.

    ``meaning`` may carry ``(uncertain)`` and may be empty. ``note`` records observations,
    including codes that are errors (typos, merged codes, ISO instead of TAGS codes);
    ``replacement`` is the intended code(s) when the note names them (``POGOV`` -> ``PGOV``,
    ``IQ`` -> ``IZ``, ``EINDETRD`` -> ``EIND ETRD``), else None.
    """

    code: str
    kind: TagKind
    meaning: str
    note: str = ""
    replacement: str | None = None


_PROGRAM_SHAPE = re.compile(r"K[A-Z]{3}")
_TWO_LETTER_ORDER = (TagKind.COUNTRY, TagKind.SUBJECT, TagKind.PROGRAM, TagKind.ORGANIZATION)
_OTHER_ORDER = (TagKind.SUBJECT, TagKind.PROGRAM, TagKind.COUNTRY, TagKind.ORGANIZATION)


@cache
def tags() -> tuple[Tag, ...]:
    """Return every TAGS row in table order (a code may appear under two kinds, e.g. AL)."""
    name = "tags.tsv"
    result: list[Tag] = []
    for row in _rows(name, "code", "kind", "meaning"):
        try:
            kind = TagKind(row["kind"])
        except ValueError:
            raise ValueError(f"{name}: unknown kind {row['kind']!r} for {row['code']}") from None
        result.append(
            Tag(
                code=row["code"],
                kind=kind,
                meaning=row["meaning"],
                note=row.get("note", ""),
                replacement=row.get("replacement") or None,
            )
        )
    return tuple(result)


@cache
def _tags_by_code() -> dict[str, tuple[Tag, ...]]:
    grouped: dict[str, list[Tag]] = {}
    for item in tags():
        grouped.setdefault(item.code, []).append(item)
    return {code: tuple(items) for code, items in grouped.items()}


@cache
def _tags_by_upper_code() -> dict[str, tuple[Tag, ...]]:
    grouped: dict[str, list[Tag]] = {}
    for item in tags():
        grouped.setdefault(item.code.upper(), []).append(item)
    return {code: tuple(items) for code, items in grouped.items()}


def tag_entries(code: str) -> tuple[Tag, ...]:
    """Return the table rows for a code: exact spelling first, else case-insensitively."""
    key = code.strip()
    found = _tags_by_code().get(key)
    if found is None:
        found = _tags_by_upper_code().get(key.upper(), ())
    return found


@lru_cache(maxsize=4096)
def tag_kinds(code: str) -> frozenset[TagKind]:
    """Return every kind the table lists for a code (empty if unlisted)."""
    return frozenset(item.kind for item in tag_entries(code))


@lru_cache(maxsize=4096)
def tag_kind(code: str) -> TagKind | None:
    """Return the kind of a TAGS code, or None if unknown.

    Two-letter codes are read as countries first (``AL`` is Albania, not the organization);
    other listed codes as subject, program, country, organization in that order; an unlisted
    ``K`` + three letters is a program tag.
    """
    key = code.strip()
    kinds = tag_kinds(key)
    order = _TWO_LETTER_ORDER if len(key) == 2 else _OTHER_ORDER
    for kind in order:
        if kind in kinds:
            return kind
    if _PROGRAM_SHAPE.fullmatch(key.upper()):
        return TagKind.PROGRAM
    return None


@cache
def known_tags() -> frozenset[str]:
    """Return every code listed in tags.tsv, as spelled there.

    The list includes recorded errors (see ``Tag.note`` and ``Tag.replacement``); unlisted
    ``K`` + three-letter program tags are accepted by ``tag_kind`` but not listed here.
    """
    return frozenset(item.code for item in tags())


def is_geographic(code: str) -> bool:
    """True for a two-letter code listed as a country (geographic TAG), e.g. ``IZ``, ``AL``."""
    key = code.strip()
    return len(key) == 2 and TagKind.COUNTRY in tag_kinds(key)


def tag_replacement(code: str) -> str | None:
    """Return the intended code(s) for a code recorded as an error (``RU`` -> ``RS``), else
    None."""
    for item in tag_entries(code):
        if item.replacement:
            return item.replacement
    return None


# --------------------------------------------------------------------------- routing indicators


class RoutingPair(NamedTuple):
    """A routing indicator seen with a plain language address (PLAD), with evidence counts.

    ``de_fm_cables``: Cablegate cables pairing the FL3 ``DE`` RI with the FM line;
    ``addressee_cables``: Cablegate cables with an ``RI/PLAD`` addressee entry;
    ``cables_csv_cables``: cables of the older cables-csv corpus showing the pairing.
    The PLAD is spelled as in the cables (variants such as ``WASHDC`` are separate rows).
    """

    routing_indicator: str
    plad: str
    de_fm_cables: int
    addressee_cables: int
    cables_csv_cables: int
    note: str = ""

    @property
    def cables(self) -> int:
        """Total evidence: the sum of the three counts."""
        return self.de_fm_cables + self.addressee_cables + self.cables_csv_cables


@lru_cache(maxsize=4096)  # R308 normalises every addressee; addresses recur across cables
def normalize_plad(plad: str) -> str:
    """Return a PLAD in comparable form: upper case, single spaces, no outer blanks."""
    return " ".join(plad.upper().split())


@cache
def routing_pairs() -> tuple[RoutingPair, ...]:
    """Return every routing indicator / PLAD pairing in table order."""
    name = "routing_indicators.tsv"
    counts = ("de_fm_cables", "addressee_cables", "cables_csv_cables")
    result: list[RoutingPair] = []
    for row in _rows(name, "routing_indicator", "plain_language_address", *counts):
        where = f"{name} {row['routing_indicator']}"
        result.append(
            RoutingPair(
                routing_indicator=row["routing_indicator"].upper(),
                plad=normalize_plad(row["plain_language_address"]),
                de_fm_cables=_int(row["de_fm_cables"], where),
                addressee_cables=_int(row["addressee_cables"], where),
                cables_csv_cables=_int(row["cables_csv_cables"], where),
                note=row.get("note", ""),
            )
        )
    return tuple(result)


@cache
def _plads_by_indicator() -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for pair in routing_pairs():
        grouped.setdefault(pair.routing_indicator, set()).add(pair.plad)
    return {key: frozenset(value) for key, value in grouped.items()}


@cache
def _indicators_by_plad() -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for pair in routing_pairs():
        grouped.setdefault(pair.plad, set()).add(pair.routing_indicator)
    return {key: frozenset(value) for key, value in grouped.items()}


@cache
def _pair_cables() -> dict[tuple[str, str], int]:
    result: dict[tuple[str, str], int] = {}
    for pair in routing_pairs():
        key = (pair.routing_indicator, pair.plad)
        result[key] = result.get(key, 0) + pair.cables
    return result


def plads_for_indicator(ri: str) -> frozenset[str]:
    """Return the PLADs seen with a routing indicator (empty if the RI is not in the table)."""
    return _plads_by_indicator().get(ri.strip().upper(), frozenset())


def indicators_for_plad(plad: str) -> frozenset[str]:
    """Return the routing indicators seen with a PLAD, matched after ``normalize_plad``."""
    return _indicators_by_plad().get(normalize_plad(plad), frozenset())


def known_indicators() -> frozenset[str]:
    """Return every routing indicator in the table."""
    return frozenset(_plads_by_indicator())


def pairing_cables(ri: str, plad: str) -> int:
    """Return how many cables (all counts summed) show this RI with this PLAD; 0 if none."""
    return _pair_cables().get((ri.strip().upper(), normalize_plad(plad)), 0)


# --------------------------------------------------------------------------- executive orders


_EO_NUMBER = re.compile(r"(\d{5})(?:\s+as\s+amended\s+by\s+(\d{5}))?", re.IGNORECASE)
_EO_TYPO = re.compile(r"typing error for\s+(\d{5})", re.IGNORECASE)
_EO_FIELDS = {"reason_section_cited": "reason_section"}
_REASON_LETTERS = re.compile(r"\(([a-z])\)\s*-\s*\(([a-z])\)")


class ExecutiveOrder(NamedTuple):
    """An executive order (or an amended version of one) governing classification markings.

    ``number`` is what the E.O. line writes (``12958`` also for the version amended by
    13292, whose number is in ``amended_by``). ``in_force_until`` is None while in force.
    ``reason_section`` is the section cited for classification reasons, e.g. ``1.4 (a)-(h)``
    ("" if the order's telegrams cite none). ``uncertain`` names fields the source marks
    uncertain.
    """

    number: str
    title: str
    signed: date
    in_force_from: date
    in_force_until: date | None
    reason_section: str
    declassification_marking: str = ""
    amended_by: str | None = None
    uncertain: frozenset[str] = frozenset()

    def in_force(self, day: date) -> bool:
        """True if this order (version) is in force on ``day``."""
        if day < self.in_force_from:
            return False
        return self.in_force_until is None or day <= self.in_force_until

    @property
    def reason_section_number(self) -> str:
        """The section number alone, e.g. ``1.4`` ("" if none)."""
        match = re.match(r"[\d.\-]+", self.reason_section)
        return match.group(0).rstrip(".-") if match else ""

    @property
    def reason_letters(self) -> str:
        """The letters allowed after the section, e.g. ``abcdefgh`` ("" if not a letter range)."""
        match = _REASON_LETTERS.search(self.reason_section)
        if match is None:
            return ""
        first, last = match.groups()
        return "".join(chr(code) for code in range(ord(first), ord(last) + 1))


@cache
def _orders_and_typos() -> tuple[tuple[ExecutiveOrder, ...], dict[str, str]]:
    name = "executive_orders.tsv"
    columns = ("eo_number", "title", "signed", "in_force_from", "in_force_until")
    orders: list[ExecutiveOrder] = []
    typos: dict[str, str] = {}
    for row in _rows(name, *columns, "reason_section_cited"):
        where = f"{name} {row['eo_number']}"
        typo = _EO_TYPO.search(row["title"])
        if typo is not None:
            typos[row["eo_number"]] = typo.group(1)
            continue
        number = _EO_NUMBER.fullmatch(row["eo_number"])
        if number is None:
            raise ValueError(f"{where}: unreadable order number")
        uncertain: set[str] = set()
        cells: dict[str, str] = {}
        for column in (*columns, "reason_section_cited", "declassification_marking"):
            cells[column], flagged = _clean(row.get(column, ""))
            if flagged:
                uncertain.add(column)
        signed = _parse_date(cells["signed"], where)
        start = _parse_date(cells["in_force_from"], where)
        if signed is None or start is None:
            raise ValueError(f"{where}: signed and in_force_from dates required")
        reason = cells["reason_section_cited"]
        marking = cells["declassification_marking"]
        orders.append(
            ExecutiveOrder(
                number=number.group(1),
                title=cells["title"],
                signed=signed,
                in_force_from=start,
                in_force_until=_parse_date(cells["in_force_until"], where),
                reason_section="" if reason in _EMPTY else reason,
                declassification_marking="" if marking in _EMPTY else marking,
                amended_by=number.group(2),
                uncertain=frozenset(_EO_FIELDS.get(column, column) for column in uncertain),
            )
        )
    orders.sort(key=lambda order: (order.in_force_from, order.number))
    return tuple(orders), typos


def order_versions() -> tuple[ExecutiveOrder, ...]:
    """Return every order and amended version, sorted by ``in_force_from``."""
    return _orders_and_typos()[0]


def executive_orders() -> dict[str, ExecutiveOrder]:
    """Return the orders by number (10501, 11652, 12065, 12356, 12958, 13526), each in its
    original, unamended version (see ``order_versions`` and ``order_in_force``)."""
    return {order.number: order for order in order_versions() if order.amended_by is None}


def executive_order(number: str) -> ExecutiveOrder | None:
    """Return the original version of an order by number, or None if unknown."""
    return _orders_by_number().get(number.strip())


@cache
def _orders_by_number() -> dict[str, ExecutiveOrder]:
    return executive_orders()


def order_typos() -> dict[str, str]:
    """Return order numbers seen as typing errors, mapped to the intended order
    (``12536`` -> ``12356``, ``12598`` -> ``12958``)."""
    return dict(_orders_and_typos()[1])


@lru_cache(maxsize=4096)
def order_in_force(day: date) -> ExecutiveOrder | None:
    """Return the order version in force on ``day`` (the most recent one that started), or
    None before the first order. From 2003-03-25 to 2010-06-26 this is E.O. 12958 as amended
    by 13292 (``number`` 12958, ``amended_by`` 13292, reasons in section 1.4)."""
    current: ExecutiveOrder | None = None
    for order in order_versions():
        if order.in_force(day) and (
            current is None or order.in_force_from >= current.in_force_from
        ):
            current = order
    return current

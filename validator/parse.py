"""Text -> typed model: lex the envelope with the grammar, build the `Cable`, scan the body.

Syntax problems are diagnostics, never exceptions:

* E101 malformed element: a line has an element's shape (its keyword, its first word) but not
  its syntax, or a line where an element is expected is not one.
* E102 required element missing (which elements are required depends on the layout).
* E103 element out of order.  E104 element repeated where only one is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import NamedTuple

from validator import body
from validator.diagnostics import Diagnostic, Fix, Label, Severity
from validator.elements import describe, expected_words
from validator.fields import Joined, classified_by_from, split_lettered, split_tags
from validator.grammar import cable_grammar
from validator.lexer import LexResult, LineLexer, LineToken, Misfit
from validator.model import (
    Addressee,
    AddresseeList,
    Cable,
    Caption,
    CaptionKind,
    Classification,
    ClassifiedBy,
    DeLine,
    Dtg,
    EoLine,
    Field,
    Layout,
    Locate,
    MergedElement,
    Originator,
    PageLine,
    Paragraph,
    PassingLine,
    PreambleLine,
    ReferenceItem,
    References,
    RoutingLine,
    SecurityWarning,
    Subject,
    Tags,
    TransmissionId,
    full_year,
    month_of_name,
)
from validator.source import Source, Span
from validator.spelling import closest

_lexer: LineLexer | None = None


def line_lexer() -> LineLexer:
    """The lexer over the cached grammar, built on first use."""
    global _lexer
    if _lexer is None:
        _lexer = LineLexer(cable_grammar())
    return _lexer


class ParseResult(NamedTuple):
    cable: Cable
    diagnostics: tuple[Diagnostic, ...]


def parse(source: Source) -> ParseResult:
    """Parse one cable. Never raises on any text."""
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    lexed = line_lexer().lex(text)
    builder = _Builder(source, text)
    builder.take(lexed)
    return builder.result(lexed)


def parse_text(text: str, path: str | None = None) -> ParseResult:
    return parse(Source.from_text(text, path=path))


_INDICATOR = re.compile(r"R[A-Z]{4,6}")

# Front-matter fields in their canonical order (ENVELOPE.md section 1); REF and Classified By
# vary in real cables and are not ordered against each other.
_FRONT_ORDER = {"EO_LINE": 0, "TAGS_LINE": 1, "SUBJECT_LINE": 2}

# Elements allowed once per cable, by terminal.
_SINGLE = frozenset(
    {
        "TRANSMISSION_ID", "ROUTING_LINE", "DE_LINE", "SECURITY_WARNING", "DTG_LINE", "FM_LINE",
        "TO_KEYWORD", "INFO_KEYWORD", "XMT_KEYWORD", "CLASSIFICATION", "EO_LINE", "TAGS_LINE",
        "SUBJECT_LINE", "REF_LINE", "CLASSIFIED_BY",
    }
)  # fmt: skip
_BASE = {name: name.removesuffix("_BAD") for name in _SINGLE | {n + "_BAD" for n in _SINGLE}}


class _Builder:
    """Collects elements from the token stream, then freezes them into a `Cable`."""

    def __init__(self, source: Source, text: str) -> None:
        self.source = source
        self.text = text
        # Fields and elements keep the source's locator (which caps offsets past its text, as
        # `text` may end one newline past it): it holds the source alone, so they do not keep
        # the builder alive and the parse leaves no reference cycle for the garbage collector.
        self.span: Locate = source.span
        self.diagnostics: list[Diagnostic] = []
        self.values: dict[str, object] = {}
        self.preamble: list[PreambleLine] = []
        self.foreign: list[PreambleLine] = []
        self.addressees: dict[AddresseeList, list[Addressee]] = {"to": [], "info": [], "xmt": []}
        self.current_list: AddresseeList = "to"
        self.captions: list[Caption] = []
        self.passing: list[PassingLine] = []
        self.pages: list[PageLine] = []
        self.seen: dict[str, LineToken] = {}
        self.indicators: list[Field] = []
        self.routing_start: LineToken | None = None
        self.routing_end = 0
        self.tag_codes: list[Field] = []
        self.tags_token: LineToken | None = None
        self.tags_end = 0
        self.block: str | None = None
        self.joined: dict[str, Joined] = {}
        self.block_tokens: dict[str, LineToken] = {}
        self.ref_items: list[tuple[LineToken, Joined]] = []
        self.front_seen: dict[str, LineToken] = {}
        self.malformed: set[str] = set()
        self.merged: list[tuple[LineToken, LineToken]] = []

    # ---- helpers -------------------------------------------------------------------------
    def group(self, token: LineToken, name: str) -> Field | None:
        start, end = token.match.span(name)
        if start < 0:
            return None
        return Field.at(self.text[start:end], start, end, self.span)

    def need(self, token: LineToken, name: str) -> Field:
        found = self.group(token, name)
        if found is None:  # the grammar makes these groups mandatory
            raise AssertionError(f"{token.name} without group {name}")
        return found

    def token_span(self, token: LineToken) -> Span:
        return self.span(token.start, token.end)

    def whole(self, token: LineToken) -> Field:
        """The token's whole text as a field (a line taken as it is)."""
        return Field.at(token.match.group(), token.start, token.end, self.span)

    def report(
        self,
        code: str,
        message: str,
        span: Span,
        label: str = "",
        severity: Severity = Severity.ERROR,
        **extra: object,
    ) -> None:
        self.diagnostics.append(
            Diagnostic(code, severity, message, span, label, **extra)  # type: ignore[arg-type]
        )

    # ---- the token stream ------------------------------------------------------------------
    def take(self, lexed: LexResult) -> None:
        previous: LineToken | None = None
        for token in lexed.tokens:
            # An entry on its list's keyword line (`TO RUEHC/...`) is that line, not a merge.
            if token.merged and previous is not None and previous.name not in _LIST_OF_KEYWORD:
                self.merged.append((previous, token))
            single = _BASE.get(token.name)
            if single is not None:
                self.check_single(token, single)
            handler = _HANDLERS.get(token.name)
            if handler is not None:
                handler(self, token)
            previous = token
        for misfit in lexed.misfits:
            self.report_misfit(misfit)

    def check_single(self, token: LineToken, base: str) -> None:
        """E104 for a second `base` element; E105 for front matter out of its usual order."""
        first = self.seen.get(base)
        if first is not None:
            self.report(
                "E104",
                f"{describe(base)} repeated",
                self.token_span(token),
                "second one here",
                secondary=(Label(self.token_span(first), "first one here"),),
                help="keep one of the two",
            )
        else:
            self.seen[base] = token
        rank = _FRONT_ORDER.get(base)
        if rank is not None:
            for earlier in self.front_seen.values():
                if _FRONT_ORDER[earlier.name] > rank:
                    self.report(
                        "E105",
                        f"{describe(base)} after the {describe(earlier.name)}",
                        self.token_span(token),
                        f"usually before the {describe(earlier.name)}",
                        severity=Severity.WARNING,
                        secondary=(Label(self.token_span(earlier), "this usually comes later"),),
                        help="front matter reads E.O. line, TAGS, SUBJECT: move this line up",
                    )
                    break
            # The first line of each kind is the earliest to compare with: keeping repeats
            # (E104) would make a file of 10^5 SUBJECT lines quadratic.
            self.front_seen.setdefault(base, token)

    def report_misfit(self, misfit: Misfit) -> None:
        span = self.span(misfit.start, misfit.end)
        if misfit.element is None:
            lines = span.end_line - span.line + 1
            self.report(
                "E101",
                "line not recognised as an envelope element"
                if lines == 1
                else f"{lines} lines not recognised as envelope elements",
                span,
                f"expected {expected_words(misfit.expected)}",
                help="if the archive added this line, remove it; if it belongs to the telegram, "
                "check it against the element expected here",
            )
        elif _BASE.get(misfit.element, misfit.element) in self.seen:
            first = self.seen[_BASE.get(misfit.element, misfit.element)]
            self.report(
                "E104",
                f"{describe(misfit.element)} repeated",
                span,
                "second one here",
                secondary=(Label(self.token_span(first), "first one here"),),
                help="keep one of the two",
            )
        else:
            self.report(
                "E103",
                f"{describe(misfit.element)} out of order",
                span,
                f"expected {expected_words(misfit.expected)} here",
                help=f"move the {describe(misfit.element)} to its place in the envelope",
            )

    def malformed_line(self, token: LineToken) -> None:
        element = describe(token.name)
        self.malformed.add(_BASE.get(token.name, token.name))
        self.report(
            "E101",
            f"malformed {element}",
            self.token_span(token),
            f"expected {expected_words((token.name.removesuffix('_BAD'),))}",
            help=f"correct the line against the form of the {element}",
        )

    # ---- element handlers --------------------------------------------------------------
    def preamble_line(self, token: LineToken) -> None:
        kind = _PREAMBLE_KIND.get(token.name, "foreign")
        if kind in ("bare-dtg", "weekday") and "archive_year" not in self.values:
            year = int(token.match.group("year"))
            self.values["archive_year"] = full_year(year) if year < 100 else year
        text = self.whole(token)
        if token.name == "WEEKDAY_LINE":
            line = PreambleLine(kind, text, token.match.group("weekday"), _moment(token.match))
        else:
            line = PreambleLine(kind, text)
        if "FM_LINE" in self.seen or "DTG_LINE" in self.seen:
            self.foreign.append(line)
        else:
            self.preamble.append(line)

    def transmission_id(self, token: LineToken) -> None:
        self.values["transmission"] = TransmissionId(
            token.start,
            token.end,
            self.span,
            self.need(token, "channel"),
            self.need(token, "sequence"),
        )

    def routing_line(self, token: LineToken) -> None:
        if token.name == "ROUTING_LINE":
            self.routing_start = token
            self.values["routing_precedence"] = self.need(token, "precedence")
        indicators = self.need(token, "indicators")
        base = token.match.start("indicators")
        for match in _INDICATOR.finditer(indicators.text):
            start, end = match.span()
            self.indicators.append(Field.at(match.group(), base + start, base + end, self.span))
        self.routing_end = token.end

    def de_line(self, token: LineToken) -> None:
        self.values["de_line"] = DeLine(
            token.start,
            token.end,
            self.span,
            self.need(token, "station"),
            self.need(token, "serial"),
            self.group(token, "section"),
            self.need(token, "julian_day"),
            self.need(token, "time"),
        )

    def security_warning(self, token: LineToken) -> None:
        self.values["security_warning"] = SecurityWarning(
            token.start,
            token.end,
            self.span,
            self.need(token, "prosign"),
            self.need(token, "group"),
            self.group(token, "specat"),
            self.group(token, "signals"),
        )

    def dtg_line(self, token: LineToken) -> None:
        match = token.match
        group_start, group_end = match.start("day"), match.end("year")
        self.values["dtg"] = Dtg(
            token.start,
            token.end,
            self.span,
            self.need(token, "precedence"),
            self.group(token, "info_precedence"),
            Field.at(match.string[group_start:group_end], group_start, group_end, self.span),
            int(match.group("day")),
            int(match.group("hour")),
            int(match.group("minute")),
            match.group("month"),
            int(match.group("year")),
            self.group(token, "signals"),
        )

    def originator(self, token: LineToken) -> None:
        self.values["originator"] = Originator(
            token.start, token.end, self.span, self.need(token, "address")
        )

    def addressee_keyword(self, token: LineToken) -> None:
        self.current_list = _LIST_OF_KEYWORD[token.name]

    def addressee(self, token: LineToken) -> None:
        self.addressees[self.current_list].append(
            Addressee(
                token.start,
                token.end,
                self.span,
                self.current_list,
                self.group(token, "indicator"),
                self.need(token, "address"),
                self.group(token, "precedence"),
                self.group(token, "mcn") or self.group(token, "slashed_mcn"),
            )
        )

    def classification(self, token: LineToken) -> None:
        self.values["classification"] = Classification(
            token.start,
            token.end,
            self.span,
            self.need(token, "level"),
            self.group(token, "control") if token.name == "CLASSIFICATION" else None,
            self.group(token, "section"),
            self.group(token, "sections"),
            self.need(token, "post"),
            self.need(token, "serial"),
            malformed=token.name == "CLASSIFICATION_BAD",
        )
        if token.name == "CLASSIFICATION_BAD":
            level = self.need(token, "level")
            self.malformed.add("CLASSIFICATION")
            self.report(
                "E101",
                f"malformed classification word `{level.text}`",
                level.span,
                "not a classification level",
                help=_level_suggestion(level.text),
                fix=_level_fix(level),
            )

    def caption(self, token: LineToken) -> None:
        kind: CaptionKind = _CAPTION_KIND[token.name]
        self.captions.append(Caption(token.start, token.end, self.span, kind, self.whole(token)))

    def passing_line(self, token: LineToken) -> None:
        self.passing.append(PassingLine(token.start, token.end, self.span, self.whole(token)))

    def eo_line(self, token: LineToken) -> None:
        if "eo" in self.values:
            return
        self.values["eo"] = EoLine(
            token.start,
            token.end,
            self.span,
            self.need(token, "keyword"),
            self.need(token, "order"),
            self.need(token, "instruction"),
            token.match.group("not_applicable") is not None,
            self.group(token, "decl_keyword"),
            self.group(token, "date"),
            self.group(token, "code"),
            self.group(token, "code_date"),
            self.group(token, "free"),
        )

    def tags_line(self, token: LineToken) -> None:
        if token.name == "TAGS_LINE":
            if self.tags_token is not None:
                return
            self.tags_token = token
        elif self.tags_token is None:
            return
        codes = self.need(token, "codes")
        self.tag_codes.extend(split_tags(codes, token.match.start("codes"), self.span))
        self.tags_end = token.end

    def open_block(self, token: LineToken) -> None:
        name = token.name
        self.block = name
        if name in self.block_tokens:
            self.block = None  # a repeated block (E104 reported); its lines are not kept
            return
        self.block_tokens[name] = token
        joined = Joined()
        joined.add(token.match.start("text"), token.match.end("text"))
        self.joined[name] = joined

    def page_line(self, token: LineToken) -> None:
        self.pages.append(body.page_line(token.match, self.span))

    def ref_item(self, token: LineToken) -> None:
        if self.block != "REF_LINE":
            return
        joined = Joined()
        # From the letter on: `split_lettered` reads the item's letter with its text.
        joined.add(token.match.start("letter"), token.match.end("text"))
        self.ref_items.append((token, joined))

    def continuation(self, token: LineToken) -> None:
        if self.block is None:
            return
        if self.block == "REF_LINE" and self.ref_items:
            self.ref_items[-1][1].add(token.start, token.end)
        else:
            self.joined[self.block].add(token.start, token.end)

    # ---- freezing ---------------------------------------------------------------------------
    def joined_field(self, name: str) -> Field | None:
        joined = self.joined.get(name)
        token = self.block_tokens.get(name)
        if joined is None or token is None:
            return None
        if not joined.pieces:
            at = token.match.end("text")
            return Field.at("", at, at, self.span)
        return Field.at(
            joined.text(self.text), joined.pieces[0][0], joined.pieces[-1][1], self.span
        )

    def subject(self) -> Subject | None:
        token = self.block_tokens.get("SUBJECT_LINE")
        text = self.joined_field("SUBJECT_LINE")
        if token is None or text is None:
            return None
        end = max(token.end, *(end for _, end in self.joined["SUBJECT_LINE"].pieces), 0)
        return Subject(
            token.start,
            end,
            self.span,
            self.need(token, "keyword"),
            self.group(token, "marking"),
            text,
        )

    def references(self) -> References | None:
        token = self.block_tokens.get("REF_LINE")
        first = self.joined.get("REF_LINE")
        if token is None or first is None:
            return None
        items: list[ReferenceItem] = []
        end = token.end
        for joined in [first, *(joined for _, joined in self.ref_items)]:
            if not joined.pieces:
                continue
            joined_text = joined.text(self.text)
            for letter, (text_start, text_end) in split_lettered(joined_text):
                start = joined.offset(letter[0] if letter else text_start)
                stop = joined.offset(text_end - 1) + 1 if text_end > text_start else start
                letter_field = None
                if letter is not None:
                    letter_field = Field.at(
                        joined_text[letter[0] : letter[1]],
                        joined.offset(letter[0]),
                        joined.offset(letter[1] - 1) + 1,
                        self.span,
                    )
                text = Field.at(
                    joined_text[text_start:text_end],
                    joined.offset(text_start),
                    stop,
                    self.span,
                )
                items.append(ReferenceItem(start, stop, self.span, letter_field, text))
            end = max(end, joined.pieces[-1][1])
        return References(token.start, end, self.span, self.need(token, "keyword"), tuple(items))

    def classified_by(self) -> ClassifiedBy | None:
        token = self.block_tokens.get("CLASSIFIED_BY")
        joined = self.joined.get("CLASSIFIED_BY")
        text = self.joined_field("CLASSIFIED_BY")
        if token is None or joined is None or text is None:
            return None
        # A bare `Classified By:` has no text pieces: the element ends with its keyword.
        end = max([token.end, *(end for _, end in joined.pieces)])
        return classified_by_from(
            self.span(token.start, end),
            self.need(token, "keyword"),
            text,
            joined,
            self.text,
            self.span,
        )

    def front_paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraph 1 when it is the authority line (`1.  (U) CLASSIFIED BY ...`)."""
        token = self.block_tokens.get("CLASSIFIED_BY")
        if token is None or token.merged:
            return ()
        paragraph = body.paragraph_at(self.text, token.start, self.span)
        return (paragraph,) if paragraph else ()

    def routing(self) -> RoutingLine | None:
        precedence = self.values.get("routing_precedence")
        if self.routing_start is None or not isinstance(precedence, Field):
            return None
        return RoutingLine(
            self.routing_start.start,
            self.routing_end,
            self.span,
            precedence,
            tuple(self.indicators),
        )

    def tags(self) -> Tags | None:
        if self.tags_token is None:
            return None
        return Tags(
            self.tags_token.start,
            self.tags_end,
            self.span,
            self.need(self.tags_token, "keyword"),
            tuple(self.tag_codes),
        )

    def layout(self) -> Layout:
        if "TRANSMISSION_ID" in self.seen:
            return "acp127"
        if any(line.kind == "partial-extract" for line in self.preamble):
            return "partial-extract"
        if "DTG_LINE" in self.seen or "FM_LINE" in self.seen:
            return "dtg-first"
        return "headerless"

    def check_required(self, layout: Layout, envelope_end: int) -> None:
        present = self.seen.keys() | self.malformed
        if self.addressees["to"] or self.addressees["info"]:
            present.add("ADDRESSEE_LIST")
        missing = [name for name in _REQUIRED[layout] if name not in present]
        if not missing:
            return
        # Where the envelope ended; at the end of the last line when the whole file was read.
        last = len(self.source.text.rstrip("\n"))
        at = self.span(min(envelope_end, last), min(envelope_end, last))
        for name in missing:
            self.report(
                "E102",
                f"{describe(name)} missing",
                at,
                f"expected {expected_words((name,))} before this line",
                help=f"add the {describe(name)} the original telegram carries",
            )

    def result(self, lexed: LexResult) -> ParseResult:
        layout = self.layout()
        in_envelope = self.classified_by()
        scan = body.scan(self.text, lexed.end, self.span, find_classified_by=in_envelope is None)
        classified_by = in_envelope or scan.classified_by
        self.check_required(layout, lexed.end)
        values = self.values
        cable = Cable(
            path=self.source.path,
            layout=layout,
            encoding=self.source.encoding,
            preamble=tuple(self.preamble),
            transmission=values.get("transmission"),  # type: ignore[arg-type]
            routing=self.routing(),
            de_line=values.get("de_line"),  # type: ignore[arg-type]
            security_warning=values.get("security_warning"),  # type: ignore[arg-type]
            dtg=values.get("dtg"),  # type: ignore[arg-type]
            originator=values.get("originator"),  # type: ignore[arg-type]
            to=tuple(self.addressees["to"]),
            info=tuple(self.addressees["info"]),
            exempted=tuple(self.addressees["xmt"]),
            foreign_lines=tuple(self.foreign),
            classification=values.get("classification"),  # type: ignore[arg-type]
            captions=tuple(self.captions),
            passing_lines=tuple(self.passing),
            eo=values.get("eo"),  # type: ignore[arg-type]
            tags=self.tags(),
            subject=self.subject(),
            references=self.references(),
            classified_by=classified_by,
            paragraphs=self.front_paragraphs() + scan.paragraphs,
            pages=tuple(self.pages) + scan.pages,
            end=scan.end,
            # Lines are counted without the line index (most cables never need it).
            envelope_end_line=self.source.text.count("\n", 0, lexed.end) + 1,
            archive_year=values.get("archive_year"),  # type: ignore[arg-type]
            text_damage=scan.damage,
            merged=tuple(
                MergedElement(describe(second.name), describe(first.name), self.token_span(second))
                for first, second in self.merged
            ),
        )
        diagnostics = tuple(sorted(self.diagnostics, key=lambda d: d.sort_key))
        return ParseResult(cable, diagnostics)


def _moment(weekday_line: re.Match[str]) -> datetime | None:
    """The date and time a weekday line names (UTC); None if they do not exist."""
    month = month_of_name(weekday_line.group("month"))
    if month is None:
        return None
    try:
        return datetime(
            int(weekday_line.group("year")),
            month,
            int(weekday_line.group("day")),
            int(weekday_line.group("hour")),
            int(weekday_line.group("minute")),
            tzinfo=UTC,
        )
    except ValueError:
        return None


_SPACED_LEVELS = ("C O N F I D E N T I A L", "S E C R E T", "T O P  S E C R E T")


def _closest_level(written: str) -> str | None:
    """The spaced level a malformed word is a near miss of (`SS E C R E T`), the same reading
    as the classification rules' (validator.spelling)."""
    candidates = {level.replace(" ", ""): level for level in _SPACED_LEVELS}
    found = closest(written.replace(" ", "").upper(), candidates)
    return candidates[found] if found else None


def _level_suggestion(written: str) -> str:
    level = _closest_level(written)
    if level is not None:
        return f"did you mean `{level}`?"
    return "write the level as `UNCLAS`, `C O N F I D E N T I A L` or `S E C R E T`"


def _level_fix(level: Field) -> Fix | None:
    closest = _closest_level(level.text)
    if closest is None:
        return None
    return Fix(level.span, closest, f"write `{closest}`", safe=False)


_PREAMBLE_KIND = {
    "PARTIAL_BANNER": "partial-extract",
    "WEEKDAY_LINE": "weekday",
    "BARE_DTG": "bare-dtg",
    "PRINTER_PAGE_HEADER": "page-header",
    "LIST_PAGE_HEADER": "page-header",
    "DISTRIBUTION_FIRST": "distribution",
    "DISTRIBUTION_LINE": "distribution",
    "MAIL_NULL": "mail",
    "MAIL_LINE": "mail",
    "FOREIGN_LINE": "foreign",
}
_CAPTION_KIND: dict[str, CaptionKind] = {
    "CAPTION": "caption",
    "CORRECTED_COPY": "corrected-copy",
    "REVIEW_STAMP": "review-stamp",
}
# The elements each layout requires (ENVELOPE.md section 1), in the order E102 reports them.
_FRONT_MATTER = ("CLASSIFICATION", "EO_LINE", "TAGS_LINE", "SUBJECT_LINE")
_REQUIRED: dict[Layout, tuple[str, ...]] = {
    "acp127": (
        "ROUTING_LINE", "DE_LINE", "SECURITY_WARNING", "DTG_LINE", "FM_LINE", "ADDRESSEE_LIST",
        *_FRONT_MATTER,
    ),
    "dtg-first": ("DTG_LINE", "FM_LINE", "ADDRESSEE_LIST", *_FRONT_MATTER),
    "partial-extract": _FRONT_MATTER,
    "headerless": _FRONT_MATTER,
}  # fmt: skip
_LIST_OF_KEYWORD: dict[str, AddresseeList] = {
    "TO_KEYWORD": "to",
    "INFO_KEYWORD": "info",
    "XMT_KEYWORD": "xmt",
}

_HANDLERS: dict[str, Callable[[_Builder, LineToken], None]] = {
    **dict.fromkeys(_PREAMBLE_KIND, _Builder.preamble_line),
    "TRANSMISSION_ID": _Builder.transmission_id,
    "ROUTING_LINE": _Builder.routing_line,
    "ROUTING_CONTINUATION": _Builder.routing_line,
    "DE_LINE": _Builder.de_line,
    "SECURITY_WARNING": _Builder.security_warning,
    "DTG_LINE": _Builder.dtg_line,
    "FM_LINE": _Builder.originator,
    **dict.fromkeys(_LIST_OF_KEYWORD, _Builder.addressee_keyword),
    "ADDRESSEE": _Builder.addressee,
    "CLASSIFICATION": _Builder.classification,
    "CLASSIFICATION_BAD": _Builder.classification,
    **dict.fromkeys(_CAPTION_KIND, _Builder.caption),
    "PASSING_LINE": _Builder.passing_line,
    "EO_LINE": _Builder.eo_line,
    "TAGS_LINE": _Builder.tags_line,
    "TAGS_CONTINUATION": _Builder.tags_line,
    "SUBJECT_LINE": _Builder.open_block,
    "REF_LINE": _Builder.open_block,
    "CLASSIFIED_BY": _Builder.open_block,
    "REF_ITEM": _Builder.ref_item,
    "CONTINUATION": _Builder.continuation,
    "PAGE_LINE": _Builder.page_line,
    "QUOTE_LINE": _Builder.passing_line,
    **{
        name: _Builder.malformed_line
        for name in (
            "TRANSMISSION_ID_BAD",
            "ROUTING_LINE_BAD",
            "DE_LINE_BAD",
            "SECURITY_WARNING_BAD",
            "DTG_LINE_BAD",
        )
    },
}

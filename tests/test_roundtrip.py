"""Property tests: generated cables parse back to the values they were made from, produce no
finding, and no text (arbitrary or a damaged cable) makes the validator raise."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator import reference
from validator.api import validate_text
from validator.model import Cable
from validator.parse import parse_text
from validator.source import Source
from validator.synth import (
    ACP_LAYOUTS,
    LEVELS,
    MODERN_LAYOUTS,
    Envelope,
    Layout,
    RenderStyle,
    add_years,
    random_envelope,
    render,
    styles_for,
)


@st.composite
def envelopes(draw: st.DrawFn) -> Envelope:
    """A generated envelope, with the DTG, level and section count drawn by hypothesis (the
    rest follows from them) and the seed of everything else."""
    seed = draw(st.integers(min_value=0, max_value=2**32 - 1))
    dtg = draw(
        st.one_of(
            st.none(),
            st.datetimes(
                min_value=datetime(1973, 1, 1),
                max_value=datetime(2010, 12, 31, 23, 59),
            ).map(lambda moment: moment.replace(tzinfo=UTC)),
        )
    )
    level = draw(st.one_of(st.none(), st.sampled_from(LEVELS)))
    sections = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=6)))
    return random_envelope(random.Random(seed), dtg=dtg, level=level, sections=sections)


@st.composite
def styles(draw: st.DrawFn, envelope: Envelope) -> RenderStyle:
    return RenderStyle(
        draw(st.sampled_from(styles_for(envelope))),
        crlf=draw(st.booleans()),
        trailing_spaces=draw(st.booleans()),
        weekday_line=draw(st.booleans()),
        end_lines=draw(st.booleans()),
        long_lines=draw(st.booleans()),
    )


def parsed(cable: Cable) -> dict[str, Any]:
    """The model's values without spans."""
    values: dict[str, Any] = {}
    if cable.transmission is not None:
        values["transmission"] = (cable.transmission.channel.text, cable.transmission.sequence.text)
    if cable.routing is not None:
        values["routing"] = (
            cable.routing.precedence.text,
            tuple(ri.text for ri in cable.routing.indicators),
        )
    if cable.de_line is not None:
        de = cable.de_line
        values["de_line"] = (
            de.station.text,
            de.serial.text,
            de.section.text if de.section else None,
            de.day_of_year,
            de.time.text,
        )
    if cable.security_warning is not None:
        warning = cable.security_warning
        values["security_warning"] = f"{warning.prosign.text} {warning.group.text}"
    if cable.dtg is not None:
        info = cable.dtg.info_precedence
        values["dtg"] = (cable.dtg.datetime, cable.dtg.prosign, info.text if info else None)
    if cable.originator is not None:
        values["originator"] = cable.originator.address.text
    for name in ("to", "info"):
        entries = getattr(cable, name)
        values[name] = tuple(
            (
                entry.indicator.text if entry.indicator else None,
                entry.address.text,
                entry.precedence.text if entry.precedence else None,
                entry.mcn.text if entry.mcn else None,
            )
            for entry in entries
        )
    classification = cable.classification
    if classification is not None:
        level = reference.classification_level(classification.level.text)
        values["classification"] = (
            level.level if level else classification.level.text,
            classification.post.text,
            classification.serial.text,
            classification.section_number,
            classification.section_count,
        )
    values["captions"] = tuple(caption.name for caption in cable.captions)
    values["passing_lines"] = tuple(line.text.text for line in cable.passing_lines)
    if cable.eo is not None:
        eo = cable.eo
        values["eo"] = (
            eo.order.text,
            eo.not_applicable,
            eo.declassification_date,
            eo.code.text if eo.code else None,
        )
    if cable.tags is not None:
        values["tags"] = tuple(code.text for code in cable.tags.codes)
    if cable.subject is not None:
        marking = cable.subject.marking
        values["subject"] = (marking.text if marking else None, cable.subject.text.text)
    if cable.references is not None:
        values["references"] = tuple(
            (item.letter_value, item.text.text) for item in cable.references.items
        )
    if cable.classified_by is not None:
        section = cable.classified_by.reason_section
        values["classified_by"] = (
            section.text if section else None,
            tuple(letter.text for letter in cable.classified_by.reason_letters),
        )
    values["paragraphs"] = tuple(
        (paragraph.number_value, paragraph.marking.text if paragraph.marking else None)
        for paragraph in cable.paragraphs
    )
    values["pages"] = tuple(
        (
            int(page.section.text),
            int(page.page.text) if page.page else None,
            int(page.sections.text),
        )
        for page in cable.pages
    )
    end = cable.end
    values["end"] = (
        end.bt is not None,
        end.serial.text if end.serial else None,
        end.nnnn is not None,
    )
    return values


def expected(envelope: Envelope, style: RenderStyle) -> dict[str, Any]:
    """What the parser must read from `render(envelope, style)`."""
    values: dict[str, Any] = {}
    acp = style.layout in ACP_LAYOUTS
    if acp:
        xyz = style.layout == "xyz"
        sequence = envelope.channel_sequence % 72 if xyz else envelope.channel_sequence
        values["transmission"] = ("XYZ" if xyz else "XRO", f"{sequence:04d}")
        values["routing"] = (envelope.digraph, ("RUEHWEB",) if xyz else envelope.relay)
        values["de_line"] = (
            envelope.station,
            f"{envelope.serial % 10000:04d}",
            "01" if envelope.section_in_de_line else None,
            envelope.julian_day,
            f"{envelope.dtg:%H%M}",
        )
        values["security_warning"] = {
            "UNCLASSIFIED": "ZNR UUUUU",
            "CONFIDENTIAL": "ZNY CCCCC",
            "SECRET": "ZNY SSSSS",
        }[envelope.level]
    if style.shows_addressing:
        values["dtg"] = (envelope.dtg, envelope.precedence, envelope.info_precedence)
        values["originator"] = envelope.originator
    for name in ("to", "info"):
        values[name] = (
            tuple(
                (
                    entry.indicator if acp else None,
                    entry.address,
                    entry.precedence,
                    entry.mcn,
                )
                for entry in getattr(envelope, name)
            )
            if style.shows_addressing
            else ()
        )
    sections = envelope.sections if envelope.sections > 1 else None
    values["classification"] = (
        envelope.level,
        envelope.post,
        envelope.serial_text,
        1 if sections else None,
        sections,
    )
    values["captions"] = envelope.captions
    values["passing_lines"] = envelope.passing_lines
    values["eo"] = (
        envelope.order,
        envelope.instruction == "N/A",
        envelope.declassify_on,
        envelope.instruction if envelope.instruction in ("OADR", "GDS") else None,
    )
    values["tags"] = envelope.tags
    values["subject"] = (envelope.subject_marking, envelope.subject)
    if envelope.references:
        values["references"] = tuple((ref.letter, ref.text) for ref in envelope.references)
    if envelope.authority is not None:
        values["classified_by"] = (envelope.reason_section, envelope.reason_letters)
    values["paragraphs"] = tuple(
        (paragraph.number, paragraph.marking) for paragraph in envelope.paragraphs
    )
    values["pages"] = (
        tuple((page.section, page.page, envelope.sections) for page in envelope.page_breaks)
        if style.shows_pages
        else ()
    )
    end_lines = style.end_lines and acp
    values["end"] = (end_lines, f"{envelope.serial % 10000:04d}" if end_lines else None, end_lines)
    return values


def check_roundtrip(envelope: Envelope, style: RenderStyle) -> None:
    text = render(envelope, style)
    report = validate_text(text)
    assert report.cable is not None
    assert parsed(report.cable) == expected(envelope, style), text
    found = [(d.code, str(d.span)) for d in report.diagnostics]
    assert found == expected_findings(report.cable, style), text


def expected_findings(cable: Cable, style: RenderStyle) -> list[tuple[str, str]]:
    """A generated cable is valid: no finding, except the damage a layout reproduces on
    purpose. The OCR copy writes each `¶` as LaTeX, which O601 reports on the sign."""
    if style.layout != "ocr":
        return []
    return [("O601", str(p.sign.span)) for p in cable.paragraphs if p.sign is not None]


@given(envelopes(), st.data())
def test_generated_cable_parses_to_its_values_without_findings(
    envelope: Envelope, data: st.DataObject
) -> None:
    check_roundtrip(envelope, data.draw(styles(envelope)))


def test_every_layout_round_trips() -> None:
    """Each layout and level at least once per run, whatever hypothesis draws."""
    rng = random.Random(1106)
    for layout in MODERN_LAYOUTS:
        for level in LEVELS:
            dtg = datetime(2009, 9, 9, 16, 57, tzinfo=UTC)
            envelope = random_envelope(rng, dtg=dtg, level=level, sections=3)
            check_roundtrip(envelope, RenderStyle(layout))


@pytest.mark.parametrize(
    ("dtg", "order", "instruction"),
    [
        (datetime(1975, 5, 2, 8, 15, tzinfo=UTC), "11652", "GDS"),
        (datetime(1980, 11, 3, 14, 1, tzinfo=UTC), "12065", "GDS"),
        (datetime(1987, 8, 14, 11, 30, tzinfo=UTC), "12356", "OADR"),
        (datetime(1997, 3, 17, 9, 52, tzinfo=UTC), "12958", "DECL"),
    ],
)
def test_older_eras_round_trip(dtg: datetime, order: str, instruction: str) -> None:
    rng = random.Random(dtg.year)
    for level in LEVELS:
        envelope = random_envelope(rng, dtg=dtg, level=level, sections=2)
        assert envelope.order == order
        assert envelope.instruction == (instruction if level != "UNCLASSIFIED" else "N/A")
        check_roundtrip(envelope, RenderStyle("older"))


def test_authority_written_as_paragraph_one() -> None:
    """Some 1995-2003 cables open paragraph 1 with `(U) CLASSIFIED BY`."""
    dtg = datetime(1998, 6, 2, 7, 40, tzinfo=UTC)
    drawn = (random_envelope(random.Random(seed), dtg=dtg, level="SECRET") for seed in range(99))
    envelope = next(e for e in drawn if e.spelling.authority_form == "paragraph")
    assert envelope.paragraphs[0].marking == "U"
    check_roundtrip(envelope, RenderStyle("older"))
    assert "\n1.  (U) CLASSIFIED BY " in render(envelope)


def test_styles_for_follows_the_era() -> None:
    rng = random.Random(7)
    modern = random_envelope(rng, dtg=datetime(2005, 3, 1, tzinfo=UTC))
    older: Layout = "older"
    assert styles_for(modern) == MODERN_LAYOUTS
    assert styles_for(random_envelope(rng, dtg=datetime(1990, 3, 1, tzinfo=UTC))) == (older,)


# ---------------------------------------------------------------------------------- robustness


def spans_inside(text: str) -> None:
    """Every diagnostic of the text stands inside it (an end-of-file position allowed)."""
    report = validate_text(text)
    source = Source.from_text(text)
    lines = source.text.split("\n")
    for diagnostic in report.diagnostics:
        for span in (diagnostic.span, *(label.span for label in diagnostic.secondary)):
            assert 1 <= span.line <= span.end_line <= len(lines), (diagnostic, text)
            assert 1 <= span.column <= len(lines[span.line - 1]) + 1, (diagnostic, text)
            assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, (diagnostic, text)
            if span.line == span.end_line:
                assert span.column <= span.end_column, (diagnostic, text)


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    spans_inside(text)


@given(st.text(alphabet=st.sampled_from("VZCDEOPRTUFMINSX0123456789 #/:.()\n¶$\\-"), max_size=300))
def test_envelope_like_text_never_raises(text: str) -> None:
    spans_inside(text)


MUTATIONS = ("delete", "duplicate", "swap", "edit", "truncate", "join")


@given(envelopes(), st.data())
def test_damaged_cable_never_raises(envelope: Envelope, data: st.DataObject) -> None:
    text = render(envelope, data.draw(styles(envelope)))
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        text = mutate(text, data)
    spans_inside(text)


def mutate(text: str, data: st.DataObject) -> str:
    """One damage: delete, duplicate or swap lines, join two lines, edit one character, or
    cut the text short."""
    lines = text.split("\n")
    kind = data.draw(st.sampled_from(MUTATIONS))
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    other = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "swap":
        lines[index], lines[other] = lines[other], lines[index]
    elif kind == "join" and index + 1 < len(lines):
        lines[index : index + 2] = [lines[index] + " " + lines[index + 1]]
    elif kind == "edit":
        line = lines[index]
        at = data.draw(st.integers(min_value=0, max_value=len(line)))
        character = data.draw(st.characters(codec="utf-8"))
        lines[index] = line[:at] + character + line[at + 1 :]
    elif kind == "truncate":
        joined = "\n".join(lines)
        return joined[: data.draw(st.integers(min_value=0, max_value=len(joined)))]
    return "\n".join(lines)


def test_parse_text_of_every_generated_layout_is_stable_under_crlf() -> None:
    """CRLF and trailing blanks change no value (the source normalises line ends)."""
    envelope = random_envelope(random.Random(42), dtg=datetime(2008, 2, 29, 14, 20, tzinfo=UTC))
    plain = parse_text(render(envelope, RenderStyle("xro"))).cable
    crlf = parse_text(render(envelope, RenderStyle("xro", crlf=True, trailing_spaces=True))).cable
    assert parsed(plain) == parsed(crlf)
    assert envelope.julian_day == 60


# ---------------------------------------------------------------------------------- generator


@given(envelopes())
def test_generated_values_agree_with_the_reference_tables(envelope: Envelope) -> None:
    """Routing indicators are paired with their addresses as the reference table pairs them,
    TAGS are known codes with a country, the order is the one in force, DECL is ten years on."""
    if envelope.dtg.year >= 2000:  # older copies show no routing indicator
        assert reference.pairing_cables(envelope.station, envelope.originator) > 0
    for entry in envelope.to + envelope.info:
        if entry.indicator is not None:
            assert reference.pairing_cables(entry.indicator, entry.address) > 0, entry
    codes = [code for code in envelope.tags if not code.startswith("(")]
    assert all(reference.tag_kind(code) is not None for code in codes), codes
    assert all(reference.tag_replacement(code) is None for code in codes), codes
    assert any(reference.is_geographic(code) for code in codes), codes
    assert len(set(envelope.tags)) == len(envelope.tags)
    order = reference.order_in_force(envelope.dtg.date())
    assert order is not None and envelope.order == order.number
    if envelope.instruction == "DECL":
        assert envelope.declassify_on == add_years(envelope.dtg.date(), 10)
    assert (envelope.instruction == "N/A") == (envelope.level == "UNCLASSIFIED")
    rank = {"UNCLASSIFIED": 0, "CONFIDENTIAL": 2, "SECRET": 3}[envelope.level]
    for paragraph in envelope.paragraphs:
        if paragraph.marking and not paragraph.whole_text:
            assert reference.paragraph_marking_rank(paragraph.marking) <= rank


def test_ten_years_after_a_leap_day_is_the_first_of_march() -> None:
    assert add_years(date(2008, 2, 29), 10) == date(2018, 3, 1)
    assert add_years(date(2009, 9, 9), 10) == date(2019, 9, 9)

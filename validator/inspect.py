"""The parsed model as plain data (for `cablelint inspect --format json`)."""

from __future__ import annotations

from typing import Any

from validator.model import Addressee, Cable, Field
from validator.source import Span

JSON = dict[str, Any]


def span_data(span: Span) -> list[int]:
    return [span.line, span.column, span.end_line, span.end_column]


def field_data(field: Field | None) -> JSON | None:
    if field is None:
        return None
    return {"text": field.text, "span": span_data(field.span)}


def _text(field: Field | None) -> str | None:
    return field.text if field is not None else None


def _addressee(entry: Addressee) -> JSON:
    return {
        "routing_indicator": _text(entry.indicator),
        "address": entry.address.text,
        "precedence": _text(entry.precedence),
        "serial": _text(entry.mcn),
        "span": span_data(entry.span),
    }


def cable_data(cable: Cable) -> JSON:
    """Every element of the envelope with its span, plus the values derived from them."""
    dtg, de, cls, eo = cable.dtg, cable.de_line, cable.classification, cable.eo
    moment = cable.dtg_datetime
    declassify = eo.declassification_date if eo else None
    return {
        "path": cable.path,
        "encoding": cable.encoding,
        "layout": cable.layout,
        "reference_id": cable.reference_id,
        "preamble": [{"kind": line.kind, "text": line.text.text} for line in cable.preamble],
        "transmission": (
            {
                "channel": cable.transmission.channel.text,
                "sequence": cable.transmission.sequence.text,
                "span": span_data(cable.transmission.span),
            }
            if cable.transmission
            else None
        ),
        "routing": (
            {
                "precedence": cable.routing.precedence.text,
                "indicators": [ri.text for ri in cable.routing.indicators],
                "span": span_data(cable.routing.span),
            }
            if cable.routing
            else None
        ),
        "de_line": (
            {
                "station": de.station.text,
                "serial": de.serial.text,
                "section": _text(de.section),
                "julian_day": de.julian_day.text,
                "time": de.time.text,
                "span": span_data(de.span),
            }
            if de
            else None
        ),
        "security_warning": (
            {
                "prosign": cable.security_warning.prosign.text,
                "group": cable.security_warning.group.text,
                "signals": _text(cable.security_warning.signals),
                "span": span_data(cable.security_warning.span),
            }
            if cable.security_warning
            else None
        ),
        "dtg": (
            {
                "precedence": dtg.prosign,
                "info_precedence": _text(dtg.info_precedence),
                "group": dtg.group.text,
                "utc": moment.strftime("%Y-%m-%dT%H:%MZ") if moment else None,
                "signals": _text(dtg.signals),
                "span": span_data(dtg.span),
            }
            if dtg
            else None
        ),
        "originator": (
            {
                "address": cable.originator.address.text,
                "post": cable.originator.post,
                "span": span_data(cable.originator.span),
            }
            if cable.originator
            else None
        ),
        "to": [_addressee(entry) for entry in cable.to],
        "info": [_addressee(entry) for entry in cable.info],
        "exempted": [_addressee(entry) for entry in cable.exempted],
        "classification": (
            {
                "level": cls.level_name,
                "written": cls.level.text,
                "control": _text(cls.control),
                "section": cls.section_number,
                "sections": cls.section_count,
                "post": cls.post.text,
                "serial": cls.serial.text,
                "span": span_data(cls.span),
            }
            if cls
            else None
        ),
        "captions": [{"kind": c.kind, "text": c.text.text} for c in cable.captions],
        "passing_lines": [line.text.text for line in cable.passing_lines],
        "eo": (
            {
                "order": eo.order.text,
                "instruction": eo.instruction.text,
                "not_applicable": eo.not_applicable,
                "declassify_on": declassify.isoformat() if declassify else None,
                "code": _text(eo.code),
                "span": span_data(eo.span),
            }
            if eo
            else None
        ),
        "tags": [code.text for code in cable.tags.codes] if cable.tags else None,
        "subject": (
            {
                "marking": _text(cable.subject.marking),
                "text": cable.subject.text.text,
                "span": span_data(cable.subject.span),
            }
            if cable.subject
            else None
        ),
        "references": (
            [
                {"letter": item.letter_value, "text": item.text.text}
                for item in cable.references.items
            ]
            if cable.references
            else None
        ),
        "classified_by": (
            {
                "text": cable.classified_by.text.text,
                "reason_section": _text(cable.classified_by.reason_section),
                "reasons": [letter.text for letter in cable.classified_by.reason_letters],
                "span": span_data(cable.classified_by.span),
            }
            if cable.classified_by
            else None
        ),
        "paragraphs": [
            {
                "number": p.number_value,
                "marking": _text(p.marking),
                "whole_text": p.whole_text,
                "line": p.span.line,
            }
            for p in cable.paragraphs
        ],
        "pages": {
            "count": len(cable.pages),
            "lines": [
                {
                    "post": page.post.text,
                    "serial": page.serial.text,
                    "section": page.section.text,
                    "page": _text(page.page),
                    "sections": page.sections.text,
                    "line": page.span.line,
                }
                for page in cable.pages
            ],
        },
        "end": {
            "bt": cable.end.bt is not None,
            "serial": _text(cable.end.serial),
            "nnnn": cable.end.nnnn is not None,
        },
    }

"""Levels shared by the C rules: the cable's level, paragraph markings, NOFORN, captions.

Levels compare by rank (classification.tsv): UNCLASSIFIED, SBU, LOU and the other
unclassified controls 0, CONFIDENTIAL 2, SECRET 3, TOP SECRET 4. A portion marking ranks by
its first component (`S//REL TO USA, FVEY` is SECRET); a whole-text marking by its level word
(`1.  CONFIDENTIAL - ENTIRE TEXT.`, misspellings included).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from validator.model import Cable, Caption, Field, Paragraph
from validator.reference import (
    ClassificationLevel,
    classification_level,
    classification_levels,
    level_for_caption,
    paragraph_marking_rank,
)
from validator.rules._memo import per_cable
from validator.spelling import closest

_COMPONENTS = re.compile(r"[\s/-]+")
_NOFORN_WORDS = frozenset({"NF", "NOFORN"})


@cache
def _levels_by_word() -> dict[str, ClassificationLevel]:
    words = {"".join(level.level.split()): level for level in classification_levels()}
    words["UNCLAS"] = words["UNCLASSIFIED"]
    return words


@lru_cache(maxsize=256)  # near misses recur (`SS E C R E T` in each section of a cable)
def recovered_level(written: str) -> ClassificationLevel | None:
    """The level a classification word names, or the one it is a near miss of
    (`SS E C R E T`, `E C R E T`, `CONFIDENTLAL`: ENVELOPE.md C4); None if neither."""
    level = classification_level(written)
    if level is not None:
        return level
    word = closest("".join(written.upper().split()), _levels_by_word())
    return _levels_by_word()[word] if word else None


@per_cable
def cable_level(cable: Cable) -> ClassificationLevel | None:
    """The level of the classification line, recovered when the word is malformed (the
    parser reports the malformed word itself, E101)."""
    line = cable.classification
    return recovered_level(line.level.text) if line else None


def level_words(cable: Cable) -> str:
    """How a finding names the cable's level: `SECRET`, or `SECRET (read from `SS E C R E T`)`
    when the word had to be recovered."""
    line, level = cable.classification, cable_level(cable)
    if line is None or level is None:
        return "unknown"
    if line.malformed:
        return f"{level.level} (read from `{line.level.text}`)"
    return level.level


def rank_name(rank: int) -> str:
    """The level a rank stands for: `SECRET` for 3, `UNCLASSIFIED` for the unclassified
    controls (0)."""
    names = [level.level for level in classification_levels() if level.rank == rank]
    return names[0] if names else f"rank {rank}"


@lru_cache(maxsize=1024)  # the same few markings recur in every cable
def marking_rank(marking: str) -> int | None:
    """Rank of a portion marking (`C`, `s/nf`, `SBU`, `S//REL NATO`); None if unknown."""
    try:
        return paragraph_marking_rank(marking)
    except KeyError:
        return None


def whole_text_rank(level_word: str) -> int | None:
    """Rank of a whole-text marking's level word: `C`, `SECRET/NOFORN/WNINTEL`,
    `C O N F I D E N T I A L`, `CONFIDENTLAL`, `CLASSIFIED CONFIDENTIAL`; None if unknown."""
    first = level_word.split("/")[0].strip()
    rank = marking_rank(first)
    if rank is not None:
        return rank
    for candidate in (first, first.split()[-1] if first.split() else ""):
        level = recovered_level(candidate) if candidate else None
        if level is not None:
            return level.rank
    return None


class Marking(NamedTuple):
    """A portion marking with its rank: a paragraph's, a whole-text line's or the SUBJECT's."""

    field: Field
    rank: int
    whole_text: bool
    paragraph: Paragraph | None

    @property
    def written(self) -> str:
        """The marking as a reader sees it: `(S/NF)`, or the level word of a whole-text line."""
        return self.field.text if self.whole_text else f"({self.field.text})"

    @property
    def described(self) -> str:
        """`paragraph 3 is marked `(S)``, `the whole-text marking reads `SECRET``, `the SUBJECT
        is marked `(C)``."""
        if self.paragraph is None:
            return f"the SUBJECT is marked `{self.written}`"
        if self.whole_text:
            return f"the whole-text marking reads `{self.written}`"
        return f"paragraph {self.paragraph.number.text} is marked `{self.written}`"

    @property
    def level_component(self) -> str:
        """The first component, upper case: `SBU` for `sbu/nf`, `S` for `S//REL NATO`."""
        return _COMPONENTS.split(self.field.text.strip().upper(), maxsplit=1)[0]

    @property
    def noforn(self) -> bool:
        return is_noforn(self.field.text)


@per_cable
def portion_markings(cable: Cable) -> list[Marking]:
    """The known markings of the text: the SUBJECT's, then the numbered paragraphs'."""
    markings: list[Marking] = []
    subject = cable.subject.marking if cable.subject else None
    subject_rank = marking_rank(subject.text) if subject else None
    if subject is not None and subject_rank is not None:
        markings.append(Marking(subject, subject_rank, False, None))
    for paragraph in cable.paragraphs:
        marking = paragraph.marking
        if marking is None:
            continue
        rank = whole_text_rank(marking.text) if paragraph.whole_text else marking_rank(marking.text)
        if rank is not None:
            markings.append(Marking(marking, rank, paragraph.whole_text, paragraph))
    return markings


@lru_cache(maxsize=1024)  # the same few markings recur in every cable
def is_noforn(marking: str) -> bool:
    """A marking that forbids foreign release: `S/NF`, `C//NF`, `C NF`, `S-NOFORN`,
    `SECRET/NOFORN/...`, and `SBU/N` (SBU NOFORN, 5 FAH-1 H-240)."""
    first, *controls = _COMPONENTS.split(marking.strip().upper())
    return any(word in _NOFORN_WORDS or (first == "SBU" and word == "N") for word in controls)


@per_cable
def unclassified_captions(cable: Cable) -> list[tuple[Caption, ClassificationLevel]]:
    """Captions that name an unclassified control (`SENSITIVE`, `SENSITIVE BUT
    UNCLASSIFIED`, `LIMITED OFFICIAL USE`, `FOR OFFICIAL USE ONLY`) with that control."""
    found: list[tuple[Caption, ClassificationLevel]] = []
    for caption in cable.captions:
        if caption.kind != "caption":
            continue
        control = _control_named(caption.name)
        if control is not None:
            found.append((caption, control))
    return found


@lru_cache(maxsize=256)  # the same few captions recur in every cable
def _control_named(caption: str) -> ClassificationLevel | None:
    """The unclassified control a caption names, or None for any other caption."""
    # `SENSITIVE BUT UNCLASSIFIED` writes out the level the `SENSITIVE` caption stands for.
    level = level_for_caption(caption) or classification_level(caption)
    return level if level is not None and level.caption else None

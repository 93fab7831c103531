"""Facts several rules derive from the same cable, computed once per cable."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from validator.model import Cable

_Result = TypeVar("_Result")

# How to empty each memo: run_rules empties them all once a cable's rules have run.
_FORGET: list[Callable[[], None]] = []


def per_cable(function: Callable[[Cable], _Result]) -> Callable[[Cable], _Result]:
    """Remember the result for the cable asked about last.

    Rules run one cable at a time, so a one-entry memo keyed by the cable itself serves every
    rule that asks after the first. It holds that one cable alive until `forget_cables`.
    """
    last: tuple[Cable, _Result] | None = None

    @wraps(function)
    def remembered(cable: Cable) -> _Result:
        nonlocal last
        if last is not None and last[0] is cable:
            return last[1]
        result = function(cable)
        last = (cable, result)
        return result

    def forget() -> None:
        nonlocal last
        last = None

    _FORGET.append(forget)
    return remembered


def forget_cables() -> None:
    """Empty every memo. A memo that the next cable's rules do not ask (the element it is
    about is absent) would otherwise keep an earlier cable, with its source, alive."""
    for forget in _FORGET:
        forget()

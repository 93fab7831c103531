"""FirstSeen: the first value of each key, the same whether a key is in memory or on disk."""

from __future__ import annotations

import errno
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.first_seen import FirstSeen

ODD_TEXTS = ["", "line\nbreak", "tab\there", "Ærø €", "\udcff\udc80 escaped", "\x00\r\n", "日本"]


@contextmanager
def _hash(function: Callable[[str], int]) -> Iterator[None]:
    """`function` for the hash the module files keys by (the dict keeps the real one)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("validator.first_seen.hash", function, raising=False)
        yield


def _all_seen_again(seen: FirstSeen, pairs: list[tuple[str, str | None]]) -> None:
    assert [seen.first(key, "later") for key, _ in pairs] == [(True, value) for _, value in pairs]


def test_first_seen_moves_keys_to_disk_and_keeps_the_first_value() -> None:
    seen = FirstSeen(in_memory=3)
    assert [seen.first(f"k{n}", f"v{n}") for n in range(10)] == [
        (False, f"v{n}") for n in range(10)
    ]
    assert seen._batches and len(seen._recent) <= 3
    assert [seen.first(f"k{n}", "later") for n in range(10)] == [(True, f"v{n}") for n in range(10)]
    assert seen.first("none", None) == (False, None) and seen.first("none", "x") == (True, None)
    seen.close()


def test_a_small_run_makes_no_file() -> None:
    seen = FirstSeen()
    assert [seen.first(key, "v") for key in ("a", "b", "a")] == [(False, "v")] * 2 + [(True, "v")]
    assert seen._file is None
    seen.close()


def test_close_deletes_the_file() -> None:
    seen = FirstSeen(in_memory=1)
    seen.first("a", "1")
    seen.first("b", "2")
    file = seen._file
    assert file is not None
    seen.close()
    assert file.closed and seen._file is None


def test_keys_on_disk_across_many_batches_and_chunks() -> None:
    seen = FirstSeen(in_memory=150)  # more than one chunk a batch
    pairs: list[tuple[str, str | None]] = [
        (f"{n:05}", f"path/{n}" if n % 7 else None) for n in range(2_000)
    ]
    assert [seen.first(key, value) for key, value in pairs] == [(False, v) for _, v in pairs]
    assert len(seen._batches) > 10
    _all_seen_again(seen, pairs)
    seen.close()


def test_odd_characters_and_none_values_come_back_from_disk_exactly() -> None:
    seen = FirstSeen(in_memory=2)
    pairs: list[tuple[str, str | None]] = [
        *((key, value) for key in ODD_TEXTS for value in [f"{key}/value"]),
        *((f"none {key}", None) for key in ODD_TEXTS),
        *((f"value {n}", value) for n, value in enumerate(ODD_TEXTS)),
    ]
    assert [seen.first(key, value) for key, value in pairs] == [(False, v) for _, v in pairs]
    _all_seen_again(seen, pairs)
    seen.close()


@pytest.mark.parametrize("colliding_hash", [lambda key: 7, lambda key: len(key) - 3])
def test_keys_sharing_a_hash_are_told_apart(colliding_hash: Callable[[str], int]) -> None:
    pairs: list[tuple[str, str | None]] = [(f"k{n}", f"v{n}") for n in range(300)]
    with _hash(colliding_hash):
        seen = FirstSeen(in_memory=100)
        assert [seen.first(key, value) for key, value in pairs] == [(False, v) for _, v in pairs]
        assert len(seen._batches) == 2
        _all_seen_again(seen, pairs)
        assert seen.first("k300", "new") == (False, "new")  # the hash of k100 to k299
        seen.close()


class _FullDisk(io.BytesIO):
    """A temporary file on a disk that fills up once `full` is set."""

    full = False

    def flush(self) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        super().flush()


def test_keys_stay_in_memory_when_no_file_can_be_made(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_file() -> io.BytesIO:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.TemporaryFile", no_file)
    seen = FirstSeen(in_memory=2)
    pairs: list[tuple[str, str | None]] = [(f"k{n}", f"v{n}") for n in range(20)]
    assert [seen.first(key, value) for key, value in pairs] == [(False, v) for _, v in pairs]
    assert not seen._batches and len(seen._recent) == 20
    _all_seen_again(seen, pairs)
    seen.close()


def test_keys_stay_in_memory_when_the_file_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    disk = _FullDisk()
    monkeypatch.setattr("tempfile.TemporaryFile", lambda: disk)
    seen = FirstSeen(in_memory=2)
    pairs: list[tuple[str, str | None]] = [(f"k{n}", f"v{n}") for n in range(20)]
    assert [seen.first(key, value) for key, value in pairs[:3]] == [
        (False, "v0"),
        (False, "v1"),
        (False, "v2"),
    ]
    assert len(seen._batches) == 1  # k0 and k1 on disk
    disk.full = True
    assert [seen.first(key, value) for key, value in pairs[3:]] == [
        (False, v) for _, v in pairs[3:]
    ]
    assert len(seen._batches) == 1 and len(seen._recent) == 18
    _all_seen_again(seen, pairs)
    seen.close()


@given(
    pairs=st.lists(
        st.tuples(
            st.text(alphabet=st.sampled_from("ab\n\udcff€"), max_size=3),
            st.none() | st.text(max_size=4),
        ),
        max_size=60,
    ),
    in_memory=st.integers(1, 5),
    colliding=st.booleans(),
)
def test_first_answers_as_a_dict_does(
    pairs: list[tuple[str, str | None]], in_memory: int, colliding: bool
) -> None:
    model: dict[str, str | None] = {}
    with _hash(len) if colliding else nullcontext():
        seen = FirstSeen(in_memory)
        for key, value in pairs:
            assert seen.first(key, value) == ((key in model), model.setdefault(key, value))
        seen.close()

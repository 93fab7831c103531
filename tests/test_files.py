"""Atomic writes (validator/_files.py): the temporary file beside the target, its mode, and
what is left after a failure."""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

import pytest

from validator._files import atomic_writer


def test_a_new_file_gets_the_mode_a_plain_open_gives(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "sub" / "report.json") as stream:
            stream.write("{}\n")
    finally:
        os.umask(umask)
    written = tmp_path / "sub" / "report.json"
    assert written.read_text() == "{}\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    assert os.listdir(written.parent) == ["report.json"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old\n")
    target.chmod(0o640)
    with atomic_writer(target) as stream:
        stream.write("new\n")
    assert (target.read_text(), stat.S_IMODE(target.stat().st_mode)) == ("new\n", 0o640)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert os.listdir(tmp_path) == ["report.json"]
    assert target.read_text() == "old\n"


def test_a_temporary_name_taken_already_is_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = itertools.chain([b"\x00" * 6, b"\x00" * 6], itertools.repeat(b"\x01" * 6))
    monkeypatch.setattr(os, "urandom", lambda size: next(draws))
    (tmp_path / ".report.json.000000000000.tmp").write_text("someone else's\n")
    with atomic_writer(tmp_path / "report.json") as stream:
        stream.write("{}\n")
    assert sorted(os.listdir(tmp_path)) == [".report.json.000000000000.tmp", "report.json"]
    assert (tmp_path / ".report.json.000000000000.tmp").read_text() == "someone else's\n"

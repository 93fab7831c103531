"""Robustness (issue 7): any bytes, any encoding, any file-system oddity.

Whatever a file holds or is, `validate_path` and the command line give a report or a clean
error, never a traceback; every finding stands inside its file; a file that cannot be checked
is named and the run goes on; no input file is touched; the output does not depend on the run.

Text-level properties (arbitrary text, damaged generated cables as text) are in
test_roundtrip.py; this module covers what reaches the validator as bytes, through files,
folders and the command line. Tests that could block (named pipes) run under a time limit.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import random
import shutil
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.cli_support import JULIAN_OFF, cable, call_cli, find_targets, run_cli, write
from tests.conftest import PROJECT_CORPUS
from tests.test_roundtrip import envelopes, mutate, styles
from validator.api import Report, validate_path, validate_text
from validator.config import Settings
from validator.render import FORMATS
from validator.runner import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, run, run_options
from validator.source import Source, Span
from validator.synth import Envelope, render

T = TypeVar("T")

# A subprocess costs a few tenths of a second: the command-line fuzz runs few examples.
CLI_EXAMPLES = min(100, max(3, settings().max_examples // 40))
# Hypothesis tests that write into one scratch folder shared by their examples.
FILE_SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


# -- what every report must satisfy ------------------------------------------------------------


def spans_of(report: Report) -> Iterator[tuple[str, Span]]:
    for diagnostic in report.diagnostics:
        yield diagnostic.code, diagnostic.span
        for label in diagnostic.secondary:
            yield diagnostic.code, label.span
        if diagnostic.fix is not None:
            yield diagnostic.code, diagnostic.fix.span


def assert_well_formed(report: Report) -> None:
    """A report of a file that was read: every span inside the decoded text; otherwise one
    E100 at 1:1 (not text) or an error and no finding (not read)."""
    source = report.source
    if source is None:
        if report.error is not None:
            assert report.diagnostics == ()
        else:
            assert [(d.code, d.span) for d in report.diagnostics] == [("E100", Span(1, 1, 1, 1))]
        return
    assert report.error is None
    lines = source.text.split("\n")
    count = source.line_count
    for code, span in spans_of(report):
        where = (code, span, count)
        assert 1 <= span.line <= span.end_line <= count, where
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, where
        assert 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1, where
        assert (span.line, span.column) <= (span.end_line, span.end_column), where


def findings(report: Report) -> list[tuple[str, Span]]:
    return [(d.code, d.span) for d in report.diagnostics]


def within(seconds: float, call: Callable[[], T]) -> T:
    """`call()` in a thread; fails (instead of hanging the test run) if it has not returned."""
    results: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            results.append(call())
        except BaseException as error:  # re-raised in the test's thread
            errors.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked reading?)"
    if errors:
        raise errors[0]
    return results[0]


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """`run_cli`: exit status, output and messages; a traceback fails the test. (A file name
    that is not UTF-8 is passed as `os.fsdecode(name)`: it reaches the program as its bytes.)"""
    done = run_cli(*args, cwd=cwd, env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the fuzz examples (each example overwrites its file)."""
    return tmp_path_factory.mktemp("fuzz")


# -- bytes ---------------------------------------------------------------------------------------

BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def encoded_texts() -> st.SearchStrategy[bytes]:
    """Text in one of the encodings the reader knows, with or without a byte-order mark."""
    return st.builds(
        lambda text, encoding, bom: bom + text.encode(encoding, errors="replace"),
        st.text(),
        st.sampled_from(("utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1")),
        st.sampled_from(BOMS),
    )


@FILE_SETTINGS
@given(st.one_of(st.binary(max_size=4096), encoded_texts(), st.sampled_from(BOMS)))
def test_any_bytes_in_a_file_give_a_report(scratch: Path, data: bytes) -> None:
    path = scratch / "any.txt"
    path.write_bytes(data)
    report = validate_path(path)
    assert report.error is None
    assert_well_formed(report)


ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-sig": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "cp1252": lambda text: text.encode("cp1252"),
    "latin-1": lambda text: text.encode("latin-1"),
}
NEWLINES = ("\n", "\r\n", "\r")


def encodings_for(text: str) -> list[str]:
    """The encodings that can hold `text` (single-byte ones lack most of Unicode)."""
    usable = []
    for name, encode in ENCODERS.items():
        try:
            encode(text)
        except UnicodeEncodeError:
            continue
        usable.append(name)
    return usable


def damage_bytes(data: bytes, draw: st.DataObject) -> bytes:
    """One damage done to the bytes: a byte changed, inserted or removed, a line deleted,
    repeated or swapped with another (lines split at LF bytes), or the file cut short (which
    may split a multi-byte character)."""
    kind = draw.draw(st.sampled_from(("set", "insert", "remove", "lines", "truncate")))
    at = draw.draw(st.integers(min_value=0, max_value=len(data)))
    if kind == "set" and at < len(data):
        return data[:at] + bytes([draw.draw(st.integers(0, 255))]) + data[at + 1 :]
    if kind == "insert":
        return data[:at] + draw.draw(st.binary(min_size=1, max_size=4)) + data[at:]
    if kind == "remove":
        return data[:at] + data[at + draw.draw(st.integers(min_value=1, max_value=8)) :]
    if kind == "truncate":
        return data[:at]
    lines = data.split(b"\n")
    index = draw.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    other = draw.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    action = draw.draw(st.sampled_from(("delete", "repeat", "swap")))
    if action == "delete":
        del lines[index]
    elif action == "repeat":
        lines.insert(index, lines[index])
    else:
        lines[index], lines[other] = lines[other], lines[index]
    return b"\n".join(lines)


@FILE_SETTINGS
@given(envelopes(), st.data())
def test_damaged_cable_bytes_give_a_report(
    scratch: Path, envelope: Envelope, data: st.DataObject
) -> None:
    text = render(envelope, data.draw(styles(envelope)))
    text = text.replace("\n", data.draw(st.sampled_from(NEWLINES)))
    encoding = data.draw(st.sampled_from(encodings_for(text)))
    raw = ENCODERS[encoding](text)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        raw = damage_bytes(raw, data)
    path = scratch / "damaged.txt"
    path.write_bytes(raw)
    assert_well_formed(validate_path(path))


@FILE_SETTINGS
@given(envelopes(), st.data())
def test_encoding_and_line_ends_change_no_finding(
    scratch: Path, envelope: Envelope, data: st.DataObject
) -> None:
    """A (damaged) generated cable written in any encoding, with any line ends, with or
    without a final line break, gives the findings of its text, at the same places."""
    text = render(envelope, data.draw(styles(envelope)))
    for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
        text = mutate(text, data)
    reference = validate_text(text, path="cable.txt")
    written = text.replace("\n", data.draw(st.sampled_from(NEWLINES)))
    if data.draw(st.booleans()):
        written = written.removesuffix("\r\n").removesuffix("\n").removesuffix("\r")
    encoding = data.draw(st.sampled_from(encodings_for(written)))
    path = scratch / "cable.txt"
    path.write_bytes(ENCODERS[encoding](written))
    report = validate_path(path)
    assert_well_formed(report)
    # Only where the reader gets the text back: cp1252 bytes that happen to be valid UTF-8,
    # a byte-order mark typed into the text, a NUL or a stray CR make another text.
    assert reference.source is not None
    if report.source is None or report.source.text.rstrip("\n") != (
        reference.source.text.rstrip("\n")
    ):
        event("not compared: the reader made another text of the bytes")
        return
    event(f"compared ({encoding})")
    assert findings(report) == findings(reference), (encoding, written)


# -- encodings and line ends on the project's cables -----------------------------------------------


def _corpus_cables() -> list[Path]:
    return sorted(PROJECT_CORPUS.glob("*/*.txt"))


VARIANTS: dict[str, tuple[Callable[[str], bytes], str]] = {
    # name: (text -> bytes, the encoding the reader must report)
    "utf-8": (ENCODERS["utf-8"], "utf-8"),
    "utf-8 with BOM": (ENCODERS["utf-8-sig"], "utf-8-sig"),
    "utf-16-le with BOM": (ENCODERS["utf-16-le"], "utf-16"),
    "utf-16-be with BOM": (ENCODERS["utf-16-be"], "utf-16"),
    "cp1252": (ENCODERS["cp1252"], "cp1252"),
    # Latin-1 text without C1 controls is also cp1252 text: the reader calls it cp1252.
    "latin-1": (ENCODERS["latin-1"], "cp1252"),
    "CRLF": (lambda text: text.replace("\n", "\r\n").encode(), "utf-8"),
    "lone CR": (lambda text: text.replace("\n", "\r").encode(), "utf-8"),
    "no final line break": (lambda text: text.rstrip("\n").encode(), "utf-8"),
    "cp1252 CRLF, no final line break": (
        lambda text: text.rstrip("\n").replace("\n", "\r\n").encode("cp1252"),
        "cp1252",
    ),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_encoding_and_line_end_gives_the_same_findings(tmp_path: Path, variant: str) -> None:
    encode, encoding = VARIANTS[variant]
    compared = 0
    for original in _corpus_cables():
        text = Source.from_path(original).text  # some are cp1252, CRLF, with a BOM
        try:
            data = encode(text)
        except UnicodeEncodeError:
            continue  # curly quotes have no Latin-1 byte
        copy = tmp_path / original.name
        copy.write_bytes(data)
        report = validate_path(copy)
        assert report.source is not None, original.name
        if report.source.text.rstrip("\n") != text.rstrip("\n"):
            # Mojibake written as cp1252 is the UTF-8 of the repaired text: read as UTF-8.
            assert original.name.startswith("O604") and encoding == "cp1252", original.name
            continue
        # ASCII is read as UTF-8, whatever it was written as.
        assert report.source.encoding == ("utf-8" if data.isascii() else encoding), original.name
        assert findings(report) == findings(validate_path(original)), original.name
        compared += 1
    assert compared >= 40


def test_pilcrow_byte_0xb6_is_read_as_a_paragraph_sign(tmp_path: Path) -> None:
    text = cable().replace("SUBJECT: ALMATY NOTES\n", "SUBJECT: ALMATY NOTES\n\n¶1. (U) Text.\n")
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    assert b"\xb61. (U)" in (tmp_path / "cp1252.txt").read_bytes()
    report = validate_path(tmp_path / "cp1252.txt")
    assert report.cable is not None and report.source is not None
    assert report.source.encoding == "cp1252"
    assert [(p.sign.text if p.sign else None, p.number.text) for p in report.cable.paragraphs] == [
        ("¶", "1")
    ]
    assert findings(report) == []


def test_latin1_with_a_c1_byte_is_read_as_latin1(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252; in Latin-1 it is a (C1) control character.
    (tmp_path / "latin1.txt").write_bytes(cable().encode("latin-1") + b"\xb6\x81\n")
    report = validate_path(tmp_path / "latin1.txt")
    assert report.source is not None and report.source.encoding == "latin-1"
    assert report.source.text.endswith("¶\x81\n")


def test_inspect_reports_the_encoding_it_detected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = cable()
    files = {
        "utf-8": text.encode(),
        "utf-8-sig": codecs.BOM_UTF8 + text.encode(),
        "utf-16": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "cp1252": text.replace("ALMATY NOTES", "ALMATY ¶ NOTES").encode("cp1252"),
        "latin-1": text.encode("latin-1") + b"\x81\n",
    }
    for name, data in files.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
    paths = [str(tmp_path / f"{name}.txt") for name in files]
    status, out, err = call_cli(capsys, "inspect", "--format", "json", *paths)
    assert (status, err) == (0, "")
    assert [document["encoding"] for document in json.loads(out)] == list(files)


# -- NUL bytes, binary files ---------------------------------------------------------------------


def test_nul_in_the_first_8_kib_makes_the_file_binary(tmp_path: Path) -> None:
    """The decision (E100's documentation): a NUL byte near the top is binary data, not a
    damaged cable; text in UTF-16 needs its byte-order mark to be read as text."""
    text = cable()
    for name, data in (
        ("nul-in-envelope.txt", text.replace("TAGS", "TA\x00GS").encode()),
        ("utf-16-without-bom.txt", text.encode("utf-16-le")),
    ):
        (tmp_path / name).write_bytes(data)
        report = validate_path(tmp_path / name)
        assert findings(report) == [("E100", Span(1, 1, 1, 1))], name
        assert report.diagnostics[0].label == "binary data (NUL or control bytes)"


def test_nul_deep_in_a_long_body_is_kept_as_text(tmp_path: Path) -> None:
    """Only the first 8 KiB are sampled: a NUL far into the body is a character of the text,
    and the envelope is checked as usual."""
    text = cable(de_date_time=JULIAN_OFF) + "\n" + "SOME PROSE OF THE BODY.\n" * 500
    (tmp_path / "nul.txt").write_bytes((text + "\x00 END OF TEXT\n").encode())
    (tmp_path / "clean.txt").write_bytes(text.encode())
    report = validate_path(tmp_path / "nul.txt")
    assert report.source is not None and "\x00" in report.source.text
    assert_well_formed(report)
    assert findings(report) == findings(validate_path(tmp_path / "clean.txt"))
    assert "D202" in {code for code, _ in findings(report)}


@pytest.mark.parametrize(
    "data",
    [
        PNG_HEADER + bytes(range(256)),
        bytes(random.Random(7).getrandbits(8) for _ in range(5000)) + b"\x00",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\x00\x01\x02\x03",
    ],
    ids=["png", "random-bytes", "pdf"],
)
def test_binary_file_gives_exactly_one_e100(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "binary.txt").write_bytes(data)
    report = validate_path(tmp_path / "binary.txt")
    assert (findings(report), report.error, report.cable) == (
        [("E100", Span(1, 1, 1, 1))],
        None,
        None,
    )


def test_run_goes_on_after_binary_files(tmp_path: Path) -> None:
    write(tmp_path, "cables/a-cable.txt", cable(de_date_time=JULIAN_OFF))
    (tmp_path / "cables" / "image.txt").write_bytes(PNG_HEADER + b"\x00" * 64)
    (tmp_path / "cables" / "noise.txt").write_bytes(bytes(random.Random(3).randbytes(3000)) + b"\0")
    status, out, _ = cli("validate", "--format", "json", "-j1", "cables", cwd=tmp_path)
    assert status == EXIT_FINDINGS
    found = {f["path"]: [d["code"] for d in f["diagnostics"]] for f in json.loads(out)["files"]}
    assert found == {
        "cables/a-cable.txt": ["D202"],
        "cables/image.txt": ["E100"],
        "cables/noise.txt": ["E100"],
    }


# -- the command line on fuzzed files ------------------------------------------------------------


def cli_files() -> st.SearchStrategy[bytes]:
    """Bytes for a file: arbitrary, text in some encoding, or a damaged generated cable."""

    @st.composite
    def damaged(draw: st.DrawFn) -> bytes:
        envelope = draw(envelopes())
        text = render(envelope, draw(styles(envelope)))
        raw = text.encode("utf-8")
        data = draw(st.data())
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            raw = damage_bytes(raw, data)
        return raw

    return st.one_of(st.binary(max_size=2048), encoded_texts(), damaged())


@settings(max_examples=CLI_EXAMPLES)
@given(st.lists(cli_files(), min_size=1, max_size=4))
def test_command_line_on_fuzzed_files_never_fails(
    tmp_path_factory: pytest.TempPathFactory, files: list[bytes]
) -> None:
    folder = tmp_path_factory.mktemp("cli")
    names = [f"f{index}.txt" for index in range(len(files))]
    for name, data in zip(names, files, strict=True):
        (folder / name).write_bytes(data)
    status, out, _ = cli("validate", "--format", "json", "-j1", ".", cwd=folder)
    assert status in (EXIT_OK, EXIT_FINDINGS)
    document = json.loads(out)
    assert [f["path"] for f in document["files"]] == names
    assert all(f["error"] is None for f in document["files"])
    assert (status == EXIT_FINDINGS) == document["summary"]["failed"]


# -- the file system -----------------------------------------------------------------------------


def test_folder_named_like_a_cable(tmp_path: Path) -> None:
    """A folder called `x.txt` is a folder: searched when named, never read as a file."""
    write(tmp_path, "x.txt/inner.txt", cable(de_date_time=JULIAN_OFF))
    report = validate_path(tmp_path / "x.txt")
    assert (report.error, report.diagnostics) == ("cannot read: not a regular file (a folder)", ())
    status, out, _ = cli("validate", "--format", "json", "-j1", "x.txt", cwd=tmp_path)
    assert status == EXIT_FINDINGS
    assert [f["path"] for f in json.loads(out)["files"]] == ["x.txt/inner.txt"]
    status, _, err = cli("inspect", "x.txt", cwd=tmp_path)
    assert status == EXIT_ERROR
    assert "x.txt: cannot read: not a regular file (a folder)" in err


def test_dangling_symlink_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = validate_path(tmp_path / "gone.txt")
    assert report.error == "cannot read: No such file or directory"
    status, out, _ = cli("validate", "gone.txt", cwd=tmp_path)
    assert status == EXIT_ERROR
    assert "gone.txt" in out and "cannot read: No such file or directory" in out


def test_file_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    write(tmp_path, "good.txt", cable())
    assert (
        validate_path(tmp_path / "a.txt").error == "cannot read: Too many levels of symbolic links"
    )
    status, out, _ = cli("validate", "--format", "json", "-j1", ".", cwd=tmp_path)
    assert status == EXIT_OK
    errors = {f["path"]: f["error"] for f in json.loads(out)["files"]}
    assert errors == {
        "a.txt": "cannot read: Too many levels of symbolic links",
        "b.txt": "cannot read: Too many levels of symbolic links",
        "good.txt": None,
    }


def test_files_that_vanish_or_change_kind_after_listing(tmp_path: Path) -> None:
    """Between finding the files and reading them, one is deleted and one becomes a folder:
    both are reported, the third is checked."""
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, cable(de_date_time=JULIAN_OFF))
    options = run_options(Settings(root=tmp_path), jobs=1)
    targets = find_targets([str(tmp_path)], options)
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.txt").unlink()
    (tmp_path / "b.txt").mkdir()
    result = run(targets, options).collected()
    assert [
        (Path(f.path).name, f.error, [d.code for d in f.diagnostics]) for f in result.files
    ] == [
        ("a.txt", "cannot read: No such file or directory", []),
        ("b.txt", "cannot read: not a regular file (a folder)", []),
        ("c.txt", None, ["D202"]),
    ]
    assert validate_path(tmp_path / "a.txt").error == "cannot read: No such file or directory"


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 \xff.txt")  # the bytes again when passed to the system
    (tmp_path / name).write_bytes(cable(de_date_time=JULIAN_OFF).encode())
    assert os.fsencode(tmp_path / name).endswith(b"/caf\xe9 \xff.txt")
    report = validate_path(tmp_path / name)
    assert [d.code for d in report.diagnostics] == ["D202"]
    status, out, _ = cli("validate", "--format", "json", "-j1", name, cwd=tmp_path)
    assert status == EXIT_FINDINGS
    assert [f["path"] for f in json.loads(out)["files"]] == ["caf\\xe9 \\xff.txt"]
    status, out, _ = cli("validate", "-j1", name, cwd=tmp_path)
    assert " --> caf\\xe9 \\xff.txt:3:20" in out
    status, out, _ = cli("inspect", "--format", "json", name, cwd=tmp_path)
    assert (status, json.loads(out)["path"]) == (EXIT_OK, "caf\\xe9 \\xff.txt")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe `pipe.txt` that nobody writes to; released at the end, should a test
    have left a reader waiting on it."""
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    yield path
    with contextlib.suppress(OSError):  # ENXIO: no reader is waiting
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # wakes a blocked reader


PIPE_ERROR = "cannot read: not a regular file (a named pipe)"


def test_named_pipe_is_not_read(fifo: Path) -> None:
    assert within(10, lambda: validate_path(fifo)).error == PIPE_ERROR
    status, out, _ = cli("validate", "pipe.txt", cwd=fifo.parent)
    assert status == EXIT_ERROR
    assert "pipe.txt" in out and PIPE_ERROR in out
    status, _, err = cli("inspect", "pipe.txt", cwd=fifo.parent)
    assert status == EXIT_ERROR
    assert f"pipe.txt: {PIPE_ERROR}" in err


def test_named_pipe_in_a_searched_folder_is_reported_and_the_run_goes_on(fifo: Path) -> None:
    write(fifo.parent, "cable.txt", cable(de_date_time=JULIAN_OFF))
    for jobs in ("-j1", "-j2"):
        status, out, _ = cli("validate", "--format", "json", jobs, ".", cwd=fifo.parent)
        assert status == EXIT_FINDINGS
        files = {
            f["path"]: (f["error"], [d["code"] for d in f["diagnostics"]])
            for f in json.loads(out)["files"]
        }
        assert files == {"cable.txt": (None, ["D202"]), "pipe.txt": (PIPE_ERROR, [])}


def test_character_device_is_not_read(tmp_path: Path) -> None:
    error = "cannot read: not a regular file (a character device)"
    assert within(10, lambda: validate_path(os.devnull)).error == error
    status, out, _ = cli("validate", os.devnull, cwd=tmp_path)
    assert status == EXIT_ERROR
    assert error in out


def test_exit_2_only_when_nothing_could_be_checked(fifo: Path) -> None:
    folder = fifo.parent
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    status, out, _ = cli("validate", "-j1", ".", cwd=folder)
    assert status == EXIT_ERROR
    assert "2 files could not be read" in out
    write(folder, "good.txt", cable())
    status, out, _ = cli("validate", "-j1", ".", cwd=folder)
    assert status == EXIT_OK


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip(
            "runs as root, who reads files whatever their permissions: chmod cannot "
            "make a file unreadable"
        )
    write(tmp_path, "good.txt", cable())
    locked = write(tmp_path, "locked.txt", cable())
    locked.chmod(0)
    assert validate_path(locked).error == "cannot read: Permission denied"
    status, _, _ = cli("validate", "-j1", ".", cwd=tmp_path)
    assert status == EXIT_OK


# -- nothing lost, same output every time ----------------------------------------------------------


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every entry under `folder` (hidden ones aside: a cache may live there) with the bytes and
    modification time of each file."""
    state: dict[str, tuple[bytes, int]] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        status = path.lstat()
        state[str(relative)] = (path.read_bytes() if path.is_file() else b"", status.st_mtime_ns)
    return state


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """corpus/ copied, with an old fixed modification time on every file, a binary file and a
    dangling link: what a run over an archive meets."""
    folder = tmp_path / "corpus"
    shutil.copytree(PROJECT_CORPUS, folder)
    (folder / "binary.txt").write_bytes(PNG_HEADER)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return folder


def test_validate_and_inspect_change_no_input_file(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state(corpus_copy)
    monkeypatch.chdir(corpus_copy.parent)
    for output_format in FORMATS:
        status, _, _ = call_cli(
            capsys, "validate", "-j1", "--statistics", "--format", output_format, "corpus"
        )
        assert status == EXIT_FINDINGS, output_format
    cables = sorted(
        str(path.relative_to(corpus_copy.parent)) for path in corpus_copy.rglob("*.txt")
    )
    for output_format in ("text", "json"):
        status, _, _ = call_cli(capsys, "inspect", "--format", output_format, *cables)
        assert status == EXIT_ERROR  # binary.txt and dangling.txt are reported
    status, _, _ = cli("validate", "-j2", "corpus", cwd=corpus_copy.parent)
    assert status == EXIT_FINDINGS
    assert _state(corpus_copy) == before


def test_output_through_a_link_or_into_a_pipe_replaces_neither(tmp_path: Path) -> None:
    """`--output` replaces a regular file atomically, but follows a symbolic link (the link
    stays) and writes into what is not a regular file (as root, replacing `/dev/null` with a
    regular file would break the machine)."""
    write(tmp_path, "cable.txt", cable(de_date_time=JULIAN_OFF))
    (tmp_path / "real.json").write_text("{}\n")
    (tmp_path / "link.json").symlink_to("real.json")
    arguments = ("validate", "--format", "json", "-j1", "cable.txt", "-o")
    assert cli(*arguments, "link.json", cwd=tmp_path)[:2] == (EXIT_FINDINGS, "")
    assert os.readlink(tmp_path / "link.json") == "real.json"
    assert json.loads((tmp_path / "real.json").read_text())["summary"]["findings"] == 1
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()), daemon=True)
    reader.start()
    try:
        assert cli(*arguments, "pipe.json", cwd=tmp_path)[:2] == (EXIT_FINDINGS, "")
        reader.join(10)
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
        assert json.loads(received[0])["summary"]["findings"] == 1
    finally:
        with contextlib.suppress(OSError):  # a reader left waiting: let it go
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))


def test_output_is_the_same_in_every_run(corpus_copy: Path) -> None:
    """Byte-identical output in every format, whatever the process, hash seed, number of jobs
    or result cache: each format is checked afresh in one process, then in two (the first
    format fills the cache, the others read it). test_cli compares -j1 and -j2 on generated
    cables; here the corpus holds a binary file and a dangling link as well."""
    for output_format in FORMATS:
        fresh, parallel = (
            cli(
                "validate", "--format", output_format, *options, ".", cwd=corpus_copy,
                env={"PYTHONHASHSEED": seed},
            )
            for options, seed in ((("-j1", "--no-cache"), "1"), (("-j2",), "2"))
        )  # fmt: skip
        assert fresh == parallel, output_format
        assert fresh[0] == EXIT_FINDINGS


# -- what fuzzing found ---------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "end_column"), [("Classified By:", 15), ("CLASSIFIED BY", 14)])
def test_authority_line_without_text(line: str, end_column: int) -> None:
    """A `Classified By` line with nothing after it raised TypeError in the parser."""
    text = cable().replace("SUBJECT: ALMATY NOTES\n", f"SUBJECT: ALMATY NOTES\n{line}\n")
    report = validate_text(text)
    assert report.cable is not None and report.cable.classified_by is not None
    assert report.cable.classified_by.span == Span(12, 1, 12, end_column)
    assert findings(report) == []

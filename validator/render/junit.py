"""The `junit` format: JUnit XML for CI test reports (a stable interface).

`<testsuites>` holds one `<testsuite>` per file (named by its path); each finding is a
`<testcase>` with a `<failure>` whose message is the header line and whose text is the
plain rustc-style rendering; a clean file has one passing testcase, a file that could not be
read one testcase with an `<error>`. Each testsuite carries the tool and format versions as
properties (JUnit has no other place for them).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from typing import TextIO

from validator import __version__
from validator.render import RenderOptions
from validator.render._common import posix_path
from validator.render._snippet import diagnostic_rows, plain
from validator.results import FileResult, RunResult

VERSION = 1
CLEAN_CASE = "no findings"
# Suites held in memory before the spool moves to a temporary file.
_SPOOL_IN_MEMORY = 4 << 20
# Characters XML 1.0 cannot hold, even escaped (most C0 controls, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: RunResult, out: TextIO, options: RenderOptions) -> None:
    # The root element counts every test before listing them: suites are written to a
    # spool (memory, then disk for a large archive) as files are checked, and copied after.
    cases = failures = 0
    with tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8") as spool:
        for file in result.stream():
            suite = _suite(file)
            ET.indent(suite, level=1)
            spool.write("\n  ")
            spool.write(ET.tostring(suite, encoding="unicode"))
            cases += _case_count(file)
            failures += len(file.diagnostics)
        root = ET.Element(
            "testsuites",
            name="cablelint",
            tests=str(cases),
            failures=str(failures),
            errors=str(len(result.errors)),
        )
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not spool.tell():
            out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        start_tag = ET.tostring(root, encoding="unicode").removesuffix(" />")
        out.write(start_tag + ">")
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write("\n</testsuites>\n")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case_count(file: FileResult) -> int:
    return max(len(file.diagnostics) + (file.error is not None), 1)


def _suite(file: FileResult) -> ET.Element:
    path = _xml(posix_path(file.path))
    suite = ET.Element(
        "testsuite",
        name=path,
        tests=str(_case_count(file)),
        failures=str(len(file.diagnostics)),
        errors=str(int(file.error is not None)),
        skipped="0",
    )
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="cablelint.version", value=__version__)
    ET.SubElement(properties, "property", name="cablelint.junit-format", value=str(VERSION))
    if file.error is not None:
        case = ET.SubElement(suite, "testcase", name="read", classname=path, file=path)
        ET.SubElement(case, "error", message=_xml(file.error), type="read-error")
    for diagnostic in file.diagnostics:
        span = diagnostic.span
        case = ET.SubElement(
            suite,
            "testcase",
            name=_xml(f"{diagnostic.code} at {span.line}:{span.column}: {diagnostic.message}"),
            classname=path,
            file=path,
            line=str(span.line),
        )
        failure = ET.SubElement(
            case,
            "failure",
            message=_xml(f"{diagnostic.severity.label}[{diagnostic.code}]: {diagnostic.message}"),
            type=diagnostic.code,
        )
        failure.text = _xml(plain(diagnostic_rows(file.path, diagnostic, file.source)))
    if not file.diagnostics and file.error is None:
        ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=path, file=path)
    return suite

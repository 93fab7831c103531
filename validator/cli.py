"""Command line: `cablelint validate|inspect|rules|explain`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from validator import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _cable_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(p for p in path.rglob("*.txt") if p.is_file())
        else:
            files.append(path)
    return sorted(set(files))


def _validate(args: argparse.Namespace) -> int:
    from validator.api import validate_path

    reports = [validate_path(path) for path in _cable_files(args.paths or ["."])]
    failed = False
    errors = 0
    if args.format == "json":
        data = {
            "version": 1,
            "files": [
                {
                    "path": report.path,
                    "error": report.error,
                    "diagnostics": [
                        {
                            "code": d.code,
                            "severity": d.severity.label,
                            "message": d.message,
                            "line": d.span.line,
                            "column": d.span.column,
                            "end_line": d.span.end_line,
                            "end_column": d.span.end_column,
                            "help": d.help,
                        }
                        for d in report.diagnostics
                    ],
                }
                for report in reports
            ],
        }
        print(json.dumps(data, indent=2))
    for report in reports:
        if report.error:
            errors += 1
            print(f"{report.path}: error: {report.error}", file=sys.stderr)
        for d in report.diagnostics:
            failed = True
            if args.format == "text":
                where = f"{report.path}:{d.span.line}:{d.span.column}"
                print(f"{where}: {d.severity.label}[{d.code}] {d.message}")
    if errors and errors == len(reports):
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    from validator.inspect import cable_data
    from validator.parse import parse
    from validator.source import Source

    status = EXIT_OK
    documents = []
    for name in args.files:
        try:
            documents.append(cable_data(parse(Source.from_path(name)).cable))
        except (OSError, ValueError) as error:
            print(f"{name}: error: {error}", file=sys.stderr)
            status = EXIT_ERROR
    print(json.dumps(documents if len(documents) != 1 else documents[0], indent=2))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cablelint", description=__doc__)
    parser.add_argument("--version", action="version", version=f"cablelint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check cable files")
    validate.add_argument("paths", nargs="*")
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.set_defaults(run=_validate)
    inspect = commands.add_parser("inspect", help="print the parsed envelope")
    inspect.add_argument("files", nargs="+")
    inspect.add_argument("--format", choices=["json"], default="json")
    inspect.set_defaults(run=_inspect)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())

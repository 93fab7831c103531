"""Settings files, rule selection and glob patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import write
from validator.config import (
    ConfigError,
    Selection,
    UnknownCodeError,
    check_selector,
    enabled_codes,
    find_config,
    glob_matches,
    known_codes,
    load_settings,
    severity_by_code,
)
from validator.diagnostics import Severity

# -- selection -------------------------------------------------------------------------------


def _d2(layers: list[Selection]) -> list[str]:
    return sorted(code for code in enabled_codes(layers) if code.startswith("D20"))


def test_no_selection_enables_everything() -> None:
    assert enabled_codes([Selection(), Selection()]) == frozenset(known_codes())


def test_later_layer_select_replaces_earlier() -> None:
    settings = Selection(select=("D202",))
    command_line = Selection(select=("D207",))
    assert _d2([settings, command_line]) == ["D207"]


def test_later_layer_ignore_adds_to_earlier_select() -> None:
    settings = Selection(select=("D20",))
    command_line = Selection(ignore=("D202",))
    assert "D202" not in _d2([settings, command_line])
    assert "D207" in _d2([settings, command_line])
    assert "E101" not in enabled_codes([settings, command_line])


def test_most_specific_selector_wins_and_ignore_wins_ties() -> None:
    assert _d2([Selection(select=("D",), ignore=("D20",), extend_select=("D202",))]) == ["D202"]
    assert _d2([Selection(select=("D202",), ignore=("D202",))]) == []


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("D2002", "unknown rule code `D2002`; did you mean `D202`?"),
        (
            "impossible-date-time",
            "unknown rule code `impossible-date-time`; did you mean `D201` (impossible-date-time)?",
        ),
        ("Q", "unknown rule code `Q` (`cablelint rules` lists them)"),
        ("", "unknown rule code ``"),
    ],
)
def test_unknown_selector(selector: str, message: str) -> None:
    with pytest.raises(UnknownCodeError) as error:
        check_selector(selector)
    assert str(error.value).startswith(message)


def test_selector_case_and_prefixes() -> None:
    assert check_selector(" d2 ") == "D2"
    assert check_selector("E101") == "E101"


def test_severity_longest_selector_wins() -> None:
    levels = severity_by_code([("D20", Severity.INFO), ("D", Severity.WARNING)])
    assert levels["D202"] == Severity.INFO
    assert levels["D210"] == Severity.WARNING
    assert "C401" not in levels


# -- globs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts", "drafts/a.txt", True),
        ("drafts", "x/drafts/a.txt", True),
        ("drafts", "drafts.txt", False),
        ("*.txt", "a/b.txt", True),
        ("legacy/**", "legacy/a/b.txt", True),
        ("legacy/**", "x/legacy/a.txt", False),
        ("**/legacy/*.txt", "x/legacy/a.txt", True),
        ("**/legacy/*.txt", "legacy/a.txt", True),
        ("legacy/*.txt", "legacy/a/b.txt", False),
        ("c?.txt", "c1.txt", True),
        ("c[0-9].txt", "c7.txt", True),
        ("c[!0-9].txt", "c7.txt", False),
        ("/old/", "old/a.txt", True),
    ],
)
def test_glob_matches(pattern: str, path: str, matches: bool) -> None:
    assert glob_matches(pattern, path) is matches


def test_glob_whole_file_ignores_folders() -> None:
    assert not glob_matches("*.txt", "notes.txt/cable.dat", whole_file=True)
    assert glob_matches("*.txt", "notes/cable.txt", whole_file=True)


# -- settings files --------------------------------------------------------------------------


def test_find_config_prefers_cablelint_toml_and_skips_foreign_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.cablelint]\n")
    write(tmp_path, "a/pyproject.toml", "[tool.black]\nline-length = 100  # not cablelint\n")
    write(tmp_path, "a/b/c/x.txt", "")
    assert find_config(tmp_path / "a" / "b" / "c") == str(tmp_path / "pyproject.toml")
    write(tmp_path, "a/b/cablelint.toml", "")
    write(tmp_path, "a/b/pyproject.toml", "[tool.cablelint]\n")
    assert find_config(tmp_path / "a" / "b" / "c") == str(tmp_path / "a" / "b" / "cablelint.toml")


def test_no_settings_file(tmp_path: Path) -> None:
    settings = load_settings(start=tmp_path)
    assert settings.path is None
    assert settings.root == str(tmp_path)


def test_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pyproject.toml",
        """\
[tool.cablelint]
select = ["D", "c4"]
extend-select = ["O601"]
ignore = ["D206"]
include = ["*.cable"]
exclude = ["drafts"]
fail-on = "Warning"

[tool.cablelint.per-file-ignores]
"legacy/**" = ["D202", "O"]

[tool.cablelint.severity]
D207 = "info"
""",
    )
    settings = load_settings(path)
    assert settings.selection == Selection(("D", "C4"), ("O601",), ("D206",))
    assert settings.per_file_ignores == (("legacy/**", ("D202", "O")),)
    assert settings.severity == (("D207", Severity.INFO),)
    assert (settings.include, settings.exclude) == (("*.cable",), ("drafts",))
    assert settings.fail_on == Severity.WARNING
    assert settings.root == str(tmp_path)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('select = "D"\n', 1, '`select`: expected a list of strings, e.g. select = ["..."]'),
        (
            '\n\nextend_select = ["D"]\n',
            3,
            "`extend_select`: unknown setting; did you mean `extend-select`?",
        ),
        ("fail-on = 3\n", 1, '`fail-on`: expected "error", "warning" or "info"'),
        (
            'fail-on = "fatal"\n',
            1,
            "`fail-on`: unknown severity 'fatal': expected error, warning or info",
        ),
        (
            'ignore = ["D206"]\n[severity]\nD202 = "info"\nD207 = "loud"\n',
            4,
            "`severity`: unknown severity 'loud': expected error, warning or info",
        ),
        (
            '[severity]\n"D2077" = "info"\n',
            2,
            "`severity`: unknown rule code `D2077`; did you mean `D207`?",
        ),
        (
            'per-file-ignores = { "a/*" = "D202" }\n',
            1,
            "`per-file-ignores`: `a/*`: expected a list of rule codes",
        ),
        ("select = [\n", 1, "invalid TOML: Invalid value (at end of document)"),
        ('select = ["D"]\nselect = ["E"]\n', 2, "invalid TOML: Cannot overwrite a value"),
    ],
)
def test_errors_name_file_key_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "cablelint.toml", text)
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert str(error.value).startswith(f"cablelint.toml:{line}: {message}")


def test_error_line_inside_tool_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # `select` also appears in another table first: the line must be the one of cablelint.
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.ruff.lint]\nselect = ["E"]\n\n[tool.cablelint]\nselect = ["D", "Z9"]\n',
    )
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert str(error.value) == (
        "pyproject.toml:5: `select`: unknown rule code `Z9` (`cablelint rules` lists them)"
    )


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path / "absent.toml")
    assert "cannot read settings: No such file or directory" in str(error.value)

"""Settings: `[tool.cablelint]` in pyproject.toml or the top level of a cablelint.toml.

The first directory, walking up from the current one, whose `cablelint.toml` exists or whose
`pyproject.toml` has a `[tool.cablelint]` table gives the settings (`cablelint.toml` first
when a directory has both). Keys::

    select = ["D", "R30"]          # codes or prefixes to check (default: every rule)
    extend-select = ["I501"]       # added to `select` (or to the default)
    ignore = ["R301"]              # codes or prefixes not to check
    per-file-ignores = { "legacy/**" = ["D"] }
    severity = { "D202" = "warning" }
    include = ["*.cable"]          # file patterns searched besides *.txt
    exclude = ["drafts", "old/**"] # paths skipped when searching folders
    fail-on = "warning"            # lowest severity that fails the run

Glob patterns are relative to the folder of the settings file; see `glob_matches`.
Rule selectors are checked against the rule registry: an unknown one is an error that names
the closest known code.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

from validator.diagnostics import Severity

CONFIG_FILE = "cablelint.toml"
PYPROJECT = "pyproject.toml"
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severity",
    "include",
    "exclude",
    "fail-on",
)
DEFAULT_INCLUDE = ("*.txt",)
# Reported when a rule breaks; it is never filtered, so a broken rule cannot go unnoticed.
INTERNAL_ERROR_CODE = "X001"


class ConfigError(Exception):
    """A settings file that cannot be used: says which file, and where in it."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        shown = os.path.relpath(self.path)
        if shown.startswith(os.pardir):
            shown = self.path
        where = f"{shown}:{self.line}" if self.line else shown
        return f"{where}: {self.message}"


class UnknownCodeError(ValueError):
    """A rule selector that matches no rule code."""


class Selection(NamedTuple):
    """One layer of rule selection (the settings file, then the command line)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


class Settings(NamedTuple):
    """What a settings file says (all defaults when there is none)."""

    root: str
    """The folder glob patterns are relative to: the settings file's, else the current one."""
    selection: Selection = Selection()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None
    path: str | None = None
    """The settings file read, if any."""


# -- rule codes ------------------------------------------------------------------------------


@cache
def known_codes() -> tuple[str, ...]:
    """Every code a selector may name: the rules and the parser's own codes."""
    from validator.rules import PARSER_CODES, rule_index

    return tuple(sorted(set(rule_index()) | set(PARSER_CODES)))


def check_selector(selector: str) -> str:
    """The selector in canonical (upper) case, or `UnknownCodeError` with a suggestion."""
    canonical = selector.strip().upper()
    codes = known_codes()
    if canonical and any(code.startswith(canonical) for code in codes):
        return canonical
    raise UnknownCodeError(f"unknown rule code `{selector}`{did_you_mean(selector)}")


def did_you_mean(selector: str) -> str:
    """The end of an "unknown code" message: the closest code (or rule name) known."""
    import difflib

    from validator.rules import rule_index

    by_name = {rule.name: code for code, rule in rule_index().items()}
    if selector.strip().lower() in by_name:
        return f"; did you mean `{by_name[selector.strip().lower()]}` ({selector.strip()})?"
    close = difflib.get_close_matches(selector.strip().upper(), known_codes(), n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(selector.strip().lower(), by_name, n=1, cutoff=0.6)
    if not close:
        return " (`cablelint rules` lists them)"
    code = by_name.get(close[0], close[0])
    return f"; did you mean `{code}`?"


def _specificity(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector that is a prefix of `code` (-1: none matches)."""
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


def enabled_codes(layers: Iterable[Selection]) -> frozenset[str]:
    """The codes left on after applying each layer in turn (later layers win).

    Within a layer the most specific selector decides (`--ignore D --select D202` keeps
    D202), and `ignore` wins a tie. A layer with `select` turns off what it does not name.
    """
    enabled = set(known_codes())
    for layer in layers:
        chosen = (*(layer.select or ()), *layer.extend_select)
        for code in known_codes():
            on, off = _specificity(code, chosen), _specificity(code, layer.ignore)
            if on > off:
                enabled.add(code)
            elif off >= 0 or layer.select is not None:
                enabled.discard(code)
    return frozenset(enabled)


def codes_matching(selectors: Iterable[str]) -> frozenset[str]:
    """Known codes named by any of the selectors (codes or prefixes)."""
    prefixes = tuple(selectors)
    return frozenset(code for code in known_codes() if code.startswith(prefixes))


def severity_by_code(overrides: Iterable[tuple[str, Severity]]) -> dict[str, Severity]:
    """Concrete code -> severity; of several matching selectors the longest wins."""
    ordered = sorted(overrides, key=lambda item: len(item[0]))
    return {
        code: severity
        for selector, severity in ordered
        for code in known_codes()
        if code.startswith(selector)
    }


# -- globs -----------------------------------------------------------------------------------


@cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """`*` and `?` stay within one path segment, `**` spans segments, `[...]` is a class."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        char = pattern[index]
        close = pattern.find("]", index + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif close != -1:
            body = pattern[index + 1 : close]
            negate = body.startswith("!")
            # Ranges (`0-9`) stay; a backslash or a leading `^` is taken literally.
            body = body[negate:].replace("\\", "\\\\")
            body = "\\" + body if body.startswith("^") else body
            out.append("[" + ("^" if negate else "") + body + "]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out))


def glob_matches(pattern: str, path: str, *, whole_file: bool = False) -> bool:
    """Whether a `/`-separated relative path matches a gitignore-like pattern.

    A pattern without `/` matches a name at any depth (`drafts`, `*.txt`); one with `/`
    matches from the root (`old/**`, `legacy/*.txt`). Unless `whole_file`, a path also
    matches when one of its folders does, so `drafts` skips everything under `drafts/`.
    """
    return glob_set((pattern,)).matches(path, whole_file=whole_file)


class GlobSet:
    """Patterns compiled together: whether a path matches any of them, as `glob_matches`
    says, with one regex for the name patterns and one for the path patterns (a search over
    an archive asks once per file)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        stripped = [pattern.strip("/") for pattern in patterns]
        self._names = _any_of(pattern for pattern in stripped if "/" not in pattern)
        self._paths = _any_of(pattern for pattern in stripped if "/" in pattern)

    def __bool__(self) -> bool:
        return self._names is not None or self._paths is not None

    def matches(self, path: str, *, whole_file: bool = False) -> bool:
        if whole_file:  # asked for every file of an archive: no list of parts made
            name = path.rpartition("/")[2]
            if self._names is not None and self._names.fullmatch(name):
                return True
            return self._paths is not None and self._paths.fullmatch(path) is not None
        parts = path.split("/")
        if self._names is not None and any(self._names.fullmatch(name) for name in parts):
            return True
        if self._paths is None:
            return False
        prefixes = ("/".join(parts[:end]) for end in range(1, len(parts) + 1))
        return any(self._paths.fullmatch(prefix) for prefix in prefixes)


@cache
def glob_set(patterns: tuple[str, ...]) -> GlobSet:
    return GlobSet(patterns)


def _any_of(patterns: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = [f"(?:{_glob_regex(pattern).pattern})" for pattern in patterns]
    return re.compile("|".join(alternatives)) if alternatives else None


# -- reading settings files ------------------------------------------------------------------


def find_config(start: str | os.PathLike[str]) -> str | None:
    """The settings file for `start`: the nearest folder upwards that has cablelint settings.
    (Paths are strings here: pathlib costs a run 3 ms of imports.)"""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, CONFIG_FILE)
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(folder, PYPROJECT)
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read_text(path: str) -> str:
    with open(path, encoding="utf-8") as stream:
        return stream.read()


def _has_tool_table(pyproject: str) -> bool:
    try:
        text = _read_text(pyproject)
    except (OSError, UnicodeDecodeError):
        return False
    # Cheap test first: most pyproject.toml files do not mention cablelint at all.
    if "cablelint" not in text:
        return False
    try:
        document = _parse_toml(text, pyproject)
    except ConfigError:
        return True  # a broken file that mentions cablelint: report its error, do not skip
    return isinstance(document.get("tool"), dict) and "cablelint" in document["tool"]


def _parse_toml(text: str, path: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        # "(at end of document)" carries no line number: that is the last line.
        line = int(found.group(1)) if found else max(1, len(text.splitlines()))
        raise ConfigError(f"invalid TOML: {error}", path, line) from None


def load_settings(
    config: str | os.PathLike[str] | None = None, start: str | os.PathLike[str] | None = None
) -> Settings:
    """Settings from `config`, or from the file `find_config` finds above `start`."""
    start = os.path.abspath(start or os.curdir)
    path = os.fspath(config) if config is not None else find_config(start)
    if path is None:
        return Settings(root=start)
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise ConfigError(f"cannot read settings: {reason or error}", path) from None
    document = _parse_toml(text, path)
    table_name = "tool.cablelint" if os.path.basename(path) == PYPROJECT else None
    if table_name is not None:
        tool = document.get("tool", {})
        table = tool.get("cablelint", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError("`tool.cablelint` must be a table", path, _key_line(text, "tool"))
    else:
        table = document
    return _settings_from(table, _Located(path, text, table_name))


class _Located(NamedTuple):
    """A settings file's text, to point errors at the line of the key they concern."""

    path: str
    text: str
    table: str | None

    def error(self, key: str, message: str, value: str | None = None) -> ConfigError:
        line = _key_line(self.text, key, self.table)
        if line is not None and value is not None:
            line = _line_containing(self.text, value, line) or line
        return ConfigError(f"`{key}`: {message}", self.path, line)


def _key_line(text: str, key: str, table: str | None = None) -> int | None:
    """Line of `key = ...` (or of a `[table.key]` header) within `table` (None: top level)."""
    key_pattern = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            current = header.group(1).replace('"', "").replace("'", "")
            nested = f"{table}.{key}" if table else key
            if current == nested:
                return number
            continue
        if current == table and key_pattern.match(line):
            return number
    return None


def _line_containing(text: str, needle: str, start: int) -> int | None:
    for number, line in enumerate(text.splitlines()[start - 1 :], start=start):
        if needle in line:
            return number
    return None


def _settings_from(table: Mapping[str, Any], where: _Located) -> Settings:
    for key in table:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean `{close[0]}`?" if close else f" (known: {', '.join(KEYS)})"
            raise where.error(key, f"unknown setting{hint}")
    fail_on = table.get("fail-on")
    return Settings(
        selection=Selection(
            select=_selectors(table, "select", where) if "select" in table else None,
            extend_select=_selectors(table, "extend-select", where),
            ignore=_selectors(table, "ignore", where),
        ),
        per_file_ignores=_per_file_ignores(table, where),
        severity=_severities(table, where),
        include=_strings(table, "include", where),
        exclude=_strings(table, "exclude", where),
        fail_on=None if fail_on is None else _severity(fail_on, "fail-on", where),
        path=where.path,
        root=os.path.dirname(os.path.abspath(where.path)),
    )


def _strings(table: Mapping[str, Any], key: str, where: _Located) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise where.error(key, f'expected a list of strings, e.g. {key} = ["..."]')
    return tuple(value)


def _checked(selectors: Iterable[str], key: str, where: _Located) -> tuple[str, ...]:
    checked = []
    for selector in selectors:
        try:
            checked.append(check_selector(selector))
        except UnknownCodeError as error:
            raise where.error(key, str(error), value=selector) from None
    return tuple(checked)


def _selectors(table: Mapping[str, Any], key: str, where: _Located) -> tuple[str, ...]:
    return _checked(_strings(table, key, where), key, where)


def _severity(value: object, key: str, where: _Located) -> Severity:
    if not isinstance(value, str):
        raise where.error(key, 'expected "error", "warning" or "info"')
    try:
        return Severity.parse(value)
    except ValueError as error:
        raise where.error(key, str(error), value=value) from None


def _table(table: Mapping[str, Any], key: str, where: _Located) -> Mapping[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise where.error(key, 'expected a table, e.g. { "D202" = "warning" }')
    return value


def _per_file_ignores(
    table: Mapping[str, Any], where: _Located
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    key = "per-file-ignores"
    entries = []
    for pattern, codes in _table(table, key, where).items():
        if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
            raise where.error(key, f"`{pattern}`: expected a list of rule codes", value=pattern)
        entries.append((pattern, _checked(codes, key, where)))
    return tuple(entries)


def _severities(table: Mapping[str, Any], where: _Located) -> tuple[tuple[str, Severity], ...]:
    key = "severity"
    overrides = _table(table, key, where)
    selectors = _checked(overrides, key, where)
    return tuple(
        (selector, _severity(value, key, where))
        for selector, value in zip(selectors, overrides.values(), strict=True)
    )

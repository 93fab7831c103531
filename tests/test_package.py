"""The package's public names: all there, listed, and imported only when first used."""

from __future__ import annotations

import subprocess
import sys

import pytest

import validator
from tests.cli_support import cli_environment


def test_every_public_name_is_there_and_listed() -> None:
    # The lazy imports and the public list name the same things.
    assert set(validator.__all__) == {*validator._DEFINED_IN, "__version__"}
    for name in validator.__all__:
        assert getattr(validator, name) is not None, name
    assert set(validator.__all__) <= set(dir(validator))
    assert validator.validate_text is validator.api.validate_text


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'validate_everything'"):
        validator.validate_everything  # noqa: B018


def test_importing_the_package_loads_the_parser_only_when_asked() -> None:
    probe = (
        "import sys, validator\n"
        "before = 'validator.parse' in sys.modules\n"
        "validator.parse_text\n"
        "print(before, 'validator.parse' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=cli_environment(),
        check=True,
        timeout=60,
    )
    assert done.stdout.split() == ["False", "True"]

"""Shared test helpers: the real cables beside the checkout, and hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
PROJECT_CORPUS = ROOT / "corpus"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def shared_files(folder: str) -> list[Path]:
    """The real cables of ../shared/corpus/<folder>, or a skip when the folder is absent."""
    path = SHARED_CORPUS / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real cables live beside the checkout (../shared)")
    return sorted(path.glob("*.txt"))

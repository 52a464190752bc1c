"""The pytest hooks and fixtures every test folder shares (the shared helpers: helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SEED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden files from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED

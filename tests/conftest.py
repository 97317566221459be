"""Shared fixtures: the bundled corpus built once per session into a temporary store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from proveniens.build import BuildReport, build
from proveniens.store import open_read_only

REPO = Path(__file__).resolve().parents[1]
BUNDLED_SOURCES = REPO / "sources"


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """(store root, report) of a build of the bundled sources."""
    root = tmp_path_factory.mktemp("store")
    return root, build(BUNDLED_SOURCES, root)


@pytest.fixture(scope="session")
def bundled_store(bundled_build: tuple[Path, BuildReport]) -> ox.Store:
    return open_read_only(bundled_build[0])

"""The bundled build served by a real `proveniens serve` process, and a private copy of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from proveniens.build import BuildReport


@pytest.fixture(scope="module")
def server(
    bundled_build: tuple[Path, BuildReport],
    serve: Callable[..., AbstractContextManager[str]],
    served: Callable[[Path], dict[str, str]],
) -> Iterator[str]:
    """The bundled build served with a short time limit, two workers and a small queue (from the remote store
    under test when PROVENIENS_TEST_BACKEND is set)."""
    settings = dict(served(bundled_build[0]))
    with serve(settings.pop("store"), **settings, query_timeout="3", query_workers="2", query_queue="4") as base:
        yield base


@pytest.fixture
def store_copy(bundled_build: tuple[Path, BuildReport], tmp_path: Path) -> Path:
    """A private copy of the bundled store, for tests that change it."""
    target = tmp_path / "store"
    shutil.copytree(bundled_build[0], target, symlinks=True)
    return target

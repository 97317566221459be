"""`POST /update` of a real `proveniens serve` takes the bearer token with the scheme in any case (RFC 7235)
and nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest

from proveniens.build import BuildReport

TOKEN = "s3cret-T0ken"
INSERT = "INSERT DATA { GRAPH <urn:test:auth> { <urn:a> <urn:b> 1 } }"


@pytest.fixture(scope="module")
def updatable(
    bundled_build: tuple[Path, BuildReport],
    serve: Callable[..., AbstractContextManager[str]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """A server over a private copy of the bundled store, with updates on."""
    store = tmp_path_factory.mktemp("auth") / "store"
    shutil.copytree(bundled_build[0], store, symlinks=True)
    with serve(store, update_token=TOKEN) as base:
        yield base


def update(base: str, authorization: str | None) -> int:
    headers = {} if authorization is None else {"Authorization": authorization}
    return httpx.post(base + "/update", data={"update": INSERT}, headers=headers, timeout=60).status_code


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER", "bEaReR"])
def test_scheme_is_case_insensitive(updatable: str, scheme: str) -> None:
    assert update(updatable, f"{scheme} {TOKEN}") == 204


def test_token_after_several_spaces_is_accepted(updatable: str) -> None:
    assert update(updatable, f"Bearer   {TOKEN}") == 204


@pytest.mark.parametrize(
    "authorization",
    [None, "", "bearer", f"Basic {TOKEN}", f"Bearerx {TOKEN}", f"bearer {TOKEN.lower()}", f"bearer {TOKEN}x", TOKEN],
)
def test_anything_else_is_refused(updatable: str, authorization: str | None) -> None:
    assert update(updatable, authorization) == 401

"""The build version behind the ETags, for the on-disk store and for a remote one, and If-None-Match matching."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from starlette.requests import Request

from proveniens.service import caching
from proveniens.service.sparql.backend.jobs import QueryJob
from proveniens.settings import Settings

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a loop of its own in a thread: another test's tool (Playwright) may hold this thread's."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class _Backend:
    """A stand-in for the query backend that answers the version query and counts the calls."""

    def __init__(self, stamp: str | None) -> None:
        self.stamp = stamp
        self.calls = 0

    async def run(self, job: QueryJob) -> tuple[str, AsyncIterator[bytes]]:
        self.calls += 1
        assert "generatedAtTime" in job.query
        rows = [{"version": {"type": "literal", "value": self.stamp}}] if self.stamp else [{}]

        async def body() -> AsyncIterator[bytes]:
            yield json.dumps({"head": {"vars": ["version"]}, "results": {"bindings": rows}}).encode()

        return "application/sparql-results+json", body()


def request(settings: Settings, backend: object = None, if_none_match: str | None = None) -> Request:
    app = SimpleNamespace(state=SimpleNamespace(settings=settings, backend=backend))
    headers = [(b"if-none-match", if_none_match.encode())] if if_none_match else []
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers, "app": app})


def test_the_on_disk_version_is_the_build_current_points_to(published: Path) -> None:
    version = run(caching.build_version(request(Settings(store=published))))
    assert version == (published / "current").resolve().name


def test_a_store_without_a_build_has_no_version(tmp_path: Path) -> None:
    assert run(caching.build_version(request(Settings(store=tmp_path / "none")))) is None


def test_a_remote_version_comes_from_the_build_graph_and_is_kept_a_few_seconds() -> None:
    backend = _Backend("2026-11-25T16:17:52+00:00")
    settings = Settings(store="http://127.0.0.1:1")
    first = request(settings, backend)
    version = run(caching.build_version(first))
    assert version and version.startswith("remote-")
    second = Request({**first.scope})  # same app, so the same cache
    assert run(caching.build_version(second)) == version
    assert backend.calls == 1
    other = run(caching.build_version(request(settings, _Backend("2026-11-26T08:00:00+00:00"))))
    assert other != version
    assert run(caching.build_version(request(settings, _Backend(None)))) is None


def test_if_none_match_is_compared_weakly_and_accepts_lists_and_star() -> None:
    settings = Settings(store="var/store")
    tag = caching.etag("20261125T161752Z-1", "turtle")
    assert tag == '"20261125T161752Z-1.turtle"'
    assert caching.matches(request(settings, if_none_match=tag), tag)
    assert caching.matches(request(settings, if_none_match=f'"a", W/{tag}'), tag)
    assert caching.matches(request(settings, if_none_match="*"), tag)
    assert not caching.matches(request(settings, if_none_match='"20261125T161752Z-1.html"'), tag)
    assert not caching.matches(request(settings), tag)
    assert caching.etag("å ä") != caching.etag("a a") and '"' not in caching.etag('x"y')[1:-1]

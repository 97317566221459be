"""Two `proveniens serve` replicas over one build, under load while a new build is switched in.

Replicas are how the service scales out: several processes over the same on-disk store (each opens
`<store>/current` read-only) or over one remote server, behind any HTTP load balancer. A switch must
cost no failed request, and afterwards every replica serves the new build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from proveniens.build import build
from proveniens.storage.remote import RemoteEndpoints, RemoteTarget, is_remote
from proveniens.storage.store import StoreLayout, checkpoint
from tests.conftest import BIN, BUNDLED_SOURCES

NEW_IRI = "https://w3id.org/proveniens/concept/forord"
NEW_CONCEPT = (
    "resources:\n  - iri: concept/forord\n    a: [skos:Concept]\n    skos:prefLabel: {sv: Förord, en: Preface}\n"
    "    evidence: [{source: 004_77c63d0e7f875d18.txt, lines: [1, 1], quote: Förord, assertion: stated}]\n"
)
JSON = {"Accept": "application/sparql-results+json"}
# What the load asks, in turn: SPARQL through the protocol, a page, the JSON API, linked data.
LOAD = [
    ("POST", "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, JSON),
    ("GET", "/sou/2018:39", None, {"Accept": "text/html"}),
    ("GET", "/api/search?q=vardkontakt", None, {}),
    ("POST", "/sparql", {"query": f"ASK {{ <{NEW_IRI}> ?p ?o }}"}, JSON),
    ("GET", "/prop/2019/20:164", None, {"Accept": "text/turtle"}),
]
CLIENTS_PER_REPLICA = 2
PAUSE = 0.01  # seconds between a client's requests: load, not a CPU hog starving the build on a small machine


@dataclass
class Load:
    """Clients asking the replicas in a loop until stopped; every answer that is not 200 is kept."""

    replicas: list[str]
    stop: threading.Event = field(default_factory=threading.Event)
    answered: list[float] = field(default_factory=list)  # when each 200 arrived (time.monotonic)
    failed: list[str] = field(default_factory=list)

    def client(self, base: str, first: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            turn = first
            while not self.stop.is_set():
                method, path, form, headers = LOAD[turn % len(LOAD)]
                turn += 1
                try:
                    response = client.request(method, path, data=form, headers=headers)
                except httpx.HTTPError as err:
                    self.failed.append(f"{base}{path}: {err!r}")
                    continue
                if response.status_code == 200:
                    self.answered.append(time.monotonic())
                else:
                    self.failed.append(f"{base}{path}: {response.status_code} {response.text[:300]}")
                time.sleep(PAUSE)

    @contextmanager
    def running(self) -> Iterator[None]:
        threads = [
            threading.Thread(target=self.client, args=(base, i), daemon=True)
            for base in self.replicas
            for i in range(CLIENTS_PER_REPLICA)
        ]
        for thread in threads:
            thread.start()
        try:
            yield
        finally:
            self.stop.set()
            for thread in threads:
                thread.join(timeout=120)


def knows_new_concept(base: str) -> bool:
    response = httpx.post(base + "/sparql", data={"query": f"ASK {{ <{NEW_IRI}> ?p ?o }}"}, headers=JSON, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def page_status(base: str) -> int:
    return httpx.get(base + "/concept/forord", headers={"Accept": "text/html"}, timeout=30).status_code


def page_status_after(base: str, seconds: float) -> int:
    """The page's status once it is 200, or when `seconds` have passed: a replica over a remote server looks the
    build's version up at most every 5 s (service/caching.py), so its pages may show the old build that long."""
    deadline = time.monotonic() + seconds
    while (status := page_status(base)) != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    return status


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of the bundled sources: the next build adds a concept the served build does not have."""
    target = tmp_path / "sources"
    shutil.copytree(BUNDLED_SOURCES, target)
    return target


@pytest.fixture(params=["embedded", "oxigraph"])
def store(
    request: pytest.FixtureRequest,
    store_copy: Path,
    tmp_path: Path,
    start_oxigraph: Callable[[Path], AbstractContextManager[str]],
) -> Iterator[str]:
    """The store the replicas share, holding the bundled build: an on-disk store root or an Oxigraph server."""
    if request.param == "embedded":
        yield str(store_copy)
        return
    with start_oxigraph(tmp_path / "oxi") as base:
        build(BUNDLED_SOURCES, RemoteTarget(RemoteEndpoints(base)))
        yield base


def test_two_replicas_switch_to_a_new_build_under_load_without_a_failed_request(
    store: str, sources: Path, serve: Callable[..., AbstractContextManager[str]]
) -> None:
    with ExitStack() as stack:
        replicas = [stack.enter_context(serve(store, query_workers="2")) for _ in range(2)]
        for base in replicas:
            assert not knows_new_concept(base) and page_status(base) == 404
        (sources / "curated" / "forord.yaml").write_text(NEW_CONCEPT, encoding="utf-8")
        load = Load(replicas)
        with load.running():
            time.sleep(1)
            started = time.monotonic()
            built = subprocess.run(
                [str(BIN / "proveniens"), "build", "--sources", str(sources), "--store", store],
                capture_output=True,
                text=True,
                env={**os.environ, "PROVENIENS_KEEP_BUILDS": "1"},  # the build served so far is removed at once
            )
            finished = time.monotonic()
            time.sleep(1)
        assert built.returncode == 0, built.stdout + built.stderr
        assert load.failed == [], f"{len(load.failed)} requests failed during the switch, first: {load.failed[:5]}"
        during = sum(1 for at in load.answered if started <= at <= finished)
        assert during >= 10, f"only {during} requests were answered while the build ran: the load did not overlap it"
        follow = 10 if is_remote(store) else 0  # on disk the version is the `current` link, read per request
        for base in replicas:
            assert knows_new_concept(base), f"{base} still answers SPARQL from the old build"
            assert page_status_after(base, follow) == 200, f"{base} has no page for the new build's {NEW_IRI}"


def publish_copy(layout: StoreLayout) -> Path:
    """A new build (a copy of the current one) switched in with PROVENIENS_KEEP_BUILDS=1: older builds are pruned."""
    with layout.lock():
        target = layout.new_build_dir(create=False)
        current = layout.current_build()
        assert current is not None
        checkpoint(current, target)
        return layout.publish(target, keep=1)


def test_a_build_a_replica_still_reads_is_pruned_only_once_it_has_moved_on(store_copy: Path, serve) -> None:
    """RocksDB opens a read-only store's files as it needs them: a build removed under a worker fails its queries."""
    layout = StoreLayout(store_copy)
    first = layout.current_build()
    with serve(store_copy, query_workers="1", query_workers_max="1") as base:
        assert knows_new_concept(base) is False  # the one worker now has the first build open
        second = publish_copy(layout)
        assert first is not None and first.is_dir(), "the build the worker reads was removed under it"
        assert knows_new_concept(base) is False  # the worker moves to the second build, letting the first go
        publish_copy(layout)
        assert not first.exists() and second.is_dir()

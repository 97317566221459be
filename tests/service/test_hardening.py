"""Issue 12's defects as a hostile client and an operator meet them, against real server processes:
federation to a local listener, a query that used to freeze every route, workers killed between
and during queries, a missing `current` link, bad dataset IRIs, runaway and memory-hungry queries."""

from __future__ import annotations

import http.server
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from tests.service.test_protocol import COUNT, RUNAWAY, count

CROSS_SORT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c"


class _Listener(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        _Listener.hits.append(self.path)
        body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"leak"}}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local SPARQL-looking HTTP server that records every request it gets."""
    _Listener.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listener)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", _Listener.hits
    finally:
        server.shutdown()


def _children(pid: int) -> set[int]:
    """The live query workers of the `proveniens serve` process `pid` (its spawned children)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z" and b"spawn_main" in cmdline:
                found.add(int(entry.name))
    return found


def _server_pid(base: str) -> int:
    port = base.rsplit(":", 1)[1]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in cmdline and port.encode() in cmdline:
                return int(entry.name)
    raise AssertionError(f"no server process for {base}")


def _wait_for(condition, what: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


@pytest.mark.parametrize(
    "query",
    [
        "PREFIX ex: <http://e/> SELECT ?x WHERE { BIND(ex:a\\# AS ?q) SERVICE <{url}> { ?x ?y ?z } }",
        "PREFIX ex: <http://e/> SELECT ?x WHERE { BIND(ex:a\\' AS ?q) SERVICE <{url}> { ?x ?y ?z } BIND('x' AS ?r) }",
        "SELECT ?x WHERE { { SELECT ?x WHERE { sErViCe <{url}> { ?x ?y ?z } } } }",
        "SELECT ?x WHERE { FILTER EXISTS { SERVICE SILENT <{url}> { ?x ?y ?z } } }",
    ],
)
def test_federation_is_refused_and_nothing_is_fetched(server: str, listener, query: str) -> None:
    url, hits = listener
    response = httpx.get(server + "/sparql", params={"query": query.replace("{url}", url)})
    assert response.status_code == 403, response.text
    assert "SERVICE" in response.text
    assert hits == []


def test_workers_have_no_network_even_if_a_parser_missed_service(listener, tmp_path: Path) -> None:
    """Defence in depth: a confined process cannot reach a local listener, whatever its query."""
    import subprocess
    import sys

    url, hits = listener
    program = (
        "import pyoxigraph as ox\n"
        "from proveniens.service.sparql.backend.sandbox import deny_network\n"
        "deny_network()\n"
        f"try:\n    list(ox.Store().query('SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}'))\n"
        "    print('FETCHED')\n"
        "except OSError as err:\n    print('REFUSED', err)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert "REFUSED" in done.stdout, done.stdout + done.stderr
    assert hits == []


def test_a_huge_hostile_query_does_not_freeze_other_routes(server: str) -> None:
    hostile = 'ASK { FILTER("' + '\\"' * 400_000 + " ) }"
    outcome: dict[str, int] = {}

    def send() -> None:
        outcome["status"] = httpx.post(server + "/sparql", data={"query": hostile}, timeout=60).status_code

    thread = threading.Thread(target=send)
    thread.start()
    time.sleep(0.2)
    for _ in range(5):  # each within a few seconds, while the hostile query is being read and checked
        assert httpx.get(server + "/api/timeline", timeout=5).status_code == 200
    thread.join(timeout=60)
    assert outcome["status"] in (400, 413)


def test_pool_heals_after_idle_workers_are_killed(bundled_build, serve) -> None:
    with serve(bundled_build[0], query_workers="2") as base:
        pid = _server_pid(base)
        assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0
        first = _children(pid)
        assert len(first) == 2
        for worker in first:
            os.kill(worker, signal.SIGKILL)
        _wait_for(lambda: len(_children(pid) - first) == 2, "the pool did not grow back to two workers")
        for _ in range(6):
            assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0


def test_workers_end_with_a_killed_service_even_mid_query(bundled_build, serve) -> None:
    with serve(bundled_build[0], query_workers="2", query_timeout="60") as base:
        pid = _server_pid(base)
        threading.Thread(
            target=lambda: httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=5), daemon=True
        ).start()
        time.sleep(1)
        workers = _children(pid)
        assert len(workers) >= 2
        os.kill(pid, signal.SIGKILL)
        _wait_for(lambda: not any(Path(f"/proc/{w}").exists() for w in workers), "orphaned workers kept running")


def test_a_query_whose_worker_is_killed_gets_a_clear_error(bundled_build, serve) -> None:
    with serve(bundled_build[0], query_workers="1", query_workers_max="1", query_timeout="30") as base:
        pid = _server_pid(base)
        outcome: dict[str, object] = {}
        thread = threading.Thread(
            target=lambda: outcome.update(response=httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=60))
        )
        thread.start()
        time.sleep(1)
        (busy,) = _children(pid)
        os.kill(busy, signal.SIGKILL)
        thread.join(timeout=30)
        response = outcome["response"]
        assert isinstance(response, httpx.Response)
        assert response.status_code == 500
        assert "worker was killed" in response.text
        assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0


def test_a_missing_current_link_is_503_then_served_again(store_copy: Path, serve) -> None:
    with serve(store_copy, query_workers="1") as base:
        link = store_copy / "current"
        target = os.readlink(link)
        assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0
        link.unlink()
        try:
            for _ in range(3):
                missing = httpx.get(base + "/sparql", params={"query": COUNT + " LIMIT 1"})
                assert missing.status_code in (200, 503), missing.text  # a worker may still hold the old build
        finally:
            link.symlink_to(target)
        for _ in range(3):
            assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0


def test_a_switch_to_a_build_that_cannot_be_opened_is_503_not_a_dead_pool(store_copy: Path, serve) -> None:
    with serve(store_copy, query_workers="1") as base:
        link = store_copy / "current"
        target = os.readlink(link)
        link.unlink()
        link.symlink_to("builds/does-not-exist")
        try:
            refused = httpx.get(base + "/sparql", params={"query": COUNT})
            assert refused.status_code == 503
            assert "No build can be served" in refused.text
        finally:
            link.unlink()
            link.symlink_to(target)
        assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
        "ASK { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }",
        "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * 5000 + "}" * 5000 + " }",
        "ASK { " + "FILTER NOT EXISTS { " * 5000 + "?s ?p ?o" + " }" * 5000 + " }",
        "SELECT * WHERE " + "{ SELECT * WHERE " * 5000 + "{ ?s ?p ?o }" + " }" * 5000,
        "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(20000)) + " }",
    ],
    ids=["groups", "parentheses", "optional", "not-exists", "subselects", "binds"],
)
def test_deep_nesting_is_400_and_no_worker_dies(server: str, query: str) -> None:
    pid = _server_pid(server)
    before = _children(pid)
    response = httpx.post(server + "/sparql", data={"query": query}, timeout=30)
    assert response.status_code == 400, response.text[:300]
    assert "limit" in response.text.lower() or "deep" in response.text.lower()
    assert _children(pid) >= before  # the same workers, none crashed
    assert count(httpx.get(server + "/sparql", params={"query": COUNT})) > 0


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
def test_a_bad_dataset_iri_is_400(server: str, param: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": COUNT, param: "x y"})
    assert response.status_code == 400, response.text


def test_small_queries_are_answered_while_two_runaways_hold_the_workers(bundled_build, serve) -> None:
    with serve(bundled_build[0], query_workers="2", query_timeout="15") as base:
        statuses: list[int] = []

        def runaway() -> None:
            statuses.append(httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=60).status_code)

        threads = [threading.Thread(target=runaway) for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        for _ in range(3):  # would wait up to 15 s behind the runaways without the pool growing
            assert count(httpx.get(base + "/sparql", params={"query": COUNT}, timeout=5)) > 0
        assert statuses == [], "the runaways ended before the small queries were tried"
        pid = _server_pid(base)
        assert 2 < len(_children(pid)) <= 6
        for thread in threads:
            thread.join(timeout=60)
        assert statuses == [504, 504]


def test_a_client_beyond_its_share_gets_429(bundled_build, serve) -> None:
    with serve(bundled_build[0], client_queries="1", query_timeout="5") as base:
        thread = threading.Thread(target=lambda: httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=30))
        thread.start()
        time.sleep(0.5)
        refused = httpx.get(base + "/sparql", params={"query": COUNT})
        thread.join(timeout=30)
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "1"
        assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0


def test_a_query_beyond_the_memory_cap_is_stopped_and_reported(bundled_build, serve) -> None:
    with serve(bundled_build[0], query_memory="1GiB", query_timeout="60") as base:
        pid = _server_pid(base)
        response = httpx.get(base + "/sparql", params={"query": CROSS_SORT}, timeout=90)
        assert response.status_code == 500
        assert "ran out of memory" in response.text and "1024 MiB" in response.text
        for worker in _children(pid):  # no worker grew past the cap
            rss_pages = int(Path(f"/proc/{worker}/statm").read_text().split()[1])
            assert rss_pages * os.sysconf("SC_PAGE_SIZE") < 1 << 30
        assert count(httpx.get(base + "/sparql", params={"query": COUNT})) > 0

"""`proveniens fetch riksdagen` against a local HTTP server that serves the fixtures (no test touches the internet).

The server answers like data.riksdagen.se for the records in tests/fixtures/riksdagen, and can be told to fail a
path a number of times first: with 503, or with the first half of the body (a download cut short).
Its `dokumentlista` is made from the records' own fields (no list answer is bundled): it lists every record of
the asked doktyp and riksmöte whatever the beteckning, as a loose search would, so the client must pick."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from proveniens.cli import app
from proveniens.errors import SourceError
from proveniens.fetch.riksdagen import Fetcher, FetchError, fetch_documents
from proveniens.loaders.sources import find_sources

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "riksdagen"
VOTE = "0027A0A4-925A-4E95-9ECC-0D6EDFC4A5DD"
ROUTES = {
    "/dokumentstatus/H7038.json": "h7038.json",
    "/dokumentstatus/H701CU4.json": "h701cu4.json",
    "/dokumentstatus/H701CU5.json": "h701cu5.json",
    "/dokumentstatus/H603113.json": "h603113.json",
    "/dokumentstatus/H70321.json": "h70321.json",
    f"/votering/{VOTE}/json": f"H701CU5-1-{VOTE}.json",
}


def _listing(query: str) -> bytes:
    """A `dokumentlista` answer: the fixture records of the asked doktyp and riksmöte, any beteckning."""
    asked = {k: v[0] for k, v in parse_qs(query).items()}
    hits = []
    for name in sorted(set(ROUTES.values())):
        record = json.loads((FIXTURES / name).read_text(encoding="utf-8")).get("dokumentstatus")
        doc = record["dokument"] if record else None
        if doc and doc["doktyp"] == asked.get("doktyp") and doc["rm"] == asked.get("rm"):
            fields = ("dok_id", "doktyp", "subtyp", "rm", "beteckning", "titel")
            hits.append({k: doc[k] for k in fields})
    return json.dumps({"dokumentlista": {"@traffar": str(len(hits)), "dokument": hits or None}}).encode()


class Server:
    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.failures: dict[str, list[str]] = {}  # path -> what to do on the next requests: "503" or "cut"
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests[self.path] += 1
                plan = server.failures.get(self.path) or []
                fail = plan.pop(0) if plan else None
                path, _, query = self.path.partition("?")
                if path == "/dokumentlista/":
                    self._send(_listing(query))
                    return
                if self.path not in ROUTES:
                    self.send_error(404)
                    return
                if fail == "503":
                    self.send_response(503)
                    self.send_header("Retry-After", "0")
                    self.end_headers()
                    return
                body = (FIXTURES / ROUTES[self.path]).read_bytes()
                if fail == "cut":
                    body = body[: len(body) // 2]
                self._send(body)

            def _send(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    thread = threading.Thread(target=s.httpd.serve_forever, daemon=True)
    thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()
    thread.join()


def fetcher(server: Server, retries: int = 3) -> Fetcher:
    return Fetcher(server.base, delay=0, retries=retries, sleep=lambda _: None)


def test_fetch_writes_the_records_and_votes_byte_for_byte_and_the_build_reads_them(server: Server, tmp_path: Path):
    fetched = fetch_documents(["H7038", "H701CU4", "H701CU5", "H603113", "H70321"], tmp_path, fetcher(server))
    assert sorted(p.name for p in fetched.files) == sorted(ROUTES.values())
    for path in fetched.files:
        assert path.read_bytes() == (FIXTURES / path.name).read_bytes()
    # CU5 point 2 was also decided by vote; the fixtures (and so the server) do not have that vote.
    assert fetched.missing == [f"{server.base}/votering/C35353D0-43D5-477A-97A2-6FA5550F9C26/json"]
    assert {f.name for f in find_sources(tmp_path).files} == set(ROUTES.values())


def test_failed_and_cut_short_answers_are_retried_and_never_written_in_part(server: Server, tmp_path: Path):
    server.failures = {"/dokumentstatus/H7038.json": ["503", "cut"], "/dokumentstatus/H701CU4.json": ["cut"] * 5}
    with pytest.raises(FetchError, match="H701CU4.json: the answer is not a whole record"):
        fetch_documents(["H7038", "H701CU4"], tmp_path, fetcher(server, retries=2))
    assert server.requests["/dokumentstatus/H7038.json"] == 3
    assert (tmp_path / "h7038.json").read_bytes() == (FIXTURES / "h7038.json").read_bytes()
    assert server.requests["/dokumentstatus/H701CU4.json"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h7038.json"]  # no part of CU4, no temporary file


def test_a_second_run_resumes_fetching_only_what_is_missing_or_damaged(server: Server, tmp_path: Path):
    fetch_documents(["H7038"], tmp_path, fetcher(server))
    (tmp_path / "h701cu4.json").write_bytes((FIXTURES / "h701cu4.json").read_bytes()[:1000])  # left damaged
    fetch_documents(["H7038", "H701CU4"], tmp_path, fetcher(server))
    assert server.requests == Counter({"/dokumentstatus/H7038.json": 1, "/dokumentstatus/H701CU4.json": 1})
    assert (tmp_path / "h701cu4.json").read_bytes() == (FIXTURES / "h701cu4.json").read_bytes()


def test_the_command_line_fetches_into_a_folder(server: Server, tmp_path: Path):
    result = CliRunner().invoke(
        app, ["fetch", "riksdagen", "H701CU4", "--into", str(tmp_path), "--base-url", server.base, "--delay", "0"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "h701cu4.json").read_bytes() == (FIXTURES / "h701cu4.json").read_bytes()


def test_requests_are_spaced_by_the_delay(server: Server, tmp_path: Path):
    pauses: list[float] = []
    fetch_documents(["H7038", "H701CU4"], tmp_path, Fetcher(server.base, delay=5.0, retries=0, sleep=pauses.append))
    assert len(pauses) == 1 and 0 < pauses[0] <= 5.0  # the first request waits for nothing, the second for the rest


def test_documents_named_by_citation_are_looked_up_in_the_document_list(server: Server, tmp_path: Path):
    names = ["prop 2019/20:8", "bet/2019/20:CU4", "Skr. 2018/19:113", "prop 2019/20:999"]
    fetched = fetch_documents(names, tmp_path, fetcher(server))
    assert sorted(p.name for p in fetched.files) == ["h603113.json", "h701cu4.json", "h7038.json"]
    for path in fetched.files:
        assert path.read_bytes() == (FIXTURES / path.name).read_bytes()
    (missing,) = fetched.missing
    assert urlsplit(missing).path == "/dokumentlista/"
    asked = parse_qs(urlsplit(missing).query)
    assert asked == {"doktyp": ["prop"], "rm": ["2019/20"], "bet": ["999"], "utformat": ["json"]}
    # the listing for prop 2019/20 also held prop 2019/20:21: only the exact beteckning was taken
    assert b"H70321" in _listing("doktyp=prop&rm=2019/20&bet=8")
    assert not (tmp_path / "h70321.json").exists()


def test_a_name_that_is_neither_id_nor_citation_is_refused_before_any_request(server: Server, tmp_path: Path):
    with pytest.raises(SourceError, match="neither a Riksdagen document id nor a citation"):
        fetch_documents(["H7038", "proposition åtta"], tmp_path / "records", fetcher(server))
    tmp_path = tmp_path / "records"
    assert not tmp_path.exists() or not list(tmp_path.iterdir())

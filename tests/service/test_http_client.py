"""The remote backend's HTTP client: kept connections, answers of every framing, and failures named.

Against a real `oxigraph serve` for what Oxigraph does (a large streamed answer), and against small
socket servers for what it cannot be made to do on demand: close an idle connection, answer without a
length, break off mid-answer, never answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
import pytest

from proveniens.build import BuildReport
from proveniens.service.sparql.backend import http_client

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def read_request(reader: asyncio.StreamReader) -> bytes:
    """One request's body (the client always sends Content-Length)."""
    head = await reader.readuntil(b"\r\n\r\n")
    fields = dict(line.lower().split(b":", 1) for line in head.split(b"\r\n")[1:] if line)
    length = int(fields[b"content-length"])
    return await reader.readexactly(length)


def answer(body: bytes, *extra: str) -> bytes:
    fields = "".join(f"{f}\r\n" for f in extra)
    return f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n{fields}\r\n".encode() + body


class Server:
    """A socket server on a free port that counts the connections it accepted."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.connections = 0

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            await self.handler(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def run(self, client_work: Callable[[str], Awaitable[object]]) -> object:
        server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            return await client_work(f"http://127.0.0.1:{port}/query")
        finally:
            server.close()


async def echo_forever(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Keeps the connection: answers each request with its own body."""
    while True:
        writer.write(answer(await read_request(reader)))
        await writer.drain()


async def echo_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answers one request on a keep-alive connection, then closes it unannounced (an idle timeout)."""
    writer.write(answer(await read_request(reader)))
    await writer.drain()


async def post_all(url: str, bodies: list[bytes], client: http_client.Client | None = None) -> list[bytes]:
    """The answers to `bodies` posted in turn; a client passed in is left open, with its kept connections."""
    own = client is None
    client = client or http_client.Client(timeout=5)
    answers = []
    for body in bodies:
        response = await client.post(url, body, FORM)
        answers.append(await response.aread())
        await response.aclose()
        await asyncio.sleep(0.01)  # lets a server's close arrive before the next request, as between queries
    if own:
        await client.aclose()
    return answers


def test_one_connection_serves_every_request_in_turn() -> None:
    server = Server(echo_forever)
    bodies = [f"query={i}".encode() for i in range(20)]
    assert asyncio.run(server.run(lambda url: post_all(url, bodies))) == bodies
    assert server.connections == 1


def test_a_connection_the_server_closed_while_idle_is_replaced_without_an_error() -> None:
    server = Server(echo_once)
    bodies = [f"query={i}".encode() for i in range(5)]
    assert asyncio.run(server.run(lambda url: post_all(url, bodies))) == bodies
    assert server.connections == 5


def test_a_request_given_up_closes_its_connection_and_the_next_takes_a_new_one() -> None:
    closed_by_client: list[bool] = []

    async def slow_second(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(answer(await read_request(reader)))
        await read_request(reader)  # the second request on this connection is never answered
        closed_by_client.append(await reader.read() == b"")

    async def give_up_once(url: str) -> list[bytes]:
        client = http_client.Client(timeout=30)
        first = await post_all(url, [b"first"], client)
        with pytest.raises(TimeoutError):  # as when the service's client goes away: the task is cancelled
            await asyncio.wait_for(client.post(url, b"given up", FORM), 0.3)
        third = await post_all(url, [b"third"], client)
        await client.aclose()
        return first + third

    server = Server(slow_second)
    assert asyncio.run(server.run(give_up_once)) == [b"first", b"third"]
    assert server.connections == 2
    assert closed_by_client == [True], "the connection of the request given up was left open"


def test_an_answer_that_ends_with_the_connection_is_read_whole() -> None:
    async def http10(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + b"x" * 100_000)
        await writer.drain()

    assert asyncio.run(Server(http10).run(lambda url: post_all(url, [b"q", b"q"]))) == [b"x" * 100_000] * 2


def test_an_answer_broken_off_midway_is_an_error_not_a_short_body() -> None:
    async def broken(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b"x" * 10)
        await writer.drain()

    with pytest.raises(http_client.HTTPError, match="closed the connection"):
        asyncio.run(Server(broken).run(lambda url: post_all(url, [b"q"])))


def test_a_server_that_never_answers_times_out() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await asyncio.sleep(10)

    with pytest.raises(http_client.TimeoutException):
        asyncio.run(Server(silent).run(lambda url: post_all(url, [b"q"], http_client.Client(timeout=0.5))))


def test_nobody_listening_is_an_error_naming_the_address() -> None:
    async def refused(port: int) -> None:
        await post_all(f"http://127.0.0.1:{port}/query", [b"q"])

    with pytest.raises(http_client.HTTPError, match="cannot connect to 127.0.0.1"):
        asyncio.run(refused(1))


@pytest.fixture(scope="module")
def oxigraph(
    bundled_build: tuple[Path, BuildReport],
    tmp_path_factory: pytest.TempPathFactory,
    start_oxigraph: Callable[[Path], AbstractContextManager[str]],
) -> Iterator[str]:
    """A real Oxigraph server holding the bundled build's quads."""
    location = tmp_path_factory.mktemp("oxi")
    store = ox.Store(str(location))
    store.bulk_extend(ox.Store.read_only(str(bundled_build[0] / "current")).quads_for_pattern(None, None, None))
    store.flush()
    del store
    with start_oxigraph(location) as base:
        yield base


def test_a_large_streamed_answer_arrives_whole_while_its_reader_is_slow(oxigraph: str) -> None:
    """Oxigraph streams a CONSTRUCT chunked; the client pauses the socket while its reader lags and loses nothing."""
    form = urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"}).encode()
    headers = {**FORM, "Accept": "application/n-triples"}
    expected = httpx.post(oxigraph + "/query", content=form, headers=headers, timeout=60).content
    assert len(expected) > 4 << 20  # larger than the client reads ahead, so reading pauses and resumes

    async def slowly() -> list[bytes]:
        client = http_client.Client(timeout=30)
        answers = []
        for _ in range(2):  # the second on the kept connection
            response = await client.post(oxigraph + "/query", form, headers)
            chunks = []
            async for chunk in response.aiter_bytes():
                chunks.append(chunk)
                await asyncio.sleep(0.05)
            await response.aclose()
            answers.append(b"".join(chunks))
        await client.aclose()
        return answers

    assert asyncio.run(slowly()) == [expected, expected]

"""A lean HTTP/1.1 client for the remote backend: keep-alive connections per server, parsed by httptools.

httpx cost about 1.1 ms of CPU per query (its layers: httpcore, anyio, h11, its request and response
models), more than Oxigraph server spends answering a point lookup, so the remote path cost more
than the embedded worker hop. The backend needs little: POST a form, read the status and headers,
stream the body back. This client does that on asyncio's transports with the C parser uvicorn
already uses, and keeps connections open between queries. Its names are the part of httpx the
backend used (`status_code`, `headers`, `aiter_bytes`, `aread`, `aclose`, `HTTPError`, `TimeoutException`).
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httptools

from proveniens.errors import ProveniensError

_PAUSE_AT = 1 << 20  # bytes read ahead of the consumer before the socket is paused (backpressure)
_RESUME_AT = 1 << 18
_KEEP_IDLE = 16  # idle connections kept per server


class HTTPError(ProveniensError):
    """The server could not be reached, or broke off its answer (the backend answers it as 502, 503 or 504)."""

    status = 503


class TimeoutException(HTTPError):
    """No connection, or no byte of the answer, within the time allowed."""

    status = 504


class Headers(dict[str, str]):
    """Response header fields by lower-case name, looked up in any case (field names are case-insensitive).
    A repeated field is joined with ", " as RFC 9110 allows."""

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(key.lower(), default)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


class _Connection(asyncio.Protocol):
    """One keep-alive connection; the httptools parser calls back into it as bytes arrive."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.lost = False
        self._start()

    def _start(self) -> None:
        """State of the next response."""
        self.status_code = 0
        self.headers = Headers()
        self.received = False  # any byte of this response
        self.complete = False
        self.keep_alive = False
        self.error: HTTPError | None = None
        self._chunks: deque[bytes] = deque()
        self._buffered = 0
        self._paused = False
        self._headers_done = False
        self._waiter: asyncio.Future[None] | None = None

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.received = True
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as err:
            self._fail(HTTPError(f"the server's answer is not valid HTTP ({err})"))
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        close_delimited = (
            self._headers_done
            and "content-length" not in self.headers
            and ("chunked" not in self.headers.get("transfer-encoding", ""))
        )
        if self.complete:
            return
        if close_delimited and exc is None:  # a body that ends with the connection (HTTP/1.0 style)
            self.on_message_complete()
        else:
            self._fail(HTTPError("the server closed the connection before its answer was complete"))

    def pause_writing(self) -> None:  # a request body is small and written at once
        pass

    def resume_writing(self) -> None:
        pass

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        self.headers[key] = f"{self.headers[key]}, {text}" if key in self.headers else text

    def on_headers_complete(self) -> None:
        self.status_code = self.parser.get_status_code()
        self._headers_done = True
        self._wake()

    def on_body(self, body: bytes) -> None:
        self._chunks.append(body)
        self._buffered += len(body)
        if self._buffered > _PAUSE_AT and not self._paused and self.transport is not None:
            self.transport.pause_reading()
            self._paused = True
        self._wake()

    def on_message_complete(self) -> None:
        self.complete = True
        self.keep_alive = self.parser.should_keep_alive()  # asked now: the parser forgets it for the next message
        self._wake()

    # used by Response and Client
    def reusable(self) -> bool:
        return self.complete and self.keep_alive and not self.lost and self.error is None

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
        self.lost = True

    def _fail(self, error: HTTPError) -> None:
        if self.error is None:
            self.error = error
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def _wait(self, timeout: float) -> None:
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            async with asyncio.timeout(timeout):
                await self._waiter
        except TimeoutError:
            raise TimeoutException(f"no answer within {timeout:g} s") from None
        finally:
            self._waiter = None

    async def send(self, request: bytes, timeout: float) -> None:
        """Write a request and wait until the answer's status and headers have arrived."""
        self._start()
        assert self.transport is not None
        self.transport.write(request)
        while not self._headers_done:
            if self.error is not None:
                raise self.error
            await self._wait(timeout)

    async def next_chunk(self, timeout: float) -> bytes:
        """What has arrived of the body since the last call; b"" at its end."""
        while True:
            if self._chunks:
                data = b"".join(self._chunks)
                self._chunks.clear()
                self._buffered = 0
                if self._paused and self.transport is not None:
                    self.transport.resume_reading()
                    self._paused = False
                return data
            if self.complete:
                return b""
            if self.error is not None:
                raise self.error
            await self._wait(timeout)


class Response:
    """An answer whose body is read as it arrives; `aclose` gives the connection back when it was read to the end."""

    def __init__(self, client: Client, origin: tuple[str, str, int], connection: _Connection, timeout: float) -> None:
        self._client = client
        self._origin = origin
        self._connection: _Connection | None = connection
        self._timeout = timeout
        self.status_code = connection.status_code
        self.headers = connection.headers

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            return
        while data := await connection.next_chunk(self._timeout):
            yield data

    async def aread(self) -> bytes:
        return b"".join([chunk async for chunk in self.aiter_bytes()])

    async def aclose(self) -> None:
        """Back to the pool if the body was read to its end on a keep-alive connection, else closed."""
        connection, self._connection = self._connection, None
        if connection is not None:
            self._client._release(self._origin, connection)


class Client:
    """Pooled keep-alive HTTP/1.1 connections, for POSTing forms to SPARQL servers and streaming the answers."""

    def __init__(self, timeout: float, connect_timeout: float = 5.0) -> None:
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._idle: dict[tuple[str, str, int], list[_Connection]] = {}
        self._targets: dict[str, tuple[tuple[str, str, int], str]] = {}
        self._ssl: ssl.SSLContext | None = None

    def _target(self, url: str) -> tuple[tuple[str, str, int], str]:
        """(scheme, host, port) and request target of `url`, split once per URL."""
        known = self._targets.get(url)
        if known is None:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise HTTPError(f"{url} is not an http(s) URL")
            port = parts.port or (443 if parts.scheme == "https" else 80)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            known = self._targets[url] = ((parts.scheme, parts.hostname, port), path)
        return known

    async def _connect(self, origin: tuple[str, str, int]) -> _Connection:
        scheme, host, port = origin
        if scheme == "https" and self._ssl is None:
            self._ssl = ssl.create_default_context()
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.connect_timeout):
                _, connection = await loop.create_connection(
                    _Connection, host, port, ssl=self._ssl if scheme == "https" else None
                )
        except TimeoutError:
            raise TimeoutException(f"no connection to {host}:{port} within {self.connect_timeout:g} s") from None
        except OSError as err:
            raise HTTPError(f"cannot connect to {host}:{port} ({err.strerror or err})") from None
        return connection

    def _take_idle(self, origin: tuple[str, str, int]) -> _Connection | None:
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if not connection.lost:
                return connection
        return None

    def _release(self, origin: tuple[str, str, int], connection: _Connection) -> None:
        idle = self._idle.setdefault(origin, [])
        if connection.reusable() and len(idle) < _KEEP_IDLE:
            idle.append(connection)
        else:
            connection.close()

    async def post(self, url: str, content: bytes, headers: dict[str, str]) -> Response:
        """POST `content` and return once the status and headers are in; the body is read from the Response.

        A kept connection the server has closed meanwhile (its keep-alive timeout) fails before any byte of the
        answer; the request is then sent once more on a new connection."""
        origin, path = self._target(url)
        if any("\r" in value or "\n" in value for value in headers.values()):
            raise ValueError("a header value holds a line break")
        fields = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        host = f"[{origin[1]}]:{origin[2]}" if ":" in origin[1] else f"{origin[1]}:{origin[2]}"  # IPv6 in brackets
        head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\n{fields}Content-Length: {len(content)}\r\n\r\n"
        request = head.encode("latin-1") + content
        connection = self._take_idle(origin)
        if connection is not None:
            try:
                await connection.send(request, self.timeout)
                return Response(self, origin, connection, self.timeout)
            except HTTPError as err:
                connection.close()
                if connection.received or isinstance(err, TimeoutException):
                    raise
                for stale in self._idle.pop(origin, []):  # the server dropped its idle connections, these too
                    stale.close()
            except BaseException:  # cancelled (the client went away): the answer may still come, on no one's behalf
                connection.close()
                raise
        connection = await self._connect(origin)
        try:
            await connection.send(request, self.timeout)
        except BaseException:
            connection.close()
            raise
        return Response(self, origin, connection, self.timeout)

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()

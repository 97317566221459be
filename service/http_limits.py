"""Caps on the request head, enforced by the HTTP protocol itself (431), before any ASGI code runs.

uvicorn's httptools protocol accepts header fields without limit: a 2 MB header or 100,000 fields
are parsed, stored and handed to the app. This subclass counts them as they are parsed and answers
431 Request Header Fields Too Large the moment a limit is passed, so an oversized head never
reaches the app and costs no more than the bytes read so far.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from proveniens.errors import ProveniensError

# A head still arriving is checked by the bytes read so far, which also hold the request line and
# possibly the tail of the previous pipelined request: allow one socket read of slack for them.
_READ_SLACK = 256 * 1024
# After a 431 the client may still be sending; its data is read and dropped for this long before the
# socket is closed, so the client reads the answer instead of a connection reset.
_LINGER_SECONDS = 2.0


@dataclass(frozen=True)
class HeaderLimits:
    """Largest total size of the header fields (names, values, separators) and most fields per request."""

    max_bytes: int
    max_fields: int


class _HeadTooLarge(ProveniensError):
    """Raised inside the parser's header callback to stop parsing; uvicorn turns it into a 400 we replace."""


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with header limits; built per connection by uvicorn with `limits` bound."""

    def __init__(self, *args: Any, limits: HeaderLimits, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self._in_head = True
        self._head_read = 0
        self._field_bytes = 0
        self._fields = 0
        self._refusal: str | None = None

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True
        self._head_read = self._field_bytes = self._fields = 0

    def on_header(self, name: bytes, value: bytes) -> None:
        self._fields += 1
        self._field_bytes += len(name) + len(value) + 4  # ": " and CRLF
        if self._fields > self.limits.max_fields:
            self._refusal = f"more than {self.limits.max_fields} header fields (PROVENIENS_MAX_HEADERS)"
        elif self._field_bytes > self.limits.max_bytes:
            self._refusal = f"header fields over {self.limits.max_bytes} bytes (PROVENIENS_MAX_HEADER_BYTES)"
        if self._refusal:
            raise _HeadTooLarge(self._refusal)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        if self._refusal:
            return  # lingering after a 431: drop what the client still sends
        super().data_received(data)
        if self._refusal or not self._in_head or self.parser is None:
            return
        # The head is still incomplete: a field that never ends must not grow without bound either.
        self._head_read += len(data)
        if self._head_read - len(getattr(self, "url", b"")) > self.limits.max_bytes + _READ_SLACK:
            self._refusal = f"header fields over {self.limits.max_bytes} bytes (PROVENIENS_MAX_HEADER_BYTES)"
            self._send_431()

    def send_400_response(self, msg: str) -> None:
        if self._refusal:
            self._send_431()
        else:
            super().send_400_response(msg)

    def _send_431(self) -> None:
        body = f"Request header fields too large: {self._refusal}.\n".encode()
        head = [STATUS_LINE[431]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [
            b"content-type: text/plain; charset=utf-8\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        if self.transport.can_write_eof():
            self.transport.write_eof()
            self.loop.call_later(_LINGER_SECONDS, self.transport.close)
        else:
            self.transport.close()

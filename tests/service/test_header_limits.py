"""Oversized request heads are refused with 431 by a real `proveniens serve`, which keeps answering others."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from proveniens.build import BuildReport


@pytest.fixture(scope="module")
def limited(
    bundled_build: tuple[Path, BuildReport], serve: Callable[..., AbstractContextManager[str]]
) -> Iterator[str]:
    """The bundled build served with small, explicit header limits."""
    with serve(bundled_build[0], max_header_bytes="4096", max_headers="20") as base:
        yield base


def send_head(base: str, fields: list[bytes], chunk: int = 1 << 16) -> bytes:
    """Send `GET /api/timeline` with `fields` over a raw socket; return what the server answered."""
    parts = urlsplit(base)
    head = b"GET /api/timeline HTTP/1.1\r\nHost: x\r\n" + b"".join(f + b"\r\n" for f in fields) + b"\r\n"
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        try:
            for start in range(0, len(head), chunk):
                sock.sendall(head[start : start + chunk])
        except OSError:
            pass  # the server may stop reading once it has refused the head
        answer = b""
        while chunk_in := sock.recv(65536):
            answer += chunk_in
            if b"\r\n\r\n" in answer and b"connection: close" not in answer.lower():
                break
        return answer


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def test_two_megabyte_header_is_431(server: str) -> None:
    answer = send_head(server, [b"X-Big: " + b"a" * 2_000_000])
    assert status(answer) == 431
    assert b"PROVENIENS_MAX_HEADER_BYTES" in answer


def test_hundred_thousand_headers_are_431(server: str) -> None:
    answer = send_head(server, [b"X-%d: v" % i for i in range(100_000)])
    assert status(answer) == 431
    assert b"PROVENIENS_MAX_HEADERS" in answer


def test_ordinary_head_is_served(limited: str) -> None:
    answer = send_head(limited, [b"Accept: application/json", b"X-Ok: " + b"a" * 3000])
    assert status(answer) == 200


def test_limits_follow_the_settings(limited: str) -> None:
    assert status(send_head(limited, [b"X-Big: " + b"a" * 5000])) == 431
    assert status(send_head(limited, [b"X-%d: v" % i for i in range(25)])) == 431
    assert status(send_head(limited, [b"X-%d: v" % i for i in range(15)])) == 200


def test_server_answers_others_while_a_huge_head_arrives(server: str) -> None:
    """A head still arriving holds no one else up, and is refused once it passes the limit."""
    parts = urlsplit(server)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as slow:
        slow.sendall(b"GET /api/timeline HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 30_000)
        for _ in range(5):
            assert httpx.get(server + "/api/timeline", timeout=10).status_code == 200
        try:
            for _ in range(32):
                slow.sendall(b"a" * 65_536)
        except OSError:
            pass
        answer = slow.recv(65536)
    assert status(answer) == 431

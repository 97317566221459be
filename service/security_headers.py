"""Security headers on every response, and a strict Content-Security-Policy on HTML pages.

The pages load only this service's own scripts, styles and data (vendored YASGUI and Cytoscape under
/static, no inline script or style), so the policy allows 'self' and nothing inline: markup that slipped
into a label could still not run. The API documentation pages (/docs, /redoc) are FastAPI's own: they load
Swagger UI / ReDoc from a CDN and carry one inline block, which is allowed by its hash, computed from the
page FastAPI generated (fixed by the server's configuration, never by a request's content).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The vendored libraries insert a few fixed stylesheets as <style> elements; each is allowed by the hash of its
# exact text (nothing else inline is). A library update that changes them shows as a violation in tests/ui.
_VENDOR_STYLES = (
    "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='",  # cytoscape: .__________cytoscape_container
    "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='",  # YASR's column resizer: its .grip-* rules
    "'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='",  # the same, while a column is dragged
)
PAGE_POLICY = (
    f"default-src 'none'; script-src 'self'; style-src 'self' {' '.join(_VENDOR_STYLES)}; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_DOCS_SOURCES = "https://cdn.jsdelivr.net"
_INLINE = re.compile(rb"<(script|style)>(.*?)</\1>", re.DOTALL)
_COMMON = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]


def docs_policy(html: bytes) -> str:
    """The policy of a FastAPI documentation page: its CDN, and its inline blocks by hash."""
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for kind, content in _INLINE.findall(html):
        digest = base64.b64encode(hashlib.sha256(content).digest()).decode()
        hashes[kind.decode()].append(f"'sha256-{digest}'")
    return (
        f"default-src 'none'; script-src {_DOCS_SOURCES} {' '.join(hashes['script'])}; "
        f"style-src {_DOCS_SOURCES} https://fonts.googleapis.com {' '.join(hashes['style'])}; "
        "img-src 'self' data: https:; font-src https://fonts.gstatic.com; connect-src 'self'; worker-src blob:; "
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


def _is_html(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.lower().startswith(b"text/html") for k, v in headers)


class SecurityHeaders:
    """ASGI middleware: nosniff and Referrer-Policy everywhere, the CSP on HTML (buffered only for the docs)."""

    def __init__(self, app: ASGIApp, docs_paths: Iterable[str | None] = ()) -> None:
        self.app = app
        self.docs_paths = {p for p in docs_paths if p}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in self.docs_paths:
            await self._docs(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + _COMMON
                if _is_html(headers):
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Hold the (small, generated) documentation page to hash its inline blocks before the headers go."""
        start: Message | None = None
        body = b""

        async def hold(message: Message) -> None:
            nonlocal start, body
            if message["type"] == "http.response.start":
                start = message
                return
            body += message.get("body", b"")
            if message.get("more_body"):
                return
            assert start is not None
            headers = list(start.get("headers", [])) + _COMMON
            if _is_html(headers):
                headers.append((b"content-security-policy", docs_policy(body).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, hold)

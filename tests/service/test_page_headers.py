"""HTML pages of a real `proveniens serve` carry a strict Content-Security-Policy, nosniff and a Referrer-Policy,
and load nothing the policy would block (no inline script, style or event handler)."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from urllib.parse import quote

import httpx
import pytest

B = "https://w3id.org/proveniens/"
PAGES = [
    "/",
    "/ui/search?q=vardkontakt",
    f"/ui/resource?iri={quote(B + 'agreement/hos-avtal-vg-2021/element/fast-vardkontakt')}",
    f"/ui/evidence?subject={quote(B + 'sou/2020:19')}",  # 422: an error page is a page too
    "/sparql/editor",
    "/source/004_77c63d0e7f875d18.txt",
    "/ontology",
    "/catalog",
    "/sou/2020:19",
    f"/ui/resource?iri={quote(B + 'no/such/thing')}",  # 404 page
]


def policy(header: str) -> dict[str, list[str]]:
    directives = (d.strip().split() for d in header.split(";") if d.strip())
    return {d[0]: d[1:] for d in directives}


class Inline(HTMLParser):
    """What a strict policy would block: inline scripts, style blocks and attributes, event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            if "src" in values:
                self.scripts.append(values["src"] or "")
            elif values.get("type") != "application/json":  # a data block, never run
                self.blocked.append("inline <script>")
        if tag == "style":
            self.blocked.append("<style> block")
        self.blocked += [f"{tag} {name}=" for name, _ in attrs if name == "style" or name.startswith("on")]
        if tag == "link" and values.get("rel") == "stylesheet" and (values.get("href") or "").startswith("http"):
            self.blocked.append(f"stylesheet {values['href']}")


@pytest.mark.parametrize("path", PAGES)
def test_html_pages_have_a_strict_policy_they_keep(server: str, path: str) -> None:
    response = httpx.get(server + path, headers={"Accept": "text/html"}, timeout=30, follow_redirects=True)
    assert response.headers["content-type"].startswith("text/html"), (response.status_code, response.text[:200])
    assert response.headers.get("x-content-type-options") == "nosniff"
    assert response.headers.get("referrer-policy") == "same-origin"
    csp = policy(response.headers.get("content-security-policy", ""))
    assert csp.get("default-src") == ["'none'"]
    assert csp.get("script-src") == ["'self'"]
    assert csp.get("style-src", [""])[0] == "'self'"
    assert all(source.startswith("'sha256-") for source in csp["style-src"][1:])  # fixed vendor styles, by hash
    assert csp.get("frame-ancestors") == ["'none'"]
    assert csp.get("base-uri") == ["'none'"]
    page = Inline()
    page.feed(response.text)
    assert page.blocked == []
    assert all(src.startswith("/static/") for src in page.scripts), page.scripts


def test_other_responses_are_not_sniffed(server: str) -> None:
    response = httpx.get(server + "/api/timeline", timeout=30)
    assert response.headers.get("x-content-type-options") == "nosniff"
    assert "content-security-policy" not in response.headers  # JSON is not a page


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_documentation_pages_allow_exactly_their_inline_blocks(server: str, path: str) -> None:
    response = httpx.get(server + path, timeout=30)
    csp = policy(response.headers["content-security-policy"])
    assert "'unsafe-inline'" not in csp["script-src"] + csp["style-src"]
    for kind, content in re.findall(r"<(script|style)>(.*?)</\1>", response.text, re.DOTALL):
        digest = base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp[f"{kind}-src"]
    assert csp["frame-ancestors"] == ["'none'"]

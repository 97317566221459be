"""One language choice for every HTML answer: ?lang=, then the cookie, then Accept-Language by its q-values."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from proveniens.service.language import language, preferred


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", "sv"),
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("en;q=0.1, sv", "sv"),  # the first listed is not the most wanted
        ("sv;q=0.2, en-GB;q=0.8", "en"),
        ("en, sv", "en"),  # a tie goes to the one listed first
        ("sv;q=0, *", "en"),  # q=0: not this one; * stands for the rest
        ("en;q=0.5, *", "sv"),
        ("en-US;q=0.9, en;q=0.1, sv;q=0.5", "sv"),  # the most specific range decides: en is 0.1
        ("fr, de;q=0.9", "sv"),
        ("EN;Q=0.7, sv;q=0.6", "en"),
        ("en;q=bad, sv;q=0.1", "sv"),
    ],
)
def test_accept_language_is_read_by_its_weights(header: str, expected: str) -> None:
    assert preferred(header) == expected


def test_the_link_wins_over_the_cookie_and_the_cookie_over_the_header() -> None:
    def request(query: str, cookie: str | None) -> Request:
        headers = [(b"accept-language", b"en")]
        if cookie:
            headers.append((b"cookie", f"proveniens_lang={cookie}".encode()))
        scope = {"type": "http", "method": "GET", "path": "/", "query_string": query.encode(), "headers": headers}
        return Request(scope)

    assert language(request("lang=sv", "en")) == "sv"
    assert language(request("", "sv")) == "sv"
    assert language(request("", None)) == "en"
    assert language(request("lang=fr", None)) == "en"

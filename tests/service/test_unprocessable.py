"""Every 422 a real `proveniens serve` gives matches the 422 schema it publishes in /openapi.json."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest

SOU = "https://w3id.org/proveniens/sou/2020:19"
# Requests that are refused 422: by FastAPI's parameter validation, and by the API's own checks.
UNPROCESSABLE = [
    ("/api/lineage", {}),  # iri missing
    ("/api/search", {"q": ""}),  # too short
    ("/api/decisions", {"body": SOU, "from": "not a date"}),
    ("/api/search", {"q": "   "}),  # only blanks
    ("/api/decisions", {"body": SOU, "from": "2021-01-01", "to": "2020-01-01"}),  # from after to
    ("/api/resource", {"iri": "not an iri"}),
    ("/api/remiss", {"sou": "<bad>"}),
]


@pytest.fixture(scope="module")
def openapi(server: str) -> dict[str, Any]:
    return httpx.get(server + "/openapi.json", timeout=10).json()


def schema_for(openapi: dict[str, Any], path: str) -> dict[str, Any]:
    """The published 422 body schema of GET `path`, resolvable against the whole document."""
    responses = openapi["paths"][path]["get"]["responses"]
    assert "422" in responses, f"{path} answers 422 but does not document it"
    schema = responses["422"]["content"]["application/json"]["schema"]
    return {**schema, "components": openapi["components"]}


@pytest.mark.parametrize(("path", "params"), UNPROCESSABLE, ids=[f"{p}?{q}" for p, q in UNPROCESSABLE])
def test_422_body_matches_published_schema(server: str, openapi: dict[str, Any], path: str, params: dict) -> None:
    response = httpx.get(server + path, params=params, timeout=30)
    assert response.status_code == 422, response.text
    jsonschema.validate(response.json(), schema_for(openapi, path))


def test_schema_still_rejects_other_bodies(openapi: dict[str, Any]) -> None:
    """The widened schema is not a blank cheque: it still demands `detail` of a known shape."""
    schema = schema_for(openapi, "/api/search")
    for body in ({}, {"detail": 3}, {"detail": [{"msg": "no loc or type"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(body, schema)

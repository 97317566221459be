"""The published 422 schema says what 422 bodies really are.

FastAPI documents every 422 as its validation error (`detail`: an array of {loc, msg, type}), but the
API also answers 422 itself with a sentence (`detail`: a string) — an empty search, `from` after `to`,
a value that is not an IRI. The sentence is the more useful body for a person, so the schema is widened
to say `detail` is either, and a client generated from /openapi.json accepts both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

_NAME = "Unprocessable"
_SCHEMA: dict[str, Any] = {
    "title": _NAME,
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "Why the request was refused: a sentence, or the parameters that failed validation.",
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}},
            ],
        }
    },
}


def publish_unprocessable(app: FastAPI) -> None:
    """Make every 422 response in `app`'s OpenAPI document use the widened schema."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        schema.setdefault("components", {}).setdefault("schemas", {})[_NAME] = _SCHEMA
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                response = operation.get("responses", {}).get("422")
                if response is not None:
                    response["description"] = "Unprocessable: a parameter is missing, malformed or inconsistent"
                    response["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{_NAME}"}}}
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

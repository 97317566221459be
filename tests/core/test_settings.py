"""Settings: one object, `PROVENIENS_` variables, every field documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from proveniens.settings import Settings, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert f"`PROVENIENS_{name.upper()}`" in text, f"README lacks PROVENIENS_{name.upper()}"
        assert field.description, f"setting {name} has no description"


def test_environment_is_read_with_the_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROVENIENS_STORE", "/srv/proveniens")
    monkeypatch.setenv("PROVENIENS_PORT", "9000")
    settings = load_settings(port=None, host="0.0.0.0")
    assert settings.store_path == Path("/srv/proveniens")
    assert settings.remote is None
    assert settings.port == 9000
    assert settings.host == "0.0.0.0"


def test_a_bad_value_is_refused_with_the_field_name() -> None:
    with pytest.raises(ValidationError, match="port"):
        Settings(port="eighty")  # type: ignore[arg-type]


def test_a_url_store_is_a_remote_server() -> None:
    settings = Settings(store="http://127.0.0.1:7878", remote_query_path="/sparql")
    assert settings.remote is not None
    assert settings.remote.query == "http://127.0.0.1:7878/sparql"
    assert settings.remote.store == "http://127.0.0.1:7878/store"

"""Data flows one way — sources → loaders → validation → store → service — and no module reaches back."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from proveniens.errors import ProveniensError

REPO = Path(__file__).resolve().parents[2]
PACKAGES = {
    "proveniens": REPO / "proveniens",
    "proveniens.loaders": REPO / "loaders",
    "proveniens.service": REPO / "service",
}

# What each layer must never import.
FORBIDDEN = {
    "proveniens.loaders": ("proveniens.checks", "proveniens.storage", "proveniens.build", "proveniens.service"),
    "proveniens.checks": ("proveniens.loaders", "proveniens.storage", "proveniens.build", "proveniens.service"),
    "proveniens.storage": ("proveniens.loaders", "proveniens.checks", "proveniens.build", "proveniens.service"),
    "proveniens.service": ("proveniens.loaders", "proveniens.checks", "proveniens.build", "proveniens.cli"),
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):  # sub-packages too
            parts = path.relative_to(folder).with_suffix("").parts
            name = ".".join((package, *parts))
            found.append((name.removesuffix(".__init__"), path))
    return found


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("module", "path"), modules(), ids=[m for m, _ in modules()])
def test_module_does_not_import_a_later_stage(module: str, path: Path) -> None:
    for layer, forbidden in FORBIDDEN.items():
        if module == layer or module.startswith(layer + "."):
            bad = sorted(i for i in imports_of(path) if i.startswith(forbidden))
            assert not bad, f"{path.relative_to(REPO)} ({layer}) imports {bad}"


def test_no_generic_top_level_package_is_installed() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    packages = text.split("packages = [", 1)[1].split("]", 1)[0]
    names = [line.strip().strip('",') for line in packages.splitlines() if line.strip()]
    assert names and all(n == "proveniens" or n.startswith("proveniens.") for n in names), names


CODE_FOLDERS = sorted(p.parent for root in ("proveniens", "loaders") for p in (REPO / root).rglob("__init__.py"))


@pytest.mark.parametrize("folder", CODE_FOLDERS, ids=lambda p: str(p.relative_to(REPO)))
def test_a_code_folder_holds_a_dozen_modules_at_most(folder: Path) -> None:
    """A folder past a dozen modules hides its concepts: they get sub-packages (the brief's rule)."""
    modules = sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")
    assert len(modules) <= 12, f"{folder.relative_to(REPO)} holds {len(modules)} modules: {modules}"


SERVICE = REPO / "service"
SERVICE_FOLDERS = sorted(p.parent for p in SERVICE.rglob("__init__.py"))
# The rooms of service/, in the order data flows: a room may import the rooms before it, never one after.
ROOMS = ("sparql", "answers", "linked_data", "pages")


@pytest.mark.parametrize("folder", SERVICE_FOLDERS, ids=lambda p: str(p.relative_to(REPO)))
def test_a_service_folder_holds_a_dozen_modules_at_most(folder: Path) -> None:
    modules = sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")
    assert len(modules) <= 12, f"{folder.relative_to(REPO)} holds {len(modules)} modules: {modules}"


def test_service_is_four_rooms() -> None:
    rooms = sorted(p.name for p in SERVICE.iterdir() if (p / "__init__.py").is_file())
    assert rooms == sorted(ROOMS), rooms


@pytest.mark.parametrize(
    ("module", "path"),
    [(m, p) for m, p in modules() if m.startswith("proveniens.service.")],
    ids=[m for m, _ in modules() if m.startswith("proveniens.service.")],
)
def test_a_room_imports_no_room_after_it(module: str, path: Path) -> None:
    """sparql never imports pages or answers (nor linked data); answers never the pages or linked data."""
    room = module.split(".")[2]
    if room not in ROOMS:
        return  # the shared plumbing at service/ top level (app factory, errors, words, caching …)
    later = tuple(f"proveniens.service.{r}" for r in ROOMS[ROOMS.index(room) + 1 :])
    bad = sorted(i for i in imports_of(path) if i.startswith(later))
    assert not bad, f"{path.relative_to(REPO)} (room {room}) imports {bad}"


def test_every_service_exception_is_a_proveniens_error() -> None:
    """One root for every error the service raises, so one handler (error_responses.py) answers them all."""
    found = []
    for module, _ in modules():
        if module.startswith("proveniens.service"):
            namespace = vars(importlib.import_module(module))
            found += [c for c in namespace.values() if isinstance(c, type) and c.__module__ == module]
    errors = [c for c in found if issubclass(c, BaseException)]
    assert len(errors) >= 10, errors  # ServiceError and its kinds, QueryFailed, Refused, LexError, BadTerm …
    wrong = [f"{c.__module__}.{c.__name__}" for c in errors if not issubclass(c, ProveniensError)]
    assert not wrong, f"not under ProveniensError: {wrong}"

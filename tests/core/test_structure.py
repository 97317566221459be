"""Data flows one way — sources → loaders → validation → store → service — and no module reaches back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = {
    "proveniens": REPO / "proveniens",
    "proveniens.loaders": REPO / "loaders",
    "proveniens.service": REPO / "service",
}

# What each layer must never import.
FORBIDDEN = {
    "proveniens.loaders": ("proveniens.validation", "proveniens.store", "proveniens.build", "proveniens.service"),
    "proveniens.validation": ("proveniens.loaders", "proveniens.store", "proveniens.build", "proveniens.service"),
    "proveniens.store": ("proveniens.loaders", "proveniens.validation", "proveniens.build", "proveniens.service"),
    "proveniens.service": ("proveniens.loaders", "proveniens.validation", "proveniens.build", "proveniens.cli"),
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


@pytest.mark.parametrize(
    "folder", sorted(p.parent for p in (REPO / "loaders").rglob("__init__.py")), ids=lambda p: str(p.relative_to(REPO))
)
def test_a_loaders_folder_holds_a_dozen_modules_at_most(folder: Path) -> None:
    """A folder past a dozen modules hides its concepts: they get sub-packages (the brief's rule)."""
    modules = sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")
    assert len(modules) <= 12, f"{folder.relative_to(REPO)} holds {len(modules)} modules: {modules}"

"""A real `proveniens serve` over the bundled corpus (plus one curated file whose labels are markup) and a
real headless Chromium driven by Playwright.

Chromium comes from Debian (`apt-get install chromium`); set PROVENIENS_CHROMIUM to use another binary.
Screenshots of the main pages go to $PROVENIENS_SCREENSHOTS (`make screenshots`: docs/screenshots/).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from proveniens.build import build

REPO = Path(__file__).resolve().parents[2]
# `make screenshots` points this at docs/screenshots; otherwise they go to a temporary folder, so a test
# run never changes tracked files (the screenshots are still taken, so a page that cannot render fails).
SCREENSHOTS = Path(os.environ.get("PROVENIENS_SCREENSHOTS") or Path(tempfile.gettempdir()) / "proveniens-screenshots")
CHROMIUM = os.environ.get("PROVENIENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def ui_sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(store, sources): the bundled sources and tests/api/data/markup_test.yaml, built; for the README's
    screenshots (`make screenshots`, which leaves out the markup test) the bundled sources alone."""
    sources = tmp_path_factory.mktemp("ui-sources")
    shutil.copytree(REPO / "sources", sources, dirs_exist_ok=True)
    if "PROVENIENS_SCREENSHOTS" not in os.environ:
        shutil.copy(REPO / "tests" / "api" / "data" / "markup_test.yaml", sources / "curated" / "markup_test.yaml")
    store = tmp_path_factory.mktemp("ui-store")
    build(sources, store)
    return store, sources


@pytest.fixture(scope="session")
def server(ui_sources: tuple[Path, Path], serve: Callable[..., AbstractContextManager[str]]) -> Iterator[str]:
    store, sources = ui_sources
    with serve(store, sources=str(sources), query_workers="2") as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium, or set PROVENIENS_CHROMIUM to a Chromium binary")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page (no cookies) that fails the test on any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not errors, f"script errors or dialogs on the page: {errors}"


def screenshot(page: Page, name: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

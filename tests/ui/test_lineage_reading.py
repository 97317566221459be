"""The lineage picture can be read as drawn: no text under 12 px at its first zoom, whatever its size, and
it zooms and pans for the rest."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from .test_browser import ELEMENT, B, wait_for_picture

SMALLEST_TEXT = """() => {
  const cy = window.proveniensLineage;
  const sizes = cy.elements().filter(e => e.renderedStyle('label')).map(e => parseFloat(e.renderedStyle('font-size')));
  return [Math.min(...sizes), cy.nodes().length];
}"""


@pytest.mark.parametrize("iri", [ELEMENT, B + "sou/2020:19", B + "meeting/sro/2021-09-24/item/6/decision"])
def test_no_text_in_the_picture_is_under_12_px(server: str, page: Page, iri: str) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(iri)}&lang=sv")
    wait_for_picture(page)
    smallest, nodes = page.evaluate(SMALLEST_TEXT)
    assert nodes >= 3, f"{iri}: the picture has {nodes} nodes"
    assert smallest >= 12, f"{iri}: text drawn at {smallest:.1f} px ({nodes} nodes)"


def test_the_buttons_zoom_and_show_the_whole_picture(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(B + 'sou/2020:19')}&lang=sv")
    wait_for_picture(page)
    zoom = page.evaluate("() => window.proveniensLineage.zoom()")
    page.locator('#lineage-tools button[data-zoom="in"]').click()
    assert page.evaluate("() => window.proveniensLineage.zoom()") > zoom
    page.locator('#lineage-tools button[data-zoom="fit"]').click()
    inside = page.evaluate("""() => { const cy = window.proveniensLineage, box = cy.elements().renderedBoundingBox();
        return box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1; }""")
    assert inside, "after 'show the whole picture' every node is inside the frame"


SHOWN = """() => { const cy = window.proveniensLineage, shown = e => e.style('display') !== 'none';
  return [cy.nodes('.context').filter(shown).length, cy.nodes('.context').length, cy.nodes().filter(shown).length]; }"""


def test_context_starts_folded_and_opens_with_a_click(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(ELEMENT)}&lang=sv")
    wait_for_picture(page)
    shown, context, visible = page.evaluate(SHOWN)
    assert context >= 2, "the clause's lineage has context (the law its proposals led to): this test shows nothing"
    assert shown == 0 and visible >= 3, "the answer first: what the clause rests on, context folded"
    button = page.locator("#lineage-context")
    assert button.inner_text() == f"Visa sammanhang ({context})"
    button.click()
    shown, _, _ = page.evaluate(SHOWN)
    assert shown == context and button.get_attribute("aria-pressed") == "true"
    assert button.inner_text() == "Dölj sammanhang"
    smallest, _ = page.evaluate(SMALLEST_TEXT)
    assert smallest >= 12, f"with the context shown, text drawn at {smallest:.1f} px"
    button.click()
    assert page.evaluate(SHOWN)[0] == 0 and button.inner_text() == f"Visa sammanhang ({context})"

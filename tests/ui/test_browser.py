"""What a person does in a browser: search, open a clause, read its lineage picture, follow a link to the
source lines, switch language, and run a query in the editor."""

from __future__ import annotations

import re
from urllib.parse import quote

from playwright.sync_api import Page, expect

from proveniens.named_queries import named_queries

from .conftest import screenshot

B = "https://w3id.org/proveniens/"
ELEMENT = B + "agreement/hos-avtal-vg-2021/element/fast-vardkontakt"
MARKUP = B + "agreement/hos-avtal-vg-2021/element/markup-test"


def wait_for_picture(page: Page) -> None:
    page.wait_for_selector("#lineage-graph[data-ready=true]")


def picture_nodes(page: Page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries(window.proveniensLineage.nodes().map(n => [n.id(), n.classes().join(' ')]))"
    )


def test_three_clicks_from_search_to_the_clause_its_lineage_and_the_source_lines(server: str, page: Page) -> None:
    page.goto(server + "/?lang=sv")
    expect(page.locator("#timeline")).to_contain_text("SOU 2020:19")
    screenshot(page, "home")
    clicks = 0

    page.fill("#q", "fast vårdkontakt")
    page.click("#search-button")
    clicks += 1
    expect(page.locator("#hits")).to_contain_text("Fast vårdkontakt")
    screenshot(page, "search")

    page.locator("#hits a", has_text=re.compile(r"^Fast vårdkontakt$")).click()
    clicks += 1
    expect(page.locator("#resource-title")).to_have_text("Fast vårdkontakt")
    wait_for_picture(page)
    nodes = picture_nodes(page)
    assert "start" in nodes[ELEMENT]
    for reached in ("sou/2020:19/proposal/patientkontrakt", "sou/2020:19", "kommitte/S2017:01", "dir/2017:24"):
        assert B + reached in nodes, f"the picture lacks {reached}"
    assert "context" in nodes[B + "sfs/2017:30"], "the law is drawn, as context"
    edges = page.evaluate("() => window.proveniensLineage.edges().map(e => e.data('assertion'))")
    assert {"stated", "inferred"} <= set(edges)
    page.locator("#lineage").scroll_into_view_if_needed()
    screenshot(page, "lineage")

    link = page.locator('#lineage-hops a.source-link[href$="004_77c63d0e7f875d18.txt#L1261-L1262"]').first
    expect(link).to_be_visible()
    link.click()
    clicks += 1
    expect(page).to_have_url(re.compile(r"/source/004_77c63d0e7f875d18\.txt#L1261-L1262$"))
    highlighted = page.locator(".line.highlight")
    expect(highlighted).to_have_count(2)
    expect(highlighted.first).to_contain_text("Det ska också framgå vem eller vilka som utgör patientens fasta")
    expect(highlighted.first).to_be_in_viewport()
    screenshot(page, "source")
    assert clicks == 3


def test_clicking_a_node_of_the_picture_opens_its_page(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(ELEMENT)}&lang=sv")
    wait_for_picture(page)
    page.locator("#lineage-graph").evaluate("e => e.scrollIntoView({block: 'center'})")  # all of it in view
    x, y = page.evaluate(
        """async (iri) => { const cy = window.proveniensLineage, n = cy.getElementById(iri);
                      cy.center(n);  // as a reader drags a large picture to the node they want
                      // let the scroll and the new view reach the screen before reading positions from it
                      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                      const box = cy.container().getBoundingClientRect(), b = n.renderedBoundingBox();
                      const free = (x, y) => !cy.edges().some(e => { const r = e.renderedBoundingBox();
                          return x >= r.x1 && x <= r.x2 && y >= r.y1 && y <= r.y2; });
                      for (const fy of [0.5, 0.3, 0.7, 0.2, 0.8]) for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
                          const x = b.x1 + fx * b.w, y = b.y1 + fy * b.h;
                          if (free(x, y)) return [box.left + x, box.top + y]; }
                      return [box.left + b.x1 + b.w / 2, box.top + b.y1 + b.h / 2]; }""",
        B + "sou/2020:19",
    )
    page.mouse.click(x, y)
    expect(page.locator("#resource-title")).to_have_text("SOU 2020:19")
    expect(page.locator("#impact")).to_contain_text("Fast vårdkontakt")


def test_switching_language(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(ELEMENT)}")
    expect(page.locator("#lineage h2")).to_have_text("Härkomst")
    page.click("#lang-switch")
    expect(page.locator("#lineage h2")).to_have_text("Lineage")
    expect(page.locator("#resource-title")).to_have_text("Named care contact (fast vårdkontakt)")
    wait_for_picture(page)
    labels = page.evaluate("() => window.proveniensLineage.nodes().map(n => n.data('kindName'))")
    assert "government bill" in labels
    page.click("a.brand")
    expect(page.locator("#timeline h2")).to_have_text("Timeline of the reform")
    page.click("#lang-switch")
    expect(page.locator("#timeline h2")).to_have_text("Reformens tidslinje")


def test_the_query_editor_runs_a_named_query(server: str, page: Page) -> None:
    page.goto(server + "/sparql")
    expect(page).to_have_url(re.compile(r"/sparql/editor$"))
    page.wait_for_selector(".yasqe .CodeMirror")
    tab = page.locator("#yasgui a[role=tab] > span:first-child", has_text=named_queries()["lineage"].summary_in("sv"))
    tab.click()
    expect(page.locator(".yasqe .CodeMirror").first).to_contain_text("fast-vardkontakt")
    page.locator(".yasqe_queryButton:visible").first.click()
    table = page.locator(".yasr table.dataTable tbody tr, .yasr .yasr_results table tbody tr")
    expect(table.first).to_be_visible()
    assert table.count() > 3
    expect(page.locator(".yasr").first).to_contain_text("2020:19")
    screenshot(page, "editor")


def test_markup_in_a_label_shows_as_text(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(MARKUP)}&lang=sv")
    expect(page.locator("#resource-title")).to_have_text("<script>window.__xss = 1</script><b>Fet</b> vårdkontakt")
    wait_for_picture(page)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("#resource-title b").count() == 0
    label = page.evaluate("(iri) => window.proveniensLineage.getElementById(iri).data('label')", MARKUP)
    assert label.startswith("<script>")
    expect(page.locator("#lineage-hops .note").first).to_contain_text("<script>window.__xss = 3</script>")
    page.goto(f"{server}/ui/resource?iri={quote(MARKUP)}&lang=en")
    expect(page.locator("#resource-title")).to_contain_text('<img src=x onerror="window.__xss=2">')
    page.goto(f"{server}/ui/search?q=script")
    expect(page.locator("#hits")).to_contain_text("<script>window.__xss = 1</script>")
    assert page.evaluate("() => window.__xss") is None

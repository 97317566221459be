"""The query editor in a real browser: its tabs and list name the named queries by their summaries in the
page's language, and a result IRI of the dataset's own namespace links to this server's page, not w3id.org."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from proveniens.named_queries import named_queries

B = "https://w3id.org/proveniens/"


def open_editor(page: Page, server: str, lang: str) -> None:
    page.goto(f"{server}/sparql/editor?lang={lang}")
    page.wait_for_selector(".yasqe .CodeMirror")


def tab_names(page: Page) -> list[str]:
    return [name.strip() for name in page.locator("#yasgui a[role=tab] > span:first-child").all_text_contents()]


def test_tabs_and_list_name_the_queries_by_their_summaries_in_the_page_language(server: str, page: Page) -> None:
    queries = named_queries()
    for lang in ("sv", "en"):
        open_editor(page, server, lang)
        tabs = tab_names(page)
        assert queries["lineage"].summary_in(lang) in tabs, tabs
        assert queries["decisions_of_body"].summary_in(lang) in tabs, tabs
        assert not set(tabs) & set(queries), f"tabs named by file name: {set(tabs) & set(queries)}"
        listed = [item.strip() for item in page.locator(".named-queries li").all_text_contents()]
        assert sorted(listed) == sorted(q.summary_in(lang) for q in queries.values())
    assert queries["lineage"].summary_in("sv") != queries["lineage"].summary_in("en"), "no Swedish summary to show"


def test_result_iris_of_the_dataset_link_to_this_server(server: str, page: Page) -> None:
    open_editor(page, server, "en")
    page.locator("#yasgui a[role=tab]", has_text=named_queries()["lineage"].summary_in("en")).click()
    page.locator(".yasqe_queryButton:visible").first.click()
    links = page.locator(".yasr table tbody a[href]")
    expect(links.first).to_be_visible()
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    outside = [h for h in hrefs if "w3id.org" in h]
    assert not outside, f"result links that leave for w3id.org: {outside[:5]}"
    local = [h for h in hrefs if h.startswith("/")]
    assert local, hrefs[:10]
    assert links.first.get_attribute("title", timeout=1000).startswith(B)  # the IRI itself, on hover
    response = page.goto(server + local[0])
    assert response is not None and response.status == 200, f"{local[0]}: {response and response.status}"
    expect(page.locator("h1")).to_be_visible()

"""Evidence and the source viewer name a source by what it is (issuer, title, year), not by its file name."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.testclient import TestClient

from proveniens.service.answers.source_names import SourceName
from proveniens.service.pages.naming import cite

from .conftest import ELEMENT
from .test_pages import page

NAMED = {
    "000_03928f52508d805a.txt": "VVG, 31 januari – 30 juni 2021 (minnesanteckningar)",
    "001_06d9e870a2ccb54a.txt": "SRO, 24 september 2021 (minnesanteckningar)",
    "002_ba0b3cc1446c0b9e.txt": "VVG, april–augusti 2020 (minnesanteckningar)",
    "003_8f5bace6e5519086.txt": "Äldreförvaltningen, remissvar på SOU 2020:19 (2020)",
    "004_77c63d0e7f875d18.txt": "Socialstyrelsen, Uppföljning av omställningen till en mer nära vård (2020)",
}


def test_evidence_cites_the_report_by_issuer_title_and_year(client: TestClient) -> None:
    html = page(client, f"/ui/resource?iri={quote(ELEMENT)}&lang=sv")
    found = re.findall(r'<a class="source-link"[^>]*>(.*?)</a>', html, re.S)
    links = [" ".join(re.sub(r"<[^>]+>", "", m).split()) for m in found]
    assert "Socialstyrelsen, Uppföljning av omställningen till en mer nära vård (2020), rader 1261–1262" in links
    assert not [text for text in links if any(file in text for file in NAMED)], "a named source shown by its file"


def test_the_source_viewer_is_headed_by_what_the_source_is(client: TestClient) -> None:
    for file, name in NAMED.items():
        html = page(client, f"/source/{file}?lang=sv")
        heading = re.search(r'<h1 id="source-title">(.*?)</h1>', html, re.S)
        assert heading and " ".join(heading[1].split()) == name, f"{file}: {heading and heading[1]}"
        assert f"<code>{file}</code>" in html  # the file name stays, below the heading


def test_a_curated_file_keeps_its_file_name(client: TestClient) -> None:
    html = page(client, "/source/national_chain.yaml?lang=sv")
    assert re.search(r'<h1 id="source-title">\s*national_chain.yaml\s*</h1>', html)


def test_cite_in_english_and_without_a_year() -> None:
    report = SourceName("report", {"sv": "Uppföljning", "en": "Follow-up"}, {"sv": "Socialstyrelsen", "en": "NBHW"},
                        None, None)  # fmt: skip
    assert cite(report, "r.txt", "en") == "NBHW, Follow-up"
    remiss = SourceName("remiss", {"sv": None, "en": None}, {"sv": "Vårdförbundet", "en": None}, None, "2020")
    assert cite(remiss, "v.txt", "en") == "Vårdförbundet, remiss response (2020)"
    assert cite(None, "x.yaml", "sv") == "x.yaml"

"""Page furniture is recognised by its shape, wherever it falls, and masked without moving offsets."""

from __future__ import annotations

from proveniens.loaders.citations.find import find_citations
from proveniens.loaders.text.layout import LineKind, analyse

PAGE = """Slutet av en mening om SOU
\n\n 12 RAPPORTENS TITEL OM VÅRD \nMYNDIGHETEN \n\n
2020:19 fortsätter här.
\nRAPPORTENS TITEL OM VÅRD \nMYNDIGHETEN \n\n13 \n
 Tjänsteutlåtande \n\nDnr 1.6-292/2020 \n\nSida 5 (8) \n
Error! Use the Home tab to apply Rubrik 1 to \n\nthe text that you want to appear here. \n
Fel! Hittar inte referenskälla.
Vanlig text 13 rader.
"""


def kinds(text: str) -> dict[str, LineKind]:
    layout = analyse(text)
    return {line.strip(): kind for line, kind in zip(text.split("\n"), layout.kinds, strict=True) if line.strip()}


def test_each_kind_of_furniture() -> None:
    k = kinds(PAGE)
    assert k["12 RAPPORTENS TITEL OM VÅRD"] is LineKind.RUNNING_HEADER
    assert k["MYNDIGHETEN"] is LineKind.RUNNING_HEADER
    assert k["13"] is LineKind.PAGE_NUMBER
    assert k["Tjänsteutlåtande"] is LineKind.PAGE_HEADER
    assert k["Dnr 1.6-292/2020"] is LineKind.PAGE_HEADER
    assert k["Sida 5 (8)"] is LineKind.PAGE_NUMBER
    assert k["Error! Use the Home tab to apply Rubrik 1 to"] is LineKind.ARTEFACT
    assert k["the text that you want to appear here."] is LineKind.ARTEFACT
    assert k["Fel! Hittar inte referenskälla."] is LineKind.ARTEFACT
    assert k["Vanlig text 13 rader."] is LineKind.BODY
    assert k["2020:19 fortsätter här."] is LineKind.BODY


def test_masking_keeps_offsets_and_joins_a_citation_across_a_page_break() -> None:
    layout = analyse(PAGE)
    assert len(layout.masked) == len(PAGE)
    assert [i for i, c in enumerate(PAGE) if c == "\n"] == [i for i, c in enumerate(layout.masked) if c == "\n"]
    found = [c for c in find_citations(layout.masked) if c.kind.name == "SOU"]
    assert [c.identifier for c in found] == ["SOU 2020:19"]
    assert "MYNDIGHETEN" not in layout.masked and "Error!" not in layout.masked


def test_a_single_all_caps_heading_is_not_a_running_header() -> None:
    assert kinds("INLEDNING\nText här.\n")["INLEDNING"] is LineKind.BODY


def test_a_year_is_not_a_page_number() -> None:
    text = "TITEL OM VÅRD 2021\nSOCIALSTYRELSEN\n\nText.\n\nTITEL OM VÅRD 2021\nSOCIALSTYRELSEN\n"
    assert kinds(text)["TITEL OM VÅRD 2021"] is LineKind.RUNNING_HEADER

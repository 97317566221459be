"""Page numbers, running headers and footers, Word field errors and bare hyperlinks are not content."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proveniens.loaders.text.layout import analyse

CORPUS = Path(__file__).resolve().parents[2] / "sources" / "corpus"


def content(lines: list[str]) -> list[str]:
    return [line.stripped for line in analyse(lines).lines]


@pytest.mark.parametrize(
    "furniture",
    ["3", "Sida 2 (5)", "Sida 2 av 5", "Page 2 of 5", "2 (4)", "- 7 -",
     "Minnesanteckningar DVG 2022-03-14                    Sida 2 (3)", "http://www.vardsamverkan.se/"],
)  # fmt: skip
def test_page_furniture_is_not_content(furniture: str) -> None:
    lines = ["Förslaget diskuterades.", "", furniture, "", "Ställningstagande: VVG noterar informationen"]
    assert content(lines) == ["Förslaget diskuterades.", "Ställningstagande: VVG noterar informationen"]


def test_a_page_reference_in_a_sentence_stays() -> None:
    lines = ["Underlaget finns på sida 5 i bilagan och diskuterades länge av gruppen."]
    assert content(lines) == lines


def test_word_field_errors_over_two_lines_are_blanked_and_line_numbers_hold() -> None:
    lines = ["Rubrik", "Error! Use the Home tab to apply Rubrik 1 to ", "the text that you want to appear here. ",
             "Text efter.", "Svaret kom. Fel! Bokmärket är inte definierat."]  # fmt: skip
    layout = analyse(lines)
    assert [(x.no, x.stripped) for x in layout.lines] == [(1, "Rubrik"), (4, "Text efter."), (5, "Svaret kom.")]
    assert {2, 3} <= layout.artefacts


def test_a_running_header_repeated_at_page_breaks_is_furniture() -> None:
    page = ["Vårdsamverkan Västra Götaland – VVG", "{n}", ""]
    body = ["Första sidans text.", "", "", "", *page, "Andra sidans text.", "", "", "", *page, "Tredje sidan."]
    lines = [line.format(n=i) for i, line in enumerate(body)]
    assert content(lines) == ["Första sidans text.", "Andra sidans text.", "Tredje sidan."]


def test_a_repeated_decision_is_content_even_at_a_page_break() -> None:
    decision = "Ställningstagande: VVG noterar informationen"
    lines = ["Punkt ett.", decision, "", "", "", "Punkt två.", decision, "", "", "", "Slut."]
    assert content(lines).count(decision) == 2


@given(st.lists(st.sampled_from(["Text om nära vård.", "", " ", "Sida 1 (3)", "12", "Fel! Bokmärket är inte "
                                 "definierat.", "Ställningstagande: SRO noterar informationen."]), max_size=30))
def test_content_lines_keep_their_numbers_and_text(lines: list[str]) -> None:
    for line in analyse(lines).lines:
        assert 1 <= line.no <= len(lines)
        assert line.text.strip() and line.text.strip() in lines[line.no - 1]


def test_the_corpus_artefacts() -> None:
    layout = analyse((CORPUS / "001_06d9e870a2ccb54a.txt").read_text(encoding="utf-8").splitlines())
    assert 218 in layout.artefacts  # the hyperlink Word leaves at the page end
    assert not any("http://" in line.text for line in layout.lines)
    report = analyse((CORPUS / "003_8f5bace6e5519086.txt").read_text(encoding="utf-8").splitlines())
    assert not any("Error!" in line.text or "Sida 5 (8)" in line.text for line in report.lines)

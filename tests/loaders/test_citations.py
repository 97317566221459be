"""find_citations on the phenomena of real text: one golden case per phenomenon."""

from __future__ import annotations

import pytest

from proveniens.loaders.citations.find import Citation, CitationKind, find_citations
from proveniens.namespaces import INST


def only(text: str) -> Citation:
    found = find_citations(text)
    assert len(found) == 1, found
    return found[0]


def idents(text: str) -> list[tuple[str, str]]:
    return [(c.kind.name, c.identifier) for c in find_citations(text)]


@pytest.mark.parametrize(
    ("text", "kind", "identifier", "iri"),
    [
        ("betänkandet SOU 2020:19 om", CitationKind.SOU, "SOU 2020:19", "sou/2020:19"),
        ("(prop. 2019/20:164)", CitationKind.PROP, "Prop. 2019/20:164", "prop/2019/20:164"),
        ("propositionen 2017/18:83, Styrande", CitationKind.PROP, "Prop. 2017/18:83", "prop/2017/18:83"),
        ("prop. 1999/2000:149", CitationKind.PROP, "Prop. 1999/2000:149", "prop/1999/2000:149"),
        ("direktiven (dir. 2017:24)", CitationKind.DIR, "Dir. 2017:24", "dir/2017:24"),
        ("kommittédirektiv 2019:3", CitationKind.DIR, "Dir. 2019:3", "dir/2019:3"),
        ("promemorian Ds 2019:12", CitationKind.DS, "Ds 2019:12", "ds/2019:12"),
        ("utredningen (S 2017:01)", CitationKind.KOMMITTE, "S 2017:01", "kommitte/S2017:01"),
        ("utredningen (Ju 2019:05)", CitationKind.KOMMITTE, "Ju 2019:05", "kommitte/Ju2019:05"),
        ("enligt SFS 2010:659", CitationKind.SFS, "SFS 2010:659", "sfs/2010:659"),
        ("enligt HSL ska", CitationKind.LAW, "SFS 2017:30", "sfs/2017:30"),
        ("i patientlagen (2014:821) att", CitationKind.LAW, "SFS 2014:821", "sfs/2014:821"),
        ("enligt lagen (2016:1145) om", CitationKind.LAW, "SFS 2016:1145", "sfs/2016:1145"),
        ("uppdrag (S2019/03056/FS) om", CitationKind.DIARIENUMMER, "S2019/03056/FS", None),
        ("Dnr 1.6-292/2020", CitationKind.DIARIENUMMER, "1.6-292/2020", None),
        ("i 7 kap. 2 a § HSL.", CitationKind.PROVISION, "7 kap. 2 a § SFS 2017:30", "sfs/2017:30/K7P2a"),
        ("överenskommelsen God och nära vård 2019 ska", CitationKind.AGREEMENT, "God och nära vård 2019",
         "agreement/god-och-nara-vard-2019"),
    ],
)  # fmt: skip
def test_each_kind_is_found_and_normalised(text: str, kind: CitationKind, identifier: str, iri: str | None) -> None:
    c = only(text)
    assert (c.kind, c.identifier) == (kind, identifier)
    assert c.iri == (INST[iri] if iri else None)
    assert text[c.start : c.end] == c.text


def test_line_breaks_inside_a_citation() -> None:
    text = "God och nära vård, En gemensam färdplan och målbild (SOU \n\n2017:53). Utifrån"
    c = only(text)
    assert c.identifier == "SOU 2017:53" and c.text == "SOU \n\n2017:53"


def test_hyphenation_inside_a_law_name() -> None:
    c = only("en ändring i hälso- och sjukvårds-\nlagen (2017:30), som")
    assert c.identifier == "SFS 2017:30" and c.text.endswith("lagen (2017:30)")


def test_hyphenation_inside_an_agreement_title() -> None:
    c = only("I överenskommelsen En investering för utvecklade förutsättningar för vår-\ndens medarbetare 2019 finns")
    assert c.iri == INST["agreement/investering-vardens-medarbetare-2019"]


def test_the_misspelt_proposition_number() -> None:
    c = only("en primärvårdsreform, prop. 2019:20/164")
    assert (c.identifier, c.text) == ("Prop. 2019/20:164", "prop. 2019:20/164")


def test_en_dash_in_a_session_and_a_registration_number() -> None:
    assert idents("prop. 2019–20:164") == [("PROP", "Prop. 2019/20:164")]
    assert idents("Dnr 1.6–292/2020") == [("DIARIENUMMER", "1.6-292/2020")]


def test_en_dash_in_a_section_range() -> None:
    assert [c.identifier for c in find_citations("3–5 §§ LSS")] == [f"{n} § SFS 1993:387" for n in (3, 4, 5)]


def test_missing_spaces() -> None:
    assert idents("SOU2020:19 och prop.2019/20:164") == [("SOU", "SOU 2020:19"), ("PROP", "Prop. 2019/20:164")]
    assert only("enligt 7kap.2a§HSL").iri == INST["sfs/2017:30/K7P2a"]


def test_not_consecutive_years_is_not_a_proposition() -> None:
    assert find_citations("prop. 2019/21:164 och 2019:21/164") == []


def test_a_series_continues_after_a_comma() -> None:
    assert idents("SOU 2017:53, 2018:39 och 2020:19") == [
        ("SOU", "SOU 2017:53"), ("SOU", "SOU 2018:39"), ("SOU", "SOU 2020:19"),
    ]  # fmt: skip


def test_a_list_of_provisions_shares_the_law_named_last() -> None:
    found = find_citations("Bestämmelser finns i 8 kap. 8 §, 12 kap. 2 och 4 §§ och 16 \nkap. 1 § HSL. Av")
    assert [c.identifier for c in found] == [
        "8 kap. 8 § SFS 2017:30", "12 kap. 2 § SFS 2017:30", "12 kap. 4 § SFS 2017:30", "16 kap. 1 § SFS 2017:30",
    ]  # fmt: skip
    assert len({(c.start, c.end) for c in found}) == 1


def test_a_provision_without_its_law_takes_the_law_just_before() -> None:
    found = find_citations("som kommunen enligt 12 kap. 1 eller 2 § HSL har ansvar för, enligt 8 kap. 9 § som")
    assert found[-1].identifier == "8 kap. 9 § SFS 2017:30"
    assert find_citations("enligt 8 kap. 9 § som")[0].iri is None


def test_an_inquiry_number_without_its_letter_takes_it_from_the_same_text() -> None:
    text = "utredningen X (S2017:01) [1]. Utredningen Samordnad utveckling för god och nära vård (2017:01) till-"
    assert [c.identifier for c in find_citations(text)] == ["S 2017:01", "S 2017:01"]


def test_a_year_less_agreement_reference_takes_the_title_before() -> None:
    text = (
        "Liksom 2019 års överenskommelse mellan regeringen och SKR om \n\n"
        "god och nära vård lyfter även 2020 års överenskommelse SKR:s roll"
    )
    assert [c.identifier for c in find_citations(text)] == ["God och nära vård 2019", "God och nära vård 2020"]


def test_an_agreement_without_its_year_is_the_one_signed_in_the_year_the_sentence_gives() -> None:
    text = "Samtidigt som överenskommelsen om en god och nära vård tecknades i juni 2019 så"
    assert idents(text) == [("AGREEMENT", "God och nära vård 2019")]
    assert idents("Överenskommelsen om en god och nära vård gäller") == [("AGREEMENT", "God och nära vård")]


def test_a_session_number_in_parentheses_after_a_propositions_title() -> None:
    text = "om propositionen God och jämlik hälsa en utvecklad folkhälsopolitik. (2017/18:249). Presentationen"
    assert idents(text) == [("PROP", "Prop. 2017/18:249")]
    assert idents("Budgeten (2017/18:249) för året") == []  # no proposition named before it


def test_the_reform_name_alone_is_not_an_agreement() -> None:
    assert find_citations("omställningen till en god och nära vård pågår") == []


def test_law_abbreviations_are_whole_words() -> None:
    assert find_citations("HSLX och XHSL och hälso- och sjukvårdslagstiftningen") == []


def test_spans_are_in_order_and_quote_the_text() -> None:
    text = "Utredningen (S 2013:14) presenterade 2016 sitt slutbetänkande Ef-\nfektiv vård (SOU 2016:2) [9]."
    found = find_citations(text)
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert all(text[c.start : c.end] == c.text for c in found)

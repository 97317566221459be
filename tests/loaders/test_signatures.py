"""Who signs a remiss response or a report (loaders/signatures.py): the person and the post they hold in the
issuing organisation, read only where a signature stands — never from a title and a name in running text."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, ORG, SKOS

from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.signatures import signatures
from proveniens.loaders.sources import SourceKind, read_source
from proveniens.namespaces import INST

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def load(tmp_path: Path, text: str) -> Graph:
    path = tmp_path / "document.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(path, SourceKind.DOCUMENT)
    loader = choose_loader(source, LOADERS)
    assert loader is not None
    return loader.load(source).graph


def posts(g: Graph) -> set[tuple[str, str, str]]:
    """(person's name, post, the organisation the post is in)."""
    return {(str(g.value(p, FOAF.name)), str(g.value(post, SKOS.prefLabel)), str(g.value(post, ORG.postIn)))
            for p, post in g.subject_objects(ORG.holds)}  # fmt: skip


REMISS = (
    "Socialstyrelsen\nRemissvar\nDatum 2019-10-01\n\nRemissvar på betänkandet God och nära vård – Vård i samverkan "
    "(SOU 2019:29)\n\nSocialstyrelsen har tagit del av betänkandet. Socialstyrelsen tillstyrker förslaget om en "
    "nationell informationsmängd. Utredningen leds av regeringens särskilda utredare Anna Nergårdh.\n\n"
    "Beslut i detta ärende har fattats av generaldirektör {head}. I den slutliga handläggningen har också "
    "avdelningschef Pelle Svensson deltagit.\n\n{head}\nGeneraldirektör\n"
)


@pytest.mark.parametrize("head", ["Olivia Wigzell", "Karin Åström Ek"])
def test_a_remiss_response_signed_by_its_head_and_a_head_of_department(tmp_path: Path, head: str) -> None:
    g = load(tmp_path, REMISS.format(head=head))
    agency = str(INST["org/socialstyrelsen"])
    assert posts(g) == {(head, "generaldirektör", agency), ("Pelle Svensson", "avdelningschef", agency)}


def test_a_report_signed_under_its_place_and_date_and_the_fixture_foreword() -> None:
    source = read_source(DOCUMENTS / "report-vardanalys-omtag-for-omstallning.txt", SourceKind.DOCUMENT)
    g = choose_loader(source, LOADERS).load(source).graph  # type: ignore[union-attr]
    assert posts(g) == {("Jean-Luc af Geijerstam", "generaldirektör",
                         str(INST["org/myndigheten-for-vard-och-omsorgsanalys"]))}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Utredningen leds av regeringens särskilda utredare Anna Nergårdh.\nGeneraldirektör\n",  # a name in prose
        "Stockholm den 8 juni 2021\nHelena Lindberg\n",  # a name without a title
        "Projektledare för arbetet har varit utredaren Siri Bokvist.\n",  # a title in prose, no one signing
    ],
)
def test_no_signature_where_none_stands(text: str) -> None:
    assert signatures(text) == []


def test_each_signer_is_one_person_with_evidence(tmp_path: Path) -> None:
    g = load(tmp_path, REMISS.format(head="Olivia Wigzell"))
    person = URIRef(str(INST["person/olivia-wigzell"]))
    assert str(g.value(person, FOAF.name)) == "Olivia Wigzell"
    assert len(list(g.objects(person, ORG.holds))) == 1

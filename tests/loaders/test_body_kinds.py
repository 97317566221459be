"""A body the knowledge does not hold is minted as the kind its Swedish name states, never as a guess.

The head word decides (the last word before the first preposition): "Samråd för … nämnden" is a samråd, not a
nämnd. A name that follows no convention is an organisation of no particular kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib.namespace import RDF

from proveniens.loaders.knowledge import BodyKind
from proveniens.loaders.knowledge.entities import new_body
from proveniens.loaders.knowledge.kinds import kind_of_name
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.sources import SourceKind, read_source
from proveniens.namespaces import INST, PV

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kommunstyrelsen", BodyKind.COMMITTEE),
        ("Regionstyrelsen", BodyKind.COMMITTEE),
        ("Socialnämnden", BodyKind.COMMITTEE),
        ("Norra hälso- och sjukvårdsnämnden", BodyKind.COMMITTEE),
        ("Kommunfullmäktige", BodyKind.COMMITTEE),
        ("Samråd för pensionärsorganisationer för norra hälso- och sjukvårdsnämnden", BodyKind.COLLABORATION),
        ("Regionens samverkansråd", BodyKind.COLLABORATION),
        ("Delregional vårdsamverkan Fyrbodal", BodyKind.COLLABORATION),
        ("Politiskt samrådsorgan mellan regionen och kommunerna", BodyKind.COLLABORATION),
        ("Kommunala pensionärsrådet", BodyKind.COLLABORATION),
        ("Vårdförbundet", BodyKind.ASSOCIATION),
        ("Sveriges läkarförbund", BodyKind.ASSOCIATION),
        ("Hyresgästföreningen", BodyKind.ASSOCIATION),
        ("Kommunförbundet Jämtlands län", BodyKind.FORMAL),
        ("Skolverket", BodyKind.AGENCY),
        ("Inspektionen för vård och omsorg", BodyKind.AGENCY),
        ("Myndigheten för vård- och omsorgsanalys", BodyKind.AGENCY),
        ("Nätverket för nära vård", BodyKind.COLLABORATION),
        ("Funktionsrätt Sverige", BodyKind.ORGANIZATION),
        ("Kommunerna i Västra Götaland", BodyKind.ORGANIZATION),  # several municipalities, not one
        ("PRO", BodyKind.ORGANIZATION),
    ],
)
def test_the_head_word_names_the_kind(name: str, kind: BodyKind) -> None:
    assert kind_of_name(name) is kind


HEADS = {"styrelsen": BodyKind.COMMITTEE, "nämnden": BodyKind.COMMITTEE, "samrådet": BodyKind.COLLABORATION,
         "förbundet": BodyKind.ASSOCIATION, "verket": BodyKind.AGENCY, "rådet": BodyKind.COLLABORATION}  # fmt: skip
WORD = st.text("abcdefghijklmnoprstuvyåäö", min_size=3, max_size=9).filter(
    lambda w: not w.endswith(("nät", "kommunal", "kommun"))  # "nätverket", "kommunalförbundet" are other kinds
)


@given(st.sampled_from(sorted(HEADS)), st.sampled_from(sorted(HEADS)), WORD, WORD)
def test_what_follows_a_preposition_does_not_decide(head: str, tail: str, stem: str, other: str) -> None:
    """ "<X>head för <Y>tail": the kind of head, whatever tail says."""
    name = f"{stem.capitalize()}{head} för {other}{tail}"
    assert kind_of_name(name) is HEADS[head], name


def test_a_new_body_is_minted_as_its_kind_and_a_known_one_is_not_minted() -> None:
    assert new_body("Barn- och utbildningsnämnden").kind is BodyKind.COMMITTEE
    assert new_body("DVG", "Delregional vårdsamverkan Fyrbodal").kind is BodyKind.COLLABORATION
    assert new_body("XYZ").kind is BodyKind.ORGANIZATION
    assert new_body("SRO").slug == "sro"


def test_minutes_of_a_board_type_their_body_as_a_committee() -> None:
    source = read_source(FIXTURES / "minutes-kungalv-ks-kallelse-18-april.txt", SourceKind.DOCUMENT)
    g = MinutesLoader().load(source).graph
    body = INST["org/kommunstyrelsen"]
    assert (body, RDF.type, PV.Committee) in g
    assert (body, RDF.type, PV.CollaborationBody) not in g

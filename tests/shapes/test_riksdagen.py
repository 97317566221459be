"""Shapes for the Riksdag's records (shapes/riksdagen.ttl): bet. 2019/20:CU4 and its point 1, which
decided prop. 2019/20:8 by acclamation on 2019-11-20, and one ballot of the vote on CU5 point 1."""

from __future__ import annotations

import pytest

POINT = """
<prop/2019/20:8> a rpubl:Proposition ; dcterms:identifier "Prop. 2019/20:8" ;
    dcterms:title "Digitaliserade hyresförhandlingar"@sv .
<rskr/2019/20:50> a pv:RiksdagLetter ; dcterms:identifier "Rskr. 2019/20:50" .
<bet/2019/20:CU4> a pv:CommitteeReport ; dcterms:identifier "Bet. 2019/20:CU4" ;
    pv:handles <prop/2019/20:8> ; pv:riksdagLetter <rskr/2019/20:50> .
<bet/2019/20:CU4/punkt/1> a pv:DecisionPoint ;
    dcterms:isPartOf <bet/2019/20:CU4> ;
    pv:pointNumber 1 ;
    pv:decisionMethod pv:Acclamation ;
    dcterms:date "2019-11-20"^^xsd:date ;
    eli-dl:decided_on_a_realization_of <prop/2019/20:8> ;
    prov:qualifiedInfluence <evidence/cu4-1-prop> .
<evidence/cu4-1-prop> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource <source/h701cu4.json> ;
    pv:quote "proposition 2019/20:8" ;
    pv:lineStart "1"^^xsd:positiveInteger ;
    pv:lineEnd "1"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty eli-dl:decided_on_a_realization_of ;
    prov:influencer <prop/2019/20:8> .
<source/h701cu4.json> a pv:SourceDocument ; pv:fileName "h701cu4.json" ;
    pv:sha256 "7ed56d14effbb0ea7ff9bbf912884d9991edd91acc8d5bbf697aaa14de601630" ;
    pv:lineCount "1"^^xsd:positiveInteger .
"""

BALLOT = """
<bet/2019/20:CU5> a pv:CommitteeReport ; dcterms:identifier "Bet. 2019/20:CU5" .
<bet/2019/20:CU5/punkt/1> a pv:DecisionPoint ; dcterms:isPartOf <bet/2019/20:CU5> ; pv:pointNumber 1 ;
    pv:vote <votering/v1> .
<votering/v1> a pv:Vote ; dcterms:date "2019-11-28"^^xsd:date ; pv:ballot <votering/v1/m1> .
<org/parti/s> a pv:PoliticalParty, org:FormalOrganization ; skos:prefLabel "S"@sv ; skos:notation "S" .
<person/elin-gustafsson> a foaf:Person ; foaf:name "Elin Gustafsson" .
<votering/v1/m1> a pv:Ballot ; pv:voter <person/elin-gustafsson> ; pv:choice pv:Yes ; pv:voterParty <org/parti/s> ;
    pv:constituency "Skåne läns södra"@sv .
"""


@pytest.mark.parametrize(("shape", "data"), [("DecisionPointShape", POINT), ("BallotShape", BALLOT)])
def test_shape_accepts_record_data(shape, data, accepts):
    accepts(shape, data)


@pytest.mark.parametrize(
    ("shape", "rules", "data"),
    [
        pytest.param("DecisionPointShape", ("DecisionPoint-method",),
                     POINT.replace("pv:Acclamation", "pv:Yes"), id="method-not-a-method"),
        pytest.param("DecisionPointShape", ("DecisionPoint-report",),
                     POINT.replace("dcterms:isPartOf <bet/2019/20:CU4>", "dcterms:isPartOf <prop/2019/20:8>"),
                     id="point-of-a-bill"),
        pytest.param("CommitteeReportShape", ("CommitteeReport-identifier",),
                     POINT.replace('"Bet. 2019/20:CU4"', '"CU4"'), id="identifier-without-session"),
        pytest.param("BallotShape", ("Ballot-choice",), BALLOT.replace("pv:choice pv:Yes", 'pv:choice "Ja"'),
                     id="choice-as-text"),
        pytest.param("BallotShape", ("Ballot-voter",),
                     BALLOT.replace("pv:voter <person/elin-gustafsson>", "pv:voter <org/parti/s>"),
                     id="a-party-voted"),
    ],
)  # fmt: skip
def test_shape_rejects_broken_record_data(shape, rules, data, rejects):
    rejects(shape, rules, data)


def test_a_skrivelse_typed_as_a_proposition_is_refused(validation):
    outcome = validation("""
<skr/2018/19:113> a rpubl:Skrivelse, rpubl:Proposition ; dcterms:identifier "Skr. 2018/19:113" ;
    dcterms:title "Ett ändrat prishöjningstak för frimärkta brev"@sv .
""")
    assert "Skrivelse-notProposition" in outcome.violated_shapes()

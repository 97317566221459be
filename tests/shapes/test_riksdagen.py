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

MOTION = """
<mot/2019/20:3409> a pv:Motion ; dcterms:identifier "Mot. 2019/20:3409" .
"""

RESERVATION = POINT + """
<bet/2019/20:CU4/reservation/1> a pv:Reservation ; dcterms:identifier "Reservation 1" ;
    pv:reservationTo <bet/2019/20:CU4/punkt/1> .
"""

STEP = POINT + """
<bet/2019/20:CU4> pv:processStep <bet/2019/20:CU4/aktivitet/6> .
<bet/2019/20:CU4/aktivitet/6> a eli-dl:Activity ; dcterms:identifier "BES" ; rdfs:label "Beslut"@sv ;
    dcterms:date "2019-11-20"^^xsd:date .
"""

SKRIVELSE = """
<skr/2018/19:113> a rpubl:Skrivelse ; dcterms:identifier "Skr. 2018/19:113" ;
    dcterms:title "Ett ändrat prishöjningstak för frimärkta brev"@sv .
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


@pytest.mark.parametrize(
    ("shape", "data"),
    [
        ("DecisionPointShape", POINT), ("BallotShape", BALLOT), ("MotionShape", MOTION),
        ("ReservationShape", RESERVATION), ("ProcessStepShape", STEP), ("SkrivelseShape", SKRIVELSE),
    ],
)  # fmt: skip
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
        pytest.param("BallotShape", ("Ballot-party",),
                     BALLOT.replace("pv:voterParty <org/parti/s>", "pv:voterParty <person/elin-gustafsson>"),
                     id="party-a-person"),
        pytest.param("BallotShape", ("Ballot-vote",), BALLOT.replace(" ; pv:ballot <votering/v1/m1> .", " ."),
                     id="ballot-of-no-vote"),
        pytest.param("CommitteeReportShape", ("CommitteeReport-handles",),
                     POINT.replace("pv:handles <prop/2019/20:8>", "pv:handles <sou/2020:19>"), id="handles-an-sou"),
        pytest.param("CommitteeReportShape", ("CommitteeReport-letter",),
                     POINT.replace("pv:riksdagLetter <rskr/2019/20:50>", "pv:riksdagLetter <prop/2019/20:8>"),
                     id="letter-a-bill"),
        pytest.param("DecisionPointShape", ("DecisionPoint-decidedOn",),
                     POINT.replace("eli-dl:decided_on_a_realization_of <prop/2019/20:8>",
                                   "eli-dl:decided_on_a_realization_of <sou/2020:19>")
                     .replace("prov:influencer <prop/2019/20:8>", "prov:influencer <sou/2020:19>"),
                     id="decides-on-an-sou"),
        pytest.param("DecisionPointShape", ("DecisionPoint-number",), POINT.replace("pv:pointNumber 1 ;", ""),
                     id="no-number"),
        pytest.param("DecisionPointShape", ("DecisionPoint-vote",),
                     BALLOT.replace("pv:vote <votering/v1>", "pv:vote <votering/v1>, <votering/v1/m1>"),
                     id="vote-a-ballot"),
        pytest.param("MotionShape", ("Motion-identifier",), MOTION.replace('"Mot. 2019/20:3409"', '"3409"'),
                     id="motion-identifier-bare"),
        pytest.param("ProcessStepShape", ("ProcessStep-code",), STEP.replace('dcterms:identifier "BES" ;', ""),
                     id="step-without-code"),
        pytest.param("ProcessStepShape", ("ProcessStep-date",),
                     STEP.replace(' ;\n    dcterms:date "2019-11-20"^^xsd:date .\n"""', ' .\n"""').replace(
                         'rdfs:label "Beslut"@sv ;\n    dcterms:date "2019-11-20"^^xsd:date .',
                         'rdfs:label "Beslut"@sv .'),
                     id="step-without-day"),
        pytest.param("ReservationShape", ("Reservation-point",),
                     RESERVATION.replace("reservationTo <bet/2019/20:CU4/punkt/1>", "reservationTo <bet/2019/20:CU4>"),
                     id="reservation-to-a-report"),
        pytest.param("SkrivelseShape", ("Skrivelse-identifier",),
                     SKRIVELSE.replace('"Skr. 2018/19:113"', '"Skrivelse 113"'), id="skrivelse-identifier-bare"),
        pytest.param("VoteShape", ("Vote-ballot",),
                     BALLOT.replace("pv:ballot <votering/v1/m1>", "pv:ballot <votering/v1/m1>, <person/x>"),
                     id="ballot-a-person"),
        pytest.param("VoteShape", ("Vote-point",), BALLOT.replace(" ;\n    pv:vote <votering/v1>", ""),
                     id="vote-on-no-point"),
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

"""Shapes for remiss rounds and meetings (shapes/process.ttl).

The remiss response is Stockholm's äldreförvaltning on SOU 2020:19 (003, Dnr 1.6-292/2020); the
meetings are SRO on 24 September 2021 (001) and the undated VVG meeting of early 2021 (000).
"""

from __future__ import annotations

import pytest


def without(data: str, *predicates: str) -> str:
    """The Turtle ``data`` without its ``predicate …;`` lines (each statement keeps its final line)."""

    def dropped(line: str) -> bool:
        return line.lstrip().split(" ", 1)[0] in predicates and line.rstrip().endswith(";")

    lines = data.splitlines(keepends=True)
    kept = [line for line in lines if not dropped(line)]
    assert len(lines) - len(kept) == len(predicates), f"not each of {predicates} is in the data once"
    return "".join(kept)


RESPONSE = """
<remissvar/stockholm-aldreforvaltningen-sou-2020-19> a pv:RemissResponse ;
    dcterms:title "Tjänsteutlåtande om SOU 2020:19"@sv ;
    dcterms:creator <org/stockholms-stad-aldreforvaltningen> ;
    dcterms:identifier "1.6-292/2020" ;
    pv:earliestDate "2020-04-01"^^xsd:date ;
    pv:latestDate "2020-06-26"^^xsd:date ;
    pv:dateReasoning "Remissen av SOU 2020:19 (april 2020), svar senast 26 juni; utlåtandet är odaterat."@sv ;
    pv:respondsTo <sou/2020:19> ;
    prov:qualifiedInfluence <evidence/aldreforvaltningen-responds-to-sou-2020-19> .
<evidence/aldreforvaltningen-responds-to-sou-2020-19> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource <source/003_8f5bace6e5519086.txt> ;
    pv:quote "Delbetänkande av utredningen Samordnad utveckling för god och nära vård SOU 2020:19" ;
    pv:lineStart "548"^^xsd:positiveInteger ;
    pv:lineEnd "550"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty pv:respondsTo ;
    prov:influencer <sou/2020:19> .
"""

POSITION = RESPONSE + """
<remissvar/stockholm-aldreforvaltningen-sou-2020-19>
    pv:position <remissvar/stockholm-aldreforvaltningen-sou-2020-19/position/1> .
<remissvar/stockholm-aldreforvaltningen-sou-2020-19/position/1> a pv:Position ;
    pv:onProposal <sou/2020:19/proposal/samverkansansvar> ;
    pv:stance pv:Supports ;
    pv:quote "vilket äldreförvaltning instämmer i" ;
    prov:qualifiedInfluence <evidence/aldreforvaltningen-position-1> .
<evidence/aldreforvaltningen-position-1> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource <source/003_8f5bace6e5519086.txt> ;
    pv:quote "ska förtydligas, vilket äldreförvaltning instämmer i." ;
    pv:lineStart "507"^^xsd:positiveInteger ;
    pv:lineEnd "509"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty pv:onProposal ;
    prov:influencer <sou/2020:19/proposal/samverkansansvar> .
"""

# The VVG minutes (000) lack the header with the date; the content places the meeting in 2021 H1.
VVG_MEETING = """
<meeting/vvg/2021-h1> a pv:Meeting ;
    pv:body <org/vvg> ;
    pv:earliestDate "2021-01-01"^^xsd:date ;
    pv:latestDate "2021-06-30"^^xsd:date ;
    pv:dateReasoning "Datum saknas; efter januari 2021 (utredningen avslutad), före remissen hösten 2021."@sv ;
    pv:attestedBy <evidence/vvg-2021-h1-date> .
<evidence/vvg-2021-h1-date> a pv:Evidence ;
    prov:hadPrimarySource <source/000_03928f52508d805a.txt> ;
    pv:quote "Anna Nergårdh ledde denna utredning under mars 2017 till januari 2021." ;
    pv:lineStart "168"^^xsd:positiveInteger ;
    pv:lineEnd "168"^^xsd:positiveInteger ;
    pv:assertion pv:Inferred ;
    pv:linkProperty pv:earliestDate .
<source/000_03928f52508d805a.txt> a pv:SourceDocument ;
    pv:fileName "000_03928f52508d805a.txt" ;
    pv:sha256 "db0438146b26e4b83defa881b55bb1c76f76d046d3a8a085eee6fb18e1589cd5" ;
    pv:lineCount "447"^^xsd:positiveInteger .
"""

ITEM_9 = """
<person/anne-marie-svensson> a foaf:Person ; foaf:name "Anne-Marie Svensson" .
<meeting/sro/2021-09-24/item/9> a pv:AgendaItem ;
    pv:meeting <meeting/sro/2021-09-24> ;
    pv:itemNumber 9 ;
    dcterms:title "Mötesdatum för SRO år 2022"@sv, "SRO meeting dates 2022"@en ;
    pv:presenter <person/anne-marie-svensson> .
"""

DECISION = """
<meeting/sro/2021-09-24/item/6/decision> a pv:Decision ;
    prov:wasGeneratedBy <meeting/sro/2021-09-24/item/6> ;
    pv:decisionText "SRO ställer sig bakom remiss Hälso- och sjukvårdsavtal med tillhörande överenskommelser"@sv ;
    pv:concerns <agreement/hos-avtal-vg-2021> ;
    prov:qualifiedInfluence <evidence/sro-2021-09-24-item-6-concerns-hos-avtal> .
<evidence/sro-2021-09-24-item-6-concerns-hos-avtal> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource <source/001_06d9e870a2ccb54a.txt> ;
    pv:quote "SRO ställer sig bakom remiss Hälso- och sjukvårdsavtal med tillhörande överenskommelser" ;
    pv:lineStart "212"^^xsd:positiveInteger ;
    pv:lineEnd "213"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty pv:concerns ;
    prov:influencer <agreement/hos-avtal-vg-2021> .
"""

ACCEPT = [
    pytest.param("RemissRoundShape", """
<remiss/sou-2020-19> a pv:RemissRound ; pv:consults <sou/2020:19> .
""", id="remiss-of-sou-2020-19"),
    pytest.param("RemissRoundShape", """
<remiss/hos-avtal-vg-2021> a pv:RemissRound ;
    pv:consults <agreement/hos-avtal-vg-2021> ;
    pv:earliestDate "2021-10-01"^^xsd:date ; pv:latestDate "2021-12-31"^^xsd:date ;
    pv:dateReasoning "Remisstiden är mellan den 1 oktober och 31 december 2021."@sv .
""", id="regional-remiss-of-the-agreement"),
    pytest.param("RemissResponseShape", RESPONSE, id="aldreforvaltningen-on-sou-2020-19"),
    pytest.param("PositionShape", POSITION, id="supports-samverkansansvar"),
    pytest.param("MeetingShape", VVG_MEETING, id="undated-vvg-meeting-with-range"),
    pytest.param("MeetingShape", """
<meeting/sro/2021-05-21> a pv:Meeting ; pv:body <org/sro> ; dcterms:date "2021-05-21"^^xsd:date .
""", id="sro-2021-05-21"),
    pytest.param("AgendaItemShape", ITEM_9, id="item-9"),
    pytest.param("DecisionShape", DECISION, id="sro-backs-remiss-of-hos-avtal"),
]

REJECT = [
    pytest.param("RemissRoundShape", ("RemissRound-consults",), """
<remiss/sou-2020-19> a pv:RemissRound .
""", id="consults-nothing"),
    pytest.param("RemissRoundShape", ("RemissRound-consults",), """
<remiss/sou-2020-19> a pv:RemissRound ; pv:consults <org/stockholms-stad> .
""", id="consults-an-organisation"),
    pytest.param("RemissResponseShape", ("RemissResponse-identifier",),
                 RESPONSE.replace('"1.6-292/2020"', '"Dnr 1.6-292/2020"'), id="identifier-with-dnr"),
    pytest.param("RemissResponseShape", ("RemissResponse-identifier",),
                 RESPONSE.replace('"1.6-292/2020"', '"1.6-292/2020", "1.6-292/20"'), id="two-identifiers"),
    pytest.param("RemissResponseShape", ("RemissResponse-creator",),
                 without(RESPONSE, "dcterms:creator"),
                 id="no-respondent"),
    pytest.param("RemissResponseShape", ("RemissResponse-respondsTo",), """
<remissvar/x> a pv:RemissResponse ; dcterms:creator <org/stockholms-stad> .
""", id="responds-to-nothing"),
    pytest.param("RemissResponseShape", ("RemissResponse-position",),
                 RESPONSE + """<remissvar/stockholm-aldreforvaltningen-sou-2020-19>
    pv:position <sou/2020:19/proposal/samverkansansvar> .""",
                 id="position-is-a-proposal"),
    pytest.param("PositionShape", ("Position-stance",),
                 POSITION.replace("pv:stance pv:Supports", 'pv:stance "instämmer"'),
                 id="stance-as-text"),
    pytest.param("PositionShape", ("Position-stance",), without(POSITION, "pv:stance"),
                 id="no-stance"),
    pytest.param("PositionShape", ("Position-response",),
                 POSITION.replace("<remissvar/stockholm-aldreforvaltningen-sou-2020-19>\n    pv:position",
                                  "<remiss/x> pv:position"),
                 id="orphan-position"),
    pytest.param("PositionShape", ("Position-proposal",),
                 POSITION.replace("<sou/2020:19/proposal/samverkansansvar>", "<sou/2020:19>"), id="on-the-whole-sou"),
    pytest.param("PositionShape", ("Position-quote",),
                 POSITION.replace('"vilket äldreförvaltning instämmer i"', '"  "'),
                 id="blank-quote"),
    pytest.param("MeetingShape", ("Meeting-body",), without(VVG_MEETING, "pv:body"), id="no-body"),
    pytest.param("MeetingShape", ("Meeting-body",),
                 VVG_MEETING.replace("pv:body <org/vvg>", "pv:body <person/ann-soderstrom>"),
                 id="body-is-a-person"),
    pytest.param("MeetingShape", ("Meeting-date",), """
<meeting/vvg/undated> a pv:Meeting ; pv:body <org/vvg> .
""", id="no-date-no-range"),
    pytest.param("MeetingShape", ("Meeting-startTime",), """
<meeting/sro/2022-01-19> a pv:Meeting ; pv:body <org/sro> ; dcterms:date "2022-01-19"^^xsd:date ;
    pv:startTime "15:00:00"^^xsd:time ; pv:endTime "13:00:00"^^xsd:time .
""", id="ends-before-it-starts"),
    pytest.param("MeetingShape", ("Meeting-startTime",), """
<meeting/sro/2022-01-19> a pv:Meeting ; pv:body <org/sro> ; dcterms:date "2022-01-19"^^xsd:date ;
    pv:startTime "13.00" .
""", id="start-time-as-text"),
    pytest.param("MeetingShape", ("Meeting-endTime",), """
<meeting/sro/2022-01-19> a pv:Meeting ; pv:body <org/sro> ; dcterms:date "2022-01-19"^^xsd:date ;
    pv:endTime "15:00:00"^^xsd:time, "14:40:00"^^xsd:time .
""", id="two-end-times"),
    pytest.param("MeetingShape", ("Meeting-form",), """
<meeting/sro/2021-09-24> pv:meetingForm "Teams (tills vidare)" .
""", id="two-forms"),
    pytest.param("AgendaItemShape", ("AgendaItem-meeting",), without(ITEM_9, "pv:meeting"),
                 id="no-meeting"),
    pytest.param("AgendaItemShape", ("AgendaItem-meeting",),
                 ITEM_9.replace("pv:meeting <meeting/sro/2021-09-24>", "pv:meeting <org/sro>"),
                 id="meeting-is-the-body"),
    pytest.param("AgendaItemShape", ("AgendaItem-number",), ITEM_9.replace("pv:itemNumber 9", 'pv:itemNumber "9."'),
                 id="number-as-text"),
    pytest.param("AgendaItemShape", ("AgendaItem-number",), ITEM_9.replace("pv:itemNumber 9", "pv:itemNumber 0"),
                 id="number-zero"),
    pytest.param("AgendaItemShape", ("AgendaItem-title",),
                 without(ITEM_9, "dcterms:title"),
                 id="no-heading"),
    pytest.param("AgendaItemShape", ("AgendaItem-presenter",),
                 ITEM_9.replace("pv:presenter <person/anne-marie-svensson>",
                                                                             "pv:presenter <org/vgr>"),
                 id="presenter-is-an-organisation"),
    pytest.param("DecisionShape", ("Decision-agendaItem",),
                 without(DECISION, "prov:wasGeneratedBy"), id="no-agenda-item"),
    pytest.param("DecisionShape", ("Decision-agendaItem",),
                 DECISION.replace("prov:wasGeneratedBy <meeting/sro/2021-09-24/item/6>",
                                  "prov:wasGeneratedBy <meeting/sro/2021-09-24>"), id="generated-by-the-meeting"),
    pytest.param("DecisionShape", ("Decision-text",),
                 without(DECISION, "pv:decisionText"),
                 id="no-text"),
    pytest.param("DecisionShape", ("Decision-text",),
                 DECISION.replace("överenskommelser\"@sv ;", "överenskommelser\" ;"), id="text-without-language"),
]


@pytest.mark.parametrize(("shape", "data"), ACCEPT)
def test_shape_accepts_corpus_data(shape, data, accepts):
    accepts(shape, data)


@pytest.mark.parametrize(("shape", "rules", "data"), REJECT)
def test_shape_rejects_broken_data(shape, rules, data, rejects):
    rejects(shape, rules, data)


def test_response_without_date_only_warns(warns):
    undated = without(RESPONSE, "pv:earliestDate", "pv:latestDate", "pv:dateReasoning")
    warns("RemissResponseShape", ("RemissResponse-date",), undated)


def test_decision_chain_is_checked_hop_by_hop(validation):
    """A decision belongs to an agenda item, of a meeting, of a body: a broken hop is reported where it breaks."""
    outcome = validation(DECISION.replace("<meeting/sro/2021-09-24/item/6>", "<meeting/vvg/x/item/1>") + """
<meeting/vvg/x/item/1> a pv:AgendaItem ; pv:itemNumber 1 ; dcterms:title "Mötets öppnande"@sv ;
    pv:meeting <meeting/vvg/x> .
<meeting/vvg/x> a pv:Meeting ; dcterms:date "2020-06-15"^^xsd:date .
""")
    assert outcome.violated_shapes() == {"Meeting-body"}
    (result,) = outcome.violations
    assert str(result.focus) == "https://w3id.org/proveniens/meeting/vvg/x"


def test_decision_concerns_a_resource_not_a_text(validation):
    """A text cannot carry evidence either, so the interpretive-link rule fires as well."""
    outcome = validation(DECISION.replace("pv:concerns <agreement/hos-avtal-vg-2021> ;",
                                          'pv:concerns <agreement/hos-avtal-vg-2021>, "Färdplanen" ;'))
    assert outcome.violated_shapes() == {"Decision-concerns", "InterpretiveLinkShape"}

"""Shapes for bodies and people (shapes/bodies.ttl): what a curator may load and what is refused.

Organisations, collaboration bodies and people come from the minutes of SRO (24 September 2021)
and VVG, and from Socialstyrelsen's report; the context in conftest.py holds the shared ones.
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


# A standing membership: Ann Söderström (VGR) chaired VVG in the first half of 2021 (000, l. 376-381).
VVG_CHAIR = """
<membership/vvg-chair-ann-soderstrom> a org:Membership ;
    org:member <person/ann-soderstrom> ;
    org:organization <org/vvg> ;
    org:role <role/chair> ;
    org:memberDuring <membership/vvg-chair-ann-soderstrom/period> .
<membership/vvg-chair-ann-soderstrom/period> a dcterms:PeriodOfTime, time:Interval ;
    dcat:startDate "2021-01-01"^^xsd:date ;
    dcat:endDate "2021-06-30"^^xsd:date .
"""

# An organisation as a member of a body: W3C ORG allows any foaf:Agent as org:member; the source dates it.
ORG_MEMBER = """
<membership/sro/vgr> a org:Membership ;
    org:member <org/vgr> ;
    org:organization <org/sro> ;
    org:role <role/member-organisation> .
"""

# Roll call of SRO, 24 September 2021 (001, l. 25-27).
SRO_ABSENT = """
<membership/sro-2021-09-24-johnny-magnusson> a pv:MeetingParticipation ;
    org:member <person/johnny-magnusson> ;
    org:organization <org/sro> ;
    pv:meeting <meeting/sro/2021-09-24> ;
    pv:attendance pv:Absent .
"""
SRO_LEFT_EARLY = """
<membership/sro-2021-09-24-axel-josefsson> a pv:MeetingParticipation ;
    org:member <person/axel-josefsson> ;
    org:organization <org/sro> ;
    pv:meeting <meeting/sro/2021-09-24> ;
    pv:attendance pv:LeftEarly ;
    pv:leftAt "14:15:00"^^xsd:time .
"""
SRO_PRESENTER = """
<membership/sro-2021-09-24-ann-katrin-schutz> a pv:MeetingParticipation ;
    org:member <person/ann-katrin-schutz> ;
    org:organization <org/sro> ;
    pv:meeting <meeting/sro/2021-09-24> ;
    org:role <role/presenter> .
"""

ACCEPT = [
    pytest.param("MunicipalityShape", """
<org/region-jamtland-harjedalen> a pv:Region ; skos:prefLabel "Region Jämtland Härjedalen"@sv .
<org/ostersunds-kommun> a pv:Municipality ; skos:prefLabel "Östersunds kommun"@sv ;
    pv:region <org/region-jamtland-harjedalen> .
""", id="municipality-in-its-region"),
    pytest.param("RegionalShape", """
<agreement/hos-avtal-vg-2021> pv:region <org/vgr> ; pv:appliesFrom "2020-10-01"^^xsd:date .
<org/vgr> a pv:Region .
""", id="plan-of-a-region"),
    pytest.param("EventShape", """
<event/covid-19-namngiven> a pv:Event ; skos:prefLabel "Sjukdomen covid-19 får sitt namn"@sv ;
    dcterms:date "2020-02-11"^^xsd:date ;
    dcterms:description "sjukdomen covid-19 fick sitt namn"@sv, "the disease covid-19 was named"@en .
""", id="event-with-day"),
    pytest.param("PersonShape", """
<person/anne-marie-svensson> a foaf:Person ; foaf:name "Anne-Marie Svensson" ; org:memberOf <org/vgr> .
""", id="member-of-vgr"),
    pytest.param("OrganizationShape", """
<org/kommunerna-vg> a org:Organization ; skos:prefLabel "Kommunerna i Västra Götaland"@sv .
""", id="plain-organisation"),
    pytest.param("FormalOrganizationShape", """
<org/ivo> a org:FormalOrganization ;
    skos:prefLabel "Inspektionen för vård och omsorg"@sv ; skos:altLabel "IVO" .
""", id="agency"),
    pytest.param("OrganizationalUnitShape", """
<org/vgr-hsd> a org:OrganizationalUnit ;
    skos:prefLabel "Hälso- och sjukvårdsstyrelsen"@sv ; skos:altLabel "HSS" ;
    org:unitOf <org/vgr> .
""", id="unit-of-vgr"),
    pytest.param("CollaborationBodyShape", """
<org/vardsamverkan-vg> a pv:CollaborationBody ;
    skos:prefLabel "Vårdsamverkan i Västra Götaland"@sv ; skos:altLabel "Vårdsamverkan" .
""", id="vardsamverkan"),
    pytest.param("InquiryShape", """
<kommitte/S2013:14> a pv:Inquiry ;
    dcterms:identifier "S 2013:14" ;
    skos:prefLabel "Effektiv vård"@sv .
""", id="S-2013-14"),
    pytest.param("InquiryShape", """
<kommitte/Ju2019:05> a pv:Inquiry ; dcterms:identifier "Ju 2019:05" ; skos:prefLabel "En utredning"@sv .
""", id="other-ministry-letters"),
    pytest.param("PersonShape", """
<person/lisbeth-lopare-johansson> a foaf:Person ;
    foaf:name "Lisbeth Löpare Johansson" ; skos:altLabel "Lisbeth Löpare" .
""", id="name-and-variant"),
    pytest.param("RoleShape", """
<role/secretary> a pv:Role ;
    skos:prefLabel "sekreterare"@sv, "secretary"@en ; skos:inScheme <role/> .
""", id="secretary"),
    pytest.param("MembershipShape", VVG_CHAIR, id="chair-with-period"),
    pytest.param("MembershipShape", ORG_MEMBER, id="member-organisation-without-period"),
    pytest.param("OrganizationShape", """
<org/sro> org:hasMember <org/vgr>, <org/kommunerna-i-vastra-gotaland> .
<org/kommunerna-i-vastra-gotaland> a org:Organization ; skos:prefLabel "Kommunerna i Västra Götaland"@sv .
""", id="body-made-up-of-organisations"),
    pytest.param("CommitteeShape", """
<org/kommunstyrelsen> a pv:Committee ; skos:prefLabel "Kommunstyrelsen"@sv .
""", id="committee"),
    pytest.param("MeetingParticipationShape", SRO_ABSENT, id="absent-at-roll-call"),
    pytest.param("MeetingParticipationShape", SRO_LEFT_EARLY, id="left-at-14-15"),
    pytest.param("MeetingParticipationShape", SRO_PRESENTER, id="presenter-without-attendance"),
    pytest.param("PeriodShape", VVG_CHAIR, id="start-and-end"),
    pytest.param("PeriodShape", """
<membership/inquiry-investigator-anna-nergardh> a org:Membership ;
    org:member <person/anna-nergardh> ;
    org:organization <kommitte/S2017:01> ;
    org:role <role/investigator> ;
    org:memberDuring [ a dcterms:PeriodOfTime ; dcat:endDate "2021-01-31"^^xsd:date ] .
""", id="end-only"),
]

REJECT = [
    pytest.param("MunicipalityShape", ("Municipality-region",), """
<org/kungalvs-kommun> a pv:Municipality ; skos:prefLabel "Kungälvs kommun"@sv .
""", id="municipality-without-region"),
    pytest.param("RegionalShape", ("Regional-region",), """
<strategy/fardplan-nara-vard> pv:region <org/kungalvs-kommun> .
<org/kungalvs-kommun> a pv:Municipality ; skos:prefLabel "Kungälvs kommun"@sv ; pv:region <org/vgr> .
<org/vgr> a pv:Region .
""", id="region-that-is-a-municipality"),
    pytest.param("RegionalShape", ("Regional-appliesFrom",), """
<agreement/hos-avtal-vg-2021> pv:region <org/vgr> ; pv:appliesFrom "oktober 2020" .
<org/vgr> a pv:Region .
""", id="applies-from-not-a-date"),
    pytest.param("EventShape", ("Event-name", "Event-when"), """
<event/x> a pv:Event ; dcterms:description "något hände"@sv, "something happened"@en .
""", id="event-without-name-or-date"),
    pytest.param("EventShape", ("Event-description",), """
<event/x> a pv:Event ; skos:prefLabel "X"@sv ; dcterms:date "2020-02-11"^^xsd:date ;
    dcterms:description "något hände"@sv .
""", id="event-explained-in-swedish-only"),
    pytest.param("PersonShape", ("Person-memberOf",), """
<person/x> a foaf:Person ; foaf:name "X Y" ; org:memberOf <sou/2020:19> .
""", id="member-of-a-report"),
    pytest.param("OrganizationShape", ("Organization-name",), """
<org/vvg-covid> a pv:CollaborationBody ; skos:altLabel "VVG-Covid" .
""", id="organization-no-name"),
    pytest.param("OrganizationShape", ("Organization-prefLabel",), """
<org/vastkom> skos:prefLabel "Västkom"@sv .
""", id="two-swedish-names"),
    pytest.param("OrganizationShape", ("Organization-subOrganizationOf",), """
<org/vgr-hsd> a org:FormalOrganization ; skos:prefLabel "Hälso- och sjukvårdsstyrelsen"@sv ;
    org:subOrganizationOf <person/johnny-magnusson> .
""", id="part-of-a-person"),
    pytest.param("FormalOrganizationShape", ("FormalOrganization-notUnit",), """
<org/aldrenamnden> a org:FormalOrganization, org:OrganizationalUnit ;
    skos:prefLabel "Äldrenämnden"@sv ; org:subOrganizationOf <org/stockholms-stad> .
""", id="also-a-unit"),
    pytest.param("OrganizationalUnitShape", ("OrganizationalUnit-parent",), """
<org/stadsledningskontoret> a org:OrganizationalUnit ; skos:prefLabel "Stadsledningskontoret"@sv .
""", id="unit-of-nothing"),
    pytest.param("CollaborationBodyShape", ("CollaborationBody-notFormal",), """
<org/sro> a org:FormalOrganization .
""", id="typed-as-legal-entity"),
    pytest.param("InquiryShape", ("Inquiry-identifier",), """
<kommitte/S2013:14> a pv:Inquiry ; dcterms:identifier "S2013:14" ; skos:prefLabel "Effektiv vård"@sv .
""", id="no-space-after-ministry"),
    pytest.param("InquiryShape", ("Inquiry-identifier",), """
<kommitte/S2013:14> a pv:Inquiry ; dcterms:identifier "S 2013:014" ; skos:prefLabel "Effektiv vård"@sv .
""", id="three-digit-number"),
    pytest.param("InquiryShape", ("Inquiry-identifier",), """
<kommitte/S2013:14> a pv:Inquiry ; skos:prefLabel "Effektiv vård"@sv .
""", id="no-identifier"),
    pytest.param("InquiryShape", ("Inquiry-directive",), """
<kommitte/S2017:01> pv:directive <sou/2018:39> ;
    prov:qualifiedInfluence <evidence/x> .
<evidence/x> a pv:Evidence ;
    prov:hadPrimarySource <source/004_77c63d0e7f875d18.txt> ;
    pv:quote "SOU 2018:39" ;
    pv:lineStart "2812"^^xsd:positiveInteger ; pv:lineEnd "2812"^^xsd:positiveInteger ;
    pv:assertion pv:Inferred ; pv:linkProperty pv:directive ; prov:influencer <sou/2018:39> .
""", id="directive-is-an-sou"),
    pytest.param("PersonShape", ("Person-name",), """
<person/lisbeth-lopare-johansson> a foaf:Person ; skos:altLabel "Lisbeth Löpare" .
""", id="person-no-name"),
    pytest.param("PersonShape", ("Person-name",), """
<person/anna-nergardh> foaf:name "Anna Nergårdh, regeringens fd utredare" .
""", id="two-names"),
    pytest.param("RoleShape", ("Role-prefLabelEn",), """
<role/secretary> a pv:Role ; skos:prefLabel "sekreterare"@sv ; skos:inScheme <role/> .
""", id="no-english-name"),
    pytest.param("MembershipShape", ("Membership-roleOrAttendance",),
                 without(VVG_CHAIR, "org:role"), id="no-role"),
    pytest.param("MembershipShape", ("Membership-role",),
                 VVG_CHAIR.replace("<role/chair>", '"ordförande"'), id="role-as-text"),
    pytest.param("MembershipShape", ("MembershipShape",), """
<membership/sro-chair-johnny-magnusson> a org:Membership ;
    org:member <person/johnny-magnusson> ; org:organization <org/sro> ; org:role <role/chair> .
""", id="no-period"),
    pytest.param("MembershipShape", ("Membership-member",),
                 VVG_CHAIR.replace("<person/ann-soderstrom>", "<sou/2020:19>"), id="member-is-a-report"),
    pytest.param("MembershipShape", ("MembershipShape", "Membership-member"),
                 ORG_MEMBER.replace("<org/vgr>", "<sou/2020:19>"), id="not-an-organisation-and-no-period"),
    pytest.param("OrganizationShape", ("Organization-hasMember",), """
<org/sro> org:hasMember <sou/2020:19> .
""", id="body-made-up-of-a-report"),
    pytest.param("CommitteeShape", ("Committee-kind",), """
<org/kommunstyrelsen> a pv:Committee, pv:CollaborationBody ; skos:prefLabel "Kommunstyrelsen"@sv ; skos:altLabel "KS" .
""", id="committee-also-a-collaboration-body"),
    pytest.param("MembershipShape", ("Membership-organization",),
                 without(VVG_CHAIR, "org:organization"), id="no-organisation"),
    pytest.param("MembershipShape", ("Membership-memberDuring",),
                 VVG_CHAIR.replace("a dcterms:PeriodOfTime, time:Interval", "a time:Interval"),
                 id="period-not-a-period-of-time"),
    pytest.param("MeetingParticipationShape", ("MeetingParticipation-meeting",), """
<membership/sro-bengt-hilmersson> a pv:MeetingParticipation ;
    org:member <person/johnny-magnusson> ; org:organization <org/sro> ; pv:attendance pv:Absent ;
    pv:meeting <org/sro> .
""", id="meeting-is-the-body"),
    pytest.param("MeetingParticipationShape", ("MeetingParticipation-attendance",),
                 SRO_ABSENT.replace("pv:Absent", '"ej närvarande"'), id="attendance-as-text"),
    pytest.param("MeetingParticipationShape", ("MeetingParticipationShape",),
                 SRO_LEFT_EARLY.replace("pv:LeftEarly", "pv:Present"), id="left-at-but-present"),
    pytest.param("MeetingParticipationShape", ("MeetingParticipation-leftAt",),
                 SRO_LEFT_EARLY.replace('"14:15:00"^^xsd:time', '"14.15"'), id="left-at-not-a-time"),
    pytest.param("MeetingParticipationShape", ("MeetingParticipation-noPeriod",),
                 SRO_ABSENT.replace("pv:attendance pv:Absent .", """pv:attendance pv:Absent ;
    org:memberDuring [ a dcterms:PeriodOfTime ; dcat:startDate "2021-09-24"^^xsd:date ] ."""),
                 id="participation-with-period"),
    pytest.param("PeriodShape", ("Period-startDate",),
                 VVG_CHAIR.replace("2021-01-01", "2021-07-01"), id="starts-after-it-ends"),
    pytest.param("PeriodShape", ("Period-startDate",),
                 VVG_CHAIR.replace('"2021-01-01"^^xsd:date', '"våren 2021"'), id="start-not-a-date"),
    pytest.param("PeriodShape", ("Period-bounds",), """
<membership/vvg-vice-chair> a org:Membership ;
    org:member <person/johnny-magnusson> ; org:organization <org/vvg> ; org:role <role/chair> ;
    org:memberDuring [ a dcterms:PeriodOfTime ] .
""", id="no-bounds"),
    pytest.param("PeriodShape", ("Period-endDate",),
                 VVG_CHAIR.replace('dcat:endDate "2021-06-30"^^xsd:date',
                                   'dcat:endDate "2021-06-30"^^xsd:date, "2021-06-29"^^xsd:date'),
                 id="two-end-dates"),
]


@pytest.mark.parametrize(("shape", "data"), ACCEPT)
def test_shape_accepts_corpus_data(shape, data, accepts):
    accepts(shape, data)


@pytest.mark.parametrize(("shape", "rules", "data"), REJECT)
def test_shape_rejects_broken_data(shape, rules, data, rejects):
    rejects(shape, rules, data)


def test_collaboration_body_without_abbreviation_only_warns(warns):
    warns("CollaborationBodyShape", ("CollaborationBody-abbreviation",), """
<org/bhu> a pv:CollaborationBody ; skos:prefLabel "Beredningen för hållbar utveckling"@sv .
""")


def test_participation_naming_home_organisation_only_warns(warns):
    warns("MeetingParticipationShape", ("MeetingParticipation-body",), SRO_ABSENT.replace("<org/sro> ;", "<org/vgr> ;"))


def test_untyped_period_is_still_checked(validation):
    """pvs:PeriodShape also targets every object of org:memberDuring, typed or not."""
    outcome = validation(VVG_CHAIR.replace("a dcterms:PeriodOfTime, time:Interval ;", "")
                         .replace("2021-01-01", "2021-07-01"))
    assert "Period-startDate" in outcome.violated_shapes()

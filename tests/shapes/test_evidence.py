"""Shapes for evidence, sources, titles and dating (shapes/evidence.ttl).

Every interpretive link carries PROV-qualified evidence: the source file, the lines, the exact
quote, and whether the source states it or a curator inferred it. Titles are Swedish first;
dates are stated, or a range with its reasoning – never a guessed day.
"""

from __future__ import annotations

import pytest
from rdflib import Namespace
from rdflib.collection import Collection
from rdflib.namespace import SH


def without(data: str, *predicates: str) -> str:
    """The Turtle ``data`` without its ``predicate …;`` lines (each statement keeps its final line)."""

    def dropped(line: str) -> bool:
        return line.lstrip().split(" ", 1)[0] in predicates and line.rstrip().endswith(";")

    lines = data.splitlines(keepends=True)
    kept = [line for line in lines if not dropped(line)]
    assert len(lines) - len(kept) == len(predicates), f"not each of {predicates} is in the data once"
    return "".join(kept)


# The SRO minutes give the time "Tid: 13:00-14.40" (001, l. 12); a curator recorded it in a YAML file.
ATTESTED = """
<meeting/sro/2021-09-24> pv:attestedBy <evidence/sro-2021-09-24-time> .
<evidence/sro-2021-09-24-time> a pv:Evidence ;
    prov:hadPrimarySource <source/001_06d9e870a2ccb54a.txt> ;
    pv:quote "Tid: 13:00-14.40" ;
    pv:lineStart "12"^^xsd:positiveInteger ;
    pv:lineEnd "12"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty pv:startTime ;
    pv:curatorNote "14.40 is written with a dot; read as 14:40."@en ;
    pv:recordedIn <source/meetings.yaml> .
<source/meetings.yaml> a pv:SourceDocument ;
    pv:fileName "meetings.yaml" ;
    pv:sha256 "79babdc8fbb74aae653f6c747640f832827e1cd6bf9b6e9825ca4648588478fc" ;
    pv:lineCount "1"^^xsd:positiveInteger .
"""

# prop. 2017/18:83 changed HSL so that care is given close to the population: 7 kap. 2 a § (004, l. 391-392).
FORARBETE = """
<sfs/2017:30> rpubl:forarbete <prop/2017/18:83> ;
    prov:qualifiedDerivation <evidence/hsl-forarbete-prop-2017-18-83> .
<evidence/hsl-forarbete-prop-2017-18-83> a pv:Evidence, prov:Derivation ;
    prov:hadPrimarySource <source/004_77c63d0e7f875d18.txt> ;
    pv:quote "(prop. 2017/18:83) beslutades om en ändring i hälso- och sjukvårdslagen (2017:30)" ;
    pv:lineStart "391"^^xsd:positiveInteger ;
    pv:lineEnd "392"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty rpubl:forarbete ;
    prov:entity <prop/2017/18:83> .
"""

ACCEPT = [
    pytest.param("EvidenceShape", ATTESTED, id="attests-a-meeting-time"),
    pytest.param("LinkEvidenceShape", FORARBETE, id="qualified-derivation"),
    pytest.param("InterpretiveLinkShape", FORARBETE, id="forarbete-with-evidence"),
    pytest.param("AttestationShape", ATTESTED, id="attested-meeting"),
    pytest.param("SourceDocumentShape", ATTESTED, id="curated-yaml-file"),
    pytest.param("TitleShape", """
<strategy/x> dcterms:title "Färdplan – länsgemensam strategi för god och nära vård"@sv, "Roadmap"@en .
""", id="swedish-and-english"),
    pytest.param("DatingShape", """
<sou/2020:19> dcterms:issued "2020-04-01"^^xsd:date .
""", id="stated-date"),
    pytest.param("DatingShape", """
<meeting/vvg/2020-06> a pv:Meeting ; pv:body <org/vvg> ;
    pv:earliestDate "2020-04-01"^^xsd:date ;
    pv:latestDate "2020-06-30"^^xsd:date ;
    pv:dateReasoning "Header missing; held during the first covid-19 wave, after SOU 2020:19 (April 2020)."@en .
""", id="range-with-reasoning"),
]

REJECT = [
    pytest.param("EvidenceShape", ("Evidence-source",),
                 without(ATTESTED, "prov:hadPrimarySource"), id="no-source"),
    pytest.param("EvidenceShape", ("Evidence-source",),
                 ATTESTED.replace("<source/001_06d9e870a2ccb54a.txt>", "<https://www.vardsamverkan.se/>"),
                 id="source-not-a-source-document"),
    pytest.param("EvidenceShape", ("Evidence-quote",), ATTESTED.replace('"Tid: 13:00-14.40"', '""'), id="empty-quote"),
    pytest.param("EvidenceShape", ("Evidence-quote",), ATTESTED.replace('"Tid: 13:00-14.40"', '"Tid: 13:00-14.40"@sv'),
                 id="quote-with-language-tag"),
    pytest.param("EvidenceShape", ("Evidence-quote",), without(ATTESTED, "pv:quote"),
                 id="no-quote"),
    pytest.param("EvidenceShape", ("Evidence-lineStart",),
                 ATTESTED.replace('pv:lineStart "12"^^xsd:positiveInteger', 'pv:lineStart "13"^^xsd:positiveInteger'),
                 id="starts-after-it-ends"),
    pytest.param("EvidenceShape", ("Evidence-lineStart",),
                 ATTESTED.replace('pv:lineStart "12"^^xsd:positiveInteger', "pv:lineStart 12"),
                 id="plain-integer-line"),
    pytest.param("EvidenceShape", ("Evidence-lineEnd",),
                 without(ATTESTED, "pv:lineEnd"), id="no-last-line"),
    pytest.param("EvidenceShape", ("Evidence-assertion",),
                 ATTESTED.replace("pv:assertion pv:Stated", 'pv:assertion "stated"'),
                 id="assertion-as-text"),
    pytest.param("EvidenceShape", ("Evidence-assertion",),
                 ATTESTED.replace("pv:assertion pv:Stated", "pv:assertion pv:Stated, pv:Inferred"),
                 id="stated-and-inferred"),
    pytest.param("EvidenceShape", ("Evidence-linkProperty",),
                 ATTESTED.replace("pv:linkProperty pv:startTime", 'pv:linkProperty "pv:startTime"'),
                 id="link-property-as-text"),
    pytest.param("EvidenceShape", ("Evidence-object",),
                 ATTESTED.replace("pv:assertion pv:Stated ;", 'pv:assertion pv:Stated ; prov:entity "13:00" ;'),
                 id="target-as-text"),
    pytest.param("EvidenceShape", ("Evidence-recordedIn",),
                 ATTESTED.replace("pv:recordedIn <source/meetings.yaml>", "pv:recordedIn <org/sro>"),
                 id="recorded-in-an-organisation"),
    pytest.param("LinkEvidenceShape", ("LinkEvidence-type",),
                 FORARBETE.replace("a pv:Evidence, prov:Derivation ;", "a prov:Derivation ;"),
                 id="untyped-qualification"),
    pytest.param("LinkEvidenceShape", ("LinkEvidence-property",), FORARBETE + """
<sfs/2017:30> prov:qualifiedDerivation <evidence/second> .
<evidence/second> a pv:Evidence, prov:Derivation ;
    prov:hadPrimarySource <source/004_77c63d0e7f875d18.txt> ;
    pv:quote "hälso- och sjukvårdslagen (2017:30)" ;
    pv:lineStart "392"^^xsd:positiveInteger ; pv:lineEnd "392"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ; prov:entity <prop/2017/18:83> .
""", id="second-evidence-without-link-property"),
    pytest.param("LinkEvidenceShape", ("LinkEvidence-object",), FORARBETE + """
<sfs/2017:30> prov:qualifiedDerivation <evidence/second> .
<evidence/second> a pv:Evidence, prov:Derivation ;
    prov:hadPrimarySource <source/004_77c63d0e7f875d18.txt> ;
    pv:quote "hälso- och sjukvårdslagen (2017:30)" ;
    pv:lineStart "392"^^xsd:positiveInteger ; pv:lineEnd "392"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ; pv:linkProperty rpubl:forarbete .
""", id="second-evidence-without-target"),
    pytest.param("LinkEvidenceShape", ("LinkEvidence-asserted",), """
<agreement/hos-avtal-vg-2021> prov:qualifiedInfluence <evidence/hos-avtal-follows-gemensam-plan> .
<evidence/hos-avtal-follows-gemensam-plan> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource <source/002_ba0b3cc1446c0b9e.txt> ;
    pv:quote "föreslås att kommuner och regioner ska upprätta en övergripande och gemensam plan" ;
    pv:lineStart "42"^^xsd:positiveInteger ; pv:lineEnd "43"^^xsd:positiveInteger ;
    pv:assertion pv:Inferred ;
    pv:linkProperty pv:follows ;
    prov:influencer <sou/2020:19/proposal/gemensam-plan> .
""", id="evidence-for-a-link-that-is-not-there"),
    pytest.param("InterpretiveLinkShape", ("InterpretiveLinkShape",),
                 FORARBETE.replace("prov:entity <prop/2017/18:83>", "prov:entity <prop/2019/20:164>")
                 + "<sfs/2017:30> rpubl:forarbete <prop/2019/20:164> .\n"
                 + "<sfs/2017:30> rpubl:forarbete <prop/2017/18:83> .\n",
                 id="evidence-for-another-target"),
    pytest.param("AttestationShape", ("Attestation-evidence",), """
<meeting/sro/2021-09-24> pv:attestedBy <source/001_06d9e870a2ccb54a.txt> .
""", id="attested-by-a-whole-file"),
    pytest.param("SourceDocumentShape", ("SourceDocument-sha256",),
                 ATTESTED.replace('"79babdc8fbb74aae653f6c747640f832827e1cd6bf9b6e9825ca4648588478fc"',
                                  '"79BABDC8FBB74AAE653F6C747640F832827E1CD6BF9B6E9825CA4648588478FC"'),
                 id="upper-case-checksum"),
    pytest.param("SourceDocumentShape", ("SourceDocument-sha256",),
                 ATTESTED.replace('"79babdc8fbb74aae653f6c747640f832827e1cd6bf9b6e9825ca4648588478fc"', '"79babdc8"'),
                 id="short-checksum"),
    pytest.param("SourceDocumentShape", ("SourceDocument-fileName",),
                 ATTESTED.replace('pv:fileName "meetings.yaml"', 'pv:fileName "sources/curated/meetings.yaml"'),
                 id="file-name-with-directory"),
    pytest.param("SourceDocumentShape", ("SourceDocument-lineCount",),
                 ATTESTED.replace('pv:lineCount "1"^^xsd:positiveInteger', 'pv:lineCount "1"^^xsd:nonNegativeInteger'),
                 id="line-count-not-positive-integer"),
    pytest.param("SourceDocumentShape", ("SourceDocument-lineCount",),
                 ATTESTED.replace('    pv:lineCount "1"^^xsd:positiveInteger .', "    ."), id="no-line-count"),
    pytest.param("TitleShape", ("Title-sv",), """
<sou/2020:19/proposal/gemensam-plan> dcterms:title "Joint plan for primary care"@en .
""", id="english-only"),
    pytest.param("TitleShape", ("Title-sv",), """
<sou/2020:19/proposal/gemensam-plan> dcterms:title "Gemensam plan för primärvården" .
""", id="untagged"),
    pytest.param("DatingShape", ("DatingShape",), """
<meeting/sro/2021-09-24> pv:earliestDate "2021-09-01"^^xsd:date ; pv:latestDate "2021-09-30"^^xsd:date ;
    pv:dateReasoning "Mötet hölls i september 2021."@sv .
""", id="date-and-range"),
    pytest.param("DatingShape", ("DatingShape",), """
<meeting/vvg/2020-06> a pv:Meeting ; pv:body <org/vvg> ;
    pv:earliestDate "2020-04-01"^^xsd:date ;
    pv:dateReasoning "After SOU 2020:19."@en .
""", id="half-a-range"),
    pytest.param("DatingShape", ("DatingShape",), """
<meeting/vvg/2020-06> a pv:Meeting ; pv:body <org/vvg> ;
    pv:earliestDate "2020-04-01"^^xsd:date ; pv:latestDate "2020-06-30"^^xsd:date .
""", id="range-without-reasoning"),
    pytest.param("DatingShape", ("Dating-earliestDate",), """
<meeting/vvg/2020-06> a pv:Meeting ; pv:body <org/vvg> ;
    pv:earliestDate "2020-06-30"^^xsd:date ; pv:latestDate "2020-04-01"^^xsd:date ;
    pv:dateReasoning "After SOU 2020:19."@en .
""", id="range-backwards"),
    pytest.param("DatingShape", ("Dating-date",), """
<meeting/sro/2022-01-19> a pv:Meeting ; pv:body <org/sro> ; dcterms:date "2022"^^xsd:gYear .
""", id="year-as-date"),
    pytest.param("DatingShape", ("Dating-date",), """
<meeting/sro/2021-09-24> dcterms:date "2021-09-25"^^xsd:date .
""", id="two-dates"),
    pytest.param("DatingShape", ("Dating-issued",), """
<sou/2020:19> dcterms:issued "april 2020" .
""", id="issued-as-text"),
    pytest.param("DatingShape", ("Dating-dateAccepted",), """
<agreement/god-och-nara-vard-2019> dcterms:dateAccepted "2019-06-20"^^xsd:date .
""", id="signed-twice"),
    # The earliest date cannot be compared with a latest date that is not a date, so both rules fire.
    pytest.param("DatingShape", ("Dating-earliestDate", "Dating-latestDate"), """
<meeting/vvg/2020-06> a pv:Meeting ; pv:body <org/vvg> ;
    pv:earliestDate "2020-04-01"^^xsd:date ; pv:latestDate "2020-06" ;
    pv:dateReasoning "After SOU 2020:19."@en .
""", id="latest-not-a-date"),
    pytest.param("DatingShape", ("Dating-reasoning",), """
<meeting/vvg/2020-06> a pv:Meeting ; pv:body <org/vvg> ;
    pv:earliestDate "2020-04-01"^^xsd:date ; pv:latestDate "2020-06-30"^^xsd:date ;
    pv:dateReasoning "After SOU 2020:19." .
""", id="reasoning-without-language"),
]

# One unqualified link per interpretive property; each must be reported with its property and target.
UNQUALIFIED_LINKS = [
    pytest.param("rpubl:utgarFran", "<prop/2019/20:164>", "<sou/2018:39>", "", id="utgarFran"),
    pytest.param("rpubl:forarbete", "<sfs/2017:30>", "<prop/2017/18:83>", "", id="forarbete"),
    pytest.param("pv:follows", "<agreement/hos-avtal-vg-2021>", "<sou/2020:19/proposal/gemensam-plan>", "",
                 id="follows"),
    pytest.param("pv:concerns", "<meeting/sro/2021-09-24/item/6>", "<agreement/hos-avtal-vg-2021>", "", id="concerns"),
    pytest.param("pv:respondsTo", "<remissvar/x>", "<sou/2020:19>", "", id="respondsTo"),
    pytest.param("dcterms:replaces", "<agreement/god-och-nara-vard-2020>", "<agreement/god-och-nara-vard-2019>", "",
                 id="replaces"),
    pytest.param("pv:inquiry", "<sou/2017:53>", "<kommitte/S2017:01>", "", id="inquiry"),
    pytest.param("pv:directive", "<kommitte/S2017:01>", "<dir/2017:24>",
                 '<dir/2017:24> a rpubl:Kommittedirektiv ; dcterms:identifier "Dir. 2017:24" .', id="directive"),
    pytest.param("eli-dl:decided_on_a_realization_of", "<riksdagsbeslut/prop-2019-20-164>", "<prop/2019/20:164>", "",
                 id="decided_on_a_realization_of"),
    pytest.param("pv:onProposal", "<remissvar/x/position/1>", "<sou/2020:19/proposal/samverkansansvar>", "",
                 id="onProposal"),
]

NAMESPACES = {
    "rpubl": "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#",
    "pv": "https://w3id.org/proveniens/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "eli-dl": "http://data.europa.eu/eli/eli-draft-legislation-ontology#",
}


@pytest.mark.parametrize(("shape", "data"), ACCEPT)
def test_shape_accepts_corpus_data(shape, data, accepts):
    accepts(shape, data)


@pytest.mark.parametrize(("shape", "rules", "data"), REJECT)
def test_shape_rejects_broken_data(shape, rules, data, rejects):
    rejects(shape, rules, data)


@pytest.mark.parametrize(("prop", "subject", "target", "extra"), UNQUALIFIED_LINKS)
def test_every_interpretive_link_needs_evidence(prop, subject, target, extra, rejects):
    outcome = rejects("InterpretiveLinkShape", ("InterpretiveLinkShape",), f"{subject} {prop} {target} .\n{extra}")
    (result,) = outcome.violations
    prefix, local = prop.split(":")
    assert str(result.path) == NAMESPACES[prefix] + local
    assert str(result.focus) == "https://w3id.org/proveniens/" + subject.strip("<>")
    assert all(NAMESPACES[prefix] + local in str(m) for m in result.messages), "the message names the property"


def test_title_in_swedish_only_warns(warns):
    warns("TitleShape", ("Title-en",), """
<strategy/x> dcterms:title "Färdplan – länsgemensam strategi för god och nära vård"@sv .
""")


def test_two_swedish_titles_only_warn(warns):
    warns("TitleShape", ("Title-oneLanguage",), """
<sou/2020:19> dcterms:title "God och nära vård – En reform för ett hållbart hälso- och sjukvård system"@sv .
""")


def test_dating_is_stated_date_xor_date_range(shapes):
    """pvs:DatingShape is exactly one of pvs:StatedDate and pvs:DateRange."""
    pvs = Namespace("https://w3id.org/proveniens/shapes#")
    (members,) = shapes.objects(pvs.DatingShape, SH.xone)
    assert list(Collection(shapes, members)) == [pvs.StatedDate, pvs.DateRange]

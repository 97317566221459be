"""Shapes for the dataset's own description (shapes/void.ttl): DCAT catalogue, VoID statistics, SPARQL SD.

The description below is a small version of what proveniens/derived/dataset_description.py writes into
graph/void at build time: the catalogue, the dataset with two named graphs as subsets, one class and
one property partition, the dumps and the SPARQL service. Each case damages one statement and names
the one rule that must refuse it. tests/linked_data/test_dataset.py validates the real description.
"""

from __future__ import annotations

import pytest

DESCRIPTION = """
@prefix void: <http://rdfs.org/ns/void#> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .

<catalog> a dcat:Catalog ;
    dcterms:title "Proveniens datakatalog"@sv ;
    dcterms:title "Proveniens data catalogue"@en ;
    dcterms:description "Datamängden, dess namngivna grafer och deras dumpar."@sv ;
    dcat:dataset <dataset> ;
    dcat:service <sparql#service> .

<dataset> a void:Dataset, dcat:Dataset, sd:Dataset ;
    dcterms:title "Proveniens – den svenska offentliga politikens ursprung"@sv ;
    dcterms:title "Proveniens – the provenance of Swedish public policy"@en ;
    void:triples 10 ;
    void:distinctSubjects 4 ;
    void:distinctObjects 8 ;
    void:properties 3 ;
    void:classes 1 ;
    void:entities 4 ;
    void:dataDump <dumps/dataset.nq.gz> ;
    void:sparqlEndpoint <sparql> ;
    void:uriSpace "https://w3id.org/proveniens/" ;
    void:subset <graph/a>, <graph/b> ;
    void:classPartition <dataset/class/pv:Meeting> ;
    void:propertyPartition <dataset/property/dcterms:title> ;
    sd:namedGraph <dataset/named-graph/a> ;
    dcat:distribution <distribution/dataset.nq.gz> .

<graph/a> a void:Dataset, dcat:Dataset, sd:Graph ;
    dcterms:title "Källdokument a"@sv ;
    dcterms:title "Source document a"@en ;
    void:triples 6 ;
    void:distinctSubjects 2 ;
    void:distinctObjects 5 ;
    void:properties 3 ;
    void:classes 1 ;
    void:entities 2 ;
    void:dataDump <dumps/graphs/a.nq.gz> ;
    dcat:distribution <distribution/graphs/a.nq.gz> .

<graph/b> a void:Dataset ;
    void:triples 6 ;
    void:distinctSubjects 2 ;
    void:distinctObjects 5 ;
    void:properties 3 ;
    void:classes 1 ;
    void:entities 2 ;
    void:dataDump <dumps/graphs/b.nq.gz> .

<distribution/dataset.nq.gz> a dcat:Distribution ;
    dcterms:title "Hela datamängden som N-Quads, gzip-komprimerad"@sv ;
    dcat:downloadURL <dumps/dataset.nq.gz> ;
    dcat:accessURL <dumps/> ;
    dcat:mediaType <https://www.iana.org/assignments/media-types/application/n-quads> ;
    dcat:compressFormat <https://www.iana.org/assignments/media-types/application/gzip> .

<distribution/graphs/a.nq.gz> a dcat:Distribution ;
    dcterms:title "Källdokument a som N-Quads, gzip-komprimerad"@sv ;
    dcat:downloadURL <dumps/graphs/a.nq.gz> ;
    dcat:accessURL <dumps/> ;
    dcat:mediaType <https://www.iana.org/assignments/media-types/application/n-quads> ;
    dcat:compressFormat <https://www.iana.org/assignments/media-types/application/gzip> .

<sparql#service> a sd:Service, dcat:DataService ;
    sd:endpoint <sparql> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:defaultDataset <dataset> ;
    dcat:endpointURL <sparql> ;
    dcat:servesDataset <dataset> .

<dataset/named-graph/a> a sd:NamedGraph ;
    sd:name <graph/a> ;
    sd:graph <graph/a> .

<dataset/class/pv:Meeting> void:class pv:Meeting ;
    void:entities 1 .

<dataset/property/dcterms:title> void:property dcterms:title ;
    void:triples 2 .
"""


def damaged(old: str, new: str) -> str:
    """The description with `old` (found exactly once) replaced by `new`."""
    assert DESCRIPTION.count(old) == 1, f"{old!r} is not in the description exactly once"
    return DESCRIPTION.replace(old, new)


def in_block(subject: str, statement: str, replacement: str | None = None) -> tuple[str, str]:
    """Change `statement` in the block of `subject` (numbers repeat between blocks); no replacement drops its line."""
    start = DESCRIPTION.index("\n" + subject + " ") + 1
    end = DESCRIPTION.find("\n\n", start)
    block = DESCRIPTION[start : end if end >= 0 else len(DESCRIPTION)]
    assert block.count(statement) == 1, f"{statement!r} is not in the block of {subject} once"
    if replacement is not None:
        return block, block.replace(statement, replacement)
    lines = block.split("\n")
    return block, "\n".join(line for line in lines if statement not in line)


CATALOG, DATASET, GRAPH_A = "<catalog>", "<dataset>", "<graph/a>"
WHOLE, PART = "<distribution/dataset.nq.gz>", "<distribution/graphs/a.nq.gz>"
SERVICE, NAMED, CLASS, PROPERTY = (
    "<sparql#service>",
    "<dataset/named-graph/a>",
    "<dataset/class/pv:Meeting>",
    ("<dataset/property/dcterms:title>"),
)
IANA = "https://www.iana.org/assignments/media-types/"

CASES = [
    ("CatalogShape", "Catalog-titleEn", in_block(CATALOG, '"Proveniens data catalogue"@en')),
    ("CatalogShape", "Catalog-description", in_block(CATALOG, "dcterms:description")),
    ("CatalogShape", "Catalog-dataset", in_block(CATALOG, "dcat:dataset <dataset>", "dcat:dataset <nothing>")),
    ("CatalogShape", "Catalog-service", in_block(CATALOG, "<sparql#service>", "<nothing>")),
    ("DcatDatasetShape", "DcatDataset-titleEn", in_block(GRAPH_A, '"Source document a"@en')),
    (
        "DcatDatasetShape",
        "DcatDataset-distribution",
        in_block(GRAPH_A, "<distribution/graphs/a.nq.gz>", "<nothing>"),
    ),
    (
        "DistributionShape",
        "Distribution-downloadURL",
        in_block(PART, "<dumps/graphs/a.nq.gz>", "<http://example.org/a.gz>"),
    ),
    (
        "DistributionShape",
        "Distribution-accessURL",
        in_block(PART, "dcat:accessURL <dumps/>", 'dcat:accessURL "dumps/"'),
    ),
    (
        "DistributionShape",
        "Distribution-mediaType",
        in_block(WHOLE, f"<{IANA}application/n-quads>", "<http://example.org/nq>"),
    ),
    (
        "DistributionShape",
        "Distribution-compressFormat",
        in_block(WHOLE, f"<{IANA}application/gzip>", f"<{IANA}application/zip>"),
    ),
    ("DistributionShape", "Distribution-title", in_block(WHOLE, "dcterms:title")),
    ("DataServiceShape", "DataService-endpointURL", in_block(SERVICE, "dcat:endpointURL")),
    (
        "DataServiceShape",
        "DataService-servesDataset",
        in_block(SERVICE, "servesDataset <dataset>", "servesDataset <nothing>"),
    ),
    (
        "VoidDatasetShape",
        "VoidDataset-triples",
        in_block(GRAPH_A, "void:distinctSubjects 2 ;", "void:distinctSubjects 7 ;"),
    ),
    (
        "VoidDatasetShape",
        "VoidDataset-distinctSubjects",
        in_block(GRAPH_A, "void:distinctSubjects 2 ;", "void:distinctSubjects -1 ;"),
    ),
    (
        "VoidDatasetShape",
        "VoidDataset-distinctObjects",
        in_block(GRAPH_A, "void:distinctObjects 5 ;", "void:distinctObjects 5.0 ;"),
    ),
    ("VoidDatasetShape", "VoidDataset-properties", in_block(GRAPH_A, "void:properties 3 ;", "void:properties 3, 4 ;")),
    ("VoidDatasetShape", "VoidDataset-classes", in_block(GRAPH_A, "void:classes 1 ;", "void:classes 1, 2 ;")),
    ("VoidDatasetShape", "VoidDataset-entities", in_block(GRAPH_A, "void:entities 2 ;")),
    ("VoidDatasetShape", "VoidDataset-dataDump", in_block(GRAPH_A, "void:dataDump <dumps/graphs/a.nq.gz> ;")),
    ("DescribedDatasetShape", "DescribedDataset-sparqlEndpoint", in_block(DATASET, "void:sparqlEndpoint <sparql> ;")),
    (
        "DescribedDatasetShape",
        "DescribedDataset-uriSpace",
        in_block(DATASET, "https://w3id.org/proveniens/", "http://x/"),
    ),
    ("DescribedDatasetShape", "DescribedDataset-size", in_block(DATASET, "void:triples 10 ;", "void:triples 13 ;")),
    (
        "ClassPartitionShape",
        "ClassPartition-class",
        in_block(CLASS, "void:class pv:Meeting", 'void:class "pv:Meeting"'),
    ),
    ("ClassPartitionShape", "ClassPartition-entities", in_block(CLASS, "void:entities 1", "void:entities 0")),
    (
        "PropertyPartitionShape",
        "PropertyPartition-property",
        in_block(PROPERTY, "void:property dcterms:title", "void:triples 2"),
    ),
    (
        "PropertyPartitionShape",
        "PropertyPartition-triples",
        in_block(PROPERTY, "void:triples 2", "void:property dcterms:title"),
    ),
    ("ServiceShape", "Service-endpoint", in_block(SERVICE, "sd:endpoint")),
    ("ServiceShape", "Service-language", in_block(SERVICE, "sd:SPARQL11Query", "sd:SPARQL12Query")),
    (
        "ServiceShape",
        "Service-defaultDataset",
        in_block(SERVICE, "defaultDataset <dataset>", "defaultDataset <nothing>"),
    ),
    ("NamedGraphShape", "NamedGraph-name", in_block(NAMED, "sd:name <graph/a>", 'sd:name "graph/a"')),
    ("NamedGraphShape", "NamedGraph-graph", in_block(NAMED, "sd:graph <graph/a>", "sd:graph <nothing>")),
]


def test_the_description_as_the_build_writes_it_is_accepted(accepts) -> None:
    accepts("DescribedDatasetShape", DESCRIPTION)


@pytest.mark.parametrize(("shape", "rule", "change"), CASES, ids=[rule for _, rule, _ in CASES])
def test_each_rule_refuses_its_damage(rejects, shape: str, rule: str, change: tuple[str, str]) -> None:
    rejects(shape, (rule,), damaged(*change))

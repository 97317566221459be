"""Every namespace the product uses, defined once so no module spells an IRI base by hand."""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

BASE = "https://w3id.org/proveniens/"

PV = Namespace(BASE + "ontology#")
PVS = Namespace(BASE + "shapes#")
INST = Namespace(BASE)
GRAPH = Namespace(BASE + "graph/")
SOURCE = Namespace(BASE + "source/")

RPUBL = Namespace("http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
TIME = Namespace("http://www.w3.org/2006/time#")
SH = Namespace("http://www.w3.org/ns/shacl#")
BESLUIT = Namespace("http://data.vlaanderen.be/ns/besluit#")

# The prefixes curated files, queries and serialisations may use.
PREFIXES: dict[str, str] = {
    "pv": str(PV),
    "rpubl": str(RPUBL),
    "eli": str(ELI),
    "eli-dl": str(ELI_DL),
    "org": str(ORG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "time": str(TIME),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

ONTOLOGY_GRAPH = GRAPH["ontology"]
BUILD_GRAPH = GRAPH["build"]

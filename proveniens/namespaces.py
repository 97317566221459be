"""Every namespace the product uses, defined once so no module spells an IRI base by hand."""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef

BASE = "https://w3id.org/proveniens/"


class Vocabulary(Namespace):
    """A namespace whose terms (`PV.body`) are made once: rdflib makes and checks a new URIRef on every
    look-up, and the loaders look their vocabulary up for every triple they write."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        setattr(self, name, term)  # found as an attribute from now on, without this method
        return term


PV = Vocabulary(BASE + "ontology#")
PVS = Vocabulary(BASE + "shapes#")
INST = Namespace(BASE)
GRAPH = Namespace(BASE + "graph/")
SOURCE = Namespace(BASE + "source/")

RPUBL = Vocabulary("http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#")
ELI = Vocabulary("http://data.europa.eu/eli/ontology#")
ELI_DL = Vocabulary("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
ORG = Vocabulary("http://www.w3.org/ns/org#")
DCAT = Vocabulary("http://www.w3.org/ns/dcat#")
TIME = Vocabulary("http://www.w3.org/2006/time#")
SH = Vocabulary("http://www.w3.org/ns/shacl#")
BESLUIT = Vocabulary("http://data.vlaanderen.be/ns/besluit#")

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

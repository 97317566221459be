"""Riksdag parties as the records name them: by their abbreviation (S, M, SD …), nothing more.

The records give no party's full name, so a party is `org/parti/{abbreviation}` with the abbreviation
as its label and skos:notation. A member without a party (Riksdagen writes `-`) belongs to none.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import slugify
from proveniens.namespaces import INST, ORG, PV

_ABBREVIATION = re.compile(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}")


def party(f: Facts, abbreviation: str) -> URIRef | None:
    """The party `abbreviation` names, written once per graph; None for `-` or what is not an abbreviation."""
    abbreviation = abbreviation.strip().strip('"')
    if not _ABBREVIATION.fullmatch(abbreviation):
        return None
    iri = INST[f"org/parti/{slugify(abbreviation)}"]
    f.add(iri, RDF.type, PV.PoliticalParty)
    f.add(iri, RDF.type, ORG.FormalOrganization)
    f.add(iri, SKOS.prefLabel, Literal(abbreviation, lang="sv"))
    f.add(iri, SKOS.notation, Literal(abbreviation))
    return iri


def parties(value: str) -> list[str]:
    """`"M","KD"` (as `motforslag_partier` writes it) → ["M", "KD"]."""
    return [p.strip().strip('"') for p in value.split(",") if p.strip().strip('"')]

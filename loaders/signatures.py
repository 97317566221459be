"""Who signs a remiss response or a report, and the post each holds in the organisation that issues it.

Why: "who decided this answer", "who led the agency then" are questions people ask, and the signature
block answers them — as minutes write a title beside a name, a letter or a report ends (or its foreword
ends) with a name over a title ("Olivia Wigzell" / "Generaldirektör"), a name and its title on one line
("Knut Larsson, generaldirektör"), or a sentence of who decided ("Beslut i detta ärende har fattats av
generaldirektör Olivia Wigzell"). Read only where a signature stands: the last lines, and the lines
under a place-and-date line ("Stockholm mars 2025"); a person is matched to the knowledge files with
the issuer as context, else minted from the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, SKOS

from proveniens.loaders.evidence import Assertion
from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import knowledge, slugify
from proveniens.loaders.knowledge.entities import PersonIndex
from proveniens.loaders.minutes.people.posts import TITLE, TITLE_FIRST, as_title
from proveniens.loaders.minutes.text import NAME, looks_like_name
from proveniens.loaders.text.dates import place_date
from proveniens.loaders.text.prose import Span
from proveniens.namespaces import INST

_LAST_LINES = 30  # a letter's or report's closing signature
_BELOW_PLACE_DATE = 3  # a foreword's signature under "Stockholm mars 2025"
_OPENING_LINES = 400
_NAME_AND_TITLE = re.compile(rf"^\s*(?P<name>{NAME}),\s+(?P<title>.+?)\s*$")
# "Beslut i detta ärende har fattats av generaldirektör Olivia Wigzell", "… har också avdelningschef Pelle
# Svensson deltagit": a title before the name in the sentence that says who decided or took part.
_DECIDED_BY = re.compile(rf"(?:\bav|\bhar(?:\s+(?:också|även))?)\s+{TITLE_FIRST.pattern}(?P<name>{NAME})")
_DECIDING = re.compile(r"\b(?:fattats|beslutats|föredragits|handlagts|deltagit|medverkat)\b")


@dataclass(frozen=True)
class Signature:
    name: str
    title: str  # as a post's label: "generaldirektör"
    span: Span  # the name and title as written


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its outer spaces."""
    out, at = [], 0
    for line in text.split("\n"):
        if stripped := line.strip():
            start = at + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
        at += len(line) + 1
    return out


def signatures(text: str) -> list[Signature]:
    """The people the signature blocks of `text` name with a title, each once."""
    lines = _lines(text)
    where = set(range(max(0, len(lines) - _LAST_LINES), len(lines)))
    for i, (a, b) in enumerate(lines[:_OPENING_LINES]):  # a foreword is signed on the first pages
        if place_date(text[a:b]) is not None:
            where.update(range(i + 1, min(len(lines), i + 1 + _BELOW_PLACE_DATE)))
    found: dict[str, Signature] = {}
    for i in sorted(where):
        a, b = lines[i]
        line = text[a:b]
        if i + 1 < len(lines) and looks_like_name(line) and (t := TITLE.fullmatch(text[slice(*lines[i + 1])])):
            found.setdefault(line, Signature(line, as_title(t["title"]), Span(a, lines[i + 1][1])))
        elif (m := _NAME_AND_TITLE.match(line)) and looks_like_name(m["name"]) and (t := TITLE.fullmatch(m["title"])):
            found.setdefault(m["name"], Signature(m["name"], as_title(t["title"]), Span(a, b)))
        for m in _DECIDED_BY.finditer(line) if _DECIDING.search(line) else ():
            if looks_like_name(m["name"]):
                span = Span(a + m.start(), a + m.end())
                found.setdefault(m["name"], Signature(m["name"], as_title(m["title"]), span))
    return list(found.values())


def write_signatures(facts: Facts, text: str, issuer: URIRef, issuer_name: str) -> None:
    """Each signer as a person holding a post (org:Post) in the issuing organisation, with evidence."""
    signed = signatures(text)
    if not signed:
        return
    people = PersonIndex([s.name for s in signed], body=knowledge().body(issuer_name))
    for s in signed:
        ref = people.resolve(s.name, issuer_name)
        ev = facts.evidence(s.span.start, s.span.end, Assertion.INFERRED if ref.note else Assertion.STATED, ref.note)
        person = ref.iri
        facts.add(person, RDF.type, FOAF.Person)
        facts.add(person, FOAF.name, Literal(ref.name))
        facts.attest(person, ev)
        post = INST[f"post/{ref.slug}/{slugify(s.title)}"]
        facts.add(post, RDF.type, ORG.Post)
        facts.add(post, SKOS.prefLabel, Literal(s.title, lang="sv"))
        facts.attest(post, ev)
        facts.link(person, ORG.holds, post, ev)
        facts.link(post, ORG.postIn, issuer, ev)

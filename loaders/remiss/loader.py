"""Remiss responses (remissvar, yttrande, tjänsteutlåtande) on an SOU.

A response names who answers (a unit, perhaps of a municipality), its registration number
(often only in the page header), when (stated, or a range between the handling dates and the
reply deadline), which SOU it answers, and - in its own section of views ("Förvaltningens
synpunkter och förslag") - a position on the SOU's proposals, which it summarises beforehand.
Proposals summarised but not commented on get the stance pv:NoOpinion (inferred).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS, XSD

from proveniens import __version__
from proveniens.loaders.citations.find import Citation, CitationKind, find_citations
from proveniens.loaders.evidence import Assertion
from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import slugify
from proveniens.loaders.knowledge.entities import body_named
from proveniens.loaders.knowledge.lexicon import inquiry_names
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.remiss import org as remiss_org
from proveniens.loaders.remiss import parts
from proveniens.loaders.signatures import write_signatures
from proveniens.loaders.sources import SourceFile
from proveniens.loaders.text.document_text import document_text
from proveniens.namespaces import INST, PV, RPUBL

if TYPE_CHECKING:
    from proveniens.loaders.registry import LoadedDocument

_REMISS_WORD = re.compile(r"\bremi(?:ss|tter)", re.IGNORECASE)
# Minutes say what a body decided ("Ställningstagande:") and who attended; a remiss response does not.
_MINUTES = re.compile(r"^\s*(?:Ställningstagande\s*:|Närvarande\b|Mötesanteckning|Minnesanteckning)", re.MULTILINE)


@dataclass
class RemissLoader:
    """Loader for remiss responses on an SOU."""

    name: str = "remiss-response"
    version: str = __version__
    stats: dict[str, int] = field(default_factory=dict)

    def recognise(self, source: SourceFile) -> bool:
        return self.form(source) is not None

    def form(self, source: SourceFile) -> str | None:
        """'municipal' (a tjänsteutlåtande with its views section), 'organisation' (any other
        responder's letter or page), or None when `source` is no remiss response."""
        return None if minutes_claim(source) else remiss_form(source.text)  # minutes are read first, and once

    def load(self, source: SourceFile) -> LoadedDocument:
        if self.form(source) == "municipal":
            out = _Reader(source, self.name).read()
            if any(out.graph.subjects(RDF.type, PV.RemissResponse)):
                return out  # else: a response with a views section but not by a municipal unit
        facts = Facts(source, self.name)
        read = document_text(source.text)
        remiss_org.OrgReader(facts, read.masked, list(read.citations)).read()
        return facts.out


_NUMBER_LABEL = re.compile(r"(?:Dnr|Diarienummer)")
_AROUND = 3  # lines of context on either side of a label's line that the citation finder is given


def labelled_number(text: str) -> Citation | None:
    """The first diarienummer written within 20 characters after a 'Dnr'/'Diarienummer' label, in the unmasked text.

    Only the lines around each label are searched, not the whole text again (a second citation pass
    cost as much as the rest of the reading). A number that reaches the edge of its stretch is looked
    up in the whole text, as are texts with a label that the stretches do not settle."""
    found: Citation | None = None
    for label in _NUMBER_LABEL.finditer(text):
        line = text.rfind("\n", 0, label.start()) + 1
        lo, hi = line, label.end()
        for _ in range(_AROUND):
            lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1
        inner = text.find("\n", hi)
        inner = len(text) if inner < 0 else text.find("\n", inner + 1)
        inner = len(text) if inner < 0 else inner  # the end of the line after the label's
        hi = inner
        for _ in range(_AROUND):
            nxt = text.find("\n", hi + 1)
            hi = len(text) if nxt < 0 else nxt
        for c in find_citations(text[lo:hi]):
            start, end = c.start + lo, c.end + lo
            if c.kind is CitationKind.DIARIENUMMER and _NUMBER_LABEL.search(text[start - 20 : start]):
                if start < line or end > inner:
                    return _first_labelled(text)
                if found is None or start < found.start:
                    found = replace(c, start=start, end=end)
    return found


def _first_labelled(text: str) -> Citation | None:
    for c in find_citations(text):
        if c.kind is CitationKind.DIARIENUMMER and _NUMBER_LABEL.search(text[c.start - 20 : c.start]):
            return c
    return None


class _Reader:
    def __init__(self, source: SourceFile, loader: str) -> None:
        self.source = source
        self.text = source.text
        self.layout = document_text(self.text).layout
        self.masked = self.layout.masked
        self.facts = Facts(source, loader)
        self.citations = list(document_text(self.text).citations)

    def read(self) -> LoadedDocument:
        f = self.facts
        sou = parts.responded_sou(self.masked, self.citations)
        if sou is None:
            return f.out
        sou_cit, sou_span = sou
        unit, parent = self.respondent()
        if unit is None and parent is None:
            return f.out  # a response must name who answers (dcterms:creator); without one, no facts
        response = INST[f"remissvar/{slugify(self.respondent_key(unit, parent))}-{slugify(sou_cit.identifier)}"]
        f.add(response, RDF.type, PV.RemissResponse)
        f.attest(response, f.evidence(sou_span.start, sou_span.end))
        f.link(response, PV.respondsTo, sou_cit.iri, f.evidence(sou_span.start, sou_span.end))
        self.describe_sou(sou_cit, sou_span)
        f.add(response, DCTERMS.creator, (unit or parent)[0])
        write_signatures(f, self.masked, *(unit or parent))
        self.identifier(response)
        self.dating(response)
        self.positions(response, sou_cit)
        return f.out

    # ----------------------------------------------------------------------------------- who
    def respondent(self) -> tuple[tuple[URIRef, str] | None, tuple[URIRef, str] | None]:
        """The answering unit and the municipality it belongs to (known bodies keep their IRIs)."""
        f = self.facts
        parent = None
        if (city := parts.municipality(self.masked)) is not None:
            muni, span = city
            known = body_named(muni.name)
            parent = (known.iri, known.name) if known else (INST[f"org/{muni.slug}"], muni.name)
            f.add(parent[0], RDF.type, ORG.FormalOrganization)
            f.add(parent[0], SKOS.prefLabel, Literal(parent[1], lang="sv"))
            stated = muni.name.lower() in span.words(self.masked).lower()
            note = (
                None
                if stated
                else f"The response does not name its municipality; the bodies it lists are {muni.name}'s."
            )
            f.attest(
                parent[0], f.evidence(span.start, span.end, Assertion.STATED if stated else Assertion.INFERRED, note)
            )
        if (found := parts.unit_name(self.masked)) is None:
            return None, parent
        name, span = found
        known_unit = body_named(name)
        if known_unit is not None and parent is not None and INST[f"org/{known_unit.parent}"] == parent[0]:
            unit = (known_unit.iri, known_unit.name)
        else:
            prefix = f"{parent[0].split('/org/')[-1]}-" if parent else ""
            unit = (INST[f"org/{prefix}{slugify(name)}"], name)
        f.add(unit[0], RDF.type, ORG.OrganizationalUnit if parent else ORG.FormalOrganization)
        f.add(unit[0], SKOS.prefLabel, Literal(unit[1], lang="sv"))
        f.attest(unit[0], f.evidence(span.start, span.end))
        if parent is not None:
            f.add(unit[0], ORG.subOrganizationOf, parent[0])
            f.add(unit[0], ORG.unitOf, parent[0])
        return unit, parent

    @staticmethod
    def respondent_key(unit: tuple[URIRef, str] | None, parent: tuple[URIRef, str] | None) -> str:
        names = [x[1] for x in (parent, unit) if x is not None]
        return " ".join(names) or "okand-remissinstans"

    # ----------------------------------------------------------------------------------- what
    def describe_sou(self, sou_cit, span) -> None:
        f = self.facts
        sou = sou_cit.iri
        year, number = sou_cit.identifier.split()[1].split(":")
        title, inquiry = parts.sou_title_and_inquiry(self.masked, span, self.citations)
        ev = f.evidence(span.start, span.end)
        f.add(sou, DCTERMS.identifier, Literal(sou_cit.identifier))
        f.add(sou, RPUBL.utrSerie, INST["serie/sou"])
        f.add(sou, RPUBL.arsutgava, Literal(year))
        f.add(sou, RPUBL.lopnummer, Literal(number))
        if title:
            f.add(sou, DCTERMS.title, Literal(title, lang="sv"))
        if inquiry is not None:
            f.link(sou, PV.inquiry, inquiry.iri, ev)
            f.add(inquiry.iri, RDF.type, PV.Inquiry)
            f.add(inquiry.iri, DCTERMS.identifier, Literal(inquiry.identifier))
            name = inquiry_names().get(inquiry.identifier, inquiry.text)
            f.add(inquiry.iri, SKOS.prefLabel, Literal(name, lang="sv"))
            f.attest(inquiry.iri, ev)
        f.add(sou, RDF.type, RPUBL.Utredningsbetankande if title and inquiry is not None else PROV.Entity)
        f.attest(sou, ev)

    def identifier(self, response: URIRef) -> None:
        c = labelled_number(self.text)  # header lines are masked; the number is read from them on purpose
        if c is not None:
            self.facts.add(response, DCTERMS.identifier, Literal(c.identifier))
            start = self.text.rfind("\n", 0, c.start) + 1
            self.facts.attest(response, self.facts.evidence(start, c.end))

    def dating(self, response: URIRef) -> None:
        f = self.facts
        stated = parts.stated_date(self.text, self.layout)
        if stated is not None:
            day, span = stated
            f.add(response, DCTERMS.date, Literal(day.isoformat(), datatype=XSD.date))
            f.attest(response, f.evidence(span.start, span.end))
            return
        bounds = parts.date_bounds(self.masked)
        if bounds is None:
            return
        (earliest, e_span), (latest, l_span) = bounds
        f.add(response, PV.earliestDate, Literal(earliest.isoformat(), datatype=XSD.date))
        f.add(response, PV.latestDate, Literal(latest.isoformat(), datatype=XSD.date))
        reasoning = (
            f"The response is undated. It reports the matter as already handled on {earliest.isoformat()}, "
            f"so it was written then or later, and the reply was due by {latest.isoformat()}."
        )
        f.add(response, PV.dateReasoning, Literal(reasoning, lang="en"))
        f.attest(response, f.evidence(e_span.start, e_span.end, Assertion.INFERRED, "Lower bound of the date."))
        f.attest(response, f.evidence(l_span.start, l_span.end, Assertion.INFERRED, "Upper bound: the reply deadline."))

    # ----------------------------------------------------------------------------------- positions
    def positions(self, response: URIRef, sou_cit) -> None:
        f = self.facts
        proposals = parts.proposals(self.masked, sou_cit.identifier)
        stances = parts.stances(self.masked, proposals)
        for n, prop in enumerate(proposals, start=1):
            iri = URIRef(f"{sou_cit.iri}/proposal/{prop.slug}")
            f.add(iri, RDF.type, PV.Proposal)
            f.add(iri, DCTERMS.description, Literal(prop.label, lang="sv"))
            ev = f.evidence(prop.span.start, prop.span.end)
            f.add(iri, DCTERMS.isPartOf, sou_cit.iri)
            f.attest(iri, ev)
            position = URIRef(f"{response}/position/{n}")
            f.add(response, PV.position, position)
            f.add(position, RDF.type, PV.Position)
            found = stances.get(prop.slug)
            if found is None:
                f.add(position, PV.stance, PV.NoOpinion)
                note = "The response summarises this proposal but states no position on it."
                f.link(
                    position, PV.onProposal, iri, f.evidence(prop.span.start, prop.span.end, Assertion.INFERRED, note)
                )
                continue
            f.add(position, PV.stance, found.stance)
            f.add(position, PV.quote, Literal(found.span.of(self.masked)))
            assertion = Assertion.STATED if found.explicit else Assertion.INFERRED
            note = None if found.explicit else "The stance is read from how the response comments on the proposal."
            f.link(position, PV.onProposal, iri, f.evidence(found.span.start, found.span.end, assertion, note))


@lru_cache(maxsize=4)
def remiss_form(text: str) -> str | None:
    """The form of remiss response `text` is (see RemissLoader.form); asked by several loaders, read once."""
    if _MINUTES.search(text):
        return None
    read = document_text(text)
    masked, cits = read.masked, list(read.citations)
    if _REMISS_WORD.search(text) and parts.views_heading(text) is not None and parts.STANCE_ANY.search(text):
        return "municipal" if any(c.kind is CitationKind.SOU for c in cits) else None
    return "organisation" if remiss_org.recognise(masked, cits) else None


def minutes_claim(source: SourceFile) -> bool:
    """Whether the minutes loader takes `source` (a protocol may record a remiss answer or a report):
    then it is minutes, and the registry must not find a second loader for it. Asked once per content."""
    if source.sha256 not in _CLAIMS:
        if len(_CLAIMS) > 256:
            _CLAIMS.clear()
        _CLAIMS[source.sha256] = MinutesLoader().recognise(source)  # which asks recognition_score first
    return _CLAIMS[source.sha256]


_CLAIMS: dict[str, bool] = {}

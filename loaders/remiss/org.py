"""Remiss responses of any organisation: letters, web pages and summaries of a response.

Why a reader apart from the municipal one (remiss.py): an association, union, agency or region
writes its response as a letter or a web page — a title naming the SOU, perhaps a place-and-date
line and a reference number, and its positions in running text or in a list after a lead sentence
("… är positivt till följande förslag:"). There is no "Förvaltningens synpunkter" section to find.
What is read: the responder (remiss_responder), the SOU(s) answered (remiss_answered; a page about
several SOUs gives one response per SOU), the date (dates.document_date), the reference number and a
position per proposal, with the wording as written mapped to a stance (remiss_wording). Positions
are written on any SOU answered: the proposal is part of the SOU as the response identifies it
(pvs:SouByIdentifierShape), whether or not the curated data describes it further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from proveniens.loaders.citations.find import Citation
from proveniens.loaders.evidence import Assertion
from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import knowledge, slugify
from proveniens.loaders.knowledge.kinds import issuer_kind
from proveniens.loaders.remiss.answered import Answered, answered, remiss_rounds
from proveniens.loaders.remiss.responder import Responder, responder, speaks
from proveniens.loaders.remiss.wording import NO_OPINION, OPPOSE, SUPPORT, Wording, list_stance, stance_in
from proveniens.loaders.signatures import write_signatures
from proveniens.loaders.text.dated import line_evidence, write_date
from proveniens.loaders.text.dates import document_date
from proveniens.loaders.text.document_text import sentence_spans
from proveniens.loaders.text.prose import Span, split_heading
from proveniens.namespaces import INST, PV

_REMISS_WORD = re.compile(r"\bremi(?:ss|tter)|\byttrande\b|\bskrivelse\b|\b(?:tillstyrker|avstyrker)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•➢▪*·–-]\s*")
_REFERENCE = re.compile(
    r"^\s*(?:(?:Vår|Vårt)\s+(?:referens|beteckning|dnr)|Dnr|Diarienummer|Referens)\s*[:.]?\s*(?P<ref>\S.{2,30}?)\s*$"
    r"|^\s*(?P<bare>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3} ?(?:19|20)\d{2}/\d{1,6}(?:/[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,5})?)\s*$",
    re.MULTILINE | re.IGNORECASE,
)
# A ministry's number alone on a line of the head ("S2020/02719/FS") is the remiss's, not the responder's.
_GOVERNMENT_DNR = re.compile(r"^[A-ZÅÄÖ]{1,2}\s?\d{4}/\d+/[A-ZÅÄÖ]+$")
# The forms a registration number takes (as the RemissResponse shape has them).
_REFERENCE_FORM = re.compile(
    r"^(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3} ?(?:19|20)\d{2}/\d{1,6}(?:/[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,5})?"
    r"|\d+(?:\.\d+)*-\d+/(?:19|20)\d{2})$"
)


@dataclass(frozen=True)
class Position:
    wording: Wording
    span: Span  # the sentence or list item that takes it
    quote: str
    about: str


def recognise(text: str, cits: list[Citation]) -> bool:
    """A response: it answers an SOU — named in its title line, or in a text that speaks of a remiss
    (or yttrande, skrivelse, or uses the remiss verbs tillstyrka/avstyrka) — and an organisation takes
    a position in it."""
    sous = answered(text, cits)
    title = next((line for line in text.split("\n") if line.strip()), "")
    if not sous or not (_REMISS_WORD.search(text) or any(s.span.of(text) == title.strip() for s in sous)):
        return False
    who = responder(text)
    return who is not None and bool(positions(text, who))


def positions(text: str, who: Responder) -> list[Position]:
    """Positions the responder takes: sentences in which it takes a stance, and the items of a list
    that a sentence gives a stance ("… är positivt till följande förslag:")."""
    out: list[Position] = []
    lead: Wording | None = None
    pending = list(reversed(sentence_spans(text)))
    while pending:
        s = pending.pop()
        raw = text[s.start : s.end]
        listed_item = lead is not None and _BULLET.match(raw)
        if not listed_item and not (SUPPORT.search(raw) or OPPOSE.search(raw) or NO_OPINION.search(raw)):
            lead = None
            continue  # most sentences take no stance: skip them before reading their words
        if listed_item:
            item, rest = _item(text, s)
            if rest is not None:
                pending.append(rest)  # a list item ends at its line; what follows is read on its own
            words = _BULLET.sub("", item.words(text)).rstrip(" ,.;")
            words = re.sub(r"\s+(?:och att|samt|och)$", "", words)
            out.append(Position(lead, item, words, words))  # type: ignore[arg-type]
            continue
        lead = None
        s = split_heading(text, s)[1]  # "Sammanfattning Vårdförbundet är …": the heading is no part of it
        words = s.words(text)
        if not speaks(words, who) or (found := stance_in(words)) is None:
            continue
        if (listed := list_stance(words)) is not None:
            lead = listed
            continue
        for clause, w in _clauses(words, found):
            about = w.about or clause
            if _ANAPHOR.fullmatch(about) and (named := _proposal_heading(_line_above(text, s, w.written))):
                about = named  # "4.2 Förslag om … / X tillstyrker förslaget": the heading names the proposal
            out.append(Position(w, s, clause, about))
    return out


def _line_above(text: str, s: Span, written: str) -> str:
    """The line above the one where `written` stands in `s` (or above `s` itself), in single spaces."""
    at = text.find(written, s.start, s.end)
    at = s.start if at < 0 else at
    end = text.rfind("\n", 0, at)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)  # blank lines between a heading and its text
    return " ".join(text[text.rfind("\n", 0, end) + 1 : end].split()) if end > 0 else ""


# What a stance is about when it only points back: "förslaget", "förslagen", "detta förslag".
_ANAPHOR = re.compile(r"(?:(?:detta|dessa|de|det)\s+)?(?:förslag(?:et|en)?|lagförslag(?:et|en)?)", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^\s*(?:(?:Avsnitt|Kapitel)\s+)?\d+(?:\.\d+)*\.?\s+")


def _proposal_heading(heading: str) -> str | None:
    """A section heading as the proposal it names: a numbered one ("4.2 Förslag om en nationell …",
    "Avsnitt 6 Patientkontrakt") or one that says "Förslag …"; None for others ("Synpunkter")."""
    if heading.endswith((".", ":", ",")):
        return None  # a sentence, not a heading
    words = _SECTION_NUMBER.sub("", heading).strip(" .:")
    numbered = words != heading.strip(" .:")
    return words if words and (numbered or re.match(r"Förslag(?:et|en)?\b", words, re.IGNORECASE)) else None


_CLAUSE_BREAK = re.compile(  # ", men avstyrker …", "; …": where a second stance may begin
    r",?\s+men\s+(?=(?:\w+\s+){0,3}?(?:avstyrker|tillstyrker|motsätter|välkomnar|ställer|är)\b)|;\s+"
)


def _clauses(words: str, found: Wording) -> list[tuple[str, Wording]]:
    """The stances of a sentence, one per clause when its clauses take different ones ("… tillstyrker
    i huvudsak utredningens förslag, men avstyrker förslaget om …"); else the sentence's one stance."""
    parts = [p.strip(" ,.;") for p in _CLAUSE_BREAK.split(words)]
    taken = [(p, w) for p in parts if p and (w := stance_in(p)) is not None]
    if len(taken) < 2 or len({w.stance for _, w in taken}) < 2:
        return [(words, found)]
    return taken


def _item(text: str, s: Span) -> tuple[Span, Span | None]:
    """A list item and what follows it in the same sentence span: the item goes on over lines that
    continue it in lower case, and ends before a line that starts anew (a capital letter)."""
    for m in re.finditer(r"\n[ \t]*(?=\S)", text[s.start : s.end]):
        nxt = text[s.start + m.end()]
        if nxt.isupper() or nxt.isdigit():
            cut = s.start + m.start()
            return Span(s.start, cut), Span(s.start + m.end(), s.end)
    return s, None


class OrgReader:
    """Writes the facts of an organisation's response into `facts`."""

    def __init__(self, facts: Facts, text: str, cits: list[Citation]) -> None:
        self.facts = facts
        self.text = text  # layout-masked
        self.cits = cits

    def read(self) -> None:
        who = responder(self.text)
        sous = answered(self.text, self.cits)
        if who is None or not sous:
            return
        creator = self.organisation(who)
        write_signatures(self.facts, self.text, creator, who.name)
        taken = positions(self.text, who)
        rounds = remiss_rounds(self.text, sous)
        for sou in sous:
            if (said := rounds.get(sou.identifier)) is not None:
                self.remiss_round(sou, said)
            response = INST[f"remissvar/{slugify(who.name)}-{slugify(sou.identifier)}"]
            f = self.facts
            f.add(response, RDF.type, PV.RemissResponse)
            f.link(response, DCTERMS.creator, creator, f.evidence(who.span.start, who.span.end))
            self.responds(response, sou)
            self.dating(response)
            self.reference(response)
            mine = [p for p in taken if _belongs(p, sou, sous)]
            for n, position in enumerate(mine, start=1):
                self.position(response, sou, n, position)

    def organisation(self, who: Responder) -> URIRef:
        """A body the curated data knows keeps its IRI; any other is minted from the text, with evidence."""
        f = self.facts
        known = next((b for b in (knowledge().body(n) for n in (who.name, *who.spellings)) if b is not None), None)
        iri = known.iri if known else INST[f"org/{slugify(who.name)}"]
        f.add(iri, RDF.type, (known.kind if known else issuer_kind(who.name)).value)
        f.add(iri, SKOS.prefLabel, Literal(known.name if known else who.name, lang="sv"))
        for spelling in (who.name, *who.spellings):
            if spelling != (known.name if known else who.name):
                f.add(iri, SKOS.altLabel, Literal(spelling, lang="sv"))
        note = None if known else "An organisation the curated data does not know, named as the responder."
        f.attest(iri, f.evidence(who.span.start, who.span.end, Assertion.STATED, note))
        return iri

    def responds(self, response: URIRef, sou: Answered) -> None:
        f = self.facts
        assertion = Assertion.INFERRED if sou.inferred else Assertion.STATED
        note = None
        if sou.inferred:
            note = f"The number is not written; the title '{sou.title}' is that of {sou.identifier}."
        ev = f.evidence(sou.span.start, sou.span.end, assertion, note)
        f.link(response, PV.respondsTo, sou.iri, ev)
        f.add(sou.iri, RDF.type, PROV.Entity)  # curated data may know it better (rpubl:Utredningsbetankande)
        f.add(sou.iri, DCTERMS.identifier, Literal(sou.identifier))
        f.attest(sou.iri, ev)
        f.attest(response, ev)

    def remiss_round(self, sou: Answered, said: Span) -> None:
        """The remiss of the SOU, as the response says it was sent out (pv:RemissRound pv:consults)."""
        f = self.facts
        round_iri = INST[f"remiss/{slugify(sou.identifier)}"]
        f.add(round_iri, RDF.type, PV.RemissRound)
        f.link(round_iri, PV.consults, sou.iri, f.evidence(said.start, said.end))

    def dating(self, response: URIRef) -> None:
        found = document_date(self.text.split("\n"))
        if found is not None:
            mention, index = found
            write_date(self.facts, response, mention, line_evidence(self.facts, self.text, index))

    def reference(self, response: URIRef) -> None:
        """The responder's reference number: labelled ('Vår referens', 'Dnr') or alone on a line of the letter head."""
        for m in _REFERENCE.finditer(self.text[:1500]):
            ref = " ".join((m["ref"] or m["bare"]).split())
            if _REFERENCE_FORM.match(ref) and not (m["bare"] and _GOVERNMENT_DNR.match(ref)):
                self.facts.add(response, DCTERMS.identifier, Literal(ref))
                self.facts.attest(response, self.facts.evidence(m.start(), m.end()))
                return

    def position(self, response: URIRef, sou: Answered, n: int, position: Position) -> None:
        """A position on a proposal: one the curated files know when the words name it (a summary and a
        section may both take one on it), else one minted here."""
        f = self.facts
        known = knowledge().proposal_named(sou.identifier, position.about)
        notes = []
        if known is not None:
            proposal = known.iri
            notes.append(f"'{position.about}' names the proposal {known.slug} of {sou.identifier}.")
        else:
            slug = "-".join(slugify(position.about).split("-")[:8]) or f"forslag-{n}"
            proposal = URIRef(f"{sou.iri}/proposal/{slug}")
        # described as the response words it also when the curated files know it: a build of documents
        # alone (no curated files of its own) has the proposal from this response only
        f.add(proposal, RDF.type, PV.Proposal)
        f.add(proposal, DCTERMS.description, Literal(position.about, lang="sv"))
        f.add(proposal, DCTERMS.isPartOf, sou.iri)
        f.attest(proposal, f.evidence(position.span.start, position.span.end))
        iri = URIRef(f"{response}/position/{n}")
        f.add(response, PV.position, iri)
        f.add(iri, RDF.type, PV.Position)
        f.add(iri, PV.stance, position.wording.stance)
        f.add(iri, PV.quote, Literal(position.quote))
        if position.wording.written.lower() not in {"tillstyrker", "avstyrker"}:  # "tillstyrker inte" is a reading
            notes.append(f"The stance is read from the wording '{position.wording.written}'.")
        assertion = Assertion.INFERRED if notes else Assertion.STATED
        ev = f.evidence(position.span.start, position.span.end, assertion, " ".join(notes) or None)
        f.link(iri, PV.onProposal, proposal, ev)


def _belongs(position: Position, sou: Answered, sous: list[Answered]) -> bool:
    """A position is about the answered SOU named last before it (the first one, before any is named)."""
    before = [s for s in sous if s.span.start <= position.span.start]
    return (before[-1] if before else sous[0]) == sou

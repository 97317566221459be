"""Faults for the bench graph: each breaks one rule of the shapes in one cluster, in one way.

A fault takes the quads of one cluster (subject, predicate, object as `generate.py` writes them:
terms in N-Triples syntax, the predicate a bare IRI) and changes them in place. It returns what a
validator must report: the focus node, the rule (a shape's local name in pvs:) and the constraint
component. Together they cover every kind of constraint the shapes put on this graph: counts,
class, datatype, node kind, pattern, value sets, languages, order, ranges, length, equality, the
logical constraints and the SPARQL-based rules.

Not here: an integer written as xsd:integer where a shape asks for xsd:positiveInteger. Oxigraph
keeps both as xsd:integer, so only a validation that has the source's rdflib graph can see it
(tests/shapes cover it); an N-Quads file validated in the store cannot.
"""

from __future__ import annotations

import re
from collections.abc import Callable

A = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PV = "https://w3id.org/proveniens/ontology#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RPUBL = "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "https://w3id.org/proveniens/"

Quads = list[tuple[str, str, str]]
Fault = Callable[[Quads, int], dict[str, str]]


def of_type(quads: Quads, cls: str) -> str:
    """The first subject of the cluster typed `cls`."""
    return next(s for s, p, o in quads if p == A and o == f"<{cls}>")


def value(quads: Quads, s: str, p: str) -> str:
    return next(o for qs, qp, o in quads if qs == s and qp == p)


def drop(quads: Quads, s: str, p: str, o: str | None = None) -> None:
    quads[:] = [q for q in quads if not (q[0] == s and q[1] == p and (o is None or q[2] == o))]


def replace(quads: Quads, s: str, p: str, new: str) -> None:
    quads[:] = [(qs, qp, new if qs == s and qp == p else o) for qs, qp, o in quads]


def expect(name: str, focus: str, rule: str, component: str) -> dict[str, str]:
    return {"fault": name, "focus": focus.strip("<>"), "rule": rule, "component": component}


def evidence_of(quads: Quads, s: str, link: str) -> str:
    """The evidence node qualifying `s link …`."""
    nodes = {o for qs, qp, o in quads if qs == s and qp in (PROV + "qualifiedInfluence", PROV + "qualifiedDerivation")}
    return next(e for e in sorted(nodes) if (e, PV + "linkProperty", f"<{link}>") in quads)


def missing_value(quads: Quads, i: int) -> dict[str, str]:
    meeting = of_type(quads, PV + "Meeting")
    drop(quads, meeting, PV + "body")
    return expect("a meeting held by no body", meeting, "Meeting-body", "MinCountConstraintComponent")


def extra_value(quads: Quads, i: int) -> dict[str, str]:
    meeting = of_type(quads, PV + "Meeting")
    quads.append((meeting, PV + "body", f"<{BASE}org/body-0>"))
    quads.append((meeting, PV + "body", f"<{BASE}org/body-1>"))
    return expect("a meeting held by two bodies", meeting, "Meeting-body", "MaxCountConstraintComponent")


def wrong_class(quads: Quads, i: int) -> dict[str, str]:
    round_ = of_type(quads, PV + "RemissRound")
    replace(quads, round_, PV + "consults", f"<{BASE}org/org-0>")
    return expect("a consultation on an organisation", round_, "RemissRound-consults", "ClassConstraintComponent")


def wrong_datatype(quads: Quads, i: int) -> dict[str, str]:
    source = of_type(quads, PV + "SourceDocument")
    replace(quads, source, PV + "lineCount", '"many"')
    return expect("a line count in words", source, "SourceDocument-lineCount", "DatatypeConstraintComponent")


def literal_for_iri(quads: Quads, i: int) -> dict[str, str]:
    decision = of_type(quads, PV + "Decision")
    replace(quads, decision, PV + "concerns", '"SOU"')
    return expect("a decision concerning a text", decision, "Decision-concerns", "NodeKindConstraintComponent")


def bad_pattern(quads: Quads, i: int) -> dict[str, str]:
    response = of_type(quads, PV + "RemissResponse")
    replace(quads, response, DCT + "identifier", '"Dnr 12"')
    return expect("a registration number with Dnr", response, "RemissResponse-identifier", "PatternConstraintComponent")


def outside_value_set(quads: Quads, i: int) -> dict[str, str]:
    position = of_type(quads, PV + "Position")
    replace(quads, position, PV + "stance", f"<{PV}Maybe>")
    return expect("a stance outside the value set", position, "Position-stance", "InConstraintComponent")


def untyped_evidence(quads: Quads, i: int) -> dict[str, str]:
    inquiry = of_type(quads, PV + "Inquiry")
    node = evidence_of(quads, inquiry, PV + "directive")
    drop(quads, node, A, f"<{PV}Evidence>")
    return expect("evidence not typed pv:Evidence", node, "LinkEvidence-type", "HasValueConstraintComponent")


def no_swedish_name(quads: Quads, i: int) -> dict[str, str]:
    concept = f"<{BASE}concept/fault-{i}>"
    quads.append((concept, A, f"<{SKOS}Concept>"))
    quads.append((concept, SKOS + "prefLabel", '"fault"@en'))
    quads.append((concept, SKOS + "inScheme", f"<{BASE}concept/>"))
    return expect(
        "a concept without a Swedish name", concept, "Concept-prefLabelSv", "QualifiedMinCountConstraintComponent"
    )


def two_titles_one_language(quads: Quads, i: int) -> dict[str, str]:
    law = of_type(quads, RPUBL + "Lag")
    quads.append((law, DCT + "title", '"En titel till"@sv'))
    return expect("two Swedish titles", law, "Title-oneLanguage", "UniqueLangConstraintComponent")


def lines_backwards(quads: Quads, i: int) -> dict[str, str]:
    inquiry = of_type(quads, PV + "Inquiry")
    node = evidence_of(quads, inquiry, PV + "directive")
    replace(quads, node, PV + "lineStart", f'"999"^^<{XSD}positiveInteger>')
    replace(quads, node, PV + "lineEnd", f'"998"^^<{XSD}positiveInteger>')
    return expect("evidence ending before it starts", node, "Evidence-lineStart", "LessThanOrEqualsConstraintComponent")


def ends_before_start(quads: Quads, i: int) -> dict[str, str]:
    meeting = of_type(quads, PV + "Meeting")
    replace(quads, meeting, PV + "startTime", f'"13:00:00"^^<{XSD}time>')
    return expect("a meeting ending before it starts", meeting, "Meeting-startTime", "LessThanConstraintComponent")


def below_range(quads: Quads, i: int) -> dict[str, str]:
    item = of_type(quads, PV + "AgendaItem")
    replace(quads, item, PV + "itemNumber", f'"0"^^<{XSD}integer>')
    return expect("agenda item number 0", item, "AgendaItem-number", "MinInclusiveConstraintComponent")


def empty_text(quads: Quads, i: int) -> dict[str, str]:
    proposal = of_type(quads, PV + "Proposal")
    replace(quads, proposal, DCT + "description", '""@sv')
    return expect("an empty proposal", proposal, "Proposal-description", "MinLengthConstraintComponent")


def other_body(quads: Quads, i: int) -> dict[str, str]:
    part = of_type(quads, PV + "MeetingParticipation")
    replace(quads, part, ORG + "organization", f"<{BASE}org/org-0>")
    return expect(
        "a participation in another organisation", part, "MeetingParticipation-body", "EqualsConstraintComponent"
    )


def body_also_formal(quads: Quads, i: int) -> dict[str, str]:
    meeting = of_type(quads, PV + "Meeting")
    body = value(quads, meeting, PV + "body")
    quads.append((body, A, f"<{ORG}FormalOrganization>"))
    return expect("a collaboration body typed formal", body, "CollaborationBody-notFormal", "NotConstraintComponent")


def preparatory_work_of_wrong_kind(quads: Quads, i: int) -> dict[str, str]:
    provision = of_type(quads, PV + "Provision")
    directive = of_type(quads, RPUBL + "Kommittedirektiv")
    quads.append((provision, RPUBL + "forarbete", directive))
    return expect(
        "a provision prepared by a directive", provision, "Provision-preparatoryWork", "OrConstraintComponent"
    )


def date_and_range(quads: Quads, i: int) -> dict[str, str]:
    sou = of_type(quads, RPUBL + "Utredningsbetankande")
    quads.append((sou, PV + "earliestDate", f'"1900-01-01"^^<{XSD}date>'))
    quads.append((sou, PV + "latestDate", f'"2100-01-01"^^<{XSD}date>'))
    quads.append((sou, PV + "dateReasoning", '"Okänt."@sv'))
    return expect("a date and a date range", sou, "DatingShape", "XoneConstraintComponent")


def link_without_evidence(quads: Quads, i: int) -> dict[str, str]:
    inquiry = of_type(quads, PV + "Inquiry")
    node = evidence_of(quads, inquiry, PV + "directive")
    drop(quads, inquiry, PROV + "qualifiedInfluence", node)
    return expect("a link without evidence", inquiry, "InterpretiveLinkShape", "SPARQLConstraintComponent")


def evidence_without_link(quads: Quads, i: int) -> dict[str, str]:
    inquiry = of_type(quads, PV + "Inquiry")
    node = evidence_of(quads, inquiry, PV + "directive")
    drop(quads, inquiry, PV + "directive")
    return expect("evidence for a missing link", node, "LinkEvidence-asserted", "SPARQLConstraintComponent")


def wrong_session(quads: Quads, i: int) -> dict[str, str]:
    proposition = of_type(quads, RPUBL + "Proposition")
    old = value(quads, proposition, DCT + "identifier")  # "Prop. 1980/81:1" becomes "Prop. 1980/83:1"
    replace(
        quads, proposition, DCT + "identifier", re.sub(r"/(\d\d):", lambda m: f"/{(int(m[1]) + 2) % 100:02d}:", old)
    )
    return expect("a bill of no session", proposition, "Proposition-identifier", "SPARQLConstraintComponent")


FAULTS: list[Fault] = [
    missing_value,
    extra_value,
    wrong_class,
    wrong_datatype,
    literal_for_iri,
    bad_pattern,
    outside_value_set,
    untyped_evidence,
    no_swedish_name,
    two_titles_one_language,
    lines_backwards,
    ends_before_start,
    below_range,
    empty_text,
    other_body,
    body_also_formal,
    preparatory_work_of_wrong_kind,
    date_and_range,
    link_without_evidence,
    evidence_without_link,
    wrong_session,
]

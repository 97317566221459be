"""Deterministic synthetic policy graph for the endpoint benchmark.

The graph has the shape of the real Proveniens data (docs/model.md): collaboration bodies and their
meetings, agenda items and decisions; organisations, people and memberships; and "clusters" of the
legal chain, each a directive -> inquiry -> SOU (with proposals) -> proposition -> Riksdag decision ->
law -> provisions, with remiss rounds and responses, and every interpretive link asserted directly
and qualified by a `pv:Evidence` node pointing at a source document. SOUs sometimes derive from an
earlier SOU (`prov:wasDerivedFrom`), so derivation chains run across clusters.

The 4-hop lineage used by the benchmark is provision -rpubl:forarbete-> proposition
-rpubl:utgarFran-> SOU -pv:inquiry-> inquiry -pv:directive-> directive.

The graph conforms to the project's shapes (`shapes/*.ttl`, validated together with the ontology,
which defines the roles). Output is N-Quads, every quad in one named graph, exactly `--triples`
quads: clusters are written whole, and what is left below the count is filled with alternative
names of concepts (one quad each), so no resource is cut in half. The same size and seed always
give the same bytes. A manifest (JSON) next to the output lists sample IRIs of complete clusters
for the benchmark queries.

With `--faults`, the first clusters each get one fault, one of each kind of violation the shapes
can report on this graph (a missing or extra value, a wrong class, datatype, node kind, pattern,
value set, language, order, range or length, a broken sh:not/sh:or/sh:xone, a link without
evidence …); the manifest lists every fault with the focus node, rule and constraint a validator
must report (`bench/validation.py` checks that all are found at 1M).

    python bench/generate.py --triples 1000000 --out bench/data/bench-1m.nq
    python bench/generate.py --triples 1000000 --faults --out bench/data/bench-1m-faults.nq
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

from faults import FAULTS

BASE = "https://w3id.org/proveniens/"
GRAPH = BASE + "graph/bench"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PV = BASE + "ontology#"
RPUBL = "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"
ELI = "http://data.europa.eu/eli/ontology#"
ELI_DL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
TIME = "http://www.w3.org/2006/time#"

A = RDF + "type"

# Years and numbers: cluster i is year FIRST_YEAR + i % YEARS, number i // YEARS + 1.
FIRST_YEAR = 1980
YEARS = 40

EN_WORDS = (
    "care",
    "services",
    "cooperation",
    "municipality",
    "region",
    "patient",
    "digital",
    "access",
    "quality",
    "follow-up",
    "primary care",
    "medicines",
    "skills",
    "funding",
    "governance",
    "elderly",
    "children",
    "psychiatry",
    "prevention",
    "data",
)

ROLES = ("chair", "vice-chair", "investigator", "presenter", "invited-guest", "member", "project-lead")
STANCES = ("Supports", "SupportsWithReservations", "Opposes", "NoOpinion")
ATTENDANCE = ("Present", "Absent", "LeftEarly")
WORDS = (
    "vård",
    "omsorg",
    "samverkan",
    "kommun",
    "region",
    "patient",
    "digital",
    "tillgänglighet",
    "kvalitet",
    "uppföljning",
    "primärvård",
    "läkemedel",
    "kompetens",
    "finansiering",
    "styrning",
    "äldre",
    "barn",
    "psykiatri",
    "prevention",
    "data",
)


class Done(Exception):
    """Raised by the writer once the requested number of quads has been written."""


def iri(path: str) -> str:
    return f"<{BASE}{path}>"


def lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def date(year: int, day: int) -> str:
    """An xsd:date in `year`; `day` picks month and day deterministically."""
    return typed(f"{year:04d}-{day % 12 + 1:02d}-{day % 28 + 1:02d}", "date")


def cluster_ids(i: int) -> dict[str, str]:
    """The IRIs (without angle brackets) of cluster `i`; the benchmark builds its queries from these."""
    year, n = FIRST_YEAR + i % YEARS, i // YEARS + 1
    yy = (year + 1) % 100
    return {
        "directive": f"{BASE}dir/{year}:{n}",
        "inquiry": f"{BASE}kommitte/S{year}:{n:02d}",
        "sou": f"{BASE}sou/{year}:{n}",
        "proposition": f"{BASE}prop/{year}/{yy:02d}:{n}",
        "decision": f"{BASE}riksdagsbeslut/prop-{year}-{yy:02d}-{n}",
        "law": f"{BASE}sfs/{year + 1}:{n}",
        "provision": f"{BASE}sfs/{year + 1}:{n}/K1P1",
        "source": f"{BASE}source/doc-{i:07d}.txt",
    }


class Writer:
    """Writes quads in the bench graph and stops (raises Done) at exactly `limit`."""

    def __init__(self, out, limit: int) -> None:  # type: ignore[no-untyped-def]
        self.out = out
        self.limit = limit
        self.count = 0
        self.graph = f"<{GRAPH}>"

    def __call__(self, s: str, p: str, o: str) -> None:
        if self.count >= self.limit:
            raise Done
        self.out.write(f"{s} <{p}> {o} {self.graph} .\n")
        self.count += 1

    def room(self) -> int:
        return self.limit - self.count


Emit = Callable[[str, str, str], None]
Quad = tuple[str, str, str]


def evidence(emit: Emit, rng: random.Random, s: str, p: str, o: str, source: str, derivation: bool) -> None:
    """`s p o` asserted and qualified by an evidence node, as the loaders write every interpretive link."""
    emit(s, p, o)
    node = iri("evidence/" + hashlib.sha1(f"{s}|{p}|{o}|{source}".encode()).hexdigest()[:16])
    emit(s, PROV + ("qualifiedDerivation" if derivation else "qualifiedInfluence"), node)
    emit(node, A, f"<{PV}Evidence>")
    if derivation:
        emit(node, A, f"<{PROV}Derivation>")
    emit(node, PROV + ("entity" if derivation else "influencer"), o)
    emit(node, PV + "linkProperty", f"<{p}>")
    emit(node, PROV + "hadPrimarySource", source)
    start = rng.randint(1, 900)
    emit(node, PV + "quote", lit(" ".join(rng.choice(WORDS) for _ in range(12))))
    emit(node, PV + "lineStart", typed(start, "positiveInteger"))
    emit(node, PV + "lineEnd", typed(start + rng.randint(0, 6), "positiveInteger"))
    emit(node, PV + "assertion", f"<{PV}{'Stated' if rng.random() < 0.8 else 'Inferred'}>")


def title(rng: random.Random, n: int = 6, words: tuple[str, ...] = WORDS) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize()


def titles(emit: Emit, rng: random.Random, node: str) -> None:
    """A title in Swedish and in English, as the shapes ask of every titled resource."""
    emit(node, DCT + "title", lit(title(rng), "sv"))
    emit(node, DCT + "title", lit(title(rng, words=EN_WORDS), "en"))


def emit_fixed(emit: Emit, people: int, bodies: int, orgs: int, concepts: int) -> None:
    """Closed value sets, organisations, bodies, people and concepts: the parts every cluster points at.

    The roles are the ontology's (role/chair …), so they are not repeated here.
    """
    for value in STANCES:
        emit(f"<{PV}{value}>", A, f"<{PV}Stance>")
    for value in ATTENDANCE:
        emit(f"<{PV}{value}>", A, f"<{PV}AttendanceStatus>")
    for k in range(orgs):
        node = iri(f"org/org-{k}")
        emit(node, A, f"<{ORG}FormalOrganization>")
        emit(node, SKOS + "prefLabel", lit(f"Organisation {k}", "sv"))
    for k in range(bodies):
        node = iri(f"org/body-{k}")
        emit(node, A, f"<{PV}CollaborationBody>")
        emit(node, SKOS + "prefLabel", lit(f"Samverkansorgan {k}", "sv"))
        emit(node, SKOS + "altLabel", lit(f"SO{k}"))
        emit(node, ORG + "hasMember", iri(f"org/org-{k % orgs}"))
        emit(node, ORG + "hasMember", iri(f"org/org-{(k * 7 + 1) % orgs}"))
    for k in range(people):
        node = iri(f"person/person-{k}")
        emit(node, A, f"<{FOAF}Person>")
        emit(node, FOAF + "name", lit(f"Person {k}"))
    for k in range(concepts):
        node = iri(f"concept/concept-{k}")
        emit(node, A, f"<{SKOS}Concept>")
        emit(node, SKOS + "prefLabel", lit(f"Begrepp {k}", "sv"))
        emit(node, SKOS + "prefLabel", lit(f"Concept {k}", "en"))
        emit(node, SKOS + "inScheme", iri("concept/"))


def emit_cluster(emit: Emit, i: int, people: int, bodies: int, orgs: int, concepts: int) -> None:
    """One legal chain with its evidence, remiss round and meetings (about 250 quads)."""
    rng = random.Random(i)
    ids = {k: f"<{v}>" for k, v in cluster_ids(i).items()}
    year, n = FIRST_YEAR + i % YEARS, i // YEARS + 1
    src = ids["source"]
    person = lambda: iri(f"person/person-{rng.randrange(people)}")  # noqa: E731

    emit(src, A, f"<{PV}SourceDocument>")
    emit(src, PV + "fileName", lit(f"doc-{i:07d}.txt"))
    emit(src, PV + "sha256", lit(hashlib.sha256(str(i).encode()).hexdigest()))
    emit(src, PV + "lineCount", typed(rng.randint(200, 4000), "positiveInteger"))

    d = ids["directive"]
    emit(d, A, f"<{RPUBL}Kommittedirektiv>")
    emit(d, DCT + "identifier", lit(f"Dir. {year}:{n}"))
    titles(emit, rng, d)
    emit(d, DCT + "issued", date(year, i))

    q = ids["inquiry"]
    emit(q, A, f"<{PV}Inquiry>")
    emit(q, DCT + "identifier", lit(f"S {year}:{n:02d}"))
    emit(q, SKOS + "prefLabel", lit(title(rng), "sv"))
    evidence(emit, rng, q, PV + "directive", d, src, derivation=False)
    member = iri(f"membership/inquiry-{i}-investigator")
    period = iri(f"membership/inquiry-{i}-investigator/period")
    emit(member, A, f"<{ORG}Membership>")
    emit(member, ORG + "member", person())
    emit(member, ORG + "organization", q)
    emit(member, ORG + "role", iri("role/investigator"))
    emit(member, ORG + "memberDuring", period)
    emit(period, A, f"<{TIME}Interval>")
    emit(period, A, f"<{DCT}PeriodOfTime>")
    emit(period, DCAT + "startDate", date(year, i))
    emit(period, DCAT + "endDate", date(year + 1, i + 3))

    s = ids["sou"]
    emit(s, A, f"<{RPUBL}Utredningsbetankande>")
    emit(s, RPUBL + "utrSerie", iri("serie/sou"))
    emit(s, RPUBL + "arsutgava", lit(str(year)))
    emit(s, RPUBL + "lopnummer", lit(str(n)))
    emit(s, DCT + "identifier", lit(f"SOU {year}:{n}"))
    titles(emit, rng, s)
    emit(s, DCT + "issued", date(year + 1, i))
    evidence(emit, rng, s, PV + "inquiry", q, src, derivation=False)
    if i >= YEARS and rng.random() < 0.3:  # derivation chains across clusters
        emit(s, PROV + "wasDerivedFrom", f"<{cluster_ids(i - YEARS)['sou']}>")
    proposals = []
    for k in range(3):
        pr = iri(f"sou/{year}:{n}/proposal/p{k}")
        proposals.append(pr)
        emit(pr, A, f"<{PV}Proposal>")
        emit(pr, DCT + "isPartOf", s)
        emit(pr, DCT + "description", lit(title(rng, 10), "sv"))
        emit(pr, DCT + "subject", iri(f"concept/concept-{rng.randrange(concepts)}"))

    p = ids["proposition"]
    emit(p, A, f"<{RPUBL}Proposition>")
    emit(p, DCT + "identifier", lit(f"Prop. {year}/{(year + 1) % 100:02d}:{n}"))
    titles(emit, rng, p)
    emit(p, DCT + "issued", date(year + 1, i + 5))
    emit(p, PROV + "wasDerivedFrom", s)
    evidence(emit, rng, p, RPUBL + "utgarFran", s, src, derivation=True)

    rd = ids["decision"]
    emit(rd, A, f"<{PV}RiksdagDecision>")
    evidence(emit, rng, rd, ELI_DL + "decided_on_a_realization_of", p, src, derivation=False)
    emit(rd, DCT + "date", date(year + 1, i + 9))

    law = ids["law"]
    emit(law, A, f"<{RPUBL}Lag>")
    emit(law, DCT + "identifier", lit(f"SFS {year + 1}:{n}"))
    titles(emit, rng, law)
    evidence(emit, rng, law, RPUBL + "forarbete", p, src, derivation=True)
    for chapter in (1, 2):
        for section in (1, 2):
            pv = iri(f"sfs/{year + 1}:{n}/K{chapter}P{section}")
            emit(pv, A, f"<{PV}Provision>")
            emit(pv, ELI + "is_part_of", law)
            emit(pv, PV + "chapter", lit(str(chapter)))
            emit(pv, PV + "section", lit(str(section)))
            emit(pv, ELI + "first_date_entry_in_force", date(year + 2, i))
            emit(pv, PROV + "wasDerivedFrom", p)
            evidence(emit, rng, pv, RPUBL + "forarbete", p, src, derivation=True)

    rr = iri(f"remiss/{year}-{n}")
    emit(rr, A, f"<{PV}RemissRound>")
    emit(rr, PV + "consults", s)
    emit(rr, DCT + "date", date(year + 1, i + 2))
    for k in range(3):
        resp = iri(f"remissvar/{year}-{n}-{k}")
        pos = iri(f"remissvar/{year}-{n}-{k}/position/1")
        emit(resp, A, f"<{PV}RemissResponse>")
        evidence(emit, rng, resp, PV + "respondsTo", s, src, derivation=False)
        emit(resp, DCT + "creator", iri(f"org/org-{rng.randrange(orgs)}"))
        emit(resp, DCT + "identifier", lit(f"1.{k + 1}-{n}/{year + 1}"))
        emit(resp, DCT + "date", date(year + 1, i + 3 + k))
        emit(resp, PV + "position", pos)
        emit(pos, A, f"<{PV}Position>")
        evidence(emit, rng, pos, PV + "onProposal", proposals[k], src, derivation=False)
        emit(pos, PV + "stance", f"<{PV}{rng.choice(STANCES)}>")
        emit(pos, PV + "quote", lit(title(rng, 8)))

    body = rng.randrange(bodies)
    m = iri(f"meeting/body-{body}/{year}-c{i}")
    emit(m, A, f"<{PV}Meeting>")
    emit(m, PV + "body", iri(f"org/body-{body}"))
    emit(m, DCT + "date", date(year + 1, i + 7))
    emit(m, PV + "startTime", typed("09:00:00", "time"))
    emit(m, PV + "endTime", typed("12:00:00", "time"))
    emit(m, PV + "meetingForm", lit("digitalt" if rng.random() < 0.5 else "fysiskt"))
    for k in range(3):
        part = iri(f"meeting/body-{body}/{year}-c{i}/participation/{k}")
        emit(part, A, f"<{PV}MeetingParticipation>")
        emit(part, ORG + "member", person())
        emit(part, ORG + "organization", iri(f"org/body-{body}"))
        emit(part, ORG + "role", iri(f"role/{rng.choice(ROLES)}"))
        emit(part, PV + "meeting", m)
        emit(part, PV + "attendance", f"<{PV}{rng.choice(ATTENDANCE)}>")
    for k, about in ((1, s), (2, p)):
        item = iri(f"meeting/body-{body}/{year}-c{i}/item/{k}")
        dec = iri(f"meeting/body-{body}/{year}-c{i}/item/{k}/decision")
        emit(item, A, f"<{PV}AgendaItem>")
        emit(item, PV + "meeting", m)
        emit(item, PV + "itemNumber", typed(k, "integer"))
        titles(emit, rng, item)
        emit(item, PV + "presenter", person())
        emit(dec, A, f"<{PV}Decision>")
        emit(dec, PROV + "wasGeneratedBy", item)
        emit(dec, PV + "decisionText", lit(title(rng, 14), "sv"))
        evidence(emit, rng, dec, PV + "concerns", about, src, derivation=False)


def sizes(triples: int) -> tuple[int, int, int, int]:
    """How many people, bodies, organisations and concepts a graph of `triples` quads has."""
    clusters_guess = max(triples // 250, 1)
    return max(clusters_guess // 2, 50), max(clusters_guess // 100, 5), 350, 200


def generate(out, triples: int, faults: bool = False) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Write exactly `triples` quads to `out`; return a manifest (counts, sample IRIs, injected faults)."""
    emit = Writer(out, triples)
    people, bodies, orgs, concepts = sizes(triples)
    complete = 0
    injected: list[dict[str, str]] = []
    try:
        emit_fixed(emit, people, bodies, orgs, concepts)
        while True:
            quads: list[Quad] = []
            emit_cluster(lambda s, p, o, add=quads.append: add((s, p, o)), complete, people, bodies, orgs, concepts)
            if faults and complete < len(FAULTS):
                injected.append(FAULTS[complete](quads, complete))
            if len(quads) > emit.room():
                break
            for quad in quads:
                emit(*quad)
            complete += 1
        for k in range(emit.room()):  # fill up with one-quad statements that keep the graph valid
            emit(iri(f"concept/concept-{k % concepts}"), SKOS + "altLabel", lit(f"Begrepp {k // concepts}-{k}", "sv"))
    except Done:
        pass
    # Samples spread over complete clusters, for queries that rotate their start resource.
    step = max(complete // 200, 1)
    sample = [cluster_ids(i) for i in range(0, complete, step)][:200]
    written = injected[:complete]
    return {"triples": emit.count, "graph": GRAPH, "clusters": complete, "sample": sample, "faults": written}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="number of quads to write (exact)")
    parser.add_argument("--out", type=Path, required=True, help="N-Quads file to write; manifest goes to OUT.json")
    parser.add_argument("--faults", action="store_true", help="put one fault of each kind into the first clusters")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", buffering=1 << 20) as handle:
        manifest = generate(handle, args.triples, args.faults)
    args.out.with_suffix(args.out.suffix + ".json").write_text(json.dumps(manifest, indent=1))
    print(f"{args.out}: {manifest['triples']} quads, {manifest['clusters']} complete clusters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

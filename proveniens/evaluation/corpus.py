"""How well the loaders read the corpus: precision and recall per relation against hand-curated gold.

The gold (gold/README.md) lists, per document, the facts a careful reader finds — who was absent,
who presented, each decision and what it concerns, chair and vice chair, dates, citations — each
with the line that says so. The loaders' facts are read from the graphs they produce. A loader's
fact matches a gold fact when both say the same thing about the same document and the loader's
evidence covers the gold line; a fact that says the right thing with evidence elsewhere is both a
miss and an extra ("wrong evidence"). Only documents (and relations) the gold covers are scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF
from rdflib.term import Node

from proveniens.loaders.citations.find import find_citations
from proveniens.loaders.knowledge import consulting, for_sources
from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.sources import SourceKind, find_sources
from proveniens.namespaces import BASE, ORG, PV

RELATIONS = ("attendance", "decisions", "presenters", "citations", "roles", "dates", "items", "meetings")
GOLD_DIR = Path(__file__).resolve().parents[2] / "gold"
SOURCES_DIR = Path(__file__).resolve().parents[2] / "sources"

Key = tuple[str, ...]
Span = tuple[int, int]


@dataclass
class Found:
    """The facts of one relation: key → lines (gold) or evidence spans (loaders), per document."""

    facts: dict[tuple[str, Key], set[Span]] = field(default_factory=lambda: defaultdict(set))

    def add(self, document: str, key: Key, spans: Iterable[Span]) -> None:
        self.facts[(document, key)].update(spans)


@dataclass(frozen=True)
class Score:
    relation: str
    gold: int
    found: int
    matched: int
    misses: tuple[str, ...]
    extras: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def _rel(node: Node | None) -> str:
    text = str(node) if node is not None else ""
    return text.removeprefix(BASE)


def _text(value: object) -> str:
    return " ".join(str(value).split())


# ----------------------------------------------------------------------------------------------
# Gold


def _lines(entry: dict) -> set[Span]:
    raw = entry.get("lines", entry.get("line"))
    values = raw if isinstance(raw, list) else [raw]
    return {(int(n), int(n)) for n in values if n is not None}


def _gold_entry(relation: str, entry: dict, meeting: str) -> Key:
    """The key of one gold entry (see gold/README.md for the fields of each relation)."""
    subject = str(entry.get("subject", meeting))
    item = f"{meeting}/item/{entry['item']}" if "item" in entry else subject
    if relation == "attendance":
        return (subject, entry["person"], entry["status"], str(entry.get("time", "")))
    if relation == "roles":
        if "organisation" in entry:
            return ("affiliation", entry["person"], entry["organisation"])
        return (subject, entry["person"], entry["role"])
    if relation == "presenters":
        return (item, entry["person"])
    if relation == "decisions":
        if "concerns" in entry:
            return (item, "concerns", entry["concerns"])
        return (item, "text", _text(entry["text"]))
    if relation == "dates":
        for kind in ("date", "start", "end"):
            if kind in entry:
                return (subject, kind, str(entry[kind]))
        return (subject, "range", f"{entry['earliest']}/{entry['latest']}")
    if relation == "items":
        return (item, "title", _text(entry["title"]))
    if relation == "meetings":
        if "body" in entry:
            return (subject, "body", entry["body"])
        return (subject, "form", _text(entry["form"]))
    raise KeyError(relation)


def read_gold(gold_dir: Path = GOLD_DIR) -> tuple[dict[str, Found], dict[str, set[str]]]:
    """The gold facts per relation, and per relation the documents the gold covers."""
    gold: dict[str, Found] = {r: Found() for r in RELATIONS}
    covered: dict[str, set[str]] = defaultdict(set)
    for path in sorted(gold_dir.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, list):  # the citation list format of gold/citations/
            for c in data:
                gold["citations"].add(c["document"], (str(c["line"]), c["kind"], c["identifier"]), _lines(c))
                covered["citations"].add(c["document"])
            continue
        document, meeting = data["document"], str(data.get("meeting", ""))
        for relation in RELATIONS:
            if relation not in data:
                continue
            covered[relation].add(document)
            for entry in data[relation] or []:
                gold[relation].add(document, _gold_entry(relation, entry, meeting), _lines(entry))
    return gold, covered


# ----------------------------------------------------------------------------------------------
# What the loaders found


def _spans(
    g: Graph, s: Node, p: URIRef, o: Node | None = None, quote: str | None = None, fallback: bool = False
) -> dict[str, set[Span]]:
    """The evidence of S P O by document: evidence naming P (and O); with `fallback`, else what attests S."""
    specific = [
        e for e in g.objects(s, PROV.qualifiedInfluence)
        if g.value(e, PV.linkProperty) == p and (o is None or g.value(e, PROV.influencer) == o)
    ]  # fmt: skip
    attested = [e for e in g.objects(s, PV.attestedBy) if g.value(e, PV.linkProperty) == p]
    if quote is not None:
        attested = [e for e in attested if _text(g.value(e, PV.quote)) == _text(quote)] or attested
    by_doc: dict[str, set[Span]] = defaultdict(set)
    general: dict[str, set[Span]] = defaultdict(set)
    for e in g.objects(s, PV.attestedBy):
        if g.value(e, PV.linkProperty) is None or g.value(e, PV.linkProperty) == DCTERMS.date:
            _where(g, e, general)
    for e in specific + attested:
        _where(g, e, by_doc)
    for doc, spans in general.items() if fallback else ():
        by_doc.setdefault(doc, spans)
    return by_doc


def _where(g: Graph, e: Node, into: dict[str, set[Span]]) -> None:
    doc = g.value(e, PROV.hadPrimarySource)
    start, end = g.value(e, PV.lineStart), g.value(e, PV.lineEnd)
    if doc is not None and start is not None and end is not None:
        into[_rel(doc).removeprefix("source/")].add((int(start), int(end)))


def _add(found: Found, key: Key, spans: dict[str, set[Span]]) -> None:
    for document, s in spans.items():
        found.add(document, key, s)


def graph_facts(g: Graph) -> dict[str, Found]:
    """The facts of every relation (citations aside) in a graph built by the loaders."""
    out = {r: Found() for r in RELATIONS}
    for part in g.subjects(RDF.type, PV.MeetingParticipation):
        meeting, person = _rel(g.value(part, PV.meeting)), _rel(g.value(part, ORG.member))
        for status in g.objects(part, PV.attendance):
            left = g.value(part, PV.leftAt)
            name = {"Present": "present", "Absent": "absent", "LeftEarly": "left-early"}[str(status).split("#")[-1]]
            key = (meeting, person, name, str(left)[:5] if left is not None else "")
            _add(out["attendance"], key, _spans(g, part, PV.attendance))
        for role in g.objects(part, ORG.role):
            _add(out["roles"], (meeting, person, _rel(role).removeprefix("role/")), _spans(g, part, ORG.role, role))
    for person, org in g.subject_objects(ORG.memberOf):
        _add(out["roles"], ("affiliation", _rel(person), _rel(org)), _spans(g, person, ORG.memberOf, org))
    for item in g.subjects(RDF.type, PV.AgendaItem):
        for person in g.objects(item, PV.presenter):
            _add(out["presenters"], (_rel(item), _rel(person)), _spans(g, item, PV.presenter, person))
        for title in g.objects(item, DCTERMS.title):
            _add(out["items"], (_rel(item), "title", _text(title)), _spans(g, item, DCTERMS.title))
    for decision in g.subjects(RDF.type, PV.Decision):
        item = _rel(g.value(decision, PROV.wasGeneratedBy))
        for text in g.objects(decision, PV.decisionText):
            _add(out["decisions"], (item, "text", _text(text)), _spans(g, decision, PV.decisionText, quote=str(text)))
        for target in g.objects(decision, PV.concerns):
            _add(out["decisions"], (item, "concerns", _rel(target)), _spans(g, decision, PV.concerns, target))
    for meeting in g.subjects(RDF.type, PV.Meeting):
        m = _rel(meeting)
        for prop, kind in ((DCTERMS.date, "date"), (PV.startTime, "start"), (PV.endTime, "end")):
            for value in g.objects(meeting, prop):
                text = str(value)[:5] if kind != "date" else str(value)
                _add(out["dates"], (m, kind, text), _spans(g, meeting, prop))
        earliest, latest = g.value(meeting, PV.earliestDate), g.value(meeting, PV.latestDate)
        if earliest is not None and latest is not None:
            spans = _spans(g, meeting, PV.earliestDate)
            for doc, s in _spans(g, meeting, PV.latestDate).items():
                spans[doc] |= s
            _add(out["dates"], (m, "range", f"{earliest}/{latest}"), spans)
        if (None, PV.meeting, meeting) not in g:
            continue  # a meeting only listed in a schedule: its body is in its IRI, its date under "dates"
        for body in g.objects(meeting, PV.body):
            _add(out["meetings"], (m, "body", _rel(body)), _spans(g, meeting, PV.body, body))
        for form in g.objects(meeting, PV.meetingForm):
            _add(out["meetings"], (m, "form", _text(form)), _spans(g, meeting, PV.meetingForm))
    return out


def loader_facts(sources_dir: Path = SOURCES_DIR) -> dict[str, Found]:
    """Run the registered loaders over every document and collect their facts (citations: find_citations)."""
    out = {r: Found() for r in RELATIONS}
    union = Graph()
    sources = find_sources(sources_dir)
    with consulting(for_sources(sources)):
        for source in sources.files:
            if source.kind is not SourceKind.DOCUMENT:
                continue
            for c in find_citations(source.text):
                line = source.line_at(c.start)
                out["citations"].add(source.name, (str(line), c.kind.value, c.identifier), {(line, line)})
            loader = choose_loader(source, LOADERS)
            if loader is not None:
                union += loader.load(source).graph
    for relation, found in graph_facts(union).items():
        for (doc, key), spans in found.facts.items():
            out[relation].add(doc, key, spans)
    return out


# ----------------------------------------------------------------------------------------------
# Scores


def _covers(spans: set[Span], lines: set[Span]) -> bool:
    return all(any(a <= n <= b for a, b in spans) for n, _ in lines)


def score(relation: str, gold: Found, found: Found, documents: set[str]) -> Score:
    g = {k: v for k, v in gold.facts.items() if k[0] in documents}
    f = {k: v for k, v in found.facts.items() if k[0] in documents}
    matched = [k for k in g if k in f and _covers(f[k], g[k])]
    misses = [f"{d}: {' | '.join(k)} (line {min(n for n, _ in g[(d, k)]) if g[(d, k)] else '?'})"
              + (" — wrong evidence" if (d, k) in f else "") for d, k in g if (d, k) not in matched]  # fmt: skip
    extras = [f"{d}: {' | '.join(k)} (lines {sorted(f[(d, k)])[0][0]}-{sorted(f[(d, k)])[0][1]})"
              for d, k in f if (d, k) not in matched]  # fmt: skip
    return Score(relation, len(g), len(f), len(matched), tuple(sorted(misses)), tuple(sorted(extras)))


def evaluate(sources_dir: Path = SOURCES_DIR, gold_dir: Path = GOLD_DIR) -> list[Score]:
    """Precision and recall of the loaders per relation, against the gold."""
    gold, covered = read_gold(gold_dir)
    found = loader_facts(sources_dir)
    return [score(r, gold[r], found[r], covered.get(r, set())) for r in RELATIONS if covered.get(r)]


def render(scores: list[Score], details: bool = True) -> str:
    """A plain-text table of the scores, then what each relation missed and found in excess."""
    rows = [f"{'relation':<12} {'gold':>5} {'found':>6} {'matched':>8} {'precision':>10} {'recall':>7}"]
    for s in scores:
        rows.append(f"{s.relation:<12} {s.gold:>5} {s.found:>6} {s.matched:>8} {s.precision:>10.1%} {s.recall:>7.1%}")
    if details:
        for s in scores:
            for label, entries in (("missed", s.misses), ("extra", s.extras)):
                rows.extend(f"{s.relation} {label}: {e}" for e in entries)
    return "\n".join(rows)


def meets_goal(scores: list[Score], precision: float = 0.95, recall: float = 0.90) -> bool:
    return all(s.precision >= precision and s.recall >= recall for s in scores)


__all__ = ["RELATIONS", "Score", "evaluate", "graph_facts", "meets_goal", "read_gold", "render", "score"]

"""What one document's graph says, in the terms the document evaluation compares with `gold.json`.

The relations are read with the queries in `queries/evaluation/` (their contract: gold/README.md,
"Documents gold") and reduced to comparison keys: names and texts folded (case, diacritics,
punctuation, whitespace), identifiers to letters, digits and ":" so that `SOU 2020:19`, the IRI
`sou/2020:19` and `dcterms:identifier "SOU 2020:19"` are one key.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from proveniens.namespaces import BASE, PV

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries" / "evaluation"


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Case-folded, without diacritics, punctuation as space, whitespace collapsed: how names and texts compare."""
    return " ".join(re.sub(r"[\W_]+", " ", _plain(text)).split())


def identifier_key(text: str) -> str:
    """An identifier as letters, digits and ':' ("prop. 2017/18:249" and "prop/2017/18:249" alike)."""
    return re.sub(r"[^0-9a-z:]", "", _plain(text))


def same_identifier(a: str, b: str) -> bool:
    """Equal keys, or the longer ending with the shorter ("vardanalyspm2021:1", "pm2021:1") when the shorter is a
    whole identifier: a letter first, a number after it."""
    short, long = sorted((a, b), key=len)
    return bool(re.fullmatch(r"[a-z]+\S*\d\S*", short)) and long.endswith(short)


def contains(a: str, b: str) -> bool:
    """Whether one folded text holds the other as whole words."""
    a, b = f" {fold(a)} ", f" {fold(b)} "
    return bool(a.strip() and b.strip()) and (a in b or b in a)


@dataclass(frozen=True)
class Thing:
    """A resource as the scorer compares it: how to show it, and its keys (folded names, or identifier keys)."""

    label: str
    keys: frozenset[str]


@dataclass(frozen=True)
class Dated:
    """A meeting, response or report and the days and ranges the graph gives it."""

    label: str
    recorded: bool
    days: frozenset[str]
    ranges: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class PositionFact:
    """A remiss position: its stance (local name, e.g. "Supports") and its quote and proposal description."""

    stance: str
    quote: str
    proposal: str


@dataclass
class GraphFacts:
    """Per relation, what one document's graph holds."""

    meetings: list[Dated] = field(default_factory=list)
    documents: list[Dated] = field(default_factory=list)
    people: dict[str, list[Thing]] = field(default_factory=lambda: defaultdict(list))
    responders: list[Thing] = field(default_factory=list)
    cited: dict[str, list[Thing]] = field(default_factory=lambda: defaultdict(list))
    decisions: list[str] = field(default_factory=list)
    positions: list[PositionFact] = field(default_factory=list)

    @property
    def recorded_meetings(self) -> list[Dated]:
        """The meetings the document records; every meeting when nothing points at one (gold/README.md)."""
        return [m for m in self.meetings if m.recorded] or self.meetings


@cache
def _query(name: str) -> str:
    return (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _rows(g: Graph, name: str) -> list[dict[str, Node]]:
    return [row.asdict() for row in g.query(_query(name))]  # type: ignore[union-attr]


def _slug(node: Node) -> str:
    return str(node).rsplit("/", 1)[-1].replace("-", " ") if isinstance(node, URIRef) else ""


def _show(node: Node) -> str:
    return str(node).removeprefix(BASE)


def _path(node: Node) -> str:
    return _show(node) if isinstance(node, URIRef) else ""


def _things(rows: list[dict[str, Node]], key: Callable[[str], str], iri: Callable[[Node], str]) -> list[Thing]:
    """Group rows by ?subject: its names and `iri(subject)` as keys, its first name as label."""
    names: dict[Node, list[str]] = defaultdict(list)
    for row in rows:
        names[row["subject"]].extend([str(row["name"])] if row.get("name") is not None else [])
    return [
        Thing(sorted(n)[0] if n else _show(s), frozenset(k for k in map(key, [*n, iri(s)]) if k))
        for s, n in names.items()
    ]


def _dated(rows: list[dict[str, Node]]) -> list[Dated]:
    by: dict[Node, dict] = defaultdict(lambda: {"recorded": True, "days": set(), "ranges": set()})
    for row in rows:
        d = by[row["subject"]]
        d["recorded"] = bool(row["recorded"].toPython()) if row.get("recorded") is not None else True
        if row.get("date") is not None:
            d["days"].add(str(row["date"]))
        if row.get("earliest") is not None and row.get("latest") is not None:
            d["ranges"].add((str(row["earliest"]), str(row["latest"])))
    return [Dated(_show(s), d["recorded"], frozenset(d["days"]), frozenset(d["ranges"])) for s, d in by.items()]


def read_graph(g: Graph) -> GraphFacts:
    """The facts of every relation the document evaluation scores, from one document's graph."""
    facts = GraphFacts(meetings=_dated(_rows(g, "meeting_dates")), documents=_dated(_rows(g, "document_dates")))
    people = _rows(g, "people")
    for relation in ("presenters", "attendees", "absent"):
        facts.people[relation] = _things([r for r in people if str(r["relation"]) == relation], fold, _slug)
    facts.responders = _things(_rows(g, "responders"), fold, _slug)
    cited = _rows(g, "cited")  # a document's IRI path is an identifier: sou/2020:19
    for relation in ("citations", "sou"):
        facts.cited[relation] = _things([r for r in cited if str(r["relation"]) == relation], identifier_key, _path)
    facts.decisions = [str(r["text"]) for r in _rows(g, "decisions")]
    facts.positions = [
        PositionFact(str(r["stance"]).removeprefix(str(PV)), str(r.get("quote") or ""), str(r.get("proposal") or ""))
        for r in _rows(g, "positions")
    ]
    return facts

"""How well the loaders read real documents they were not written for: recall per document and relation
against `gold.json`, and every fact they invent.

The documents (tests/fixtures/documents/) come from other bodies, regions and years than the corpus.
Each is loaded exactly as the build loads it, and its graph alone is read (evaluation_graph). A
fact the gold holds and the graph has is found; a graph fact may stand for one gold fact only. A
fact the graph asserts against the gold - a meeting day where the text states none, a person
present who was not, a decision in a notice - is invented, and listed: a loader that guesses is
worse than one that misses. The contract is gold/README.md, "Documents gold".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from proveniens.build import load_sources
from proveniens.errors import ProveniensError, SourceError
from proveniens.evaluation.graph import (
    Dated,
    GraphFacts,
    PositionFact,
    Thing,
    contains,
    fold,
    identifier_key,
    read_graph,
    same_identifier,
)
from proveniens.loaders.sources import SourceFile, SourceSet, find_sources

DOCUMENTS_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "documents"
RELATIONS = ("date", "presenters", "attendees", "absent", "decisions", "citations", "responder", "sou", "positions")
MINUTES = "meeting_minutes"
# Gold stances as written, first match wins; other wordings accept any stance (the quote decides).
STANCES = (
    ("tillstyrker i", "SupportsWithReservations"), ("tillstyrker med", "SupportsWithReservations"),
    ("tillstyrker", "Supports"), ("avstyrker", "Opposes"), ("kritisk", "Opposes"),
)  # fmt: skip

Entry = dict[str, Any]


@dataclass(frozen=True)
class DocumentScore:
    """One document: which loader read it (or why none did, or how it failed), per relation (found, gold), and
    what it invented."""

    file: str
    loader: str | None
    unrecognised: str | None
    failure: str | None
    counts: dict[str, tuple[int, int]]
    invented: tuple[str, ...]

    @property
    def found(self) -> int:
        return sum(f for f, _ in self.counts.values())

    @property
    def gold(self) -> int:
        return sum(g for _, g in self.counts.values())


def read_documents_gold(folder: Path = DOCUMENTS_DIR) -> dict[str, Entry]:
    """The gold per file; it must cover exactly the .txt documents beside it, so none is skipped unseen."""
    path = folder / "gold.json"
    gold = {e["file"]: e for e in json.loads(path.read_text(encoding="utf-8"))}
    texts = {p.name for p in folder.glob("*.txt")}
    if set(gold) != texts:
        odd = ", ".join(sorted(set(gold) ^ texts))
        raise SourceError(path, None, f"and the documents beside it differ: {odd}.", "Give every .txt a gold entry.")
    return gold


@dataclass(frozen=True)
class Loaded:
    """One document as the build loads it: the graph and loader, or why no loader read it, or the error."""

    graph: Graph
    loader: str | None = None
    unrecognised: str | None = None
    failure: str | None = None


def load_graph(source: SourceFile) -> Loaded:
    """Load one document through `load_sources`, the build's own path (registry: choose_loader, then load)."""
    try:
        loaded, _, unrecognised = load_sources(SourceSet((source,), ()))
    except ProveniensError as err:
        return Loaded(Graph(), failure=str(err))
    if unrecognised:
        return Loaded(Graph(), unrecognised=unrecognised[0].reason)
    return Loaded(loaded[0].graph, loaded[0].loader)


# ----------------------------------------------------------------------------------------------
# Recall: gold items, the graph's candidates, and when one is the other


def _stance(written: str) -> str | None:
    return next((stance for prefix, stance in STANCES if fold(written).startswith(prefix)), None)


def _same_position(gold: Entry, found: PositionFact) -> bool:
    if (want := _stance(gold["position"])) is not None and found.stance != want:
        return False
    return contains(gold["quote"], found.quote) or contains(gold["proposal"], found.proposal)


def _gold_dates(entry: Entry) -> list[tuple[str, Any]]:
    day = entry["meeting_date"] if entry["kind"] == MINUTES else entry["document_date"]
    if day:
        return [("day", day)]
    return [("range", tuple(entry["date_range"]))] if entry["date_range"] else []


def _dated(facts: GraphFacts, entry: Entry) -> list[Dated]:
    return facts.recorded_meetings if entry["kind"] == MINUTES else facts.documents


def _same_date(gold: tuple[str, Any], found: Dated) -> bool:
    kind, value = gold
    return value in (found.days if kind == "day" else found.ranges)


def _names(*lists: list[str]) -> list[str]:
    return [fold(n) for names in lists for n in names]


def _responder_names(entry: Entry) -> list[frozenset[str]]:
    """The responder as written and, for "SKR (Sveriges Kommuner och Regioner)", each part on its own."""
    name = entry["responder"]
    if not name:
        return []
    outer, _, inner = name.partition("(")
    return [frozenset(k for k in (fold(name), fold(outer), fold(inner)) if k)]


def _answered(entry: Entry) -> list[str]:
    value = entry["responds_to"]
    return [identifier_key(v) for v in ([value] if isinstance(value, str) else value or [])]


def _has_name(gold: str, found: Thing) -> bool:
    return gold in found.keys


def _cites(gold: str, found: Thing) -> bool:
    return any(same_identifier(gold, key) for key in found.keys)


Relation = tuple[Callable[[Entry], list], Callable[[GraphFacts, Entry], list], Callable[[Any, Any], bool]]
SCORED: dict[str, Relation] = {
    "date": (_gold_dates, _dated, _same_date),
    "presenters": (lambda e: _names(e["presenters"]), lambda f, _: f.people["presenters"], _has_name),
    "attendees": (lambda e: _names(e["attendees_present"], e["attendees_present_inferred"]),
                  lambda f, _: f.people["attendees"], _has_name),
    "absent": (lambda e: _names(e["absent"], e["absent_inferred"]), lambda f, _: f.people["absent"], _has_name),
    "decisions": (lambda e: e["decisions"], lambda f, _: f.decisions, contains),
    "citations": (lambda e: [identifier_key(c) for c in e["cited_documents"]], lambda f, _: f.cited["citations"],
                  _cites),
    "responder": (_responder_names, lambda f, _: f.responders, lambda g, t: bool(g & t.keys)),
    "sou": (_answered, lambda f, _: f.cited["sou"], _cites),
    "positions": (lambda e: [p for p in e["positions"] if p["quote"]], lambda f, _: f.positions, _same_position),
}  # fmt: skip


def matched(gold: list, found: list, same: Callable[[Any, Any], bool]) -> int:
    """How many gold items some graph item matches, each graph item standing for one gold item at most."""
    free, n = list(found), 0
    for g in gold:
        hit = next((i for i, f in enumerate(free) if same(g, f)), None)
        if hit is not None:
            free.pop(hit)
            n += 1
    return n


# ----------------------------------------------------------------------------------------------
# Invented facts


def _invented_dates(entry: Entry, facts: GraphFacts) -> list[str]:
    day = entry["meeting_date"] if entry["kind"] == MINUTES else entry["document_date"]
    span = entry["date_range"]
    out = []
    for d in _dated(facts, entry):
        for x in sorted(d.days):
            if x != day:
                out.append(f"date: {d.label} on {x}; " + (f"the text says {day}" if day else "the text states no day"))
        for a, b in sorted(d.ranges):
            if day and not a <= day <= b:
                out.append(f"date: {d.label} between {a} and {b}; the text says {day}")
            elif not day and span and (b < span[0] or a > span[1]):
                out.append(f"date: {d.label} between {a} and {b}; the gold range is {span[0]} to {span[1]}")
    return out


def invented(entry: Entry, facts: GraphFacts) -> list[str]:
    """Facts the graph asserts against the gold (gold/README.md, "Documents gold")."""
    out = _invented_dates(entry, facts)
    present = set(_names(entry["attendees_present"], entry["attendees_present_inferred"]))
    barred, named = set(_names(entry["must_not_be_attendees"])), set(_names(entry["persons_named"]))
    for person in facts.people["attendees"]:
        if not person.keys & present:
            why = ("listed as must not be an attendee" if person.keys & barred
                   else "named, not an attendee" if person.keys & named else "in neither present list")  # fmt: skip
            out.append(f"attendees: {person.label} recorded present; the gold has them {why}")
    if not entry["decisions"]:
        why = "only proposed decisions (a notice)" if entry["proposed_decisions"] else "no decision"
        out.extend(f"decisions: {text!r} recorded as a decision; the gold has {why}" for text in facts.decisions)
    return out


# ----------------------------------------------------------------------------------------------
# The evaluation


def score_document(entry: Entry, facts: GraphFacts) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Per relation (found, gold), and the invented facts, of one document's graph facts."""
    counts = {}
    for relation, (gold_of, found_of, same) in SCORED.items():
        gold = gold_of(entry)
        counts[relation] = (matched(gold, found_of(facts, entry), same), len(gold))
    return counts, invented(entry, facts)


def evaluate_documents(folder: Path = DOCUMENTS_DIR) -> list[DocumentScore]:
    """Load every document of `folder` as the build does and score it against the gold beside it."""
    gold = read_documents_gold(folder)
    scores = []
    for source in find_sources(folder).files:
        if source.name not in gold:  # the gold file itself (a .json, which a build reads as a record)
            continue
        loaded = load_graph(source)
        counts, made_up = score_document(gold[source.name], read_graph(loaded.graph))
        scores.append(
            DocumentScore(source.name, loaded.loader, loaded.unrecognised, loaded.failure, counts, tuple(made_up))
        )
    return scores


def _cell(found: int, gold: int) -> str:
    return f"{found}/{gold}" if gold else "–"


def _percent(found: int, gold: int) -> str:
    return f"{found / gold:.0%}" if gold else "–"


def render_documents(scores: list[DocumentScore]) -> str:
    """The table (found/gold per document and relation), the unrecognised, the invented, and an overall line."""
    width = max(len(s.file.removesuffix(".txt")) for s in scores)

    def row(name: str, loader: str, counts: dict[str, tuple[int, int]]) -> str:
        cells = " ".join(f"{_cell(*counts[r]):>{max(len(r), 5)}}" for r in RELATIONS)
        found, gold = sum(f for f, _ in counts.values()), sum(g for _, g in counts.values())
        return f"{name.removesuffix('.txt'):<{width}} {loader:<16} {cells} {_percent(found, gold):>6}"

    rows = [f"{'document':<{width}} {'loader':<16} " + " ".join(f"{r:>5}" for r in RELATIONS) + f" {'recall':>6}"]
    rows.extend(row(s.file, s.loader or "–", s.counts) for s in scores)
    totals = {r: (sum(s.counts[r][0] for s in scores), sum(s.counts[r][1] for s in scores)) for r in RELATIONS}
    rows.append(row("all", "", totals))
    found, gold = sum(f for f, _ in totals.values()), sum(g for _, g in totals.values())
    rows.extend(f"unrecognised: {s.file}: {s.unrecognised}" for s in scores if s.unrecognised)
    rows.extend(f"failed: {s.file}: {s.failure}" for s in scores if s.failure)
    rows.extend(f"invented: {s.file}: {fact}" for s in scores for fact in s.invented)
    made_up = sum(len(s.invented) for s in scores)
    recognised = sum(1 for s in scores if s.loader is not None)
    rows.append(
        f"documents: {recognised} of {len(scores)} recognised, {found} of {gold} gold facts found "
        f"({_percent(found, gold)}), {made_up} invented"
    )
    return "\n".join(rows)


def honest(scores: list[DocumentScore]) -> bool:
    """No document invented a fact, and every document loaded (an unrecognised one is reported, not a failure)."""
    return not any(s.invented or s.failure for s in scores)


__all__ = ["DOCUMENTS_DIR", "RELATIONS", "evaluate_documents", "honest", "read_documents_gold", "render_documents"]

"""What an incremental build changed, triple by triple: the steps after loading cost what changed.

An incremental build drops the graphs of the sources it reloads and writes their new versions. The
triples of the old versions are read before they are dropped and compared with the new ones: the
difference is all the union of the source graphs gained or lost (a triple also held by a kept graph
counts too, which only widens the work). The lineage index (`lineage_index.update_index`), the
links (`links.update_links`), VoID's numbers (`statistics_delta`) and the validation
(`shacl_sparql.run`) then look only at the nodes near it. A source file whose new version holds
the same triples changes nothing at all.

Above `MOST_TRIPLES` triples in the old or new versions (a large RDF source replaced) no delta is
kept, and those steps work on the whole store as a full build does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Term]

MOST_TRIPLES = 200_000


@dataclass(frozen=True)
class GraphDelta:
    """The triples the reloaded graphs gained (`added`) and lost (`removed`)."""

    added: frozenset[Triple]
    removed: frozenset[Triple]

    @property
    def triples(self) -> frozenset[Triple]:
        return self.added | self.removed

    def predicates(self) -> set[str]:
        return {p.value for _, p, _ in self.triples}


def read_triples(store: ox.Store, graphs: Iterable[str], limit: int = MOST_TRIPLES) -> frozenset[Triple] | None:
    """The triples of the named graphs of `store`, as one set; None when they are more than `limit`."""
    found: set[Triple] = set()
    for g in graphs:
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)):
            found.add((q.subject, q.predicate, q.object))  # type: ignore[arg-type]
            if len(found) > limit:
                return None
    return frozenset(found)


def delta(before: frozenset[Triple] | None, after: frozenset[Triple] | None) -> GraphDelta | None:
    """The change from `before` (the old versions' triples) to `after`; None when either was too large to read."""
    if before is None or after is None:
        return None
    return GraphDelta(after - before, before - after)

"""One scan of a shape's focus nodes for all its simple constraints, instead of one per constraint.

Each check is a query joining the shape's focus nodes with one constraint, so a shape with ten
constraints scans its focus nodes ten times (pv:Evidence at 1M: 52,000 nodes, 0.1-0.2 s a scan in
memory, three times that on disk). Checks whose body can be asked as EXISTS for one focus node are
grouped by focus pattern and asked in one query with a flag per check; afterwards only the checks
flagged somewhere run, narrowed to the nodes flagged, so each result still comes from the check's
own query (focus node, value, path, rule and message as before). In a graph that conforms nothing
is flagged and those checks never run.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from proveniens.namespaces import SH
from proveniens.shacl_sparql.compile import Check
from proveniens.shacl_sparql.paths import is_predicate

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


# Constraints on one predicate's values, each value judged alone (or, for sh:minCount, one look-up).
# Measured at 1M: the others lose under EXISTS, where the engine can no longer join a whole
# property at once (sh:equals on a sequence path: 14 s as a flag against 0.4 s as its own query).
SIMPLE = {
    SH[name + "ConstraintComponent"]
    for name in (
        "MinCount", "Datatype", "NodeKind", "Pattern", "In", "MinLength", "MaxLength", "LanguageIn",
        "MinExclusive", "MinInclusive", "MaxExclusive", "MaxInclusive", "HasValue",
    )
}  # fmt: skip


def shareable(check: Check) -> bool:
    """A check on a one-step path whose body asks about one focus node at a time: EXISTS { body } is its flag.

    Not: nested shapes (sh:node and the like reach further), aggregates, nested property shapes
    (their focus pattern binds parents) and the checks the runner narrows otherwise (`declared`)."""
    return (
        check.component in SIMPLE
        and is_predicate(check.path)
        and check.reach == 0
        and not check.tail
        and not check.parents
        and check.declared is None
        and "SELECT" not in check.body
    )


def flagged(store: ox.Store, checks: Sequence[Check], scope: str, options: dict[str, object]) -> list[list[OxTerm]]:
    """For checks sharing one focus pattern: the focus nodes at which each has a result, in one scan."""
    flags = [f"?_flag{i}" for i in range(len(checks))]
    binds = " ".join(f"BIND(EXISTS {{ {c.body} }} AS {f})" for c, f in zip(checks, flags, strict=True))
    query = (
        f"SELECT DISTINCT ?this {' '.join(flags)} WHERE {{ {scope} {checks[0].focus} {binds} "
        f"FILTER({' || '.join(flags)}) }}"
    )
    found: list[list[OxTerm]] = [[] for _ in checks]
    for row in store.query(query, **options):  # type: ignore[union-attr]
        for i, flag in enumerate(flags):
            if row[flag.lstrip("?")].value == "true":
                found[i].append(row["this"])
    return found

"""Curated facts checked against the Riksdag's records: a disagreement is a build warning naming both.

A proposition typed in by a curator and the same proposition read from Riksdagen's `dokumentstatus`
share one IRI (`prop/2019/20:8`), so they are one resource and the record's decision points link to
it. What both state must then agree: the title, the day it was issued, and the day of the Riksdag's
decision (a curated `pv:RiksdagDecision` on the proposition, dated or with a range, against the
days of the record's decision points on it). A difference does not stop the build: either side
may be wrong, so it is reported with both files and both values for a curator to settle.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import pyoxigraph as ox

from proveniens.checks.validation import Finding, Origin, Severity
from proveniens.namespaces import BASE, GRAPH
from proveniens.storage.store import build_query

_DATE = "http://purl.org/dc/terms/date"
_WORDS = re.compile(r"\w+")


def record_disagreements(
    store: ox.Store, curated: Iterable[str], records: Iterable[str], origins: dict[str, str]
) -> tuple[Finding, ...]:
    """Warnings for what the `curated` graphs and the `records` graphs (IRIs) of `store` state differently.

    `origins` maps a graph IRI to its file, for the warning's place."""
    graphs = [ox.NamedNode(g) for g in [*curated, *records]]
    if not graphs:
        return ()
    rows = store.query(build_query("record_disagreements.rq"), named_graphs=graphs, default_graph=[])
    findings: list[Finding] = []
    decisions: dict[tuple[str, str], list[ox.QuerySolution]] = defaultdict(list)
    for row in rows:  # type: ignore[union-attr]
        if row["property"].value == _DATE:
            decisions[(row["curated"].value, row["subject"].value)].append(row)
        elif row["curatedValue"] is not None and not _same(row["curatedValue"], row["recordValue"]):
            findings.append(_finding(row, origins, f"“{row['recordValue'].value}”", f"“{row['curatedValue'].value}”"))
    for found in decisions.values():
        days = sorted({date.fromisoformat(r["recordValue"].value) for r in found})
        first = found[0]
        low, high = _range(first)
        if low is None or any(low <= day <= high for day in days):
            continue
        stated = ", ".join(d.isoformat() for d in days)
        curated = low.isoformat() if low == high else f"{low.isoformat()}–{high.isoformat()}"
        findings.append(_finding(first, origins, stated, curated))
    return tuple(findings)


def _same(curated: ox.Literal, record: ox.Literal) -> bool:
    """Equal as a reader would compare them: dates as dates, titles by their words, case aside."""
    return [w.lower() for w in _WORDS.findall(curated.value)] == [w.lower() for w in _WORDS.findall(record.value)]


def _range(row: ox.QuerySolution) -> tuple[date | None, date]:
    stated = row["curatedValue"]
    low = row["earliest"] if stated is None else stated
    high = row["latest"] if stated is None else stated
    if low is None:
        return None, date.max
    return date.fromisoformat(low.value), date.fromisoformat((high or low).value)


def _finding(row: ox.QuerySolution, origins: dict[str, str], record_value: str, curated_value: str) -> Finding:
    curated, record = row["curated"].value, row["record"].value
    curated_file, record_file = _file(curated, origins), _file(record, origins)
    what = row["property"].value.rsplit("/", 1)[-1]
    return Finding(
        Severity.WARNING,
        Origin(curated_file),
        row["subject"].value,
        row["property"].value,
        curated_value,
        None,
        f"Den kurerade filen {curated_file} och riksdagens handling {record_file} är oense om {what}: "
        f"{curated_value} mot {record_value}. Rätta den som har fel.",
        f"The curated file {curated_file} and the Riksdag record {record_file} disagree on {what}: "
        f"{curated_value} against {record_value}. Correct the one that is wrong.",
    )


def _file(graph: str, origins: dict[str, str]) -> str:
    if graph in origins:
        return origins[graph]
    return graph.removeprefix(str(GRAPH)).removeprefix("curated/").removeprefix(BASE)

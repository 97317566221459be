"""The union default graph: a bag (Oxigraph's union option) beside a set (the union the build writes).

    .venv/bin/python bench/union_graph.py                 # the 1M bench graph (generated if missing)
    .venv/bin/python bench/union_graph.py --triples 100000

The bench graph (one named graph) goes into an on-disk store with a second named graph that restates
every rdf:type triple, as curated files and the ontology restate what loaders write. A checkpoint of it
is the bag store; in the other copy `union_graph.write_union` writes the union into the default graph
(timed, with the disk it takes), and `update_union` then updates it for 1,010 changed triples (an
incremental build's share). The queries of `run.py` (Q1 point, Q2 4-hop lineage, Q3 count per type)
and a COUNT(*) run on both stores in interleaved rounds: the bag store with `use_default_graph_as_union`
(what the service did), the set store over its default graph (what it does now).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from proveniens.derived.union_graph import update_union, write_union

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from run import QUERIES, ensure_graph  # noqa: E402

TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RESTATED = ox.NamedNode("https://w3id.org/proveniens/graph/restated")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def disk(path: Path) -> int:
    return int(subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True).stdout.split()[0])


def stores(folder: Path, nq: Path) -> tuple[ox.Store, ox.Store]:
    """(bag store, set store): the same named graphs; the second also holds their union as its default graph."""
    bag_path, set_path = folder / "bag", folder / "set"
    store = ox.Store(str(bag_path))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.bulk_extend(
        ox.Quad(q.subject, q.predicate, q.object, RESTATED) for q in store.quads_for_pattern(None, TYPE, None)
    )
    store.flush()
    store.optimize()
    store.backup(str(set_path))
    del store
    union = ox.Store(str(set_path))
    started = time.perf_counter()
    write_union(union)
    union.flush()
    written = time.perf_counter() - started
    union.optimize()
    print(
        f"write_union: {written:.1f} s; disk {disk(bag_path) / 2**20:.0f} MiB (bag) -> "
        f"{disk(set_path) / 2**20:.0f} MiB (set)"
    )
    changed = [
        (q.subject, q.predicate, q.object)
        for _, q in zip(range(505), union.quads_for_pattern(None, None, None, RESTATED), strict=False)
    ]
    for s, p, o in changed:
        union.remove(ox.Quad(s, p, o, RESTATED))
    added = [(s, ox.NamedNode("https://example.org/changed"), o) for s, _, o in changed]
    union.extend(ox.Quad(*t, RESTATED) for t in added)
    started = time.perf_counter()
    update_union(union, changed + added)
    print(f"update_union of {len(changed + added)} triples: {(time.perf_counter() - started) * 1000:.0f} ms")
    union.extend(ox.Quad(s, p, o, RESTATED) for s, p, o in changed)  # back as it was, for the queries
    for t in added:
        union.remove(ox.Quad(*t, RESTATED))
    update_union(union, changed + added)
    union.flush()
    return ox.Store.read_only(str(bag_path)), union


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    nq, manifest = ensure_graph(args.data, args.triples)
    folder = Path(tempfile.mkdtemp(prefix="union-", dir=args.data))
    try:
        bag, union = stores(folder, nq)
        runs = {
            "bag (use_default_graph_as_union)": (bag, {"use_default_graph_as_union": True}),
            "set (the default graph)": (union, {}),
        }
        texts = {
            key: [make(s) for s in manifest["sample"][: 1 if key == "q3" else 200]] for key, make in QUERIES.items()
        }
        texts["count"] = [COUNT]
        times: dict[tuple[str, str], list[float]] = {}
        rows: dict[tuple[str, str], int] = {}
        for _ in range(args.rounds):
            for key, queries in texts.items():
                for name, (store, options) in runs.items():
                    for text in queries if key not in ("q3", "count") else queries * 3:
                        started = time.perf_counter()
                        result = list(store.query(text, **options))  # type: ignore[arg-type]
                        times.setdefault((key, name), []).append(time.perf_counter() - started)
                    rows[(key, name)] = int(result[0][0].value) if key == "count" else len(result)
        print(
            f"\n{args.triples:,} quads + {len(list(bag.quads_for_pattern(None, None, None, RESTATED))):,} restated; "
            f"{args.rounds} interleaved rounds; p50 ms per query"
        )
        print("| query | " + " | ".join(runs) + " | set / bag | rows (last query): bag / set |")
        print("|---|---|---|---|---|")
        for key in texts:
            bag_ms, set_ms = (statistics.median(times[(key, n)]) * 1000 for n in runs)
            names = list(runs)
            print(
                f"| {key} | {bag_ms:.3f} | {set_ms:.3f} | {set_ms / bag_ms:.2f}x | "
                f"{rows[(key, names[0])]:,} / {rows[(key, names[1])]:,} |"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

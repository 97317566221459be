"""Validation at scale: the shapes as SPARQL on pyoxigraph beside pyshacl, on the bench graph.

    .venv/bin/python bench/validation.py                    # 1M, plus pyshacl at 50k (a few minutes)
    .venv/bin/python bench/validation.py --triples 200000 --pyshacl-triples 200000
    .venv/bin/python bench/validation.py --pyshacl-triples 0   # without pyshacl; PERF.md's 1M numbers are printed

Each measurement runs in a child process of its own, so its peak memory (ru_maxrss) is its own:
- `load`: pyoxigraph `bulk_load` of the N-Quads file and the ontology (in memory, or on disk);
- `sparql`: the same load, then `proveniens.checks.validation.validate_store` on that store;
- `pyshacl`: rdflib parse, then the reference validator (`proveniens.checks.validation_reference`), as
  `verify_graph` did before (309 s and 4 GiB at 1M after a 40 s parse, PERF.md: too long to rerun
  here every time, so by default it runs at 50k and the ratio is taken there).
The clean graph must give no finding; the graph with `--faults` must give every fault its manifest
lists (focus node, rule, constraint). The script prints one table and exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
PERF_PYSHACL_1M = {"seconds": 309.0 + 40.0, "peak_mib": 4096, "note": "PERF.md, 2026-12-06: 40 s parse + 309 s"}


def graph_file(triples: int, faults: bool) -> Path:
    """The bench graph of that size (generated once, kept under bench/data/)."""
    name = f"bench-{triples}{'-faults' if faults else ''}.nq"
    path = DATA / name
    if not path.exists():
        args = ["--triples", str(triples), "--out", str(path)] + (["--faults"] if faults else [])
        subprocess.run([sys.executable, str(HERE / "generate.py"), *args], check=True)
    return path


def measure(kind: str, path: Path, on_disk: bool) -> dict[str, object]:
    """Run one measurement in this process and return its numbers (called in a child process)."""
    import tempfile

    import pyoxigraph as ox

    from proveniens.namespaces import ONTOLOGY_GRAPH
    from proveniens.resources import ontology_files, read_turtle, shapes_files

    shapes, ontology = read_turtle(shapes_files()), read_turtle(ontology_files())
    started = time.perf_counter()
    if kind == "pyshacl":
        from rdflib import Dataset, Graph

        from proveniens.checks.validation_reference import reference_validate

        data = Graph()
        for quad in Dataset().parse(path, format="nquads").quads():
            data.add(quad[:3])
        parsed = time.perf_counter()
        report = reference_validate(data, shapes, ontology, {})
        phases = {"parse_s": parsed - started, "validate_s": time.perf_counter() - parsed}
    else:
        from proveniens.checks.validation import validate_store

        with tempfile.TemporaryDirectory(prefix="proveniens-validation-") as tmp:
            store = ox.Store(tmp) if on_disk else ox.Store()
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            nt = ontology.serialize(format="nt").encode()
            store.bulk_load(input=nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
            loaded = time.perf_counter()
            phases = {"load_s": loaded - started}
            if kind == "sparql":
                report = validate_store(store, shapes, {})
                phases["validate_s"] = time.perf_counter() - loaded
            else:
                report = None
    found = (
        [
            (f.focus, (f.shape or "").rsplit("#", 1)[-1], (f.constraint or "").rsplit("#", 1)[-1])
            for f in report.findings
        ]
        if report is not None
        else []
    )
    return {
        "kind": kind,
        "file": path.name,
        "disk": on_disk,
        "seconds": time.perf_counter() - started,
        **phases,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "violations": len(report.violations) if report is not None else None,
        "warnings": len(report.warnings) if report is not None else None,
        "found": found,
    }


def child(kind: str, path: Path, on_disk: bool = False) -> dict[str, object]:
    args = [sys.executable, __file__, "--measure", kind, str(path)] + (["--disk"] if on_disk else [])
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def missed_faults(result: dict[str, object], path: Path) -> list[dict[str, str]]:
    manifest = json.loads(path.with_suffix(path.suffix + ".json").read_text())
    found = {tuple(f) for f in result["found"]}  # type: ignore[union-attr]
    return [f for f in manifest["faults"] if (f["focus"], f["rule"], f["component"]) not in found]


def row(label: str, r: dict[str, object], extra: str = "") -> str:
    phases = ", ".join(f"{k[:-2]} {v:.1f} s" for k, v in r.items() if k.endswith("_s"))
    counts = f"{r['violations']} / {r['warnings']}" if r.get("violations") is not None else "-"
    return f"| {label} | {r['seconds']:.1f} s ({phases}) | {r['peak_mib']:,.0f} MiB | {counts} | {extra} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--pyshacl-triples", type=int, default=50_000, help="0: no pyshacl run")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--disk", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]), args.disk)))
        return 0

    sys.path.insert(0, str(HERE))
    ok = True
    n = args.triples
    clean, faulty = graph_file(n, False), graph_file(n, True)
    lines = ["| run | time | peak memory | violations / warnings | check |", "|---|---|---|---|---|"]
    load = child("load", clean)
    lines.append(row(f"{n:,}: pyoxigraph bulk_load (memory)", load))
    ours = child("sparql", clean)
    clean_ok = ours["violations"] == 0 and ours["warnings"] == 0
    ok &= clean_ok
    ratio = f"{ours['seconds'] / load['seconds']:.2f}x the load"
    lines.append(
        row(f"{n:,}: load + SPARQL validation (memory)", ours, f"clean: {'yes' if clean_ok else 'NO'}; {ratio}")
    )
    disk_load = child("load", clean, on_disk=True)
    lines.append(row(f"{n:,}: pyoxigraph bulk_load (disk)", disk_load))
    disk = child("sparql", clean, on_disk=True)
    ratio = f"{disk['seconds'] / disk_load['seconds']:.2f}x the load"
    lines.append(row(f"{n:,}: load + SPARQL validation (disk)", disk, ratio))
    faults = child("sparql", faulty)
    missed = missed_faults(faults, faulty)
    ok &= not missed
    manifest = json.loads(faulty.with_suffix(faulty.suffix + ".json").read_text())
    found = f"faults found: {len(manifest['faults']) - len(missed)}/{len(manifest['faults'])}"
    lines.append(row(f"{n:,} with faults: SPARQL validation (memory)", faults, found))
    if args.pyshacl_triples:
        m = args.pyshacl_triples
        small = graph_file(m, False)
        theirs = child("pyshacl", small)
        mine = child("sparql", small)
        lines.append(row(f"{m:,}: rdflib parse + pyshacl", theirs))
        speedup = f"{theirs['seconds'] / mine['seconds']:.1f}x faster than pyshacl"
        lines.append(row(f"{m:,}: load + SPARQL validation (memory)", mine, speedup))
    p = PERF_PYSHACL_1M
    old = "103,321 / 35,999 (old generator)"
    lines.append(
        f"| 1,000,000: rdflib parse + pyshacl ({p['note']}) | {p['seconds']:.0f} s | {p['peak_mib']:,} MiB | {old} | |"
    )
    print("\n".join(lines))
    if missed:
        print(f"faults not found: {missed}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

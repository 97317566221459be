"""Build benchmark: the 1M bench graph as an N-Quads source, side by side with pyoxigraph's own load.

Prints, measured in one run (each step in a fresh process, so peak memory is its own; a full
build's writer process is shown beside it, and both together as summed PSS):

1. `bulk_load`: `pyoxigraph.Store(path).bulk_load` of the N-Quads file (the anchor), and the build's
   own load step alone (fingerprint, parse with the graph mapping, write);
2. `full`: a full validated build (`build(..., incremental=False)`) of a sources folder holding
   the bundled sources and the file;
3. `incremental`: the same store after one minutes file changed (a line appended).

    .venv/bin/python bench/build.py                  # 1M (generates bench/data/bench-1m.nq if missing)
    .venv/bin/python bench/build.py --triples 100000 # smaller
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """User + system CPU seconds of this process (all its threads), or of its waited-for children.

    On 2 cores shared with other jobs the wall time swings by a third; the CPU a build spent does not."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _load_average() -> float:
    return os.getloadavg()[0]


def _child_peak_mib() -> float:
    """The largest peak of this process's children: a full build's writer (`proveniens/storage/store_writer.py`).

    The child shares the candidate's pages with the build until either writes them, so the two peaks
    overlap: the machine held less than their sum."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def step_bulk_load(nquads: Path) -> dict[str, object]:
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory(dir=DATA) as folder:
        started, cpu = time.perf_counter(), _cpu_seconds()
        store = ox.Store(folder)
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        seconds = time.perf_counter() - started
        del store
    return {"seconds": seconds, "cpu": _cpu_seconds() - cpu, "peak_mib": _peak_mib()}


def step_rdf_load(nquads: Path) -> dict[str, object]:
    """The build's own load step alone: fingerprint, parse with the graph mapping, write into a fresh store."""
    import pyoxigraph as ox

    from proveniens.loaders.rdf_sources import load_rdf_source, read_rdf_source

    with tempfile.TemporaryDirectory(dir=DATA) as folder:
        started, cpu = time.perf_counter(), _cpu_seconds()
        store = ox.Store(folder)
        load_rdf_source(read_rdf_source(nquads), store)
        store.flush()
        seconds = time.perf_counter() - started
        del store
    return {"seconds": seconds, "cpu": _cpu_seconds() - cpu, "peak_mib": _peak_mib()}


class _Footprint:
    """The most memory this process and its children held together, sampled every 0.2 s.

    Summed PSS (`/proc/<pid>/smaps_rollup`): a page two processes share counts half in each, so
    the writer's copy-on-write view of the build's store is counted once, as the machine holds it."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    @staticmethod
    def _pss_kib(pid: int) -> int:
        try:
            lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            return 0
        return next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)

    def _sample(self) -> None:
        me = os.getpid()
        while not self.done.wait(0.2):
            children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
            self.peak_kib = max(self.peak_kib, sum(self._pss_kib(p) for p in [me, *map(int, children)]))

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.peak_kib / 1024


def step_build(sources: Path, store: Path, incremental: bool) -> dict[str, object]:
    from proveniens.build import build
    from proveniens.errors import ValidationFailed

    started, cpu = time.perf_counter(), _cpu_seconds()
    footprint = _Footprint()
    try:
        report = build(sources, store, keep=2, incremental=incremental)
    except ValidationFailed as err:
        return {
            "seconds": time.perf_counter() - started,
            "cpu": _cpu_seconds() - cpu,
            "peak_mib": _peak_mib(),
            "refused": len(err.report.violations),
            "warnings": len(err.report.warnings),
        }
    return {
        "seconds": report.seconds,
        "cpu": _cpu_seconds() - cpu,
        "writer_cpu": _cpu_seconds(resource.RUSAGE_CHILDREN),
        "peak_mib": _peak_mib(),
        "writer_peak_mib": _child_peak_mib(),
        "together_mib": footprint.stop(),
        "reloaded": len(report.reloaded),
        "timings": report.timings,
        "step_cpu": report.cpu,
        "triples": sum(report.triples.values()),
    }


def run_step(*args: str) -> dict[str, object]:
    """One step in a fresh process, with the load average (1 minute) before and after it."""
    load = _load_average()
    out = subprocess.run(
        [sys.executable, __file__, "--step", *args], check=True, capture_output=True, text=True, cwd=REPO
    )
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "load": (load, _load_average())}


def sources_folder(nquads: Path) -> Path:
    """Three bundled documents (minutes and a remiss response) plus the bench graph (hard-linked, no copy).

    The report (004), the document 003 and the curated files stay out: they name real SOUs and
    committees (sou/2016:2, kommitte/S2017:01 …) that the bench graph also mints, with other inquiries
    and names, which the shapes rightly refuse; and the curated files cite the report."""
    folder = DATA / "build-sources"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "corpus").mkdir(parents=True)
    for document in sorted((REPO / "sources" / "corpus").glob("00[012]_*.txt")):
        shutil.copy(document, folder / "corpus" / document.name)
    (folder / nquads.name).hardlink_to(nquads)
    return folder


def change_one_minutes_file(folder: Path) -> Path:
    minutes = sorted((folder / "corpus").glob("*.txt"))[0]
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    return minutes


def row(name: str, result: dict[str, object], anchor: float) -> str:
    seconds = float(result["seconds"])  # type: ignore[arg-type]
    verdict = f"refused: {result['refused']} violations" if "refused" in result else "ok"
    cpu_of = dict(result.get("step_cpu", {}))  # type: ignore[call-overload]
    timings = ", ".join(
        f"{k} {v:.1f}" + (f" ({cpu_of[k]:.1f} CPU)" if k in cpu_of else "")
        for k, v in dict(result.get("timings", {})).items()  # type: ignore[call-overload]
    )
    writer = float(result.get("writer_peak_mib", 0))  # type: ignore[arg-type]
    together = float(result.get("together_mib", 0))  # type: ignore[arg-type]
    peak = f"{result['peak_mib']:.0f}" + (f" (writer {writer:.0f}; together {together:.0f})" if writer else "")
    cpu = f"{result['cpu']:.1f}" + (f" + writer {result['writer_cpu']:.1f}" if "writer_cpu" in result else "")
    load = "{:.1f} → {:.1f}".format(*result["load"])  # type: ignore[str-format]
    return f"| {name} | {seconds:.1f} | {cpu} | {seconds / anchor:.2f}x | {peak} | {load} | {verdict} | {timings} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--only-load", action="store_true", help="only bulk_load and the build's load step")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        kind, *rest = args.step
        if kind == "bulk":
            print(json.dumps(step_bulk_load(Path(rest[0]))))
        elif kind == "rdfload":
            print(json.dumps(step_rdf_load(Path(rest[0]))))
        else:
            print(json.dumps(step_build(Path(rest[0]), Path(rest[1]), kind == "incremental")))
        return

    DATA.mkdir(exist_ok=True)
    label = f"{args.triples // 1000}k" if args.triples < 1_000_000 else f"{args.triples // 1_000_000}m"
    nquads = DATA / f"bench-{label}.nq"
    if not nquads.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--triples", str(args.triples), "--out", str(nquads)],
            check=True,
        )
    folder = sources_folder(nquads)
    store = DATA / f"build-store-{label}"
    shutil.rmtree(store, ignore_errors=True)

    bulk = run_step("bulk", str(nquads))
    rdf_load = run_step("rdfload", str(nquads))
    anchor = float(bulk["seconds"])  # type: ignore[arg-type]
    if args.only_load:
        print(row("pyoxigraph bulk_load of the N-Quads file", bulk, anchor))
        print(row("the build's RDF load step alone", rdf_load, anchor))
        return
    print(f"bench graph {nquads.name} ({args.triples:,} quads) + 3 bundled documents", flush=True)
    print(
        "| step | seconds | CPU seconds (its writer's) | vs bulk_load | peak MiB (its writer's; both: PSS) "
        "| load average | result | seconds per build step (CPU seconds of the build process) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(row("pyoxigraph bulk_load of the N-Quads file", bulk, anchor))
    print(row("the build's RDF load step alone (read_rdf_source + load_rdf_source)", rdf_load, anchor), flush=True)
    full = run_step("full", str(folder), str(store))
    print(row("full validated build", full, anchor), flush=True)
    if "refused" in full:
        print("incremental: not measured, the full build was refused (nothing to start from)")
        return
    changed = change_one_minutes_file(folder)
    incremental = run_step("incremental", str(folder), str(store))
    print(row(f"incremental build, {changed.name} changed", incremental, anchor))
    ratio = float(incremental["seconds"]) / float(full["seconds"])  # type: ignore[arg-type]
    print(f"incremental / full: {ratio:.3f}x (goal <= 0.1x)")
    together = max(float(full["peak_mib"]), float(full.get("together_mib", 0)))  # type: ignore[arg-type]
    ratio = float(full["seconds"]) / anchor  # type: ignore[arg-type]
    print(f"full / bulk_load: {ratio:.2f}x, peak {together:.0f} MiB (goal <= 2x, <= 2048 MiB)")


if __name__ == "__main__":
    main()

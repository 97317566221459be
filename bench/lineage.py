"""Lineage and impact at 1M and 5M quads over HTTP, against a point lookup on the same server.

For each size it makes the bench graph (`generate.py`), bulk-loads it into an on-disk build, adds the
lineage index (`proveniens.derived.lineage_index.index_store`, timed) and publishes the build; then it starts
`proveniens serve` on every store at once and measures, in interleaved rounds so all servers see the
same background load:

- point: `POST /sparql` with Q1 of `run.py` (all `?p ?o` of one SOU);
- lineage: `GET /api/lineage?iri=<provision>` (provision → law, proposition, SOU, inquiry, directive);
- lineage+context: the same with `context=true`, as the resource pages ask;
- impact: `GET /api/impact?iri=<SOU>` (propositions, decisions, laws, provisions, remiss responses…).

Each request goes over one keep-alive connection, one at a time, and asks about a cluster no earlier
request to that server and endpoint asked about: the service keeps named-query answers per build, so a
repeated IRI would measure that cache, not the query. It prints p50/p99 per size and endpoint, and the
goals of issue 14: lineage p50 at 1M ≤ 10× point p50, and lineage and impact p50 at 5M ≤ 2× at 1M.

    .venv/bin/python bench/lineage.py                      # 1M and 5M, about 10 minutes the first time
    .venv/bin/python bench/lineage.py --sizes 100000 --requests 50   # smoke test
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from generate import cluster_ids  # noqa: E402

from proveniens.derived.lineage_index import index_store  # noqa: E402
from proveniens.derived.union_graph import write_union  # noqa: E402
from proveniens.storage.store import StoreLayout  # noqa: E402

PROVENIENS = Path(sys.executable).parent / "proveniens"
ENDPOINTS = ("point", "lineage", "lineage+context", "impact")


def label(triples: int) -> str:
    return f"{triples // 1_000_000}m" if triples % 1_000_000 == 0 else f"{triples // 1000}k"


def ensure_store(data: Path, triples: int) -> tuple[Path, dict]:
    """(store root, manifest + build timings) for a size, made once and reused."""
    nq = data / f"bench-{label(triples)}.nq"
    if not nq.exists():
        subprocess.run(
            [sys.executable, str(BENCH / "generate.py"), "--triples", str(triples), "--out", str(nq)], check=True
        )
    manifest = json.loads(nq.with_suffix(".nq.json").read_text())
    root = data / f"store-{label(triples)}"
    timings = root / "timings.json"
    if not timings.exists():
        layout = StoreLayout(root)
        with layout.lock():
            build = layout.new_build_dir()
            store = ox.Store(str(build))
            started = time.perf_counter()
            store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            loaded = time.perf_counter()
            quads = index_store(store)
            indexed = time.perf_counter()
            write_union(store)  # the default graph the service reads, as a build writes it
            store.flush()
            store.optimize()
            del store
            layout.publish(build, keep=1)
        timings.write_text(
            json.dumps({"bulk_load_s": loaded - started, "index_s": indexed - loaded, "index_quads": quads})
        )
    return root, {**manifest, **json.loads(timings.read_text())}


@contextmanager
def server(root: Path, port: int) -> Iterator[str]:
    """`proveniens serve` as shipped, on `root`; yields its base URL once it answers."""
    process = subprocess.Popen(
        [str(PROVENIENS), "serve", "--store", str(root), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"proveniens serve on {root} did not start")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def request(client: httpx.Client, base: str, endpoint: str, sample: dict[str, str]) -> httpx.Request:
    if endpoint == "point":
        query = f"SELECT ?p ?o WHERE {{ <{sample['sou']}> ?p ?o }}"
        return client.build_request(
            "POST", base + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
    if endpoint == "impact":
        return client.build_request("GET", base + "/api/impact", params={"iri": sample["sou"]})
    context = "true" if endpoint == "lineage+context" else "false"
    return client.build_request("GET", base + "/api/lineage", params={"iri": sample["provision"], "context": context})


def measure(
    client: httpx.Client, base: str, endpoint: str, samples: Iterator[dict[str, str]], count: int
) -> list[float]:
    """Milliseconds per request for `count` requests, one at a time, each about the next sample."""
    times = []
    for _ in range(count):
        built = request(client, base, endpoint, next(samples))
        started = time.perf_counter()
        response = client.send(built)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{endpoint} {built.url}: {response.status_code} {response.text[:200]}")
    return times


def fresh(clusters: int) -> Iterator[dict[str, str]]:
    """The IRIs of every complete cluster once, spread over the graph (a fixed stride through them)."""
    stride = next(k for k in range(clusters // 7 + 1, clusters) if math.gcd(k, clusters) == 1)
    return (cluster_ids(i * stride % clusters) for i in range(clusters))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000000,5000000", help="quads per graph, comma-separated (first is the base)"
    )
    parser.add_argument("--data", type=Path, default=BENCH / "data" / "lineage", help="where graphs and stores go")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint, server and round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    args.data.mkdir(parents=True, exist_ok=True)
    stores = {size: ensure_store(args.data, size) for size in sizes}
    for size, (_, info) in stores.items():
        print(
            f"{label(size)}: {info['triples']:,} quads, {info['clusters']:,} clusters; "
            f"bulk_load {info['bulk_load_s']:.1f} s, "
            f"lineage index {info['index_quads']:,} quads in {info['index_s']:.1f} s"
        )
    times: dict[tuple[int, str], list[float]] = {(s, e): [] for s in sizes for e in ENDPOINTS}
    with ExitStack() as stack:
        bases = {
            size: stack.enter_context(server(root, 8700 + i)) for i, (size, (root, _)) in enumerate(stores.items())
        }
        client = stack.enter_context(httpx.Client(timeout=60))
        samples = {(s, e): fresh(stores[s][1]["clusters"]) for s in sizes for e in ENDPOINTS}
        for size, base in bases.items():  # warm-up: query workers and the store's block cache
            for endpoint in ENDPOINTS:
                measure(client, base, endpoint, samples[size, endpoint], 20)
        for _ in range(args.rounds):
            for size, base in bases.items():
                for endpoint in ENDPOINTS:
                    times[size, endpoint] += measure(client, base, endpoint, samples[size, endpoint], args.requests)
    p50 = {key: statistics.median(values) for key, values in times.items()}
    print("\n| data | endpoint | requests | p50 ms | p99 ms |\n|---|---|---|---|---|")
    for (size, endpoint), values in times.items():
        print(
            f"| {label(size)} | {endpoint} | {len(values)} | {p50[size, endpoint]:.2f} "
            f"| {percentile(values, 0.99):.2f} |"
        )
    base_size = sizes[0]
    print("\n| goal | measured | goal | met |\n|---|---|---|---|")
    ratio = p50[base_size, "lineage"] / p50[base_size, "point"]
    print(
        f"| `/api/lineage` p50 vs point p50 at {label(base_size)} | {ratio:.1f}x | <= 10x "
        f"| {'yes' if ratio <= 10 else 'NO'} |"
    )
    for size in sizes[1:]:
        for endpoint in ("lineage", "impact"):
            ratio = p50[size, endpoint] / p50[base_size, endpoint]
            met = "yes" if ratio <= 2 else "NO"
            print(f"| `/api/{endpoint}` p50 at {label(size)} vs {label(base_size)} | {ratio:.2f}x | <= 2x | {met} |")
    print(f"\nload average during the run: {os.getloadavg()[0]:.1f} (2 cores shared with other sessions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

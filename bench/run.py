"""Endpoint benchmark: Proveniens against native `oxigraph serve-read-only` and rdflib-endpoint.

Sets up everything it needs, then measures every server under the same conditions:

1. synthetic policy graphs from bench/generate.py (default 1M quads, and 100k for rdflib-endpoint),
   written into Proveniens stores the way the service expects them (`ROOT/builds/<id>` filled by
   `pyoxigraph.Store.bulk_load`, the union of the named graphs written into the default graph as a build
   does, published with `StoreLayout.publish`), under bench/data/;
2. a separate virtualenv (bench/.venv-peers) with the `oxigraph` CLI, rdflib-endpoint and py-spy,
   so none of them enters the project's dependencies;
3. servers: `proveniens serve` as shipped (and variants: PROVENIENS_QUERY_WORKERS, uvicorn loop/parser,
   uvicorn processes, an inline diagnostic) on the 1M store; `oxigraph serve-read-only` on the same
   store directory (its default graph: the union the store holds); rdflib-endpoint on the 100k N-Quads
   (`Dataset(default_union=True)`), plus `proveniens serve` on the 100k store for a like-for-like ratio;
4. all servers stay up (idle unless measured); for each query and concurrency (1 and 4), each server gets a
   warm-up, then --rounds rounds of `wrk` (one thread, POST form `query=`, `Accept:
   application/sparql-results+json`) that visit the servers in turn, --duration seconds in all; the table
   shows the median round, so background load from other sessions on the box hits every server alike;
5. the engine alone (pyoxigraph in this process, query + JSON serialisation, no HTTP) as the floor;
6. optionally (--profile) py-spy on the shipped server during Q1 at c=1: where a cheap request spends time.

Queries (no GRAPH/FROM; every server answers over the union of the named graphs):
  Q1 point lookup   all ?p ?o of one SOU (about 10 rows), rotating over 200 SOUs
  Q2 4-hop lineage  provision -forarbete-> proposition -utgarFran-> SOU -inquiry-> inquiry -directive->
                    directive, with each hop's identifier, as explicit joins; rotating over 200 provisions
  Q3 aggregate      COUNT(*) per rdf:type over the whole store

    .venv/bin/python bench/run.py                # everything, ~15 minutes on 2 cores
    .venv/bin/python bench/run.py --quick        # 1 s rounds, 100k/20k graphs: a smoke test
    .venv/bin/python bench/run.py --render bench/data/results-<stamp>.json   # tables of a saved run
    .venv/bin/python bench/run.py --only ours,native --queries q1 --profile
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from proveniens.derived.union_graph import write_union
from proveniens.settings import Settings
from proveniens.storage.store import StoreLayout

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
LUA = BENCH / "wrk_post.lua"
PROJECT_PYTHON = Path(sys.executable)
PROVENIENS = PROJECT_PYTHON.parent / "proveniens"

sys.path.insert(0, str(BENCH))
import generate  # noqa: E402

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX pv: <https://w3id.org/proveniens/ontology#>
PREFIX rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#>
"""

QUERY_NAMES = {"q1": "Q1 point", "q2": "Q2 4-hop lineage", "q3": "Q3 aggregate"}


def q1(sample: dict[str, str]) -> str:
    return f"SELECT ?p ?o WHERE {{ <{sample['sou']}> ?p ?o }}"


def q2(sample: dict[str, str]) -> str:
    return (
        PREFIXES
        + f"""SELECT ?prop ?propId ?sou ?souId ?inquiry ?inquiryId ?dir ?dirId WHERE {{
  <{sample["provision"]}> rpubl:forarbete ?prop .
  ?prop rpubl:utgarFran ?sou .
  ?sou pv:inquiry ?inquiry .
  ?inquiry pv:directive ?dir .
  ?prop dcterms:identifier ?propId .
  ?sou dcterms:identifier ?souId .
  ?inquiry dcterms:identifier ?inquiryId .
  ?dir dcterms:identifier ?dirId .
}}"""
    )


def q3(_: dict[str, str]) -> str:
    return PREFIXES + "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s rdf:type ?type } GROUP BY ?type"


QUERIES = {"q1": q1, "q2": q2, "q3": q3}


# ----------------------------------------------------------------------------------------------
# Data, stores, peers
# ----------------------------------------------------------------------------------------------


def label(triples: int) -> str:
    return f"{triples // 1_000_000}m" if triples % 1_000_000 == 0 else f"{triples // 1000}k"


def ensure_graph(data: Path, triples: int) -> tuple[Path, dict]:
    nq = data / f"bench-{label(triples)}.nq"
    manifest_path = nq.with_suffix(".nq.json")
    if not (nq.exists() and manifest_path.exists()):
        started = time.perf_counter()
        generate.main(["--triples", str(triples), "--out", str(nq)])
        print(f"  generated {nq.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return nq, json.loads(manifest_path.read_text())


def ensure_store(data: Path, triples: int, nq: Path) -> Path:
    """A Proveniens store root whose `current` build holds exactly the generated quads."""
    root = data / f"store-{label(triples)}"
    layout = StoreLayout(root)
    marker = root / "bench-source.txt"
    stamp = f"{nq.name} {nq.stat().st_size} {triples} with the union default graph"
    if layout.current_build() is not None and marker.exists() and marker.read_text() == stamp:
        return root
    build = layout.new_build_dir()
    started = time.perf_counter()
    store = ox.Store(str(build))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    count = len(store)
    write_union(store)
    store.flush()
    del store
    layout.publish(build, keep=2)
    marker.write_text(stamp)
    print(f"  bulk_load {count} quads into {build.relative_to(data)} in {time.perf_counter() - started:.1f} s")
    if count != triples:
        raise SystemExit(f"store has {count} quads, expected {triples}")
    return root


def ensure_peers(venv: Path) -> Path:
    """bench/.venv-peers with oxigraph (CLI), rdflib-endpoint and py-spy; never the project's venv."""
    needed = ["oxigraph", "rdflib-endpoint", "py-spy"]
    if not all((venv / "bin" / exe).exists() for exe in needed):
        print(f"  creating {venv} ({', '.join(needed)})", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "uvicorn", *needed], check=True)
    return venv / "bin"


def write_bodies(data: Path, name: str, manifest: dict) -> dict[str, Path]:
    """One file per query: url-encoded form bodies, one per line, for the wrk script to cycle through."""
    files = {}
    for key, make in QUERIES.items():
        samples = manifest["sample"] if key != "q3" else manifest["sample"][:1]
        path = data / f"bodies-{name}-{key}.txt"
        path.write_text("".join(urllib.parse.urlencode({"query": make(s)}) + "\n" for s in samples))
        files[key] = path
    return files


# ----------------------------------------------------------------------------------------------
# Servers
# ----------------------------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    kind: str  # ours | native | rdflib | diag
    dataset: str  # graph label, e.g. 1m
    cmd: list[str]
    url: str
    env: dict[str, str] = field(default_factory=dict)
    note: str = ""
    count_with: str | None = None  # another server whose CPU is part of this one's (ours-remote's store)


class Running:
    """A server started in its own session; stopped by signalling that process group only."""

    def __init__(self, server: Server, logs: Path) -> None:
        self.server = server
        logs.mkdir(parents=True, exist_ok=True)
        self.log = open(logs / f"{server.name}.log", "wb")  # noqa: SIM115
        env = {**os.environ, **server.env}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            server.cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=REPO, start_new_session=True
        )

    def wait_ready(self, timeout: float) -> float:
        deadline = time.perf_counter() + timeout
        body = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.server.name} exited with {self.proc.returncode}; see its log")
            try:
                post(self.server.url, body, timeout=5)
                return time.perf_counter() - self.started
            except urllib.error.HTTPError as err:  # it answers, but not with results: no point waiting
                detail = err.read().decode(errors="replace").strip()[:200]
                raise RuntimeError(f"{self.server.name} answered {err.code} to ASK: {detail}") from None
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                time.sleep(0.05)
        raise RuntimeError(f"{self.server.name} not ready after {timeout} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        # children of the group (query workers) may outlive the leader for a moment
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def post(url: str, body: bytes, timeout: float) -> bytes:
    request = urllib.request.Request(
        url,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def rows_of(url: str, bodies: Path, timeout: float) -> int | str:
    """Rows the first query of a bodies file returns (a sanity check that servers agree)."""
    try:
        payload = post(url, bodies.read_text().splitlines()[0].encode(), timeout=timeout)
        return len(json.loads(payload)["results"]["bindings"])
    except Exception as err:
        return f"error: {err}"[:60]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def busy_cpu() -> float:
    """CPU seconds spent not idle, all cores together, since boot."""
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:9]]
    return (sum(values) - values[3] - values[4]) / CLOCK_TICKS


def group_cpu(groups: list[int]) -> dict[int, float]:
    """CPU seconds used so far by each live process of the given process groups (a server and its workers)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) in groups:
            found[int(entry)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return found


def cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU used between two samples by processes alive at both (a replaced worker's share is lost)."""
    return sum(after[pid] - before[pid] for pid in after.keys() & before.keys())


def settle(groups: list[int], limit_pct: float = 10.0, max_wait: float = 5.0) -> None:
    """Wait until every server of ours is idle again (the last run's requests finished, a replaced worker
    started). Other sessions' load is not waited for (it may never stop); it is measured and reported."""
    deadline = time.perf_counter() + max_wait
    while time.perf_counter() < deadline:
        before = group_cpu(groups)
        time.sleep(0.25)
        if 100 * cpu_delta(before, group_cpu(groups)) / 0.25 < limit_pct:
            return


def wrk(url: str, bodies: Path, connections: int, seconds: float, groups: list[int] | None = None) -> dict:
    """One wrk run; with `groups`, also the CPU the server, wrk and everything else used meanwhile."""
    cmd = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(round(seconds), 1)}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
        url,
        "--",
    ]
    busy0, server0 = busy_cpu(), group_cpu(groups or [])
    child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([*cmd, str(bodies)], capture_output=True, text=True, timeout=seconds + 120).stdout
    child1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy1, server1 = busy_cpu(), group_cpu(groups or [])
    server_cpu = cpu_delta(server0, server1)
    line = next((x for x in out.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result:\n{out}")
    result = json.loads(line[len("WRKJSON ") :])
    wall = result["duration_us"] / 1e6
    result["rps"] = result["requests"] / wall
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    wrk_cpu = (child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime)
    result["server_cpu_pct"] = 100 * server_cpu / wall
    result["wrk_cpu_pct"] = 100 * wrk_cpu / wall
    result["other_cpu_pct"] = max(100 * (busy1 - busy0 - server_cpu - wrk_cpu) / wall, 0.0)
    result["server_cpu_us_per_req"] = 1e6 * server_cpu / result["requests"] if result["requests"] else None
    # the group leader is the HTTP server process; the rest of its group are its query workers
    leaders = set(groups or [])
    main_cpu = sum(server1[p] - server0[p] for p in server1.keys() & server0.keys() & leaders)
    result["main_cpu_us_per_req"] = 1e6 * main_cpu / result["requests"] if result["requests"] else None
    result["workers_cpu_us_per_req"] = (
        1e6 * (server_cpu - main_cpu) / result["requests"] if result["requests"] else None
    )
    return result


def combine(runs: list[dict]) -> dict:
    """One cell from its rounds: medians of rate and latencies, sums of counts, the rounds kept for reference."""
    out = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50_us", "p99_us", "other_cpu_pct")}
    for k in ("requests", "errors"):
        out[k] = sum(r[k] for r in runs)
    for k in ("server_cpu_us_per_req", "main_cpu_us_per_req", "workers_cpu_us_per_req", "wrk_cpu_pct"):
        values = [r[k] for r in runs if r.get(k) is not None]
        out[k] = statistics.median(values) if values else None
    out["rounds"] = [{k: r[k] for k in ("rps", "p50_us", "p99_us", "other_cpu_pct", "requests")} for r in runs]
    return out


# ----------------------------------------------------------------------------------------------
# Engine floor and profile
# ----------------------------------------------------------------------------------------------


def engine_floor(root: Path, manifest: dict, seconds: float) -> dict[str, dict]:
    """pyoxigraph alone, in this process: query + JSON serialisation, as a worker does it, no HTTP."""
    store = ox.Store.read_only(str(StoreLayout(root).current_build()))
    out = {}
    for key, make in QUERIES.items():
        samples = manifest["sample"] if key != "q3" else manifest["sample"][:1]
        texts = [make(s) for s in samples]
        times = []
        deadline = time.perf_counter() + seconds
        i = 0
        while time.perf_counter() < deadline or len(times) < 5:
            t0 = time.perf_counter()
            result = store.query(texts[i % len(texts)])
            result.serialize(format=ox.QueryResultsFormat.JSON)
            times.append(time.perf_counter() - t0)
            i += 1
        times.sort()
        out[key] = {
            "n": len(times),
            "p50_ms": statistics.median(times) * 1e3,
            "p99_ms": times[int(len(times) * 0.99) - 1 if len(times) > 1 else 0] * 1e3,
            "rps": len(times) / sum(times),
        }
    del store
    return out


ROLES = (
    ("query workers (py-spy counts their blocking pipe reads as busy)", "multiprocessing.spawn"),
    ("resource tracker", "resource_tracker"),
)
# Frames every request of the server process passes through; hiding them leaves the informative ones.
BOOTSTRAP = ("<module>", "Typer", "Command", "TyperGroup", "_main (typer", "Context.invoke", "get_callback", "serve (",
             "run (uvicorn", "asyncio_run", "Server.run", "Runner.run", "Server.serve", "Server._serve")  # fmt: skip


def summarise_profile(raw: Path, rate: int, top: int = 25) -> list[str]:
    """CPU samples per process role, then the server process's hottest functions (self and inclusive)."""
    per_role: dict[str, int] = defaultdict(int)
    selfs: dict[str, int] = defaultdict(int)
    incl: dict[str, int] = defaultdict(int)
    server_total = 0
    for line in raw.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        procs = [f for f in frames if f.startswith("process ")]
        last = procs[-1] if procs else ""
        role = next((name for name, mark in ROLES if mark in last), "server (uvicorn + FastAPI)")
        per_role[role] += count
        frames = [f for f in frames if not f.startswith("process ") and not f.startswith(" ")]
        if role.startswith("server") and frames:
            server_total += count
            selfs[frames[-1]] += count
            for frame in set(frames):
                incl[frame] += count
    if not server_total:
        return ["(no samples of the server process)"]
    roles = sorted(per_role.items(), key=lambda kv: -kv[1])
    out = [
        f"CPU samples at {rate} Hz (idle excluded), by process: " + ", ".join(f"{k} {v / rate:.2f} s" for k, v in roles)
    ]
    out.append("server process, self time (share of its CPU samples):")
    for frame, count in sorted(selfs.items(), key=lambda kv: -kv[1])[:top]:
        out.append(f"  {100 * count / server_total:5.1f}%  {frame}")
    out.append("server process, inclusive time (bootstrap frames hidden):")
    shown = [(f, c) for f, c in incl.items() if not any(f.startswith(b) for b in BOOTSTRAP)]
    for frame, count in sorted(shown, key=lambda kv: -kv[1])[: top + 10]:
        out.append(f"  {100 * count / server_total:5.1f}%  {frame}")
    return out


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------


def build_servers(args: argparse.Namespace, peers: Path, roots: dict[str, Path], nqs: dict[str, Path]) -> list[Server]:
    big, small = label(args.triples), label(args.rdflib_triples)
    port = iter(range(args.port, args.port + 100))
    serve_variant = [str(PROJECT_PYTHON), str(BENCH / "serve_variant.py")]

    shipped = [str(PROVENIENS), "serve", "--host", "127.0.0.1"]  # as shipped

    def ours(name: str, dataset: str, env: dict[str, str], cmd: list[str] | None = None, note: str = "") -> Server:
        p = next(port)
        base = cmd or shipped
        env = {"PROVENIENS_STORE": str(roots[dataset]), "PROVENIENS_PORT": str(p), **env}
        kind = "diag" if "inline" in name else "ours"
        return Server(name, kind, dataset, [*base, "--port", str(p)], f"http://127.0.0.1:{p}/sparql", env, note)

    servers = [
        ours("ours", big, {}, note="`proveniens serve`, defaults: 2 query workers, uvloop+httptools (auto)"),
        ours("ours-w1", big, {"PROVENIENS_QUERY_WORKERS": "1"}, note="1 query worker"),
        ours("ours-w4", big, {"PROVENIENS_QUERY_WORKERS": "4"}, note="4 query workers"),
        ours(
            "ours-asyncio-h11",
            big,
            {},
            [*serve_variant, "--loop", "asyncio", "--http", "h11"],
            "default workers, asyncio loop + h11 parser",
        ),
        ours(
            "ours-2proc",
            big,
            {"PROVENIENS_QUERY_WORKERS": "1"},
            [*serve_variant, "--workers", "2"],
            "2 uvicorn processes x 1 query worker (uvloop)",
        ),
        ours("ours-inline", big, {}, [*serve_variant, "--inline"], "DIAGNOSTIC: no worker process, no kill"),
    ]

    def native(name: str) -> Server:
        p = next(port)
        location = str(roots[big] / "current")
        cmd = [str(peers / "oxigraph"), "serve-read-only", "--location", location, "--bind", f"127.0.0.1:{p}"]
        note = "oxigraph serve-read-only, same store (its default graph is the union)"
        return Server(name, "native", big, cmd, f"http://127.0.0.1:{p}/query", note=note)

    servers.append(native("native"))
    if "remote_query_path" in Settings.model_fields:  # the service can front a remote SPARQL server
        p = next(port)
        servers.append(
            Server(
                "ours-remote",
                "ours",
                big,
                [*shipped, "--port", str(p)],
                f"http://127.0.0.1:{p}/sparql",
                {"PROVENIENS_STORE": servers[-1].url.removesuffix("/query"), "PROVENIENS_PORT": str(p)},
                "`proveniens serve` with PROVENIENS_STORE=<the native server's URL> (RemoteBackend); CPU counts both",
                count_with="native",
            )
        )
    p = next(port)
    servers.append(
        Server(
            f"rdflib-endpoint-{small}",
            "rdflib",
            small,
            [str(peers / "rdflib-endpoint"), "serve", str(nqs[small]), "--host", "127.0.0.1", "--port", str(p)],
            f"http://127.0.0.1:{p}/",
            note="rdflib Dataset(default_union=True), in memory",
        )
    )
    if small != big:
        servers.append(ours(f"ours-{small}", small, {}, note="`proveniens serve` defaults on the rdflib-sized graph"))
    wanted = set(args.only.split(",")) if args.only else None
    return [s for s in servers if wanted is None or s.name in wanted or s.kind in wanted]


def fmt_ratio(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}x" if value >= 100 else f"{value:.2f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="graph size for ours and native")
    parser.add_argument("--rdflib-triples", type=int, default=100_000, help="graph size for rdflib-endpoint")
    parser.add_argument("--duration", type=float, default=12.0, help="seconds measured per server and cell")
    parser.add_argument("--rounds", type=int, default=3, help="rounds the duration is split into (interleaved)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per server and cell")
    parser.add_argument("--concurrency", default="1,4")
    parser.add_argument("--queries", default="q1,q2,q3")
    parser.add_argument("--only", help="comma list of server names or kinds (ours, native, rdflib, diag)")
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--peers-venv", type=Path, default=BENCH / ".venv-peers")
    parser.add_argument("--port", type=int, default=18100)
    parser.add_argument("--profile", action="store_true", help="py-spy the shipped server during Q1 at c=1")
    parser.add_argument("--quick", action="store_true", help="smoke test: 100k/20k graphs, 3 s runs")
    parser.add_argument("--render", type=Path, help="only print the tables of a saved results-*.json")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` stops the servers
    if args.render:
        saved = json.loads(args.render.read_text())
        for key in ("triples", "rdflib_triples", "duration"):
            setattr(args, key, type(getattr(args, key))(saved["args"][key]))
        keys, cs = saved["args"]["queries"].split(","), [int(c) for c in saved["args"]["concurrency"].split(",")]
        print(render(saved["results"], saved["floor"], args, keys, cs))
        return 0
    if args.quick:
        args.triples, args.rdflib_triples, args.duration, args.warmup = 100_000, 20_000, 3.0, 0.5
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: apt-get install -y wrk")
    concurrency = [int(c) for c in args.concurrency.split(",")]
    queries = args.queries.split(",")
    args.data.mkdir(parents=True, exist_ok=True)

    print(f"machine: {os.cpu_count()} cpus, {platform.python_version()}, pyoxigraph {ox.__version__}", flush=True)
    print("setting up", flush=True)
    peers = ensure_peers(args.peers_venv)
    nqs, manifests, roots, bodies = {}, {}, {}, {}
    for triples in sorted({args.triples, args.rdflib_triples}):
        name = label(triples)
        nqs[name], manifests[name] = ensure_graph(args.data, triples)
        roots[name] = ensure_store(args.data, triples, nqs[name])
        bodies[name] = write_bodies(args.data, name, manifests[name])
    big = label(args.triples)

    print(f"engine floor (pyoxigraph in-process, {big}, query + JSON, no HTTP)", flush=True)
    floor = engine_floor(roots[big], manifests[big], seconds=min(args.duration, 3.0))
    for key in queries:
        f = floor[key]
        print(f"  {QUERY_NAMES[key]:18s} p50 {f['p50_ms']:.3f} ms  -> {f['rps']:,.0f} per s on one core")

    results: list[dict] = []
    sanity: dict[str, dict[str, int | str]] = {}
    servers = build_servers(args, peers, roots, nqs)
    profile_lines: list[str] = []
    failures: dict[str, str] = {}
    running: dict[str, Running] = {}
    try:
        # Every server is up for the whole run and idle unless measured; each cell (query, concurrency) is
        # measured in rounds that visit the servers in turn, so a change in the machine's background load
        # (other sessions share these 2 cores) hits all of them alike and the ratios stay comparable.
        for server in servers:
            try:
                running[server.name] = Running(server, args.data / "logs")
                ready = running[server.name].wait_ready(timeout=600)
                sanity[server.name] = {k: rows_of(server.url, bodies[server.dataset][k], 120) for k in queries}
                print(f"{server.name:22s} ready after {ready:5.2f} s, rows {sanity[server.name]}: {server.note}")
            except Exception as err:  # one server failing must not lose the others' numbers
                failures[server.name] = f"{type(err).__name__}: {err}"
                print(f"{server.name:22s} FAILED: {failures[server.name]}", flush=True)
                running.pop(server.name).stop()
        live = [s for s in servers if s.name in running]
        everyone = [r.proc.pid for r in running.values()]
        per_round = args.duration / args.rounds
        for key in queries:
            for c in concurrency:
                print(f"\n{QUERY_NAMES[key]}, c={c}: {args.rounds} rounds of {per_round:g} s per server", flush=True)
                runs: dict[str, list[dict]] = defaultdict(list)
                for server in live:
                    settle(everyone)
                    wrk(server.url, bodies[server.dataset][key], c, args.warmup)
                for i in range(args.rounds):
                    order = live[i % len(live) :] + live[: i % len(live)]
                    for server in order:
                        groups = [running[server.name].proc.pid]
                        if server.count_with in running:
                            groups.append(running[server.count_with].proc.pid)
                        settle(everyone)
                        runs[server.name].append(wrk(server.url, bodies[server.dataset][key], c, per_round, groups))
                for server in live:
                    r = combine(runs[server.name])
                    r.update(server=server.name, kind=server.kind, dataset=server.dataset, query=key, c=c)
                    results.append(r)
                    main, workers = r["main_cpu_us_per_req"], r["workers_cpu_us_per_req"]
                    cpu = "" if main is None else f"cpu/req {main:6.0f} + {workers or 0:5.0f} us"
                    print(
                        f"  {server.name:22s} {r['rps']:9.1f} req/s  p50 {r['p50_us'] / 1e3:7.2f} ms"
                        f"  p99 {r['p99_us'] / 1e3:7.2f} ms  err {r['errors']}  {cpu}"
                        f"  other {r['other_cpu_pct']:.0f}%  rounds {[round(x['rps']) for x in r['rounds']]}",
                        flush=True,
                    )
        if args.profile and "ours" in running:
            ours = next(s for s in live if s.name == "ours")
            settle(everyone)
            profile_lines = profile(ours, running["ours"], peers, bodies[ours.dataset]["q1"], args)
    finally:
        for name in reversed(list(running)):
            running[name].stop()

    table = render(results, floor, args, queries, concurrency)
    print("\n" + table)
    for name, why in failures.items():
        print(f"{name} failed: {why}")
    for dataset in {s.dataset for s in servers}:
        seen = {
            name: rows for name, rows in sanity.items() if any(s.name == name and s.dataset == dataset for s in servers)
        }
        if len({json.dumps(rows, sort_keys=True) for rows in seen.values()}) > 1:
            print(f"WARNING: servers on {dataset} disagree on row counts: {seen}")
    if profile_lines:
        print("\nProfile of `ours` under Q1 c=1 (py-spy):\n" + "\n".join(profile_lines))
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = args.data / f"results-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "args": {k: str(v) for k, v in vars(args).items()},
                "floor": floor,
                "sanity": sanity,
                "results": results,
                "failures": failures,
            },
            indent=1,
        )
    )
    (args.data / f"results-{stamp}.md").write_text(table + "\n\n" + "\n".join(profile_lines) + "\n")
    print(f"\nsaved {out} and {out.with_suffix('.md')}")
    return 0


def profile(server: Server, running: Running, peers: Path, bodies: Path, args: argparse.Namespace) -> list[str]:
    """py-spy the server and its query workers while wrk runs Q1 at c=1 (sampling slows them a little)."""
    raw = args.data / "profile-ours-q1-c1.txt"
    seconds, rate = max(int(args.duration), 3), 250
    spy = subprocess.Popen(
        [str(peers / "py-spy"), "record", "--pid", str(running.proc.pid), "--subprocesses", "--format", "raw",
         "--rate", str(rate), "--duration", str(seconds), "--output", str(raw), "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(0.5)
    r = wrk(server.url, bodies, 1, seconds, [running.proc.pid])
    _, err = spy.communicate(timeout=seconds + 60)
    if spy.returncode != 0 or not raw.exists():
        return [f"py-spy failed ({spy.returncode}): {err.decode(errors='replace').strip()[-300:]}"]
    head = (f"{r['rps']:.0f} req/s while sampled, server group CPU {r['server_cpu_us_per_req'] or 0:.0f} µs/req; "
            f"collapsed stacks in {raw.relative_to(REPO)}")  # fmt: skip
    return [head, *summarise_profile(raw, rate)]


def render(results: list[dict], floor: dict, args: argparse.Namespace, queries: list[str], cs: list[int]) -> str:
    by = {(r["server"], r["query"], r["c"]): r for r in results}
    native = next((r["server"] for r in results if r["kind"] == "native"), None)
    rdflib = next((r["server"] for r in results if r["kind"] == "rdflib"), None)
    big, small = label(args.triples), label(args.rdflib_triples)
    head = (
        "| server | data | query | c | req/s | p50 ms | p99 ms | errors | ours/native | ours/rdflib-endpoint "
        "| CPU µs/req: HTTP process + query workers | other CPU % |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    servers = list(dict.fromkeys(r["server"] for r in results))
    for key in queries:
        for c in cs:
            for name in servers:
                r = by.get((name, key, c))
                if r is None:
                    continue
                vs_native = vs_rdflib = ""
                if r["kind"] in ("ours", "diag"):
                    n = by.get((native, key, c)) if native and r["dataset"] == big else None
                    if n and n["rps"] > 0:
                        vs_native = fmt_ratio(r["rps"] / n["rps"])
                    d = by.get((rdflib, key, c)) if rdflib else None
                    if d and d["rps"] > 0:
                        vs_rdflib = fmt_ratio(r["rps"] / d["rps"])
                    elif d:  # rdflib finished nothing: its rate is below 1/duration
                        vs_rdflib = f"> {r['rps'] * args.duration:,.0f}x"
                rps = f"{r['rps']:,.1f}" if r["rps"] < 100 else f"{r['rps']:,.0f}"
                main, workers = r.get("main_cpu_us_per_req"), r.get("workers_cpu_us_per_req")
                cpu = "" if main is None else f"{main:,.0f} + {workers:,.0f}" if workers >= 1 else f"{main:,.0f}"
                lines.append(
                    f"| {name} | {r['dataset']} | {QUERY_NAMES[key]} | {c} | {rps} | {r['p50_us'] / 1e3:.2f} "
                    f"| {r['p99_us'] / 1e3:.2f} | {r['errors']} | {vs_native} | {vs_rdflib} | {cpu} "
                    f"| {r.get('other_cpu_pct', 0):.0f} |"
                )
    floor_lines = [
        f"| engine only (pyoxigraph in-process, {big}) | {QUERY_NAMES[k]} | {floor[k]['rps']:,.0f} "
        f"| {floor[k]['p50_ms']:.3f} | {floor[k]['p99_ms']:.3f} |"
        for k in queries
    ]
    goals = verdicts(by, native, rdflib, queries, cs, big, small)
    return "\n".join(
        [
            *lines,
            "",
            "| floor | query | per s, 1 core | p50 ms | p99 ms |",
            "|---|---|---|---|---|",
            *floor_lines,
            "",
            *goals,
        ]
    )


def verdicts(by: dict, native: str | None, rdflib: str | None, queries: list[str], cs: list[int], big: str,
             small: str) -> list[str]:  # fmt: skip
    """The goals as docs read them per query class (shared/PERF.md), for the shipped configuration."""
    need_native = {("q1", 1): 0.6, ("q1", 4): 0.45, ("q2", 1): 0.6, ("q2", 4): 0.45, ("q3", 1): 0.9, ("q3", 4): 0.9}
    need_rdflib = {"q1": 3.0, "q2": 20.0, "q3": 20.0}
    out = ["| goal (shipped `ours`) | query | c | measured | goal | met |", "|---|---|---|---|---|---|"]
    for key in queries:
        for c in cs:
            ours = by.get(("ours", key, c))
            n = by.get((native, key, c)) if native else None
            if ours and n and n["rps"] > 0:
                ratio = ours["rps"] / n["rps"]
                need = need_native[(key, c)]
                out.append(f"| ours vs native | {QUERY_NAMES[key]} | {c} | {ratio:.2f}x | >= {need}x | "
                           f"{'yes' if ratio >= need else 'NO'} |")  # fmt: skip
    for mine, label_ in (("ours", f"{big} vs {small}"), (f"ours-{small}", f"{small} vs {small}")):
        for key in queries:
            for c in cs:
                ours = by.get((mine, key, c))
                d = by.get((rdflib, key, c)) if rdflib else None
                if ours and d:
                    need = need_rdflib[key]
                    ratio = ours["rps"] / d["rps"] if d["rps"] > 0 else float("inf")
                    shown = fmt_ratio(ratio) if ratio != float("inf") else "inf (rdflib: 0 done)"
                    out.append(f"| {mine} vs rdflib-endpoint ({label_}) | {QUERY_NAMES[key]} | {c} | {shown} | "
                               f">= {need:g}x | {'yes' if ratio >= need else 'NO'} |")  # fmt: skip
    return out


if __name__ == "__main__":
    sys.exit(main())

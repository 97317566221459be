"""The remote path beside the embedded one and beside the server it fronts (issue 17's goals).

One run on the bench graph (default 1M quads, bench/generate.py) with three servers up the whole time:

  embedded   `proveniens serve` on the on-disk store, as shipped (2 query workers)
  remote     `proveniens serve` with PROVENIENS_STORE=<the Oxigraph server's URL> (the RemoteBackend)
  oxigraph   `oxigraph serve-read-only` on the same store's files, queried directly

and, with `--baseline REV`, `remote@REV`: the remote path as the code was at REV (e.g. `main` before
the lean HTTP client), installed from `git archive REV` into bench/data/baseline-REV/ and put first
first on sys.path. Each cell (query x concurrency) gets a warm-up per server, then rounds of wrk that visit
the servers in turn (run.py's method: other sessions' load hits every server alike). It prints req/s
side by side, the ratios with the goals and whether they are met, where the CPU goes per request
(service process + query workers, or service process + Oxigraph server) and the machine's load average.

Goals:  Q1 point and Q2 4-hop lineage, remote vs embedded, c=1 and c=4   >= 0.8x
        Q3 aggregate, remote vs the Oxigraph server queried directly       >= 0.9x

    nice -n 10 .venv/bin/python bench/remote.py                      # about 6 minutes on 2 cores
    nice -n 10 .venv/bin/python bench/remote.py --baseline main      # plus the remote path of `main`
    .venv/bin/python bench/remote.py --triples 100000 --duration 3   # a smoke test
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import run  # bench/run.py: graphs, stores, wrk, CPU accounting

GOALS = {"q1": ("embedded", 0.8), "q2": ("embedded", 0.8), "q3": ("oxigraph", 0.9)}


def oxigraph_cli(args: argparse.Namespace) -> Path:
    """The `oxigraph` CLI: the project's test extra installs it beside Python; else bench/.venv-peers has it."""
    here = run.PROJECT_PYTHON.parent / "oxigraph"
    return here if here.exists() else run.ensure_peers(args.peers_venv) / "oxigraph"


def baseline_site(rev: str, data: Path) -> Path:
    """The package as it was at `rev`, installed (no dependencies) into its own folder, to be put first on sys.path."""
    folder = data / f"baseline-{rev.replace('/', '_')}"
    site = folder / "site"
    if site.exists():
        return site
    src = folder / "src"
    src.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(run.REPO), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    pip = [str(run.PROJECT_PYTHON), "-m", "pip", "install", "-q", "--no-deps"]
    subprocess.run([*pip, "--target", str(site), str(src)], check=True)
    return site


def servers(args: argparse.Namespace, root: Path) -> list[run.Server]:
    port = iter(range(args.port, args.port + 10))
    p_native = next(port)
    native_url = f"http://127.0.0.1:{p_native}"
    native_cmd = [str(oxigraph_cli(args)), "serve-read-only", "--location", str(root / "current")]
    out = [
        run.Server("oxigraph", "native", "", [*native_cmd, "--bind", f"127.0.0.1:{p_native}"], native_url + "/query"),
    ]

    def ours(name: str, store: str, env: dict[str, str] | None = None, cmd: list[str] | None = None) -> run.Server:
        p = next(port)
        serve = [*(cmd or [str(run.PROVENIENS)]), "serve", "--host", "127.0.0.1", "--port", str(p)]
        env = {"PROVENIENS_STORE": store, **(env or {})}
        return run.Server(name, "ours", "", serve, f"http://127.0.0.1:{p}/sparql", env)

    out.append(ours("embedded", str(root)))
    out.append(ours("remote", native_url))
    if args.baseline:
        site = baseline_site(args.baseline, args.data)
        # first on sys.path, before the working directory (the repository, whose own `proveniens/` would win)
        start = f"import sys; sys.path.insert(0, {str(site)!r}); from proveniens.cli import app; sys.exit(app())"
        out.append(ours(f"remote@{args.baseline}", native_url, cmd=[str(run.PROJECT_PYTHON), "-c", start]))
    return out


def measure(server: run.Server, groups: list[int], store: int | None, bodies: Path, c: int, seconds: float) -> dict:
    """One wrk run; the Oxigraph server's CPU (`store`) is counted apart, as where a remote request's time goes."""
    before = run.group_cpu([store]) if store else {}
    result = run.wrk(server.url, bodies, c, seconds, groups)
    if store:
        used = run.cpu_delta(before, run.group_cpu([store]))
        result["workers_cpu_us_per_req"] = 1e6 * used / result["requests"] if result["requests"] else None
    return result


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def render(cells: dict[tuple[str, int], dict[str, dict]], names: list[str]) -> str:
    head = ["query", "c", *[f"{n} req/s" for n in names], "measure", "ratio", "goal", "met"]
    head += [f"{n} CPU µs/req" for n in names if n != "oxigraph"]
    head += ["load avg"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for (key, c), cell in cells.items():
        peer, goal = GOALS[key]
        ratio = cell["remote"]["rps"] / cell[peer]["rps"]
        rates = [f"{cell[n]['rps']:,.0f}" if cell[n]["rps"] >= 100 else f"{cell[n]['rps']:.1f}" for n in names]
        cpu = [
            f"{cell[n]['main_cpu_us_per_req']:,.0f} + {cell[n]['workers_cpu_us_per_req']:,.0f}"
            for n in names
            if n != "oxigraph"
        ]
        row = [run.QUERY_NAMES[key], str(c), *rates, f"remote / {peer}", f"{ratio:.2f}x", f">= {goal}x"]
        row += ["yes" if ratio >= goal else "NO", *cpu, f"{cell['load']:.1f}"]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--duration", type=float, default=12.0, help="seconds measured per server and cell")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--concurrency", default="1,4")
    parser.add_argument("--queries", default="q1,q2,q3")
    parser.add_argument("--baseline", help="also measure the remote path of this git revision")
    parser.add_argument("--data", type=Path, default=run.BENCH / "data")
    parser.add_argument("--peers-venv", type=Path, default=run.BENCH / ".venv-peers")
    parser.add_argument("--port", type=int, default=18300)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: apt-get install -y wrk")
    args.data.mkdir(parents=True, exist_ok=True)
    nq, manifest = run.ensure_graph(args.data, args.triples)
    root = run.ensure_store(args.data, args.triples, nq)
    bodies = run.write_bodies(args.data, run.label(args.triples), manifest)
    live = servers(args, root)
    names = [s.name for s in live if s.kind == "ours"] + ["oxigraph"]
    running: dict[str, run.Running] = {}
    cells: dict[tuple[str, int], dict[str, dict]] = {}
    try:
        for server in live:
            running[server.name] = run.Running(server, args.data / "logs")
            ready = running[server.name].wait_ready(timeout=600)
            rows = {k: run.rows_of(server.url, bodies[k], 120) for k in args.queries.split(",")}
            print(f"{server.name:14s} ready after {ready:5.2f} s, rows {rows}", flush=True)
        everyone = [r.proc.pid for r in running.values()]
        store = running["oxigraph"].proc.pid
        per_round = args.duration / args.rounds
        for key in args.queries.split(","):
            for c in (int(x) for x in args.concurrency.split(",")):
                load = load_average()
                print(f"\n{run.QUERY_NAMES[key]}, c={c} (load average {load:.2f})", flush=True)
                for server in live:
                    run.settle(everyone)
                    run.wrk(server.url, bodies[key], c, args.warmup)
                rounds: dict[str, list[dict]] = defaultdict(list)
                for i in range(args.rounds):
                    for server in live[i % len(live) :] + live[: i % len(live)]:
                        remote = server.name.startswith("remote")
                        run.settle(everyone)
                        groups = [running[server.name].proc.pid]
                        rounds[server.name].append(
                            measure(server, groups, store if remote else None, bodies[key], c, per_round)
                        )
                cell = {name: run.combine(rounds[name]) for name in names}
                cell["load"] = statistics.mean([load, load_average()])
                cells[(key, c)] = cell
                for name in names:
                    r = cell[name]
                    print(
                        f"  {name:14s} {r['rps']:9.1f} req/s  p50 {r['p50_us'] / 1e3:7.2f} ms  errors {r['errors']}"
                        f"  cpu/req {r['main_cpu_us_per_req'] or 0:6.0f} + {r['workers_cpu_us_per_req'] or 0:5.0f} µs",
                        flush=True,
                    )
    finally:
        for name in reversed(list(running)):
            running[name].stop()
    table = render(cells, names)
    print("\n" + table)
    print(
        "\nCPU µs/req: embedded = its HTTP process + its query workers; remote = its HTTP process + the Oxigraph "
        "server it forwards to. load avg = the 1-minute load average at the cell's start and end (2 cores)."
    )
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = args.data / f"remote-{stamp}.json"
    saved = {f"{k}-c{c}": v for (k, c), v in cells.items()}
    out.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "cells": saved}, indent=1))
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Print how long the main pages take to render on the bundled corpus (not a test: a measurement).

    .venv/bin/python tests/ui/measure_pages.py [--store var/store] [--runs 20]

Builds the bundled sources into a temporary store unless --store names one, starts `proveniens serve`
on a free port and times each page over HTTP (server render + transfer on loopback): the first request
(cold: nothing cached, every named query runs), then the median and the slowest of --runs more
(answers of named queries are kept per build, so these show a page asked for again).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parents[2]
B = "https://w3id.org/proveniens/"
CLAUSE = quote(B + "agreement/hos-avtal-vg-2021/element/fast-vardkontakt")
PAGES = {
    "home (search box + timeline)": "/?lang=sv",
    "search 'fast vårdkontakt'": "/ui/search?q=" + quote("fast vårdkontakt"),
    "clause: fast vårdkontakt (lineage picture)": "/ui/resource?iri=" + CLAUSE,
    "document: SOU 2020:19 (lineage + impact + remiss)": "/ui/resource?iri=" + quote(B + "sou/2020:19"),
    "law provision: HSL 7:2 a": "/ui/resource?iri=" + quote(B + "sfs/2017:30/K7P2a"),
    "person: Anna Nergårdh": "/ui/resource?iri=" + quote(B + "person/anna-nergardh"),
    "body: VGR": "/ui/resource?iri=" + quote(B + "org/vgr"),
    "evidence of one link": "/ui/evidence?subject=" + CLAUSE
    + "&property=" + quote(B + "ontology#follows") + "&object=" + quote(B + "sou/2020:19/proposal/patientkontrakt"),
    "source 004 (3346 lines, highlighted)": "/source/004_77c63d0e7f875d18.txt",
    "query editor": "/sparql/editor",
    "API: /api/lineage": "/api/lineage?context=true&iri=" + CLAUSE,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    cli = Path(sys.executable).with_name("proveniens")
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([str(cli), "build", "--sources", str(REPO / "sources"), "--store", str(store)],
                           check=True, capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "PROVENIENS_SOURCES": str(REPO / "sources")}
        server = subprocess.Popen([str(cli), "serve", "--store", str(store), "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, headers={"Accept": "text/html"}, timeout=30) as client:
                for _ in range(300):
                    try:
                        client.get("/api/timeline")
                        break
                    except httpx.HTTPError:
                        time.sleep(0.1)
                client.get("/static/app.css")
                print(f"{'page':52} {'cold':>8} {'median':>8} {'max':>8} {'bytes':>8}")
                for name, url in PAGES.items():
                    start = time.perf_counter()
                    client.get(url).raise_for_status()
                    cold = (time.perf_counter() - start) * 1000
                    times, size = [], 0
                    for _ in range(args.runs):
                        start = time.perf_counter()
                        response = client.get(url)
                        times.append((time.perf_counter() - start) * 1000)
                        response.raise_for_status()
                        size = len(response.content)
                    median, slowest = statistics.median(times), max(times)
                    print(f"{name:52} {cold:6.1f}ms {median:6.1f}ms {slowest:6.1f}ms {size:8d}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()

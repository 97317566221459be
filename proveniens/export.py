"""Dumps of the current build: the whole dataset and each named graph, gzip-compressed, with checksums."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import pyoxigraph as ox


def _slug(graph: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", graph.split("/graph/", 1)[-1]).strip("_")


def export_dumps(store: ox.Store, out: Path) -> list[Path]:
    """Write `dataset.nq.gz`, `dataset.trig.gz` and `graphs/<name>.nq.gz`, plus `SHA256SUMS`."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "graphs").mkdir(exist_ok=True)
    written: list[Path] = []
    for name, fmt in (("dataset.nq.gz", ox.RdfFormat.N_QUADS), ("dataset.trig.gz", ox.RdfFormat.TRIG)):
        path = out / name
        with gzip.GzipFile(path, "wb", mtime=0) as handle:
            store.dump(handle, format=fmt)
        written.append(path)
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        path = out / "graphs" / f"{_slug(graph.value)}.nq.gz"
        quads = store.quads_for_pattern(None, None, None, graph)
        with gzip.GzipFile(path, "wb", mtime=0) as handle:
            ox.serialize(quads, handle, format=ox.RdfFormat.N_QUADS)
        written.append(path)
    sums = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(out)}" for p in written]
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return [*written, out / "SHA256SUMS"]

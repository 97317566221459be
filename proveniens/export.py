"""Dumps of the current build: the whole dataset and each named graph, gzip-compressed, with checksums.

The files written are exactly those the DCAT catalogue names (`dump_files`), so the catalogue and
the export cannot drift apart.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from proveniens.dataset_description import dump_files

_FORMATS = {"application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG}


def export_dumps(store: ox.Store, out: Path) -> list[Path]:
    """Write every file `dump_files` names (the dataset and each named graph, N-Quads and TriG) and `SHA256SUMS`."""
    (out / "graphs").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, fmt, graph in dump_files(URIRef(g.value) for g in store.named_graphs()):
        path = out / name
        with gzip.GzipFile(path, "wb", mtime=0) as handle:
            if graph is None:
                store.dump(handle, format=_FORMATS[fmt.media_type])
            else:
                quads = store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
                ox.serialize(quads, handle, format=_FORMATS[fmt.media_type])
        written.append(path)
    sums = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(out)}" for p in written]
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return [*written, out / "SHA256SUMS"]

"""Dumps of a build: each named graph and the whole dataset, gzip-compressed, with checksums.

The build writes them into its own folder (`<build>/dumps/`) before it is published, so every build
the service serves has them and they always match it. The files are exactly those the DCAT catalogue
names (`dump_files`), so the catalogue and the dumps cannot drift apart.

- Each named graph is serialized once per format. The dataset's dump is the concatenation of its
  graphs' gzip members (a multi-member gzip file is one stream to every gzip reader, and N-Quads and
  TriG documents concatenate into one document), so the data is compressed once.
- The default graph is left out where it is the union of the named graphs, which every build
  writes (`proveniens/derived/union_graph.py`): loading the named graphs with a union default graph restores
  it. Where a SPARQL update wrote data of its own there (`PROVENIENS_UNION_DEFAULT_GRAPH=false`), the
  dataset's dumps begin with it.
- An incremental build links (hard links, no copy) the files of graphs it did not change from the
  build it started from, so a rebuild writes the dumps of what changed.
- A large graph that changes a few triples at a time (the lineage index) is written in pieces by
  subject (`.parts/`, not served), its dump their concatenation: a rebuild that knows which subjects
  changed rewrites only their pieces, from the previous piece and those subjects' triples, instead
  of reading the whole graph back from disk (20 s per format at 1M quads).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Namespace, URIRef

FORMATS = Namespace("http://www.w3.org/ns/formats/")
CHECKSUMS = "SHA256SUMS"
FOLDER = "dumps"  # below a build's folder
_FORMATS = {"application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG}
# Level 1 compresses the bench's 1M quads 12x at the speed of serializing them; level 6 gains a
# quarter in size for 1.7x the time, paid by every build.
_LEVEL = 1
_CHUNK = 1 << 20
_PARTS = ".parts"  # below a dumps folder: the pieces of graphs written in pieces (not served)
_PIECES = 64
Subject = ox.NamedNode | ox.BlankNode
_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](\S.*)$")  # as sha256sum writes and reads it


@dataclass(frozen=True)
class DumpFormat:
    """A serialization the dumps are written in (always gzip-compressed)."""

    suffix: str
    media_type: str
    format_iri: URIRef
    label: str


NQUADS = DumpFormat("nq.gz", "application/n-quads", FORMATS["N-Quads"], "N-Quads")
TRIG = DumpFormat("trig.gz", "application/trig", FORMATS["TriG"], "TriG")
DATASET_DUMP_FORMATS = (NQUADS, TRIG)
GRAPH_DUMP_FORMATS: tuple[DumpFormat, ...] = (NQUADS, TRIG)


def dump_slug(graph: str) -> str:
    """The file stem of a named graph's dump: its IRI after `/graph/`, with other characters as `_`."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", graph.split("/graph/", 1)[-1]).strip("_")


def dump_path(graph: URIRef | None, fmt: DumpFormat) -> str:
    """Where a dump lives below the dumps folder: `dataset.<fmt>` or `graphs/<slug>.<fmt>`."""
    return f"dataset.{fmt.suffix}" if graph is None else f"graphs/{dump_slug(str(graph))}.{fmt.suffix}"


def dump_files(graph_names: Iterable[URIRef]) -> list[tuple[str, DumpFormat, URIRef | None]]:
    """Every dump of a dataset with these named graphs: (path below the dumps folder, format, graph or None)."""
    files: list[tuple[str, DumpFormat, URIRef | None]] = [(dump_path(None, f), f, None) for f in DATASET_DUMP_FORMATS]
    for graph in sorted(set(graph_names)):
        files += [(dump_path(graph, f), f, graph) for f in GRAPH_DUMP_FORMATS]
    return files


def write_dumps(
    store: ox.Store,
    out: Path,
    previous: Path | None = None,
    unchanged: Iterable[URIRef] = (),
    default_graph: bool = False,
    pieces: Mapping[URIRef, Collection[Subject] | None] | None = None,
) -> list[Path]:
    """Write every dump of `store`'s named graphs into `out` and `SHA256SUMS`; returns the files written.

    The graphs in `unchanged` are linked from the dumps folder `previous` when it has them. With
    `default_graph`, the default graph holds data of its own and the dataset's dumps include it.
    The graphs in `pieces` are written in pieces; with the subjects whose triples changed since
    `previous` (None: not known), only their pieces are written again."""
    graphs = sorted(URIRef(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    reuse = set(unchanged) if previous is not None else set()
    old_sums = read_sums(previous / CHECKSUMS) if previous is not None else {}
    (out / "graphs").mkdir(parents=True, exist_ok=True)
    sums: dict[str, str] = {}
    pieces = pieces or {}
    for graph in graphs:
        if graph in pieces:
            changed = set() if graph in reuse else pieces[graph]
            for fmt, parts in _write_pieces(store, graph, out, previous, changed).items():
                name = dump_path(graph, fmt)
                sums[name] = _concatenate(parts, out / name)
            continue
        for fmt in GRAPH_DUMP_FORMATS:
            name = dump_path(graph, fmt)
            if graph in reuse and name in old_sums and _link(previous / name, out / name):  # type: ignore[operator]
                sums[name] = old_sums[name]
            else:
                sums[name] = _serialize(store, graph, fmt, out / name)
    for fmt in DATASET_DUMP_FORMATS:
        name = dump_path(None, fmt)
        parts = [out / dump_path(g, fmt) for g in graphs]
        if default_graph:
            parts.insert(0, out / f".default.{fmt.suffix}")
            _serialize(store, None, fmt, parts[0])
        sums[name] = _concatenate(parts, out / name)
        if default_graph:
            parts[0].unlink()
    text = "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items()))
    (out / CHECKSUMS).write_text(text, encoding="utf-8")
    return [*(out / name for name in sorted(sums)), out / CHECKSUMS]


def _serialize(store: ox.Store, graph: URIRef | None, fmt: DumpFormat, path: Path) -> str:
    """Write one graph's dump (None: the default graph); returns its SHA-256."""
    name = ox.DefaultGraph() if graph is None else ox.NamedNode(str(graph))
    _write_quads(store.quads_for_pattern(None, None, None, name), fmt, path)
    return _digest(path)


def _piece(subject: Subject) -> int:
    return int.from_bytes(hashlib.blake2b(subject.value.encode(), digest_size=4).digest()) % _PIECES


def _write_pieces(
    store: ox.Store, graph: URIRef, out: Path, previous: Path | None, changed: Collection[Subject] | None
) -> dict[DumpFormat, list[Path]]:
    """Write `graph` in pieces by subject below `out/.parts`; returns each format's pieces in order.

    A piece no changed subject falls in is linked from `previous`; one that some do is the previous
    piece without their triples plus their triples now. Without previous pieces, or without the
    changed subjects, every piece is written from one pass over the graph."""
    node, slug = ox.NamedNode(str(graph)), dump_slug(str(graph))
    (out / _PARTS).mkdir(parents=True, exist_ok=True)
    paths = {fmt: [out / _PARTS / f"{slug}-{k:02d}.{fmt.suffix}" for k in range(_PIECES)] for fmt in GRAPH_DUMP_FORMATS}
    old = {fmt: [previous / _PARTS / p.name for p in ps] for fmt, ps in paths.items()} if previous else None
    if changed is None or old is None or not all(p.is_file() for ps in old.values() for p in ps):
        buckets: list[list[ox.Quad]] = [[] for _ in range(_PIECES)]
        for quad in store.quads_for_pattern(None, None, None, node):
            buckets[_piece(quad.subject)].append(quad)  # type: ignore[arg-type]
        for fmt, ps in paths.items():
            for bucket, path in zip(buckets, ps, strict=True):
                _write_quads(bucket, fmt, path)
        return paths
    by_piece: dict[int, set[Subject]] = {}
    for subject in changed:
        by_piece.setdefault(_piece(subject), set()).add(subject)
    for fmt, ps in paths.items():
        for k, path in enumerate(ps):
            if k not in by_piece:
                _link(old[fmt][k], path)
                continue
            with gzip.open(old[fmt][k], "rb") as handle:
                kept = [q for q in ox.parse(handle, format=_FORMATS[fmt.media_type]) if q.subject not in by_piece[k]]
            now = [q for s in by_piece[k] for q in store.quads_for_pattern(s, None, None, node)]
            _write_quads(kept + now, fmt, path)
    return paths


def _write_quads(quads: Iterable[ox.Quad], fmt: DumpFormat, path: Path) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=_LEVEL, mtime=0) as handle:
        ox.serialize(quads, handle, format=_FORMATS[fmt.media_type])


def _concatenate(parts: list[Path], path: Path) -> str:
    """Join gzip files into one (their members in order); returns its SHA-256."""
    with open(path, "wb") as out:
        if not parts:  # an empty dataset is still a gzip file
            out.write(gzip.compress(b"", mtime=0))
        for part in parts:
            with open(part, "rb") as handle:
                shutil.copyfileobj(handle, out, _CHUNK)
    return _digest(path)


def _link(source: Path, target: Path) -> bool:
    """Hard-link a previous build's file (same file system: the builds share a root); False when it cannot."""
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_sums(path: Path) -> dict[str, str]:
    """The files a SHA256SUMS lists, with their digests ({} when there is none)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return {m.group(2): m.group(1) for m in map(_SUM_LINE.match, lines) if m}

"""The on-disk store: every build in its own directory, `current` switched atomically.

A build is written into `<root>/builds/<id>/` and becomes visible only when the `current`
symlink is replaced (an atomic rename). A failed build leaves `current`, and every process
serving it, exactly as they were.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from proveniens.errors import StoreError
from proveniens.namespaces import BASE

_GENID = BASE + ".well-known/genid/"


def skolemize(graph: Graph) -> Graph:
    """Replace blank nodes by IRIs derived from the graph's canonical labelling, stable across builds."""
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    canonical = to_canonical_graph(graph)
    out = Graph()
    for triple in canonical:
        out.add(tuple(URIRef(_GENID + str(t)) if isinstance(t, BNode) else t for t in triple))  # type: ignore[arg-type]
    return out


@dataclass(frozen=True)
class StoreLayout:
    """The folders below a store root."""

    root: Path

    @property
    def builds(self) -> Path:
        return self.root / "builds"

    @property
    def current(self) -> Path:
        return self.root / "current"

    def current_build(self) -> Path | None:
        """The build being served, or None before the first successful build."""
        return self.current.resolve() if self.current.is_symlink() else None

    def new_build_dir(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = self.builds / f"{stamp}-{os.getpid()}"
        path.mkdir(parents=True)
        return path

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time per store root."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".build.lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise StoreError(f"{self.root}: another build is running. Wait for it to finish.") from err
            yield

    def publish(self, build: Path, keep: int) -> None:
        """Point `current` at `build` atomically, then remove builds older than the newest `keep`."""
        tmp = self.root / f".current-{os.getpid()}"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(build.relative_to(self.root))
        os.replace(tmp, self.current)
        old = sorted(p for p in self.builds.iterdir() if p.is_dir())[:-keep]
        for path in old:
            if path != build:
                shutil.rmtree(path, ignore_errors=True)

    def discard(self, build: Path) -> None:
        shutil.rmtree(build, ignore_errors=True)


def write_graphs(path: Path, graphs: Iterable[tuple[URIRef, Graph]]) -> dict[str, int]:
    """Write named graphs (already skolemized) into a new on-disk store at `path`; returns triples per graph."""
    store = ox.Store(str(path))
    counts: dict[str, int] = {}
    try:
        for name, graph in graphs:
            data = graph.serialize(format="nt", encoding="utf-8")
            store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))
            counts[str(name)] = len(graph)
        store.flush()
        store.optimize()
    finally:
        del store
    return counts


class EmbeddedTarget:
    """Publishes a build as a new on-disk store under `root` and switches `current` to it."""

    def __init__(self, root: Path, keep: int = 3) -> None:
        self.layout = StoreLayout(root)
        self.keep = keep

    def __str__(self) -> str:
        return str(self.layout.root)

    def publish(self, graphs: list[tuple[URIRef, Graph]]) -> dict[str, int]:
        with self.layout.lock():
            build_dir = self.layout.new_build_dir()
            try:
                counts = write_graphs(build_dir, graphs)
            except BaseException:
                self.layout.discard(build_dir)
                raise
            self.layout.publish(build_dir, self.keep)
        return counts


def open_read_only(root: Path) -> ox.Store:
    """Open the current build of a store root for reading (several processes may do this at once)."""
    build = StoreLayout(root).current_build()
    if build is None or not build.is_dir():
        raise StoreError(f"{root}: no build to serve. Run `proveniens build --store {root}` first.")
    try:
        return ox.Store.read_only(str(build))
    except OSError as err:
        raise StoreError(f"{build}: cannot open the store ({err}).") from err

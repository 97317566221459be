"""The on-disk store: every build in its own directory, `current` switched atomically.

A build is written into `<root>/builds/<id>/` and becomes visible only when the `current`
symlink is replaced (an atomic rename). A failed build leaves `current`, and every process
serving it, exactly as they were.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from proveniens.errors import StoreError
from proveniens.namespaces import BASE
from proveniens.storage import build_lock
from proveniens.storage.dumps import FOLDER as DUMPS
from proveniens.storage.dumps import write_dumps
from proveniens.storage.store_writer import DiskWriter, can_fork, extend_with_union, write_whole

_GENID = BASE + ".well-known/genid/"
_PARTIAL = ".partial-"  # prefix of a build directory not yet published
_DISCARD_TRIES = 40


def skolemize(graph: Graph, scope: URIRef) -> Graph:
    """Replace blank nodes by IRIs derived from the graph's canonical labelling, stable across builds.

    The canonical labels start afresh in every graph ("cb0", …), so the IRIs carry a digest of `scope`
    (the graph's name): two graphs' blank nodes must not become one resource in the store."""
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    canonical = to_canonical_graph(graph)
    prefix = f"{_GENID}{hashlib.sha256(str(scope).encode()).hexdigest()[:12]}/"
    out = Graph()
    for triple in canonical:
        out.add(tuple(URIRef(prefix + str(t)) if isinstance(t, BNode) else t for t in triple))  # type: ignore[arg-type]
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
        if not self.current.is_symlink():
            return None
        try:
            return self.current.resolve()
        except (RuntimeError, OSError) as err:  # a link loop: RuntimeError before Python 3.13, OSError after
            raise StoreError(
                f"{self.current}: this link cannot be followed ({err}). Point it at a build folder in "
                f"{self.builds}, or remove it and run `proveniens build --store {self.root}`."
            ) from err

    def new_build_dir(self, create: bool = True) -> Path:
        """An empty directory for a new build (or only its name, for a checkpoint to create), named as
        incomplete until `publish` renames it.

        A build killed before it published leaves only such a directory, which is never counted as a
        build and is removed by the next publish."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = self.builds / f"{_PARTIAL}{stamp}-{os.getpid()}"
        self.builds.mkdir(parents=True, exist_ok=True)
        if create:
            path.mkdir()
        return path

    def complete_builds(self) -> list[Path]:
        """The builds that were published, oldest first."""
        return sorted(p for p in self.builds.iterdir() if p.is_dir() and not p.name.startswith("."))

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

    def publish(self, build: Path, keep: int) -> Path:
        """Mark `build` complete, point `current` at it atomically, then prune; returns its final path.

        Call it holding `lock()`: pruning removes what other, dead, builds left half-written."""
        final = self.builds / build.name.removeprefix(_PARTIAL)
        os.rename(build, final)
        tmp = self.root / f".current-{os.getpid()}"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(final.relative_to(self.root))
        os.replace(tmp, self.current)
        self._prune(keep)
        return final

    def _prune(self, keep: int) -> None:
        """Remove complete builds older than the newest `keep`, and incomplete ones whose process is gone.

        The build `current` points at is never removed, whatever its age, nor one a query worker has open
        (`build_lock`)."""
        current = self.current_build()
        for path in self.complete_builds()[:-keep]:
            if path != current:
                build_lock.remove_unless_held(path)  # a build a query worker still has open stays, for now
        for path in self.builds.glob(_PARTIAL + "*"):
            pid = path.name.rsplit("-", 1)[-1]
            if not (pid.isdigit() and _process_alive(int(pid))):
                shutil.rmtree(path, ignore_errors=True)

    def discard(self, build: Path) -> None:
        """Remove a refused build's directory.

        A store the failed build still holds (its frames live on in the traceback) may finish a flush or a
        compaction while the directory is removed, leaving a new file behind: the removal is repeated until
        the directory is gone. A directory the store can no longer write into cannot come back."""
        for _ in range(_DISCARD_TRIES):
            shutil.rmtree(build, ignore_errors=True)
            if not build.exists():
                return
            time.sleep(0.05)


def _process_alive(pid: int) -> bool:
    """Whether a process with this id exists (this one counts: its build is still being written)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True


def build_query(name: str) -> str:
    """A query of `queries/candidate/` (the build's own look-ups in the candidate store), read as package data."""
    return resources.files("proveniens.queries").joinpath("candidate", name).read_text(encoding="utf-8")


def _nt(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


class Candidate:
    """A build being written: a store in a directory no reader looks at until it is published.

    Loaders' graphs (rdflib, already skolemized) and RDF sources (parsed by pyoxigraph) are written
    here; validation reads it; then the directory is published as a whole or discarded as a whole.

    A build that starts empty (`in_memory`) is written into memory and goes to disk once, when it
    is persisted (by a second process while the build goes on, when asked: `write_in_background`),
    with the union of its named graphs as the default graph (`store_writer.extend_with_union`):
    validation, the lineage index, the links and VoID's numbers look nodes up one by one, which
    costs 3-4x on disk, and a full build reads everything. An incremental build starts from a
    checkpoint of the one served and stays on disk, where it changes little.
    """

    def __init__(self, path: Path, in_memory: bool = False) -> None:
        self.path = path
        self.in_memory = in_memory
        self.store = ox.Store() if in_memory else ox.Store(str(path))
        self.writer: DiskWriter | None = None
        self.written: set[URIRef] = set()  # the graphs the writer writes
        # A build that changed a few triples of a checkpoint leaves compaction to the store's own
        # background work: compacting it whole rewrites every file (5 s at 1M quads).
        self.compact = True

    def replace_graph(self, name: URIRef, graph: Graph) -> int:
        """Put `graph` in place of whatever graph `name` held; returns its size."""
        node = ox.NamedNode(str(name))
        self.store.remove_graph(node)
        self.store.load(_nt(graph), format=ox.RdfFormat.N_TRIPLES, to_graph=node)
        return len(graph)

    def add(self, name: URIRef, graph: Graph) -> None:
        """Add `graph` to what graph `name` already holds."""
        self.store.load(_nt(graph), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))

    def drop_graph(self, name: URIRef) -> None:
        self.store.remove_graph(ox.NamedNode(str(name)))

    def graph_names(self) -> set[URIRef]:
        return {URIRef(g.value) for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}

    def size(self, name: URIRef) -> int:
        """Triples in graph `name`, as the store holds them (a file's repeated triples count once)."""
        rows = self.store.query(build_query("graph_size.rq"), default_graph=ox.NamedNode(str(name)))
        return int(next(iter(rows))["triples"].value)  # type: ignore[arg-type]

    def write_in_background(self, adds: frozenset[URIRef]) -> None:
        """Start writing a candidate held in memory to its directory in a second process (`store_writer`), when
        this process can fork; the graphs `adds` are added later, by `add_handed`, and written by it too.

        The graphs the candidate holds now must not change afterwards; those written later (other
        than `adds`) go to disk when it is persisted."""
        if self.in_memory and can_fork():
            self.written = self.graph_names() | adds
            self.writer = DiskWriter(self.store, self.path)

    def add_handed(self, quads: list[ox.Quad]) -> None:
        """Add quads of the graphs `write_in_background` named to this candidate, and hand them to its writer."""
        self.store.bulk_extend(quads)
        if self.writer is not None:
            self.writer.hand(quads)

    def persist(self) -> None:
        """Write a candidate held in memory to its directory, once, with the union of its named graphs as the
        default graph; what is written later goes to disk."""
        if not self.in_memory:
            return
        if self.writer is None:
            write_whole(self.store, self.path)
            disk = ox.Store(str(self.path))
        else:
            self.writer.wait()
            disk = ox.Store(str(self.path))
            later = [ox.NamedNode(g) for g in sorted(self.graph_names() - self.written)]
            extend_with_union(disk, self.store, [*later, ox.DefaultGraph()])
        self.store, self.in_memory, self.compact = disk, False, False

    def abandon(self) -> None:
        """Stop writing a build that will not be published, and let go of its on-disk store, so nothing
        writes into its directory while it is removed."""
        if self.writer is not None:
            self.writer.cancel()
        self.store = ox.Store()

    def close(self) -> None:
        """Make everything durable (and compact, unless `compact` was turned off) before the directory is published."""
        self.persist()
        self.store.flush()
        if self.compact:
            self.store.optimize()
        del self.store


def checkpoint(previous: Path, target: Path) -> None:
    """Copy the build at `previous` to `target` (which must not exist) as hard links to its immutable files.

    This is how an incremental build starts from the one being served, at the cost of a directory
    listing rather than of the data."""
    ox.Store.read_only(str(previous)).backup(str(target))


def _store_error(root: Path, err: BaseException) -> StoreError:
    return StoreError(
        f"{root}: cannot write a build there ({err}). Check that it is a writable folder on a "
        "local disk, with room left, and that no link in it points to itself."
    )


class EmbeddedTarget:
    """Publishes a build as a new on-disk store under `root` and switches `current` to it."""

    def __init__(self, root: Path, keep: int = 3) -> None:
        self.layout = StoreLayout(root)
        self.keep = keep

    def __str__(self) -> str:
        return str(self.layout.root)

    @contextmanager
    def candidate(self, reuse_current: bool = False) -> Iterator[tuple[Candidate, Path | None]]:
        """A new build directory, optionally a checkpoint of the current build; published when the block ends.

        Yields the candidate and the build it started from (None for an empty start). An exception in
        the block (a source error, a validation failure) discards the directory: `current` never moves.
        """
        in_block = False
        candidate: Candidate | None = None
        try:
            with self.layout.lock():
                previous = self.layout.current_build() if reuse_current else None
                path = self.layout.new_build_dir(create=previous is None)
                try:
                    if previous is not None:
                        checkpoint(previous, path)  # creates the directory: it never stands empty or absent
                    candidate = Candidate(path, in_memory=previous is None)
                    in_block = True
                    yield candidate, previous
                    in_block = False
                    candidate.close()
                except BaseException:
                    if candidate is not None:
                        candidate.abandon()
                    self.layout.discard(path)
                    raise
                self.layout.publish(path, self.keep)
        except (OSError, RuntimeError) as err:  # the file system refused, or the new store could not be written
            if in_block:  # the caller's own error (a loader's, say), not the store's
                raise
            raise _store_error(self.layout.root, err) from err

    def publish(self, graphs: list[tuple[URIRef, Graph]]) -> dict[str, int]:
        """Write these named graphs (already skolemized), and their union as the default graph, as a new build
        and switch to it."""
        with self.candidate() as (candidate, _):  # in memory: persisted with its union
            sizes = {str(name): candidate.replace_graph(name, graph) for name, graph in graphs}
            write_dumps(candidate.store, candidate.path / DUMPS)
            return sizes


def open_read_only(root: Path) -> ox.Store:
    """Open the current build of a store root for reading (several processes may do this at once)."""
    build = StoreLayout(root).current_build()
    if build is None:
        raise StoreError(f"{root}: no build to serve. Run `proveniens build --store {root}` first.")
    if not build.is_dir():
        raise StoreError(
            f"{root}/current points at {build}, which is not a build folder. Run `proveniens build --store {root}`."
        )
    try:
        return ox.Store.read_only(str(build))
    except (OSError, RuntimeError) as err:  # RocksDB reports damaged files as RuntimeError("Corruption: …")
        raise StoreError(
            f"{build}: the store's files are missing or damaged ({err}). Rebuild it from the sources with "
            f"`proveniens build --store {root}`, or point {root}/current at an earlier build."
        ) from err

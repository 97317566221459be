"""A candidate held in memory written to disk by a second process, while the build goes on.

Writing a million-quad store with the bulk loader takes about as long as validating it (1M bench
graph: 17 s and 13 s). A full build holds its candidate in memory, and nothing validation reads
changes once the sources are loaded, so a forked child writes that state (copy-on-write: it sees
the store as it was at the fork, whatever the build writes afterwards) while the parent validates
and describes it. The graphs the parent writes after the fork go to disk after the child is done.

The child also computes the quads the build adds to every candidate before writing it (the lineage
index: 2.7 s of Python at 1M, and 1.4 s to insert them), adds them to its copy and hands them to the
parent as an N-Quads file, which the parent reads in when it gets there (`DiskWriter.added`), so
the index is computed once, not in both processes.

A refused build stops the child; its directory is discarded with the candidate, as before.

Only a process whose threads are all Python's forks (`can_fork`): a fork copies the caller's
thread only, and RocksDB's background threads, started by any on-disk store this process opened
before, are missing in the child, whose first flush then waits for them forever. Python's own
threads (the command line's progress display) are the ordinary case of a multiprocessing fork.
Elsewhere the candidate is written in the foreground, after the build, as without this module.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.synchronize import Event
from pathlib import Path

import pyoxigraph as ox

from proveniens.errors import StoreError

_FORK = multiprocessing.get_context("fork")
CHUNK = 200_000  # quads handed to the bulk loader at a time


def can_fork() -> bool:
    """Whether every thread of this process is one Python started (Linux: `/proc/self/task`); elsewhere, never."""
    try:
        threads = {int(name) for name in os.listdir("/proc/self/task")}
    except OSError:
        return False
    return threads <= {thread.native_id for thread in threading.enumerate()}


def extend_with_union(disk: ox.Store, store: ox.Store, graphs: Iterable[ox.NamedNode | ox.DefaultGraph]) -> None:
    """Add the quads of these graphs of `store` to `disk` by its bulk loader, `CHUNK` at a time, and each named
    graph's triples also to its default graph: the union of the named graphs (`union_graph`), each triple once,
    as the store keeps a quad once however often it is given.

    The copies are made a chunk at a time, as a list: a generator testing every quad's graph cost 2.6 s of
    CPU per 300,000 quads against 1.5 s. The chunk is let go before its copies are loaded: the loader
    and two lists of 200,000 quads at once were the writer's peak."""
    for graph in graphs:
        quads = store.quads_for_pattern(None, None, None, graph)
        while chunk := list(islice(quads, CHUNK)):
            disk.bulk_extend(chunk)
            if isinstance(graph, ox.DefaultGraph):
                continue
            copies = [ox.Quad(q.subject, q.predicate, q.object) for q in chunk]
            del chunk
            disk.bulk_extend(copies)
            del copies


def write_whole(store: ox.Store, path: Path) -> None:
    """Every quad of `store`, with the union of its named graphs as the default graph (`extend_with_union`), into
    a new on-disk store at `path`, by the bulk loader, then compacted.

    Written here, the union costs the build no second copy of every triple in memory (at 1M, 1.5M
    quads more, and the build's peak past 2 GiB) and no pass of its own over the candidate.

    The bulk loader holds what it is given until it has sorted it: handed all 1.5M quads of the 1M
    bench build at once it took 850 MiB more, in `CHUNK`s 230 MiB (and 2 s more, 16 s against 14).
    Its files' keys then overlap, and an incremental build starting from them looked each key up in
    every one (1M: validation 7.5-9.7 s instead of 2.6-3.4 s); compacted (4 s), it reads them as it
    reads a build written quad by quad."""
    disk = ox.Store(str(path))
    extend_with_union(disk, store, [*store.named_graphs(), ox.DefaultGraph()])
    disk.flush()
    disk.optimize()


def _child(
    store: ox.Store, path: Path, prepare: Callable[[ox.Store], list[ox.Quad]], shared: Path, ready: Event
) -> None:
    added = prepare(store)
    store.bulk_extend(added)
    ox.serialize(added, str(shared), ox.RdfFormat.N_QUADS)  # its blank nodes keep their names (ox.parse)
    ready.set()
    write_whole(store, path)


class DiskWriter:
    """The child writing `store`, with the quads `prepare` computes on the child's copy, to `path`."""

    def __init__(self, store: ox.Store, path: Path, prepare: Callable[[ox.Store], list[ox.Quad]]) -> None:
        self.path = path
        handle, name = tempfile.mkstemp(prefix="proveniens-added-", suffix=".nq")
        os.close(handle)
        self.shared = Path(name)
        self.ready = _FORK.Event()
        self.process = _FORK.Process(
            target=_child, args=(store, path, prepare, self.shared, self.ready), name="proveniens-store-writer"
        )
        self.process.start()

    def added(self) -> Iterator[ox.Quad]:
        """The quads `prepare` computed in the child, once it has them; read once (the file is removed)."""
        while not self.ready.wait(0.1):
            if not self.process.is_alive():
                self.wait()  # raises: the child died before it had them
        try:
            yield from ox.parse(path=str(self.shared), format=ox.RdfFormat.N_QUADS)
        finally:
            self.shared.unlink(missing_ok=True)

    def wait(self) -> None:
        """Block until the child has written everything; a child that failed is the store's error."""
        self.process.join()
        if self.process.exitcode != 0:
            raise StoreError(
                f"{self.path}: the process writing the build to disk failed (exit code {self.process.exitcode}). "
                "Check that the folder is writable and the disk has room, then build again."
            )

    def cancel(self) -> None:
        """Stop the child (a refused or failed build), whatever it was doing."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.shared.unlink(missing_ok=True)

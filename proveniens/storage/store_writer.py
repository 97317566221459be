"""A candidate held in memory written to disk by a second process, while the build goes on.

Writing a million-quad store with the bulk loader takes about as long as validating it (1M bench
graph: 17 s and 13 s). A full build holds its candidate in memory, and nothing validation reads
changes once the sources are loaded, so a forked child writes that state (copy-on-write: it sees
the store as it was at the fork, whatever the build writes afterwards) while the parent validates
and describes it. The graphs the parent writes after the fork go to disk after the child is done.

Some graphs are added after validation, when the build knows it will be published (the lineage
index: 460,000 quads at 1M). The parent computes them and hands them to the child as an N-Quads file
(`DiskWriter.hand`); the child writes every other graph meanwhile, then those. Computed in the child,
as they first were, they cost the writer, the longer of the two processes, 2-4 s of CPU at 1M, and
grew its copy of the store by the quads it added there before writing them.

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
from collections.abc import Iterable, Iterator
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
    """Add the quads of these graphs of `store` to `disk` (`write_with_union`), each named graph's triples also
    to its default graph: the union of the named graphs (`union_graph`)."""
    for graph in graphs:
        quads = store.quads_for_pattern(None, None, None, graph)
        write_with_union(disk, quads, union=not isinstance(graph, ox.DefaultGraph))


def write_with_union(disk: ox.Store, quads: Iterator[ox.Quad], union: bool = True) -> None:
    """Add `quads` to `disk` by its bulk loader, `CHUNK` at a time, and with `union` the same triples to its
    default graph, each triple once, as the store keeps a quad once however often it is given.

    The copies are made a chunk at a time, as a list: a generator testing every quad's graph cost 2.6 s of
    CPU per 300,000 quads against 1.5 s. The chunk is let go before its copies are loaded: the loader
    and two lists of 200,000 quads at once were the writer's peak. Handing a chunk and its copies to
    the loader in one call does not make the copies cheaper (it writes every term of every quad it is
    given, whatever the graph): 400,000 quads and their copies, three rounds each, 5.7-6.1 s of CPU
    apart, 5.8-7.2 s together."""
    while chunk := list(islice(quads, CHUNK)):
        disk.bulk_extend(chunk)
        if not union:
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


def _child(store: ox.Store, path: Path, shared: Path, handed: Event, parent: int) -> None:
    disk = ox.Store(str(path))
    extend_with_union(disk, store, [*store.named_graphs(), ox.DefaultGraph()])
    while not handed.wait(0.5):
        if os.getppid() != parent:  # the build died without stopping this process
            os._exit(1)
    write_with_union(disk, ox.parse(path=str(shared), format=ox.RdfFormat.N_QUADS))  # blank nodes keep their names
    disk.flush()
    disk.optimize()  # see write_whole


class DiskWriter:
    """The child writing `store` to `path`, and the quads handed to it later (`hand`)."""

    def __init__(self, store: ox.Store, path: Path) -> None:
        self.path = path
        handle, name = tempfile.mkstemp(prefix="proveniens-added-", suffix=".nq")
        os.close(handle)
        self.shared = Path(name)
        self.handed = _FORK.Event()
        self.process = _FORK.Process(
            target=_child, args=(store, path, self.shared, self.handed, os.getpid()), name="proveniens-store-writer"
        )
        self.process.start()

    def hand(self, quads: Iterable[ox.Quad]) -> None:
        """Give the child the quads the build adds after the fork, to write after everything else; once."""
        ox.serialize(quads, str(self.shared), ox.RdfFormat.N_QUADS)
        self.handed.set()

    def wait(self) -> None:
        """Block until the child has written everything (with nothing more, if nothing was handed); a child that
        failed is the store's error."""
        if not self.handed.is_set():
            self.hand([])
        self.process.join()
        self.shared.unlink(missing_ok=True)
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

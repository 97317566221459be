"""Readers' locks on build folders: a publish never removes a build a query worker has open.

Each query worker keeps a shared `flock` on the folder of the build it has open and drops it when it
moves to the next; pruning takes the lock exclusively, without waiting, and leaves a build still in
use to the next publish. RocksDB opens a read-only store's files as it needs them, so a build removed
under a reader fails that reader's next queries (with PROVENIENS_KEEP_BUILDS=1 the previous build
goes at once, while replicas may still be answering from it). A lock on the folder itself needs no
file in it, so read-only replicas can take it, and builds made before these locks are covered too.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path


def hold(build: Path | str) -> int:
    """A descriptor holding a shared lock on `build`; OSError if it is gone or being removed."""
    fd = os.open(build, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # BlockingIOError while a publish removes it
        if os.stat(build).st_ino != os.fstat(fd).st_ino:  # removed (and perhaps made anew) before the lock
            raise FileNotFoundError(f"{build} was removed")
    except BaseException:
        os.close(fd)
        raise
    return fd


def release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


def remove_unless_held(build: Path) -> bool:
    """Remove `build` unless a reader holds it; True if it is gone."""
    try:
        fd = os.open(build, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # a replica's worker answers from it: the next publish removes it
    else:
        shutil.rmtree(build, ignore_errors=True)
        return True
    finally:
        os.close(fd)

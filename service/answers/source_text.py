"""The verbatim text of a source document, read from the sources folder for the source viewer.

Only a plain file name the graph knows is looked up (the caller checks the graph first); the file is
found below the sources folder by that exact name, and its SHA-256 is compared with the build's.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$")


@dataclass(frozen=True)
class SourceText:
    lines: tuple[str, ...]
    found: bool
    matches_build: bool  # False when the file on disk is not the one the build read


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name)) and ".." not in name


def _find(folder: Path, name: str) -> Path | None:
    if not folder.is_dir():
        return None
    for path in sorted(folder.rglob(name)):
        relative = path.relative_to(folder)
        if path.is_file() and path.name == name and not any(p.startswith(".") for p in relative.parts):
            return path
    return None


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int, size: int) -> tuple[tuple[str, ...], str]:
    data = path.read_bytes()
    return tuple(data.decode("utf-8", errors="replace").splitlines()), hashlib.sha256(data).hexdigest()


def read(folder: Path, name: str, sha256: str | None) -> SourceText:
    """The lines of source file `name` below `folder`; `found` is False when the folder lacks it."""
    if not valid_name(name):
        return SourceText((), False, False)
    path = _find(folder, name)
    if path is None:
        return SourceText((), False, False)
    stat = path.stat()
    lines, digest = _read(path, stat.st_mtime_ns, stat.st_size)
    return SourceText(lines, True, sha256 is None or digest == sha256)

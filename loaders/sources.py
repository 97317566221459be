"""Finding source files, fingerprinting them and giving each a stable IRI and named graph."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path

from rdflib import URIRef

from proveniens.errors import SourceError
from proveniens.loaders.rdf_sources import RdfSource, rdf_suffix, read_rdf_source
from proveniens.namespaces import GRAPH, SOURCE


class SourceKind(Enum):
    """What a file is, decided by its extension."""

    DOCUMENT = "document"  # verbatim text (minutes, reports, remiss responses) or a record (Riksdagen's JSON, XML)
    CURATED = "curated"  # a curator's YAML file of facts with evidence


_KINDS = {
    ".txt": SourceKind.DOCUMENT,
    ".json": SourceKind.DOCUMENT,
    ".xml": SourceKind.DOCUMENT,
    ".yaml": SourceKind.CURATED,
    ".yml": SourceKind.CURATED,
}
_DOCUMENTATION = {".md"}


@dataclass(frozen=True)
class SourceFile:
    """One source file, read once; `lines[0]` is line 1."""

    path: Path
    kind: SourceKind
    sha256: str
    text: str
    lines: tuple[str, ...] = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def line_at(self, offset: int) -> int:
        """The 1-based line holding character `offset` of `text` (for citation and evidence spans)."""
        return bisect.bisect_left(self._newlines, max(offset, 0)) + 1

    @cached_property
    def _newlines(self) -> tuple[int, ...]:
        """Offsets of the line ends, found once: a long document gets many evidence spans."""
        return tuple(m.start() for m in re.finditer("\n", self.text))

    @property
    def iri(self) -> URIRef:
        return SOURCE[self.name]

    @property
    def graph_iri(self) -> URIRef:
        prefix = "curated/" if self.kind is SourceKind.CURATED else ""
        return GRAPH[prefix + self.name]


@dataclass(frozen=True)
class SourceSet:
    """The files of a sources folder, by file name, plus the files that were not recognised.

    Text and YAML files are read into memory (loaders cite their lines); RDF files are only
    fingerprinted here and parsed straight into the store by the build."""

    files: tuple[SourceFile, ...]
    skipped: tuple[Path, ...]
    rdf: tuple[RdfSource, ...] = ()
    root: Path | None = None  # the folder they were found in (its curated/knowledge/ is what the loaders know)

    def by_name(self, name: str) -> SourceFile | None:
        return next((f for f in self.files if f.name == name), None)


def read_source(path: Path, kind: SourceKind) -> SourceFile:
    """Read a file as UTF-8; a file that is not UTF-8 is a source error, not a crash."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        # Say where a person finds the byte in an editor: line, and column in characters, not a file offset.
        line_start = data.rfind(b"\n", 0, err.start) + 1
        column = len(data[line_start : err.start].decode("utf-8", errors="replace")) + 1
        raise SourceError(
            path,
            data.count(b"\n", 0, err.start) + 1,
            f"is not UTF-8 text: byte 0x{data[err.start]:02x} at column {column} cannot be decoded.",
            "Save the file as UTF-8.",
        ) from err
    return SourceFile(path, kind, hashlib.sha256(data).hexdigest(), text, tuple(text.splitlines()))


def find_sources(folder: Path) -> SourceSet:
    """All source files below `folder`, in a stable order; file names must be unique (evidence cites them)."""
    if not folder.is_dir():
        raise SourceError(folder, None, "is not a folder.", "Pass --sources a folder of .txt and .yaml files.")
    files: list[SourceFile] = []
    rdf: list[RdfSource] = []
    skipped: list[Path] = []
    seen: dict[str, Path] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        suffix = path.suffix.lower()
        if suffix in _DOCUMENTATION:
            continue
        kind = _KINDS.get(suffix)
        is_rdf = rdf_suffix(path) is not None
        if kind is None and not is_rdf:
            skipped.append(path)
            continue
        if path.name in seen:
            raise SourceError(
                path, None, f"has the same file name as {seen[path.name]}.", "Evidence cites files by name: rename one."
            )
        seen[path.name] = path
        if kind is None:
            rdf.append(read_rdf_source(path))
        else:
            files.append(read_source(path, kind))
    if not files and not rdf:
        raise SourceError(
            folder, None, "holds no .txt or .yaml source files, nor RDF files.", "Point --sources at the corpus."
        )
    return SourceSet(tuple(files), tuple(skipped), tuple(rdf), folder)

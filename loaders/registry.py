"""Choosing a document's loader by what the document says, never by its file name.

Each kind loader (minutes, remiss response, report, …) says whether it recognises a document and,
if so, reads facts out of it. A document no loader recognises is still registered as a source
(so evidence can cite it) and is reported with the reason; the rest of the build goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib import Graph, URIRef

from proveniens.errors import SourceError
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.remiss.loader import RemissLoader
from proveniens.loaders.reports.loader import ReportLoader
from proveniens.loaders.riksdagen.loader import RiksdagenLoader
from proveniens.loaders.source_description import describe_source
from proveniens.loaders.sources import SourceFile


@dataclass
class LoadedDocument:
    """The facts a kind loader read from one document, and the line each subject came from."""

    graph: Graph
    origins: dict[URIRef, int] = field(default_factory=dict)


class DocumentLoader(Protocol):
    """A loader for one kind of document."""

    name: str
    version: str

    def recognise(self, source: SourceFile) -> bool:
        """Whether this document is of the loader's kind, judged from its content."""
        ...

    def load(self, source: SourceFile) -> LoadedDocument:
        """Read the facts, each with evidence pointing at `source` lines."""
        ...


LOADERS: tuple[DocumentLoader, ...] = (MinutesLoader(), RemissLoader(), ReportLoader(), RiksdagenLoader())


@dataclass(frozen=True)
class Unread:
    """A document whose facts were not read, and why; it is still registered as a source."""

    path: Path
    reason: str


def read_facts(
    source: SourceFile, loaders: tuple[DocumentLoader, ...] = LOADERS
) -> tuple[DocumentLoader, LoadedDocument] | Unread:
    """The loader that recognises `source` and what it read; or why nothing was read.

    A loader that fails on a document (a text shaped as no test foresaw) loses that document's facts,
    not the build's: the failure is reported with the document, as an unrecognised one is.
    """
    try:
        loader = choose_loader(source, loaders)
    except SourceError as err:
        return Unread(source.path, str(err))
    if loader is None:
        return Unread(source.path, f"no loader recognises its kind (tried {', '.join(x.name for x in loaders)})")
    try:
        loaded = loader.load(source)
        describe_source(loaded.graph, source.iri)
        return loader, loaded
    except Exception as err:
        return Unread(source.path, f"the {loader.name} loader could not read it: {type(err).__name__}: {err}")


def choose_loader(source: SourceFile, loaders: tuple[DocumentLoader, ...] = LOADERS) -> DocumentLoader | None:
    """The one loader that recognises `source`, None if none does; two at once is an error to fix in code.

    A Riksdagen record is claimed before the prose loaders look at it: its opening names its kind, and
    its words are data (a betänkande's text reads much like a remiss response to a prose reader)."""
    if any(isinstance(x, RiksdagenLoader) and x.recognise(source) for x in loaders):
        return next(x for x in loaders if isinstance(x, RiksdagenLoader))
    matches = [loader for loader in loaders if loader.recognise(source)]
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        raise SourceError(source.path, None, f"is recognised by several loaders ({names}).", "Make one stricter.")
    return matches[0] if matches else None

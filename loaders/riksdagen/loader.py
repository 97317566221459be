"""Riksdagen's open-data records: `dokumentstatus` (JSON or XML) and `votering` (JSON).

Recognised by content, like every kind loader: the record's root is `dokumentstatus` or
`dokvotering`, whatever the file is called. A record cut off or otherwise malformed is an error
naming the file and line (`record.py`); the build reports it with the document and goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from proveniens import __version__
from proveniens.errors import SourceError
from proveniens.loaders.facts import Facts
from proveniens.loaders.riksdagen.documents import write_dokumentstatus
from proveniens.loaders.riksdagen.record import read_record
from proveniens.loaders.riksdagen.votes import write_votering
from proveniens.loaders.sources import SourceFile

if TYPE_CHECKING:
    from proveniens.loaders.registry import LoadedDocument

LOADER = "riksdagen"

# The opening of a record: JSON's first member name, or XML's root element (after a declaration).
_OPENING = re.compile(
    r'\A\ufeff?\s*(?:\{\s*"(?:dokumentstatus|dokvotering)"\s*:|(?:<\?xml[^>]*\?>\s*)?<dokumentstatus>)'
)


@dataclass
class RiksdagenLoader:
    """Loader for the Riksdag's own records of its documents, decisions and votes."""

    name: str = LOADER
    version: str = __version__

    def recognise(self, source: SourceFile) -> bool:
        return _OPENING.match(source.text[:512]) is not None

    def load(self, source: SourceFile) -> LoadedDocument:
        root, record = read_record(source.path, source.text)
        f = Facts(source, self.name)
        if root == "dokumentstatus":
            write_dokumentstatus(f, record)
        elif root == "dokvotering":
            write_votering(f, record)
        else:
            raise SourceError(source.path, 1, f"is a Riksdagen record of a kind not read ({root}).")
        return f.out

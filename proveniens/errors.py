"""The product's error tree. Every error says what went wrong, where, and how to fix it.

ProveniensError
├── SourceError        a source file cannot be read or is malformed (file, line)
├── EvidenceError      an evidence quote is not found at its cited lines
├── ValidationFailed   SHACL violations block the build (carries the report)
├── StoreError         the store is missing, locked or unreadable
└── QueryError         a named query is unknown or its parameters are wrong
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proveniens.checks.validation import ValidationReport


class ProveniensError(Exception):
    """Base class; `status` is the HTTP status the service answers with."""

    status = 500


class SourceError(ProveniensError):
    """A source file is unreadable or does not follow its format."""

    status = 400

    def __init__(self, file: Path | str, line: int | None, what: str, fix: str = "") -> None:
        self.file = str(file)
        self.line = line
        self.what = what
        self.fix = fix
        where = f"{self.file}:{line}" if line else self.file
        super().__init__(f"{where}: {what}" + (f" {fix}" if fix else ""))


class EvidenceError(SourceError):
    """An evidence quote does not occur at the lines it cites."""


class ValidationFailed(ProveniensError):
    """The candidate build violates the shapes; nothing was published."""

    status = 422

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(report.summary())


class StoreError(ProveniensError):
    """The store cannot be opened or switched."""

    status = 503


class QueryError(ProveniensError):
    """A named query is unknown or called with bad parameters."""

    status = 400

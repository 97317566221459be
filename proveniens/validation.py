"""SHACL validation of a candidate build, reported so a curator can act on it.

Every result names the file and line the offending resource came from, the rule (shape) it broke,
the value, and the shape's own message in Swedish and English. Violations block a build; warnings
are reported and let it through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any
from unittest import mock

from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.term import Node

from proveniens.namespaces import SH


class Severity(Enum):
    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True)
class Origin:
    """Where a resource was written: a file and, when known, a line."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Finding:
    """One SHACL result in plain words."""

    severity: Severity
    origin: Origin | None
    focus: str
    path: str | None
    value: str | None
    shape: str | None
    message_sv: str
    message_en: str

    def render(self) -> str:
        where = str(self.origin) if self.origin else "(unknown source)"
        what = f"<{self.focus}>" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        rule = f" [rule {self.shape}]" if self.shape else ""
        return (
            f"{where}: {self.severity.value}: {what}{value}{rule}\n    en: {self.message_en}\n    sv: {self.message_sv}"
        )


@dataclass(frozen=True)
class ValidationReport:
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.VIOLATION)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is not Severity.VIOLATION)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        head = f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s)"
        return "\n".join([head, *(f.render() for f in self.violations)])


def _message(results: Graph, shapes: Graph, result: Node, lang: str) -> str:
    """The result's message in `lang`.

    pyshacl drops the language tags of SPARQL-based constraints' messages when it fills in their
    placeholders, so for those the tagged `sh:message` is taken from the shape and filled in here.
    """
    messages = [m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    for m in messages:
        if m.language == lang:
            return str(m)
    for source in (results.value(result, SH.sourceConstraint), results.value(result, SH.sourceShape)):
        tagged = [m for m in shapes.objects(source, SH.message) if isinstance(m, Literal) and m.language == lang]
        if source is not None and tagged:
            text = str(tagged[0])
            fill = {
                "this": results.value(result, SH.focusNode),
                "value": results.value(result, SH.value),
                "path": results.value(result, SH.resultPath),
            }
            for name, node in fill.items():
                for mark in ("?", "$"):
                    text = text.replace("{" + mark + name + "}", str(node) if node is not None else "")
            return text
    return str(messages[0]) if messages else ""


def _short(node: Node | None) -> str | None:
    """A node as text; a blank node (an anonymous path or shape) says nothing to a reader, so None."""
    return None if node is None or isinstance(node, BNode) else str(node)


def _rule(shapes: Graph, shape: Node | None) -> str | None:
    """Name the broken rule: a named shape's IRI, or for an anonymous property shape its owner and name."""
    if shape is None:
        return None
    if isinstance(shape, URIRef):
        return str(shape)
    owner = shapes.value(None, SH.property, shape)
    names = [n for n in shapes.objects(shape, SH.name) if isinstance(n, Literal)]
    name = next((str(n) for n in names if n.language == "en"), str(names[0]) if names else "")
    return " / ".join(x for x in (str(owner) if owner is not None else "", name) if x) or None


@lru_cache(maxsize=256)
def _translated(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Any:
    return translateQuery(parseQuery(text), base, dict(namespaces))


@contextmanager
def sparql_parsed_once() -> Iterator[None]:
    """Parse each SHACL-SPARQL query once instead of once per focus node.

    pyshacl hands rdflib the same query text for every focus node and rdflib parses it anew each
    time (about 20 ms): half of a corpus build's validation time. Bindings are applied at evaluation,
    so reusing the translated algebra leaves results unchanged.
    """
    original = SPARQLProcessor.query

    def query(
        self: SPARQLProcessor,
        strOrQuery: Any,
        initBindings: Any = None,
        initNs: Any = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Any:
        if isinstance(strOrQuery, str):
            strOrQuery = _translated(strOrQuery, base, tuple(sorted((initNs or {}).items())))
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    with mock.patch.object(SPARQLProcessor, "query", query):
        yield


def verify_graph(data: Graph, shapes: Graph, ontology: Graph, origins: dict[Node, Origin]) -> ValidationReport:
    """Validate `data` (with the ontology mixed in for subclass reasoning) against `shapes`."""
    with sparql_parsed_once():
        _, results, _ = _validate(data, shapes, ontology)
    return _report(results, shapes, origins)


def _validate(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, Graph, str]:
    return validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        advanced=True,
        allow_warnings=True,
        abort_on_first=False,
    )


def _report(results: Graph, shapes: Graph, origins: dict[Node, Origin]) -> ValidationReport:
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        findings.append(
            Finding(
                severity=Severity(str(severity).rsplit("#", 1)[-1]) if severity else Severity.VIOLATION,
                origin=origins.get(focus) if focus is not None else None,
                focus=str(focus),
                path=_short(results.value(result, SH.resultPath)),
                value=_short(results.value(result, SH.value)),
                shape=_rule(shapes, results.value(result, SH.sourceShape)),
                message_sv=_message(results, shapes, result, "sv"),
                message_en=_message(results, shapes, result, "en"),
            )
        )
    findings.sort(key=lambda f: (f.severity.value, str(f.origin), f.focus, f.path or ""))
    return ValidationReport(tuple(findings))

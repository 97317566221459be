"""SHACL validation of a candidate build, reported so a curator can act on it.

Every result names the file and line the offending resource came from, the rule (shape and
constraint) it broke, the value, and the shape's own message in Swedish and English. Violations
block a build; warnings are reported and let it through.

The shapes run where the data is: compiled to SPARQL (`proveniens.shacl_sparql`) and evaluated on
a pyoxigraph store, which at a million triples takes seconds where pyshacl over rdflib took minutes.
pyshacl stays the reference the compiled path is tested against (`proveniens.checks.validation_reference`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from proveniens.graph_delta import GraphDelta
from proveniens.namespaces import ONTOLOGY_GRAPH, SH
from proveniens.shacl_sparql.compile import compile_shapes
from proveniens.shacl_sparql.run import RawResult, memory_store, run_checks


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
    constraint: str | None = None  # the constraint component, e.g. sh:MinCountConstraintComponent

    def render(self) -> str:
        where = str(self.origin) if self.origin else "(unknown source)"
        what = f"<{self.focus}>" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        component = f" sh:{self.constraint.rsplit('#', 1)[-1]}" if self.constraint else ""
        rule = f" [rule {self.shape}{component}]" if self.shape else ""
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


def short(node: Node | None) -> str | None:
    """A node as text; a blank node (an anonymous path or shape) says nothing to a reader, so None."""
    return None if node is None or isinstance(node, BNode) else str(node)


def rule(shapes: Graph, shape: Node | None) -> str | None:
    """Name the broken rule: a named shape's IRI, or for an anonymous property shape its owner and name."""
    if shape is None:
        return None
    if isinstance(shape, URIRef):
        return str(shape)
    owner = shapes.value(None, SH.property, shape)
    names = [n for n in shapes.objects(shape, SH.name) if isinstance(n, Literal)]
    name = next((str(n) for n in names if n.language == "en"), str(names[0]) if names else "")
    return " / ".join(x for x in (str(owner) if owner is not None else "", name) if x) or None


def fill(text: str, values: Mapping[str, Node | None]) -> str:
    """Put the result's nodes into a message's {$this}, {?value}, {?path} placeholders."""
    for name, node in values.items():
        for mark in ("?", "$"):
            text = text.replace("{" + mark + name + "}", str(node) if node is not None else "")
    return text


def sort_findings(findings: list[Finding]) -> ValidationReport:
    findings.sort(key=lambda f: (f.severity.value, str(f.origin), f.focus, f.path or "", f.shape or ""))
    return ValidationReport(tuple(findings))


def _message(shapes: Graph, result: RawResult, lang: str) -> str:
    """The constraint's (else the shape's) sh:message in `lang`, or a plain default naming the constraint."""
    messages: list[Literal] = []
    for source in (result.check.constraint, result.check.shape):
        if source is not None and not messages:
            messages = [m for m in shapes.objects(source, SH.message) if isinstance(m, Literal)]
    text = next((str(m) for m in messages if m.language == lang), str(messages[0]) if messages else "")
    if not text:
        text = f"{result.check.component.rsplit('#', 1)[-1]} not satisfied"
    return fill(text, {"this": result.focus, "value": result.value, "path": result.path})


def _finding(shapes: Graph, result: RawResult, origins: Mapping[Node, Origin]) -> Finding:
    return Finding(
        severity=Severity(str(result.check.severity).rsplit("#", 1)[-1]),
        origin=origins.get(result.focus),
        focus=str(result.focus),
        path=short(result.path),
        value=short(result.value),
        shape=rule(shapes, result.check.shape),
        message_sv=_message(shapes, result, "sv"),
        message_en=_message(shapes, result, "en"),
        constraint=str(result.check.component),
    )


def validate_store(
    store: ox.Store,
    shapes: Graph,
    origins: Mapping[Node, Origin],
    *,
    graphs: Sequence[str] | None = None,
    change: GraphDelta | None = None,
    source: Graph | Sequence[Graph] | None = None,
) -> ValidationReport:
    """Validate the data in a pyoxigraph store (on disk or in memory) against `shapes`, in place.

    - `graphs`: the IRIs of the named graphs that together are the data graph (include the
      ontology graph: sh:class and sh:targetClass follow its rdfs:subClassOf). None: the union of
      every graph in the store.
    - `change`: for an incremental build, the triples the reloaded graphs gained and lost
      (`graph_delta`). Only focus nodes the change can affect are validated: for shapes that read
      only a focus node's own triples, the nodes at either end of a changed triple; for shapes that
      also read the values' types (sh:class), those and the neighbours of the nodes a changed
      rdf:type triple types; for shapes whose reach the compiler leaves open (nested shapes,
      sequence paths, SHACL-SPARQL constraints), the nodes within the reach their query shows
      (`shacl_sparql.reach`) of a changed triple they read, and at every focus node when it
      shows none. A check no changed triple can affect does not run. None: validate every focus node.
    - `origins`: file and line of each subject, so each finding says where to fix it.
    - `source`: the rdflib graph(s) the store was filled from, when the build has them (the
      loaders' graphs; RDF files parsed by Oxigraph have none). Oxigraph
      keeps xsd:positiveInteger and the other integer-derived datatypes as xsd:integer, so only
      the source can show that a value was written as a plain xsd:integer where a shape asks for
      xsd:positiveInteger; without it, such a value passes when it is in the type's range.

    The store is only read. Findings come sorted as `verify_graph`'s do.
    """
    checks = compile_shapes(shapes)
    results = run_checks(store, checks, graphs, change, source)
    return sort_findings(list({_finding(shapes, r, origins) for r in results}))


def verify_graph(data: Graph, shapes: Graph, ontology: Graph, origins: Mapping[Node, Origin]) -> ValidationReport:
    """Validate `data` (with the ontology mixed in for subclass reasoning) against `shapes`.

    The graphs go into an in-memory pyoxigraph store; see `validate_store` to validate a store
    that already holds them.
    """
    data_graph = URIRef("urn:proveniens:validation:data")
    store = memory_store([(data_graph, data), (ONTOLOGY_GRAPH, ontology)])
    return validate_store(store, shapes, origins, source=data)

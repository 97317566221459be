"""pyshacl, the reference validator the compiled SPARQL path is tested and benchmarked against.

Not used by a build: tests and `bench/` import it to check that `proveniens.checks.validation` finds the
same focus nodes, paths and constraints, and to measure what the compiled path saves.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from pyshacl import validate
from rdflib import Graph, Literal
from rdflib.namespace import RDF
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.term import Node

from proveniens.checks.validation import Finding, Origin, Severity, ValidationReport, fill, rule, short, sort_findings
from proveniens.namespaces import SH


@lru_cache(maxsize=256)
def _translated(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Any:
    return translateQuery(parseQuery(text), base, dict(namespaces))


@contextmanager
def sparql_parsed_once() -> Iterator[None]:
    """Parse each SHACL-SPARQL query once instead of once per focus node.

    pyshacl hands rdflib the same query text for every focus node and rdflib parses it anew each
    time (about 20 ms): half of a corpus validation's time. Bindings are applied at evaluation,
    so reusing the translated algebra leaves results unchanged. The method is swapped back on exit.
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

    SPARQLProcessor.query = query  # type: ignore[method-assign]
    try:
        yield
    finally:
        SPARQLProcessor.query = original  # type: ignore[method-assign]


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
            values = {
                "this": results.value(result, SH.focusNode),
                "value": results.value(result, SH.value),
                "path": results.value(result, SH.resultPath),
            }
            return fill(str(tagged[0]), values)
    return str(messages[0]) if messages else ""


def reference_report(results: Graph, shapes: Graph, origins: Mapping[Node, Origin]) -> ValidationReport:
    """A pyshacl results graph as the same report the compiled path gives."""
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        component = results.value(result, SH.sourceConstraintComponent)
        findings.append(
            Finding(
                severity=Severity(str(severity).rsplit("#", 1)[-1]) if severity else Severity.VIOLATION,
                origin=origins.get(focus) if focus is not None else None,
                focus=str(focus),
                path=short(results.value(result, SH.resultPath)),
                value=short(results.value(result, SH.value)),
                shape=rule(shapes, results.value(result, SH.sourceShape)),
                message_sv=_message(results, shapes, result, "sv"),
                message_en=_message(results, shapes, result, "en"),
                constraint=str(component) if component is not None else None,
            )
        )
    return sort_findings(findings)


def reference_validate(
    data: Graph, shapes: Graph, ontology: Graph | None, origins: Mapping[Node, Origin]
) -> ValidationReport:
    """Validate with pyshacl as the build once did: ontology mixed in, no inference, SHACL-AF on."""
    with sparql_parsed_once():
        _, results, _ = validate(
            data,
            shacl_graph=shapes,
            ont_graph=ontology,
            inference="none",
            advanced=True,
            allow_warnings=True,
            abort_on_first=False,
        )
    return reference_report(results, shapes, origins)

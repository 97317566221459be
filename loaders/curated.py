"""Curator's YAML files (see sources/curated/README.md) become RDF with PROV-qualified evidence.

Each resource and each link must carry evidence whose quote is found at the cited lines; the
first problem stops the file with its file name and line, so a curator can fix it directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from proveniens.errors import SourceError
from proveniens.loaders.documents import load_document
from proveniens.loaders.evidence import Assertion, Evidence, evidence_to_rdf, mint_evidence_iri, verify_quote
from proveniens.loaders.sources import SourceFile, SourceSet
from proveniens.namespaces import INST, PREFIXES, PV, RPUBL

LOADER = "curated-yaml"

# Links whose qualification is a prov:Derivation; every other link is a prov:Influence.
DERIVATIONS = frozenset({RPUBL.utgarFran, RPUBL.forarbete, PROV.wasDerivedFrom})

_CURIE = re.compile(r"^([A-Za-z][\w-]*):(.*)$")
_LINE = "__line__"
_RESERVED = {"iri", "a", "evidence", _LINE}


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: 10x faster
    """A safe loader that records the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class CuratedGraph:
    """The RDF of one curated file and the line where each subject was written."""

    graph: Graph
    origins: dict[URIRef, int] = field(default_factory=dict)


def resolve_iri(text: str, where: Callable[[str, str], SourceError]) -> URIRef:
    """An absolute IRI, a CURIE with a known prefix, or a path below the instance base."""
    if "://" in text or text.startswith("urn:"):
        return URIRef(text)
    match = _CURIE.match(text)
    if match and "/" not in match.group(1):
        prefix, local = match.groups()
        if prefix not in PREFIXES:
            raise where(f"uses the unknown prefix {prefix!r} in {text!r}", f"Known: {', '.join(sorted(PREFIXES))}.")
        return URIRef(PREFIXES[prefix] + local)
    if not text or text.startswith("/") or " " in text:
        raise where(f"has an invalid IRI {text!r}", "Write a path such as sou/2020:19 or a CURIE such as pv:Meeting.")
    return URIRef(INST + text)


def _to_literal_or_iri(value: Any, where: Callable[[str, str], SourceError]) -> Iterator[URIRef | Literal]:
    """Turn a YAML value into RDF terms, following the README's typing rules."""
    if isinstance(value, list):
        for item in value:
            yield from _to_literal_or_iri(item, where)
    elif isinstance(value, bool):
        yield Literal(value)
    elif isinstance(value, int):
        yield Literal(value, datatype=XSD.integer)
    elif isinstance(value, dt.datetime):
        raise where(f"has a date-time {value}", "Give a date (yyyy-mm-dd) or a time ({time: 'hh:mm:ss'}).")
    elif isinstance(value, dt.date):
        yield Literal(value.isoformat(), datatype=XSD.date)
    elif isinstance(value, str):
        yield Literal(value)
    elif isinstance(value, dict):
        body = {k: v for k, v in value.items() if k != _LINE}
        if set(body) == {"iri"}:
            yield resolve_iri(str(body["iri"]), where)
        elif set(body) == {"time"}:
            yield Literal(str(body["time"]), datatype=XSD.time)
        elif body and all(re.fullmatch(r"[a-z]{2}(-[A-Za-z]+)?", k) for k in body):
            for lang, text in sorted(body.items()):
                yield Literal(str(text), lang=lang)
        else:
            raise where(f"has a value {body!r} of unknown shape", "Use {iri: …}, {time: …} or {sv: …, en: …}.")
    else:
        raise where(f"has a value {value!r} of unsupported type", "Use a string, number, date, or mapping.")


class _CuratedFile:
    """State while reading one file: where errors point, and the graph being filled."""

    def __init__(self, source: SourceFile, sources: SourceSet) -> None:
        self.source = source
        self.sources = sources
        self.out = CuratedGraph(load_document(source))

    def error(self, line: int | None) -> Callable[[str, str], SourceError]:
        return lambda what, fix="": SourceError(self.source.path, line, what + ".", fix)

    def evidence(self, items: Any, line: int) -> list[tuple[Evidence, int]]:
        if not isinstance(items, list) or not items:
            raise self.error(line)("has no evidence", "Add an evidence list with source, lines, quote, assertion.")
        found = []
        for item in items:
            here = item.get(_LINE, line) if isinstance(item, dict) else line
            err = self.error(here)
            if not isinstance(item, dict):
                raise err("has an evidence item that is not a mapping", "Give source, lines, quote, assertion.")
            missing = {"source", "lines", "quote", "assertion"} - set(item)
            if missing:
                raise err(f"evidence lacks {', '.join(sorted(missing))}", "Every evidence item needs all four.")
            doc = self.sources.by_name(str(item["source"]))
            if doc is None:
                raise err(f"cites {item['source']!r}, which is not in the sources folder", "Cite a file by its name.")
            lines = item["lines"]
            if not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(n, int) for n in lines)):
                raise err(f"has lines {lines!r}", "Write lines as [first, last], 1-based and inclusive.")
            try:
                assertion = Assertion(item["assertion"])
            except ValueError:
                raise err(f"has assertion {item['assertion']!r}", "Use 'stated' or 'inferred'.") from None
            ev = Evidence(doc, lines[0], lines[1], str(item["quote"]), assertion, item.get("note"))
            verify_quote(ev, str(self.source.path), here)
            found.append((ev, here))
        return found

    def add_resource(self, res: dict[str, Any]) -> None:
        line = res.get(_LINE)
        err = self.error(line)
        if "iri" not in res:
            raise err("has a resource without 'iri'", "Start each resource with iri: …")
        subject = resolve_iri(str(res["iri"]), err)
        g = self.out.graph
        self.out.origins.setdefault(subject, line or 0)
        types = res.get("a", [])
        for t in types if isinstance(types, list) else [types]:
            g.add((subject, RDF.type, resolve_iri(str(t), err)))
        for key, value in res.items():
            if key in _RESERVED:
                continue
            prop = resolve_iri(key, err)
            for term in _to_literal_or_iri(value, err):
                g.add((subject, prop, term))
        for ev, here in self.evidence(res.get("evidence"), line or 0):
            node = mint_evidence_iri(subject, None, None, ev)
            g.add((subject, PV.attestedBy, node))
            evidence_to_rdf(g, node, ev, self.source.iri)
            self.out.origins.setdefault(node, here)

    def add_link(self, link: dict[str, Any]) -> None:
        line = link.get(_LINE)
        err = self.error(line)
        missing = {"subject", "property", "object"} - set(link)
        if missing:
            raise err(f"has a link without {', '.join(sorted(missing))}", "Give subject, property, object.")
        s = resolve_iri(str(link["subject"]), err)
        p = resolve_iri(str(link["property"]), err)
        o = resolve_iri(str(link["object"]), err)
        g = self.out.graph
        g.add((s, p, o))
        is_derivation = p in DERIVATIONS
        if is_derivation:
            g.add((s, PROV.wasDerivedFrom, o))
        for ev, here in self.evidence(link.get("evidence"), line or 0):
            node = mint_evidence_iri(s, p, o, ev)
            g.add((s, PROV.qualifiedDerivation if is_derivation else PROV.qualifiedInfluence, node))
            evidence_to_rdf(g, node, ev, self.source.iri, (p, o, is_derivation))
            self.out.origins.setdefault(node, here)


# A quote, {…} or […] left open is noticed only where the parser gives up, often lines later; the line
# that opened it is where the fix goes. Other errors are at the problem mark.
_LEFT_OPEN = ("while scanning a quoted scalar", "while parsing a flow", "while scanning a simple key")


def yaml_error(source: SourceFile, err: yaml.YAMLError) -> SourceError:
    """The YAML error at the line the parser means, in the parser's own words with both of its marks."""
    problem = getattr(err, "problem", None) or str(err)
    context, problem_mark, context_mark = (getattr(err, k, None) for k in ("context", "problem_mark", "context_mark"))
    parts = [f"{problem}{_at(problem_mark)}"]
    if context:
        parts.append(f"{context}{_at(context_mark)}")
    left_open = bool(context and context_mark and context.startswith(_LEFT_OPEN))
    mark = context_mark if left_open else problem_mark
    return SourceError(
        source.path,
        mark.line + 1 if mark else None,
        "is not valid YAML: " + ", ".join(parts) + ".",
        "Close the quote or bracket opened on this line." if left_open else "",
    )


def _at(mark: yaml.Mark | None) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def cited_files(source: SourceFile) -> set[str]:
    """The file names a curated file's evidence cites (an invalid file cites none here: loading it reports why)."""
    try:
        data = yaml.load(source.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return set()
    items = [x for key in ("resources", "links") for x in (data.get(key) or [] if isinstance(data, dict) else [])]
    evidence = [e for x in items if isinstance(x, dict) and isinstance(x.get("evidence"), list) for e in x["evidence"]]
    return {str(e["source"]) for e in evidence if isinstance(e, dict) and "source" in e}


def load_curated(source: SourceFile, sources: SourceSet) -> CuratedGraph:
    """Read one curated YAML file; raise SourceError/EvidenceError at the first problem."""
    try:
        data = yaml.load(source.text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        raise yaml_error(source, err) from err
    if not isinstance(data, dict):
        raise SourceError(source.path, 1, "is not a mapping with 'resources' and 'links'.", "See curated/README.md.")
    state = _CuratedFile(source, sources)
    for key in ("resources", "links"):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise SourceError(source.path, data.get(_LINE), f"has '{key}' that is not a list.")
        for item in items:
            if not isinstance(item, dict):
                raise SourceError(source.path, data.get(_LINE), f"has an entry in '{key}' that is not a mapping.")
            (state.add_resource if key == "resources" else state.add_link)(item)
    if about := data.get("about"):
        state.out.graph.add((source.iri, DCTERMS.description, Literal(str(about), lang="en")))
    return state.out

"""HTML for the linked-data documents, in Swedish and English, generated from the RDF itself.

Four kinds of page: a resource's description (its triples out and in, each with the named graph that
states it), a graph document (the dataset description, and the list of dumps), and the documentation of
the ontology and of the shapes, read from their Turtle. This module turns the RDF into what a page shows
(`Shown`: terms, groups of values, text); the markup is the Jinja templates' in templates/, with
autoescaping on, so every text that comes from data is escaped there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node
from starlette.requests import Request

from proveniens.namespaces import BASE, PV, PVS
from proveniens.service.language import LANGUAGES
from proveniens.service.linked_data.representations import KNOWN_PREFIXES, Format
from proveniens.service.templating import environment
from proveniens.service.words import t

VANN = "http://purl.org/vocab/vann/"
_PLAIN_DATATYPES = {XSD.string, XSD.integer, XSD.boolean, XSD.decimal}
LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, DCTERMS.title, SH.name, FOAF.name, DCTERMS.identifier)
_ENV = environment(Path(__file__).resolve().parent / "templates")


# ---------------------------------------------------------------------------------------------
# Terms


def compact(iri: str) -> str:
    """`prefix:local` for known vocabularies, the path for our own IRIs, else the IRI."""
    if iri.startswith(BASE) and not iri.startswith((str(PV), str(PVS))):
        return iri[len(BASE) :] or iri
    for prefix, namespace in sorted(KNOWN_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def href(iri: str) -> str:
    """Where a link to `iri` goes: our own IRIs on this host (the ontology and shapes terms as anchors)."""
    if iri.startswith(BASE):
        path, hashmark, fragment = iri[len(BASE) :].partition("#")
        local = "/" + quote(path, safe="/:@!$&'()*+,;=-._~")
        return local + (hashmark + quote(fragment, safe=":@!$&'()*+,;=-._~/?") if hashmark else "")
    return iri


def pick(values: Iterable[Node], lang: str) -> str | None:
    """The literal in `lang`, else one without a language, else the other language's, else any."""
    literals = [v for v in values if isinstance(v, Literal)]

    def rank(v: Literal) -> tuple[int, str]:
        order = 0 if v.language == lang else 1 if v.language is None else 2 if v.language in LANGUAGES else 3
        return order, str(v)

    return str(min(literals, key=rank)) if literals else None


@dataclass
class Labels:
    """What each IRI is called, by predicate and language, gathered from the triples shown."""

    by_iri: dict[str, dict[URIRef, list[Literal]]] = field(default_factory=dict)

    def note(self, subject: Node, predicate: Node, value: Node) -> None:
        if isinstance(subject, URIRef) and predicate in LABEL_PREDICATES and isinstance(value, Literal):
            self.by_iri.setdefault(str(subject), {}).setdefault(predicate, []).append(value)  # type: ignore[arg-type]

    @staticmethod
    def of(graph: Graph) -> Labels:
        labels = Labels()
        for predicate in LABEL_PREDICATES:
            for s, o in graph.subject_objects(predicate):
                labels.note(s, predicate, o)
        return labels

    def name(self, iri: str, lang: str) -> str | None:
        found = self.by_iri.get(iri, {})
        for predicate in LABEL_PREDICATES:
            if found.get(predicate):
                return pick(found[predicate], lang)
        return None


@dataclass(frozen=True)
class Term:
    """An RDF term as a page shows it: an IRI by its name and compact form, a literal with its language or
    datatype, a blank node by its label."""

    kind: str  # "iri", "literal" or "blank"
    text: str  # the IRI's compact form, the literal's text, the blank node's label
    href: str = ""
    name: str | None = None  # an IRI's label in the page's language, when it says more than `text`
    lang: str | None = None
    datatype: str | None = None  # compact, and only for datatypes worth saying
    block: bool = False  # a literal of several lines, shown preformatted


@dataclass(frozen=True)
class Shown:
    """One cell of a page: a term, plain text, code, preformatted text, or values between marks.

    A group is `open`, its items separated by `sep` (a newline is a line break), then `close`: an RDF list
    `( a b )`, a blank node `[ p v ; … ]`, a property path `a / b`, the values of one property `a, b`.
    """

    term: Term | None = None
    text: str | None = None
    code: str | None = None
    pre: str | None = None
    items: tuple[Shown, ...] = ()
    open: str = ""
    sep: str = " "
    close: str = ""


def group(items: Iterable[Shown], sep: str = ", ", open: str = "", close: str = "") -> Shown:
    return Shown(items=tuple(items), sep=sep, open=open, close=close)


def term_of(node: Node, labels: Labels, lang: str) -> Term:
    if isinstance(node, URIRef):
        short = compact(str(node))
        name = labels.name(str(node), lang)
        return Term("iri", short, href(str(node)), name if name and name != short else None)
    if isinstance(node, Literal):
        datatype = None
        if not node.language and node.datatype is not None and node.datatype not in _PLAIN_DATATYPES:
            datatype = compact(str(node.datatype))
        text = str(node)
        return Term("literal", text, lang=node.language, datatype=datatype, block="\n" in text.strip())
    return Term("blank", str(node))


@dataclass
class View:
    """Turns the nodes of one graph into what a page shows, named by `labels` in `lang`."""

    labels: Labels
    lang: str
    graph: Graph = field(default_factory=Graph)

    def term(self, node: Node) -> Shown:
        return Shown(term=term_of(node, self.labels, self.lang))

    def terms(self, nodes: Iterable[Node], sep: str = ", ") -> Shown:
        return group((self.term(n) for n in nodes), sep)

    def value(self, node: Node, depth: int = 0) -> Shown:
        """A value that may be a blank node (shown inline as [ p v ; … ]) or an RDF list (shown as ( a b ))."""
        items = _list_of(self.graph, node)
        if items is not None:
            return group((self.value(i, depth + 1) for i in items), " ", "( ", " )")
        if isinstance(node, BNode) and depth < 4:
            parts = []
            for p, o in sorted(self.graph.predicate_objects(node), key=lambda po: str(po[0])):
                if p == SH.select:
                    parts.append(group((self.term(p), Shown(pre=str(o).strip())), " "))
                elif p not in (RDF.type,):
                    parts.append(group((self.term(p), self.value(o, depth + 1)), " "))
            return group(parts, " ; ", "[ ", " ]")
        return self.term(node)

    def values(self, nodes: Iterable[Node], sep: str = ", ") -> Shown:
        return group((self.value(n) for n in nodes), sep)

    def path(self, node: Node) -> Shown:
        """A SHACL property path in SPARQL's notation: `a / b`, `^p`, `p*`, `( a | b )`."""
        items = _list_of(self.graph, node)
        if items is not None:
            return group((self.path(i) for i in items), " / ")
        if isinstance(node, BNode):
            for predicate, (before, after) in _PATH_MARKS:
                inner = self.graph.value(node, predicate)
                if inner is not None:
                    return group((self.path(inner),), "", before, after)
            alternatives = self.graph.value(node, SH.alternativePath)
            if alternatives is not None:
                paths = (self.path(i) for i in _list_of(self.graph, alternatives) or [])
                return group(paths, " | ", "( ", " )")
        return self.term(node)


_PATH_MARKS = (
    (SH.inversePath, ("^", "")),
    (SH.zeroOrMorePath, ("", "*")),
    (SH.oneOrMorePath, ("", "+")),
    (SH.zeroOrOnePath, ("", "?")),
)


def term(node: Node, labels: Labels, lang: str) -> Markup:
    """An RDF term as HTML: a named link for IRIs, the text with its language or datatype for literals."""
    macros = _ENV.get_template("rdf_macros.html").make_module({"t": lambda key: t(lang, key)})
    return Markup(macros.shown(Shown(term=term_of(node, labels, lang))))


def _list_of(graph: Graph, node: Node) -> list[Node] | None:
    if isinstance(node, BNode) and (node, RDF.first, None) in graph:
        return list(Collection(graph, node))
    return None


def _local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1] if "#" in str(iri) else str(iri).rsplit("/", 1)[-1]


# ---------------------------------------------------------------------------------------------
# Pages


def render(request: Request, lang: str, template: str, title: str, alternates: Sequence[Format], **data: Any) -> bytes:
    """A whole HTML document: head with alternates, a header with the language switch, the page, a footer."""
    other = "en" if lang == "sv" else "sv"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
    switch = quote(request.url.path, safe="/:@!$&'()*+,;=-._~") + "?" + urlencode(params)
    formats = [(f.media, _format_url(request, f), f.key) for f in alternates if f.serializer]
    html = _ENV.get_template(template).render(
        lang=lang, other=other, switch_url=switch, formats=formats, title=title, t=lambda key: t(lang, key), **data
    )
    return html.encode("utf-8")


def _format_url(request: Request, fmt: Format) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format", "lang")]
    path = quote(request.url.path, safe="/:@!$&'()*+,;=-._~")
    return path + "?" + urlencode([*params, ("format", fmt.key)])


# ---------------------------------------------------------------------------------------------
# A resource's description


@dataclass(frozen=True)
class Statement:
    """One triple of a description and the named graph that holds it."""

    graph: Node
    subject: Node
    predicate: Node
    object: Node


def description_page(
    request: Request,
    lang: str,
    iri: str,
    outgoing: Sequence[Statement],
    incoming: Sequence[Statement],
    labels: Labels,
    alternates: Sequence[Format],
    reader_url: str | None,
) -> bytes:
    view = View(labels, lang)
    mine = labels.by_iri.get(iri, {})
    identifier = pick(mine.get(DCTERMS.identifier, []), lang)
    name = next((pick(mine[p], lang) for p in LABEL_PREDICATES[:-1] if mine.get(p)), None)
    heading = identifier or name or compact(iri)
    types = sorted({s.object for s in outgoing if s.predicate == RDF.type}, key=str)
    return render(
        request,
        lang,
        "description.html",
        heading,
        alternates,
        iri=iri,
        sub=name if identifier and name else None,
        types=[view.term(x) for x in types],
        reader_url=reader_url,
        outgoing=_grouped(outgoing, lambda s: (s.predicate, s.object), view),
        incoming=_grouped(incoming, lambda s: (s.subject, s.predicate), view),
        graphs=[view.term(g) for g in sorted({s.graph for s in (*outgoing, *incoming)}, key=str)],
    )


def _grouped(statements: Sequence[Statement], key: Any, view: View) -> list[list[Shown]]:
    """One row per (first, second) of `key`, with every named graph that states it."""
    groups: dict[tuple[Node, Node], set[Node]] = {}
    for statement in statements:
        groups.setdefault(key(statement), set()).add(statement.graph)
    return [
        [view.term(a), view.term(b), view.terms(sorted(graphs, key=str), "\n")]
        for (a, b), graphs in sorted(groups.items(), key=lambda kv: (compact(str(kv[0][0])), str(kv[0][1])))
    ]


# ---------------------------------------------------------------------------------------------
# A graph document (the dataset description) and the dumps


@dataclass(frozen=True)
class Dump:
    """One downloadable file: its name, size in bytes and SHA-256 (none for the checksums file itself)."""

    name: str
    size: int | None = None
    digest: str | None = None


def graph_page(
    request: Request,
    lang: str,
    title: str,
    intro: str,
    graph: Graph,
    first: Sequence[URIRef],
    alternates: Sequence[Format],
    downloads: Sequence[Dump] | None = None,
) -> bytes:
    """Every subject of `graph` as a section (anchored by its compact name), the `first` ones first."""
    view = View(Labels.of(graph), lang, graph)
    subjects = sorted(
        set(graph.subjects()), key=lambda s: (s not in first, first.index(s) if s in first else 0, str(s))
    )
    sections = []
    for subject in subjects:
        rows = sorted(graph.predicate_objects(subject), key=lambda po: (compact(str(po[0])), str(po[1])))
        sections.append(
            {
                "anchor": compact(str(subject)),
                "href": href(str(subject)),
                "name": view.labels.name(str(subject), lang),
                "rows": [[view.term(p), view.term(o)] for p, o in rows],
            }
        )
    return render(
        request, lang, "graph.html", title, alternates, intro=intro, sections=sections, downloads=downloads
    )


def downloads_page(request: Request, lang: str, downloads: Sequence[Dump]) -> bytes:
    return render(request, lang, "downloads.html", t(lang, "rdf.downloads"), (), downloads=downloads)


# ---------------------------------------------------------------------------------------------
# The ontology


_TERM_LINKS = (
    RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty,
    SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch, SKOS.broader, SKOS.inScheme,
    RDFS.domain, RDFS.range, RDFS.isDefinedBy, RDFS.seeAlso,
)  # fmt: skip
_TERM_TEXT = (RDFS.label, RDFS.comment, SKOS.prefLabel, SKOS.definition, SKOS.example, SKOS.editorialNote, SKOS.note)


def ontology_page(request: Request, lang: str, graph: Graph, alternates: Sequence[Format]) -> bytes:
    view = View(Labels.of(graph), lang, graph)
    ontology = next(iter(sorted(graph.subjects(RDF.type, OWL.Ontology), key=str)), None)
    namespace = str(PV)
    title = (pick(graph.objects(ontology, DCTERMS.title), lang) if ontology else None) or "Proveniens ontology"
    about = None
    if ontology is not None:
        prefix = pick(graph.objects(ontology, URIRef(VANN + "preferredNamespacePrefix")), lang) or ""
        version = [
            *(view.value(v) for v in graph.objects(ontology, OWL.versionInfo)),
            *(view.term(v) for v in graph.objects(ontology, OWL.versionIRI)),
        ]
        facts = [
            [Shown(text=t(lang, "rdf.namespace")), Shown(code=namespace)],
            [Shown(text=t(lang, "rdf.prefix")), Shown(text=prefix)] if prefix else None,
            [Shown(text=t(lang, "rdf.version")), group(version, " ")] if version else None,
            [Shown(text=t(lang, "rdf.license")), view.terms(graph.objects(ontology, DCTERMS.license), " ")],
        ]
        about = {
            "description": pick(graph.objects(ontology, DCTERMS.description), lang) or "",
            "facts": [f for f in facts if f is not None and (f[1].items or f[1].text or f[1].code)],
            "note": pick(graph.objects(ontology, SKOS.editorialNote), lang),
        }

    def ours(kind: URIRef) -> list[URIRef]:
        found = {s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef) and s.startswith(namespace)}
        return sorted(found, key=lambda s: _local(s).lower())

    groups = [
        ("classes", ours(OWL.Class)),
        ("object_properties", ours(OWL.ObjectProperty)),
        ("datatype_properties", ours(OWL.DatatypeProperty)),
        ("individuals", [i for i in ours(OWL.NamedIndividual) if (i, RDF.type, OWL.Class) not in graph]),
    ]
    concepts = sorted(
        {s for s in graph.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef) and not s.startswith(namespace)}
        | {s for s in graph.subjects(RDF.type, PV.Role) if isinstance(s, URIRef)},
        key=str,
    )
    alignments = sorted(
        (s, p, o)
        for s, p, o in graph
        if isinstance(s, URIRef)
        and not s.startswith(BASE)
        and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
    )
    definitions = (pick([*graph.objects(c, SKOS.definition), *graph.objects(c, RDFS.comment)], lang) for c in concepts)
    return render(
        request,
        lang,
        "ontology.html",
        title,
        alternates,
        about=about,
        groups=[(key, [_term_section(view, x) for x in terms]) for key, terms in groups],
        concepts=[[view.term(c), Shown(text=d or "")] for c, d in zip(concepts, definitions, strict=True)],
        alignments=[[view.term(s), view.term(p), view.value(o)] for s, p, o in alignments],
    )


def _term_section(view: View, node: URIRef) -> dict[str, Any]:
    graph, lang = view.graph, view.lang
    rows: list[list[Shown]] = []
    kinds = [
        x
        for x in graph.objects(node, RDF.type)
        if x not in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    ]
    if kinds:
        rows.append([Shown(text="rdf:type"), view.terms(sorted(kinds, key=str))])
    for predicate in _TERM_LINKS:
        values = sorted(graph.objects(node, predicate), key=str)
        if values:
            rows.append([Shown(text=compact(str(predicate))), view.values(values)])
    shown = {*_TERM_LINKS, *_TERM_TEXT, RDF.type}
    for predicate in sorted({p for p in graph.predicates(node) if p not in shown}, key=str):
        values = sorted(graph.objects(node, predicate), key=str)
        rows.append([Shown(text=compact(str(predicate))), view.values(values)])
    inverse = [
        ("subclasses", sorted(graph.subjects(RDFS.subClassOf, node), key=str)),
        ("domain_of", sorted(graph.subjects(RDFS.domain, node), key=str)),
        ("range_of", sorted(graph.subjects(RDFS.range, node), key=str)),
        ("instances", sorted((s for s in graph.subjects(RDF.type, node) if isinstance(s, URIRef)), key=str)),
    ]
    for key, subjects in inverse:
        if subjects:
            rows.append([Shown(text=t(lang, "rdf." + key)), view.terms(subjects)])
    return {
        "local": _local(node),
        "name": view.labels.name(str(node), lang) or _local(node),
        "compact": compact(str(node)),
        "iri": str(node),
        "comment": pick(graph.objects(node, RDFS.comment), lang),
        "rows": rows,
        "examples": [str(x) for x in sorted(graph.objects(node, SKOS.example), key=str)],
    }


# ---------------------------------------------------------------------------------------------
# The shapes


_SHAPE_TEXT = (
    RDF.type,
    SH.path,
    SH.name,
    SH.description,
    SH.message,
    SH.severity,
    RDFS.label,
    RDFS.comment,
    SH.property,
)
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def shapes_page(
    request: Request, lang: str, modules: Sequence[tuple[str, Graph]], alternates: Sequence[Format], title: str
) -> bytes:
    """The shapes files (`modules`: name, graph) as a checklist: each NodeShape, its targets and its rules."""
    shown = []
    for name, graph in modules:
        view = View(Labels.of(graph), lang, graph)
        header = next(iter(sorted(graph.subjects(RDF.type, OWL.Ontology), key=str)), None)
        shapes = sorted((s for s in graph.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)), key=str)
        shown.append(
            {
                "name": name,
                "heading": (pick(graph.objects(header, RDFS.label), lang) if header else None) or name,
                "comment": pick(graph.objects(header, RDFS.comment), lang) if header else None,
                "shapes": [_shape_section(view, s) for s in shapes],
            }
        )
    return render(request, lang, "shapes.html", title, alternates, modules=shown)


def _constraints(view: View, node: Node) -> Shown:
    graph, parts = view.graph, []
    for predicate in sorted({p for p in graph.predicates(node) if p not in _SHAPE_TEXT and p not in _TARGETS}, key=str):
        for value in sorted(graph.objects(node, predicate), key=str):
            parts.append(group((view.term(predicate), view.value(value)), " "))
    return group(parts, "\n")


def _shape_section(view: View, shape: URIRef) -> dict[str, Any]:
    graph, lang = view.graph, view.lang
    targets = [
        group((view.term(p), view.term(o)), " ") for p in _TARGETS for o in sorted(graph.objects(shape, p), key=str)
    ]
    properties = sorted(graph.objects(shape, SH.property), key=lambda p: _local(p) if isinstance(p, URIRef) else str(p))
    rules = []
    for prop in properties:
        path, severity = graph.value(prop, SH.path), graph.value(prop, SH.severity)
        rules.append(
            {
                "id": _local(prop) if isinstance(prop, URIRef) else "",
                "name": pick(graph.objects(prop, SH.name), lang) or "",
                "compact": compact(str(prop)) if isinstance(prop, URIRef) else "",
                "description": pick(graph.objects(prop, SH.description), lang) or "",
                "path": view.path(path) if path is not None else Shown(text=""),
                "constraints": _constraints(view, prop),
                "severity": view.term(severity) if severity is not None else Shown(text=""),
                "message": pick(graph.objects(prop, SH.message), lang) or "",
            }
        )
    return {
        "local": _local(shape),
        "toc_name": view.labels.name(str(shape), lang) or _local(shape),
        "name": pick(graph.objects(shape, SH.name), lang) or _local(shape),
        "compact": compact(str(shape)),
        "description": pick(graph.objects(shape, SH.description), lang),
        "targets": group(targets),
        "node_rules": _constraints(view, shape),
        "rules": rules,
    }

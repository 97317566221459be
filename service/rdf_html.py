"""HTML for the linked-data documents, in Swedish and English, generated from the RDF itself.

Four kinds of page: a resource's description (its triples out and in, each with the named graph that
states it), a graph document (the dataset description), and the documentation of the ontology and
of the shapes, read from their Turtle. Every text that comes from data goes through `html.escape`;
nothing is a template, so there is nothing to forget to escape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote, urlencode

from fastapi import Request
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from proveniens.namespaces import BASE, PV, PVS
from proveniens.service.representations import KNOWN_PREFIXES, Format

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
_LANG_COOKIE = "proveniens_lang"  # the reader pages' choice, honoured here too

VANN = "http://purl.org/vocab/vann/"
_PLAIN_DATATYPES = {XSD.string, XSD.integer, XSD.boolean, XSD.decimal}
LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, DCTERMS.title, SH.name, FOAF.name, DCTERMS.identifier)

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "other": "English",
        "outgoing": "Uppgifter om resursen",
        "incoming": "Pekar hit",
        "property": "Egenskap",
        "value": "Värde",
        "subject": "Subjekt",
        "graphs": "Namngiven graf",
        "sources": "Grafer som säger något om resursen",
        "types": "Typ",
        "as_data": "Som data",
        "reader": "Öppna i läsvyn",
        "none": "Inget.",
        "classes": "Klasser",
        "object_properties": "Objektegenskaper",
        "datatype_properties": "Dataegenskaper",
        "individuals": "Individer",
        "concepts": "Begrepp",
        "alignments": "Anpassningar till återanvända termer",
        "contents": "Innehåll",
        "namespace": "Namnrymd",
        "prefix": "Prefix",
        "version": "Version",
        "license": "Licens",
        "example": "Exempel",
        "subclasses": "Underklasser",
        "domain_of": "Domän för",
        "range_of": "Värdemängd för",
        "instances": "Instanser",
        "shapes": "Regler (SHACL)",
        "rule": "Regel",
        "path": "Väg",
        "constraint": "Villkor",
        "severity": "Allvar",
        "message": "Meddelande",
        "targets": "Gäller",
        "node_constraints": "Villkor på noden",
        "modules": "Regelfiler",
        "dataset": "Datamängden",
        "downloads": "Nedladdningar",
        "file": "Fil",
        "size": "Storlek",
        "checksum": "SHA-256",
        "no_dumps": "Bygget som visas har inga dumpar (det skrevs innan byggen skrev dem): kör proveniens build.",
        "void": "Beskrivning av datamängden (VoID)",
        "catalog": "Datakatalog (DCAT)",
        "ontology": "Ontologi",
        "generated": "Sidan är genererad ur RDF-datan; samma innehåll finns som data via länkarna ovan.",
    },
    "en": {
        "other": "Svenska",
        "outgoing": "What the graph says about it",
        "incoming": "Links to it",
        "property": "Property",
        "value": "Value",
        "subject": "Subject",
        "graphs": "Named graph",
        "sources": "Graphs that say something about it",
        "types": "Type",
        "as_data": "As data",
        "reader": "Open in the reader",
        "none": "Nothing.",
        "classes": "Classes",
        "object_properties": "Object properties",
        "datatype_properties": "Datatype properties",
        "individuals": "Individuals",
        "concepts": "Concepts",
        "alignments": "Alignments to reused terms",
        "contents": "Contents",
        "namespace": "Namespace",
        "prefix": "Prefix",
        "version": "Version",
        "license": "Licence",
        "example": "Example",
        "subclasses": "Subclasses",
        "domain_of": "Domain of",
        "range_of": "Range of",
        "instances": "Instances",
        "shapes": "Shapes (SHACL)",
        "rule": "Rule",
        "path": "Path",
        "constraint": "Constraint",
        "severity": "Severity",
        "message": "Message",
        "targets": "Applies to",
        "node_constraints": "Constraints on the node",
        "modules": "Shapes files",
        "dataset": "The dataset",
        "downloads": "Downloads",
        "file": "File",
        "size": "Size",
        "checksum": "SHA-256",
        "no_dumps": "The build being served has no dumps (written before builds wrote them): run proveniens build.",
        "void": "Description of the dataset (VoID)",
        "catalog": "Data catalogue (DCAT)",
        "ontology": "Ontology",
        "generated": "This page is generated from the RDF; the same content is available as data (links above).",
    },
}


def language(request: Request) -> str:
    """`?lang=` wins, then the reader's cookie, then Accept-Language (q-values), then Swedish."""
    if (asked := request.query_params.get("lang")) in LANGUAGES:
        return asked  # type: ignore[return-value]
    if (kept := request.cookies.get(_LANG_COOKIE)) in LANGUAGES:
        return kept  # type: ignore[return-value]
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-", 1)[0]
        if primary in LANGUAGES and q > best_q:
            best, best_q = primary, q
    return best


def w(lang: str, key: str) -> str:
    return WORDS.get(lang, WORDS[DEFAULT_LANGUAGE]).get(key, key)


def e(text: object) -> str:
    return escape(str(text), quote=True)


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


def term(node: Node, labels: Labels, lang: str) -> str:
    """An RDF term as HTML: a named link for IRIs, the text with its language or datatype for literals."""
    if isinstance(node, URIRef):
        short = compact(str(node))
        name = labels.name(str(node), lang)
        inner = f"{e(name)} <span class=iri>{e(short)}</span>" if name and name != short else e(short)
        return f'<a href="{e(href(str(node)))}">{inner}</a>'
    if isinstance(node, Literal):
        if node.language:
            suffix = f" <span class=lang>@{e(node.language)}</span>"
        elif node.datatype is not None and node.datatype not in _PLAIN_DATATYPES:
            suffix = f" <span class=dt>{e(compact(str(node.datatype)))}</span>"
        else:
            suffix = ""
        text = str(node)
        body = f"<pre>{e(text)}</pre>" if "\n" in text.strip() else e(text)
        return body + suffix
    return f"<code>_:{e(node)}</code>"


# ---------------------------------------------------------------------------------------------
# Page frame


def page(request: Request, lang: str, title: str, body: str, alternates: Sequence[Format] = ()) -> bytes:
    """A whole HTML document: head with alternates, a header with the language switch, the body, a footer."""
    other = "en" if lang == "sv" else "sv"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
    switch = quote(request.url.path, safe="/:@!$&'()*+,;=-._~") + "?" + urlencode(params)
    links = "".join(
        f'<link rel="alternate" type="{e(f.media)}" href="{e(_format_url(request, f))}">'
        for f in alternates
        if f.serializer
    )
    data = " · ".join(f'<a href="{e(_format_url(request, f))}">{e(f.key)}</a>' for f in alternates if f.serializer)
    nav = (
        f'<a href="/ontology">{w(lang, "ontology")}</a><a href="/shapes">{w(lang, "shapes")}</a>'
        f'<a href="/.well-known/void">VoID</a><a href="/catalog">DCAT</a><a href="/dumps/">{w(lang, "downloads")}</a>'
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(title)} – Proveniens</title>'
        f'<link rel="stylesheet" href="/static/rdf.css">{links}</head><body>'
        f'<header><nav><strong><a href="/">Proveniens</a></strong> {nav}'
        f'<a href="{e(switch)}" hreflang="{other}" lang="{other}">{w(lang, "other")}</a></nav></header>'
        f"<main>{body}"
        + (f"<p class=muted>{w(lang, 'as_data')}: {data}</p>" if data else "")
        + f"</main><footer><small>{w(lang, 'generated')}</small></footer></body></html>\n"
    ).encode("utf-8")


def _format_url(request: Request, fmt: Format) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format", "lang")]
    path = quote(request.url.path, safe="/:@!$&'()*+,;=-._~")
    return path + "?" + urlencode([*params, ("format", fmt.key)])


def table(headings: Sequence[str], rows: Iterable[Sequence[str]], lang: str, ids: Sequence[str] | None = None) -> str:
    rendered = []
    for i, row in enumerate(rows):
        anchor = f' id="{e(ids[i])}"' if ids and ids[i] else ""
        rendered.append(f"<tr{anchor}>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    if not rendered:
        return f"<p class=muted>{w(lang, 'none')}</p>"
    head = "".join(f"<th>{e(h)}</th>" for h in headings)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rendered)}</tbody></table>"


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
    mine = labels.by_iri.get(iri, {})
    identifier = pick(mine.get(DCTERMS.identifier, []), lang)
    name = next((pick(mine[p], lang) for p in LABEL_PREDICATES[:-1] if mine.get(p)), None)
    heading = identifier or name or compact(iri)
    sub = f"<p>{e(name)}</p>" if identifier and name else ""
    types = sorted({s.object for s in outgoing if s.predicate == RDF.type}, key=str)
    kinds = " ".join(f"<span class=badge>{term(t, labels, lang)}</span>" for t in types)
    reader = f' · <a href="{e(reader_url)}">{w(lang, "reader")}</a>' if reader_url else ""
    body = [
        f"<h1>{e(heading)}</h1>{sub}<p class=iri><code>{e(iri)}</code>{reader}</p>",
        f"<p>{w(lang, 'types')}: {kinds}</p>" if kinds else "",
        f"<h2>{w(lang, 'outgoing')}</h2>",
        table(
            [w(lang, "property"), w(lang, "value"), w(lang, "graphs")],
            (
                [term(p, labels, lang), term(o, labels, lang), graphs]
                for p, o, graphs in _grouped(outgoing, lambda s: (s.predicate, s.object), labels, lang)
            ),
            lang,
        ),
        f"<h2>{w(lang, 'incoming')}</h2>",
        table(
            [w(lang, "subject"), w(lang, "property"), w(lang, "graphs")],
            (
                [term(s, labels, lang), term(p, labels, lang), graphs]
                for s, p, graphs in _grouped(incoming, lambda s: (s.subject, s.predicate), labels, lang)
            ),
            lang,
        ),
        f"<h2>{w(lang, 'sources')}</h2><ul>",
        "".join(
            f"<li>{term(g, labels, lang)}</li>" for g in sorted({s.graph for s in (*outgoing, *incoming)}, key=str)
        ),
        "</ul>",
    ]
    return page(request, lang, heading, "".join(body), alternates)


def _grouped(statements: Sequence[Statement], key: object, labels: Labels, lang: str) -> list[tuple[Node, Node, str]]:
    groups: dict[tuple[Node, Node], set[Node]] = {}
    for statement in statements:
        groups.setdefault(key(statement), set()).add(statement.graph)  # type: ignore[operator]
    return [
        (a, b, "<br>".join(term(g, labels, lang) for g in sorted(graphs, key=str)))
        for (a, b), graphs in sorted(groups.items(), key=lambda kv: (compact(str(kv[0][0])), str(kv[0][1])))
    ]


# ---------------------------------------------------------------------------------------------
# A graph document (the dataset description)


def graph_page(
    request: Request,
    lang: str,
    title: str,
    intro: str,
    graph: Graph,
    first: Sequence[URIRef],
    alternates: Sequence[Format],
    extra: str = "",
) -> bytes:
    """Every subject of `graph` as a section (anchored by its compact name), the `first` ones first."""
    labels = Labels.of(graph)
    subjects = sorted(
        set(graph.subjects()), key=lambda s: (s not in first, first.index(s) if s in first else 0, str(s))
    )
    sections = []
    for subject in subjects:
        rows = sorted(graph.predicate_objects(subject), key=lambda po: (compact(str(po[0])), str(po[1])))
        anchor = compact(str(subject))
        name = labels.name(str(subject), lang)
        heading = f"{e(name)} <span class=iri>{e(anchor)}</span>" if name else e(anchor)
        sections.append(
            f'<section class=term id="{e(anchor)}"><h3><a href="{e(href(str(subject)))}">{heading}</a></h3>'
            + table(
                [w(lang, "property"), w(lang, "value")],
                ([term(p, labels, lang), term(o, labels, lang)] for p, o in rows),
                lang,
            )
            + "</section>"
        )
    body = f"<h1>{e(title)}</h1><p>{intro}</p>{extra}" + "".join(sections)
    return page(request, lang, title, body, alternates)


# ---------------------------------------------------------------------------------------------
# The ontology


_TERM_LINKS = (
    RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty,
    SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch, SKOS.broader, SKOS.inScheme,
    RDFS.domain, RDFS.range, RDFS.isDefinedBy, RDFS.seeAlso,
)  # fmt: skip
_TERM_TEXT = (RDFS.label, RDFS.comment, SKOS.prefLabel, SKOS.definition, SKOS.example, SKOS.editorialNote, SKOS.note)


def _local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1] if "#" in str(iri) else str(iri).rsplit("/", 1)[-1]


def _list_of(graph: Graph, node: Node) -> list[Node] | None:
    if isinstance(node, BNode) and (node, RDF.first, None) in graph:
        return list(Collection(graph, node))
    return None


def _value(graph: Graph, node: Node, labels: Labels, lang: str, depth: int = 0) -> str:
    """A value that may be a blank node (shown inline as [ p v ; … ]) or an RDF list (shown as ( a b ))."""
    items = _list_of(graph, node)
    if items is not None:
        return "( " + " ".join(_value(graph, i, labels, lang, depth + 1) for i in items) + " )"
    if isinstance(node, BNode) and depth < 4:
        parts = []
        for p, o in sorted(graph.predicate_objects(node), key=lambda po: str(po[0])):
            if p == SH.select:
                parts.append(f"{term(p, labels, lang)} <pre>{e(str(o).strip())}</pre>")
            elif p not in (RDF.type,):
                parts.append(f"{term(p, labels, lang)} {_value(graph, o, labels, lang, depth + 1)}")
        return "[ " + " ; ".join(parts) + " ]"
    return term(node, labels, lang)


def ontology_page(request: Request, lang: str, graph: Graph, alternates: Sequence[Format]) -> bytes:
    labels = Labels.of(graph)
    ontology = next(iter(sorted(graph.subjects(RDF.type, OWL.Ontology), key=str)), None)
    namespace = str(PV)
    title = (pick(graph.objects(ontology, DCTERMS.title), lang) if ontology else None) or "Proveniens ontology"
    head = [f"<h1>{e(title)}</h1>"]
    if ontology is not None:
        description = pick(graph.objects(ontology, DCTERMS.description), lang)
        facts = [
            (w(lang, "namespace"), f"<code>{e(namespace)}</code>"),
            (
                w(lang, "prefix"),
                e(pick(graph.objects(ontology, URIRef(VANN + "preferredNamespacePrefix")), lang) or ""),
            ),
            (
                w(lang, "version"),
                " ".join(_value(graph, v, labels, lang) for v in graph.objects(ontology, OWL.versionInfo))
                + " "
                + " ".join(term(v, labels, lang) for v in graph.objects(ontology, OWL.versionIRI)),
            ),
            (w(lang, "license"), " ".join(term(v, labels, lang) for v in graph.objects(ontology, DCTERMS.license))),
        ]
        head.append(f"<p>{e(description or '')}</p>")
        head.append(table(["", ""], ([k, v] for k, v in facts if v.strip()), lang))
        note = pick(graph.objects(ontology, SKOS.editorialNote), lang)
        if note:
            head.append(f"<p class=muted>{e(note)}</p>")

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
    toc = ["<h2>" + w(lang, "contents") + "</h2>"]
    for key, terms in groups:
        links = ", ".join(f'<a href="#{e(_local(t))}">{e(labels.name(str(t), lang) or _local(t))}</a>' for t in terms)
        toc.append(f"<p><strong>{w(lang, key)}</strong> ({len(terms)}): {links}</p>")
    sections = []
    for key, terms in groups:
        sections.append(f"<h2>{w(lang, key)}</h2>")
        sections.extend(_term_section(graph, t, labels, lang) for t in terms)
    if concepts:
        sections.append(f"<h2>{w(lang, 'concepts')}</h2>")
        sections.append(
            table(
                [w(lang, "concepts"), "skos:definition / rdfs:comment"],
                (
                    [
                        term(c, labels, lang),
                        e(pick([*graph.objects(c, SKOS.definition), *graph.objects(c, RDFS.comment)], lang) or ""),
                    ]
                    for c in concepts
                ),
                lang,
            )
        )
    alignments = sorted(
        (s, p, o)
        for s, p, o in graph
        if isinstance(s, URIRef)
        and not s.startswith(BASE)
        and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
    )
    if alignments:
        sections.append(f"<h2>{w(lang, 'alignments')}</h2>")
        sections.append(
            table(
                ["", "", ""],
                (
                    [term(s, labels, lang), term(p, labels, lang), _value(graph, o, labels, lang)]
                    for s, p, o in alignments
                ),
                lang,
            )
        )
    return page(request, lang, title, "".join(head + toc + sections), alternates)


def _term_section(graph: Graph, node: URIRef, labels: Labels, lang: str) -> str:
    name = labels.name(str(node), lang) or _local(node)
    comment = pick(graph.objects(node, RDFS.comment), lang)
    rows: list[tuple[str, str]] = []
    kinds = [
        t
        for t in graph.objects(node, RDF.type)
        if t not in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    ]
    if kinds:
        rows.append(("rdf:type", ", ".join(term(t, labels, lang) for t in sorted(kinds, key=str))))
    for predicate in _TERM_LINKS:
        values = sorted(graph.objects(node, predicate), key=str)
        if values:
            rows.append((compact(str(predicate)), ", ".join(_value(graph, v, labels, lang) for v in values)))
    shown = {*_TERM_LINKS, *_TERM_TEXT, RDF.type}
    for predicate in sorted({p for p in graph.predicates(node) if p not in shown}, key=str):
        values = sorted(graph.objects(node, predicate), key=str)
        rows.append((compact(str(predicate)), ", ".join(_value(graph, v, labels, lang) for v in values)))
    inverse = [
        ("subclasses", sorted(graph.subjects(RDFS.subClassOf, node), key=str)),
        ("domain_of", sorted(graph.subjects(RDFS.domain, node), key=str)),
        ("range_of", sorted(graph.subjects(RDFS.range, node), key=str)),
        ("instances", sorted((s for s in graph.subjects(RDF.type, node) if isinstance(s, URIRef)), key=str)),
    ]
    for key, subjects in inverse:
        if subjects:
            rows.append((w(lang, key), ", ".join(term(s, labels, lang) for s in subjects)))
    examples = "".join(f"<pre>{e(str(x))}</pre>" for x in sorted(graph.objects(node, SKOS.example), key=str))
    return (
        f'<section class=term id="{e(_local(node))}"><h3>{e(name)} <span class=iri>{e(compact(str(node)))}</span></h3>'
        f"<p class=iri><code>{e(node)}</code></p>"
        + (f"<p>{e(comment)}</p>" if comment else "")
        + (table(["", ""], ([e(k), v] for k, v in rows), lang) if rows else "")
        + (f"<p><strong>{w(lang, 'example')}</strong></p>{examples}" if examples else "")
        + "</section>"
    )


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


def _path(graph: Graph, node: Node, labels: Labels, lang: str) -> str:
    items = _list_of(graph, node)
    if items is not None:
        return " / ".join(_path(graph, i, labels, lang) for i in items)
    if isinstance(node, BNode):
        for predicate, mark in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                                (SH.zeroOrOnePath, "{}?")):  # fmt: skip
            inner = graph.value(node, predicate)
            if inner is not None:
                return mark.format(_path(graph, inner, labels, lang))
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            return "( " + " | ".join(_path(graph, i, labels, lang) for i in _list_of(graph, alternatives) or []) + " )"
    return term(node, labels, lang)


def shapes_page(
    request: Request, lang: str, modules: Sequence[tuple[str, Graph]], alternates: Sequence[Format], title: str
) -> bytes:
    """The shapes files (`modules`: name, graph) as a checklist: each NodeShape, its targets and its rules."""
    body = [f"<h1>{e(title)}</h1>"]
    if len(modules) > 1:
        body.append(
            f"<p><strong>{w(lang, 'modules')}</strong>: "
            + ", ".join(
                f'<a href="#module-{e(name)}">{e(name)}</a> (<a href="/shapes/{e(name)}">/shapes/{e(name)}</a>)'
                for name, _ in modules
            )
            + "</p>"
        )
    for name, graph in modules:
        labels = Labels.of(graph)
        header = next(iter(sorted(graph.subjects(RDF.type, OWL.Ontology), key=str)), None)
        heading = (pick(graph.objects(header, RDFS.label), lang) if header else None) or name
        comment = pick(graph.objects(header, RDFS.comment), lang) if header else None
        body.append(f'<h2 id="module-{e(name)}">{e(heading)}</h2>' + (f"<p>{e(comment)}</p>" if comment else ""))
        shapes = sorted((s for s in graph.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)), key=str)
        body.append(
            "<p>"
            + ", ".join(f'<a href="#{e(_local(s))}">{e(labels.name(str(s), lang) or _local(s))}</a>' for s in shapes)
            + "</p>"
        )
        body.extend(_shape_section(graph, s, labels, lang) for s in shapes)
    return page(request, lang, title, "".join(body), alternates)


def _constraints(graph: Graph, node: Node, labels: Labels, lang: str) -> str:
    parts = []
    for predicate in sorted({p for p in graph.predicates(node) if p not in _SHAPE_TEXT and p not in _TARGETS}, key=str):
        for value in sorted(graph.objects(node, predicate), key=str):
            parts.append(f"{term(predicate, labels, lang)} {_value(graph, value, labels, lang)}")
    return "<br>".join(parts)


def _shape_section(graph: Graph, shape: URIRef, labels: Labels, lang: str) -> str:
    name = pick(graph.objects(shape, SH.name), lang) or _local(shape)
    description = pick(graph.objects(shape, SH.description), lang)
    targets = ", ".join(
        f"{term(p, labels, lang)} {term(o, labels, lang)}"
        for p in _TARGETS
        for o in sorted(graph.objects(shape, p), key=str)
    )
    node_rules = _constraints(graph, shape, labels, lang)
    properties = sorted(graph.objects(shape, SH.property), key=lambda p: _local(p) if isinstance(p, URIRef) else str(p))
    rows, ids = [], []
    for prop in properties:
        rule_name = pick(graph.objects(prop, SH.name), lang) or ""
        rule_description = pick(graph.objects(prop, SH.description), lang) or ""
        rule_id = compact(str(prop)) if isinstance(prop, URIRef) else ""
        rows.append(
            [
                f"<strong>{e(rule_name)}</strong><br><span class=iri>{e(rule_id)}</span><br>{e(rule_description)}",
                _path(graph, graph.value(prop, SH.path), labels, lang)
                if graph.value(prop, SH.path) is not None
                else "",
                _constraints(graph, prop, labels, lang),
                term(graph.value(prop, SH.severity), labels, lang)
                if graph.value(prop, SH.severity) is not None
                else "",
                e(pick(graph.objects(prop, SH.message), lang) or ""),
            ]
        )
        ids.append(_local(prop) if isinstance(prop, URIRef) else "")
    return (
        f'<section class=term id="{e(_local(shape))}">'
        f"<h3>{e(name)} <span class=iri>{e(compact(str(shape)))}</span></h3>"
        + (f"<p>{e(description)}</p>" if description else "")
        + (f"<p><strong>{w(lang, 'targets')}</strong>: {targets}</p>" if targets else "")
        + (f"<p><strong>{w(lang, 'node_constraints')}</strong>: {node_rules}</p>" if node_rules else "")
        + table(
            [w(lang, "rule"), w(lang, "path"), w(lang, "constraint"), w(lang, "severity"), w(lang, "message")],
            rows,
            lang,
            ids,
        )
        + "</section>"
    )

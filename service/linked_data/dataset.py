"""The dataset described and downloadable: `/.well-known/void`, `/catalog` and `/dumps/…`.

`/.well-known/void` and `/catalog` serve the named graph `graph/void` that the build wrote
(proveniens/derived/dataset_description.py): VoID statistics per named graph, the DCAT catalogue with its
distributions, and the SPARQL Service Description — all counted from the build, read here through
the query backend, so they work over the on-disk store and a remote server alike.

`/dumps/…` serves the files the build being served wrote into its folder (`proveniens/storage/dumps.py`) for the
on-disk store: exactly the files listed in their `SHA256SUMS`, each with its SHA-256 as a strong
ETag. A remote store has no dumps folder here (dump it with its own tools).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from rdflib import Graph
from rdflib.namespace import DCTERMS

from proveniens.derived.dataset_description import CATALOG, DATASET, SERVICE, VOID_GRAPH
from proveniens.namespaces import BASE
from proveniens.service import caching
from proveniens.service.errors import NotFound
from proveniens.service.language import language
from proveniens.service.linked_data import rdf_html
from proveniens.service.linked_data.representations import (
    DOCUMENT_FORMATS,
    HTML,
    NTRIPLES,
    choose,
    headers,
    not_acceptable,
    respond,
    serialize,
)
from proveniens.service.sparql.backend.jobs import QueryJob
from proveniens.service.words import t
from proveniens.storage.dumps import CHECKSUMS, read_sums
from proveniens.storage.dumps import FOLDER as DUMPS

router = APIRouter(include_in_schema=False)

_DESCRIPTION = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{VOID_GRAPH}> {{ ?s ?p ?o }} }}"


async def _description(request: Request) -> Graph:
    job = QueryJob(_DESCRIPTION, graph_media="application/n-triples")
    _, body = await request.app.state.backend.run(job)
    data = b"".join([chunk async for chunk in body])
    graph = Graph().parse(data=data, format="nt")
    if not len(graph):
        raise NotFound("This build has no dataset description (the named graph graph/void is empty).")
    return graph


async def _serve_description(request: Request, canonical: str, kind: str) -> Response:
    fmt = choose(request, DOCUMENT_FORMATS)
    if fmt is None:
        raise not_acceptable(request, DOCUMENT_FORMATS)
    lang = language(request) if fmt is HTML else None
    version = await caching.build_version(request)
    tag = caching.etag(version, kind, fmt.key, *([lang] if lang else [])) if version else None
    if tag and caching.matches(request, tag):
        return caching.not_modified(headers(request, DOCUMENT_FORMATS, tag, canonical))
    graph = await _description(request)
    if fmt is HTML:
        assert lang is not None
        if kind == "catalog":
            first, downloads = [CATALOG, DATASET, SERVICE], _downloads(request)
        else:
            first, downloads = [DATASET, SERVICE, CATALOG], None
        intro = rdf_html.pick(graph.objects(DATASET, DCTERMS.description), lang) or ""
        title = t(lang, f"rdf.{kind}")
        body = rdf_html.graph_page(request, lang, title, intro, graph, first, DOCUMENT_FORMATS, downloads)
    else:
        body = serialize(fmt, graph)
    return respond(request, fmt, body, DOCUMENT_FORMATS, tag, canonical, lang)


@router.api_route("/.well-known/void", methods=["GET", "HEAD"])
async def void(request: Request) -> Response:
    """The VoID description of the dataset (with the DCAT catalogue and Service Description), built with the data."""
    return await _serve_description(request, BASE + ".well-known/void", "void")


@router.api_route("/catalog", methods=["GET", "HEAD"])
async def catalog(request: Request) -> Response:
    """The DCAT catalogue: the dataset, one dataset per named graph, their dump distributions, the SPARQL service."""
    return await _serve_description(request, BASE + "catalog", "catalog")


# ---------------------------------------------------------------------------------------------
# Dumps


def dumps_folder(request: Request) -> Path | None:
    """The dumps of the build being served (`<store>/current/dumps`); None for a remote store."""
    settings = request.app.state.settings
    return None if settings.remote is not None else settings.store_path / "current" / DUMPS


def checksums(folder: Path) -> dict[str, str]:
    """The files of a dumps folder and their SHA-256, as its SHA256SUMS lists them ({} when there is none)."""
    return read_sums(folder / CHECKSUMS)


def _downloads(request: Request) -> list[rdf_html.Dump]:
    """The dumps SHA256SUMS lists, with their sizes, then SHA256SUMS itself ([] when there are none)."""
    folder = dumps_folder(request)
    listed = checksums(folder) if folder else {}
    if not listed or folder is None:
        return []
    files = []
    for name, digest in sorted(listed.items()):
        path = folder / name
        files.append(rdf_html.Dump(name, path.stat().st_size if path.is_file() else 0, digest))
    return [*files, rdf_html.Dump(CHECKSUMS)]


def _no_dumps(request: Request) -> NotFound:
    """The 404 for a store without dumps, saying why."""
    if dumps_folder(request) is None:
        return NotFound("Dumps are not served for a remote store; dump it with the server's own tools.")
    return NotFound(
        "The build being served has no dumps (it was written before builds wrote them). "
        "Run: proveniens build --store <store>"
    )


@router.api_route("/dumps", methods=["GET", "HEAD"])
@router.api_route("/dumps/", methods=["GET", "HEAD"])
async def dumps_index(request: Request) -> Response:
    """The list of dumps with their SHA-256 (HTML for browsers, else the SHA256SUMS text)."""
    folder = dumps_folder(request)
    if folder is None or not checksums(folder):
        raise _no_dumps(request)
    sums = (folder / CHECKSUMS).read_bytes()
    # HTML when the client prefers it to plain text (negotiation counts text/plain as N-Triples), else the text.
    media = "text/html" if choose(request, (NTRIPLES, HTML)) is HTML else "text/plain"
    tag = caching.content_etag(sums, media.split("/")[1])
    out = {"ETag": tag, "Vary": "Accept, Accept-Language", "Cache-Control": "public, no-cache"}
    if caching.matches(request, tag):
        return caching.not_modified(out)
    if media == "text/plain":
        return Response(sums, media_type="text/plain; charset=utf-8", headers=out)
    body = rdf_html.downloads_page(request, language(request), _downloads(request))
    return Response(body, media_type="text/html; charset=utf-8", headers=out)


@router.api_route("/dumps/{name:path}", methods=["GET", "HEAD"])
async def dump(request: Request, name: str) -> Response:
    """One dump file (gzip), or SHA256SUMS; only the files SHA256SUMS lists are served."""
    folder = dumps_folder(request)
    if folder is None:
        raise _no_dumps(request)
    listed = checksums(folder)
    if name == CHECKSUMS and listed:
        digest, media = None, "text/plain; charset=utf-8"
    elif name in listed:
        digest, media = listed[name], "application/gzip" if name.endswith(".gz") else "application/octet-stream"
    else:
        if not listed:
            raise _no_dumps(request)
        raise NotFound(f"There is no dump {name!r}; see /dumps/{CHECKSUMS}.")
    path = folder / name
    if not path.is_file():
        raise NotFound(f"The dump {name!r} is listed but missing on disk; run proveniens build.")
    tag = f'"{digest}"' if digest else caching.content_etag(path.read_bytes())
    out = {"ETag": tag, "Cache-Control": "public, no-cache"}
    if caching.matches(request, tag):
        return caching.not_modified(out)
    return FileResponse(path, media_type=media, headers=out, filename=Path(name).name)

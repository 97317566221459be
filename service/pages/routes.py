"""HTML pages for people, in Swedish and English: home with search and timeline, a page per resource
with its lineage picture and evidence, the evidence of one link, the source viewer and the query editor.

Templates are Jinja2 with autoescaping on, so every label, quote and IRI is shown as text; data for
the scripts goes through `tojson`, which escapes `<`, `>` and `&`.
"""

from __future__ import annotations

import asyncio
import mimetypes
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from proveniens.errors import QueryError
from proveniens.named_queries import named_queries
from proveniens.namespaces import BASE, SOURCE
from proveniens.service.answers import reader, source_text
from proveniens.service.answers.api import query_info
from proveniens.service.answers.models import Chain, Resource, RiksdagStep
from proveniens.service.answers.named import NamedQueries
from proveniens.service.errors import NotFound, Unprocessable
from proveniens.service.language import language
from proveniens.service.linked_data import dereference as linked_data
from proveniens.service.linked_data.representations import DESCRIPTION_FORMATS, HTML, choose
from proveniens.service.pages.lineage_picture import picture
from proveniens.service.pages.naming import display
from proveniens.service.pages.render import render
from proveniens.service.sparql.backend.bindings import encode_terms, inlined, with_values
from proveniens.service.sparql.backend.portable import without_lateral

router = APIRouter(include_in_schema=False, tags=["pages"])  # the tag: errors here answer as pages

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
_IMPACT_KINDS = {
    "sou", "proposal", "inquiry", "directive", "proposition", "law", "provision", "agreement", "strategy", "report",
    "riksdag-decision", "clause", "skrivelse", "motion", "committee-report", "decision-point",
}  # fmt: skip
# Documents the Riksdag handles in a committee report, and the report itself.
_RIKSDAG_KINDS = {"proposition", "skrivelse", "motion", "committee-report"}

# The questions people ask first lead the editor's tabs; the helper queries of the pages follow.
_EDITOR_ORDER = (
    "lineage", "impact", "search", "evidence", "timeline", "decisions_of_body", "person_roles", "remiss_responses",
    "propositions_built_on_sou",
)  # fmt: skip

def _queries(request: Request) -> NamedQueries:
    return request.app.state.named_queries  # type: ignore[no-any-return]


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> Response:
    entries = await reader.timeline(_queries(request))
    years: dict[str, list[Any]] = {}
    for entry in entries:
        years.setdefault(entry.sort_date[:4], []).append(entry)
    return render(request, "home.html", years=years)


@router.get("/ui/search", response_class=HTMLResponse)
async def search(request: Request, q: str = "") -> Response:
    if not q.strip():
        return RedirectResponse("/", status_code=303)
    result = await reader.search(_queries(request), q[:200])
    return render(request, "search.html", q=q, hits=result.hits)


@router.get("/ui/resource", response_class=HTMLResponse)
async def resource(request: Request, iri: str = "") -> Response:
    if not iri:
        raise Unprocessable("iri is missing: /ui/resource?iri=<an IRI>")
    queries = _queries(request)
    found = await reader.lookup(queries, iri)
    kind = found.kind
    tasks: dict[str, Any] = {
        "detail": reader.detail_of(queries, found),
        "links": reader.links(queries, iri),
        "lineage": reader.lineage_of(queries, found, context=True),
        "sources": reader.source_names(queries),
    }
    if kind in _IMPACT_KINDS:
        tasks["impact"] = reader.impact_of(queries, found)
    if kind == "person":
        tasks["roles"] = reader.roles(queries, iri, known=True)
    if kind in ("body", "organisation"):
        tasks["decisions"] = reader.decisions(queries, iri, known=True)
    if kind == "meeting":
        tasks["meeting"] = reader.meeting(queries, iri, known=found)
    if kind == "sou":
        tasks["remiss"] = reader.remiss(queries, iri, known=True)
    if kind in _RIKSDAG_KINDS:
        tasks["riksdag"] = reader.riksdag_handling(queries, iri, known=True)
    results = dict(zip(tasks, await asyncio.gather(*tasks.values()), strict=True))
    if kind == "committee-report":
        await _with_party_votes(queries, iri, results["riksdag"])
    lineage: Chain = results["lineage"]
    lang = language(request)
    return render(
        request,
        "resource.html",
        resource=found,
        detail=results["detail"],
        links=results["links"],
        lineage=lineage,
        lineage_hops=[h for h in lineage.hops if not h.context],
        picture=picture(lineage, lang, lambda r: display(r, lang)) if lineage.hops else None,
        impact=results.get("impact"),
        roles=results.get("roles"),
        decisions=results.get("decisions"),
        meeting=results.get("meeting"),
        remiss=results.get("remiss"),
        riksdag=results.get("riksdag"),
        names=_names(lineage, results.get("impact")),
        sources=results["sources"],
    )


async def _with_party_votes(queries: NamedQueries, report: str, steps: list[RiksdagStep]) -> None:
    """Each voted point of the report with its vote per party."""
    voted = [s for s in steps if s.vote is not None and s.number is not None]
    found = await asyncio.gather(*(reader.party_votes(queries, report, s.number or 0) for s in voted))
    for step, parties in zip(voted, found, strict=True):
        step.parties = parties


def _names(*chains: Chain | None) -> dict[str, Resource]:
    """Every resource of the chains by IRI, so a template can name a hop's ends."""
    return {r.iri: r for c in chains if c is not None for r in c.resources}


@router.get("/ui/evidence", response_class=HTMLResponse)
async def evidence(request: Request, subject: str = "", property: str = "", object: str = "") -> Response:
    if not (subject and property and object):
        raise Unprocessable("subject, property and object are all needed.")
    queries = _queries(request)
    link, sources = await asyncio.gather(
        reader.link_evidence(queries, subject, property, object), reader.source_names(queries)
    )
    return render(request, "evidence.html", evidence_link=link, sources=sources)


@router.get("/source/{file}", response_class=HTMLResponse)
async def source(request: Request, file: str) -> Response:
    """The source viewer for people; a client that prefers data gets the document's RDF description."""
    if choose(request, DESCRIPTION_FORMATS) is not HTML:
        return await linked_data.describe(request, str(SOURCE[file]))
    if not source_text.valid_name(file):
        raise Unprocessable(f"{file!r} is not a source file name.")
    queries = _queries(request)
    document = await reader.source_document(queries, file)
    sha = document["sha256"].value if "sha256" in document else None
    text, citations = await asyncio.gather(
        asyncio.to_thread(source_text.read, request.app.state.settings.sources, file, sha),
        reader.source_citations(queries, file),
    )
    cited: dict[int, list[int]] = {}
    for index, citation in enumerate(citations):
        for line in range(citation.evidence.line_start, citation.evidence.line_end + 1):
            cited.setdefault(line, []).append(index)
    sources = await reader.source_names(queries)
    return render(request, "source.html", file=file, text=text, citations=citations, cited=cited, sources=sources)


@router.get("/sparql/editor", response_class=HTMLResponse)
async def editor(request: Request) -> Response:
    examples = editor_examples(language(request), request.app.state.backend.lateral)
    return render(request, "editor.html", examples=examples, base=BASE)


def editor_examples(lang: str, lateral: bool = True) -> list[dict[str, str]]:
    """Each named query with its example parameters bound by a VALUES block, ready to run in the editor, and
    its summary in `lang` (as written when its header has none in `lang`): what the tabs and the list show.
    For a backend that does not read LATERAL, the query is the one the service itself would send there: its
    hints unwrapped and its parameters also written in (backend/portable.py, backend/bindings.py)."""
    examples = []
    first = [n for n in _EDITOR_ORDER if n in named_queries()]
    for name in first + sorted(set(named_queries()) - set(first)):
        query, info = named_queries()[name], query_info(name)
        text = query.text
        if query.parameters and set(info.example) >= {p.name for p in query.parameters}:
            try:
                substitutions = encode_terms(query.bind(info.example))
                if not lateral:
                    text = inlined(without_lateral(text), substitutions)
                text = with_values(text, substitutions)
            except (QueryError, ValueError):
                text = query.text
        examples.append({"name": name, "summary": query.summary_in(lang), "query": text})
    return examples


@router.get("/static/{path:path}")
async def static(path: str) -> Response:
    target = (STATIC / path).resolve()
    if not target.is_file() or STATIC not in target.parents:
        raise NotFound(f"There is no static file {path!r}.")
    media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target, media_type=media, headers={"Cache-Control": "public, max-age=3600"})

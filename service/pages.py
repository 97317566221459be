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
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from proveniens.day_words import day_in_words, range_in_words
from proveniens.errors import QueryError
from proveniens.named_queries import named_queries
from proveniens.namespaces import BASE, SOURCE
from proveniens.service import linked_data, reader, source_text
from proveniens.service.i18n import LANGUAGES, kind_name, pick_language, t
from proveniens.service.lineage_picture import picture
from proveniens.service.models import Chain, HitContext, Labels, Resource, TimelineEntry
from proveniens.service.representations import DESCRIPTION_FORMATS, HTML, choose
from proveniens.service.source_names import cite
from proveniens.service.sparql.backend.bindings import encode_terms, with_values
from proveniens.service.sparql.backend.jobs import QueryFailed

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
_LANG_COOKIE = "proveniens_lang"
_IDENTIFIED = {"sou", "proposition", "law", "directive", "inquiry", "remiss-response"}
_IMPACT_KINDS = {
    "sou", "proposal", "inquiry", "directive", "proposition", "law", "provision", "agreement", "strategy", "report",
    "riksdag-decision", "clause",
}  # fmt: skip

# The questions people ask first lead the editor's tabs; the helper queries of the pages follow.
_EDITOR_ORDER = (
    "lineage", "impact", "search", "evidence", "timeline", "decisions_of_body", "person_roles", "remiss_responses",
    "propositions_built_on_sou",
)  # fmt: skip

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def language(request: Request) -> str:
    """?lang= wins, then the cookie, then Accept-Language, then Swedish."""
    if (asked := request.query_params.get("lang")) in LANGUAGES:
        return asked  # type: ignore[return-value]
    if (kept := request.cookies.get(_LANG_COOKIE)) in LANGUAGES:
        return kept  # type: ignore[return-value]
    accept = request.headers.get("accept-language", "").lower()
    return "en" if accept.startswith("en") else pick_language(None)


def display(resource: Resource, lang: str) -> str:
    """What a reader calls a resource: its identifier for documents (SOU 2020:19), else its label."""
    label = resource.label.pick(lang)
    if resource.identifier and (resource.kind in _IDENTIFIED or not label):
        return resource.identifier
    return label or resource.identifier or resource.iri.rsplit("/", 1)[-1]


def when(entry: TimelineEntry) -> str:
    """A timeline date as precise as the sources are: a day, a month (2017-06), a year (2016) or a range."""
    if entry.date:
        return entry.date
    start, end = entry.earliest or entry.sort_date, entry.latest
    if not end or end == start:
        return start
    if start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    if start[:7] == end[:7] and start[8:] == "01":
        return start[:7]
    return f"{start} – {end}"


def meeting_words(context: HitContext, lang: str) -> str:
    """A meeting as people name it: "SRO, 24 september 2021"; undated, "VVG, april–augusti 2020"."""
    if context.date:
        held = day_in_words(context.date, lang)
    elif context.earliest and context.latest:
        held = range_in_words(context.earliest, context.latest, lang)
    else:
        held = None
    return ", ".join(part for part in (context.body, held) if part)


def _switch_url(request: Request, lang: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", lang)]
    return request.url.path + "?" + urlencode(params)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template in the page's language; `sources` (from reader.source_names) names cited files."""
    lang = language(request)
    other = "en" if lang == "sv" else "sv"
    sources = context.pop("sources", None) or {}
    html = _env.get_template(template).render(
        request=request,
        lang=lang,
        t=lambda key: t(lang, key),
        kind=lambda k: kind_name(lang, k),
        show=lambda r: display(r, lang),
        pick=lambda labels: labels.pick(lang) if isinstance(labels, Labels) else labels,
        when=when,
        meeting_words=lambda context: meeting_words(context, lang),
        source_title=lambda file: cite(sources.get(file), file, lang),
        switch_url=_switch_url(request, other),
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(_LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def _problem(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, message=message)


async def _page(request: Request, work: Any) -> Response:
    try:
        return await work
    except reader.NotFound as err:
        return _problem(request, 404, err.message)
    except QueryError as err:
        return _problem(request, 422, str(err))
    except QueryFailed as err:
        return _problem(request, err.status, err.message)


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> Response:
    async def work() -> Response:
        entries = await reader.timeline(request)
        years: dict[str, list[Any]] = {}
        for entry in entries:
            years.setdefault(entry.sort_date[:4], []).append(entry)
        return render(request, "home.html", years=years)

    return await _page(request, work())


@router.get("/ui/search", response_class=HTMLResponse)
async def search(request: Request, q: str = "") -> Response:
    if not q.strip():
        return RedirectResponse("/", status_code=303)

    async def work() -> Response:
        result = await reader.search(request, q[:200])
        return render(request, "search.html", q=q, hits=result.hits)

    return await _page(request, work())


@router.get("/ui/resource", response_class=HTMLResponse)
async def resource(request: Request, iri: str = "") -> Response:
    if not iri:
        return _problem(request, 422, "iri is missing: /ui/resource?iri=<an IRI>")
    return await _page(request, _resource(request, iri))


async def _resource(request: Request, iri: str) -> Response:
    found = await reader.lookup(request, iri)
    kind = found.kind
    tasks: dict[str, Any] = {
        "detail": reader.detail_of(request, found),
        "links": reader.links(request, iri),
        "lineage": reader.lineage_of(request, found, context=True),
        "sources": reader.source_names(request),
    }
    if kind in _IMPACT_KINDS:
        tasks["impact"] = reader.impact_of(request, found)
    if kind == "person":
        tasks["roles"] = reader.roles(request, iri, known=True)
    if kind in ("body", "organisation"):
        tasks["decisions"] = reader.decisions(request, iri, known=True)
    if kind == "meeting":
        tasks["meeting"] = reader.meeting(request, iri, known=found)
    if kind == "sou":
        tasks["remiss"] = reader.remiss(request, iri, known=True)
    results = dict(zip(tasks, await asyncio.gather(*tasks.values()), strict=True))
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
        names=_names(lineage, results.get("impact")),
        sources=results["sources"],
    )


def _names(*chains: Chain | None) -> dict[str, Resource]:
    """Every resource of the chains by IRI, so a template can name a hop's ends."""
    return {r.iri: r for c in chains if c is not None for r in c.resources}


@router.get("/ui/evidence", response_class=HTMLResponse)
async def evidence(request: Request, subject: str = "", property: str = "", object: str = "") -> Response:
    if not (subject and property and object):
        return _problem(request, 422, "subject, property and object are all needed.")

    async def work() -> Response:
        link, sources = await asyncio.gather(
            reader.link_evidence(request, subject, property, object), reader.source_names(request)
        )
        return render(request, "evidence.html", evidence_link=link, sources=sources)

    return await _page(request, work())


@router.get("/source/{file}", response_class=HTMLResponse)
async def source(request: Request, file: str) -> Response:
    """The source viewer for people; a client that prefers data gets the document's RDF description."""
    if choose(request, DESCRIPTION_FORMATS) is not HTML:
        return await linked_data.describe(request, str(SOURCE[file]))
    if not source_text.valid_name(file):
        return _problem(request, 422, f"{file!r} is not a source file name.")

    async def work() -> Response:
        document = await reader.source_document(request, file)
        sha = document["sha256"].value if "sha256" in document else None
        text, citations = await asyncio.gather(
            asyncio.to_thread(source_text.read, request.app.state.settings.sources, file, sha),
            reader.source_citations(request, file),
        )
        cited: dict[int, list[int]] = {}
        for index, citation in enumerate(citations):
            for line in range(citation.evidence.line_start, citation.evidence.line_end + 1):
                cited.setdefault(line, []).append(index)
        sources = await reader.source_names(request)
        return render(request, "source.html", file=file, text=text, citations=citations, cited=cited, sources=sources)

    return await _page(request, work())


@router.get("/sparql/editor", response_class=HTMLResponse)
async def editor(request: Request) -> Response:
    return render(request, "editor.html", examples=editor_examples(language(request)), base=BASE)


def editor_examples(lang: str) -> list[dict[str, str]]:
    """Each named query with its example parameters bound by a VALUES block, ready to run in the editor, and
    its summary in `lang` (as written when its header has none in `lang`): what the tabs and the list show."""
    from proveniens.service.api import query_info

    examples = []
    first = [n for n in _EDITOR_ORDER if n in named_queries()]
    for name in first + sorted(set(named_queries()) - set(first)):
        query, info = named_queries()[name], query_info(name)
        text = query.text
        if query.parameters and set(info.example) >= {p.name for p in query.parameters}:
            try:
                text = with_values(text, encode_terms(query.bind(info.example)))
            except (QueryError, ValueError):
                text = query.text
        examples.append({"name": name, "summary": query.summary_in(lang), "query": text})
    return examples


@router.get("/static/{path:path}")
async def static(path: str) -> Response:
    target = (STATIC / path).resolve()
    if not target.is_file() or STATIC not in target.parents:
        return Response("Not found\n", status_code=404, media_type="text/plain")
    media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target, media_type=media, headers={"Cache-Control": "public, max-age=3600"})

"""The JSON API under /api: each route a thin layer over named queries (queries/*.rq).

An IRI the graph does not know is 404 with a message; a parameter that is missing, not an IRI or not
a date is 422; a busy or slow backend keeps its status (503, 504).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from proveniens.named_queries import named_queries
from proveniens.service.answers import reader
from proveniens.service.answers.models import (
    Chain,
    DecisionEntry,
    LinkEvidence,
    LinkSummary,
    MeetingDetail,
    NamedQueryInfo,
    RemissAnswer,
    ResourceDetail,
    RoleEntry,
    SearchResult,
    TimelineEntry,
)
from proveniens.service.answers.named import NamedQueries
from proveniens.service.errors import Unprocessable

router = APIRouter(prefix="/api", tags=["api"])

Iri = Annotated[
    str, Query(min_length=1, max_length=2000, description="an absolute IRI, e.g. https://w3id.org/proveniens/sou/2020:19")
]
PropertyIri = Annotated[
    str, Query(min_length=1, max_length=2000, description="e.g. https://w3id.org/proveniens/ontology#follows")
]
_EXAMPLE_PARAM = re.compile(r"--param\s+(\w+)=(\S+)")


def _queries(request: Request) -> NamedQueries:
    return request.app.state.named_queries  # type: ignore[no-any-return]


Queries = Annotated[NamedQueries, Depends(_queries)]


@router.get("/search", response_model=SearchResult, summary="Label search, Swedish and English, diacritics-insensitive")
async def search(
    queries: Queries, q: Annotated[str, Query(min_length=1, max_length=200, description="e.g. vardkontakt")]
) -> SearchResult:
    """Resources whose label, title, name or identifier contains `q`, ignoring case and diacritics.

    Named query `search`; 'vardkontakt' finds 'vårdkontakt'."""
    if not q.strip():
        raise Unprocessable("q is empty: give some text to look for.")
    return await reader.search(queries, q)


@router.get("/lineage", response_model=Chain, summary="What a clause, decision or document rests on")
async def lineage(
    queries: Queries,
    iri: Iri,
    context: Annotated[bool, Query(description="also where the same inquiries and SOUs led (context hops)")] = False,
) -> Chain:
    """Hop by hop back to proposals, SOUs, inquiries, directives, propositions and laws, with evidence per hop
    (named queries `lineage` and, with `context=true`, `lineage_context`)."""
    return await reader.lineage(queries, iri, context=context)


@router.get("/impact", response_model=Chain, summary="What came of an SOU, proposal, inquiry or document")
async def impact(queries: Queries, iri: Iri) -> Chain:
    """Propositions, laws, agreement clauses, decisions and remiss responses resting on `iri` (named query `impact`)."""
    return await reader.impact(queries, iri)


@router.get("/evidence", response_model=LinkEvidence, summary="The evidence behind one link")
async def evidence(
    queries: Queries,
    subject: Iri,
    property: PropertyIri,
    object: Iri,
) -> LinkEvidence:
    """Quotes, files, lines and assertion mode for the link subject–property–object (named query `evidence`)."""
    return await reader.link_evidence(queries, subject, property, object)


@router.get("/resource", response_model=ResourceDetail, summary="A resource's labels, facts and attesting evidence")
async def resource(queries: Queries, iri: Iri) -> ResourceDetail:
    """Named queries `resource_summary`, `resource` and `resource_evidence`."""
    return await reader.detail(queries, iri)


@router.get("/links", response_model=list[LinkSummary], summary="Every link with evidence touching a resource")
async def links(queries: Queries, iri: Iri) -> list[LinkSummary]:
    """Named query `resource_links`."""
    await reader.lookup(queries, iri)
    return await reader.links(queries, iri)


@router.get("/timeline", response_model=list[TimelineEntry], summary="The timeline of the reform")
async def timeline(queries: Queries) -> list[TimelineEntry]:
    """Dated documents, decisions, agreements and laws in order (named query `timeline`)."""
    return await reader.timeline(queries)


@router.get("/decisions", response_model=list[DecisionEntry], summary="Decisions of a body in a period")
async def decisions(
    queries: Queries,
    body: Iri,
    from_: Annotated[date | None, Query(alias="from", description="first day, YYYY-MM-DD")] = None,
    to: Annotated[date | None, Query(description="last day, YYYY-MM-DD")] = None,
) -> list[DecisionEntry]:
    """Named query `decisions_of_body`."""
    start, end = from_ or reader.EARLIEST, to or reader.LATEST
    if start > end:
        raise Unprocessable(f"from ({start}) is after to ({end}).")
    return await reader.decisions(queries, body, start, end)


@router.get("/person", response_model=list[RoleEntry], summary="A person's roles and attendance over time")
async def person(queries: Queries, iri: Iri) -> list[RoleEntry]:
    """Named query `person_roles`."""
    return await reader.roles(queries, iri)


@router.get("/meeting", response_model=MeetingDetail, summary="A meeting's agenda, decisions and attendance")
async def meeting(queries: Queries, iri: Iri) -> MeetingDetail:
    """Named query `meeting`."""
    return await reader.meeting(queries, iri)


@router.get("/remiss", response_model=list[RemissAnswer], summary="Remiss responses to an SOU with their positions")
async def remiss(queries: Queries, sou: Iri) -> list[RemissAnswer]:
    """Named query `remiss_responses`."""
    return await reader.remiss(queries, sou)


@router.get("/queries", response_model=list[NamedQueryInfo], summary="The named queries and their headers")
async def queries() -> list[NamedQueryInfo]:
    """Every queries/*.rq file: its question, parameters, result columns and example values."""
    return [query_info(name) for name in sorted(named_queries())]


def query_info(name: str) -> NamedQueryInfo:
    query = named_queries()[name]
    example_line = next((line for line in query.text.splitlines() if line.startswith("#+ example:")), "")
    return NamedQueryInfo(
        name=name,
        summary=query.summary,
        parameters={p.name: f"{p.kind}: {p.description}" for p in query.parameters},
        columns=query.columns,
        example=dict(_EXAMPLE_PARAM.findall(example_line)),
    )

"""The questions the API and the pages ask, each answered by named queries run through the backend.

Every function raises `NotFound` for an IRI the graph does not know, `QueryError` for a parameter
that is not a valid term (both turned into 404 and 422 at the edges) and `QueryFailed` when the
backend cannot answer.
"""

from __future__ import annotations

import asyncio
from datetime import date

from fastapi import Request

from proveniens.service import views
from proveniens.service.days_typed import day_typed
from proveniens.service.models import (
    AgendaEntry,
    Chain,
    DecisionEntry,
    Labels,
    LinkEvidence,
    LinkSummary,
    MeetingDetail,
    Participant,
    Position,
    RemissAnswer,
    Resource,
    ResourceDetail,
    RoleEntry,
    SearchResult,
    SourceCitation,
    TimelineEntry,
)
from proveniens.service.named import Row, select
from proveniens.service.source_names import SourceName

EARLIEST = date(1000, 1, 1)
LATEST = date(9999, 12, 31)


class NotFound(LookupError):
    """The graph does not know the IRI (or file) asked for."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _v(row: Row, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if iri else None


async def lookup(request: Request, iri: str) -> Resource:
    """The resource named `iri`, or NotFound."""
    found = views.summary(iri, await select(request, "resource_summary", iri=iri))
    if found is None:
        raise NotFound(f"The graph has nothing about <{iri}>. Search for it with /api/search?q=…")
    return found


async def lineage(request: Request, iri: str, context: bool = True) -> Chain:
    """What `iri` rests on, hop by hop; with `context`, also where the same inquiries and SOUs led."""
    return await lineage_of(request, await lookup(request, iri), context)


async def lineage_of(request: Request, start: Resource, context: bool = True) -> Chain:
    rows, context_rows = await asyncio.gather(
        select(request, "lineage", start=start.iri),
        select(request, "lineage_context", start=start.iri) if context else _nothing(),
    )
    return views.chain(start, rows, context_rows)


async def _nothing() -> list[Row]:
    return []


async def impact(request: Request, iri: str) -> Chain:
    """What came of `iri`: everything that rests on it, hop by hop."""
    return await impact_of(request, await lookup(request, iri))


async def impact_of(request: Request, start: Resource) -> Chain:
    return views.chain(start, await select(request, "impact", start=start.iri))


async def search(request: Request, q: str) -> SearchResult:
    """Label search; a text that writes a day ("24 september 2021") is searched as that day."""
    day = day_typed(q)
    asked = day.isoformat() if day else q
    return SearchResult(q=q, hits=views.search_hits(await select(request, "search", q=asked)))


async def link_evidence(request: Request, subject: str, prop: str, obj: str) -> LinkEvidence:
    """The evidence behind one link; NotFound when an end is unknown or the graph has no such link."""
    subject_resource, object_resource = await asyncio.gather(lookup(request, subject), lookup(request, obj))
    rows = await select(request, "evidence", subject=subject, property=prop, object=obj)
    if not rows:
        facts = await select(request, "resource", iri=subject)
        if not any(_v(r, "property") == prop and _v(r, "value") == obj for r in facts):
            raise NotFound(f"The graph has no link <{subject}> <{prop}> <{obj}>.")
    return views.link_evidence(subject_resource, prop, object_resource, rows)


async def timeline(request: Request) -> list[TimelineEntry]:
    return views.timeline(await select(request, "timeline"))


async def detail(request: Request, iri: str) -> ResourceDetail:
    """A resource's facts and the evidence attesting it."""
    return await detail_of(request, await lookup(request, iri))


async def detail_of(request: Request, resource: Resource) -> ResourceDetail:
    fact_rows, attested = await asyncio.gather(
        select(request, "resource", iri=resource.iri), select(request, "resource_evidence", iri=resource.iri)
    )
    return ResourceDetail(resource=resource, facts=views.facts(fact_rows), attested_by=views.evidence_list(attested))


async def links(request: Request, iri: str) -> list[LinkSummary]:
    """Every link with evidence that touches `iri`, grouped per link."""
    return views.link_rows(await select(request, "resource_links", iri=iri))


async def decisions(
    request: Request, body: str, start: date = EARLIEST, end: date = LATEST, known: bool = False
) -> list[DecisionEntry]:
    """Decisions of `body` at meetings in [start, end]; `known` skips the check that the graph knows `body`."""
    if not known:
        await lookup(request, body)
    rows = await select(
        request, "decisions_of_body", body=body, fromDate=start.isoformat(), toDate=end.isoformat()
    )
    found: dict[str, DecisionEntry] = {}
    for row in rows:
        decision, meeting, item = _v(row, "decision"), _v(row, "meeting"), _v(row, "item")
        if decision is None or meeting is None or item is None:
            continue
        entry = found.get(decision)
        if entry is None:
            number = _v(row, "itemNumber")
            entry = found[decision] = DecisionEntry(
                decision=decision,
                text=_v(row, "decisionText"),
                meeting=_plain(meeting, None, _v(row, "meetingLabel"), _v(row, "meetingLabelEn")),
                meeting_date=_v(row, "meetingDate"),
                meeting_earliest=_v(row, "meetingEarliest"),
                meeting_latest=_v(row, "meetingLatest"),
                item=item,
                item_number=int(number) if number and number.isdigit() else None,
                item_title=_v(row, "itemTitle"),
            )
        concerns = _v(row, "concerns")
        if concerns and all(c.iri != concerns for c in entry.concerns):
            entry.concerns.append(
                _plain(concerns, _v(row, "concernsId"), _v(row, "concernsLabel"), _v(row, "concernsLabelEn"))
            )
    return list(found.values())


def _labels(row: Row, column: str) -> Labels | None:
    """The Swedish and English labels in `column` and `column`En, if the row has them."""
    sv, en = _v(row, column), _v(row, column + "En")
    return Labels(sv=sv, en=en) if sv or en else None


def _plain(iri: str, identifier: str | None = None, sv: str | None = None, en: str | None = None) -> Resource:
    return Resource(iri=iri, identifier=identifier, label=Labels(sv=sv, en=en), page=views.resource_url(iri))


async def roles(request: Request, person: str, known: bool = False) -> list[RoleEntry]:
    if not known:
        await lookup(request, person)
    found: dict[tuple[str | None, ...], RoleEntry] = {}
    for row in await select(request, "person_roles", person=person):
        kind = _v(row, "kind")
        if kind not in ("membership", "attendance", "presenter"):
            continue
        key = (kind, _v(row, "membership"), _v(row, "item"), _v(row, "meeting"))
        if key in found:
            continue
        organization, meeting, role = _v(row, "organization"), _v(row, "meeting"), _v(row, "role")
        found[key] = RoleEntry(
            kind=kind,  # type: ignore[arg-type]
            organization=_plain(organization, None, _v(row, "organizationLabel"), _v(row, "organizationLabelEn"))
            if organization
            else None,
            role=Labels(sv=_v(row, "roleLabel") or _local(role), en=_v(row, "roleLabelEn") or _local(role))
            if role
            else None,
            start=_v(row, "start"),
            end=_v(row, "end"),
            earliest=_v(row, "earliest"),
            latest=_v(row, "latest"),
            meeting=_plain(meeting, None, _v(row, "meetingLabel"), _v(row, "meetingLabelEn")) if meeting else None,
            meeting_date=_v(row, "meetingDate"),
            attendance=_local(_v(row, "attendance")),
            attendance_label=_labels(row, "attendanceLabel"),
            left_at=_v(row, "leftAt"),
            item_title=_v(row, "itemTitle"),
            sort_date=_v(row, "sortDate"),
        )
    return sorted(found.values(), key=lambda r: (r.sort_date or "9999", r.kind))


async def remiss(request: Request, sou: str, known: bool = False) -> list[RemissAnswer]:
    if not known:
        await lookup(request, sou)
    found: dict[str, RemissAnswer] = {}
    seen_positions: set[str] = set()
    for row in await select(request, "remiss_responses", sou=sou):
        response = _v(row, "response")
        if response is None:
            continue
        answer = found.get(response)
        if answer is None:
            creator = _v(row, "creator")
            answer = found[response] = RemissAnswer(
                response=_plain(response, _v(row, "identifier")),
                identifier=_v(row, "identifier"),
                date=_v(row, "date"),
                earliest=_v(row, "earliest"),
                latest=_v(row, "latest"),
                creator=_plain(creator, None, _v(row, "creatorLabel"), _v(row, "creatorLabelEn")) if creator else None,
            )
        position = _v(row, "position")
        if position and position not in seen_positions:
            seen_positions.add(position)
            proposal = _v(row, "proposal")
            answer.positions.append(
                Position(
                    proposal=_plain(proposal, None, _v(row, "proposalLabel"), _v(row, "proposalLabelEn"))
                    if proposal
                    else None,
                    stance=_local(_v(row, "stance")),
                    quote=_v(row, "quote"),
                )
            )
    return list(found.values())


async def meeting(request: Request, iri: str, known: Resource | None = None) -> MeetingDetail:
    resource = known or await lookup(request, iri)
    items: dict[str, AgendaEntry] = {}
    participants: dict[str, Participant] = {}
    for row in await select(request, "meeting", meeting=iri):
        if _v(row, "kind") == "item" and (item := _v(row, "item")):
            number = _v(row, "itemNumber")
            entry = items.setdefault(
                item,
                AgendaEntry(
                    item=_plain(item, None, _v(row, "itemTitle")),
                    number=int(number) if number and number.isdigit() else None,
                    title=_v(row, "itemTitle"),
                ),
            )
            if (presenter := _v(row, "presenter")) and all(p.iri != presenter for p in entry.presenters):
                name = _v(row, "presenterName")
                entry.presenters.append(_plain(presenter, None, name, name))
            if (decision := _v(row, "decision")) and all(d.iri != decision for d in entry.decisions):
                entry.decisions.append(_plain(decision))
                if text := _v(row, "decisionText"):
                    entry.decision_texts.append(text)
        elif _v(row, "kind") == "participant" and (participation := _v(row, "participation")):
            person, role = _v(row, "person"), _v(row, "role")
            name = _v(row, "personName")
            participants.setdefault(
                participation,
                Participant(
                    person=_plain(person, None, name, name) if person else None,
                    role=Labels(sv=_v(row, "roleLabel") or _local(role), en=_v(row, "roleLabelEn") or _local(role))
                    if role
                    else None,
                    attendance=_local(_v(row, "attendance")),
                    attendance_label=_labels(row, "attendanceLabel"),
                    left_at=_v(row, "leftAt"),
                ),
            )
    ordered = sorted(items.values(), key=lambda e: (e.number is None, e.number or 0, e.item.iri))
    return MeetingDetail(meeting=resource, items=ordered, participants=list(participants.values()))


async def source_names(request: Request) -> dict[str, SourceName]:
    """Every source a kind loader read, by what it is (asked once per build: select keeps the answer)."""
    return views.source_names(await select(request, "source_names"))


async def source_document(request: Request, file: str) -> Row:
    rows = await select(request, "source_document", file=file)
    if not rows:
        raise NotFound(f"No source document named {file!r} is in the graph.")
    return rows[0]


async def source_citations(request: Request, file: str) -> list[SourceCitation]:
    found: list[SourceCitation] = []
    seen: set[tuple[str | None, str | None]] = set()
    for row in await select(request, "source_evidence", file=file):
        evidence = views.evidence_of(row)
        if evidence is None or (evidence.iri, _v(row, "subject")) in seen:
            continue
        seen.add((evidence.iri, _v(row, "subject")))
        subject, obj, prop = _v(row, "subject"), _v(row, "object"), _v(row, "property")
        found.append(
            SourceCitation(
                evidence=evidence,
                subject=_plain(subject, None, _v(row, "subjectLabel"), _v(row, "subjectLabelEn")) if subject else None,
                property=prop,
                property_label=views.property_labels(
                    prop, Labels(sv=_v(row, "propertyLabel"), en=_v(row, "propertyLabelEn"))
                )
                if prop
                else None,
                object=_plain(obj, None, _v(row, "objectLabel"), _v(row, "objectLabelEn")) if obj else None,
            )
        )
    return found

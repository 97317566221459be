"""The questions the API and the pages ask, each answered by named queries run through the backend.

Every function raises `NotFound` for an IRI the graph does not know, `QueryError` for a parameter
that is not a valid term (404 and 422, by error_responses.py) and `QueryFailed` when the backend
cannot answer.
"""

from __future__ import annotations

import asyncio
from datetime import date

from proveniens.service.answers import views
from proveniens.service.answers.days_typed import day_typed
from proveniens.service.answers.models import (
    AgendaEntry,
    Chain,
    DecisionEntry,
    Labels,
    LinkEvidence,
    LinkSummary,
    MeetingDetail,
    Participant,
    PartyVote,
    Position,
    RemissAnswer,
    Resource,
    ResourceDetail,
    RiksdagStep,
    RoleEntry,
    SearchResult,
    SourceCitation,
    TimelineEntry,
)
from proveniens.service.answers.named import NamedQueries, Row
from proveniens.service.answers.source_names import SourceName
from proveniens.service.errors import NotFound

EARLIEST = date(1000, 1, 1)
LATEST = date(9999, 12, 31)


def _v(row: Row, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if iri else None


async def lookup(queries: NamedQueries, iri: str) -> Resource:
    """The resource named `iri`, or NotFound."""
    found = views.summary(iri, await queries.select("resource_summary", iri=iri))
    if found is None:
        raise NotFound(f"The graph has nothing about <{iri}>. Search for it with /api/search?q=…")
    return found


async def lineage(queries: NamedQueries, iri: str, context: bool = True) -> Chain:
    """What `iri` rests on, hop by hop; with `context`, also where the same inquiries and SOUs led."""
    return await lineage_of(queries, await lookup(queries, iri), context)


async def lineage_of(queries: NamedQueries, start: Resource, context: bool = True) -> Chain:
    rows, context_rows = await asyncio.gather(
        queries.select("lineage", start=start.iri),
        queries.select("lineage_context", start=start.iri) if context else _nothing(),
    )
    return views.chain(start, rows, context_rows)


async def _nothing() -> list[Row]:
    return []


async def impact(queries: NamedQueries, iri: str) -> Chain:
    """What came of `iri`: everything that rests on it, hop by hop."""
    return await impact_of(queries, await lookup(queries, iri))


async def impact_of(queries: NamedQueries, start: Resource) -> Chain:
    return views.chain(start, await queries.select("impact", start=start.iri))


async def search(queries: NamedQueries, q: str) -> SearchResult:
    """Label search; a text that writes a day ("24 september 2021") is searched as that day."""
    day = day_typed(q)
    asked = day.isoformat() if day else q
    return SearchResult(q=q, hits=views.search_hits(await queries.select("search", q=asked)))


async def link_evidence(queries: NamedQueries, subject: str, prop: str, obj: str) -> LinkEvidence:
    """The evidence behind one link; NotFound when an end is unknown or the graph has no such link."""
    subject_resource, object_resource = await asyncio.gather(lookup(queries, subject), lookup(queries, obj))
    rows = await queries.select("evidence", subject=subject, property=prop, object=obj)
    if not rows:
        facts = await queries.select("resource", iri=subject)
        if not any(_v(r, "property") == prop and _v(r, "value") == obj for r in facts):
            raise NotFound(f"The graph has no link <{subject}> <{prop}> <{obj}>.")
    return views.link_evidence(subject_resource, prop, object_resource, rows)


async def timeline(queries: NamedQueries) -> list[TimelineEntry]:
    return views.timeline(await queries.select("timeline"))


async def detail(queries: NamedQueries, iri: str) -> ResourceDetail:
    """A resource's facts and the evidence attesting it."""
    return await detail_of(queries, await lookup(queries, iri))


async def detail_of(queries: NamedQueries, resource: Resource) -> ResourceDetail:
    fact_rows, attested = await asyncio.gather(
        queries.select("resource", iri=resource.iri), queries.select("resource_evidence", iri=resource.iri)
    )
    return ResourceDetail(resource=resource, facts=views.facts(fact_rows), attested_by=views.evidence_list(attested))


async def links(queries: NamedQueries, iri: str) -> list[LinkSummary]:
    """Every link with evidence that touches `iri`, grouped per link."""
    return views.link_rows(await queries.select("resource_links", iri=iri))


async def decisions(
    queries: NamedQueries, body: str, start: date = EARLIEST, end: date = LATEST, known: bool = False
) -> list[DecisionEntry]:
    """Decisions of `body` at meetings in [start, end]; `known` skips the check that the graph knows `body`."""
    if not known:
        await lookup(queries, body)
    rows = await queries.select("decisions_of_body", body=body, fromDate=start.isoformat(), toDate=end.isoformat()
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


async def riksdag_handling(queries: NamedQueries, document: str, known: bool = False) -> list[RiksdagStep]:
    """The Riksdag's handling of `document`: reports, decision points, how and when decided, vote totals."""
    if not known:
        await lookup(queries, document)
    steps = []
    for row in await queries.select("riksdag_handling", document=document):
        report, letter, point, vote = (_v(row, k) for k in ("report", "letter", "point", "vote"))
        if report is None:
            continue
        number = _v(row, "number")
        steps.append(
            RiksdagStep(
                report=_plain(report, _v(row, "reportIdentifier")),
                letter=_plain(letter, _v(row, "letterIdentifier")) if letter else None,
                point=_plain(point, None, _v(row, "title")) if point else None,
                number=int(number) if number else None,
                title=_v(row, "title"),
                method=_local(_v(row, "method")),
                date=_v(row, "date"),
                winner=_v(row, "winner"),
                vote=_plain(vote) if vote else None,
                **{k: int(_v(row, k) or 0) for k in ("yes", "no", "abstain", "absent", "ballots")},
            )
        )
    return steps


async def party_votes(queries: NamedQueries, report: str, point: int) -> list[PartyVote]:
    """Per party, how its members chose in the vote on point `point` of committee report `report`."""
    rows = await queries.select("riksdag_votes", report=report, point=str(point))
    counts = ("yes", "no", "abstain", "absent")
    return [PartyVote(party=_v(row, "party") or "-", **{k: int(_v(row, k) or 0) for k in counts}) for row in rows]


async def roles(queries: NamedQueries, person: str, known: bool = False) -> list[RoleEntry]:
    if not known:
        await lookup(queries, person)
    found: dict[tuple[str | None, ...], RoleEntry] = {}
    for row in await queries.select("person_roles", person=person):
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


async def remiss(queries: NamedQueries, sou: str, known: bool = False) -> list[RemissAnswer]:
    if not known:
        await lookup(queries, sou)
    found: dict[str, RemissAnswer] = {}
    seen_positions: set[str] = set()
    for row in await queries.select("remiss_responses", sou=sou):
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


async def meeting(queries: NamedQueries, iri: str, known: Resource | None = None) -> MeetingDetail:
    resource = known or await lookup(queries, iri)
    items: dict[str, AgendaEntry] = {}
    participants: dict[str, Participant] = {}
    for row in await queries.select("meeting", meeting=iri):
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


async def source_names(queries: NamedQueries) -> dict[str, SourceName]:
    """Every source a kind loader read, by what it is (asked once per build: select keeps the answer)."""
    return views.source_names(await queries.select("source_names"))


async def source_document(queries: NamedQueries, file: str) -> Row:
    rows = await queries.select("source_document", file=file)
    if not rows:
        raise NotFound(f"No source document named {file!r} is in the graph.")
    return rows[0]


async def source_citations(queries: NamedQueries, file: str) -> list[SourceCitation]:
    found: list[SourceCitation] = []
    seen: set[tuple[str | None, str | None]] = set()
    for row in await queries.select("source_evidence", file=file):
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

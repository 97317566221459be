"""What the JSON API answers, as typed models (they are also what the pages render)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Assertion = Literal["stated", "inferred"]
HopAssertion = Literal["stated", "inferred", "none"]


class Labels(BaseModel):
    """A name in Swedish and English (either may be missing)."""

    sv: str | None = None
    en: str | None = None

    def pick(self, lang: str) -> str | None:
        return (self.en or self.sv) if lang == "en" else (self.sv or self.en)


class Resource(BaseModel):
    """A resource as a reader meets it: name, kind and where its page is."""

    iri: str
    identifier: str | None = Field(None, description="e.g. 'SOU 2020:19'")
    label: Labels = Field(default_factory=Labels)
    kind: str = Field("other", description="clause, decision, meeting, person, body, sou, proposal, law, …")
    types: list[str] = Field(default_factory=list)
    page: str = Field(description="URL of the resource's page")


class Evidence(BaseModel):
    """One piece of evidence: the exact quote, where it stands, and who says so."""

    iri: str | None = None
    quote: str
    file: str
    line_start: int
    line_end: int
    assertion: Assertion = Field(description="stated: the source says it; inferred: a curator concludes it")
    note: str | None = None
    source: str = Field(description="URL of the source viewer at the quoted lines")


class Hop(BaseModel):
    """One link of a chain: `source` --property--> `target`, with its evidence."""

    source: str
    property: str
    property_label: Labels
    target: str
    assertion: HopAssertion = Field(description="stated if any evidence is stated, inferred if all is, none without")
    context: bool = Field(False, description="true for a context hop (where the same national work led)")
    evidence: list[Evidence]


class Chain(BaseModel):
    """A lineage or an impact: the resources and the hops between them."""

    start: Resource
    resources: list[Resource]
    hops: list[Hop]


class HitContext(BaseModel):
    """The meeting a hit is (or belongs to), so hits with the same label can be told apart."""

    meeting: str = Field(description="IRI of the meeting")
    body: str | None = Field(None, description="the meeting's body by its short name, e.g. 'SRO'")
    date: str | None = Field(None, description="the meeting's day, YYYY-MM-DD")
    earliest: str | None = Field(None, description="when no day is known: the first day it can have been held")
    latest: str | None = Field(None, description="… and the last")


class SearchHit(BaseModel):
    resource: Resource
    matched: str = Field(description="the label or day that matched")
    rank: int = Field(description="0 exact, 1 starts with, 2 a word starts with, 3 contains")
    context: HitContext | None = None


class SearchResult(BaseModel):
    q: str
    hits: list[SearchHit]


class LinkEvidence(BaseModel):
    subject: Resource
    property: str
    property_label: Labels
    object: Resource
    assertion: HopAssertion
    evidence: list[Evidence]


class TimelineEntry(BaseModel):
    resource: Resource
    date: str | None = Field(None, description="a stated day")
    earliest: str | None = Field(None, description="start of the range when no day is stated")
    latest: str | None = None
    reasoning: str | None = Field(None, description="why the range")
    sort_date: str


class Fact(BaseModel):
    """One statement about a resource; `direction` is out (the resource is the subject) or in."""

    direction: Literal["out", "in"]
    property: str
    property_label: Labels
    value: str
    value_is_iri: bool
    value_lang: str | None = None
    value_resource: Resource | None = None


class ResourceDetail(BaseModel):
    resource: Resource
    facts: list[Fact]
    attested_by: list[Evidence]


class NamedQueryInfo(BaseModel):
    name: str
    summary: str
    parameters: dict[str, str]
    columns: str
    example: dict[str, str]


class DecisionEntry(BaseModel):
    """A decision of a body: at which meeting, under which agenda item, about what."""

    decision: str
    text: str | None = None
    meeting: Resource
    meeting_date: str | None = None
    meeting_earliest: str | None = None
    meeting_latest: str | None = None
    item: str
    item_number: int | None = None
    item_title: str | None = None
    concerns: list[Resource] = Field(default_factory=list)


class RoleEntry(BaseModel):
    """A person's role (membership), attendance at a meeting, or agenda item presented."""

    kind: Literal["membership", "attendance", "presenter"]
    organization: Resource | None = None
    role: Labels | None = None
    start: str | None = None
    end: str | None = None
    earliest: str | None = None
    latest: str | None = None
    meeting: Resource | None = None
    meeting_date: str | None = None
    attendance: str | None = Field(None, description="Present, Absent or LeftEarly")
    attendance_label: Labels | None = Field(None, description="the attendance in words, from the ontology")
    left_at: str | None = None
    item_title: str | None = None
    sort_date: str | None = None


class Position(BaseModel):
    proposal: Resource | None = None
    stance: str | None = Field(None, description="Supports, SupportsWithReservations, Opposes or NoOpinion")
    quote: str | None = None


class RemissAnswer(BaseModel):
    response: Resource
    identifier: str | None = None
    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    creator: Resource | None = None
    positions: list[Position] = Field(default_factory=list)


class RiksdagStep(BaseModel):
    """One decision point of the Riksdag on a document (or a report handling it with no point on it)."""

    report: Resource = Field(description="the committee report (betänkande)")
    letter: Resource | None = Field(None, description="the riksdagsskrivelse that told the government")
    point: Resource | None = None
    number: int | None = None
    title: str | None = None
    method: str | None = Field(None, description="Acclamation or Division")
    date: str | None = None
    winner: str | None = Field(None, description="whose proposal won, as the record says: 'utskottet', 'res. 1 (M)'")
    vote: Resource | None = None
    yes: int = 0
    no: int = 0
    abstain: int = 0
    absent: int = 0
    ballots: int = Field(0, description="0 when the vote's own record is not loaded")
    parties: list[PartyVote] = Field(default_factory=list, description="per party, on a committee report's page")


class PartyVote(BaseModel):
    """How one party's members chose in one vote ("-" for members without a party, as Riksdagen writes it)."""

    party: str
    yes: int = 0
    no: int = 0
    abstain: int = 0
    absent: int = 0


class AgendaEntry(BaseModel):
    item: Resource
    number: int | None = None
    title: str | None = None
    presenters: list[Resource] = Field(default_factory=list)
    decisions: list[Resource] = Field(default_factory=list)
    decision_texts: list[str] = Field(default_factory=list)


class Participant(BaseModel):
    person: Resource | None = None
    role: Labels | None = None
    attendance: str | None = None
    attendance_label: Labels | None = None
    left_at: str | None = None


class MeetingDetail(BaseModel):
    meeting: Resource
    items: list[AgendaEntry]
    participants: list[Participant]


class SourceCitation(BaseModel):
    """One piece of evidence in a source file and what it supports."""

    evidence: Evidence
    subject: Resource | None = None
    property: str | None = None
    property_label: Labels | None = None
    object: Resource | None = None


class LinkSummary(BaseModel):
    """A link touching a resource: out (the resource is the subject) or in, the far end, and the evidence."""

    direction: Literal["out", "in"]
    property: str
    property_label: Labels
    other: Resource
    assertion: HopAssertion
    evidence: list[Evidence]
    evidence_page: str = Field(description="URL of the page with this link's evidence")

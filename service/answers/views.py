"""Rows of named queries → the models of models.py. Pure functions; no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from proveniens.namespaces import PV
from proveniens.service.answers.kinds import kind_of, link_name
from proveniens.service.answers.models import (
    Chain,
    Evidence,
    Fact,
    HitContext,
    Hop,
    HopAssertion,
    Labels,
    LinkEvidence,
    LinkSummary,
    Resource,
    SearchHit,
    TimelineEntry,
)
from proveniens.service.answers.named import Row
from proveniens.service.answers.source_names import SourceName

_STATED = str(PV.Stated)


def resource_url(iri: str) -> str:
    return "/ui/resource?" + urlencode({"iri": iri})


def evidence_url(subject: str, prop: str, obj: str) -> str:
    return "/ui/evidence?" + urlencode({"subject": subject, "property": prop, "object": obj})


def source_url(file: str, start: int | None = None, end: int | None = None) -> str:
    url = "/source/" + quote(file, safe="")
    if start is None:
        return url
    return f"{url}#L{start}" if end in (None, start) else f"{url}#L{start}-L{end}"


def _v(row: Row, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def property_labels(prop: str, ontology: Labels | None = None) -> Labels:
    fallback = ontology.model_dump() if ontology else None
    return Labels(sv=link_name("sv", prop, fallback), en=link_name("en", prop, fallback))


@dataclass
class _Seen:
    types: set[str] = field(default_factory=set)
    identifier: str | None = None
    sv: str | None = None
    en: str | None = None


class Resources:
    """Collects what rows say about each resource (types, identifier, labels) into `Resource`s."""

    def __init__(self) -> None:
        self._seen: dict[str, _Seen] = {}

    def note(self, iri: str, type_: str | None, identifier: str | None, sv: str | None, en: str | None) -> None:
        seen = self._seen.setdefault(iri, _Seen())
        if type_ is not None:
            seen.types.add(type_)
        seen.identifier = seen.identifier or identifier
        seen.sv = seen.sv or sv
        seen.en = seen.en or en

    def add(self, row: Row, prefix: str) -> str | None:
        """Note the resource in column `prefix` with its `…Type`, `…Id`, `…Label` and `…LabelEn` columns."""
        iri = _v(row, prefix)
        if iri is not None:
            self.note(
                iri, _v(row, prefix + "Type"), _v(row, prefix + "Id"), _v(row, prefix + "Label"),
                _v(row, prefix + "LabelEn"),
            )
        return iri

    def add_plain(self, row: Row, key: str, identifier: str = "identifier") -> str | None:
        """Note the resource in column `key` with the columns `type`, `identifier`, `label` and `labelEn`."""
        iri = _v(row, key)
        if iri is not None:
            self.note(iri, _v(row, "type"), _v(row, identifier), _v(row, "label"), _v(row, "labelEn"))
        return iri

    def __contains__(self, iri: str) -> bool:
        return iri in self._seen

    def get(self, iri: str) -> Resource:
        seen = self._seen.get(iri, _Seen())
        types = sorted(seen.types)
        return Resource(
            iri=iri,
            identifier=seen.identifier,
            label=Labels(sv=seen.sv, en=seen.en),
            kind=kind_of(types),
            types=types,
            page=resource_url(iri),
        )

    def all(self) -> list[Resource]:
        return [self.get(iri) for iri in self._seen]


def evidence_of(row: Row) -> Evidence | None:
    """The evidence columns of a row (quote, file, lineStart, lineEnd, assertion, note), if it has them."""
    quote_, file = _v(row, "quote"), _v(row, "file")
    start, end = _v(row, "lineStart"), _v(row, "lineEnd")
    if quote_ is None or file is None or start is None or end is None:
        return None
    return Evidence(
        iri=_v(row, "evidence"),
        quote=quote_,
        file=file,
        line_start=int(start),
        line_end=int(end),
        assertion="stated" if _v(row, "assertion") == _STATED else "inferred",
        note=_v(row, "note"),
        source=source_url(file, int(start), int(end)),
    )


def _add_evidence(target: list[Evidence], item: Evidence | None) -> None:
    if item is None:
        return
    key = (item.iri, item.file, item.line_start, item.line_end, item.quote)
    if all((e.iri, e.file, e.line_start, e.line_end, e.quote) != key for e in target):
        target.append(item)


def overall(evidence: Iterable[Evidence]) -> HopAssertion:
    modes = {e.assertion for e in evidence}
    return "stated" if "stated" in modes else "inferred" if modes else "none"


def summary(iri: str, rows: list[Row]) -> Resource | None:
    """A resource from resource_summary rows; None when the graph does not know it."""
    if not rows:
        return None
    resources = Resources()
    for row in rows:
        resources.add_plain(row, "iri")
    return resources.get(iri)


def chain(start: Resource, rows: list[Row], context_rows: Iterable[Row] = ()) -> Chain:
    """Lineage or impact rows (from → property → to, with evidence) as resources and hops."""
    resources = Resources()
    hops: dict[tuple[str, str, str], Hop] = {}
    for row, context in [(r, False) for r in rows] + [(r, True) for r in context_rows]:
        source, target, prop = resources.add(row, "from"), resources.add(row, "to"), _v(row, "property")
        if source is None or target is None or prop is None:
            continue
        key = (source, prop, target)
        hop = hops.get(key)
        if hop is None:
            hop = hops[key] = Hop(
                source=source,
                property=prop,
                property_label=property_labels(prop),
                target=target,
                assertion="none",
                context=context,
                evidence=[],
            )
        elif hop.context and not context:
            hop.context = False
        if hop.context == context:
            _add_evidence(hop.evidence, evidence_of(row))
    for hop in hops.values():
        hop.assertion = overall(hop.evidence)
    found = resources.all()
    if start.iri not in resources:
        found.insert(0, start)
    return Chain(start=start, resources=found, hops=nearest_first(start.iri, list(hops.values())))


def nearest_first(start: str, hops: list[Hop]) -> list[Hop]:
    """The answer first: hops by how many links their nearer end lies from `start` (either direction, as an
    impact's hops point at it), context after the chain itself, then by names for a stable order."""
    distance, frontier = {start: 0}, {start}
    while frontier:
        reached = set()
        for hop in hops:
            for here, there in ((hop.source, hop.target), (hop.target, hop.source)):
                if here in frontier and there not in distance:
                    distance[there] = distance[here] + 1
                    reached.add(there)
        frontier = reached
    far = len(distance) + 1

    def order(hop: Hop) -> tuple[bool, int, str, str, str]:
        near = min(distance.get(hop.source, far), distance.get(hop.target, far))
        return hop.context, near, hop.source, hop.property, hop.target

    return sorted(hops, key=order)


def search_hits(rows: list[Row]) -> list[SearchHit]:
    """One hit per resource, its best rank first; ties keep the query's order."""
    resources = Resources()
    best: dict[str, tuple[int, str]] = {}
    context: dict[str, HitContext] = {}
    for row in rows:
        iri = resources.add_plain(row, "resource", "resourceId")
        if iri is None:
            continue
        rank, matched = int(_v(row, "rank") or 3), _v(row, "matched") or ""
        if iri not in best or rank < best[iri][0]:
            best[iri] = (rank, matched)
        if iri not in context and (meeting := _v(row, "meeting")):
            context[iri] = HitContext(meeting=meeting, body=_v(row, "bodyLabel"), date=_v(row, "meetingDate"),
                                      earliest=_v(row, "meetingEarliest"), latest=_v(row, "meetingLatest"))  # fmt: skip
    order = sorted(best, key=lambda i: best[i][0])
    return [
        SearchHit(resource=resources.get(i), matched=best[i][1], rank=best[i][0], context=context.get(i)) for i in order
    ]


def link_evidence(subject: Resource, prop: str, obj: Resource, rows: list[Row]) -> LinkEvidence:
    evidence: list[Evidence] = []
    for row in rows:
        _add_evidence(evidence, evidence_of(row))
    return LinkEvidence(
        subject=subject,
        property=prop,
        property_label=property_labels(prop),
        object=obj,
        assertion=overall(evidence),
        evidence=evidence,
    )


def timeline(rows: list[Row]) -> list[TimelineEntry]:
    resources = Resources()
    first: dict[str, Row] = {}
    for row in rows:
        iri = _v(row, "resource")
        if iri is None:
            continue
        resources.add_plain(row, "resource", "resourceId")
        first.setdefault(iri, row)
    entries = [
        TimelineEntry(
            resource=resources.get(iri),
            date=_v(row, "date"),
            earliest=_v(row, "earliest"),
            latest=_v(row, "latest"),
            reasoning=_v(row, "reasoning"),
            sort_date=_v(row, "sortDate") or "",
        )
        for iri, row in first.items()
    ]
    return sorted(entries, key=lambda e: (e.sort_date, e.resource.iri))


def facts(rows: list[Row]) -> list[Fact]:
    resources = Resources()
    for row in rows:
        if (value := row.get("value")) is not None and value.is_iri:
            resources.add(row, "value")
    found: list[Fact] = []
    for row in rows:
        value, prop, direction = row.get("value"), _v(row, "property"), _v(row, "direction")
        if value is None or prop is None or direction not in ("out", "in"):
            continue
        ontology = Labels(sv=_v(row, "propertyLabel"), en=_v(row, "propertyLabelEn"))
        found.append(
            Fact(
                direction="out" if direction == "out" else "in",
                property=prop,
                property_label=property_labels(prop, ontology),
                value=value.value,
                value_is_iri=value.is_iri,
                value_lang=value.lang,
                value_resource=resources.get(value.value) if value.is_iri else None,
            )
        )
    return found


def evidence_list(rows: list[Row]) -> list[Evidence]:
    found: list[Evidence] = []
    for row in rows:
        _add_evidence(found, evidence_of(row))
    return found


def link_rows(rows: list[Row]) -> list[LinkSummary]:
    """resource_links rows → one LinkSummary per (direction, property, other end)."""
    resources = Resources()
    found: dict[tuple[str, str, str], LinkSummary] = {}
    for row in rows:
        other, prop = resources.add(row, "other"), _v(row, "property")
        direction, iri = _v(row, "direction"), _v(row, "iri")
        if other is None or prop is None or iri is None or direction not in ("out", "in"):
            continue
        key = (direction, prop, other)
        if key not in found:
            subject, obj = (iri, other) if direction == "out" else (other, iri)
            ontology = Labels(sv=_v(row, "propertyLabel"), en=_v(row, "propertyLabelEn"))
            found[key] = LinkSummary(
                direction="out" if direction == "out" else "in",
                property=prop,
                property_label=property_labels(prop, ontology),
                other=Resource(iri=other, page=resource_url(other)),
                assertion="none",
                evidence=[],
                evidence_page=evidence_url(subject, prop, obj),
            )
        _add_evidence(found[key].evidence, evidence_of(row))
    for link in found.values():
        link.other = resources.get(link.other.iri)
        link.assertion = overall(link.evidence)
    return list(found.values())


def source_names(rows: list[Row]) -> dict[str, SourceName]:
    """The first row per file (the query orders them), as a SourceName."""
    found: dict[str, SourceName] = {}
    for row in rows:
        file = _v(row, "file")
        if file is None or file in found:
            continue
        found[file] = SourceName(
            kind=_v(row, "kind") or "",
            title={"sv": _v(row, "title"), "en": _v(row, "titleEn")},
            issuer={"sv": _v(row, "issuer"), "en": _v(row, "issuerEn")},
            answers=_v(row, "answers"),
            year=_source_year(_v(row, "date"), _v(row, "earliest"), _v(row, "latest")),
        )
    return found


def _source_year(date: str | None, earliest: str | None, latest: str | None) -> str | None:
    if date:
        return date[:4]
    if earliest and latest:
        return earliest[:4] if earliest[:4] == latest[:4] else f"{earliest[:4]}–{latest[:4]}"
    return (earliest or latest or "")[:4] or None

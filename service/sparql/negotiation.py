"""Content negotiation: the offered media type the client prefers most, by RFC 9110 q-values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Short names for the `format` parameter browsers can put in a link.
FORMAT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
    "nquads": "application/n-quads",
}

# Generic types clients send that stand for one of ours.
ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
    "application/x-turtle": "text/turtle",
}


def weighted(header: str, aliases: Mapping[str, str] = ALIASES) -> list[tuple[str, float]]:
    """`[(value, q)]` of a header with RFC 9110 quality values (Accept, Accept-Language), lower-cased, in order;
    a malformed weight counts as 0 (not acceptable)."""
    ranges = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        media = media.lower()
        ranges.append((aliases.get(media, media), q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching `offer` (exact beats type/* beats */*)."""
    best: tuple[int, float] = (-1, 0.0)
    kind = offer.split("/", 1)[0]
    for media, q in ranges:
        if media == offer:
            specificity = 2
        elif media == f"{kind}/*":
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best[0]:
            best = (specificity, q)
    return best[1]


def negotiate(accept: str | None, offered: Sequence[str], aliases: Mapping[str, str] = ALIASES) -> str | None:
    """The offered type with the highest q (server order breaks ties); None if nothing is acceptable.

    `aliases` read generic types as ours (SPARQL results, RDF); `{}` takes every type as written."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = weighted(accept, aliases)
    scored = [(_quality(offer, ranges), -i, offer) for i, offer in enumerate(offered)]
    q, _, offer = max(scored)
    return offer if q > 0 else None

"""A lineage as the elements of a Cytoscape.js graph: one node per resource, one edge per hop.

Edges carry how the link is known (stated, inferred, no evidence) and whether it is context; the
page's script styles them and makes nodes open their page and edges open their evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from proveniens.service.answers.models import Chain, Resource
from proveniens.service.answers.views import evidence_url
from proveniens.service.words import kind_name, t


def picture(chain: Chain, lang: str, show: Callable[[Resource], str]) -> dict[str, Any]:
    """`{"nodes": [...], "edges": [...]}` in Cytoscape's element format (plain data, no markup), and `folded`:
    how many nodes are context only, which the picture first shows folded away."""
    used = {h.source for h in chain.hops} | {h.target for h in chain.hops} | {chain.start.iri}
    core = {h.source for h in chain.hops if not h.context} | {h.target for h in chain.hops if not h.context}
    nodes = []
    for r in chain.resources:
        if r.iri not in used:
            continue
        classes = [r.kind]
        if r.iri == chain.start.iri:
            classes.append("start")
        elif r.iri not in core:
            classes.append("context")
        data = {"id": r.iri, "label": show(r), "kind": r.kind, "kindName": kind_name(lang, r.kind), "href": r.page}
        nodes.append({"data": data, "classes": " ".join(classes)})
    edges = []
    for i, hop in enumerate(chain.hops):
        assertion = t(lang, f"assertion.{hop.assertion}")
        edges.append(
            {
                "data": {
                    "id": f"e{i}",
                    "source": hop.source,
                    "target": hop.target,
                    "label": f"{hop.property_label.pick(lang)} ({assertion})",
                    "assertion": hop.assertion,
                    "href": evidence_url(hop.source, hop.property, hop.target),
                },
                "classes": f"{hop.assertion}{' context' if hop.context else ''}",
            }
        )
    folded = sum("context" in n["classes"].split() for n in nodes)
    return {"nodes": nodes, "edges": edges, "folded": folded}

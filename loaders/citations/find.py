"""Finding citations of Swedish official documents in running text.

`find_citations(text)` returns every citation of an SOU, proposition, Ds, committee directive,
inquiry (kommitté), SFS number, law (by name or abbreviation), provision (kapitel/paragraf),
agreement or registration number (diarienummer), each with its normalised identifier, its IRI
(docs/model.md) where one exists, and its span in `text`.

Real text is untidy, so matching runs on a flattened copy (flattext.py: line breaks and
hyphenation undone) and tolerates missing spaces, en dashes and the misspelling
"prop. 2019:20/164" for prop. 2019/20:164. The provision grammar follows the shape of ferenda's
Swedish legal-citation grammar (ferenda, BSD-2-Clause, Staffan Malmgren): chapter-section groups
("12 kap. 1 och 3 §§"), chained groups ("8 kap. 8 §, 12 kap. 2 och 4 §§ och 16 kap. 1 §") and a
trailing law reference ("HSL", "hälso- och sjukvårdslagen (2017:30)").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from rdflib import URIRef

from proveniens.loaders.citations.rules import Candidate, match_all
from proveniens.loaders.text.flattext import flatten
from proveniens.namespaces import INST


class CitationKind(Enum):
    SOU = "sou"
    PROP = "prop"
    DS = "ds"
    DIR = "dir"
    KOMMITTE = "kommitte"
    SFS = "sfs"
    LAW = "law"
    PROVISION = "provision"
    AGREEMENT = "agreement"
    DIARIENUMMER = "diarienummer"


@dataclass(frozen=True)
class Citation:
    """One citation: what it cites (normalised), where it is in the text, and how it was written."""

    kind: CitationKind
    identifier: str
    iri: URIRef | None
    start: int
    end: int
    text: str


# ----------------------------------------------------------------------------- identifiers and IRIs


def sou(year: str, number: str) -> tuple[str, URIRef]:
    n = str(int(number))
    return f"SOU {year}:{n}", INST[f"sou/{year}:{n}"]


def prop(year: str, short: str, number: str) -> tuple[str, URIRef]:
    n = str(int(number))
    return f"Prop. {year}/{short}:{n}", INST[f"prop/{year}/{short}:{n}"]


def directive(year: str, number: str) -> tuple[str, URIRef]:
    n = str(int(number))
    return f"Dir. {year}:{n}", INST[f"dir/{year}:{n}"]


def ds(year: str, number: str) -> tuple[str, URIRef]:
    n = str(int(number))
    return f"Ds {year}:{n}", INST[f"ds/{year}:{n}"]


def kommitte(department: str, year: str, number: str) -> tuple[str, URIRef]:
    n = number.zfill(2)
    return f"{department} {year}:{n}", INST[f"kommitte/{department}{year}:{n}"]


def sfs(number: str) -> tuple[str, URIRef]:
    year, n = number.split(":")
    return f"SFS {year}:{int(n)}", INST[f"sfs/{year}:{int(n)}"]


def provision(chapter: str | None, section: str, law_sfs: str | None) -> tuple[str, URIRef | None]:
    """'7 kap. 2 a § SFS 2017:30' and sfs/2017:30/K7P2a; without a known law, no IRI."""
    label = (f"{chapter} kap. " if chapter else "") + f"{section} §"
    if law_sfs is None:
        return label, None
    law_id, law_iri = sfs(law_sfs)
    local = (f"K{chapter.replace(' ', '')}" if chapter else "") + f"P{section.replace(' ', '')}"
    return f"{label} {law_id}", URIRef(f"{law_iri}/{local}")


def agreement(slug: str, label: str, year: str | None, yearly: bool) -> tuple[str, URIRef | None]:
    if not yearly:
        return label, INST[f"agreement/{slug}"]
    if year is None:
        return label, None
    return f"{label} {year}", INST[f"agreement/{slug}-{year}"]


# ----------------------------------------------------------------------------- resolution in context

_NEAR = 400  # how far back (flat characters) an elided law or agreement title may be found


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Fill what one citation leaves to the others: a bare inquiry number's department, the law of a
    provision written without one, the title of "2020 års överenskommelse", the year of a title."""
    departments = {
        c.data["number"]: c.data["department"] for c in cands if c.kind == "KOMMITTE" and c.data.get("department")
    }
    years: dict[str, set[str]] = {}
    for c in cands:
        if c.kind == "AGREEMENT" and c.data.get("year") and c.data.get("key"):
            years.setdefault(c.data["key"], set()).add(c.data["year"])
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        data = dict(c.data)
        if c.kind == "KOMMITTE" and not data.get("department"):
            data["department"] = departments.get(data["number"])
        elif c.kind == "PROVISION" and not data.get("sfs"):
            data["sfs"] = _nearest(
                cands, i, lambda p: p.data.get("sfs") if p.kind in ("PROVISION", "LAW", "SFS") else None
            )
        elif c.kind == "AGREEMENT" and data.get("slug") is None and not data.get("regional"):
            found = _nearest(cands, i, lambda p: p.data if p.kind == "AGREEMENT" and p.data.get("slug") else None)
            if found:
                data.update(slug=found["slug"], label=found["label"], yearly=found["yearly"])
        if c.kind == "AGREEMENT" and data.get("year") is None and len(years.get(data.get("key") or "", ())) == 1:
            data["year"] = next(iter(years[data["key"]]))
        out.append(replace(c, data=data))
    return out


def _nearest(cands: list[Candidate], i: int, pick: Callable[[Candidate], Any]) -> Any:
    here = cands[i].start
    for prev in reversed(cands[:i]):
        if here - prev.end > _NEAR:
            return None
        value = pick(prev)
        if value:
            return value
    return None


def _to_citation(c: Candidate) -> Citation | None:
    d = c.data
    kind = CitationKind[c.kind]
    iri: URIRef | None
    if kind is CitationKind.SOU:
        ident, iri = sou(d["year"], d["number"])
    elif kind is CitationKind.PROP:
        ident, iri = prop(d["year"], d["short"], d["number"])
    elif kind is CitationKind.DIR:
        ident, iri = directive(d["year"], d["number"])
    elif kind is CitationKind.DS:
        ident, iri = ds(d["year"], d["number"])
    elif kind is CitationKind.KOMMITTE:
        year, number = d["number"].split(":")
        if d.get("department"):
            ident, iri = kommitte(d["department"], year, number)
        else:
            ident, iri = f"{year}:{number.zfill(2)}", None
    elif kind in (CitationKind.SFS, CitationKind.LAW):
        if d.get("sfs"):
            ident, iri = sfs(d["sfs"])
        else:
            ident, iri = d["name"], None
    elif kind is CitationKind.PROVISION:
        ident, iri = provision(d["chapter"], d["section"], d.get("sfs"))
    elif kind is CitationKind.AGREEMENT:
        if d.get("regional"):
            ident, iri = d["label"], None
        elif d.get("slug") is None:
            return None
        else:
            ident, iri = agreement(d["slug"], d["label"], d.get("year"), d["yearly"])
    else:  # DIARIENUMMER
        ident, iri = d["id"], None
    return Citation(kind, ident, iri, c.start, c.end, "")


def find_citations(text: str) -> list[Citation]:
    """Every citation in `text`, in order of appearance, with spans into `text` as given."""
    flat = flatten(text)
    found: list[Citation] = []
    for cand in _resolve(match_all(flat.flat)):
        cit = _to_citation(cand)
        if cit is None:
            continue
        start, end = flat.span(cand.start, cand.end)
        found.append(replace(cit, start=start, end=end, text=text[start:end]))
    return found


_WS = re.compile(r"\s+")


def as_written(citation: Citation) -> str:
    """The citation's text on one line (whitespace collapsed), e.g. for a quote."""
    return _WS.sub(" ", citation.text).strip()

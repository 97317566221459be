"""Posts and job titles people hold, as minutes write them next to a name.

"Christian Åhrén, sekreterare, föredrar …", "Maria Höög (projektledare Region JH)", "Ben Norman,
nämndsekreterare", "Sekreterare: Ben Norman", "tillförordnad hälso- och sjukvårdsdirektör Anna Berg":
a title is a word with the ending of a Swedish job title (…direktör, …chef, …sekreterare, …ledare,
…samordnare, …strateg, …handläggare …), with "tillförordnad"/"t.f."/"biträdande" kept as written;
what follows it may name the organisation the post is in. A unit ("enhet folkhälsa") or an
organisation alone is no title. Nothing here knows RDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proveniens.loaders.knowledge import alternatives, by_first_letter
from proveniens.loaders.minutes.parts import Named, span_of
from proveniens.loaders.minutes.text import NAME, PARTY, looks_like_name
from proveniens.loaders.text.layout import Line

_ENDINGS = (
    r"direktör|chef|sekreterare|ledare|samordnare|strateg|handläggare|utvecklare|ansvarig|utredare|jurist|ekonom|"
    r"controller|rådgivare|analytiker|koordinator|läkare|sjuksköterska|kommunalråd|regionråd|ombudsman|"
    r"projektledare|kanslichef|nämndsekreterare"
)
# The first letter may be a capital where the title opens a sentence or a line ("Socialchef Eva Berg",
# "Hälso- och sjukvårdsdirektör Lars Bok"); Post.title keeps it in lower case.
_TITLE = (
    rf"(?<![\wåäöÅÄÖ])(?P<title>(?:(?:[Tt]illförordnad|[Tt]\.\s?f\.?|[Tt]f\.?|[Bb]iträdande|[Bb]itr\.)\s+)?"
    rf"(?:[A-ZÅÄÖa-zåäö][a-zåäö]*-\s+(?:och|&)\s+[a-zåäö]*|[A-ZÅÄÖa-zåäö]?[a-zåäö]*)(?:{_ENDINGS}))"
)
TITLE = re.compile(rf"{_TITLE}\b")
TITLE_FIRST = re.compile(rf"{_TITLE}\s+(?={NAME})")  # a title before the name: "Socialchef Eva Berg föredrar …"
# A cheap test before the full pattern; the endings grouped by first letter, as re tries them at every position.
_ENDING = re.compile(rf"(?:{by_first_letter(alternatives(_ENDINGS), ignorecase=False)})\s+[A-ZÅÄÖ]")
_LABELLED = re.compile(r"^\s*(?P<title>Sekreterare|Protokollförare|Nämndsekreterare|Kommunsekreterare)\s*:\s*"
                       rf"(?P<name>{NAME})")  # fmt: skip
_BEFORE_NAME = re.compile(rf"{_TITLE}\s+(?P<name>{NAME})")


def as_title(written: str) -> str:
    """A title as a post's label: single spaces, the capital a sentence gave it undone."""
    words = " ".join(written.split())
    return words[0].lower() + words[1:] if words[1:2].islower() else words


@dataclass(frozen=True)
class Post:
    person: Named
    title: str  # as written, lower case kept
    organisation: str | None  # the organisation written after the title, if any


def from_affiliation(named: Named) -> Post | None:
    """The title in what a list or a sentence writes next to a name: "projektledare Region JH"."""
    if not named.affiliation:
        return None
    parts = [p.strip(" ,.;:()") for p in named.affiliation.split(",")]  # "Region Örebro län, sekreterare"
    for i, part in enumerate(parts):
        if m := TITLE.match(part):
            rest = ", ".join(x for x in [part[m.end() :].strip(" ,"), *parts[:i], *parts[i + 1 :]] if x)
            return Post(named, as_title(m["title"]), rest or None)
    return None


def from_lines(lines: list[Line]) -> list[Post]:
    """Titles in labels ("Sekreterare: Ben Norman") and before a name in running text."""
    out = []
    for line in lines:
        if m := _LABELLED.match(line.text):
            out.append(Post(Named(m["name"], None, span_of([line])), m["title"].lower(), None))
            continue
        if not _ENDING.search(line.text):
            continue
        for m in _BEFORE_NAME.finditer(PARTY.sub("", line.text)):
            if looks_like_name(m["name"]):
                out.append(Post(Named(m["name"], None, span_of([line])), as_title(m["title"]), None))
    return out

"""How a page names things in its language: a resource (SOU 2020:19, else its label), a date as precise as
the sources are, a meeting ("SRO, 24 september 2021"), a source document by what it is."""

from __future__ import annotations

from proveniens.day_words import day_in_words, range_in_words
from proveniens.service.answers.models import HitContext, Resource, TimelineEntry
from proveniens.service.answers.source_names import SourceName
from proveniens.service.words import t

_IDENTIFIED = {
    "sou", "proposition", "law", "directive", "inquiry", "remiss-response",
    "skrivelse", "motion", "committee-report", "riksdag-letter", "decision-point",
}  # fmt: skip


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


def cite(name: SourceName | None, file: str, lang: str) -> str:
    """How a page names the source: issuer, title and year as the graph gives them, else the file name."""
    if name is None:
        return file
    title, issuer = name.title.get(lang) or name.title.get("sv"), name.issuer.get(lang) or name.issuer.get("sv")
    year = f" ({name.year})" if name.year else ""
    if name.kind == "minutes" and title:
        return f"{title} ({t(lang, 'source.minutes')})"
    if name.kind == "remiss" and issuer:
        answers = f" {t(lang, 'source.on')} {name.answers}" if name.answers else ""
        return f"{issuer}, {t(lang, 'source.remiss')}{answers}{year}"
    parts = [p for p in (issuer, title) if p]
    return ", ".join(parts) + year if parts else file

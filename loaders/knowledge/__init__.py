"""What the loaders know about the world, read once from the curated knowledge files.

People, bodies (with abbreviations and spellings), regions and municipalities, dated events and the plans of
a region live as data in sources/curated/knowledge/ (see the README there); this object is the one place the
loaders ask; a build consults the knowledge of its own sources folder when that folder has curated/knowledge/
(`consulting(for_sources(...))`), else the repository's. A lookup answers only what the data says applies: a
person is matched by full name and only when the document's organisations and region do not speak against it,
a plan's short name only in a document of its region and time. Whatever the data does not know, the loaders
mint from the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, cached_property
from pathlib import Path

from rdflib import URIRef

from proveniens.loaders.knowledge import read
from proveniens.loaders.knowledge.model import AgreementTitle, Body, BodyKind, Event, KnownProposal, Law, Person, Plan
from proveniens.loaders.knowledge.slug import slugify
from proveniens.loaders.sources import SourceKind, SourceSet, find_sources

__all__ = ["AgreementTitle", "Body", "BodyKind", "Event", "Knowledge", "KnownProposal", "Law", "Person", "Plan",
           "consulting", "for_sources", "key", "knowledge", "slugify"]  # fmt: skip

SOURCES_DIR = Path(__file__).resolve().parents[2] / "sources"
KNOWLEDGE_DIR = Path("curated") / "knowledge"  # where a sources folder keeps its knowledge files

# How Swedish writes a municipality as an organisation: "Kungälvs kommun", "Borås Stad", "Ale kommun".
_MUNICIPAL = re.compile(r"^(?P<name>.+?)s? (?:kommun|[Ss]tad)$")


def key(name: str) -> str:
    """A name compared without case or extra spaces."""
    return " ".join(name.split()).casefold()


def spelling_regex(spelling: str) -> str:
    """A spelling as a pattern for flattened text: any run of spaces, "hälso- och" also as "hälso-och"."""
    return r"\s+".join(re.escape(word) for word in spelling.split()).replace(r"\-\s+", r"-\s?")


def by_first_letter(alternatives: Sequence[str], ignorecase: bool = True) -> str:
    """The alternation of `alternatives` (each opening with one literal character, as a spelling_regex does)
    grouped under their first character: case-insensitively for a pattern compiled with re.IGNORECASE.

    Why: Python's re tries every branch of an alternation at every position it gets to; hundreds of body
    names made that about a second per MB of text. Grouped, a position tries only the branches that start
    with its letter. Matches are the same: the branches a letter selects keep their order, and a branch
    whose first character is not that letter (in either case) could not have matched there anyway.
    """
    if any(not alt or alt[0] in "([.^$*+?{|" for alt in alternatives):
        return "|".join(alternatives)  # a branch opening with a group or a class: left as it is
    groups: dict[str, list[tuple[str, str]]] = {}
    for alt in alternatives:
        head = alt[:2] if alt.startswith("\\") else alt[:1]
        key = head[-1].lower() if ignorecase and head[-1].isalpha() else head
        groups.setdefault(key, []).append((head, alt[len(head) :]))
    return "|".join(f"{parts[0][0]}(?:{'|'.join(tail for _, tail in parts)})" for parts in groups.values())


def alternatives(alternation: str) -> list[str]:
    """The top-level branches of a regex alternation ("a(?:b|c)|d" → ["a(?:b|c)", "d"])."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 1  # an escaped character is never a bracket or a bar
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(alternation[start:i])
            start = i + 1
        i += 1
    return [*out, alternation[start:]]


class Knowledge:
    """The curated knowledge, with the lookups the loaders need."""

    def __init__(self, bodies: tuple[Body, ...], people: tuple[Person, ...], events: tuple[Event, ...],
                 plans: tuple[Plan, ...], inquiries: dict[str, str] | None = None,
                 sou_titles: dict[str, str] | None = None,
                 proposals: tuple[KnownProposal, ...] = (), laws: tuple[Law, ...] = (),
                 agreements: tuple[AgreementTitle, ...] = ()) -> None:  # fmt: skip
        self.bodies, self.people, self.events, self.plans = bodies, people, events, plans
        self.proposals, self.laws, self.agreements = proposals, laws, agreements
        self.inquiries = inquiries or {}  # "S 2017:01" → the inquiry's name
        self.sou_titles = sou_titles or {}  # "SOU 2020:19" → its Swedish title
        self._by_slug = {b.slug: b for b in bodies}

    @classmethod
    def from_sources(cls, sources_dir: Path = SOURCES_DIR) -> Knowledge:
        return cls.from_source_set(find_sources(sources_dir))

    @classmethod
    def from_source_set(cls, sources: SourceSet) -> Knowledge:
        graph = read.read_graph(sources)
        return cls(read.bodies(graph), read.people(graph), read.events(graph), read.plans(graph),
                   read.inquiries(graph), read.sou_titles(graph), read.proposals(graph), read.laws(graph),
                   read.agreement_titles(graph))  # fmt: skip

    # -- bodies ---------------------------------------------------------------------------------

    def knows(self, body: Body) -> bool:
        return self._by_slug.get(body.slug) == body

    @cached_property
    def _spellings(self) -> dict[str, Body]:
        out: dict[str, Body] = {}
        for body in self.bodies:
            for spelling in (body.name, *body.variants):
                out.setdefault(key(spelling), body)
        return out

    def body(self, written: str) -> Body | None:
        """The body a spelling stands for (case does not matter; an abbreviation may carry a genitive s)."""
        k = key(written)
        if (found := self._spellings.get(k)) is not None:
            return found
        if written[:-1].isupper() and written.endswith("s") and (found := self._spellings.get(k[:-1])):
            return found if found.abbreviation and key(found.abbreviation) == k[:-1] else None
        if m := _MUNICIPAL.match(" ".join(written.split())):
            return self.municipality(m["name"])
        slug = slugify(written)  # the same but for accents: "Vastkom", "Vastra Gotalandsregionen"
        return self._accentless.get(slug) if len(slug) >= 5 else None

    @cached_property
    def _accentless(self) -> dict[str, Body]:
        return {slugify(s): b for b in self.bodies for s in (b.name, *b.variants)}

    def municipality(self, name: str) -> Body | None:
        """A municipality by its name ("Kungälv") or as an organisation ("Kungälvs kommun", "Stockholms stad")."""
        k = key(name)
        for body in self.bodies:
            spellings = (body.name, *body.variants)
            if body.kind is BodyKind.MUNICIPALITY or any(_MUNICIPAL.match(n) for n in spellings):
                names = {key(n) for n in spellings}
                bare = {key(m["name"]) for n in spellings if (m := _MUNICIPAL.match(n))}
                if k in names or k in bare:
                    return body
        return None

    def units_of(self, parent: Body) -> tuple[Body, ...]:
        return tuple(b for b in self.bodies if b.parent == parent.slug)

    def region_of(self, body: Body | None) -> Body | None:
        """The region a body works in: its own, its parent's, or itself when it is one."""
        seen: set[str] = set()
        while body is not None and body.slug not in seen:
            seen.add(body.slug)
            if body.region:
                return self._by_slug.get(body.region)
            body = self._by_slug.get(body.parent or "")
        return None

    def region_named(self, text: str) -> Body | None:
        """The region a document is of, judged from the known bodies it names: the one region they belong to,
        or one named at least twice and in two of three mentions; None when the text does not settle it."""
        counts = Counter(
            region.slug for m in self.body_pattern.finditer(text) if (region := self.region_of(self.body(m[0])))
        )
        if not counts:
            return None
        top, n = counts.most_common(1)[0]
        settled = len(counts) == 1 or (n >= 2 and 3 * n >= 2 * sum(counts.values()))
        return self._by_slug[top] if settled else None

    @cached_property
    def body_pattern(self) -> re.Pattern[str]:
        """Any known spelling of any body, as a whole word; an abbreviation may carry a genitive s ("SROs")."""
        spellings = sorted({s for b in self.bodies for s in (b.name, *b.variants)}, key=len, reverse=True)
        alternatives = [spelling_regex(s) + ("s?" if s.isupper() else "") for s in spellings]
        return re.compile(rf"(?<![\w@.])(?:{by_first_letter(alternatives)})(?![\w@])", re.IGNORECASE)

    # -- people ---------------------------------------------------------------------------------

    def person(self, written: str, organisations: Iterable[Body] = (), region: Body | None = None) -> Person | None:
        """The known person a full name (or listed spelling) stands for, when the context supports it.

        It supports it when the name is written with one of the person's organisations, when the document is
        of the region of one of them, or when one of them works nationwide (no region, e.g. SKR). A name
        alone, in a document of unknown or other region, is not enough: that may be a namesake.
        """
        found = self.namesake(written)
        return found if found is not None and self._fits(found, tuple(organisations), region) else None

    def namesake(self, written: str) -> Person | None:
        """The known person with this full name (or listed spelling), whatever the context."""
        if len(written.split()) < 2:
            return None  # a surname or a given name alone is never enough
        by_key, by_slug = self._name_index
        found = [i for i in (by_key.get(key(written)), by_slug.get(slugify(written))) if i is not None]
        return self.people[min(found)] if found else None

    @cached_property
    def _name_index(self) -> tuple[dict[str, int], dict[str, int]]:
        """Each name's key and slug -> the first person listing it: namesake is asked once per name in a text."""
        by_key: dict[str, int] = {}
        by_slug: dict[str, int] = {}
        for i, p in enumerate(self.people):
            for n in (p.name, *p.variants):
                by_key.setdefault(key(n), i)
                by_slug.setdefault(slugify(n), i)
        return by_key, by_slug

    def person_regions(self, person: Person) -> set[str | None]:
        """The regions of the person's organisations; None for one that works nationwide."""
        return {getattr(self.region_of(self._by_slug.get(o)), "slug", None) for o in person.organisations}

    def _fits(self, person: Person, organisations: tuple[Body, ...], region: Body | None) -> bool:
        if any(b.slug in person.organisations for b in organisations):
            return True
        regions = self.person_regions(person)
        if organisations and all(b.slug not in person.organisations for b in organisations):
            named = {getattr(self.region_of(b), "slug", None) for b in organisations}
            if named - {None} and not named & (regions - {None}):
                return False  # written with a body of another region
        return None in regions or (region is not None and region.slug in regions)

    # -- events and plans -----------------------------------------------------------------------

    def events_about(self, cited: Iterable[URIRef]) -> list[Event]:
        wanted = set(cited)
        return [e for e in self.events if e.subject in wanted]

    @cached_property
    def _event_patterns(self) -> tuple[tuple[Event, re.Pattern[str]], ...]:
        return tuple(
            (e, re.compile(rf"(?<!\w)(?:{'|'.join(spelling_regex(s) for s in e.spellings)})(?!\w)", re.IGNORECASE))
            for e in self.events if e.spellings
        )  # fmt: skip

    @cached_property
    def _any_event(self) -> re.Pattern[str] | None:
        """Every event's spellings in one pattern: one pass over a text, not one per event."""
        spellings = [spelling_regex(s) for e in self.events for s in e.spellings]
        return re.compile(rf"(?<!\w)(?:{'|'.join(spellings)})(?!\w)", re.IGNORECASE) if spellings else None

    def names_an_event(self, text: str) -> bool:
        """Whether `text` names an event by one of its spellings (events_named is not empty)."""
        return self._any_event is not None and self._any_event.search(text) is not None

    def events_named(self, text: str) -> list[tuple[Event, re.Match[str]]]:
        """Events named in `text` by one of their spellings (the first mention of each)."""
        return [(e, m) for e, rx in self._event_patterns if (m := rx.search(text))]

    def plans_named(
        self, text: str, region: Body | None, latest: dt.date | None
    ) -> list[tuple[Plan, re.Match[str], bool]]:
        """Plans named in `text` that apply to a document of `region` written by `latest`: (plan, match, by title)."""
        return [
            (plan, m, by_title)
            for plan, patterns in self._plan_patterns
            if region is not None and plan.applies(region.slug, latest)
            for rx, by_title, word in patterns
            for m in (rx.finditer(text) if word is None else _after_word(rx, word, text))
        ]

    @cached_property
    def _plan_patterns(self) -> tuple[tuple[Plan, tuple[tuple[re.Pattern[str], bool, str | None], ...]], ...]:
        """Each plan's titles, then short names, longest first, compiled once: minutes ask per sentence. With
        each, the word after its first letter, which every match holds (see _after_word)."""
        out = []
        for plan in self.plans:
            patterns = []
            for names, by_title in ((plan.titles, True), (plan.short, False)):
                for name in sorted(names, key=len, reverse=True):
                    first = f"[{name[0]}{name[0].upper()}]" if name[0].islower() or by_title else re.escape(name[0])
                    # the lookbehind after the first letter: a pattern opening with a letter is searched fast
                    rest = spelling_regex(name[1:]) if name[1:] else ""
                    rx = re.compile(rf"{first}(?<![\w-].){rest}(?![\w-])")
                    patterns.append((rx, by_title, name[1:].split()[0] if name[1:].split() else None))
            out.append((plan, tuple(patterns)))
        return tuple(out)

    # -- proposals ------------------------------------------------------------------------------

    def proposal_named(self, sou: str, words: str, taken: Iterable[str] = ()) -> KnownProposal | None:
        """The known proposal of `sou` that `words` name first, leaving out the slugs in `taken`.

        A name must open a word and may run on ("patientkontraktet"); of several proposals named, the
        one named earliest wins, so a heading is given the proposal it is about, not one it mentions.
        """
        skip = set(taken)
        found = [(m.start(), -len(m[0]), p.slug, p) for p, rx in self._proposal_patterns.get(sou, ())
                 if p.slug not in skip and (m := rx.search(words))]  # fmt: skip
        return min(found)[-1] if found else None

    @cached_property
    def _proposal_patterns(self) -> dict[str, tuple[tuple[KnownProposal, re.Pattern[str]], ...]]:
        out: dict[str, list[tuple[KnownProposal, re.Pattern[str]]]] = {}
        for p in self.proposals:
            names = "|".join(spelling_regex(n) for n in sorted(p.names, key=len, reverse=True))
            out.setdefault(p.sou, []).append((p, re.compile(rf"(?<!\w)(?:{names})", re.IGNORECASE)))
        return {sou: tuple(patterns) for sou, patterns in out.items()}


def _after_word(rx: re.Pattern[str], word: str, text: str) -> Iterator[re.Match[str]]:
    """The matches `rx.finditer(text)` gives, for a plan name's pattern whose matches hold `word` right after
    their first letter: tried only one character before each place `word` is written. A letter class
    (as "[rR]") is a start re finds at almost every word, and minutes have pages of them per plan name."""
    end, at = 0, text.find(word, 1)
    while at != -1:
        if at - 1 >= end and (m := rx.match(text, at - 1)) is not None:
            end = m.end()
            yield m
        at = text.find(word, at + 1)


_CONSULTED: ContextVar[Knowledge | None] = ContextVar("proveniens_knowledge", default=None)
_BY_CONTENT: dict[tuple[tuple[str, str], ...], Knowledge] = {}


def knowledge(sources_dir: Path | None = None) -> Knowledge:
    """The knowledge the loaders consult: that of `sources_dir` when given, else the one a build is
    `consulting`, else the repository's (read once per process)."""
    if sources_dir is None:  # asked per sentence: no path to resolve on this way
        return active if (active := _CONSULTED.get()) is not None else _of_folder(SOURCES_DIR)
    return _of_folder(sources_dir.resolve())


@cache
def _of_folder(sources_dir: Path) -> Knowledge:
    return Knowledge.from_sources(sources_dir)


def for_sources(sources: SourceSet) -> Knowledge:
    """The knowledge of a build's sources: its own curated files when its folder has curated/knowledge/,
    else the repository's. Read once per content of the curated files, so an edited file is read again."""
    root = sources.root
    if root is None or not (root / KNOWLEDGE_DIR).is_dir():
        return knowledge(SOURCES_DIR)
    fingerprint = tuple(sorted((f.name, f.sha256) for f in sources.files if f.kind is SourceKind.CURATED))
    if fingerprint not in _BY_CONTENT:
        if len(_BY_CONTENT) >= 4:
            _BY_CONTENT.clear()
        _BY_CONTENT[fingerprint] = Knowledge.from_source_set(sources)
    return _BY_CONTENT[fingerprint]


@contextmanager
def consulting(known: Knowledge) -> Iterator[Knowledge]:
    """Make `known` what `knowledge()` answers while a build loads its sources (per thread and task)."""
    token = _CONSULTED.set(known)
    try:
        yield known
    finally:
        _CONSULTED.reset(token)

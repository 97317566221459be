"""People and bodies named in a document: one IRI per real person or body, whatever spelling a source uses.

Who and what is known lives in the knowledge files (sources/curated/knowledge/, read by
proveniens.loaders.knowledge). A body's `name` becomes its skos:prefLabel (Swedish); every other spelling a
source uses becomes a skos:altLabel, with evidence of where it was written. A person's `name` is the
correctly spelt foaf:name; `variants` are other spellings of the same person.

Two people are never merged on a shared surname: only a full name or a listed spelling, in a document whose
organisations and region do not speak against it, or (within one document) a name that drops a middle or
double surname of a longer one with the same given name ("Lisbeth Löpare" / "Lisbeth Löpare Johansson"),
resolves to the same person. Anyone else is minted from the name as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import URIRef

from proveniens.loaders.knowledge import Body, BodyKind, Person, key, knowledge, slugify
from proveniens.loaders.knowledge.kinds import kind_of_name
from proveniens.namespaces import INST

__all__ = ["Body", "BodyKind", "PersonIndex", "PersonRef", "body_named", "body_pattern", "find_bodies", "new_body",
           "spelling_variant"]  # fmt: skip

# ----------------------------------------------------------------------------------------------
# Bodies


def body_pattern() -> re.Pattern[str]:
    """Any known spelling of any body, as a whole word; an abbreviation may carry a genitive s ("SROs")."""
    return knowledge().body_pattern


def body_named(written: str) -> Body | None:
    """The body a spelling stands for (case does not matter; a genitive s on an abbreviation is allowed)."""
    return knowledge().body(written)


def find_bodies(text: str) -> list[tuple[Body, str, int]]:
    """Every known body named in `text`: (body, the spelling as written, character offset)."""
    found = []
    for match in body_pattern().finditer(text):
        body = body_named(match[0])
        if body is not None:
            found.append((body, match[0], match.start()))
    return found


def new_body(abbreviation: str, name: str | None = None) -> Body:
    """A body the knowledge does not hold yet, named by a source (e.g. a new minutes' header), of the kind its
    Swedish name states (a nämnd, a samverkansråd, a förbund …; see kinds.py), else of no particular kind."""
    known = body_named(abbreviation) or (body_named(name) if name else None)
    if known is not None:
        return known
    variants = (abbreviation,) if name and name != abbreviation else ()
    return Body(slugify(abbreviation), kind_of_name(name or abbreviation), name or abbreviation, variants)


def spelling_variant(body: Body, written: str) -> str | None:
    """`written` if it is a spelling of `body` other than its preferred name (then it is a skos:altLabel)."""
    clean = re.sub(r"(?<=[A-ZÅÄÖ])s$", "", written) if written[:-1].isupper() else written
    return None if clean == body.name else clean


# ----------------------------------------------------------------------------------------------
# People


@dataclass(frozen=True)
class PersonRef:
    """A person as resolved from one spelling in one document."""

    slug: str
    name: str  # the foaf:name
    written: str  # the spelling in the document
    note: str | None = None  # why this spelling is this person, or why a known namesake is not

    @property
    def iri(self) -> URIRef:
        return INST["person/" + self.slug]

    @property
    def is_variant(self) -> bool:
        return self.written != self.name


def _shortens(s: list[str], lg: list[str]) -> bool:
    """Whether the words `s` are the words `lg` without some middle or double surnames, same given name
    (both casefolded and split, once per name: resolve() compares a name with every name of the document)."""
    if len(s) < 2 or len(s) >= len(lg) or s[0] != lg[0]:
        return False
    rest = iter(lg[1:])
    return all(token in rest for token in s[1:])


def _known_note(person: Person, written: str) -> str | None:
    if written == person.name:
        return None
    if person.note and key(written) in {key(v) for v in person.variants}:
        return f"'{written}' is a spelling of {person.name} (knowledge files: {person.note})"
    return f"'{written}' is {person.name} of the knowledge files, written with other accents or capitals."


class PersonIndex:
    """Resolves the names written in one document to people: the knowledge first, then same-document short forms.

    `body` is the body whose document it is (its region, or `region`, is the context; None when unknown); a name written
    with its organisation ("Anne-Marie Svensson, VGR", `affiliations`) has that organisation as context too.
    A known person's namesake is minted with the organisation or body that tells them apart.
    """

    def __init__(
        self,
        written: Iterable[str],
        body: Body | None = None,
        affiliations: Mapping[str, str | None] | None = None,
        region: Body | None = None,
    ) -> None:
        names = sorted({" ".join(w.split()) for w in written}, key=len, reverse=True)
        self._by_given: dict[str, list[tuple[str, list[str]]]] = {}  # first word -> (name, words), longest first
        for name in names:
            words = name.casefold().split()
            if words:
                self._by_given.setdefault(words[0], []).append((name, words))
        self._region = region or knowledge().region_of(body)
        self._where = body.name if body is not None else "the document"
        self._affiliations = {" ".join(n.split()): a for n, a in (affiliations or {}).items() if a}
        self._resolved: dict[tuple[str, str | None], PersonRef] = {}

    def resolve(self, written: str, affiliation: str | None = None) -> PersonRef:
        """The person `written` stands for in this document; once per spelling (the writer asks per list and
        per role, and the same names recur item after item)."""
        if (written, affiliation) not in self._resolved:
            self._resolved[(written, affiliation)] = self._resolve(written, affiliation)
        return self._resolved[(written, affiliation)]

    def _resolve(self, written: str, affiliation: str | None) -> PersonRef:
        written = " ".join(written.split())
        affiliation = affiliation or self._affiliations.get(written)
        k = knowledge()
        orgs = [b for b, _, _ in find_bodies(affiliation)] if affiliation else []
        known = k.person(written, orgs, self._region)
        if known is not None:
            return PersonRef(known.slug, known.name, written, _known_note(known, written))
        namesake = k.namesake(written)
        if namesake is not None:  # the same name, but nothing in the context says it is the same person
            where = orgs[0].name if orgs else (affiliation or self._where)
            return PersonRef(slugify(f"{written} {where}"), written, written,
                             f"Not taken to be {namesake.name} of the knowledge files: the name alone is not enough "
                             f"and nothing here names their organisations or region; minted from the name and "
                             f"{where}.")  # fmt: skip
        words = written.casefold().split()
        same_given = self._by_given.get(words[0], []) if words else []
        longer = [n for n, lg in same_given if _shortens(words, lg) and k.namesake(n) is None]
        if len(longer) == 1:
            note = f"'{written}' is taken to be {longer[0]}, named in full in the same document."
            return PersonRef(slugify(longer[0]), longer[0], written, note)
        return PersonRef(slugify(written), written, written)  # unknown, or two candidates: do not guess

    def note(self, ref: PersonRef) -> str | None:
        """Why a spelling was taken to be this person (or a namesake was not)."""
        return ref.note

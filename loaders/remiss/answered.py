"""Which SOU(s) an organisation's remiss page answers: by number, or by title when the number is missing.

Why these rules: a response names what it answers in its title line ("Huvudbetänkandet God och nära
vård … (SOU 2020:19)"), in a sentence about the remiss ("… (SOU 2020:19), är ute på remiss", "har
fått rubricerat betänkande på remiss"), or — on a page about several reports — as the subject of the
paragraph that gives the responder's view ("Det andra delbetänkandet (…, SOU 2018:39) överlämnades
…"; only when neither the title nor a remiss sentence names one). SOUs cited in passing
(background, other reports) are not answered. When no number is written, a title the curated data
knows (sources/curated, dcterms:title of an SOU) identifies it: that link is inferred and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from proveniens.loaders.citations.find import Citation, CitationKind, sou
from proveniens.loaders.knowledge import knowledge
from proveniens.loaders.text.document_text import sentence_containing, sentence_spans
from proveniens.loaders.text.prose import Span

_REMISS = re.compile(r"remiss|yttrande|skrivelse|rubricerat betänkande", re.IGNORECASE)
_PRESENTS = re.compile(
    r"^\s*(?:(?:Det|Den)\s+\w+\s+)?(?:huvud|del|slut)?betänkande(?:t|n)?\b", re.IGNORECASE
)  # "Det andra delbetänkandet (…, SOU 2018:39) överlämnades …"
_BETANKANDE = re.compile(r"betänkande", re.IGNORECASE)


@dataclass(frozen=True)
class Answered:
    """An SOU the response answers: its identifier and IRI, where the text names it, whether inferred."""

    identifier: str
    iri: URIRef
    span: Span
    inferred: bool
    title: str | None = None  # the title the text names it by, when the number is missing


def answered(text: str, cits: list[Citation]) -> list[Answered]:
    """The SOUs `text` answers, in order of first mention; empty when it names none."""
    sous = [c for c in cits if c.kind is CitationKind.SOU and c.iri is not None]
    title = _title_line(text)
    out: dict[str, Answered] = {}
    for c in sous:
        if title is not None and title.start <= c.start < title.end:
            out.setdefault(c.identifier, Answered(c.identifier, c.iri, title, False))  # type: ignore[arg-type]
        elif (heading := _heading_naming(text, c)) is not None:
            out.setdefault(c.identifier, Answered(c.identifier, c.iri, heading, False))  # type: ignore[arg-type]
    presented: dict[str, Answered] = {}
    for i, c in enumerate(sous):
        near = text[max(0, c.start - 400) : c.end + 400]
        if not (_REMISS.search(near) or _BETANKANDE.search(near)):
            continue  # neither rule can hold: no need to find the sentence
        s = sentence_containing(text, c.start, c.end)
        words = s.words(text)
        if _REMISS.search(words):
            out.setdefault(c.identifier, Answered(c.identifier, c.iri, s, False))  # type: ignore[arg-type]
        elif _PRESENTS.match(words) and (i == 0 or sous[i - 1].start < s.start):
            presented.setdefault(c.identifier, Answered(c.identifier, c.iri, s, False))  # type: ignore[arg-type]
    out = out or presented  # a page presenting reports one by one answers each; otherwise they are background
    if not out and not sous:
        return by_title(text, title)
    return sorted(out.values(), key=lambda a: a.span.start)


_HEAD_CHARS = 1500  # a letter's head: letterhead, date, reference, addressee, then the title
_ENDS_IN_SOU = re.compile(r"\s*[).]*\s*$")


def _heading_naming(text: str, c: Citation) -> Span | None:
    """The line `c` ends, when it is a title line of the letter's head below a letterhead ("Vård och
    omsorg i hemmet – lagförslag om … (SOU 2021:93)"): such a line names what the letter answers."""
    if c.start > _HEAD_CHARS:
        return None
    start, end = text.rfind("\n", 0, c.start) + 1, text.find("\n", c.end)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if len(line) > 200 or not _ENDS_IN_SOU.fullmatch(text[c.end : end]) or line.rstrip().endswith("."):
        return None
    return Span(start + len(line) - len(line.lstrip()), start + len(line.rstrip()))


def _title_line(text: str) -> Span | None:
    m = re.search(r"\S[^\n]*", text)
    return Span(m.start(), m.end()) if m else None


def by_title(text: str, title: Span | None) -> list[Answered]:
    """An SOU named only by its title, in the title line or a sentence about the remiss (inferred)."""
    places = ([title] if title else []) + [s for s in sentence_spans(text) if _REMISS.search(s.words(text))]
    for span in places:
        written = _fold(span.words(text))
        for identifier, name in known_titles().items():
            if _fold(name) in written:
                year, number = identifier.split()[1].split(":")
                return [Answered(identifier, sou(year, number)[1], span, True, name)]
    return []


def _fold(text: str) -> str:
    text = re.sub(r"[–—-]", "-", text.casefold())
    return " ".join(re.sub(r"[’'”\"“]", "", text).split())


def known_titles() -> dict[str, str]:
    """SOU identifier -> Swedish title, from the curated data the loaders consult (dcterms:title of an SOU)."""
    return knowledge().sou_titles


_ON_REMISS = re.compile(
    r"\b(?:(?:ute|gått ut|skickats?|sänts?|fått\s+\w+(?:\s+\w+)?)\s+på\s+remiss|remitter\w*)\b", re.IGNORECASE
)
_NOT = re.compile(r"\b(?:inte|ej|aldrig)\b", re.IGNORECASE)


def remiss_rounds(text: str, sous: list[Answered]) -> dict[str, Span]:
    """The answered SOUs the text says were sent out on remiss, with the sentence that says it
    ("… (SOU 2020:19), är ute på remiss", "har fått rubricerat betänkande på remiss"); a sentence that
    denies it ("har inte gått ut på remiss") says the opposite."""
    out: dict[str, Span] = {}
    for s in sentence_spans(text):
        words = s.words(text)
        m = _ON_REMISS.search(words)
        if m is None or _NOT.search(words[: m.start()][-40:]):
            continue
        named = [a for a in sous if a.identifier.split()[1] in words.replace(" ", "")]
        for a in named or (sous if len(sous) == 1 else []):
            out.setdefault(a.identifier, s)
    return out

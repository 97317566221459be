"""What the running text of minutes says people and the body did, when no label says it.

- "Christian Åhrén, sekreterare, föredrar …", "Elin Nirjens går igenom …", "Maria Höög (projektledare)
  och Helena Ivansson (…) föredrar punkten", "Agneta visar en bild": the subject presents the item.
  A given name alone is the one person of the document with that given name, or nobody.
- "Daniel Danielsson (C) uttalar sig …", "Ordföranden, Jonas Andersson (S), hälsar välkommen …",
  "Mikael Westin, Elin Nirjens och Jonas Andersson kompletterar …": whoever acts in the meeting was
  there — a reading (inferred). People named as the object of a sentence ("Ett presidium valdes:
  Niklas Daoson ordförande …") did nothing in the meeting and are not read as present.
- "Regionstyrelsen ställer sig bakom …", "Regionstyrelsen beslutade … om A, om B och om C": the
  body's decisions, when the document has no decision labels.
Nothing here knows RDF.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from proveniens.loaders.knowledge import alternatives, by_first_letter
from proveniens.loaders.knowledge.entities import find_bodies
from proveniens.loaders.minutes.parts import BULLET, Named, Passage, Statement, span_of
from proveniens.loaders.minutes.people.posts import TITLE_FIRST, as_title
from proveniens.loaders.minutes.text import NAME, NAME_TOKEN, PARTY, is_organisation_like, looks_like_name
from proveniens.loaders.text.layout import Line

# Present tense and past: minnesanteckningar often say what happened ("Eva Ström presenterade …").
_PRESENTING = (
    r"föredr(?:ar|og)|g(?:år|ick)\s+igenom|presenter(?:ar|ade)|redog(?:ör|jorde)|inform(?:erar|erade)|vis(?:ar|ade)|"
    r"berätt(?:ar|ade)|rapporter(?:ar|ade)"
)
_ACTING = (
    rf"{_PRESENTING}|komplettera(?:r|de)|uttala(?:r|de)\s+sig|häls(?:ar|ade)|öppna(?:r|de)|inled(?:er|de)|"
    r"avsluta(?:r|de)|lyft(?:er|e)|fråga(?:r|de)|svara(?:r|de)|påminn(?:er|de)"
)
# The verbs grouped by first letter: re tries them after every space of a sentence's first 160 characters.
_VERB = by_first_letter(alternatives(_ACTING))
_ACT = re.compile(rf"^(?P<subject>.{{2,160}}?)\s+(?P<verb>{_VERB})\b", re.IGNORECASE)
_ACTS = re.compile(rf"\s(?:{_VERB})\b", re.IGNORECASE)  # in every line with an act: most lines have none
_APPOSITION = re.compile(r"\([^()]*\)|,\s*[a-zåäö][^,]*,")  # "(projektledare Region JH)", ", sekreterare,"
_BESIDE = re.compile(rf"(?P<name>{NAME})\s*(?:\((?P<paren>[^()]*)\)|,\s*(?P<app>[a-zåäö][^,]*),)")
_SPLIT = re.compile(r"\s*,\s*(?:(?:och|samt)\s+)?|\s+(?:och|samt)\s+")
# How minutes name the body that meets without naming it: "Styrelsen beslutade …", "Nämnden godkänner …".
_THE_BODY = r"(?:Styrelsen|Nämnden|Fullmäktige|Mötet|Rådet|Gruppen|Utskottet|Samrådet|Beredningen)"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


@dataclass(frozen=True)
class Act:
    named: Named
    presents: bool
    line: Line


def _sentences(line: Line) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(BULLET.sub("", line.text, count=1)) if s.strip()]


def _subjects(subject: str, given: dict[str, str]) -> list[tuple[str, str | None]] | None:
    """The people a sentence's subject names, each with what is written beside the name; None when any part
    is not a person."""
    subject = PARTY.sub("", subject)
    beside = {m["name"]: (m["paren"] or m["app"]).strip() for m in _BESIDE.finditer(subject)}
    core = _APPOSITION.sub(",", subject)
    names = []
    for part in (p.strip(" ,.") for p in _SPLIT.split(core)):
        if not part:
            continue
        if (title := TITLE_FIRST.match(part)) and looks_like_name(part[title.end() :]):
            name = " ".join(part[title.end() :].split())
            names.append(name)
            beside.setdefault(name, as_title(title["title"]))
        elif looks_like_name(part):
            names.append(" ".join(part.split()))
        elif re.fullmatch(NAME_TOKEN, part) and part in given:
            names.append(given[part])
        elif part.lower().startswith(("ordförande", "sekreterare", "mötesordförande")) and not names:
            continue  # "Ordföranden, Jonas Andersson (S), …": the role before the name
        elif names and (is_organisation_like(part) or find_bodies(part) or re.fullmatch(r"[A-ZÅÄÖ]{2,6}", part)):
            continue  # "Lena Holm, VästKom, informerar …": the organisation after the name
        else:
            return None
    return [(n, beside.get(n)) for n in names] or None


def acts(lines: list[Line], known: set[str]) -> list[Act]:
    """People who present or act in the meeting, by their sentence (see the module docstring)."""
    firsts = Counter(n.split()[0] for n in known)
    given = {n.split()[0]: n for n in known if firsts[n.split()[0]] == 1}
    out = []
    for line in lines:
        if not _ACTS.search(line.text):
            continue
        for sentence in _sentences(line):
            m = _ACT.match(sentence)
            names = _subjects(m["subject"], given) if m else None
            for name, beside in names or []:
                presents = bool(re.fullmatch(_PRESENTING, m["verb"], re.IGNORECASE))  # type: ignore[index]
                out.append(Act(Named(name, beside, span_of([line])), presents, line))
    return out


def _att_clauses(lines: list[Line], pos: int, sentence: str) -> tuple[str, int]:
    """A decision that goes on over the lines below ("Nämnden beslutar" over "att utse …"): its words and
    last line. It goes on while a line starts in lower case and the one above does not end a sentence."""
    said, last = sentence, lines[pos].no
    for nxt in lines[pos + 1 :]:
        words = " ".join(nxt.text.split())
        if said.endswith((".", "!", "?")) or not words[:1].islower() or nxt.no - last > 2:
            break
        said, last = f"{said} {words}", nxt.no
    return said, last


def _topics(rest: str) -> list[str]:
    """ "om A, om B och om C" → ["om A", "om B", "om C"]."""
    parts = re.split(r",\s*(?=om\b)|\s+och\s+(?=om\b)", rest.strip(" ."))
    return [p.strip() for p in parts if p.strip().startswith("om ")]


def body_decisions(lines: list[Line], body: str) -> list[tuple[str, Statement]]:
    """(topic, decision) for each decision the running text says the body took (see the module docstring)."""
    subject = rf"(?:{re.escape(body)}|{_THE_BODY})"
    took = re.compile(
        rf"^{subject}\s+(?:(?P<said>ställer\s+sig\s+bakom|beslutar|beslutade\s+att|godkänner|godkände|antar|antog|"
        rf"fastställer|fastställde|noterar|tar\s+del\s+av|uppdrar|utser|lägger)\b.*|beslutade\b(?P<topics>.*))$",
        re.IGNORECASE,
    )
    out = []
    for pos, line in enumerate(lines):
        for sentence in _sentences(line):
            m = took.match(sentence)
            if m is None:
                continue
            if m["said"]:
                said, last = _att_clauses(lines, pos, sentence)
                out.append(("", Statement(said, Passage(line.no, last, said))))
                continue
            rest = re.sub(r"^.*?\s(?=om\b)", "", m["topics"], count=1)
            for topic in _topics(rest):
                out.append((topic.removeprefix("om ").strip(), Statement(topic, Passage(line.no, line.no, topic))))
    return out

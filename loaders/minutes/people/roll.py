"""The roll call of minutes and notices: who was present, absent, invited — in every form it is printed.

Labels open a section ("Närvarande", "Beslutande", "Ledamöter", "Ersättare", "Övriga", "Frånvarande",
"Ej närvarande", "Anmält förhinder", "Inbjudna"), with or without a colon, and the names follow as a
list ("Ann Söderström, VGR och …") or as a table flattened to text ("Hasse Karlsson PRO Vivanne
Gustavsson PRO …", "Ulrik Hammar (L), norra hälso- och sjukvårdsnämnden Anna-Lena Carlsson (C), …").
"Ledamöter", "Ersättare" and "Övriga" say who was there only under "Närvarande"; in a notice
(kallelse) they are the invited, who have not met yet. "X ersätter Y" says Y was absent — a reading,
so it is marked inferred. Nothing here knows RDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proveniens.loaders.knowledge.entities import find_bodies
from proveniens.loaders.minutes.parts import HEADING, Minutes, Named, gather, people_in, span_of
from proveniens.loaders.minutes.text import NAME_TOKEN, NOT_GIVEN_NAMES, PARTY, is_organisation_like
from proveniens.loaders.text.layout import Line

_PRESENT = (
    r"Närvarande(?:\s+(?:ledamöter|ersättare))?|Övriga\s+(?:närvarande|deltagare)|Deltagare|Beslutande(?:\s+ledamöter)?|"
    r"(?:Ej\s+)?[Tt]jänstgörande(?:\s+ersättare)?"
)
_ABSENT = r"Ej\s+närvarande|Frånvarande|Anmält\s+förhinder|Anmälda\s+förhinder|Förhinder"
_MEMBERS = r"Ledamöter|Ersättare|Övriga"
_INVITED = r"Inbjudna(?:\s+gäster)?|Inbjuden|Gäster|Adjungerade|Adjungerad"
SECTION = re.compile(
    rf"^\s*(?:(?P<present>{_PRESENT})|(?P<absent>{_ABSENT})|(?P<members>{_MEMBERS})|(?P<invited>{_INVITED}))"
    r"(?:\s*:\s*|\s+(?=[A-ZÅÄÖ])|\s*$)(?P<rest>.*)$"
)
# What ends a roll call: another label, a signature block, a heading, the agenda.
_END = re.compile(
    r"^\s*(?:Underskrifter|Sekreterare|Ordförande|Justerare|Justering|Dagordning|Föredragningslista|Ärenden|Paragrafer|"
    r"Utses att justera|Plats och tid|Beslut|Ställningstagande|Föredragande)\b"
)
_RUN = re.compile(rf"{NAME_TOKEN}(?:\s+(?:von|af|de|van|der)?\s*{NAME_TOKEN})*")
_LETTERHEAD = re.compile(r"\b[A-ZÅÄÖ]{5,}\b")  # a letterhead in capitals ends a list
_REPLACES = re.compile(
    r"\bersätter\b|\b(?:ersättare|tjänstgör|tjänstgörande)\s+för\b|\bi\s*stället\s+för\b", re.IGNORECASE
)


_SERVING_LABEL = re.compile(r"\s*[Tt]jänstgörande\s+ersättare")  # not "Ej tjänstgörande ersättare"
_SERVING_FOR = re.compile(rf"{_REPLACES.pattern}|^[\s;,]*för(?=[\s;,]*$)", re.IGNORECASE)

# Labels that list the body's own members (ledamöter, ersättare, beslutande), whether present or not; others
# ("Närvarande", "Övriga", "Deltagare") may list officials and guests of other organisations too.
_MEMBER_LABEL = re.compile(r"ledamöter|ersättare|beslutande", re.IGNORECASE)


@dataclass(frozen=True)
class RollEntry:
    named: Named
    status: str  # "present" | "absent" | "invited" | "listed" (a member list that says nothing of attendance)
    stated: bool
    note: str | None = None
    member: bool = False  # listed under a label of the body's members ("Ledamöter", "Ersättare", "Beslutande")


def _names_in_run(tokens: list[str], known: set[str]) -> list[str]:
    """A run of capitalised words as the names it holds: "Hasse Johansson Lars-Ove Petersson" is two."""
    if stop := next((i for i, t in enumerate(tokens) if t in NOT_GIVEN_NAMES), None):  # "Odhner Ordförande Erik"
        return _names_in_run(tokens[:stop], known) + _names_in_run(tokens[stop + 1 :], known)
    if tokens and tokens[0] in NOT_GIVEN_NAMES:
        return _names_in_run(tokens[1:], known)
    if len(tokens) < 2:
        return []
    whole = " ".join(tokens)
    if len(tokens) <= 3:
        return [whole]
    for size in (2, 3):  # a name the document writes elsewhere on its own wins
        head = " ".join(tokens[:size])
        if head in known:
            return [head, *_names_in_run(tokens[size:], known)]
    if len(tokens) % 2 == 0:
        return [" ".join(tokens[i : i + 2]) for i in range(0, len(tokens), 2)]
    return []  # five words, no way to tell where one name ends: none rather than a wrong one


def roster(text: str, known: set[str] = frozenset(), serving: bool = False) -> list[tuple[str, str | None, bool]]:
    """(name, what follows it, replaces the previous name) for each name in a flattened list. Under a label of
    serving substitutes ("Tjänstgörande ersättare") a bare "för" says so too: "Eva Hall (S) för Fred Holm (S)"."""
    replacing = _SERVING_FOR if serving else _REPLACES
    clean = PARTY.sub(" ;", text)  # a party mark ends a name
    found: list[tuple[str, int, int]] = []
    for m in _RUN.finditer(clean):
        tokens = m[0].split()
        if is_organisation_like(m[0]) or (find_bodies(m[0]) and len(tokens) <= 2):
            continue
        at = m.start()
        for name in _names_in_run(tokens, known):
            start = clean.index(name, at)
            found.append((name, start, start + len(name)))
            at = start + len(name)
    out = []
    for i, (name, _, end) in enumerate(found):
        after = clean[end : found[i + 1][1] if i + 1 < len(found) else len(clean)]
        before = clean[found[i - 1][2] : found[i][1]] if i else ""
        affiliation = " ".join(replacing.sub(" ", after).split()).strip(" ,.;:") or None
        out.append((name, affiliation, bool(i and replacing.search(before))))
    return out


def _people(text: str, used: list[Line], known: set[str], serving: bool = False) -> list[tuple[Named, bool]]:
    """The names of a list: as a delimited list ("A, VGR och B") or a flattened table, whichever holds more
    (or names one in place of another: only the table reading sees "ersätter" and "för")."""
    text = _LETTERHEAD.split(text, maxsplit=1)[0]
    listed = people_in(text, used) or []
    table = roster(text, known, serving)
    span = span_of(used)
    if len(listed) >= len(table) and not any(replaces for _, _, replaces in table):
        return [(n, False) for n in listed]
    return [(Named(name, affiliation, span), replaces) for name, affiliation, replaces in table]


def read_roll(minutes: Minutes, lines: tuple[Line, ...], known: set[str]) -> list[RollEntry]:
    """Every person the roll call lists, with the status the section (and "ersätter") gives them."""
    entries: list[RollEntry] = []
    under_present = False
    for pos, line in enumerate(lines):
        m = SECTION.match(line.text)
        if m is None and line.no in minutes.excluded:
            continue
        if m is None:
            if _END.match(line.text) or HEADING.match(line.text):
                under_present = False
            continue
        if m["present"]:
            section, under_present = "present", True
        elif m["absent"]:
            section, under_present = "absent", False
        elif m["invited"]:
            section = "invited"
        else:
            section = "invited" if minutes.notice else ("present" if under_present else None)
        member = bool(_MEMBER_LABEL.search(m["present"] or m["members"] or ""))
        if section is None and not member:
            continue
        same_line = pos + 1 < len(lines) and lines[pos + 1].no == line.no
        text, used = (m["rest"], [line]) if same_line else gather(lines, pos, m["rest"])[:2]
        status = "invited" if minutes.notice else (section or "listed")  # listed: members, attendance not given
        previous: str | None = None
        serving = bool(_SERVING_LABEL.match(m[0]))
        for named, replaces in _people(text, used, known, serving):
            if replaces and previous and status == "present":
                note = f"{previous} 'ersätter' {named.name}: {named.name} did not attend."
                entries.append(RollEntry(named, "absent", False, note, member))
            else:
                entries.append(RollEntry(named, status, True, member=member))
            previous = named.name
    return entries

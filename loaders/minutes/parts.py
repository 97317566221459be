"""The parts of a set of minutes, and the patterns that find them by what they look like.

Shared by structure.py, regions.py and items.py: numbered agenda headings (a numbered
list inside an item is told apart by its numbering), labelled fields ("Datum:", "Tid:", "Mötesform:",
"Inbjudna:", "Ej närvarande:", "Lämnar mötet klockan 14.15:", "Föredragande:", "Ställningstagande:"),
the signature block (names over "ordförande  vice ordförande"), a member list set in two columns, and
the schedule of coming meetings. Each part keeps the lines it was read from, for evidence. Nothing
here knows RDF.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from proveniens.loaders.knowledge.entities import body_pattern, find_bodies
from proveniens.loaders.minutes.text import (
    NAME_TOKEN,
    NameMention,
    parse_people,
)
from proveniens.loaders.text.dates import InferredRange
from proveniens.loaders.text.layout import FIELD_LABELS, Layout, Line


@dataclass(frozen=True)
class Passage:
    """Lines `start`..`end` of the file, and the words there that support a fact: what minutes cite, as
    they are read line by line (a character range of running text is a `text.prose.Span`)."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Named:
    """A person as a list in the minutes names them."""

    name: str
    affiliation: str | None
    span: Passage


@dataclass(frozen=True)
class Statement:
    text: str
    span: Passage


@dataclass
class Item:
    number: int
    title: str
    heading: Passage
    presenters: list[Named] = field(default_factory=list)
    presenters_labelled: bool = True
    matters: list[Statement] = field(default_factory=list)  # bullets under an item-type line "Ställningstagande"
    decisions: list[Statement] = field(default_factory=list)
    proposals: list[Statement] = field(default_factory=list)  # a notice's "Förslag till beslut"
    text: Statement | None = None
    lines: list[Line] = field(default_factory=list)  # every content line of the item, heading included


@dataclass(frozen=True)
class Officer:
    person: Named
    role: str  # "chair" | "vice-chair"


@dataclass
class Minutes:
    layout: Layout
    title: Passage | None = None  # "Mötesanteckning SRO"
    body_written: str | None = None  # the body's abbreviation or name as the header writes it
    body_name: Passage | None = None  # the body's full name under the title
    date: tuple[dt.date, Passage] | None = None
    times: tuple[dt.time, dt.time, Passage] | None = None
    form: tuple[str, Passage] | None = None
    invited: list[Named] = field(default_factory=list)
    present: list[Named] = field(default_factory=list)
    absent: list[Named] = field(default_factory=list)
    left: list[tuple[Named, dt.time | None]] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    next_meetings: list[tuple[int, int, int | None, Passage]] = field(default_factory=list)  # day, month, year
    excluded: set[int] = field(default_factory=set)  # lines of the signature, member list and schedule
    notice: bool = False  # a kallelse: the meeting is still to come
    date_range: InferredRange | None = None  # when no day is stated: what the text allows (dates/when.py)
    posts: list[Any] = field(default_factory=list)  # people/posts.Post: titles written beside names
    present_inferred: list[tuple[Named, str]] = field(default_factory=list)  # (person, why)
    absent_inferred: list[tuple[Named, str]] = field(default_factory=list)
    schedule_lines: list[tuple[int, int]] = field(default_factory=list)  # (first, last) of each schedule section
    members: list[Named] = field(default_factory=list)  # listed as the body's members (Ledamöter, Ersättare …)


HEADING = re.compile(  # "3. Titel", "3 Titel", "§ 12 Titel", "Punkt 3. Titel", "Ärende 3: Titel"
    r"^\s*(?:§\s*(?P<para>\d{1,3})|(?:(?:Punkt|Ärende|Ärendepunkt|Dagordningspunkt)\s+)?(?P<num>\d{1,2})"
    r"(?:\s*[.):]|(?=\s+[A-ZÅÄÖ][\wåäö])))\s+(?P<title>[A-ZÅÄÖÉ0-9\"”'].*)$"
)
# "• § 2" alone on its line, the title on the next.
PARA_ALONE = re.compile(r"^\s*(?:[•*\-–]\s*)?§\s*(?P<para>\d{1,3})\s*$")
_TITLE_TAIL = re.compile(
    r"\s*\((?:[^()]*\b(?:min|bilagor|bilaga|se nästa sida|sid|minuter)\b[^()]*)\)\s*$|[\s–—\-:.]+$", re.IGNORECASE
)
_CONNECTIVE_END = re.compile(r"(?:\b(?:och|av|för|om|i|till|med|samt|inom|mellan|på|vid|kring)|[–\-,])\s*$")
BULLET = re.compile(r"^\s*(?:[•➢*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u25aa\u25cf\u2022\u27a2]|[-–](?=\s))\s*")
_LABELS = {
    "date": r"(?:Datum och tid|Datum|Mötesdatum|Dag)",
    "time": r"(?:Tid och plats|Plats och tid|Tid|Tidpunkt|Klockan)",
    "form": r"(?:Mötesform|Form|Plats)",
    "invited": r"(?:Inbjudna|Inbjuden|Inbjudna gäster|Gäster|Adjungerade|Adjungerad)",
    "present": r"(?:Närvarande|Deltagare|Närvarande ledamöter)",
    "absent": r"(?:Ej närvarande|Frånvarande|Förhinder|Anmält förhinder|Anmälda förhinder)",
    "left": r"(?:Lämnar|Lämnade)\s+mötet(?:\s+(?:klockan|kl\.?))?\s*(?P<at>\d{1,2}[.:]\d{2})",
    "chair": r"(?:Ordförande|Mötesordförande)",
    "vice-chair": r"(?:Vice ordförande|Vice mötesordförande|Vice ordf\.)",
    "presenters": r"(?:Föredragande|Föredragare)",
    "informing": r"(?:Muntlig\s+)?[Ii]nformation\s+från",
    "decision": r"(?:Ställningstagande|Beslut|Beslutet|Mötet beslutar|Beslutades)",
    "proposal": r"(?:Förslag till beslut|Förslag till ställningstagande)",
}
_BARE = ("presenters", "informing")  # labels that a transcript prints without their colon, before a name
_BARE_END = r"(?=\s+(?-i:[A-ZÅÄÖ]))"


def _label(kind: str, words: str) -> re.Pattern[str]:
    colon = rf"(?:\s*:|{_BARE_END})" if kind in _BARE else r"\s*:"
    return re.compile(rf"^\s*{words}{colon}\s*(?P<rest>.*)$", re.IGNORECASE)


LABEL = {k: _label(k, v) for k, v in _LABELS.items()}
ANY_LABEL = re.compile(rf"^\s*(?:{'|'.join(_LABELS.values())})\s*:", re.IGNORECASE)
_LABEL_START = re.compile(rf"^\s*(?:{'|'.join(_LABELS.values())})", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def labels(text: str) -> dict[str, re.Match[str]]:
    """The label kinds `text` opens with, in LABEL's order (do not change the dict: it is shared): one
    pattern rules out most lines, which the readers otherwise try against every label."""
    if not _LABEL_START.match(text):
        return {}
    return {k: m for k, rx in LABEL.items() if (m := rx.match(text))}


def label(kind: str, text: str) -> re.Match[str] | None:
    """`LABEL[kind].match(text)`, answered from labels()."""
    return labels(text).get(kind)


_BODY_DECIDES = r"[A-ZÅÄÖ][\wåäö-]*s\s+beslut"  # "Kommunstyrelsens beslut", "Nämndens beslut" over the decision
ITEM_KIND = re.compile(
    r"^\s*(?:Information|Information och (?:dialog|diskussion)|Dialog|Diskussion|Ställningstagande|Beslut|"
    rf"Beslutsärende|För kännedom|För beslut|För information|Workshop|{_BODY_DECIDES})\s*$",
    re.IGNORECASE,
)
DECIDING_KIND = re.compile(
    rf"^\s*(?:Ställningstagande|Beslut|Beslutsärende|För beslut|{_BODY_DECIDES})\s*$", re.IGNORECASE
)
TITLE_LINE = re.compile(
    r"^\s*(?:Mötesanteckning(?:ar)?|Minnesanteckning(?:ar)?|Protokoll|Anteckningar|Kallelse|Sammanställning|"
    r"Föredragningslista|Dagordning|Möteskallelse|Kungörelse)\b(?:\s+(?:fört\s+)?(?:från|för|vid|till)\b)?"
    r"(?:\s+(?:sammanträde|mötet?)\s+(?:med|i)\b)?(?P<rest>.*)$",
    re.IGNORECASE,
)
NOTICE = re.compile(r"^\s*(?:Kallelse|Möteskallelse|Kungörelse|Föredragningslista)\b", re.IGNORECASE)
SCHEDULE_HEAD = re.compile(
    r"^\s*(?:Mötestider|Mötesdatum|Mötesplan|Sammanträdestider|Sammanträdesdagar|Sammanträdesplan|Kommande möten|"
    r"Planerade möten)\b",
    re.IGNORECASE,
)
# The "Förslag till beslut" column of a notice.
PROPOSAL = re.compile(
    r"\b(?:Utses|Fastställs|Antecknas|Godkänns|Antas|Beslutas|Noteras|Bifalls|Avslås|Läggs till handlingarna)\b"
)
ROLE_WORD = r"(?:vice\s+ordförande|ordförande|sekreterare|justerare|justeras)"
ROLE_LINE = re.compile(rf"^\s*{ROLE_WORD}(?:\s+{ROLE_WORD})*\s*$", re.IGNORECASE)
# "Axel Josefsson och Katarina Jonsson lämnar mötet kl. 14.15."
INLINE_LEFT = re.compile(
    r"^\s*(?P<rest>[A-ZÅÄÖ].*?)\s+(?:lämnar|lämnade)\s+mötet\s+(?:klockan\s+|kl\.?\s*)?(?P<at>\d{1,2}[.:]\d{2})",
    re.IGNORECASE,
)
def inline_left(text: str) -> re.Match[str] | None:
    """`INLINE_LEFT.match(text)`, asked only of a line that says "lämna…" in any case (most lines are ruled out at
    once; every character re.IGNORECASE takes for a letter of it casefolds to that letter)."""
    return INLINE_LEFT.match(text) if "lämna" in text.casefold() else None
# "Ställningstagande VVG noterar informationen" (the colon left out): a body's abbreviation and a decision verb.
DECISION_WITHOUT_COLON = re.compile(
    r"^\s*(?:Ställningstagande|Beslut)\s+(?P<rest>[A-ZÅÄÖ]{2,}(?:/[\w-]+)?\s+(?:noterar|ställer|beslutar|tar|"
    r"godkänner|antar|ger|uppdrar|föreslår)\b.*)$"
)
NEXT_MEETING = re.compile(r"^\s*Nästa\s+(?:möte|sammanträde)\b", re.IGNORECASE)
DIGITAL = re.compile(r"teams|skype|zoom|digital|video|distans|telefon", re.IGNORECASE)
ROSTER_START = re.compile(r"^\s*För\s+[A-ZÅÄÖ].*\(|\((?:M|S|C|L|KD|V|MP|SD)\),")


def span_of(lines: list[Line], quote: str | None = None) -> Passage:
    text = " ".join(" ".join(line.text.split()) for line in lines)
    return Passage(lines[0].no, lines[-1].no, quote or text)


def clean_title(text: str) -> str:
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous, text = text, _TITLE_TAIL.sub("", text)
    return text


# ----------------------------------------------------------------------------------------------
# Agenda headings


def _style(line: Line) -> str:
    """How a number is written: "1.", "1)", "§ 1" or a bare "1" — a list keeps its style."""
    m = re.match(r"^\s*(§)?\s*\d{1,3}\s*([.)]?)", line.text)
    return (m[1] or "") + (m[2] or "") if m else ""


def find_headings(lines: tuple[Line, ...]) -> list[int]:
    """Positions in `lines` of the agenda headings: numbered 1, 2, 3 … with nested lists skipped; two
    at least, as a lone "1." is a list, but a lone "§ n" is a paragraph of a protocol."""
    for allow_any_start in (False, True):
        found: list[int] = []
        expected: int | None = None
        inner: tuple[int, int, str] | None = None  # (last number, position, style) of a list inside an item
        for pos, line in enumerate(lines):
            m = _heading_at(lines, pos)
            if not m or len(cut_title(m["title"])) > 150:
                continue
            n = int(m["num"] or m["para"])
            tight = pos > 0 and line.no - lines[pos - 1].no <= 1  # no blank line before: a list goes on
            continues_inner = (
                inner is not None and n == inner[0] + 1 and pos - inner[1] <= 3 and tight and _style(line) == inner[2]
            )
            starts = expected is None and (n == 1 or allow_any_start or m["para"] is not None)
            if starts or (n == expected and not continues_inner):
                found.append(pos)
                expected, inner = n + 1, None
            elif expected is not None:
                inner = (n, pos, _style(line))
        if len(found) >= 2:
            return found
        if found and (only := _heading_at(lines, found[0])) and only["para"] is not None:
            return found  # one "§ 12": a protocol extract (protokollsutdrag) holds a single paragraph
    return []


def _heading_at(lines: tuple[Line, ...], pos: int) -> re.Match[str] | None:
    """The heading at `pos`: "§ 12 Titel" on one line, or "§ 12" alone with its title on the next."""
    line = lines[pos]
    if _PARA_LINE.match(line.text) and pos + 1 < len(lines) and lines[pos + 1].no - line.no <= 2:
        return HEADING.match(f"{line.text.strip()} {lines[pos + 1].text.strip()}")
    return HEADING.match(line.text)


_PARA_LINE = re.compile(r"^\s*§\s*\d{1,3}\s*$")  # a protocol's "§ 48" alone (a bulleted one is read as unnumbered)


def heading(lines: tuple[Line, ...], pos: int) -> tuple[int, str, list[Line]]:
    """Number, title and lines of the heading at `pos` (a heading may run onto a second line; a
    registration number that opens it, "§ 45 Dnr KS 2022/00123", is followed by the title)."""
    m = _heading_at(lines, pos)
    assert m is not None
    used = [lines[pos], lines[pos + 1]] if _PARA_LINE.match(lines[pos].text) else [lines[pos]]
    pos += len(used) - 1
    title = m["title"]
    if _REGISTRATION.fullmatch(title.strip()) and pos + 1 < len(lines) and lines[pos + 1].no - lines[pos].no <= 2:
        nxt = lines[pos + 1]
        if not (ANY_LABEL.match(nxt.text) or HEADING.match(nxt.text) or ITEM_KIND.match(nxt.text)):
            used.append(nxt)
            pos += 1
            title = nxt.text.strip()
    if pos + 1 < len(lines):
        nxt = lines[pos + 1]
        nxt_text = nxt.text.strip()
        other = ANY_LABEL.match(nxt.text) or HEADING.match(nxt.text) or re.match(r"^\s*[a-z][.)]\s", nxt.text)
        if (
            nxt.no - lines[pos].no <= 2
            and not other
            and (_CONNECTIVE_END.search(title) or (nxt_text[:1].islower() and not BULLET.match(nxt.text)))
        ):
            used.append(nxt)
            title += " " + nxt_text
    return int(m["num"] or m["para"]), clean_title(cut_title(title)), used


_TITLE_STOP = re.compile(rf"\s(?:Bilag(?:a|or)|kl\.|Föred\w*|Dnr|Diarienummer|{PROPOSAL.pattern})(?:\s|$)")
# A registration number where a title would be: "Dnr KS 2022/00123", "Dnr: 2021/871", "KS 2022/123".
_REGISTRATION = re.compile(r"(?:(?:Dnr|Diarienummer|Diarienr)\.?\s*:?\s*)?(?:[A-ZÅÄÖ]{1,5}[\s-]?)?\d{2,4}[/.:-]\d+\S*",
                           re.IGNORECASE)  # fmt: skip
_RUN_ON = re.compile(rf"\.\s|\s(?={NAME_TOKEN}\s+{NAME_TOKEN}\b)")


def cut_title(title: str) -> str:
    """A heading's title without what a flattened page ran into it: the proposal column, times, the text."""
    if m := _TITLE_STOP.search(title):
        title = title[: m.start()]
    if len(title) > 100 and (m := _RUN_ON.search(title, 10)):
        title = title[: m.start()]
    return title


# ----------------------------------------------------------------------------------------------
# Lists of people and labelled values that run over several lines


_FIELD_ALONE = re.compile(rf"^(?:{FIELD_LABELS}|Sammanträdesdatum|Mötesdatum|Sammanträdesdag)\s*:?\s*$", re.IGNORECASE)


def field_alone(text: str) -> bool:
    """Whether a line is a field's label without its value ("Ersättare", "Sammanträdesdatum"): the value is below."""
    return bool(_FIELD_ALONE.match(" ".join(text.split())))


def _continues(prev: str, nxt: str) -> str | None:
    """How a list line goes on with the next one: " " (same entry), ", " (a new entry) or None (it does not)."""
    prev, nxt = " ".join(prev.split()), " ".join(nxt.split())
    if not nxt or ANY_LABEL.match(nxt) or HEADING.match(nxt) or ITEM_KIND.match(nxt) or BULLET.match(nxt):
        return None
    if _FIELD_ALONE.match(nxt):
        return None  # "Ersättare" alone on its line, without a colon: the next section
    if prev.endswith((".", "?", "!", ":")) and not nxt[:1].islower():
        return None  # the list has ended
    if re.search(r"(?:,|\boch|\bsamt|&|-)$", prev) or nxt[:1].islower() or nxt.startswith(("och ", ", ")):
        return " "
    last_entry = re.split(r",|\boch\b", prev)[-1].strip(" .")
    first_entry = nxt.split(",")[0].strip(" .")
    # a lone given name or surname: the name runs over the line break — unless a party mark or a
    # parenthesis closed the entry above ("Lisa Nilsson (C)" then "Erik …" is two people)
    closed = prev.endswith(")")
    for entry in (last_entry, *(() if closed else (first_entry,))):
        if re.fullmatch(NAME_TOKEN, entry) and not find_bodies(entry):
            return " "
    if parse_people(nxt, body_pattern(), strict=True):
        return ", "
    return None


def gather(lines: tuple[Line, ...], pos: int, first: str, max_gap: int = 2) -> tuple[str, list[Line], int]:
    """The value of a list that starts with `first` on lines[pos]: its text, its lines, the next position."""
    text, used = first, [lines[pos]]
    nxt = pos + 1
    while nxt < len(lines) and lines[nxt].no - used[-1].no - 1 <= max_gap:
        joiner = _continues(text, lines[nxt].text)  # nothing yet after the label: the list starts below it
        if joiner is None:
            break
        text = (text.rstrip() + joiner + lines[nxt].text.strip()) if text.strip() else lines[nxt].text.strip()
        used.append(lines[nxt])
        nxt += 1
    return text, used, nxt


def people_in(text: str, used: list[Line], strict: bool = False) -> list[Named] | None:
    found = parse_people(text, body_pattern(), strict=strict)
    if found is None:
        return None
    span = span_of(used)
    return [Named(p.name, p.affiliation, span) for p in found if isinstance(p, NameMention)]

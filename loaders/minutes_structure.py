"""The parts of a set of minutes, found by what they look like rather than where they are.

Numbered agenda headings (a numbered list inside an item is told apart by its numbering), labelled
fields ("Datum:", "Tid:", "Mötesform:", "Inbjudna:", "Ej närvarande:", "Lämnar mötet klockan 14.15:",
"Föredragande:", "Ställningstagande:"), the signature block (names over "ordförande  vice
ordförande"), a member list set in two columns, and the schedule of coming meetings. Each part keeps
the lines it was read from, for evidence. Nothing here knows RDF.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from proveniens.loaders.entities import body_pattern, find_bodies
from proveniens.loaders.minutes_layout import Layout, Line, analyse
from proveniens.loaders.minutes_text import (
    DAY_MONTH,
    NAME_TOKEN,
    NameMention,
    day_month,
    looks_like_name,
    parse_date,
    parse_people,
    parse_time,
    parse_time_range,
)


@dataclass(frozen=True)
class Span:
    """Lines `start`..`end` of the file, and the words there that support a fact."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Named:
    """A person as a list in the minutes names them."""

    name: str
    affiliation: str | None
    span: Span


@dataclass(frozen=True)
class Statement:
    text: str
    span: Span


@dataclass
class Item:
    number: int
    title: str
    heading: Span
    presenters: list[Named] = field(default_factory=list)
    presenters_labelled: bool = True
    matters: list[Statement] = field(default_factory=list)  # bullets under an item-type line "Ställningstagande"
    decisions: list[Statement] = field(default_factory=list)
    text: Statement | None = None
    lines: list[Line] = field(default_factory=list)  # every content line of the item, heading included


@dataclass(frozen=True)
class Officer:
    person: Named
    role: str  # "chair" | "vice-chair"


@dataclass
class Minutes:
    layout: Layout
    title: Span | None = None  # "Mötesanteckning SRO"
    body_written: str | None = None  # the body's abbreviation or name as the header writes it
    body_name: Span | None = None  # the body's full name under the title
    date: tuple[dt.date, Span] | None = None
    times: tuple[dt.time, dt.time, Span] | None = None
    form: tuple[str, Span] | None = None
    invited: list[Named] = field(default_factory=list)
    present: list[Named] = field(default_factory=list)
    absent: list[Named] = field(default_factory=list)
    left: list[tuple[Named, dt.time | None]] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    next_meetings: list[tuple[int, int, int | None, Span]] = field(default_factory=list)  # day, month, year
    excluded: set[int] = field(default_factory=set)  # lines of the signature, member list and schedule
    schedule_lines: list[tuple[int, int]] = field(default_factory=list)  # (first, last) of each schedule section


HEADING = re.compile(r"^\s*(?:§\s*(?P<para>\d{1,3})|(?P<num>\d{1,2})\s*[.)])\s+(?P<title>[A-ZÅÄÖÉ0-9\"”'].*)$")
_TITLE_TAIL = re.compile(
    r"\s*\((?:[^()]*\b(?:min|bilagor|bilaga|se nästa sida|sid|minuter)\b[^()]*)\)\s*$|[\s–—\-:.]+$", re.IGNORECASE
)
_CONNECTIVE_END = re.compile(r"(?:\b(?:och|av|för|om|i|till|med|samt|inom|mellan|på|vid|kring)|[–\-,])\s*$")
BULLET = re.compile(r"^\s*(?:[•➢*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u25aa\u25cf\u2022\u27a2]|[-–](?=\s))\s*")
_LABELS = {
    "date": r"(?:Datum|Mötesdatum|Dag)",
    "time": r"(?:Tid|Tidpunkt|Klockan)",
    "form": r"(?:Mötesform|Form|Plats)",
    "invited": r"(?:Inbjudna|Inbjuden|Inbjudna gäster|Gäster|Adjungerade|Adjungerad)",
    "present": r"(?:Närvarande|Deltagare|Närvarande ledamöter)",
    "absent": r"(?:Ej närvarande|Frånvarande|Förhinder|Anmält förhinder|Anmälda förhinder)",
    "left": r"(?:Lämnar|Lämnade)\s+mötet(?:\s+(?:klockan|kl\.?))?\s*(?P<at>\d{1,2}[.:]\d{2})",
    "chair": r"(?:Ordförande|Mötesordförande)",
    "vice-chair": r"(?:Vice ordförande|Vice mötesordförande|Vice ordf\.)",
    "presenters": r"(?:Föredragande|Föredragare)",
    "decision": r"(?:Ställningstagande|Beslut|Mötet beslutar|Beslutades)",
}
LABEL = {k: re.compile(rf"^\s*{v}\s*:\s*(?P<rest>.*)$", re.IGNORECASE) for k, v in _LABELS.items()}
_ANY_LABEL = re.compile(rf"^\s*(?:{'|'.join(_LABELS.values())})\s*:", re.IGNORECASE)
ITEM_KIND = re.compile(
    r"^\s*(?:Information|Information och (?:dialog|diskussion)|Dialog|Diskussion|Ställningstagande|Beslut|"
    r"Beslutsärende|För kännedom|För beslut|För information|Workshop)\s*$",
    re.IGNORECASE,
)
_DECIDING_KIND = re.compile(r"^\s*(?:Ställningstagande|Beslut|Beslutsärende|För beslut)\s*$", re.IGNORECASE)
TITLE_LINE = re.compile(
    r"^\s*(?:Mötesanteckning(?:ar)?|Minnesanteckning(?:ar)?|Protokoll|Anteckningar)\b(?:\s+(?:från|för|vid))?(?P<rest>.*)$",
    re.IGNORECASE,
)
SCHEDULE_HEAD = re.compile(
    r"^\s*(?:Mötestider|Mötesdatum|Mötesplan|Sammanträdestider|Sammanträdesdagar|Sammanträdesplan|Kommande möten|"
    r"Planerade möten)\b",
    re.IGNORECASE,
)
_ROLE_WORD = r"(?:vice\s+ordförande|ordförande|sekreterare|justerare|justeras)"
ROLE_LINE = re.compile(rf"^\s*{_ROLE_WORD}(?:\s+{_ROLE_WORD})*\s*$", re.IGNORECASE)
NEXT_MEETING = re.compile(r"^\s*Nästa\s+(?:möte|sammanträde)\b", re.IGNORECASE)
_DIGITAL = re.compile(r"teams|skype|zoom|digital|video|distans|telefon", re.IGNORECASE)
_ROSTER_START = re.compile(r"^\s*För\s+[A-ZÅÄÖ].*\(|\((?:M|S|C|L|KD|V|MP|SD)\),")


def span_of(lines: list[Line], quote: str | None = None) -> Span:
    text = " ".join(" ".join(line.text.split()) for line in lines)
    return Span(lines[0].no, lines[-1].no, quote or text)


def clean_title(text: str) -> str:
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous, text = text, _TITLE_TAIL.sub("", text)
    return text


# ----------------------------------------------------------------------------------------------
# Agenda headings


def find_headings(lines: tuple[Line, ...]) -> list[int]:
    """Positions in `lines` of the agenda headings: numbered 1, 2, 3 … with nested lists skipped."""
    for allow_any_start in (False, True):
        found: list[int] = []
        expected: int | None = None
        inner: tuple[int, int] | None = None  # (last number, position) of a numbered list inside an item
        for pos, line in enumerate(lines):
            m = HEADING.match(line.text)
            if not m or len(m["title"]) > 150:
                continue
            n = int(m["num"] or m["para"])
            tight = pos > 0 and line.no - lines[pos - 1].no == 1  # no blank line before: a list goes on
            continues_inner = inner is not None and n == inner[0] + 1 and pos - inner[1] <= 3 and tight
            starts = expected is None and (n == 1 or allow_any_start or m["para"] is not None)
            if starts or (n == expected and not continues_inner):
                found.append(pos)
                expected, inner = n + 1, None
            elif expected is not None:
                inner = (n, pos)
        if len(found) >= 2:
            return found
    return []


def _heading(lines: tuple[Line, ...], pos: int) -> tuple[int, str, list[Line]]:
    """Number, title and lines of the heading at `pos` (a heading may run onto a second line)."""
    m = HEADING.match(lines[pos].text)
    assert m is not None
    used = [lines[pos]]
    title = m["title"]
    if pos + 1 < len(lines):
        nxt = lines[pos + 1]
        nxt_text = nxt.text.strip()
        other = _ANY_LABEL.match(nxt.text) or HEADING.match(nxt.text) or re.match(r"^\s*[a-z][.)]\s", nxt.text)
        if nxt.no - lines[pos].no <= 2 and not other and (
            _CONNECTIVE_END.search(title) or (nxt_text[:1].islower() and not BULLET.match(nxt.text))
        ):
            used.append(nxt)
            title += " " + nxt_text
    return int(m["num"] or m["para"]), clean_title(title), used


# ----------------------------------------------------------------------------------------------
# Lists of people and labelled values that run over several lines


def _continues(prev: str, nxt: str) -> str | None:
    """How a list line goes on with the next one: " " (same entry), ", " (a new entry) or None (it does not)."""
    prev, nxt = " ".join(prev.split()), " ".join(nxt.split())
    if not nxt or _ANY_LABEL.match(nxt) or HEADING.match(nxt) or ITEM_KIND.match(nxt) or BULLET.match(nxt):
        return None
    if prev.endswith((".", "?", "!", ":")) and not nxt[:1].islower():
        return None  # the list has ended
    if re.search(r"(?:,|\boch|\bsamt|&|-)$", prev) or nxt[:1].islower() or nxt.startswith(("och ", ", ")):
        return " "
    last_entry = re.split(r",|\boch\b", prev)[-1].strip(" .")
    first_entry = nxt.split(",")[0].strip(" .")
    for entry in (last_entry, first_entry):  # a lone given name or surname: the name runs over the line break
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
        joiner = _continues(text if text.strip() else used[-1].text, lines[nxt].text)
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


# ----------------------------------------------------------------------------------------------
# Regions that are not agenda text: signature blocks, member lists, schedules


def _signature(lines: tuple[Line, ...], pos: int, known: set[str]) -> tuple[int, list[Officer]] | None:
    """The officers of a signature block whose role line is lines[pos], and the position where it starts."""
    roles = re.findall(_ROLE_WORD, lines[pos].text, re.IGNORECASE)
    wanted = [_officer_role(r) for r in roles]
    for up in range(pos - 1, max(pos - 6, -1), -1):
        names = split_names(lines[up].text, len(roles), known)
        if names:
            block = list(lines[up : pos + 1])
            span = span_of(block)
            orgs = _column_bodies(block[1:-1], len(roles))
            officers = [
                Officer(Named(name, orgs[i] if orgs else None, span), role)
                for i, (name, role) in enumerate(zip(names, wanted, strict=True))
                if role is not None
            ]
            return up, officers
    return None


def _officer_role(word: str) -> str | None:
    word = word.lower()
    if "ordf" not in word:
        return None  # secretaries and adjusters have no role IRI
    return "vice-chair" if word.startswith("vice") else "chair"


def split_names(text: str, k: int, known: set[str]) -> list[str] | None:
    """`text` as exactly k names side by side ("Johnny Magnusson Kent Lagrell"), None if it is not."""
    parts = [p for p in re.split(r"\s{2,}", text.strip()) if p]
    if len(parts) == k and all(looks_like_name(p) for p in parts) and not find_bodies(text):
        return [" ".join(p.split()) for p in parts]
    tokens = text.split()
    if not (2 * k <= len(tokens) <= 4 * k) or find_bodies(text) or not all(re.fullmatch(NAME_TOKEN, t) for t in tokens):
        return None
    splits: list[list[str]] = [[]]
    for _ in range(k):
        splits = [[*s, n] for s in splits for n in range(2, 5)]
    candidates = []
    for sizes in splits:
        if sum(sizes) != len(tokens):
            continue
        names, i = [], 0
        for size in sizes:
            names.append(" ".join(tokens[i : i + size]))
            i += size
        if all(looks_like_name(n) for n in names):
            candidates.append(names)
    known_keys = {" ".join(n.split()).casefold() for n in known}
    preferred = [c for c in candidates if all(n.casefold() in known_keys for n in c)]
    if len(preferred) == 1:
        return preferred[0]
    return candidates[0] if len(candidates) == 1 else None


def _column_bodies(lines: list[Line], k: int) -> list[str] | None:
    for line in reversed(lines):
        found = find_bodies(line.text)
        if len(found) == k:
            return [written for _, written, _ in found]
    return None


def _roster_end(lines: tuple[Line, ...], pos: int, stops: set[int]) -> int:
    end = pos
    while end + 1 < len(lines) and end + 1 not in stops:
        end += 1
    return end


def read_minutes(raw_lines: tuple[str, ...] | list[str]) -> Minutes | None:
    """The parts of the minutes, or None when the text has no numbered agenda."""
    layout = analyse(raw_lines)
    lines = layout.lines
    heads = find_headings(lines)
    if not heads:
        return None
    minutes = Minutes(layout)
    _read_regions(minutes, heads)
    _read_fields(minutes, heads)
    _read_items(minutes, heads)
    return minutes


def _known_names(lines: tuple[Line, ...]) -> set[str]:
    names: set[str] = set()
    for line in lines:
        for kind in ("invited", "present", "absent", "left", "presenters"):
            if m := LABEL[kind].match(line.text):
                names.update(p.name for p in parse_people(m["rest"], body_pattern()) or [])
    return names


def _read_regions(minutes: Minutes, heads: list[int]) -> None:
    lines = minutes.layout.lines
    stops = set(heads)
    known = _known_names(lines)
    for pos, line in enumerate(lines):
        if ROLE_LINE.match(line.text):
            found = _signature(lines, pos, known)
            if found:
                start, officers = found
                minutes.officers.extend(officers)
                minutes.excluded.update(x.no for x in lines[start : pos + 1])
                stops.add(start)
    for pos, line in enumerate(lines):
        if SCHEDULE_HEAD.match(line.text) and not HEADING.match(line.text):
            end = _roster_end(lines, pos, stops)
            minutes.excluded.update(x.no for x in lines[pos : end + 1])
            minutes.schedule_lines.append((lines[pos].no, lines[end].no))
            stops.add(pos)
    for pos, line in enumerate(lines):
        if line.no in minutes.excluded or _ANY_LABEL.match(line.text):
            continue
        after_label = pos > 0 and (_ANY_LABEL.match(lines[pos - 1].text) or lines[pos - 1].text.rstrip().endswith(","))
        if _ROSTER_START.search(line.text) and pos not in stops and not after_label:
            end = _roster_end(lines, pos, stops)
            minutes.excluded.update(x.no for x in lines[pos : end + 1])


def _read_fields(minutes: Minutes, heads: list[int]) -> None:
    lines = minutes.layout.lines
    for pos, line in enumerate(lines[: heads[0]]):
        if pos < 4 and (m := TITLE_LINE.match(line.text)) and not minutes.title:
            minutes.title = span_of([line])
            written = m["rest"].strip(" :-–")
            minutes.body_written = written or None
            name_lines = []
            for nxt in lines[pos + 1 : heads[0]]:
                if _ANY_LABEL.match(nxt.text) or nxt.no - (name_lines or [line])[-1].no > 3:
                    break
                name_lines.append(nxt)
            if name_lines:
                minutes.body_name = span_of(name_lines)
    for pos, line in enumerate(lines):
        if line.no in minutes.excluded:
            continue
        if NEXT_MEETING.match(line.text):
            _read_next_meeting(minutes, line)
        for kind, rx in LABEL.items():
            m = rx.match(line.text)
            if m is None or kind in ("presenters", "decision"):
                continue
            _read_field(minutes, kind, m, pos)
            break


def _read_next_meeting(minutes: Minutes, line: Line) -> None:
    """ "Nästa möte: 2022-05-09 kl. 9-11" or "Nästa möte hålls den 9 maj": a day, with its year when written."""
    if day := parse_date(line.text):
        minutes.next_meetings.append((day.day, day.month, day.year, span_of([line])))
    elif (m := DAY_MONTH.search(line.text)) and (dm := day_month(m)):
        minutes.next_meetings.append((dm[0], dm[1], None, span_of([line])))


def _read_field(minutes: Minutes, kind: str, m: re.Match[str], pos: int) -> None:
    lines = minutes.layout.lines
    rest = m["rest"]
    here = span_of([lines[pos]])
    if kind == "date" and minutes.date is None and (day := parse_date(rest)):
        minutes.date = (day, here)
        if minutes.times is None and (times := parse_time_range(rest)):  # "Datum: 2022-03-14, kl. 9-12"
            minutes.times = (*times, here)
    elif kind == "time" and minutes.times is None and (times := parse_time_range(rest)):
        minutes.times = (*times, here)
    elif kind == "form" and minutes.form is None and rest.strip() and (
        not m[0].strip().lower().startswith("plats") or _DIGITAL.search(rest)
    ):
        minutes.form = (" ".join(rest.split()).strip(" ."), here)
    elif kind in ("invited", "present", "absent", "left", "chair", "vice-chair"):
        text, used, _ = gather(lines, pos, rest)
        people = people_in(text, used) or []
        if kind == "left":
            at = parse_time(m["at"])
            minutes.left.extend((p, at) for p in people)
        elif kind in ("chair", "vice-chair"):
            minutes.officers.extend(Officer(p, kind) for p in people[:1])
        else:
            getattr(minutes, kind).extend(people)


# ----------------------------------------------------------------------------------------------
# Agenda items


def _read_items(minutes: Minutes, heads: list[int]) -> None:
    lines = minutes.layout.lines
    for i, pos in enumerate(heads):
        number, title, head_lines = _heading(lines, pos)
        end = heads[i + 1] if i + 1 < len(heads) else len(lines)
        body = [x for x in lines[pos + len(head_lines) : end] if x.no not in minutes.excluded]
        item = Item(number, title, span_of(head_lines, title), lines=[*head_lines, *body])
        _read_item_body(item, tuple(body))
        minutes.items.append(item)


def _read_item_body(item: Item, body: tuple[Line, ...]) -> None:
    """Presenters, the matters listed first or under an item-type line ("Ställningstagande"), decisions, text."""
    used: set[int] = set()
    head_presenters = _unlabelled_presenters(item, body)
    pos = 0
    deciding = False
    while pos < len(body):
        line = body[pos]
        if (m := LABEL["presenters"].match(line.text)) and not item.presenters:
            text, span_lines, nxt = gather(body, pos, m["rest"])
            item.presenters = people_in(text, span_lines) or []
            used.update(x.no for x in span_lines)
            pos = nxt
            continue
        if m := LABEL["decision"].match(line.text):
            statements, nxt = _decision(body, pos, m["rest"])
            item.decisions.extend(statements)
            used.update(x.no for x in body[pos:nxt])
            pos = nxt
            continue
        leading = all(x.no in used or x.no in head_presenters for x in body[:pos])  # nothing but labels so far
        if ITEM_KIND.match(line.text):
            deciding = bool(_DECIDING_KIND.match(line.text))
            used.add(line.no)
        elif (deciding or leading) and BULLET.match(line.text):
            text, span_lines, nxt = _bullet(body, pos)
            item.matters.append(Statement(text, span_of(span_lines)))
            used.update(x.no for x in span_lines)
            pos = nxt
            continue
        else:
            deciding = False
        pos += 1
    used |= head_presenters
    used |= {x.no for x in body if any(LABEL[k].match(x.text) for k in _ROLL_CALL)}  # read as attendance
    rest = [x for x in body if x.no not in used]
    if rest:
        item.text = Statement(" ".join(" ".join(x.text.split()) for x in rest), span_of(rest))


_ROLL_CALL = ("present", "absent", "left", "invited")


def _unlabelled_presenters(item: Item, body: tuple[Line, ...]) -> set[int]:
    """Names with organisations right under the heading, without "Föredragande:" (the VVG layout)."""
    if not body or any(LABEL["presenters"].match(x.text) for x in body):
        return set()
    text, span_lines, _ = gather(body, 0, body[0].text)
    people = people_in(text, span_lines, strict=True)
    if people and any(p.affiliation and find_bodies(p.affiliation) for p in people):
        item.presenters, item.presenters_labelled = people, False
        return {x.no for x in span_lines}
    return set()


def _bullet(body: tuple[Line, ...], pos: int) -> tuple[str, list[Line], int]:
    """A bullet and the lines that continue it."""
    used = [body[pos]]
    nxt = pos + 1
    while nxt < len(body):
        line = body[nxt]
        if BULLET.match(line.text) or _ANY_LABEL.match(line.text) or line.no - used[-1].no > 2:
            break
        if not line.text.strip()[:1].islower() and used[-1].text.rstrip().endswith("."):
            break
        if not line.text.strip()[:1].islower() and line.no - used[-1].no > 1:
            break
        used.append(line)
        nxt += 1
    text = " ".join(" ".join(x.text.split()) for x in used)
    return BULLET.sub("", text, count=1).strip(), used, nxt


def _decision(body: tuple[Line, ...], pos: int, rest: str) -> tuple[list[Statement], int]:
    """The statements of a "Ställningstagande:" (its own text, or the bullets under it) and the next position."""
    if not rest.strip():
        statements = []
        nxt = pos + 1
        while nxt < len(body) and BULLET.match(body[nxt].text) and body[nxt].no - body[nxt - 1].no <= 3:
            text, used, nxt = _bullet(body, nxt)
            statements.append(Statement(text, span_of(used, text)))
        if statements:
            return statements, nxt
        if nxt < len(body):
            rest, pos = body[nxt].text, nxt
        else:
            return [], nxt
    used = [body[pos]]
    nxt = pos + 1
    while nxt < len(body):
        line = body[nxt]
        if _ANY_LABEL.match(line.text) or BULLET.match(line.text) or ITEM_KIND.match(line.text):
            break
        gap = line.no - used[-1].no - 1
        if not (gap == 0 or (gap <= 2 and line.text.strip()[:1].islower())):
            break
        used.append(line)
        nxt += 1
    text = " ".join([" ".join(rest.split()), *(" ".join(x.text.split()) for x in used[1:])]).strip()
    return [Statement(text, span_of(used, text))], nxt

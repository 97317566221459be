"""Agenda items: heading, presenters, the matters listed first, decisions ("Ställningstagande"), the text."""

from __future__ import annotations

import re
from dataclasses import replace

from proveniens.loaders.knowledge.entities import find_bodies
from proveniens.loaders.minutes.parts import (
    ANY_LABEL,
    BULLET,
    DECIDING_KIND,
    DECISION_WITHOUT_COLON,
    HEADING,
    ITEM_KIND,
    PARA_ALONE,
    PROPOSAL,
    Item,
    Minutes,
    Named,
    Statement,
    clean_title,
    cut_title,
    gather,
    heading,
    inline_left,
    label,
    labels,
    people_in,
    span_of,
)
from proveniens.loaders.minutes.people.posts import TITLE_FIRST, as_title
from proveniens.loaders.minutes.people.running import acts, body_decisions
from proveniens.loaders.text.layout import Line


def read_items(minutes: Minutes, heads: list[int]) -> None:
    lines = minutes.layout.lines
    for i, pos in enumerate(heads):
        number, title, head_lines = heading(lines, pos)
        end = heads[i + 1] if i + 1 < len(heads) else len(lines)
        body = [x for x in lines[pos + len(head_lines) : end] if x.no not in minutes.excluded]
        item = Item(number, title, span_of(head_lines, title), lines=[*head_lines, *body])
        _read_item_body(item, tuple(body))
        if minutes.notice:
            _read_proposals(item)
        minutes.items.append(item)


def _read_item_body(item: Item, body: tuple[Line, ...]) -> None:
    """Presenters, the matters listed first or under an item-type line ("Ställningstagande"), decisions, text."""
    used: set[int] = set()
    head_presenters = _unlabelled_presenters(item, body)
    pos = 0
    unlabelled = 0  # the first line before pos that is not a label: lines behind pos are never marked used later
    deciding = False
    while pos < len(body):
        line = body[pos]
        found = labels(line.text)  # the label kinds the line opens with, looked up once
        if (m := found.get("proposal")) and m["rest"].strip():  # a proposal is never a decision
            text = " ".join(m["rest"].split())
            item.proposals.append(Statement(text, span_of([line], text)))
            used.add(line.no)
            pos += 1
            continue
        m = found.get("presenters") or found.get("informing")
        if m and not item.presenters and (presenters := _presenters(body, pos, m["rest"])):
            item.presenters, span_lines, nxt = presenters
            used.update(x.no for x in span_lines)
            pos = nxt
            continue
        decides = pos + 1 < len(body) and DECIDING_KIND.match(line.text)
        if decides and NUMBERED.match(body[pos + 1].text):
            statements, nxt = _numbered(body, pos + 1)
            item.decisions.extend(statements)
            used.update(x.no for x in body[pos:nxt])
            pos = nxt
            continue
        if decides and DECIDING_SENTENCE.match(body[pos + 1].text):
            statements, nxt = _decision(body, pos + 1, body[pos + 1].text)  # "Beslut" over "Kommunstyrelsen beslutar …"
            item.decisions.extend(statements)
            used.update(x.no for x in body[pos:nxt])
            pos = nxt
            continue
        if m := found.get("decision") or DECISION_WITHOUT_COLON.match(line.text):
            statements, nxt = _decision(body, pos, m["rest"])
            item.decisions.extend(statements)
            used.update(x.no for x in body[pos:nxt])
            pos = nxt
            continue
        while unlabelled < pos and (body[unlabelled].no in used or body[unlabelled].no in head_presenters):
            unlabelled += 1
        leading = unlabelled == pos  # nothing but labels so far (was a scan of all lines before, per line)
        if ITEM_KIND.match(line.text):
            deciding = bool(DECIDING_KIND.match(line.text))
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
    used |= {x.no for x in body if not labels(x.text).keys().isdisjoint(_ROLL_CALL) or inline_left(x.text)}
    rest = [x for x in body if x.no not in used]
    if rest:
        item.text = Statement(" ".join(" ".join(x.text.split()) for x in rest), span_of(rest))


_ROLL_CALL = ("present", "absent", "left", "invited")
# What a decision says, in the active ("Nämnden utser …") or the passive ("Informationen noteras"), or
# its first "att"-clause ("att godkänna förslaget"): a line under a bare "Beslut" heading that is one.
DECIDING_SENTENCE = re.compile(
    r"^\s*(?:[A-ZÅÄÖ][\wåäö/-]*(?:\s+[\wåäö/-]+){0,4}?\s+(?:beslutar|beslutade|beslöt|godkänner|godkände|"
    r"ställer\s+sig\s+bakom|fastställer|fastställde|antar|antog|noterar|tar\s+del\s+av|lägger|utser|utsåg|väljer|"
    r"valde|beviljar|beviljade|avslår|avslog|bifaller|biföll|uppdrar|uppdrog|ger|gav|tillstyrker|avstyrker|"
    r"överlämnar|återremitterar|föreslår|tillsätter|upphäver|"
    r"noteras|godkänns|antas|fastställs|beviljas|avslås|bifalls|överlämnas|återremitteras|läggs\s+till\s+handlingarna|"
    r"utses|väljs|tillsätts|uppdras)"
    r"|[Aa]tt\s+[a-zåäö]+)\b"
)
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<text>\S.*)$")
_CLOCK_ON = re.compile(r"\s+kl\.?\s*\d.*$")


def _presenters(body: tuple[Line, ...], pos: int, rest: str) -> tuple[list[Named], list[Line], int] | None:
    """The people a presenter label names (a time after them, "kl. 09:50-10:05", is not part of it)."""
    same_line = pos + 1 < len(body) and body[pos + 1].no == body[pos].no
    text, span_lines, nxt = (rest, [body[pos]], pos + 1) if same_line else gather(body, pos, rest)
    text = _CLOCK_ON.sub("", text)
    title = TITLE_FIRST.match(text.strip())  # "Föredragande: Hälso- och sjukvårdsdirektör Lars Bok"
    if title is not None:
        text = text.strip()[title.end() :]
    people = people_in(text, span_lines) or []
    if title is not None and people and people[0].affiliation is None:
        people[0] = replace(people[0], affiliation=as_title(title["title"]))
    return (people, span_lines, nxt) if people else None


def _numbered(body: tuple[Line, ...], pos: int) -> tuple[list[Statement], int]:
    """ "Beslut" over a numbered list: each numbered sentence is one decision."""
    out = []
    while pos < len(body) and (m := NUMBERED.match(body[pos].text)):
        text = " ".join(m["text"].split())
        out.append(Statement(text, span_of([body[pos]], text)))
        pos += 1
    return out, pos


def _read_proposals(item: Item) -> None:
    """A notice's "Förslag till beslut" column: the proposal words printed with the item. A notice records no
    decisions (its meeting is still to come): what reads as one is what it proposes."""
    item.proposals.extend(item.decisions)
    item.decisions = []
    for line in item.lines:
        for m in PROPOSAL.finditer(line.text):
            if m[0] not in {p.text for p in item.proposals}:
                item.proposals.append(Statement(m[0], span_of([line], m[0])))


def _unlabelled_presenters(item: Item, body: tuple[Line, ...]) -> set[int]:
    """Names with organisations right under the heading, without "Föredragande:" (the VVG layout)."""
    if not body or any(label("presenters", x.text) for x in body):
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
        if BULLET.match(line.text) or ANY_LABEL.match(line.text) or line.no - used[-1].no > 2:
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
        if ANY_LABEL.match(line.text) or BULLET.match(line.text) or ITEM_KIND.match(line.text):
            break
        gap = line.no - used[-1].no - 1
        if not (gap == 0 or (gap <= 2 and line.text.strip()[:1].islower())):
            break
        used.append(line)
        nxt += 1
    text = " ".join([" ".join(rest.split()), *(" ".join(x.text.split()) for x in used[1:])]).strip()
    return [Statement(text, span_of(used, text))], nxt


# ----------------------------------------------------------------------------------------------
# Agendas without numbers: a bullet agenda, plain headings, "§ 2" over its title

_ITEM_LABELS = ("presenters", "informing", "decision", "proposal")
_AGENDA_INTRO = re.compile(r"\b(?:agenda|dagordning|föredragningslista)\w*\b.*:\s*$", re.IGNORECASE)
_NOT_A_TITLE = re.compile(
    r"^\s*(?:Bilagor?|Publicerad|Sida|Källa|Foto|Dela|Skriv ut|Sammanträdesdatum|Datum|Protokoll|Justerare|"
    r"Underskrifter|Paragrafer)\b",
    re.IGNORECASE,
)


def _plain_heading(line: Line, nxt: Line | None) -> bool:
    """A short capitalised line without end punctuation, with text after it: a heading without a number."""
    text = line.stripped
    return (
        nxt is not None
        and 2 <= len(text) <= 80
        and len(text.split()) <= 10
        and text[:1].isupper()
        and not text.endswith((".", ":", ";", ",", "?", "!"))
        and not (ANY_LABEL.match(text) or BULLET.match(line.text) or _NOT_A_TITLE.match(text) or ITEM_KIND.match(text))
        and not labels(text)
        and not acts([line], set())  # "Mikael Westin och Elin Nirjens kompletterar informationen"
    )


def _agenda(lines: tuple[Line, ...]) -> list[Line]:
    """The bullets under "Agendan för … var:" / "Dagordning:" — the agenda, listed before the items."""
    for pos, line in enumerate(lines):
        if _AGENDA_INTRO.search(line.text):
            bullets = []
            for nxt in lines[pos + 1 :]:
                if not BULLET.match(nxt.text):
                    break
                bullets.append(nxt)
            if len(bullets) >= 2:
                return bullets
    return []


def read_unnumbered(minutes: Minutes) -> None:
    """Items of minutes whose agenda has no numbers: listed bullets, plain headings and "§ n" lines."""
    lines = minutes.layout.lines
    agenda = _agenda(lines)
    titles = {BULLET.sub("", x.text, count=1).strip().casefold(): x for x in agenda}
    starts: list[tuple[int, str, list[Line]]] = []  # (position, title, heading lines)
    skip = {x.no for x in agenda} | {lines[0].no}
    numbered = any(PARA_ALONE.match(x.text) or HEADING.match(BULLET.sub("", x.text, count=1)) for x in lines[1:])
    for pos, line in enumerate(lines):
        if (line.no in skip and line is not lines[0]) or line.no in minutes.excluded or pos == 0:
            continue
        nxt = lines[pos + 1] if pos + 1 < len(lines) else None
        if numbered and not (PARA_ALONE.match(line.text) or HEADING.match(BULLET.sub("", line.text, count=1))):
            continue  # where items are numbered, an unnumbered short line is not an item
        if (m := PARA_ALONE.match(line.text)) and nxt is not None:
            starts.append((pos, f"§ {m['para']} {nxt.stripped}", [line, nxt]))
        elif m := HEADING.match(BULLET.sub("", line.text, count=1)):  # "• 1. Verksamhetsberättelse 2022"
            starts.append((pos, clean_title(cut_title(m["title"])), [line]))
        elif _plain_heading(line, nxt) and not (starts and starts[-1][2][-1] is line):
            starts.append((pos, line.stripped, [line]))
    first = starts[0][0] if starts else len(lines)
    before = [x for x in lines[1:first] if x.no not in skip and x.no not in minutes.excluded]
    if any(label(k, x.text) for x in before for k in _ITEM_LABELS):  # labels before any heading: the
        starts.insert(0, (0, lines[0].stripped, [lines[0]]))  # document's own subject is the first item
    number = 0
    for i, (pos, title, head) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        body = tuple(x for x in lines[pos + len(head) : end] if x.no not in minutes.excluded)
        listed = titles.pop(title.casefold(), None)
        number += 1
        item = Item(number, BULLET.sub("", listed.text, count=1).strip() if listed else title,
                    span_of(head, title), lines=[*head, *body])  # fmt: skip
        _read_item_body(item, body)
        if minutes.notice:
            _read_proposals(item)
        minutes.items.append(item)
    for written in titles.values():  # listed but not reported in the text
        number += 1
        title = BULLET.sub("", written.text, count=1).strip()
        minutes.items.append(Item(number, title, span_of([written], title), lines=[written]))


def add_body_decisions(minutes: Minutes, body: str) -> None:
    """Decisions the running text says the body took, where no label marks any (a news page, a summary)."""
    if minutes.notice or any(item.decisions for item in minutes.items):
        return
    lines = [x for x in minutes.layout.lines if x.no not in minutes.excluded]
    for topic, statement in body_decisions(lines, body):
        line = next(x for x in lines if x.no == statement.span.start)
        item = None if topic else next((i for i in minutes.items if line in i.lines), None)
        if item is None:
            title = topic or statement.text
            item = Item(len(minutes.items) + 1, title, span_of([line], title), lines=[line])
            minutes.items.append(item)
        item.decisions.append(statement)

"""Agenda items: heading, presenters, the matters listed first, decisions ("Ställningstagande"), the text."""

from __future__ import annotations

from proveniens.loaders.entities import find_bodies
from proveniens.loaders.minutes_layout import Line
from proveniens.loaders.minutes_parts import (
    ANY_LABEL,
    BULLET,
    DECIDING_KIND,
    DECISION_WITHOUT_COLON,
    INLINE_LEFT,
    ITEM_KIND,
    LABEL,
    Item,
    Minutes,
    Statement,
    gather,
    heading,
    people_in,
    span_of,
)


def read_items(minutes: Minutes, heads: list[int]) -> None:
    lines = minutes.layout.lines
    for i, pos in enumerate(heads):
        number, title, head_lines = heading(lines, pos)
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
        if m := LABEL["decision"].match(line.text) or DECISION_WITHOUT_COLON.match(line.text):
            statements, nxt = _decision(body, pos, m["rest"])
            item.decisions.extend(statements)
            used.update(x.no for x in body[pos:nxt])
            pos = nxt
            continue
        leading = all(x.no in used or x.no in head_presenters for x in body[:pos])  # nothing but labels so far
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
    used |= {x.no for x in body if any(LABEL[k].match(x.text) for k in _ROLL_CALL) or INLINE_LEFT.match(x.text)}
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

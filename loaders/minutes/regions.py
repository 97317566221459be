"""Regions of minutes that are not agenda text: signature blocks, two-column member lists, schedules.

The signature block gives the chair and vice chair (names side by side over "ordförande  vice ordförande",
their organisations on a line between). A member list set in two columns and the schedule of coming
meetings are set aside, so they never become the text of an agenda item.
"""

from __future__ import annotations

import re

from proveniens.loaders.knowledge.entities import body_pattern, find_bodies
from proveniens.loaders.minutes.parts import (
    ANY_LABEL,
    BULLET,
    HEADING,
    NAME_TOKEN,
    ROLE_LINE,
    ROLE_WORD,
    ROSTER_START,
    SCHEDULE_HEAD,
    Minutes,
    Named,
    Officer,
    labels,
    span_of,
)
from proveniens.loaders.minutes.text import looks_like_name, parse_people
from proveniens.loaders.text.layout import Line


def _signature(lines: tuple[Line, ...], pos: int, known: set[str]) -> tuple[int, list[Officer]] | None:
    """The officers of a signature block whose role line is lines[pos], and the position where it starts."""
    roles = re.findall(ROLE_WORD, lines[pos].text, re.IGNORECASE)
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


_REGION_LINES = 60  # a schedule or a member list is a page at most: never the rest of a long document


def _roster_end(lines: tuple[Line, ...], pos: int, stops: set[int]) -> int:
    end = pos
    while end + 1 < min(len(lines), pos + _REGION_LINES) and end + 1 not in stops:
        if SCHEDULE_HEAD.match(lines[end + 1].text) and end + 1 > pos:
            break  # the next schedule starts
        end += 1
    return end


def _known_names(lines: tuple[Line, ...]) -> set[str]:
    names: set[str] = set()
    for line in lines:
        found = labels(line.text)  # most lines: none, found at once
        for kind in ("invited", "present", "absent", "left", "presenters"):
            if m := found.get(kind):
                names.update(p.name for p in parse_people(m["rest"], body_pattern()) or [])
    return names


def read_regions(minutes: Minutes, heads: list[int]) -> None:
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
        # a roster starts with a party mark or "För X (": a line without "(" is ruled out first
        if "(" not in line.text or line.no in minutes.excluded or ANY_LABEL.match(line.text):
            continue
        after_label = pos > 0 and (ANY_LABEL.match(lines[pos - 1].text) or lines[pos - 1].text.rstrip().endswith(","))
        sentence = line.text.rstrip().endswith(".") or BULLET.match(line.text)
        if ROSTER_START.search(line.text) and pos not in stops and not after_label and not sentence:
            end = _roster_end(lines, pos, stops)
            minutes.excluded.update(x.no for x in lines[pos : end + 1])

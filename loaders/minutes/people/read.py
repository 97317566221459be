"""Who the minutes say was there: the roll call first, then who acted in the running text.

A name on a roll call is stated; a name read from "X ersätter Y" (Y absent) or from a sentence in which
a person acts in the meeting (present) is a reading and kept apart, with why. A notice (kallelse)
records nobody as present or absent: its meeting has not been held. Running-text presenters join the
agenda item whose lines hold the sentence. Nothing here knows RDF.
"""

from __future__ import annotations

import re

from proveniens.loaders.knowledge.entities import body_pattern
from proveniens.loaders.minutes.parts import Minutes, Officer, labels
from proveniens.loaders.minutes.people.posts import Post, from_affiliation, from_lines
from proveniens.loaders.minutes.people.roll import read_roll
from proveniens.loaders.minutes.people.running import acts
from proveniens.loaders.minutes.text import parse_people
from proveniens.loaders.text.layout import Line


def _names_written(minutes: Minutes) -> set[str]:
    """Full names the document writes in labelled lists: what a given name alone may stand for."""
    names: set[str] = set()
    for line in minutes.layout.lines:
        found = labels(line.text)  # most lines: none, found at once
        for kind in ("invited", "present", "absent", "presenters"):
            if m := found.get(kind):
                names.update(p.name for p in parse_people(m["rest"], body_pattern()) or [])
    return names


def read_people(minutes: Minutes) -> None:
    known = _names_written(minutes)
    lines = minutes.layout.lines
    for entry in read_roll(minutes, lines, known):
        if entry.member:
            minutes.members.append(entry.named)
        if entry.status == "listed":
            continue
        if entry.stated:
            {"present": minutes.present, "absent": minutes.absent, "invited": minutes.invited}[entry.status].append(
                entry.named
            )
        else:
            minutes.absent_inferred.append((entry.named, entry.note or ""))
    known |= {n.name for n in [*minutes.present, *minutes.absent, *minutes.invited]}
    listed = {n.name for n in [*minutes.present, *minutes.absent, *(n for n, _ in minutes.absent_inferred)]}
    text = [x for x in lines if x.no not in minutes.excluded]
    for act in acts(text, known | {n.name for item in minutes.items for n in item.presenters}):
        if act.presents:
            item = next((i for i in minutes.items if act.line in i.lines), None)
            if item is not None and act.named.name not in {p.name for p in item.presenters}:
                item.presenters.append(act.named)
        if not minutes.notice and act.named.name not in listed:
            listed.add(act.named.name)
            minutes.present_inferred.append((act.named, f"'{act.line.stripped[:80]}': acts in the meeting."))
    minutes.posts = _posts(minutes, text)
    _roster_officers(minutes)


_CHAIR = re.compile(r"^\(?\s*(?P<vice>(?:(?:1|2|3):e\s+|förste\s+|andre\s+)?vice\s+)?ordförande\b", re.IGNORECASE)


def _roster_officers(minutes: Minutes) -> None:
    """ "Anna Berg (S), ordförande" among those present: the meeting's chair (or vice chair), unless a label or
    the signature block already names one."""
    if minutes.notice:
        return  # a notice's roster says who chairs the body, not who chaired a meeting held
    have = {o.role for o in minutes.officers}
    for named in minutes.present:
        parts = (named.affiliation or "").split(",")  # "Region Örebro län, ordförande": the role may come last
        if m := next((m for part in parts if (m := _CHAIR.match(part.strip(" ,")))), None):
            role = "vice-chair" if m["vice"] else "chair"
            if role not in have:
                have.add(role)
                minutes.officers.append(Officer(named, role))


def _posts(minutes: Minutes, lines: list[Line]) -> list[Post]:
    """Each person's titles, once per person and title: beside the name in any list or sentence, or labelled."""
    named = [*minutes.invited, *minutes.present, *minutes.absent]
    named += [p for item in minutes.items for p in item.presenters]
    named += [n for n, _ in [*minutes.present_inferred, *minutes.absent_inferred]]
    found = [p for n in named if (p := from_affiliation(n))] + from_lines(lines)
    seen: set[tuple[str, str]] = set()
    out = []
    for post in found:
        if (post.person.name, post.title) not in seen:
            seen.add((post.person.name, post.title))
            out.append(post)
    return out

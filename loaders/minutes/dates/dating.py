"""Placing undated minutes in time: a range between what had happened and what was still to come.

When the header with the date is missing, the meeting is placed after the latest event the minutes
speak of as done (a dated sentence in the past tense, or the mention of an event whose date is
known from the knowledge files, such as SOU 2020:19 or covid-19) and before the earliest event they
speak of as still to come (a dated sentence in the future tense). The result is a range with its reasoning — never a
guessed day. Schedules, signatures and member lists are not read for this (the caller passes the
content lines of the agenda only).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence

from rdflib import URIRef

from proveniens.loaders.citations.find import find_citations
from proveniens.loaders.knowledge import Event, Knowledge, knowledge
from proveniens.loaders.text.dates import ANY_YEAR, Bound, DateMention, InferredRange, find_dates
from proveniens.loaders.text.layout import Line
from proveniens.namespaces import INST

# A numbered SOU or proposition cannot be mentioned before its year (its riksmöte) began.
_SOU = re.compile(r"\bSOU\s*((?:19|20)\d{2}):\s*\d+")
_PROP = re.compile(r"\bprop(?:osition)?\.?\s*((?:19|20)\d{2})\s*[/:]\s*\d{2}\s*[:/]\s*\d+", re.IGNORECASE)

_FUTURE = re.compile(
    r"\b(?:kommer|ska|skall|planeras|planerar|nästa|inför|senast|framöver|kommande|väntas|avses|beräknas)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:\w{2,}(?:ades|ade|des|tes|dde)|kom|tog|gav|blev|fick|ledde|låg|hölls|har\s+\w+(?:at|it|tt))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


_BULLET = re.compile(r"^\s*(?:[•\-–➢*\uf0b7\uf0a7\uf076\u25aa\u25cf]|\d{1,2}[.)]\s|[a-z][.)]\s)")


_LABEL = re.compile(r"^\s*[A-ZÅÄÖ][\wåäö ]{2,30}:\s")  # "Föredragande: …", "Ställningstagande: …"


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped so that no sentence runs across a bullet, a heading or a new paragraph."""
    blocks: list[list[Line]] = []
    prev_opens = False  # whether the previous line is a bullet or a label (each line is matched once)
    for line in lines:
        prev = blocks[-1][-1] if blocks else None
        opens = bool(_BULLET.match(line.text) or _LABEL.match(line.text))
        new = (
            prev is None
            or opens
            or prev_opens
            or prev.text.rstrip().endswith((".", "!", "?", ":"))
            or (line.no - prev.no > 1 and line.text.strip()[:1].isupper())
        )
        if new:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        prev_opens = opens
    return blocks


def _sentences(
    lines: Sequence[Line], wanted: Callable[[str], bool] | None = None
) -> list[tuple[str, list[tuple[int, int]]]]:
    """Sentences, each with the (offset in the sentence, line number) of the lines it runs over; with `wanted`,
    only those of the blocks whose text (whitespace collapsed) it accepts."""
    out = []
    for block in _blocks(lines):
        if len(block) == 1:  # most blocks: one line, whose sentences all start on it
            text = " ".join(block[0].text.split()) + " "
            if wanted is None or wanted(text):
                out.extend(_line_sentences(block[0], text))
            continue
        pieces = [" ".join(line.text.split()) + " " for line in block]
        text = "".join(pieces)
        if wanted is not None and not wanted(text):
            continue
        offsets = list(itertools.accumulate((len(p) for p in pieces[:-1]), initial=0))
        begin = 0
        for m in [*_SENTENCE_END.finditer(text), None]:
            end = m.end() if m else len(text)
            chunk = text[begin:end]
            if chunk.strip():
                offset = begin + len(chunk) - len(chunk.lstrip())
                # the sentence's own lines: the one it starts on and those starting inside it, not the whole block's
                lo, hi = bisect.bisect_right(offsets, offset) - 1, bisect.bisect_left(offsets, end)
                lines_in = [(offsets[i] - offset, block[i].no) for i in range(lo, hi)]
                out.append((text[offset:end].strip(), lines_in))
            begin = end
    return out


def _line_sentences(line: Line, text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """_sentences of a block of one line, whose `text` is given."""
    out, begin = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        chunk = text[begin:end]
        if stripped := chunk.lstrip():
            offset = begin + len(chunk) - len(stripped)
            out.append((stripped.strip(), [(-offset, line.no)]))
        begin = end
    return out


def _line_span(sentence_offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    before = [n for o, n in sentence_offsets if o <= start]
    upto = [n for o, n in sentence_offsets if o <= max(end - 1, start)]
    return (before[-1] if before else sentence_offsets[0][1], upto[-1] if upto else sentence_offsets[0][1])


def _tense(sentence: str) -> str | None:
    future, past = bool(_FUTURE.search(sentence)), bool(_PAST.search(sentence))
    if future == past:
        return None
    return "future" if future else "past"


def anchors(lines: Sequence[Line]) -> tuple[list[Bound], list[Bound]]:
    """(lower bounds, upper bounds) found in the lines."""
    lower: list[Bound] = []
    upper: list[Bound] = []
    events: dict[str, list[tuple[Event, int, int]]] = {}  # per distinct sentence: minutes repeat their formulas
    k = knowledge()
    with_year = _cited_with_year(k)
    # Then a sentence dates nothing without a year or an event's name (each bound below needs one of them), and
    # a block of lines without either has no such sentence: most blocks, which are not split into sentences.
    wanted = (lambda text: _has_year(text) or k.names_an_event(text)) if with_year else None
    for sentence, offsets in _sentences(lines, wanted):
        if sentence not in events:
            events[sentence] = _known_events(sentence, k, not with_year or _has_year(sentence))
        for event, start, end in events[sentence]:
            a, b = _line_span(offsets, start, end)
            said = sentence[start:end]
            lower.append(
                Bound(
                    event.date,
                    a,
                    b,
                    said,
                    f"anteckningarna nämner {said} ({event.sv})",
                    f"the minutes mention {said} ({event.en})",
                )
            )
        if not _has_year(sentence):
            continue  # most sentences: no numbered document, no date (each pattern below holds a year)
        generic = ((_SOU, 1, "betänkandet", "the report"), (_PROP, 9, "riksmötet", "the session"))
        for rx, month, what_sv, what_en in generic:
            for m in rx.finditer(sentence):
                a, b = _line_span(offsets, m.start(), m.end())
                lower.append(
                    Bound(
                        dt.date(int(m[1]), month, 1),
                        a,
                        b,
                        m[0],
                        f"anteckningarna nämner {m[0]}, och {what_sv} är från {m[1]}",
                        f"the minutes mention {m[0]}, and {what_en} dates from {m[1]}",
                    )
                )
        mentions = find_dates(sentence)
        tense = _tense(sentence) if mentions else None  # most sentences name no date: no tense to read
        if tense is None:
            continue
        first, last = _line_span(offsets, 0, len(sentence))
        for mention in mentions:
            if tense == "past":
                lower.append(
                    Bound(
                        mention.first,
                        first,
                        last,
                        sentence,
                        f"”{mention.text}” nämns som något som redan har skett",
                        f"“{mention.text}” is spoken of as past",
                    )
                )
            else:
                upper.append(
                    Bound(
                        _day_before_start(mention),
                        first,
                        last,
                        sentence,
                        f"”{mention.text}” nämns som något som ännu inte har skett",
                        f"“{mention.text}” is spoken of as still to come",
                    )
                )
    return lower, upper


def _known_events(sentence: str, k: Knowledge, cite: bool) -> list[tuple[Event, int, int]]:
    """Events of the knowledge files the sentence mentions: a document they are about, cited, or their name
    (`cite`: whether the sentence may cite such a document, see _cited_with_year)."""
    found: list[tuple[Event, int, int]] = []
    seen: set[URIRef] = set()
    for c in find_citations(sentence) if cite else ():
        for event in k.events_about([c.iri] if c.iri is not None else []):
            if event.iri not in seen:
                seen.add(event.iri)
                found.append((event, c.start, c.end))
    found += [(event, m.start(), m.end()) for event, m in k.events_named(sentence) if event.iri not in seen]
    return found


_NUMBERED = tuple(str(INST[kind]) for kind in ("sou/", "prop/", "dir/"))  # cited only with their year


def _cited_with_year(k: Knowledge) -> bool:
    """Whether every document an event is about is an SOU, proposition or directive, each cited with its year:
    then a text without a year cites none of them (_has_year), and most sentences need no citation search."""
    return all(str(e.subject).startswith(_NUMBERED) for e in k.events if e.subject is not None)


def _has_year(text: str) -> bool:
    """A year in `text`, or a soft hyphen, which the citation finder drops, perhaps inside one."""
    return ANY_YEAR.search(text) is not None or "\u00ad" in text


def _day_before_start(mention: DateMention) -> dt.date:
    """The last day before a future date, month or season can have begun."""
    first, last = mention.first, mention.last
    if first == last:
        return first - dt.timedelta(days=1)
    if first.month == 8 and last.month == 12:  # autumn (hösten, ht) may begin as late as September
        return dt.date(first.year, 8, 31)
    if first.month == 1 and last.month == 6:  # spring (våren, vt) begins in January at the latest in February
        return dt.date(first.year, 1, 31)
    return first - dt.timedelta(days=1)


def infer_range(lines: Sequence[Line], years: Sequence[int] = ()) -> InferredRange | None:
    """The range the meeting must lie in, or None when nothing in the lines (or `years`) dates it."""
    lower, upper = anchors(lines)
    earliest = max(lower, key=lambda a: (a.date, -a.start), default=None)
    latest = min(upper, key=lambda a: (a.date, a.start), default=None)
    if earliest and latest and earliest.date > latest.date:  # the minutes contradict themselves: keep both ends
        earliest, latest = (
            Bound(latest.date, latest.start, latest.end, latest.quote, latest.sv + " (motsägelse)", latest.en),
            Bound(
                earliest.date, earliest.start, earliest.end, earliest.quote, earliest.sv, earliest.en + " (conflict)"
            ),
        )
    span_years = sorted(set(years) | {a.date.year for a in lower + upper})
    if earliest is None and latest is None and not span_years:
        return None
    first_line = lines[0] if lines else Line(1, "")

    def on_first_line(day: dt.date, sv: str, en: str) -> Bound:  # a year's end, resting on the first line
        return Bound(day, first_line.no, first_line.no, first_line.text.strip(), sv, en)

    if earliest is None:
        year = span_years[0] if span_years else latest.date.year  # type: ignore[union-attr]
        earliest = on_first_line(dt.date(year, 1, 1), f"inget i anteckningarna daterar mötet tidigare än året {year}",
                                 f"nothing in the minutes dates the meeting before the year {year}")  # fmt: skip
    if latest is None:
        year = max([*span_years, earliest.date.year])
        latest = on_first_line(dt.date(year, 12, 31), f"inget i anteckningarna daterar mötet senare än året {year}",
                               f"nothing in the minutes dates the meeting after the year {year}")  # fmt: skip
    return InferredRange(
        earliest,
        latest,
        f"Mötesanteckningarna anger inget datum. Tidigast {earliest.date.isoformat()}: {earliest.sv}. "
        f"Senast {latest.date.isoformat()}: {latest.sv}.",
        f"The minutes state no date. Earliest {earliest.date.isoformat()}: {earliest.en}. "
        f"Latest {latest.date.isoformat()}: {latest.en}.",
    )

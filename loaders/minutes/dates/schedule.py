"""The schedule of meetings that minutes end with ("Mötestider 2020 /2021", "Mötesdatum år 2022").

A schedule is a list of dates, or a table with one column per body ("VVG  VVG/covid-19  SRO") whose
empty cells PDF extraction has dropped, so a row's dates shift left. Cells are put back in their
columns by the clock times each column keeps ("kl. 9-12", "kl 8-8.30", "kl. 13-15"), and the year
of each date is worked out from the heading's years, counting on through a column in date order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from proveniens.loaders.minutes.text import parse_time_range
from proveniens.loaders.text.dates import DAY_MONTH, day_month
from proveniens.loaders.text.layout import Line

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_COLUMN = re.compile(r"[A-ZÅÄÖ]{2,}(?:/[\w-]+)?")
_ROW_LABEL = re.compile(r"^\s*(?:Möte\s*nr|Mötesnummer|Nr|Datum|Dag)\b\s*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÅÄÖåäö]{3,}")
_NOISE = re.compile(r"\bkl(?:ockan)?\.?|\([^)]*\)|\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?|^\s*\d{1,2}\s")


@dataclass(frozen=True)
class Cell:
    line: Line
    text: str  # as written (whitespace collapsed)
    day: int
    month: int
    times: tuple[dt.time, dt.time] | None


@dataclass(frozen=True)
class Planned:
    """A meeting the schedule lists."""

    column: str | None  # the column's body as the header writes it; None: the minutes' own body
    date: dt.date
    cell: Cell
    header: Line | None  # the line naming the columns
    heading: Line
    stated: bool  # the year and the column are read, not worked out
    note: str


def _cells(line: Line) -> list[Cell]:
    text = " ".join(line.text.split())
    matches = [(m, dm) for m in DAY_MONTH.finditer(text) if (dm := day_month(m))]
    if not matches:
        return []  # no cell (most lines): nothing else to read
    cells = []
    for i, (m, (day, month)) in enumerate(matches):
        end = matches[i + 1][0].start() if i + 1 < len(matches) else len(text)
        cell_text = text[m.start() : end].strip()
        cells.append(Cell(line, cell_text, day, month, parse_time_range(cell_text)))
    leftover = _NOISE.sub(" ", DAY_MONTH.sub(" ", text))
    return cells if len(_WORD.findall(leftover)) <= 1 else []


def _columns(line: Line) -> list[str] | None:
    text = _ROW_LABEL.sub("", " ".join(line.text.split()))
    tokens = text.split()
    if tokens and all(_COLUMN.fullmatch(t) for t in tokens) and not DAY_MONTH.search(text):
        return tokens
    return None


def _assign(rows: list[list[Cell]], k: int) -> list[list[tuple[int, Cell]]]:
    """Each row's cells with their column: full rows in order, short rows by the columns' clock times."""
    signature: list[Counter[tuple[dt.time, dt.time]]] = [Counter() for _ in range(k)]
    for row in rows:
        if len(row) == k:
            for col, cell in enumerate(row):
                if cell.times:
                    signature[col][cell.times] += 1
    placed = []
    for row in rows:
        if len(row) >= k:
            placed.append(list(enumerate(row[:k])))
            continue
        out, col = [], 0
        for i, cell in enumerate(row):
            room = k - (len(row) - i)  # leave a column for each cell still to come
            match = next((c for c in range(col, room + 1) if cell.times and signature[c][cell.times]), None)
            col = match if match is not None else col
            out.append((col, cell))
            col += 1
        placed.append(out)
    return placed


def _years(dates: list[tuple[int, int]], years: list[int], prefer: int | None) -> list[int] | None:
    """A year for each (day, month) of a column in date order, within the heading's years."""
    options = []
    for start in years:
        year, out, prev = start, [], (0, 0)
        for dm in dates:
            if (dm[1], dm[0]) < prev:
                year += 1
            out.append(year)
            prev = (dm[1], dm[0])
        if out and max(out) <= max(years):
            options.append(out)
    if not options:
        return None
    if prefer is not None:
        near = [o for o in options if prefer in o]
        options = near or options
    return options[-1]


def read_schedule(
    lines: list[Line], default_years: list[int], prefer_year: int | None = None
) -> list[Planned]:
    """The planned meetings of a schedule section (its heading first)."""
    heading, rest = lines[0], lines[1:]
    years = [int(y) for y in _YEAR.findall(heading.text)] or default_years
    if not years:
        return []
    header, columns = None, None
    for line in rest:
        if cols := _columns(line):
            header, columns = line, cols
            break
    body = [line for line in rest if header is None or line.no > header.no]
    rows = [cells for line in body if (cells := _cells(line))]
    k = len(columns) if columns else 1
    placed = _assign(rows, k) if columns else [[(0, c) for c in row] for row in rows]
    by_column: dict[int, list[Cell]] = {}
    for row in placed:
        for col, cell in row:
            by_column.setdefault(col, []).append(cell)
    planned = []
    for col, cells in sorted(by_column.items()):
        chosen = _years([(c.day, c.month) for c in cells], years, prefer_year)
        if chosen is None:
            continue
        stated = len(years) == 1 and (columns is None or len(columns) == 1 or all(len(r) == k for r in rows))
        name = columns[col] if columns else None
        for cell, year in zip(cells, chosen, strict=True):
            note = _note(heading, header, name, year, stated)
            planned.append(Planned(name, dt.date(year, cell.month, cell.day), cell, header, heading, stated, note))
    return planned


def _note(heading: Line, header: Line | None, column: str | None, year: int, stated: bool) -> str:
    where = f"listed under '{' '.join(heading.text.split())}' (line {heading.no})"
    if column and header:
        where += f" in the column '{column}' (line {header.no})"
    if stated:
        return where + "."
    return (
        where + f"; the year {year} is worked out from the heading's years counting on through the column in date "
        "order, and a cell in a row with empty cells is placed in the column whose other cells give the same time."
    )

"""Riksdagen's open-data records (JSON and XML) read as trees that remember where each value is.

Evidence cites a source's lines and quotes them, so a fact read from a record must know the
characters it came from. Neither `json` nor `xml.etree` says where a value was, so both formats are
read here into one small tree: an `Element` has named children (`Element`s and `Field`s), each with
its character span in the file's text. The JSON form's quirks are undone on the way in: a single
child is an object but several are an array, and a missing section is `null` (no child).

A record that does not parse (cut off during a download, say) raises `SourceError` naming the
file, the line and what was expected.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from xml.parsers import expat

from proveniens.errors import SourceError


@dataclass(frozen=True)
class Field:
    """A text value and its span in the record's text (the whole `"key": "value"` or `<key>value</key>`)."""

    text: str
    start: int
    end: int


@dataclass
class Element:
    """A record section with its children by name, in the order they came."""

    start: int
    end: int
    children: dict[str, list[Element | Field]] = field(default_factory=dict)

    def add(self, name: str, child: Element | Field) -> None:
        self.children.setdefault(name, []).append(child)

    def text(self, name: str) -> str:
        """The value of the field `name`, stripped; '' when it is missing, null or a section."""
        found = self.children.get(name, [])
        return found[0].text.strip() if found and isinstance(found[0], Field) else ""

    def field(self, name: str) -> Field | None:
        found = self.children.get(name, [])
        return found[0] if found and isinstance(found[0], Field) else None

    def all(self, *path: str) -> list[Element]:
        """Every section at `path` below this one (`all("dokreferens", "referens")`), however many there are."""
        level = [self]
        for name in path:
            level = [c for e in level for c in e.children.get(name, []) if isinstance(c, Element)]
        return level

    def one(self, *path: str) -> Element | None:
        found = self.all(*path)
        return found[0] if found else None


def read_record(path: Path, text: str) -> tuple[str, Element]:
    """The root's name (`dokumentstatus`, `dokvotering`) and its tree, from JSON or XML text."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return _JsonReader(path, text).root()
    return _read_xml(path, text)


# ----------------------------------------------------------------------------- JSON

_SPACE = re.compile(r"[ \t\r\n]*")
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")


class _JsonReader:
    """A JSON reader that keeps spans: objects become Elements, strings and numbers Fields, null nothing."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text, self.at = path, text, 0

    def root(self) -> tuple[str, Element]:
        self._skip()
        top = self._value()
        self._skip()
        if self.at != len(self.text):
            raise self._error("ends with something after the record")
        if not isinstance(top, Element) or len(top.children) != 1:
            raise self._error("is not one record (an object with one member)", 0)
        name, (inner,) = next(iter(top.children.items()))
        if not isinstance(inner, Element):
            raise self._error(f"holds no object under {name!r}", 0)
        return name, inner

    def _skip(self) -> None:
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]

    def _value(self) -> Element | Field | list[Element | Field] | None:
        if self.at >= len(self.text):
            raise self._error("ends before the record is complete (the file may be cut off)")
        char = self.text[self.at]
        if char == "{":
            return self._object()
        if char == "[":
            return self._array()
        if char == '"':
            start = self.at
            value = self._string()
            return Field(value, start, self.at)
        m = _SCALAR.match(self.text, self.at)
        if m is None:
            raise self._error(f"has {char!r} where a value was expected")
        self.at = m.end()
        return None if m.group() == "null" else Field(m.group(), m.start(), m.end())

    def _string(self) -> str:
        try:
            value, self.at = json.decoder.scanstring(self.text, self.at + 1)  # type: ignore[attr-defined]
        except json.JSONDecodeError as err:
            raise self._error(f"has a string that does not end ({err.msg}; the file may be cut off)", err.pos) from err
        return value

    def _object(self) -> Element:
        element = Element(self.at, self.at)
        self.at += 1
        self._skip()
        if self._take("}"):
            element.end = self.at
            return element
        while True:
            self._skip()
            key_start = self.at
            if not self.text.startswith('"', self.at):
                raise self._error("has no member name where one was expected")
            key = self._string()
            self._skip()
            if not self._take(":"):
                raise self._error("has no ':' after a member name")
            self._skip()
            value = self._value()
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, Field):  # a field's span is its whole member: "key": "value"
                    child = Field(child.text, key_start, child.end)
                if child is not None:
                    element.add(key, child)
            self._skip()
            if self._take("}"):
                element.end = self.at
                return element
            if not self._take(","):
                raise self._error("has no ',' or '}' after a member")

    def _array(self) -> list[Element | Field]:
        self.at += 1
        items: list[Element | Field] = []
        self._skip()
        if self._take("]"):
            return items
        while True:
            self._skip()
            value = self._value()
            if isinstance(value, list):
                items.extend(value)
            elif value is not None:
                items.append(value)
            self._skip()
            if self._take("]"):
                return items
            if not self._take(","):
                raise self._error("has no ',' or ']' after an array item")

    def _take(self, char: str) -> bool:
        if self.text.startswith(char, self.at):
            self.at += 1
            return True
        if self.at >= len(self.text):
            raise self._error("ends before the record is complete (the file may be cut off)")
        return False

    def _error(self, what: str, at: int | None = None) -> SourceError:
        at = self.at if at is None else at
        line = self.text.count("\n", 0, at) + 1
        column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        return SourceError(
            self.path, line, f"is not a complete Riksdagen JSON record: it {what} (column {column}).",
            "Download the record again (proveniens fetch riksdagen DOK_ID) or remove the file.",
        )  # fmt: skip


# ----------------------------------------------------------------------------- XML


def _read_xml(path: Path, text: str) -> tuple[str, Element]:
    """Parse with expat, which reports the byte offset of every tag; the offsets are turned into characters."""
    data = text.encode("utf-8")
    char_at = _char_offsets(text) if len(data) != len(text) else None
    stack: list[tuple[str, Element, list[str]]] = []
    finished: list[tuple[str, Element]] = []
    parser = expat.ParserCreate("utf-8")

    def here() -> int:
        byte = parser.CurrentByteIndex
        return byte if char_at is None else bisect_right(char_at, byte) - 1

    def start(name: str, _attrs: dict[str, str]) -> None:
        stack.append((name, Element(here(), here()), []))

    def end(name: str) -> None:
        _, element, texts = stack.pop()
        at, closing = here(), f"</{name}>"
        # A closing tag ends where it is written; a self-closed one (<a/>) at its own '>'.
        element.end = at + len(closing) if text.startswith(closing, at) else text.find(">", element.start) + 1
        node: Element | Field = element if element.children else Field("".join(texts), element.start, element.end)
        if stack:
            stack[-1][1].add(name, node)
        else:
            finished.append((name, element))

    def characters(data: str) -> None:
        if stack:
            stack[-1][2].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise SourceError(
            path, err.lineno, f"is not a complete Riksdagen XML record: {expat.errors.messages[err.code]} "
            f"(column {err.offset + 1}; the file may be cut off).",
            "Download the record again (proveniens fetch riksdagen DOK_ID) or remove the file.",
        ) from err  # fmt: skip
    return finished[0]


def _char_offsets(text: str) -> list[int]:
    """The byte offset at which each character starts (UTF-8), for turning expat's offsets into characters."""
    return [0, *accumulate(len(c.encode("utf-8")) for c in text)]

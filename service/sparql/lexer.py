"""SPARQL 1.1 text as tokens (the terminals of §19.8), read the way the engine reads them.

The endpoint decides what a query may do from these tokens, so a token must never hide text that
the engine (pyoxigraph's parser) reads as code. Where the engine departs from the grammar, the lexer
takes the reading that hides less: a prefixed name's local part has at most one run of inner dots
(`ex:a.b.c` is `ex:a.b` `.` `c` to the engine), names use only the engine's characters (no
U+10000 and above), strings and IRIs accept `\\u`/`\\U` escapes as the engine does, and a bare word
must be a keyword the engine knows (it matches keywords by prefix, so `SERVICESILENT` is two
keywords to it; here it is an error). SPARQL 1.2 punctuation the engine accepts (`<<`, `>>`, `{|`,
`|}`, `~`) is read too, so such queries are not refused for their spelling.

One compiled pattern reads the whole text left to right, every part of it possessive: each character
is looked at a bounded number of times, and the first text that is no token ends the reading with
its line and column (an unclosed string is reported where it starts). Terms (IRIs, prefixed names,
variables, literals, blank nodes) and the `.` `;` `,` between them decide nothing here, so a run of
them comes out as one TERMS token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from proveniens.errors import ProveniensError

# The engine's PN_CHARS_BASE (the grammar's, without U+10000-U+EFFFF).
_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)
_U = _BASE + "_"
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_VARCHARS = _U + r"0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_BASE}][{_CHARS}]*+(?:\.++[{_CHARS}]++)*+"
_LOCAL = rf"(?:[{_U}:0-9]|{_PLX})(?:[{_CHARS}:]|{_PLX})*+(?:\.++(?:[{_CHARS}:]|{_PLX})++)?+"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ESCAPE = rf"""\\[tbnrf"'\\]|{_UCHAR}"""
_EXPONENT = r"[eE][+-]?+[0-9]++"
_IRI = rf"""<(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*+>"""
_NUMBER = rf"[0-9]++\.[0-9]*+{_EXPONENT}|\.[0-9]++{_EXPONENT}|[0-9]++{_EXPONENT}|[0-9]*+\.[0-9]++|[0-9]++"
_LONG1 = rf"""'''(?:(?:''|')?+(?:[^'\\]|{_ESCAPE}))*+"""  # a long string up to where it should close
_LONG2 = rf'''"""(?:(?:""|")?+(?:[^"\\]|{_ESCAPE}))*+'''
_SHORT1 = rf"""'(?:[^'\\\n\r]|{_ESCAPE})*+"""
_SHORT2 = rf""""(?:[^"\\\n\r]|{_ESCAPE})*+"""
_SPACE = r"(?:[ \t\r\n]++|#[^\r\n]*+)"
# A term, or punctuation that only separates terms: nothing the endpoint decides on. A prefixed name
# that starts like SERVICE, USING or WITH is not one (the engine may read it as that keyword).
_TERM_ATOM = (  # the commonest first: each alternative is tried in turn
    rf"(?:[?$][{_U}0-9][{_VARCHARS}]*+|{_IRI}|{_NUMBER}"
    rf"""|{_LONG1}'''|{_LONG2}\"\"\"|(?!'''){_SHORT1}'|(?!\"\"\"){_SHORT2}\""""
    rf"|(?!(?i:service|using|with))(?:{_PREFIX})?:(?:{_LOCAL})?|_:[{_U}0-9][{_CHARS}]*+(?:\.++[{_CHARS}]++)*+"
    rf"|(?:a|true|false)(?![{_CHARS}:.])|@[A-Za-z]++(?:-[A-Za-z0-9]++)*+(?:--[A-Za-z]++)?+|\[[ \t\r\n]*+\]|\^\^)"
)
_ATOM = rf"(?:{_TERM_ATOM}|[.;,])"
# ... or terms in parentheses: a collection, a VALUES row, a function's arguments.
_TERM = rf"(?:\((?:{_SPACE}|{_ATOM})*+\)|{_ATOM})"
# A keyword that cannot be the start of a prefixed name (checked first: most keywords are this).
_KEYWORD = rf"(?!(?:a|true|false)(?![A-Za-z0-9_]))[A-Za-z][A-Za-z0-9_]*+(?![{_CHARS}:]|\.++[{_CHARS}])"

# Named groups: the token kinds. A run of terms is one TERMS token: Python pays per match, so a
# megabyte of triples or VALUES costs a few matches, not one per term. STRING and LONG_STRING match
# only a string that is not closed, reported at its start.
_TOKEN = re.compile(
    rf"{_SPACE}*+"
    r"(?:"
    rf"(?P<WORD>{_KEYWORD})"
    rf"|(?P<TERMS>{_TERM}(?:{_SPACE}|{_TERM})*+)"
    rf"|(?P<PNAME>(?:{_PREFIX})?:(?:{_LOCAL})?)"
    r"|(?P<WORD2>[A-Za-z][A-Za-z0-9_]*+)"
    rf"|(?P<LONG_STRING>{_LONG1}|{_LONG2})"
    rf"|(?P<STRING>{_SHORT1}|{_SHORT2})"
    r"|(?P<PUNCT><<\(|\)>>|<<|>>|\{\||\|\}|\|\||&&|!=|<=|>=|[{}()\[\]=<>!+\-*/|^?~])"
    r"|(?P<END>\Z)"
    r"|(?P<BAD>.)"
    r")",
    re.DOTALL,
)

# Every keyword and built-in name the engine (pyoxigraph 0.5) knows; SPARQL matches them in any case.
KEYWORDS = frozenset(
    """
    ABS ADD ADJUST ALL AS ASC ASK AVG BASE BIND BNODE BOUND BY CEIL CLEAR COALESCE CONCAT CONSTRUCT
    CONTAINS COPY COUNT CREATE DATA DATATYPE DAY DEFAULT DELETE DESC DESCRIBE DISTINCT DROP
    ENCODE_FOR_URI EXISTS FALSE FILTER FLOOR FROM GRAPH GROUP GROUP_CONCAT HASLANG HASLANGDIR HAVING
    HOURS IF IN INSERT INTO IRI ISBLANK ISIRI ISLITERAL ISNUMERIC ISTRIPLE ISURI LANG LANGDIR
    LANGMATCHES LATERAL LCASE LIMIT LOAD MAX MD5 MIN MINUS MINUTES MONTH MOVE NAMED NOT NOW OBJECT
    OFFSET OPTIONAL ORDER PREDICATE PREFIX RAND REDUCED REGEX REPLACE ROUND SAMETERM SAMPLE SECONDS
    SELECT SEPARATOR SERVICE SHA1 SHA256 SHA384 SHA512 SILENT STR STRAFTER STRBEFORE STRDT STRENDS
    STRLANG STRLANGDIR STRLEN STRSTARTS STRUUID SUBJECT SUBSTR SUM TIMEZONE TO TRIPLE TRUE TZ UCASE
    UNDEF UNION URI USING UUID VALUES VERSION WHERE WITH YEAR
    """.split()  # noqa: SIM905 - a word list reads better than 120 quoted strings
)


class Token(NamedTuple):
    """One terminal (or a TERMS run): its kind (a group name above), its text, where it starts.

    For a WORD, `text` is the keyword in upper case (`a` stays `a`); `start` still points into the
    original text, so a message can quote it.
    """

    kind: str
    text: str
    start: int


class LexError(ProveniensError, ValueError):
    """Text that is no SPARQL token; the message says where (line:column) and what was expected."""


def position(text: str, offset: int) -> str:
    """`line:column` (both from 1) of an offset, counted the way an editor shows it."""
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - text.rfind(chr(10), 0, offset)}"


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of `text`, comments and white space left out, ending with an END token.

    A generator, so a reader that stops early (a limit crossed) reads no further. Raises LexError
    at the first text that is not a token.
    """
    make = tuple.__new__  # a Token without NamedTuple's Python-level constructor: this loop is the hot path
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group(kind)
        start = match.start(kind)
        if kind == "WORD" or kind == "WORD2":
            kind, value = "WORD", _word(text, value, start)
        elif kind == "STRING" or kind == "LONG_STRING":
            raise LexError(_unclosed(text, value, start, 3 if kind == "LONG_STRING" else 1))
        elif kind == "BAD":
            raise LexError(_bad(text, start))
        yield make(Token, (kind, value, start))
        if kind == "END":
            return


def triple_patterns(terms: str) -> int:
    """At most how many triple patterns a TERMS run in a group makes: one, one more per `.` `;` `,`,
    and two per member of a collection `( … )` (rdf:first and rdf:rest)."""
    count = 1 + len(_NOT_SEPARATOR.sub("", terms))
    if "(" in terms:
        count += 2 * sum(len(_TERM_ATOM_RE.findall(inner)) for inner in _PARENS_RE.findall(terms))
    return count


def after_arguments(terms: str) -> str:
    """A TERMS run that follows a function name or FILTER, without the call's arguments `( … )` it starts with."""
    match = _ARGUMENTS_RE.match(terms)
    return terms[match.end() :] if match else terms


_ARGUMENTS_RE = re.compile(rf"\((?:{_SPACE}|{_ATOM})*+\)")
_NOT_SEPARATOR = re.compile(rf"{_TERM_ATOM}|{_SPACE}|[()]")
_TERM_ATOM_RE = re.compile(_TERM_ATOM)
_PARENS_RE = re.compile(rf"{_TERM_ATOM}|{_SPACE}|[.;,]|(\((?:{_SPACE}|{_ATOM})*+\))")


def _word(text: str, word: str, start: int) -> str:
    if word == "a":
        return word
    upper = word.upper()
    if upper in KEYWORDS:
        return upper
    raise LexError(
        f"At {position(text, start)}: '{word}' is not a SPARQL keyword. A variable is written ?{word}, "
        f"a prefixed name {word}:… or ex:{word}, an IRI <…>; keywords need white space or punctuation "
        "between them."
    )


def _unclosed(text: str, value: str, start: int, quotes: int) -> str:
    delimiter = value[0] * quotes
    stop = start + len(value)
    where = position(text, start)
    if stop < len(text) and text[stop] == "\\":
        return (
            f"At {position(text, stop)}: '{text[stop : stop + 2]}' is not a SPARQL escape in the string "
            f"that starts at {where}; use \\t \\n \\r \\b \\f \\\" \\' \\\\ or \\uXXXX."
        )
    if quotes == 1:
        return (
            f"At {where}: this string is not closed before the end of its line; close it with {delimiter}, "
            f"or write a string that spans lines as {delimiter * 3}…{delimiter * 3}."
        )
    return f"At {where}: this string is never closed; close it with {delimiter}."


def _bad(text: str, start: int) -> str:
    char = text[start]
    where = position(text, start)
    if char == "$":
        return f"At {where}: '$' must be followed by a variable name, as in $name."
    if char == "@":
        return f"At {where}: '@' must start a language tag, as in \"chat\"@fr."
    if char == "_":
        return f"At {where}: '_' must start a blank node label, as in _:b1."
    if char == "\\":
        return (
            f"At {where}: '\\' is only allowed in strings and in the local part of a prefixed name "
            "(ex:a\\#b); SPARQL reads no \\u escapes outside them."
        )
    return f"At {where}: unexpected character {char!r} (U+{ord(char):04X}); it is not part of any SPARQL token."

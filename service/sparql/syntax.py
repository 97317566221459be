"""What a SPARQL text asks for, read from its tokens: query or update, federation, how deeply it nests.

The public endpoint refuses federation (SERVICE) and updates, and the engine (pyoxigraph) must never
see a query deep enough to overflow its stack: it parses, plans and evaluates recursively, and a
stack overflow kills the whole process (a segfault, not an error). So the text is read once, left to
right, with an explicit stack of open brackets and no recursion: any length or depth of input costs
linear time and constant Python stack, and nothing is evaluated.

Depth is priced in shares of a budget, one kind at a time: each nested group `{` (EXISTS's group
counts twice), parenthesis `(` (`<<(`, `<<`), built-in call `STR(` and bracket `[` (`{|`); each
item of a group after its first (a triples block, FILTER, BIND, VALUES, a nested `{` of OPTIONAL,
MINUS, GRAPH, LATERAL or a UNION arm, a projected `(… AS ?x)`) and each operator in a parenthesis
(`||`, `&&`, comparisons, arithmetic, `!`, `IN`, `NOT`) or path (`/ | ^`), because the engine turns a
chain into a tree as deep as the chain is long; and each triple pattern of a group (two per
collection member), because it joins a basic graph pattern one pattern at a time. A part of the
query costs its own share, its chain, its triple patterns and its most expensive inner part; no part
may cost more than the budget. Each MAX_* constant is how many of one kind fit alone; mixed, their
shares add up.

Each limit is at least ten times below where pyoxigraph 0.5.13 crashed (SIGSEGV) on an 8 MiB stack,
the Linux default for a main thread and a thread, measured per form (crash / accepted here):
nested groups 2,208 / 200; parentheses 4,672 / 394; nested STR( or IF( calls 960 / 89; nested
NOT EXISTS 848 / 71; nested subqueries 1,184 / 99; nested OPTIONAL or MINUS 2,624 / 96; nested
brackets 3,456 / 113; nested collections 4,096 / 400; BINDs, projections or aggregates in one
group or SELECT 2,624 / 246; OPTIONALs in one group over 544 (slower than a minute beyond) / 246;
UNION arms 6,656 / 248; `||` or `&&` 9,344 / 246; `+` or `*` 6,912 / 246; FILTERs 9,344 / 250;
triple patterns in one group 8,192 / 795; collection members 4,096 / 400. Lists the engine keeps
flat (VALUES rows, IN and function arguments, ORDER BY and GROUP BY keys, PREFIX declarations,
template triples) did not crash it at 131,072 and are not limited.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from proveniens.service.errors import BadRequest
from proveniens.service.sparql.lexer import LexError, Token, after_arguments, position, tokenize, triple_patterns

MAX_GROUP_DEPTH = 200  # nested { } (EXISTS counts two)
MAX_PAREN_DEPTH = 400  # nested ( ) of expressions, collections, paths
MAX_CALL_DEPTH = 90  # nested calls of built-in functions: the engine's parser spends far more stack on them
MAX_BRACKET_DEPTH = 200  # nested [ ] blank nodes
MAX_CHAIN = 250  # items of one group after the first, operators of one expression or path
MAX_TRIPLES = 800  # triple patterns of one group
MAX_TOKENS = 100_000  # keywords, brackets, operators and runs of terms: bounds the time any text takes

_BUDGET = 1_000_000_000
_GROUP = _BUDGET // MAX_GROUP_DEPTH
_PAREN = _BUDGET // MAX_PAREN_DEPTH
_CALL = _BUDGET // MAX_CALL_DEPTH
_BRACKET = _BUDGET // MAX_BRACKET_DEPTH
_LINK = _BUDGET // MAX_CHAIN
_TRIPLE = _BUDGET // MAX_TRIPLES

_CLOSERS = {"{": "}", "(": ")", "[": "]", "<<(": ")>>", "<<": ">>", "{|": "|}"}
_CLOSER_SET = frozenset(_CLOSERS.values())
_PARENS = frozenset(("(", "<<(", "<<"))
_OPEN_COST = {"{": _GROUP, "(": _PAREN, "<<(": _PAREN, "<<": _PAREN, "[": _BRACKET, "{|": _BRACKET}
_OPERATORS = frozenset(("||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "!", "|", "^"))
_PATH_OPERATORS = frozenset(("/", "|", "^"))
_ITEMS = frozenset(("FILTER", "BIND", "VALUES"))  # so are a nested `{` (UNION's too) and a triples block
_QUERY_FORMS = frozenset(("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"))
_UPDATES = frozenset(("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"))
_PROLOGUE = frozenset(("BASE", "PREFIX", "VERSION"))

_NO_FEDERATION = (
    "SERVICE (federated query) is not allowed on this endpoint: it does not query other servers for you. "
    "Query the other endpoint yourself and bring its results in with VALUES."
)


class Refused(BadRequest):
    """The text is not something this endpoint runs; `message` says what, where and how to fix it.

    `status` is 400 for text that is not SPARQL or nests too deeply, 403 for what the public endpoint
    does not do (federation, updates, LOAD).
    """

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message, status)


@dataclass(frozen=True)
class UpdateShape:
    """What the update route needs to add the protocol's using-graph-uri / using-named-graph-uri.

    `dataset_clause` is the first USING or WITH (None if there is none); `where_offsets` are where
    each DELETE/INSERT … WHERE operation's WHERE starts, the place its USING clauses go.
    """

    dataset_clause: Token | None
    where_offsets: tuple[int, ...]


def check_query(text: str) -> str:
    """Raise Refused unless `text` is a query (not an update) without SERVICE, within the depth limits; return its
    form (SELECT, CONSTRUCT, DESCRIBE or ASK), which says what kind of result to ask a remote server for."""
    tokens = _read(text)
    form = _form(text, tokens)
    where = position(text, form.start)
    if form.kind == "END":
        raise Refused(f"SPARQL syntax error. At {where}: the text ends before SELECT, CONSTRUCT, DESCRIBE or ASK.")
    if form.text == "LOAD":
        raise Refused(
            f"At {where}: LOAD fetches a document from the web and writes it into the store; this endpoint is "
            "read-only. Load data with `proveniens build`.",
            403,
        )
    if form.text not in _QUERY_FORMS:
        raise Refused(
            f"At {where}: {form.text} makes this a SPARQL update; this endpoint is read-only. "
            "Load data with `proveniens build`.",
            403,
        )
    return form.text


def update_shape(text: str) -> UpdateShape:
    """Check an update as a query is checked (no SERVICE, no LOAD, depth limits); find its dataset clauses."""
    tokens = _read(text)
    form = _form(text, tokens)
    if form.text in _QUERY_FORMS:
        where = position(text, form.start)
        raise Refused(f"At {where}: this is a {form.text} query, not an update; send it to /sparql.")
    clause, wheres, depth, previous = None, [], 0, ""
    for token in tokens:
        kind, value = token.kind, token.text
        if kind == "PUNCT" and value in _CLOSERS:
            depth += 1
        elif kind == "PUNCT" and value in _CLOSER_SET:
            depth -= 1
        elif depth == 0 and _is_load(token):
            raise Refused(
                f"At {position(text, token.start)}: LOAD fetches a document from the web; the service makes "
                "no requests for anyone. Put the data in the sources and run `proveniens build`.",
                403,
            )
        elif depth == 0 and clause is None and _is_dataset_clause(token):
            clause = token
        elif depth == 0 and kind == "WORD" and value == "WHERE" and previous == "}":
            wheres.append(token.start)
        previous = value
    return UpdateShape(clause, tuple(wheres))


def _is_load(token: Token) -> bool:
    # As for dataset clauses, `LOAD<…>` and `LOADex:x` read as LOAD to the engine.
    return (token.kind == "WORD" and token.text == "LOAD") or (
        token.kind == "PNAME" and token.text.upper().startswith("LOAD")
    )


def _is_dataset_clause(token: Token) -> bool:
    if token.kind == "WORD":
        return token.text in ("USING", "WITH")
    # The engine matches keywords by prefix: to it, `USINGex:g` is USING ex:g.
    return token.kind == "PNAME" and token.text.upper().startswith(("USING", "WITH"))


def _read(text: str) -> list[Token]:
    try:
        return _Reader(text).read(tokenize(text))
    except LexError as err:
        raise Refused(f"SPARQL syntax error. {err}") from None


def _form(text: str, tokens: list[Token]) -> Token:
    """The first keyword after the prologue (BASE, PREFIX, VERSION): the query form or update operation.

    END if there is none (an update may be empty); Refused if something else comes first.
    """
    for token in tokens:
        if token.kind == "WORD" and token.text in _PROLOGUE:
            continue
        if token.kind == "END" or token.text in _QUERY_FORMS or token.text in _UPDATES:
            return token
        if token.kind != "TERMS" and token.kind != "PNAME":
            break
    raise Refused(
        f"SPARQL syntax error. At {position(text, token.start)}: expected SELECT, CONSTRUCT, DESCRIBE or ASK "
        f"(after any BASE and PREFIX declarations), found '{token.text[:40]}'."
    )


class _Frame:
    """An open bracket (or the whole text): what closes it, where it opened, its cost and what it holds."""

    __slots__ = (
        "base",
        "chained",
        "closer",
        "counts",
        "data",
        "group",
        "inner",
        "items",
        "open",
        "own",
        "patterns",
        "start",
    )

    def __init__(self, opener: str, start: int, base: int, own: int, data: bool, group: _Frame | None) -> None:
        self.open = opener
        self.closer = _CLOSERS.get(opener, "")
        self.start = start
        self.base = base  # the running cost when it opened
        self.own = own  # its own share: one nested group, parenthesis or bracket (two after EXISTS)
        self.data = data  # VALUES rows, INSERT DATA, templates: triples to write, no algebra to build
        self.items = 0  # items of a group so far; the first costs nothing (there is nothing to join it to)
        self.chained = 0
        self.group = group if opener != "{" or data else self  # the group whose triples block it adds to
        self.patterns = 0  # triple patterns in the group (the engine joins them one by one)
        self.inner = 0  # the cost of its most expensive inner part
        self.counts = (0, 0, 0, 0, 0)  # groups, parentheses, brackets, chained items, triple patterns


class _Reader:
    """One left-to-right pass over the tokens with an explicit stack; raises Refused at the first problem."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack = [_Frame("", 0, 0, 0, False, None)]  # the whole text is the outermost part
        self.running = 0  # the cost of the innermost open part, with the chains read so far
        self.data_next = False  # the next `{` opens data (after VALUES or DATA)
        self.exists_next = False  # the next `{` is an EXISTS pattern: it costs one more group
        self.previous = Token("", "", 0)
        self.tokens: list[Token] = []

    def read(self, tokens: Iterator[Token]) -> list[Token]:
        for token in tokens:
            self.tokens.append(token)
            if len(self.tokens) > MAX_TOKENS:
                raise Refused(
                    f"At {position(self.text, token.start)}: the query has more than {MAX_TOKENS} keywords, "
                    "brackets and operators (terms and literals do not count). Split it into several queries."
                )
            kind = token.kind
            if kind == "PUNCT":
                self._punct(token)
            elif kind == "WORD":
                self._word(token)
            elif kind == "END":
                self._end(token)
            else:  # TERMS or PNAME
                self._terms(token)
            self.previous = token
        return self.tokens

    def _punct(self, token: Token) -> None:
        value, top = token.text, self.stack[-1]
        if value in _CLOSERS:
            own = _OPEN_COST[value]
            if value == "{":
                self._service_pname(token)
                self._item(token)
                if self.exists_next:
                    own, self.exists_next = own + _GROUP, False
            elif value == "(" and self.previous.kind == "WORD":  # BIND( FILTER( or a built-in's call
                own = _CALL
            elif value == "(":
                self._item(token)
            elif value == "[" and top.group is not None and not top.data:
                top.group.patterns += 2  # a blank node in a triple, or a collection member
            data = self.data_next or top.data or _template(self.previous)
            self.data_next = False
            self.stack.append(_Frame(value, token.start, self.running, own, data, top.group))
            self._add(own, token)
        elif value in _CLOSER_SET:
            if top.closer != value:
                _unbalanced(self.text, token, top)
            self.stack.pop()
            self.running = top.base
            _close(self.text, top, self.stack[-1])
        elif not top.data and value in _OPERATORS and (top.open in _PARENS or (value in _PATH_OPERATORS and top.open)):
            top.chained += 1
            self._add(_LINK, token)

    def _word(self, token: Token) -> None:
        value, top = token.text, self.stack[-1]
        if value == "SERVICE":
            raise Refused(f"At {position(self.text, token.start)}: {_NO_FEDERATION}", 403)
        if value == "VALUES" or value == "DATA":
            self.data_next = True
        elif value == "EXISTS":
            self.exists_next = True
        if top.data:
            return
        if value in _ITEMS:
            self._item(token)
        elif (value == "IN" or value == "NOT") and top.open != "{":
            top.chained += 1
            self._add(_LINK, token)

    def _end(self, token: Token) -> None:
        top = self.stack[-1]
        if top.open:
            raise Refused(
                f"SPARQL syntax error. At {position(self.text, top.start)}: this '{top.open}' is never closed; "
                f"close it with '{top.closer}'."
            )
        _close(self.text, top, None)

    def _service_pname(self, token: Token) -> None:
        """The engine matches keywords by prefix: to it, `SERVICE:x {` and `SERVICEex:x {` are SERVICE."""
        previous = self.previous
        if previous.kind != "PNAME" or len(self.stack) == 1 or self.tokens[-3].text == "GRAPH":
            return
        if previous.text[:7].upper() == "SERVICE":
            raise Refused(
                f"At {position(self.text, previous.start)}: the engine reads '{previous.text} {{' as "
                f"SERVICE {previous.text[7:]} {{. {_NO_FEDERATION} If you meant a prefixed name, rename its prefix.",
                403,
            )

    def _terms(self, token: Token) -> None:
        top = self.stack[-1]
        if top.open != "{" and top.open != "[":
            return
        terms = token.text
        if self.previous.kind == "WORD" and terms.startswith("("):  # FILTER(?x) or bound(?x), no triples
            terms = after_arguments(terms)
            if not terms.strip():
                return
        if not top.data and top.group is not None:  # (no group: a `[` outside any pattern, a syntax error)
            top.group.patterns += triple_patterns(terms)
        if top.open == "{":
            self._item(token)  # a triples block

    def _item(self, token: Token) -> None:
        """One more item in a group: joined to the ones before it, so one more level of the engine's tree."""
        top = self.stack[-1]
        if (top.open == "{" or not top.open) and not top.data:
            top.items += 1
            if top.items > 1:
                top.chained += 1
                self._add(_LINK, token)

    def _add(self, cost: int, token: Token) -> None:
        self.running += cost
        if self.running > _BUDGET:
            _too_deep(self.text, token.start, self.stack, self.running)


def _template(previous: Token) -> bool:
    """A `{` right after CONSTRUCT, INSERT or DELETE opens a template: triples to write, not a pattern."""
    return previous.kind == "WORD" and previous.text in ("CONSTRUCT", "INSERT", "DELETE")


def _close(text: str, frame: _Frame, parent: _Frame | None) -> None:
    """Price a part that just closed and hand its cost to the part around it."""
    groups, parens, brackets, chained, patterns = frame.counts
    if frame.open == "{":
        groups += frame.own // _GROUP
    elif frame.open in _PARENS:
        parens += 1
    elif frame.open:
        brackets += 1
    own_patterns = frame.patterns if frame.group is frame else 0
    cost = frame.own + frame.chained * _LINK + own_patterns * _TRIPLE + frame.inner
    counts = (groups, parens, brackets, chained + frame.chained, patterns + own_patterns)
    if cost > _BUDGET:
        _too_deep(text, frame.start, [], cost, counts)
    if parent is not None and cost > parent.inner:
        parent.inner, parent.counts = cost, counts


def _too_deep(
    text: str, start: int, stack: list[_Frame], cost: int, counts: tuple[int, int, int, int, int] | None = None
) -> None:
    if counts is None:  # found while reading: count along the open brackets
        totals = [0, 0, 0, 0, 0]
        for frame in stack:
            if frame.open == "{":
                totals[0] += frame.own // _GROUP
            elif frame.open:
                totals[1 if frame.open in _PARENS else 2] += 1
            totals[3] += frame.chained
            totals[4] += frame.patterns if frame.group is frame else 0
        counts = (totals[0], totals[1], totals[2], totals[3], totals[4])
    groups, parens, brackets, chained, patterns = counts
    raise Refused(
        f"The query nests too deeply for the engine. At {position(text, start)}, it holds {groups} nested "
        f"groups {{…}}, {parens} nested parentheses, {brackets} nested brackets […], {chained} chained items "
        f"and {patterns} triple patterns in one group: {cost * 100 // _BUDGET}% of what the endpoint allows. "
        f"Alone, each may go up to {MAX_GROUP_DEPTH} nested groups (EXISTS counts as two), {MAX_PAREN_DEPTH} "
        f"nested parentheses ({MAX_CALL_DEPTH} nested calls of built-in functions such as STR(…)), "
        f"{MAX_BRACKET_DEPTH} nested brackets, {MAX_CHAIN} chained items (items of one group after the first, "
        f"operators such as || or / in one expression or path) or {MAX_TRIPLES} triple patterns in one group; "
        "mixed, their shares add up. Flatten it: write long UNION or || chains as VALUES or IN (…), or split "
        "it into several queries."
    )


def _unbalanced(text: str, token: Token, frame: _Frame) -> None:
    where = position(text, token.start)
    if not frame.open:
        raise Refused(f"SPARQL syntax error. At {where}: '{token.text}' closes nothing.")
    raise Refused(
        f"SPARQL syntax error. At {where}: '{token.text}' cannot close the '{frame.open}' opened at "
        f"{position(text, frame.start)}; expected '{frame.closer}' first."
    )

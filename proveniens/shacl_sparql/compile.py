"""SHACL Core shapes (and SHACL-SPARQL constraints) compiled to SPARQL SELECT queries.

Each `Check` is one constraint of one shape, as a query whose rows are that constraint's results:
`?this` (the focus node), and `?value`/`?path` when the constraint has them. The queries run where
the data already is (the pyoxigraph candidate store), so validation costs a few index scans per
constraint instead of a Python walk over every focus node.

A shape used inside another (sh:node, sh:not, sh:and, sh:or, sh:xone, sh:qualifiedValueShape, a
nested sh:property) becomes a *violation pattern*: a graph pattern with a solution exactly when its
node variable fails the shape, used under EXISTS/NOT EXISTS. Counts there are written as "n
pairwise distinct values" so they stay correlated with the outer node; at the top level they are
GROUP BY aggregates, which scale.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations, count

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from proveniens.namespaces import SH
from proveniens.shacl_sparql.paths import ShapeError, is_predicate, items, sparql_path, term

TYPE_OF = f"{RDF.type.n3()}/{RDFS.subClassOf.n3()}*"
# Datatypes whose lexical forms SPARQL casts check, so an ill-formed literal fails sh:datatype.
CASTABLE = {XSD[t] for t in ("boolean", "double", "float", "decimal", "integer", "dateTime", "date", "time")}
# Oxigraph stores every integer-derived datatype as xsd:integer, so sh:datatype xsd:positiveInteger
# can only be checked as "an xsd:integer in the type's range" (documented in docs/validation.md).
INTEGER_RANGES = {
    "positiveInteger": (1, None),
    "nonNegativeInteger": (0, None),
    "negativeInteger": (None, -1),
    "nonPositiveInteger": (None, 0),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
NESTING_LIMIT = 16  # shapes referring to themselves (recursive shapes) are outside SHACL Core
Focus = Callable[[str], str]
RANGES = {"minExclusive": ">", "minInclusive": ">=", "maxExclusive": "<", "maxInclusive": "<="}
NODE_KINDS: dict[Node, Callable[[str], str]] = {
    SH.IRI: lambda v: f"!isIRI({v})",
    SH.BlankNode: lambda v: f"!isBlank({v})",
    SH.Literal: lambda v: f"!isLiteral({v})",
    SH.BlankNodeOrIRI: lambda v: f"isLiteral({v})",
    SH.BlankNodeOrLiteral: lambda v: f"isIRI({v})",
    SH.IRIOrLiteral: lambda v: f"isBlank({v})",
}


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a query; its rows are the constraint's validation results.

    `reach` says how far from the focus node the data it reads lies: 0 for the focus node's own
    triples, 1 when it also reads its values' triples (their types, say), None when unbounded
    (long paths, nested shapes, SPARQL constraints). An incremental validation uses it to decide
    which focus nodes a changed graph can affect.
    """

    shape: Node
    component: URIRef
    severity: URIRef
    path: Node | None
    head: str
    focus: str
    body: str
    reach: int | None
    constraint: Node | None = None
    tail: str = ""
    parents: tuple[str, ...] = ()  # variables naming the focus node's parents, for a nested property shape
    # For sh:datatype xsd:positiveInteger and the other integer-derived types the store keeps as
    # xsd:integer: the rows are the candidates, whose declared datatype only the source graph knows.
    declared: URIRef | None = None
    # For sh:maxCount n on one predicate: (predicate, n). The runner asks once, for all such
    # predicates together, which subjects have more than one value, and skips the checks no
    # subject can break.
    most: tuple[Node, int] | None = None
    # The body for a few focus nodes, when it differs: sh:class subtracts every instance of the
    # class at once (MINUS), which suits all focus nodes; for a few, a look-up per value is cheaper.
    narrow: str = ""

    def query(self, scope: str = "") -> str:
        """The query text; `scope`, a pattern binding ?this, narrows the focus nodes (joined first).

        A SPARQL constraint's body is a sub-select, which the engine evaluates whole before any
        join, and an OPTIONAL in it is evaluated whole too: the scope goes into each of its groups
        that names ?this (`scoped_groups`), or a few focus nodes cost all of them."""
        body = self.narrow if scope and self.narrow else self.body
        if scope and self.component == SH.SPARQLConstraintComponent:
            body = scoped_groups(body, scope)
        return f"{self.head} WHERE {{ {scope} {self.focus} {body} }} {self.tail}"


_SKIPPED = re.compile(r"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|<[^<>\"{}|^`\\\\\\s]*>|#[^\\n]*")
_THIS = re.compile(r"\?this\b")
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)


def scoped_groups(body: str, scope: str) -> str:
    """`body` (a sub-select) with `scope` at the start of each group that names ?this itself.

    Not inside a nested SELECT, whose ?this may be another variable. Strings, IRIs and comments
    are skipped when the braces are matched. A group that names ?this joins it anyway, so the
    scope only drops rows that could not join the focus nodes."""
    groups: list[tuple[int, int]] = []  # (position after "{", position of "}")
    stack: list[int] = []
    position = 0
    while position < len(body):
        skipped = _SKIPPED.match(body, position)
        if skipped:
            position = skipped.end()
            continue
        if body[position] == "{":
            stack.append(position + 1)
        elif body[position] == "}":
            groups.append((stack.pop(), position))
        position += 1
    direct = {}
    for start, end in groups:
        inner = [(a, b) for a, b in groups if start < a and b < end]
        text, cursor = [], start
        for a, b in sorted(inner):
            if a > cursor:
                text.append(body[cursor : a - 1])
                cursor = b + 1
        text.append(body[cursor:end])
        direct[(start, end)] = " ".join(text)
    outer = min(groups)  # the wrapper around the sub-select
    chosen = []
    for group in groups:
        above = [g for g in groups if g[0] < group[0] and group[1] < g[1] and g != outer]
        if any(_SELECT.search(direct[g]) for g in [group, *above]):
            continue
        if group != outer and _THIS.search(_SKIPPED.sub(" ", direct[group])):
            chosen.append(group[0])
    for start in sorted(chosen, reverse=True):
        body = f"{body[:start]} {scope} {body[start:]}"
    return body


class Compiler:
    """Turns a shapes graph into checks. Variables are fresh per use, so patterns nest freely."""

    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self._ids = count()

    def var(self) -> str:
        return f"?_n{next(self._ids)}"

    # --- shapes and their values ---------------------------------------------------------------

    def path(self, shape: Node) -> Node | None:
        return self.g.value(shape, SH.path)

    def bind_values(self, shape: Node, focus: str, value: str) -> str:
        """Bind the fresh variable `value` to each value node of `shape` at `focus`."""
        path = self.path(shape)
        if path is None:
            return f"BIND({focus} AS {value})"
        return f"{focus} {sparql_path(self.g, path)} {value} ."

    def test_values(self, shape: Node, focus: str, value: str) -> str:
        """True for an already bound `value` that is a value node of `shape` at `focus`."""
        path = self.path(shape)
        if path is None:
            return f"FILTER(sameTerm({focus}, {value}))"
        return f"{focus} {sparql_path(self.g, path)} {value} ."

    def active(self, shape: Node) -> bool:
        return self.g.value(shape, SH.deactivated) != Literal(True)

    def targets(self, shape: Node) -> Focus | None:
        """The focus nodes of a shape's targets as a pattern on a variable, or None without targets."""
        parts: list[Callable[[str], str]] = []
        nodes = [term(n) for n in self.g.objects(shape, SH.targetNode)]
        if nodes:
            parts.append(lambda v: f"VALUES {v} {{ {' '.join(nodes)} }}")
        classes = list(self.g.objects(shape, SH.targetClass))
        if (shape, RDF.type, RDFS.Class) in self.g:
            classes.append(shape)
        for c in classes:
            parts.append(lambda v, c=c: f"{v} {TYPE_OF} {term(c)} .")
        for p in self.g.objects(shape, SH.targetSubjectsOf):
            parts.append(lambda v, p=p: f"{v} {term(p)} {self.var()} .")
        for p in self.g.objects(shape, SH.targetObjectsOf):
            parts.append(lambda v, p=p: f"{self.var()} {term(p)} {v} .")
        if not parts:
            return None
        return lambda v: "{ " + " UNION ".join("{ " + part(v) + " }" for part in parts) + " }"

    # --- value-level constraints: an expression true when the value node violates ---------------

    def class_patterns(self, shape: Node, v: str) -> Iterator[str]:
        """For each sh:class, the pattern a conforming value matches (its type, or a subclass).

        At the top level it goes under MINUS: the instances are found once and subtracted from
        all values, where NOT EXISTS would search once per value (twice as slow at 1M).
        """
        for c in self.g.objects(shape, SH["class"]):
            yield f"{v} {TYPE_OF} {term(c)} ."

    def value_expressions(
        self, shape: Node, focus: str, v: str, depth: int
    ) -> Iterator[tuple[URIRef, str, int | None]]:
        """(component, expression on `v`, reach) for each constraint judged one value at a time.

        sh:class is not here: see `class_patterns`.
        """
        g = self.g
        for d in g.objects(shape, SH.datatype):
            yield SH.DatatypeConstraintComponent, self.datatype(v, d), 0
        for k in g.objects(shape, SH.nodeKind):
            yield SH.NodeKindConstraintComponent, NODE_KINDS[k](v), 0
        for name, op in RANGES.items():
            for bound in g.objects(shape, SH[name]):
                component = SH[name[0].upper() + name[1:] + "ConstraintComponent"]
                yield component, f"!COALESCE({v} {op} {term(bound)}, false)", 0
        for n in g.objects(shape, SH.minLength):
            yield SH.MinLengthConstraintComponent, f"COALESCE(isBlank({v}) || STRLEN(STR({v})) < {int(n)}, true)", 0
        for n in g.objects(shape, SH.maxLength):
            yield SH.MaxLengthConstraintComponent, f"COALESCE(isBlank({v}) || STRLEN(STR({v})) > {int(n)}, true)", 0
        for pattern in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            args = f"STR({v}), {Literal(str(pattern)).n3()}" + (f", {Literal(str(flags)).n3()}" if flags else "")
            yield SH.PatternConstraintComponent, f"COALESCE(isBlank({v}) || !REGEX({args}), true)", 0
        for languages in g.objects(shape, SH.languageIn):
            tests = " || ".join(f"langMatches(lang({v}), {Literal(str(t)).n3()})" for t in items(g, languages))
            yield SH.LanguageInConstraintComponent, f"!COALESCE({tests or 'false'}, false)", 0
        for members in g.objects(shape, SH["in"]):
            tests = " || ".join(f"sameTerm({v}, {term(m)})" for m in items(g, members))
            yield SH.InConstraintComponent, f"!({tests or 'false'})", 0
        for p in g.objects(shape, SH.disjoint):
            yield SH.DisjointConstraintComponent, f"EXISTS {{ {focus} {term(p)} {v} }}", 0
        for s in g.objects(shape, SH.node):
            yield SH.NodeConstraintComponent, f"EXISTS {{ {self.violation(s, v, depth + 1)} }}", None
        for s in g.objects(shape, SH["not"]):
            yield SH.NotConstraintComponent, f"NOT EXISTS {{ {self.violation(s, v, depth + 1)} }}", None
        for kind, component, joiner in (
            (SH["and"], SH.AndConstraintComponent, " || "),
            (SH["or"], SH.OrConstraintComponent, " && "),
        ):
            for members in g.objects(shape, kind):
                fails = [f"EXISTS {{ {self.violation(s, v, depth + 1)} }}" for s in items(g, members)]
                yield component, "(" + (joiner.join(fails) or ("false" if joiner == " || " else "true")) + ")", None
        for members in g.objects(shape, SH.xone):
            passes = [f"IF(EXISTS {{ {self.violation(s, v, depth + 1)} }}, 0, 1)" for s in items(g, members)]
            yield SH.XoneConstraintComponent, "(" + (" + ".join(passes) or "0") + ") != 1", None

    def datatype(self, v: str, datatype: Node) -> str:
        if datatype == RDF.langString:
            return f'!(isLiteral({v}) && lang({v}) != "")'
        derived = INTEGER_RANGES.get(str(datatype).removeprefix(str(XSD)))
        if derived is not None and str(datatype).startswith(str(XSD)):
            low, high = derived
            bounds = (f" && {v} >= {low}" if low is not None else "") + (
                f" && {v} <= {high}" if high is not None else ""
            )
            return f"!COALESCE(isLiteral({v}) && datatype({v}) = {XSD.integer.n3()}{bounds}, false)"
        d = term(datatype)
        wellformed = f" && COALESCE(isLiteral({d}(STR({v}))), false)" if datatype in CASTABLE else ""
        return f"!(isLiteral({v}) && datatype({v}) = {d}{wellformed})"

    # --- constraints over all values of a focus node: patterns binding ?value/?path ------------

    def focus_patterns(self, shape: Node, f: str, v: str, p: str, o: str) -> Iterator[tuple[URIRef, str, int | None]]:
        """(component, pattern, reach) for constraints on all of a focus node's values.

        A pattern binds `v` (the result's value), `p` (its path, for sh:closed) and `o` (what tells
        two results apart: the other value of sh:lessThan, the language of sh:uniqueLang).
        """
        g = self.g
        for prop in g.objects(shape, SH.equals):  # two patterns: a UNION branch would not see `f`
            w = term(prop)
            missing = f"{self.bind_values(shape, f, v)} FILTER NOT EXISTS {{ {f} {w} {v} }}"
            yield SH.EqualsConstraintComponent, missing, 0
            extra = f"{f} {w} {v} . FILTER NOT EXISTS {{ {self.test_values(shape, f, v)} }}"
            yield SH.EqualsConstraintComponent, extra, 0
        for name, op in (("lessThan", "<"), ("lessThanOrEquals", "<=")):
            for prop in g.objects(shape, SH[name]):
                other = o
                component = SH[name[0].upper() + name[1:] + "ConstraintComponent"]
                yield (
                    component,
                    (
                        f"{self.bind_values(shape, f, v)} {f} {term(prop)} {other} . "
                        f"FILTER(!COALESCE({v} {op} {other}, false))"
                    ),
                    0,
                )
        if g.value(shape, SH.uniqueLang) == Literal(True):
            a, b = self.var(), self.var()
            yield (
                SH.UniqueLangConstraintComponent,
                (
                    f"{self.bind_values(shape, f, a)} {self.bind_values(shape, f, b)} "
                    f'FILTER(!sameTerm({a}, {b}) && lang({a}) != "" && LCASE(lang({a})) = LCASE(lang({b}))) '
                    f"BIND(LCASE(lang({a})) AS {o})"
                ),
                0,
            )
        for value in g.objects(shape, SH.hasValue):
            test = (
                f"FILTER NOT EXISTS {{ {f} {sparql_path(g, self.path(shape))} {term(value)} }}"
                if self.path(shape) is not None
                else f"FILTER(!sameTerm({f}, {term(value)}))"
            )
            yield SH.HasValueConstraintComponent, test, 0
        if g.value(shape, SH.closed) == Literal(True):
            allowed = {term(q) for s in g.objects(shape, SH.property) if is_predicate(q := g.value(s, SH.path))}
            for ignored in g.objects(shape, SH.ignoredProperties):
                allowed.update(term(q) for q in items(g, ignored))
            test = f"FILTER({p} NOT IN ({', '.join(sorted(allowed))}))" if allowed else ""
            yield SH.ClosedConstraintComponent, f"{f} {p} {v} . {test}", 0

    # --- counts -------------------------------------------------------------------------------

    def qualified(self, shape: Node, v: str, depth: int) -> str | None:
        """An expression true when `v` counts for the shape's sh:qualifiedValueShape, else None."""
        g = self.g
        q = g.value(shape, SH.qualifiedValueShape)
        if q is None:
            return None
        tests = [f"NOT EXISTS {{ {self.violation(q, v, depth + 1)} }}"]
        if g.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            for parent in g.subjects(SH.property, shape):
                for sibling in g.objects(parent, SH.property):
                    other = g.value(sibling, SH.qualifiedValueShape)
                    if sibling != shape and other is not None:
                        tests.append(f"EXISTS {{ {self.violation(other, v, depth + 1)} }}")
        return " && ".join(tests)

    def counts(self, shape: Node, depth: int) -> Iterator[tuple[URIRef, str, int, str | None]]:
        """(component, '<' or '>', bound, qualifying expression on ?value or None) per count constraint."""
        g = self.g
        for n in g.objects(shape, SH.minCount):
            yield SH.MinCountConstraintComponent, "<", int(n), None
        for n in g.objects(shape, SH.maxCount):
            yield SH.MaxCountConstraintComponent, ">", int(n), None
        condition = self.qualified(shape, "?value", depth)
        if condition is not None:
            for n in g.objects(shape, SH.qualifiedMinCount):
                yield SH.QualifiedMinCountConstraintComponent, "<", int(n), condition
            for n in g.objects(shape, SH.qualifiedMaxCount):
                yield SH.QualifiedMaxCountConstraintComponent, ">", int(n), condition

    def distinct_values(self, shape: Node, focus: str, n: int, condition: str | None) -> str:
        """A pattern with a solution when the focus has at least n distinct (qualifying) values."""
        names = [self.var() for _ in range(n)]
        parts = [self.bind_values(shape, focus, x) for x in names]
        if condition is not None:
            parts += [f"FILTER({condition.replace('?value', x)})" for x in names]
        parts += [f"FILTER(!sameTerm({a}, {b}))" for a, b in combinations(names, 2)]
        return " ".join(parts)

    # --- a whole shape under EXISTS -----------------------------------------------------------

    def violation(self, shape: Node, x: str, depth: int = 0) -> str:
        """A pattern with a solution exactly when node `x` does not conform to `shape`."""
        if depth > NESTING_LIMIT:
            raise ShapeError(f"shape {shape} nests deeper than {NESTING_LIMIT}: recursive shapes are not supported")
        if not self.active(shape):
            return "FILTER(false)"
        branches: list[str] = []
        v = self.var()
        for typed in self.class_patterns(shape, v):
            branches.append(f"{self.bind_values(shape, x, v)} FILTER NOT EXISTS {{ {typed} }}")
        for _, expression, _ in self.value_expressions(shape, x, v, depth):
            branches.append(f"{self.bind_values(shape, x, v)} FILTER({expression})")
        for _, pattern, _ in self.focus_patterns(shape, x, self.var(), self.var(), self.var()):
            branches.append(pattern)
        for _, op, n, condition in self.counts(shape, depth):
            if op == "<":
                branches.append("FILTER NOT EXISTS { " + self.distinct_values(shape, x, n, condition) + " }")
            else:
                branches.append(self.distinct_values(shape, x, n + 1, condition))
        for nested in self.g.objects(shape, SH.property):
            y = self.var()
            branches.append(
                f"{self.bind_values(shape, x, y)} FILTER EXISTS {{ {self.violation(nested, y, depth + 1)} }}"
            )
        if self.g.value(shape, SH.sparql) is not None:
            raise ShapeError(f"shape {shape} has a SPARQL constraint and is used inside another shape")
        if not branches:
            return "FILTER(false)"
        return " UNION ".join("{ " + b + " }" for b in branches)

    # --- top level: one query per constraint ----------------------------------------------------

    def severity(self, shape: Node) -> URIRef:
        found = self.g.value(shape, SH.severity)
        return found if isinstance(found, URIRef) else SH.Violation

    def path_reach(self, shape: Node) -> int | None:
        """0 when the values are one triple from the focus node (p, ^p, p|q), else None."""
        path = self.path(shape)
        if path is None or is_predicate(path):
            return 0
        inverse = self.g.value(path, SH.inversePath)
        if inverse is not None:
            return 0 if is_predicate(inverse) else None
        options = self.g.value(path, SH.alternativePath)
        if options is not None and all(is_predicate(o) for o in items(self.g, options)):
            return 0
        return None

    def shape_checks(
        self, shape: Node, focus: Focus, depth: int, reach: int | None, parents: tuple[str, ...] = ()
    ) -> Iterator[Check]:
        """Every check of `shape` whose focus nodes are those of the `focus` pattern.

        `parents` are the variables the focus pattern binds to the nodes it was reached from: a
        value node reached from two parents is validated, and reported, once for each.
        """
        if depth > NESTING_LIMIT:
            raise ShapeError(f"shape {shape} nests deeper than {NESTING_LIMIT}")
        if not self.active(shape):
            return
        path = self.path(shape)
        base = self.path_reach(shape)
        base = None if base is None or reach is None else max(base, reach)
        severity = self.severity(shape)

        def check(
            component: URIRef,
            head: str,
            body: str,
            r: int | None,
            constraint: Node | None = None,
            tail: str = "",
            most: tuple[Node, int] | None = None,
            narrow: str = "",
        ) -> Check:
            joined = None if r is None or base is None else max(r, base)
            head = head.replace("?this", " ".join(("?this", *parents)), 1)
            tail = tail.replace("?this", " ".join(("?this", *parents)), 1)
            return Check(
                shape,
                component,
                severity,
                path,
                head,
                here,
                body,
                joined,
                constraint,
                tail,
                parents,
                declared,
                most,
                narrow,
            )

        here = focus("?this")
        declared: URIRef | None = None
        for typed in self.class_patterns(shape, "?value"):
            values = self.bind_values(shape, "?this", "?value")
            lookup = f"{values} FILTER NOT EXISTS {{ {typed} }}"
            yield check(
                SH.ClassConstraintComponent,
                "SELECT DISTINCT ?this ?value",
                f"{values} MINUS {{ {typed} }}",
                1,
                narrow=lookup,
            )
        for component, expression, r in self.value_expressions(shape, "?this", "?value", depth):
            values = self.bind_values(shape, "?this", "?value")
            yield check(component, "SELECT DISTINCT ?this ?value", f"{values} FILTER({expression})", r)
        for datatype in self.g.objects(shape, SH.datatype):
            if is_predicate(path) and str(datatype).removeprefix(str(XSD)) in INTEGER_RANGES:
                declared = datatype
                integer = f"{self.bind_values(shape, '?this', '?value')} FILTER(datatype(?value) = {XSD.integer.n3()})"
                yield check(SH.DatatypeConstraintComponent, "SELECT DISTINCT ?this ?value", integer, 0)
                declared = None
        for component, pattern, r in self.focus_patterns(shape, "?this", "?value", "?path", "?other"):
            yield check(component, "SELECT DISTINCT ?this ?value ?path ?other", pattern, r)
        for component, op, n, condition in self.counts(shape, depth):
            if op == "<" and n <= 0:
                continue
            simple = condition is None and path is not None and self.path_reach(shape) == 0
            if simple and (op == ">" or n == 1):
                most = (path, n) if op == ">" and n >= 1 and is_predicate(path) else None
                yield check(component, "SELECT DISTINCT ?this", self.simple_count(shape, op, n), 0, most=most)
                continue
            values = self.bind_values(shape, "?this", "?value") + (f" FILTER({condition})" if condition else "")
            values = f"OPTIONAL {{ {values} }}" if op == "<" else values
            tail = f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {op} {n})"
            yield check(component, "SELECT ?this", values, 0 if condition is None else None, tail=tail)
        for constraint in self.g.objects(shape, SH.sparql):
            if self.active(constraint):
                head, body = self.sparql(shape, constraint)
                yield check(SH.SPARQLConstraintComponent, head, body, None, constraint)
        for nested in self.g.objects(shape, SH.property):
            if path is None:
                yield from self.shape_checks(nested, focus, depth + 1, reach, parents)
            else:
                parent = f"?parent{len(parents) + 1}"
                inner = self.values_as_focus(shape, focus, parents, parent)
                yield from self.shape_checks(nested, inner, depth + 1, None, (*parents, parent))

    def simple_count(self, shape: Node, op: str, n: int) -> str:
        """A count on a one-step path the cheap way: NOT EXISTS for "at least one", and for "at
        most n" a grouped scan of the property's triples, joined with the focus nodes afterwards."""
        values = self.bind_values(shape, "?this", "?value")
        if op == "<":
            return f"FILTER NOT EXISTS {{ {values} }}"
        return f"{{ SELECT ?this WHERE {{ {values} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {n}) }}"

    def values_as_focus(self, shape: Node, focus: Focus, parents: tuple[str, ...], parent: str) -> Focus:
        """The value nodes of `shape` as focus nodes, each with the node it is a value of (`parent`)."""

        def pattern(v: str) -> str:
            names = " ".join((*parents, parent, v))
            return f"{{ SELECT DISTINCT {names} WHERE {{ {focus(parent)} {self.bind_values(shape, parent, v)} }} }}"

        return pattern

    def sparql(self, shape: Node, constraint: Node) -> tuple[str, str]:
        """A SHACL-SPARQL constraint joined with the focus nodes; $this and $PATH pre-bound as text."""
        select = self.g.value(constraint, SH.select)
        if select is None:
            raise ShapeError(f"SPARQL constraint {constraint} of {shape} has no sh:select")
        text = re.sub(r"[$?]this\b", "?this", str(select))
        path = self.path(shape)
        if path is not None:
            text = re.sub(r"\$PATH\b", sparql_path(self.g, path), text)
        text = re.sub(r"\$currentShape\b", term(shape), text)
        prefixes = []
        for source in self.g.objects(constraint, SH.prefixes):
            for declaration in self.g.objects(source, SH.declare):
                name = self.g.value(declaration, SH.prefix)
                namespace = self.g.value(declaration, SH.namespace)
                prefixes.append(f"PREFIX {name}: <{namespace}>")
        head = "\n".join(sorted(set(prefixes)))
        return f"{head}\nSELECT DISTINCT ?this ?value ?path", f"{{ {text} }}"


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every check of every shape that has targets, in a stable order."""
    compiler = Compiler(shapes)
    found: list[Check] = []
    for shape in sorted(
        set(shapes.subjects(RDF.type, SH.NodeShape))
        | set(shapes.subjects(RDF.type, SH.PropertyShape))
        | _targeted(shapes),
        key=str,
    ):
        focus = compiler.targets(shape)
        if focus is not None:
            found.extend(compiler.shape_checks(shape, focus, 0, 0))
    return found


def _targeted(shapes: Graph) -> set[Node]:
    kinds = (SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
    return {s for kind in kinds for s in shapes.subjects(kind, None)} | {
        s for s in shapes.subjects(RDF.type, RDFS.Class) if (s, RDF.type, SH.NodeShape) in shapes
    }

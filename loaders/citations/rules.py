"""The patterns behind citations.py, run on flattened text (one line, hyphenation undone).

Each rule yields groups of candidates; a group is one stretch of text (a provision list such as
"12 kap. 1 och 3 §§ HSL" cites two provisions). Where groups overlap, the longer one wins, so
"7 kap. 2 a § HSL" is one provision citation and not also a citation of HSL.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from proveniens.loaders.knowledge import AgreementTitle, Knowledge, Law, knowledge, slugify
from proveniens.loaders.knowledge.lexicon import DEPARTMENTS, law_regex, title_regex


@dataclass(frozen=True)
class Candidate:
    kind: str  # a CitationKind name
    start: int
    end: int
    data: dict[str, Any] = field(default_factory=dict)


Group = list[Candidate]

_DASH = "-–—‐"
_YEAR = r"(?:1[89]|20)\d{2}"
_NUM = r"\d{1,4}(?![\d/])"
_COLON = r" ?: ?"
_DEPT = "|".join(DEPARTMENTS)


_OPTIONAL_HEAD = re.compile(r"\(\?:(?P<inner>[^()]*)\)\?")
_CLASS_HEAD = re.compile(r"\[(?P<chars>[^\]\\^-]+)\]")


def _first_letters(branch: str) -> str | None:
    """The characters a match of `branch` can start with, for the plain shapes the curated titles take
    ("[Gg]od …", "(?:[Ee]n )?investering …", "Ökad …"); None for any other shape."""
    letters = ""
    while m := _OPTIONAL_HEAD.match(branch):
        head = None if "|" in m["inner"] else _first_letters(m["inner"])
        if head is None:
            return None
        letters, branch = letters + head, branch[m.end() :]
    if m := _CLASS_HEAD.match(branch):
        return letters + m["chars"]
    return letters + branch[0] if branch[:1].isalnum() else None


def with_first_letters(alternation: str, branches: list[str]) -> str:
    """`alternation` of `branches` behind a lookahead for the letters they start with: Python's re
    then skips every other position fast instead of trying each branch there."""
    letters = [_first_letters(b) for b in branches]
    if not branches or None in letters:
        return alternation
    chars = "".join(sorted(set("".join(letters))))
    return rf"(?=[{chars}])(?:{alternation})"


def _series(kind: str, head: str) -> re.Pattern[str]:
    return re.compile(head + rf" ?(?P<year>{_YEAR}){_COLON}(?P<number>{_NUM})")


_SOU = _series("SOU", r"(?<![\w])SOU")
_DS = _series("DS", r"(?<![\w])D[sS]")
_DIR = _series("DIR", r"(?<![\w])(?:[Dd]ir\.?|[Kk]ommittédirektiv(?:et)?)")
_MORE = re.compile(rf"(?:, ?| och | samt | resp\. | respektive )(?P<year>{_YEAR}){_COLON}(?P<number>{_NUM})")
_PROP_HEAD = re.compile(r"(?<![\w])(?:[Pp]ropositionerna|[Pp]ropositionen?|[Pp]rop\.?)(?: nr\.?)? ?")
_SESSION = re.compile(
    rf"(?P<year>{_YEAR}) ?(?P<s1>[/:.{_DASH}]) ?(?P<short>\d{{4}}|\d{{2}}) ?(?P<s2>[/:.{_DASH}]) ?(?P<number>{_NUM})"
)
_PROP_MORE = re.compile(r"(?:, ?| och | samt )")
# "propositionen God och jämlik hälsa … (2017/18:249)": a session number in parentheses after a proposition's title.
_BARE_SESSION = re.compile(rf"\((?P<year>{_YEAR})(?P<s1>/)(?P<short>\d{{2}})(?P<s2>:)(?P<number>{_NUM})\)")
_PROP_WORD = re.compile(r"\b[Pp]roposition(?:en|erna)?\b")
_PROP_TITLE_REACH = 150
_KOMMITTE = re.compile(rf"(?<![\w/])(?P<department>{_DEPT}) ?(?P<year>{_YEAR}) ?: ?(?P<number>\d{{2,3}})(?![\d/])")
_BARE_KOMMITTE = re.compile(rf"\((?P<year>{_YEAR}):(?P<number>0\d)\)")
_INQUIRY_CONTEXT = re.compile(r"(?:[Uu]tredning|[Kk]ommitt[ée]|[Uu]tredare)\w*")
_DNR_GOV = re.compile(
    rf"(?<![\w/])(?P<department>{_DEPT}) ?(?P<year>{_YEAR}) ?/ ?(?P<number>\d{{2,6}})"
    r"(?: ?/ ?(?P<unit>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9]{0,5}))?(?![\w/])"
)
_DNR_LOCAL = re.compile(
    rf"(?<![\w])(?:[Dd]nr|DNR|[Dd]iarienummer|[Dd]iarienr)\.?:? ?(?P<head>\d+(?:\.\d+)*) ?[{_DASH}] ?"
    rf"(?P<number>\d+) ?/ ?(?P<year>{_YEAR})(?!\d)"
)
_SFS = re.compile(rf"(?<![\w])SFS ?(?P<year>{_YEAR}){_COLON}(?P<number>{_NUM})")
_PAREN_SFS = rf"\((?:SFS )?(?P<sfsyear>{_YEAR}):(?P<sfsnum>\d{{1,4}})\)"
_NUMBERED_LAW = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÅÄÖa-zåäö]*(?:lag(?:en)?|förordning(?:en)?|balk(?:en)?|kungörelse(?:n)?)) ?{_PAREN_SFS}"
)
# The ending every _NUMBERED_LAW match holds ("…lagen (2019:1"): in a long text the pattern is tried
# only at the start of the word before one, as its run of letters defeats the _STARTS scan.
_NUMBERED_LAW_END = re.compile(rf"(?:lag|förordning|balk|kungörelse)(?:en|n)? ?\((?:SFS )?{_YEAR}:")
_LETTERS_UP_TO = re.compile(r"[A-ZÅÄÖa-zåäö]*$")
_AG_TRIGGER = re.compile(
    rf"(?<![\w])(?:(?P<tyear>{_YEAR}) års )?[Öö]verenskommelse(?:n|rna)?"
    r"(?: mellan (?:regeringen|staten) och (?:SKR|Sveriges Kommuner och Regioner))?(?: om(?: en)?)? ?"
)
_AG_YEAR = re.compile(r" ?(?P<year>20\d{2})(?![\d:/])")
# "överenskommelsen om en god och nära vård tecknades i juni 2019": the year it was signed names which one.
_AG_SIGNED_IN = re.compile(
    r"\s+(?:tecknades|undertecknades|ingicks|slöts)\s+(?:(?:den|i)\s+)?(?:\d{1,2}\s+)?(?:[a-zåäö]+\s+)?"
    r"(?P<year>20\d{2})(?![\d:/])"
)
_AG_YEARLESS = re.compile(rf"(?<![\w])(?P<year>{_YEAR}) års överenskommelse(?:n)?(?![\w])")
_AG_GENERIC = re.compile(
    r"(?<![\w])[Öö]verenskommelsen (?:om )?(?P<title>[A-ZÅÄÖ][\wåäö]*(?: [\wåäö-]+){1,11}?) (?P<year>20\d{2})(?![\d:/])"
)
_HOS_AVTAL = re.compile(r"(?<![\w-])(?:[Hh]älso- ?och ?sjukvårdsavtal[a-zåäö]{0,4}|HoS-avtal(?:ets?)?)(?![\w])")
# Regional agreements named by what they are about: "Överenskommelsen om samverkan vid in- och utskrivning …"
_AG_SAMVERKAN = re.compile(
    r"(?<![\w])[Öö]verenskommel+sen? om (?P<title>[Ss]amverkan (?:vid|kring|för|om|kring) [^.;:()\[\]]{3,120}?)"
    r"(?= (?:har|ska|är|kommer|som|och dess|har varit)\b|[.;:()]| ?$)"
)

# Where a match of a pattern can start, for patterns that open with a lookbehind: Python's re cannot
# skip ahead to a literal behind an assertion and tries every position, so a long text is searched
# for a word every match holds first, and the pattern is tried only that many characters before it
# (0: the match starts with the word; 9: "2019 års " comes before it). See _scan.
_STARTS: dict[re.Pattern[str], tuple[re.Pattern[str], tuple[int, ...]]] = {
    _SOU: (re.compile("SOU"), (0,)),
    _DS: (re.compile("Ds|DS"), (0,)),
    _DIR: (re.compile("Dir|dir|Kommittédirektiv|kommittédirektiv"), (0,)),
    _SFS: (re.compile("SFS"), (0,)),
    _DNR_LOCAL: (re.compile("Dnr|dnr|DNR|Diarie|diarie"), (0,)),
    _DNR_GOV: (re.compile(rf"(?:{_DEPT}) ?{_YEAR}"), (0,)),
    _KOMMITTE: (re.compile(rf"(?:{_DEPT}) ?{_YEAR}"), (0,)),
    _PROP_HEAD: (re.compile("Prop|prop"), (0,)),
    _AG_TRIGGER: (re.compile("Överenskommelse|överenskommelse"), (0, len("2019 års "))),
    _AG_YEARLESS: (re.compile("överenskommelse"), (len("2019 års "),)),
    _AG_GENERIC: (re.compile("Överenskommelsen|överenskommelsen"), (0,)),
    _AG_SAMVERKAN: (re.compile("Överenskommel|överenskommel"), (0,)),
    _HOS_AVTAL: (re.compile("Hälso|hälso|HoS-avtal"), (0,)),
}

_SHORT = 2000


def _scan(
    pattern: re.Pattern[str], text: str, starts: tuple[re.Pattern[str], tuple[int, ...]] | None = None
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives, tried only where `starts` (else `_STARTS[pattern]`) says
    one can start."""
    # A sentence is searched directly: collecting starts would cost more than it saves.
    return pattern.finditer(text) if len(text) < _SHORT else _from_starts(pattern, text, starts or _STARTS[pattern])


def _from_starts(
    pattern: re.Pattern[str], text: str, starts: tuple[re.Pattern[str], tuple[int, ...]]
) -> Iterator[re.Match[str]]:
    word, backs = starts
    candidates: set[int] = set()
    for at in _word_starts(word, text):
        candidates.update(at - back for back in backs if at >= back)
    return _matches_from(pattern, text, candidates)


def _matches_from(pattern: re.Pattern[str], text: str, candidates: set[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, when every match starts at one of `candidates`: tried there only."""
    end = 0
    for start in sorted(candidates):
        if start >= end and (m := pattern.match(text, start)) is not None:
            end = m.end()
            yield m


_PLAIN_WORDS = re.compile(r"[\wåäöÅÄÖé-]+(?:\|[\wåäöÅÄÖé-]+)*")


def _word_starts(word: re.Pattern[str], text: str) -> Iterator[int]:
    """Every position where `word` matches (overlapping ones too: the pattern decides). A pattern that is
    only words ("Prop|prop") is looked for with str.find, word by word: re scans a class of first
    letters as common as "d" or "p" at every position."""
    if _PLAIN_WORDS.fullmatch(word.pattern):
        for literal in set(word.pattern.split("|")):
            at = text.find(literal)
            while at != -1:
                yield at
                at = text.find(literal, at + 1)
        return
    at = 0
    while (found := word.search(text, at)) is not None:
        at = found.start() + 1
        yield found.start()


# Provisions: "7 kap. 2 a §", "12 kap. 1 och 3 §§", "8 kap. 8 §, 12 kap. 2 och 4 §§ och 16 kap. 1 § HSL".
_SEC = r"\d{1,3}(?: ?[a-z](?![\w]))?"
_SECS = rf"(?P<secs>{_SEC}(?: ?(?:,|och|eller|[{_DASH}]) ?{_SEC})*) ?(?:§§|§)"
_GROUP = re.compile(rf"(?<![\w§])(?:(?P<chapter>\d{{1,3}}(?: ?[a-z])?) ?kap\.? ?)?{_SECS}")
_GROUP_SEP = re.compile(r"(?:, ?| och | samt | eller )")


@dataclass(frozen=True)
class _LawNames:
    """The patterns for laws named by name or abbreviation, made from the laws the knowledge files list."""

    name: re.Pattern[str]  # "hälso- och sjukvårdslagen (2017:30) (HSL)"
    after: re.Pattern[str]  # what names the law after a provision: "… § HSL", "… § lagen (2019:1)"
    abbreviation: re.Pattern[str]
    abbreviation_starts: tuple[re.Pattern[str], tuple[int, ...]]
    by_name: tuple[tuple[re.Pattern[str], str], ...]  # each law's name pattern and SFS number
    by_abbreviation: dict[str, str]


_NEVER = "(?!)"


@cache
def _law_names(laws: tuple[Law, ...]) -> _LawNames:
    names = [(law_regex(n), law.sfs) for law in laws for n in law.names]
    by_abbreviation = {law.abbreviation: law.sfs for law in laws if law.abbreviation}
    abbr = "|".join(sorted(by_abbreviation, key=len, reverse=True)) or _NEVER
    by_first: dict[str, list[str]] = {}  # each opens "[hH]…": grouped by it, re tries at a word only its names
    for rx, _ in names:
        by_first.setdefault(rx[:4], []).append(rx[4:])
    grouped = "|".join(f"(?:{head}(?:{'|'.join(rests)}))" for head, rests in by_first.items())
    body = (
        rf"(?P<name>{grouped or _NEVER})(?P<gen>s)?(?![\w])"
        rf"(?: ?{_PAREN_SFS})?(?:,? ?\(?(?P<abbr>{abbr})\)?(?![\w]))?"
    )
    first = "".join(sorted({c for rx, _ in names for c in rx[1:3]}))  # each opens "[hH]…": either case
    lookahead = rf"(?=[{first}])" if first else ""  # see with_first_letters
    return _LawNames(
        name=re.compile(lookahead + r"(?<![\w-])" + body),
        after=re.compile(
            rf" ?(?:i |enligt )?(?:(?P<abbr0>{abbr})(?![\w])|{body}|"
            rf"(?:[Ll]agen|[Ff]örordningen) {_PAREN_SFS.replace('sfsyear', 'y2').replace('sfsnum', 'n2')}|"
            rf"SFS (?P<y3>{_YEAR}):(?P<n3>\d{{1,4}}))"
        ),
        abbreviation=re.compile(rf"(?<![\w-])(?P<abbr>{abbr})(?![\w])"),
        abbreviation_starts=(re.compile(abbr), (0,)),
        by_name=tuple((re.compile(rx), sfs) for rx, sfs in names),
        by_abbreviation=by_abbreviation,
    )


@dataclass(frozen=True)
class _AgreementNames:
    """One pattern for every agreement title the knowledge files list: group ag{i}o for a name that names
    title i outright, ag{i}r for one that does so only after "överenskommelse" or with a year."""

    title: re.Pattern[str]
    titles: tuple[AgreementTitle, ...]
    anchors: tuple[tuple[str, int], ...]  # a word of each name and its place in it (flat text: single spaces)

    def found_in(self, text: str) -> Iterator[re.Match[str]]:
        """The matches `title.finditer(text)` gives; in a long text tried only where a name's word puts a
        start, as the letters names open with are at almost every position."""
        if len(text) < _SHORT:
            yield from self.title.finditer(text)
            return
        candidates: set[int] = set()
        for word, offset in self.anchors:
            at = text.find(word)
            while at != -1:
                if at >= offset:
                    candidates.add(at - offset)
                at = text.find(word, at + 1)
        yield from _matches_from(self.title, text, candidates)

    def matched(self, m: re.Match[str]) -> tuple[AgreementTitle, bool]:
        """The title a match names, and whether it names it outright."""
        group = next(k for k, v in m.groupdict().items() if v is not None and k.startswith("ag"))
        return self.titles[int(group[2:-1])], group.endswith("o")


@cache
def _agreement_names(titles: tuple[AgreementTitle, ...]) -> _AgreementNames:
    branches, groups = [], []
    for i, t in enumerate(titles):
        for kind, names in (("o", t.outright), ("r", t.reading)):
            if names:
                each = [title_regex(n) for n in sorted(names, key=len, reverse=True)]
                branches += each  # one by one: with_first_letters reads the letter each opens with
                groups.append(f"(?P<ag{i}{kind}>{'|'.join(each)})")
    alternation = "|".join(groups) or _NEVER
    anchors = tuple(_anchor(n) for t in titles for n in (*t.outright, *t.reading))
    return _AgreementNames(re.compile(with_first_letters(alternation, branches)), titles, anchors)


def _anchor(name: str) -> tuple[str, int]:
    """A word of `name` that any way of writing it holds as is, and where it stands: past the first
    letter (written in either case) and before any dash (written as any dash)."""
    plain = re.split(r"\s+[–—-]\s+", name)[0]
    words = plain.split(" ")
    at = 1
    best = (words[0][1:], 1)
    for i, word in enumerate(words):
        piece = word[1:] if i == 0 else word
        if "-" in piece:
            break  # "hälso- och" may be written "hälso-och": what follows has no fixed place
        if len(piece) > len(best[0]):
            best = (piece, at)
        at += len(piece) + 1
    return best


_LAST: list[tuple[Knowledge, _LawNames, _AgreementNames]] = []  # the knowledge last asked about: one look per call


def _known() -> tuple[_LawNames, _AgreementNames]:
    known = knowledge()
    if not _LAST or _LAST[0][0] is not known:
        _LAST[:] = [(known, _law_names(known.laws), _agreement_names(known.agreements))]
    return _LAST[0][1], _LAST[0][2]


def _laws_known() -> _LawNames:
    return _known()[0]


def _law_from(m: re.Match[str], laws: _LawNames) -> str | None:
    """The SFS number a law reference names: a number in parentheses beats the knowledge files."""
    groups = m.groupdict()
    for y, n in (("sfsyear", "sfsnum"), ("y2", "n2"), ("y3", "n3")):
        if groups.get(y):
            return f"{groups[y]}:{int(groups[n])}"
    if groups.get("name"):
        name = groups["name"]
        for rx, sfs in laws.by_name:
            if rx.fullmatch(name):
                return sfs
    for key in ("abbr", "abbr0"):
        if groups.get(key):
            return laws.by_abbreviation[groups[key]]
    return None


def _sections(text: str) -> list[str]:
    """'1 och 3' -> ['1', '3']; '2 a' -> ['2 a']; '2–4' -> ['2', '3', '4']."""
    out: list[str] = []
    parts = re.split(rf" ?(,|och|eller|[{_DASH}]) ?", text)
    for i in range(0, len(parts), 2):
        sec = parts[i].strip()
        m = re.fullmatch(r"(\d+) ?([a-z])?", sec)
        if not m:
            continue
        sec = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
        if i >= 2 and parts[i - 1] in _DASH and out and out[-1].isdigit() and sec.isdigit():
            first, last = int(out[-1]), int(sec)
            if 0 < last - first <= 20:
                out.extend(str(k) for k in range(first + 1, last))
        out.append(sec)
    return out


def _provisions(text: str) -> Iterator[Group]:
    if "§" not in text:
        return  # every provision is cited with its § (most texts have none)
    laws = _laws_known()
    pos = 0
    while (m := _GROUP.search(text, pos)) is not None:
        groups = [m]
        end = m.end()
        while (sep := _GROUP_SEP.match(text, end)) and (nxt := _GROUP.match(text, sep.end())):
            groups.append(nxt)
            end = nxt.end()
        law = laws.after.match(text, end)
        sfs_number = _law_from(law, laws) if law else None
        if law and sfs_number:
            end = law.end()
        chapter = None
        cands = []
        for g in groups:
            chapter = g.group("chapter") or (chapter if len(groups) > 1 else None)
            chap = re.sub(r"(\d) ?([a-z])", r"\1 \2", chapter) if chapter else None
            for sec in _sections(g.group("secs")):
                cands.append(
                    Candidate("PROVISION", m.start(), end, {"chapter": chap, "section": sec, "sfs": sfs_number})
                )
        if cands:
            yield cands
        pos = end


def _simple(kind: str, pattern: re.Pattern[str], text: str, more: bool = True) -> Iterator[Group]:
    for m in _scan(pattern, text):
        group = [Candidate(kind, m.start(), m.end(), {"year": m.group("year"), "number": m.group("number")})]
        end = m.end()
        while more and (nxt := _MORE.match(text, end)):
            group.append(
                Candidate(
                    kind, nxt.start("year"), nxt.end(), {"year": nxt.group("year"), "number": nxt.group("number")}
                )
            )
            end = nxt.end()
        yield group


def _session(m: re.Match[str]) -> dict[str, str] | None:
    """Year, two-digit second year and number of a proposition, if the session is two consecutive years."""
    year, short = int(m.group("year")), m.group("short")
    if (int(short) - year - 1) % (10000 if len(short) == 4 else 100) != 0:
        return None
    if m.group("s1") == ":" and m.group("s2") == ":":
        return None
    short = short if len(short) == 2 or year == 1999 else short[2:]
    return {"year": str(year), "short": short, "number": m.group("number")}


def _propositions(text: str) -> Iterator[Group]:
    for m in _BARE_SESSION.finditer(text):
        if (data := _session(m)) and _PROP_WORD.search(text, max(0, m.start() - _PROP_TITLE_REACH), m.start()):
            yield [Candidate("PROP", m.start() + 1, m.end() - 1, data)]
    for head in _scan(_PROP_HEAD, text):
        m = _SESSION.match(text, head.end())
        data = _session(m) if m else None
        if m is None or data is None:
            continue
        group = [Candidate("PROP", head.start(), m.end(), data)]
        end = m.end()
        while (
            (sep := _PROP_MORE.match(text, end)) and (nxt := _SESSION.match(text, sep.end())) and (d := _session(nxt))
        ):
            group.append(Candidate("PROP", nxt.start(), nxt.end(), d))
            end = nxt.end()
        yield group


def _kommittes(text: str) -> Iterator[Group]:
    for m in _scan(_KOMMITTE, text):
        yield [
            Candidate(
                "KOMMITTE",
                m.start(),
                m.end(),
                {"department": m.group("department"), "number": f"{m.group('year')}:{m.group('number')}"},
            )
        ]
    for m in _BARE_KOMMITTE.finditer(text):
        if _INQUIRY_CONTEXT.search(text, max(0, m.start() - 120), m.start()):
            yield [
                Candidate("KOMMITTE", m.start() + 1, m.end() - 1, {"number": f"{m.group('year')}:{m.group('number')}"})
            ]


def _diarienummer(text: str) -> Iterator[Group]:
    for m in _scan(_DNR_GOV, text):
        ident = f"{m.group('department')}{m.group('year')}/{m.group('number')}"
        ident += f"/{m.group('unit')}" if m.group("unit") else ""
        yield [Candidate("DIARIENUMMER", m.start(), m.end(), {"id": ident})]
    for m in _scan(_DNR_LOCAL, text):
        ident = f"{m.group('head')}-{m.group('number')}/{m.group('year')}"
        yield [Candidate("DIARIENUMMER", m.start("head"), m.end(), {"id": ident})]


def _laws(text: str) -> Iterator[Group]:
    for m in _scan(_SFS, text):
        yield [Candidate("SFS", m.start(), m.end(), {"sfs": f"{m.group('year')}:{int(m.group('number'))}"})]
    laws = _laws_known()
    found = itertools.chain(
        laws.name.finditer(text), _numbered_laws(text), _scan(laws.abbreviation, text, laws.abbreviation_starts)
    )
    for m in found:
        yield [Candidate("LAW", m.start(), m.end(), {"sfs": _law_from(m, laws), "name": m.group(0)})]


def _numbered_laws(text: str) -> Iterator[re.Match[str]]:
    """`_NUMBERED_LAW.finditer(text)`, in a long text tried only where a match can start."""
    if len(text) < _SHORT:
        yield from _NUMBERED_LAW.finditer(text)
        return
    end = 0
    for hit in _NUMBERED_LAW_END.finditer(text):
        word = _LETTERS_UP_TO.search(text, max(end, hit.start() - 200), hit.start())
        start = word.start() if word else hit.start()
        if start >= end and (m := _NUMBERED_LAW.match(text, start)) is not None:
            end = m.end()
            yield m


def _agreement_data(names: _AgreementNames, m: re.Match[str], year: str | None) -> dict[str, Any]:
    a, _ = names.matched(m)
    key = re.sub(r"^en ", "", " ".join(m.group(0).lower().split()))
    return {"slug": a.slug, "label": a.label, "yearly": a.yearly, "year": year, "key": key}


def _agreements(text: str) -> Iterator[Group]:
    names = _known()[1]
    for trig in _scan(_AG_TRIGGER, text):
        title = names.title.match(text, trig.end())
        if title is None:
            continue
        year = _AG_YEAR.match(text, title.end())
        signed = None if year or trig.group("tyear") else _AG_SIGNED_IN.match(text, title.end())
        written = year.group("year") if year else trig.group("tyear") or (signed and signed.group("year"))
        data = _agreement_data(names, title, written)
        yield [Candidate("AGREEMENT", trig.start(), year.end() if year else title.end(), data)]
    for title in names.found_in(text):
        year = _AG_YEAR.match(text, title.end())
        if names.matched(title)[1] or year:
            data = _agreement_data(names, title, year.group("year") if year else None)
            yield [Candidate("AGREEMENT", title.start(), year.end() if year else title.end(), data)]
    for m in _scan(_AG_YEARLESS, text):
        yield [Candidate("AGREEMENT", m.start(), m.end(), {"slug": None, "year": m.group("year"), "key": None})]
    for m in _scan(_AG_GENERIC, text):
        title = m.group("title")
        yield [
            Candidate(
                "AGREEMENT",
                m.start(),
                m.end(),
                {"slug": slugify(title), "label": title, "yearly": True, "year": m.group("year"), "key": None},
            )
        ]
    for m in _scan(_AG_SAMVERKAN, text):
        title = "Överenskommelse om " + m.group("title")[0].lower() + m.group("title")[1:]
        yield [
            Candidate("AGREEMENT", m.start(), m.end(), {"slug": None, "label": title, "key": None, "regional": True})
        ]
    for m in _scan(_HOS_AVTAL, text):
        yield [
            Candidate(
                "AGREEMENT",
                m.start(),
                m.end(),
                {"slug": None, "label": "Hälso- och sjukvårdsavtalet", "key": None, "regional": True},
            )
        ]


_RULES = (_provisions, _propositions, _kommittes, _diarienummer, _laws, _agreements)


def match_all(text: str) -> list[Candidate]:
    """All candidates, overlaps settled (longest stretch first, then earliest), in text order."""
    groups: list[Group] = [g for rule in _RULES for g in rule(text)]
    groups += list(_simple("SOU", _SOU, text)) + list(_simple("DS", _DS, text)) + list(_simple("DIR", _DIR, text))
    starts: list[int] = []  # the stretches taken, disjoint and sorted: one bisect tells an overlap
    ends: list[int] = []
    kept: list[Candidate] = []
    for group in sorted(groups, key=lambda g: (-(max(c.end for c in g) - min(c.start for c in g)), g[0].start)):
        lo, hi = min(c.start for c in group), max(c.end for c in group)
        i = bisect.bisect_left(starts, hi)  # stretches starting before hi; only the last can reach past lo
        if i > 0 and ends[i - 1] > lo:
            continue
        starts.insert(i, lo)
        ends.insert(i, hi)
        kept.extend(group)
    return sorted(kept, key=lambda c: (c.start, c.end))

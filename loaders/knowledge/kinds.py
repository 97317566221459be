"""What kind of body a Swedish name stands for, by the convention of its head word.

Swedish names a body by a compound whose last part says what it is: "Socialnämnden" and "Kommunstyrelsen"
are political committees and boards, "Regionens samverkansråd" and "Delregional vårdsamverkan Fyrbodal" are
collaboration bodies, "Sveriges läkarförbund" is an association, "Skolverket" and "Inspektionen för vård och
omsorg" are government agencies. The head word is the last word before the first preposition ("Samråd för
pensionärsorganisationer för norra hälso- och sjukvårdsnämnden" is a samråd, not a nämnd); the first word from
the right that follows a convention decides. The table is Swedish grammar, not any document's facts; a name it
does not settle is an organisation of no known kind, never guessed.
"""

from __future__ import annotations

import re

from proveniens.loaders.knowledge.model import BodyKind

# (stems of a head word, the kind it names), most specific first. A stem may take the definite ending
# ("nämnden", "rådet"), not the plural: "kommunerna i Västra Götaland" are several bodies, not one of a kind.
CONVENTIONS: tuple[tuple[tuple[str, ...], BodyKind], ...] = (
    (("nätverk",), BodyKind.COLLABORATION),  # before "verk": a network is not an agency
    (("kommunalförbund", "kommunförbund"), BodyKind.FORMAL),  # a federation of municipalities: a legal entity
    (("samverkansråd", "samverkansorgan", "samrådsorgan", "samråd", "råd", "samverkan", "grupp"),
     BodyKind.COLLABORATION),
    (("nämnd", "styrelse", "utskott", "beredning", "fullmäktige", "presidium"), BodyKind.COMMITTEE),
    (("myndighet", "verket", "inspektion", "ombudsman", "kommission"), BodyKind.AGENCY),
    (("förbund", "förening"), BodyKind.ASSOCIATION),
    (("kommun", "region"), BodyKind.FORMAL),  # an unknown one: the 290 and 21 are in the knowledge
)  # fmt: skip

_ENDINGS = r"(?:en|et|n)?"
_PATTERNS = tuple(
    (re.compile(rf"(?:{'|'.join(sorted(stems, key=len, reverse=True))}){_ENDINGS}$"), kind)
    for stems, kind in CONVENTIONS
)
_PREPOSITION = re.compile(r"\s(?:för|i|mellan|inom|om|på|vid|med|till|från|av|under|kring)\s", re.IGNORECASE)


def kind_of_name(name: str) -> BodyKind:
    """The kind a body's Swedish name states by convention; BodyKind.ORGANIZATION when it states none."""
    head = _PREPOSITION.split(" " + " ".join(name.split()) + " ", maxsplit=1)[0]
    for word in reversed(re.findall(r"[\wÅÄÖåäö-]+", head.casefold())):
        for pattern, kind in _PATTERNS:
            if pattern.search(word):
                return kind
    return BodyKind.ORGANIZATION


def issuer_kind(name: str) -> BodyKind:
    """The kind of a body that issues a document in its own name (a report, a remiss response): what its name
    states, else a formal organisation — whoever answers or publishes in its own name is a legal entity."""
    kind = kind_of_name(name)
    return BodyKind.FORMAL if kind is BodyKind.ORGANIZATION else kind

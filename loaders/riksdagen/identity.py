"""Which Riksdag document a record or reference names, and its IRI and printed identifier.

Identity is built from riksmöte + document type + beteckning, never from `dok_id` (its pattern is
observed, not documented). IRIs follow the lagen.nu forms the product already uses for propositions
(`prop/2019/20:8`): `bet/2019/20:CU5`, `rskr/2019/20:78`, `mot/2019/20:3409`, and `skr/2018/19:113`
for a government skrivelse, which Riksdagen files under doktyp `prop` with subtyp `skr`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from rdflib import URIRef

from proveniens.loaders.citations.find import prop
from proveniens.namespaces import INST, PV, RPUBL


class Kind(Enum):
    """A kind of Riksdag document: its IRI path, how it is printed, and its class."""

    PROP = ("prop", "Prop.", RPUBL.Proposition)
    SKR = ("skr", "Skr.", RPUBL.Skrivelse)
    BET = ("bet", "Bet.", PV.CommitteeReport)
    MOT = ("mot", "Mot.", PV.Motion)
    RSKR = ("rskr", "Rskr.", PV.RiksdagLetter)

    def __init__(self, path: str, printed: str, cls: URIRef) -> None:
        self.path, self.printed, self.cls = path, printed, cls


_SESSION = re.compile(r"(?P<year>(?:19|20)[0-9]{2})/(?P<short>[0-9]{2}|(?:19|20)[0-9]{2})")
_BETECKNING = re.compile(r"[0-9A-Za-zÅÄÖåäö]+")


@dataclass(frozen=True)
class DocumentId:
    """One Riksdag document: kind, riksmöte ("2019/20") and beteckning ("8", "CU5")."""

    kind: Kind
    session: str
    beteckning: str

    @property
    def iri(self) -> URIRef:
        if self.kind is Kind.PROP:
            year, short = self.session.split("/")
            return prop(year, short, self.beteckning)[1]
        return INST[f"{self.kind.path}/{self.session}:{self.beteckning}"]

    @property
    def identifier(self) -> str:
        return f"{self.kind.printed} {self.session}:{self.beteckning}"


def document_id(doktyp: str, subtyp: str, session: str, beteckning: str) -> DocumentId | None:
    """The document a record or reference names; None for what the graph does not hold (protocols,
    lists) or an identity that does not read as one (a riksmöte or beteckning of another form)."""
    kind = _kind(doktyp.lower(), subtyp.lower())
    session, beteckning = session.strip(), beteckning.strip()
    if kind is None or not _SESSION.fullmatch(session) or not _BETECKNING.fullmatch(beteckning):
        return None
    if kind in (Kind.PROP, Kind.SKR, Kind.MOT, Kind.RSKR):
        if not beteckning.isdigit() or int(beteckning) == 0:
            return None
        beteckning = str(int(beteckning))
    return DocumentId(kind, session, beteckning)


def _kind(doktyp: str, subtyp: str) -> Kind | None:
    if doktyp == "prop":
        return Kind.SKR if subtyp == "skr" else Kind.PROP
    return {"skr": Kind.SKR, "bet": Kind.BET, "mot": Kind.MOT, "rskr": Kind.RSKR}.get(doktyp)

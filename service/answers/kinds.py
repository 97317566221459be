"""What kind of thing a resource is, and what a link is called in Swedish and English.

The answers carry both: a resource's `kind` (the most specific class it has, as a short key) and each
property's name in both languages (`Labels`), so a page in either language, and an API client, can
name them without asking again. How a page words a kind is the pages' word table.
"""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, PROV, SKOS

from proveniens.namespaces import ELI, ELI_DL, ORG, PV, RPUBL

# Resource kinds, most specific first: a resource's kind is the first whose class it has.
KINDS: tuple[tuple[str, str], ...] = (
    (str(PV.AgreementElement), "clause"),
    (str(PV.Decision), "decision"),
    (str(PV.AgendaItem), "agenda-item"),
    (str(PV.Meeting), "meeting"),
    (str(FOAF.Person), "person"),
    (str(PV.CollaborationBody), "body"),
    (str(PV.Inquiry), "inquiry"),
    (str(RPUBL.Utredningsbetankande), "sou"),
    (str(PV.Proposal), "proposal"),
    (str(RPUBL.Kommittedirektiv), "directive"),
    (str(RPUBL.Proposition), "proposition"),
    (str(RPUBL.Skrivelse), "skrivelse"),
    (str(PV.Motion), "motion"),
    (str(PV.CommitteeReport), "committee-report"),
    (str(PV.DecisionPoint), "decision-point"),
    (str(PV.Vote), "vote"),
    (str(PV.Ballot), "ballot"),
    (str(PV.Reservation), "reservation"),
    (str(PV.RiksdagLetter), "riksdag-letter"),
    (str(ELI_DL.Activity), "riksdag-step"),
    (str(PV.RiksdagDecision), "riksdag-decision"),
    (str(PV.Provision), "provision"),
    (str(RPUBL.Lag), "law"),
    (str(PV.AgreementPart), "agreement-part"),
    (str(PV.HealthCareAgreement), "agreement"),
    (str(PV.GovernmentAgreement), "agreement"),
    (str(PV.Agreement), "agreement"),
    (str(PV.Strategy), "strategy"),
    (str(PV.RemissResponse), "remiss-response"),
    (str(PV.RemissRound), "remiss-round"),
    (str(PV.Position), "position"),
    (str(PV.Report), "report"),
    (str(PV.GovernmentAssignment), "assignment"),
    (str(PV.PoliticalParty), "party"),
    (str(PV.Committee), "organisation"),
    (str(PV.Agency), "organisation"),
    (str(PV.Association), "organisation"),
    (str(ORG.FormalOrganization), "organisation"),
    (str(ORG.OrganizationalUnit), "organisation"),
    (str(ORG.Organization), "organisation"),
    (str(PV.MeetingParticipation), "participation"),
    (str(ORG.Membership), "membership"),
    (str(SKOS.Concept), "concept"),
    (str(PV.SourceDocument), "source"),
)

# Names of the links as a reader says them; other properties use the ontology's rdfs:label.
LINK_NAMES: dict[str, dict[str, str]] = {
    str(PV.follows): {"sv": "följer", "en": "follows"},
    str(RPUBL.utgarFran): {"sv": "utgår från", "en": "builds on"},
    str(RPUBL.forarbete): {"sv": "förarbete", "en": "preparatory work"},
    str(PV.inquiry): {"sv": "utredning", "en": "inquiry"},
    str(PV.directive): {"sv": "direktiv", "en": "directive"},
    str(DCTERMS.replaces): {"sv": "ersätter", "en": "replaces"},
    str(PROV.wasInfluencedBy): {"sv": "påverkad av", "en": "influenced by"},
    str(ELI_DL.decided_on_a_realization_of): {"sv": "beslut om", "en": "decision on"},
    str(PV.handles): {"sv": "behandlar", "en": "handles"},
    str(PV.respondsTo): {"sv": "svarar på", "en": "responds to"},
    str(DCTERMS.isPartOf): {"sv": "ingår i", "en": "part of"},
    str(ELI.is_part_of): {"sv": "ingår i", "en": "part of"},
    str(PV.concerns): {"sv": "gäller", "en": "concerns"},
    str(DCTERMS.references): {"sv": "hänvisar till", "en": "references"},
    str(PV.onProposal): {"sv": "om förslaget", "en": "on the proposal"},
    str(PV.position): {"sv": "ståndpunkt", "en": "position"},
}


def kind_of(types: list[str] | set[str] | tuple[str, ...]) -> str:
    """The most specific kind among a resource's rdf:types, or "other"."""
    present = set(types)
    return next((kind for cls, kind in KINDS if cls in present), "other")


def link_name(lang: str, prop: str, fallback: dict[str, str | None] | None = None) -> str:
    """What to call property `prop`: ours, else the ontology's label in `lang`, else its local name."""
    if prop in LINK_NAMES:
        return LINK_NAMES[prop][lang if lang in ("sv", "en") else "sv"]
    if fallback:
        label = fallback.get(lang) or fallback.get("sv") or fallback.get("en")
        if label:
            return label
    return prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

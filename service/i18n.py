"""The words of the pages in Swedish and English, the kinds of resources, and the names of the links.

A page asks `t(lang, key)`; a missing English string falls back to Swedish, a missing key shows the
key itself (so a gap is visible, never an error).
"""

from __future__ import annotations

from rdflib import DCTERMS, FOAF, PROV, SKOS

from proveniens.namespaces import ELI, ELI_DL, ORG, PV, RPUBL

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "site.title": "Proveniens",
        "site.tagline": "Varifrån kommer reformen God och nära vård? Varje länk med sina belägg.",
        "nav.home": "Start",
        "nav.sparql": "Frågeredigerare (SPARQL)",
        "nav.api": "API",
        "lang.switch": "English",
        "search.label": "Sök bland namn, titlar och beteckningar",
        "search.placeholder": "t.ex. fast vårdkontakt, SOU 2020:19, Nergårdh",
        "search.button": "Sök",
        "search.results": "Träffar för",
        "search.none": "Inga träffar.",
        "search.matched": "träff på",
        "timeline.title": "Reformens tidslinje",
        "timeline.range": "någon gång",
        "timeline.empty": "Inga daterade händelser i grafen.",
        "resource.facts": "Uppgifter",
        "resource.property": "Egenskap",
        "resource.value": "Värde",
        "resource.links": "Länkar och belägg",
        "resource.attested": "Belägg för uppgifterna",
        "resource.incoming": "Pekar hit",
        "resource.iri": "IRI",
        "resource.data": "Som data",
        "lineage.title": "Härkomst",
        "lineage.intro": (
            "Vad detta vilar på, steg för steg, tillbaka till förslag, SOU:er, utredningar, direktiv, "
            "propositioner och lagar."
        ),
        "lineage.none": "Grafen har inga länkar bakåt från detta.",
        "source.minutes": "minnesanteckningar",
        "source.remiss": "remissvar",
        "source.on": "på",
        "lineage.how": (
            "Klicka på en ruta för att öppna dess sida, på en pil för dess belägg. Dra för att flytta bilden."
        ),
        "lineage.zoom_in": "Förstora",
        "lineage.zoom_out": "Förminska",
        "lineage.fit": "Visa hela bilden",
        "lineage.show_context": "Visa sammanhang",
        "lineage.hide_context": "Dölj sammanhang",
        "lineage.context": "Sammanhang: vad samma utredningar och betänkanden ledde till (inte något detta vilar på).",
        "lineage.legend.stated": "källan säger det",
        "lineage.legend.inferred": "kurator har dragit slutsatsen",
        "lineage.legend.none": "inget belägg registrerat",
        "lineage.legend.context": "sammanhang",
        "lineage.hops": "Stegen med belägg",
        "lineage.graph": "Härkomstbild",
        "impact.title": "Vad det ledde till",
        "impact.none": "Grafen har inget som bygger på detta.",
        "evidence.title": "Belägg",
        "evidence.for": "Belägg för länken",
        "evidence.quote": "Citat",
        "evidence.source": "Källa",
        "evidence.lines": "rader",
        "evidence.line": "rad",
        "evidence.none": "Inget belägg registrerat för länken.",
        "evidence.note": "Kurators anteckning",
        "evidence.open": "Visa i källan",
        "assertion.stated": "uttalat",
        "assertion.inferred": "slutsats",
        "assertion.none": "utan belägg",
        "source.title": "Källdokument",
        "source.lines": "rader",
        "source.mismatch": (
            "Filen på disk skiljer sig från den som byggdes in i grafen (SHA-256). Raderna kan ha flyttats."
        ),
        "source.missing": (
            "Källtexten finns inte på den här servern; grafen känner filen men mappen med källor saknar den."
        ),
        "source.cites": "Belägg i denna fil",
        "source.highlighted": "Markerade rader",
        "person.roles": "Roller och närvaro",
        "person.membership": "uppdrag",
        "person.attendance": "sammanträde",
        "person.presenter": "föredragande",
        "body.decisions": "Beslut",
        "meeting.items": "Dagordning och beslut",
        "meeting.participants": "Närvaro",
        "remiss.title": "Remissvar",
        "remiss.none": "Inga remissvar i grafen.",
        "col.date": "Datum",
        "col.what": "Vad",
        "col.kind": "Slag",
        "col.role": "Roll",
        "col.in": "I",
        "col.period": "Period",
        "col.decision": "Beslut",
        "col.item": "Punkt",
        "col.stance": "Ståndpunkt",
        "col.proposal": "Förslag",
        "col.from": "Från",
        "col.link": "Länk",
        "col.to": "Till",
        "error.title": "Något saknas",
        "editor.title": "Frågeredigerare",
        "editor.intro": (
            "Skriv SPARQL mot samma slutpunkt som tjänsten använder (/sparql). Flikarna är de namngivna frågorna "
            "med ett exempel ifyllt; parametrarna står i VALUES-raden överst."
        ),
        "editor.named": "Namngivna frågor",
        "footer.data": "Data: SPARQL-slutpunkt på /sparql, JSON på /api, dokumentation på /docs.",
    },
    "en": {
        "site.title": "Proveniens",
        "site.tagline": "Where does the God och nära vård reform come from? Every link with its evidence.",
        "nav.home": "Home",
        "nav.sparql": "Query editor (SPARQL)",
        "nav.api": "API",
        "lang.switch": "Svenska",
        "search.label": "Search names, titles and identifiers",
        "search.placeholder": "e.g. fast vårdkontakt, SOU 2020:19, Nergårdh",
        "search.button": "Search",
        "search.results": "Results for",
        "search.none": "No results.",
        "search.matched": "matched",
        "timeline.title": "Timeline of the reform",
        "timeline.range": "some time in",
        "timeline.empty": "No dated events in the graph.",
        "resource.facts": "Facts",
        "resource.property": "Property",
        "resource.value": "Value",
        "resource.links": "Links and evidence",
        "resource.attested": "Evidence for the facts",
        "resource.incoming": "Points here",
        "resource.iri": "IRI",
        "resource.data": "As data",
        "lineage.title": "Lineage",
        "lineage.intro": (
            "What this rests on, hop by hop, back to proposals, SOUs, inquiries, directives, propositions and "
            "laws."
        ),
        "lineage.none": "The graph has no links back from this.",
        "source.minutes": "minutes",
        "source.remiss": "remiss response",
        "source.on": "on",
        "lineage.how": "Click a box to open its page, an arrow for its evidence. Drag to move the picture.",
        "lineage.zoom_in": "Zoom in",
        "lineage.zoom_out": "Zoom out",
        "lineage.fit": "Show the whole picture",
        "lineage.show_context": "Show context",
        "lineage.hide_context": "Hide context",
        "lineage.context": "Context: what the same inquiries and reports led to (not something this rests on).",
        "lineage.legend.stated": "the source states it",
        "lineage.legend.inferred": "a curator inferred it",
        "lineage.legend.none": "no evidence recorded",
        "lineage.legend.context": "context",
        "lineage.hops": "The hops with their evidence",
        "lineage.graph": "Lineage picture",
        "impact.title": "What came of it",
        "impact.none": "Nothing in the graph builds on this.",
        "evidence.title": "Evidence",
        "evidence.for": "Evidence for the link",
        "evidence.quote": "Quote",
        "evidence.source": "Source",
        "evidence.lines": "lines",
        "evidence.line": "line",
        "evidence.none": "No evidence recorded for this link.",
        "evidence.note": "Curator's note",
        "evidence.open": "Show in the source",
        "assertion.stated": "stated",
        "assertion.inferred": "inferred",
        "assertion.none": "no evidence",
        "source.title": "Source document",
        "source.lines": "lines",
        "source.mismatch": (
            "The file on disk differs from the one built into the graph (SHA-256). Lines may have moved."
        ),
        "source.missing": (
            "The source text is not on this server: the graph knows the file but the sources folder lacks it."
        ),
        "source.cites": "Evidence in this file",
        "source.highlighted": "Highlighted lines",
        "person.roles": "Roles and attendance",
        "person.membership": "role",
        "person.attendance": "meeting",
        "person.presenter": "presenter",
        "body.decisions": "Decisions",
        "meeting.items": "Agenda and decisions",
        "meeting.participants": "Attendance",
        "remiss.title": "Remiss responses",
        "remiss.none": "No remiss responses in the graph.",
        "col.date": "Date",
        "col.what": "What",
        "col.kind": "Kind",
        "col.role": "Role",
        "col.in": "In",
        "col.period": "Period",
        "col.decision": "Decision",
        "col.item": "Item",
        "col.stance": "Stance",
        "col.proposal": "Proposal",
        "col.from": "From",
        "col.link": "Link",
        "col.to": "To",
        "error.title": "Something is missing",
        "editor.title": "Query editor",
        "editor.intro": (
            "Write SPARQL against the same endpoint the service uses (/sparql). The tabs are the named queries "
            "with an example filled in; their parameters are in the VALUES line at the top."
        ),
        "editor.named": "Named queries",
        "footer.data": "Data: SPARQL endpoint at /sparql, JSON at /api, documentation at /docs.",
    },
}

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

KIND_NAMES: dict[str, dict[str, str]] = {
    "sv": {
        "clause": "avtalsdel", "decision": "beslut", "agenda-item": "dagordningspunkt", "meeting": "sammanträde",
        "person": "person", "body": "samverkansorgan", "inquiry": "utredning", "sou": "SOU", "proposal": "förslag",
        "directive": "direktiv", "proposition": "proposition", "riksdag-decision": "riksdagsbeslut",
        "provision": "lagrum", "law": "lag", "agreement-part": "avtalsdel (A/B/C)", "agreement": "överenskommelse",
        "strategy": "strategi", "remiss-response": "remissvar", "remiss-round": "remiss", "position": "ståndpunkt",
        "report": "rapport", "assignment": "regeringsuppdrag", "organisation": "organisation",
        "participation": "deltagande", "membership": "uppdrag", "concept": "begrepp", "source": "källdokument",
        "other": "resurs",
    },
    "en": {
        "clause": "agreement clause", "decision": "decision", "agenda-item": "agenda item", "meeting": "meeting",
        "person": "person", "body": "collaboration body", "inquiry": "inquiry", "sou": "SOU", "proposal": "proposal",
        "directive": "directive", "proposition": "government bill", "riksdag-decision": "Riksdag decision",
        "provision": "provision", "law": "law", "agreement-part": "agreement part", "agreement": "agreement",
        "strategy": "strategy", "remiss-response": "remiss response", "remiss-round": "remiss round",
        "position": "position", "report": "report", "assignment": "government assignment",
        "organisation": "organisation", "participation": "participation", "membership": "role",
        "concept": "concept", "source": "source document", "other": "resource",
    },
}

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
    str(PV.respondsTo): {"sv": "svarar på", "en": "responds to"},
    str(DCTERMS.isPartOf): {"sv": "ingår i", "en": "part of"},
    str(ELI.is_part_of): {"sv": "ingår i", "en": "part of"},
    str(PV.concerns): {"sv": "gäller", "en": "concerns"},
    str(DCTERMS.references): {"sv": "hänvisar till", "en": "references"},
    str(PV.onProposal): {"sv": "om förslaget", "en": "on the proposal"},
    str(PV.position): {"sv": "ståndpunkt", "en": "position"},
}


def pick_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(lang: str, key: str) -> str:
    return STRINGS.get(lang, {}).get(key) or STRINGS[DEFAULT_LANGUAGE].get(key) or key


def kind_of(types: list[str] | set[str] | tuple[str, ...]) -> str:
    """The most specific kind among a resource's rdf:types, or "other"."""
    present = set(types)
    return next((kind for cls, kind in KINDS if cls in present), "other")


def kind_name(lang: str, kind: str) -> str:
    return KIND_NAMES.get(lang, KIND_NAMES[DEFAULT_LANGUAGE]).get(kind, kind)


def link_name(lang: str, prop: str, fallback: dict[str, str | None] | None = None) -> str:
    """What to call property `prop`: ours, else the ontology's label in `lang`, else its local name."""
    if prop in LINK_NAMES:
        return LINK_NAMES[prop][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    if fallback:
        label = fallback.get(lang) or fallback.get("sv") or fallback.get("en")
        if label:
            return label
    return prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

"""The words a remiss response takes a position with, mapped to a stance.

Why a module of its own: responders word the same stance many ways ("tillstyrker", "välkomnar",
"ställer sig bakom", "är positivt till"; "avstyrker", "motsätter sig", "är kritisk till", "det är
beklagligt att"), and qualify it ("i huvudsak", "flera av", "men"). The stance is read from the
wording as written, which is kept beside it, so the mapping can be checked against the quote.
Support of an inquiry's aims or analysis rather than of its proposals ("delar utredningens
problembeskrivning", "positivt till utredningens intentioner") is support with reservations:
the responder backs the direction, not (yet) what is proposed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from proveniens.namespaces import PV

_ADVERBS = r"(?:(?:också|även|därför|nu|i grunden|sammanfattningsvis|huvudsakligen|i huvudsak|mycket|därmed|dock)\s+)*"
SUPPORT = re.compile(
    rf"\b(?:tillstyrker|styrker|välkomnar|stödjer|stöder|instämmer i)\b(?!\s+inte)|"
    r"\bhar\s+(?:inga\s+invändningar|inget\s+att\s+invända|ingen\s+erinran|inga\s+erinringar)\s+mot\b|"
    r"\butan\s+erinran\b|\bmotsätter\s+sig\s+inte\b|\bbedömer\s+det\s+(?:som\s+)?positivt\b|"
    rf"\bställ(?:er|t|de|a)\s+(?:sig\s+)?{_ADVERBS}(?:positiva?|bakom)\b|"
    rf"\bär\s+{_ADVERBS}positiva?t?\s+till\b|\bser\s+{_ADVERBS}positivt\s+på\b|"
    rf"\bdelar\s+(?!inte\b)(?:[A-ZÅÄÖ][\wåäöé-]*\s+){{0,3}}{_ADVERBS}(?:utredningens|förslaget|förslagen|bedömningen|uppfattningen|analysen)\b",
    re.IGNORECASE,
)
# Support denied is opposition: "tillstyrker inte", "kan inte ställa sig bakom"; doubt and concern
# ("är tveksam till", "ser med oro på") are read as opposition too, and marked as read from the wording.
OPPOSE = re.compile(
    rf"\b(?:avstyrker|motsätter\s+sig(?!\s+inte)|avvisar)\b|"
    rf"\bär\s+{_ADVERBS}(?:kritisk|kritiska|negativ|negativa|negativt|tveksam|tveksamma|tveksamt)\s+till\b|"
    rf"\bställer\s+sig\s+{_ADVERBS}(?:negativ|kritisk|tveksam)a?t?\b|\b(?:det|detta)\s+är\s+(?:mycket\s+)?beklagligt\b|"
    r"\binstämmer\s+inte\b|\bdelar\s+inte\b|\b(?:tillstyrker|stödjer|stöder|välkomnar)\s+inte\b|"
    r"\b(?:kan|vill)\s+inte\s+ställa\s+sig\s+bakom\b|\bställer\s+sig\s+inte\s+bakom\b|\bser\s+med\s+oro\s+på\b|"
    r"\b(?:(?:bör|ska|skall)\s+inte|inte\s+(?:bör|ska|skall))\s+(?:genomföras|införas|genomföra|införa)\b",
    re.IGNORECASE,
)
NO_OPINION = re.compile(
    r"\b(?:har|lämnar)\s+inga\s+(?:synpunkter|kommentarer)\b|\bavstår\s+från\s+att\s+(?:yttra|ta\s+ställning)",
    re.IGNORECASE,
)
# Qualifiers that make support partial; aims and analysis rather than proposals.
_PARTIAL = re.compile(
    r"\b(?:huvudsakligen|i huvudsak|i stort|i delar|delvis|flera av|vissa av|delar av|med (?:vissa )?"
    r"(?:reservationer?|förbehåll)|under förutsättning|men\b|dock\b)",
    re.IGNORECASE,
)
_AIMS = re.compile(r"\b(?:intention\w*|ambition\w*|målbild\w*|inriktning\w*|problembeskrivning\w*|analys\w*)\b",
                   re.IGNORECASE)  # fmt: skip
# What the stance is about ends at a second clause.
_OBJECT_END = re.compile(r",?\s+(?:samt|men|och redovisar|och efterlyser|eftersom|då)\s|[;:]|,\s+(?:men|vilket)\b")


@dataclass(frozen=True)
class Wording:
    """A stance read from a sentence: the stance, the words as written and what they are about."""

    stance: URIRef
    written: str
    start: int  # offset of the wording in the sentence
    end: int
    about: str  # the proposal as the sentence names it (may be empty)


def stance_in(sentence: str) -> Wording | None:
    """The stance a sentence takes, if it takes one; opposing wording wins, then declining to comment
    ("har inga synpunkter på"), then supporting."""
    m = OPPOSE.search(sentence)
    stance = PV.Opposes
    if m is None and (m := NO_OPINION.search(sentence)) is not None:
        stance = PV.NoOpinion
    if m is None:
        m = SUPPORT.search(sentence)
        if m is None:
            return None
        tail = sentence[m.end() :]
        partial = _PARTIAL.search(sentence) or _AIMS.search(tail[:80])
        stance = PV.SupportsWithReservations if partial else PV.Supports
    about = _about(sentence[m.end() :])
    return Wording(stance, m[0], m.start(), m.end(), about)


def _about(tail: str) -> str:
    """What follows the stance wording up to the end of its clause: 'de två scenarier för …'."""
    tail = re.sub(rf"^\s*{_ADVERBS}(?:(?:att|på|till|i|sig|bakom)\s+)?", "", tail)
    tail = re.sub(r"^(?:[A-ZÅÄÖ][\wåäöé-]*\s+){1,3}(?=[a-zåäö])", "", tail)  # the subject after a V2 verb
    if (cut := _OBJECT_END.search(tail)) is not None:
        tail = tail[: cut.start()]
    return tail.strip(" .,:;–-”\"")


def list_stance(lead: str) -> Wording | None:
    """The stance a lead sentence gives the list that follows it ('… är positivt till följande förslag:')."""
    return stance_in(lead) if lead.rstrip().endswith(":") else None

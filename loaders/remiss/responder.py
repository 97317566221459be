"""Who answers a remiss: the organisation that speaks in the response, whatever kind it is.

Why by grammar and not by a list: responders are municipalities, regions, agencies, associations
and unions, most of them unknown to the curated data. The responder is the organisation that is
the subject of the response's own verbs ("Vårdförbundet välkomnar", "Därför avstyrker
Läkarförbundet", "Sveriges läkarförbund har fått rubricerat betänkande på remiss", "SKR har skickat
in en skrivelse") or whose response a heading names ("SKRs yttrande"). Its spellings are gathered
("Sveriges läkarförbund", "Läkarförbundet"; "Funktionsrätt Sveriges" with a stray genitive) so the
fuller name is the preferred one and the others are alternative labels. The actors of the remiss
process itself (the inquiry, the government, the ministry) are never responders.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from proveniens.loaders.remiss.wording import OPPOSE, SUPPORT
from proveniens.loaders.text.document_text import sentence_spans
from proveniens.loaders.text.prose import Span

# A name: an acronym, or capitalised words (with "Sveriges"/"Svenska" + a lower-case noun, or a
# trailing "Sverige"), or "Region X" ("Region Örebro län"), "X kommun", "X stad".
_NAME = (
    r"(?:(?:Sveriges|Svenska|Svensk)[ \t]+[a-zåäö]+(?:förbund|förening|råd|sällskap)\w*|"
    r"Region[ \t]+[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+län)?|"
    r"[A-ZÅÄÖ][\wåäöé-]+[ \t]+för[ \t]+[a-zåäö-]+(?:[ \t]+och[ \t]+[a-zåäö-]+)?|"
    r"[A-ZÅÄÖ][\wåäöé-]+(?:[ \t]+(?:kommun|stad|Stad|län|Sverige|Sveriges|[A-ZÅÄÖ][\wåäöé-]+)){0,3}"
    r"(?:[ \t]+och[ \t]+[A-ZÅÄÖ][\wåäöé-]+)?|[A-ZÅÄÖ]{2,6}s?)"  # "Sveriges Kommuner och Regioner"
)
_OWN_VERBS = (
    r"(?:har|hade)\s+(?:nu\s+|därför\s+|också\s+)*(?:lämnat|skickat|svarat|yttrat|fått|ställt|inkommit|beretts|"
    r"getts|tagit\s+del|tagit\s+ställning|granskat)|"
    r"lämnar|svarar|yttrar|anser|menar|föreslår|vill|efterlyser|ser|är|ställer|välkomnar|tillstyrker|avstyrker|"
    r"delar|stödjer|motsätter"
)
_SUBJECT_FIRST = re.compile(rf"(?:^|(?<=[.:!?]\s)|(?<=\n))\s*(?P<name>{_NAME})\s+(?:{_OWN_VERBS})\b")
_SUBJECT_AFTER = re.compile(
    rf"\b(?:Därför|Här|Sammanfattningsvis|Dessutom|Därutöver|Vidare)\s+(?:{_OWN_VERBS})\s+(?P<name>{_NAME})\b"
)
_HEADING = re.compile(rf"^\s*(?P<name>{_NAME})s\s+(?:yttrande|remissvar|remissyttrande|synpunkter)\s*$", re.MULTILINE)
# The actors of the remiss process, and words that begin sentences: never the responder.
_NOT_RESPONDERS = re.compile(
    r"^(?:utredning\w*|utredare\w*|regering\w*|staten|riksdag\w*|\w*departement\w*|kommittén|betänkande\w*|"
    r"huvudbetänkande\w*|delbetänkande\w*|förslag\w*|det|den|detta|denna|dessa|vi|här|där|därför|men|dock|"
    r"sammanfattning\w*|remiss\w*|patient\w*|vården|primärvården|syftet|målet|hälso-|"
    r"regionen|kommunen|nämnden|myndigheten|förbundet|föreningen|styrelsen|förvaltningen|organisationen)$",
    re.IGNORECASE,
)


# How a responder speaks of itself: "vi", or its kind in the definite form ("Regionen tillstyrker").
_SELF = (
    r"\b(?:vi|förbundet|organisationen|föreningen|styrelsen|regionen|kommunen|nämnden|myndigheten|"
    r"förvaltningen|inspektionen|verket)\b"
)


@dataclass(frozen=True)
class Responder:
    """The responding organisation: its preferred name, other spellings and where it speaks."""

    name: str
    spellings: tuple[str, ...]
    span: Span  # a sentence in which it speaks


def _key(name: str) -> str:
    """One key for the spellings of a name: no 'Sveriges', no genitive or definite ending."""
    words = name.lower().split()
    if len(words) > 1 and words[0] in {"sveriges", "svenska"}:
        words = words[1:]
    last = re.sub(r"(?:ets|ens|et|en|s)$", "", words[-1]) if len(words[-1]) > 4 else words[-1]
    return " ".join([*words[:-1], last])


def _candidates(text: str) -> list[tuple[str, int, int]]:
    found = []
    for rx in (_HEADING, _SUBJECT_FIRST, _SUBJECT_AFTER):
        for m in rx.finditer(text):
            name = m["name"].strip()
            if not _NOT_RESPONDERS.match(name.split()[0]):
                found.append((name, m.start("name"), m.end("name")))
    return found


_INTRODUCED_WITHIN = 30_000  # a response says who answers at its top: a long one is not read to the end for it


def responder(text: str) -> Responder | None:
    """The organisation that answers in `text`, or None when no organisation speaks in it."""
    text = text[:_INTRODUCED_WITHIN]
    found = _candidates(text)
    if not found:
        return None
    keys = Counter(_key(name) for name, _, _ in found)
    best = max(keys, key=lambda k: (keys[k], -min(a for n, a, _ in found if _key(n) == k)))
    names = [n for n, _, _ in found if _key(n) == best]
    names += [m[0] for m in re.finditer(_NAME, text) if _key(m[0]) == best and m[0] not in names]
    spelled = [n for n in dict.fromkeys(names) if not (n.endswith("s") and n[:-1] in names)]  # genitives
    preferred = max(spelled, key=lambda n: (len(n.split()), len(n)))
    start = next(a for n, a, _ in found if _key(n) == best)
    span = next((s for s in sentence_spans(text) if s.start <= start < s.end), Span(start, start + len(names[0])))
    return Responder(preferred, tuple(n for n in spelled if n != preferred), span)


def speaks(sentence: str, who: Responder) -> bool:
    """Whether the responder (or 'vi', 'förbundet', …) is who takes the stance in `sentence`, or the
    sentence is an impersonal judgement ('Det är beklagligt att …') in the responder's text."""
    names = (who.name, *who.spellings)
    if any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names):
        return True
    if re.search(_SELF, sentence, re.IGNORECASE):
        return True
    judged = OPPOSE.search(sentence) or SUPPORT.search(sentence)
    return bool(re.match(r"\s*(?:Det|Detta)\s+är\b", sentence)) and judged is not None

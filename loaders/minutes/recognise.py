"""Whether a document is minutes or a notice of a meeting, scored on what it says rather than on one format.

Each kind of evidence adds to the score: a title that names the kind ("Protokoll", "Mötesanteckningar",
"Kallelse", "Sammanställning från …"), a roll call, presenters, decisions or proposals, meeting words
("sammanträdet", "vid mötet"), an agenda (numbered, "§ n" or introduced as "Agendan …"), a body that
decides ("Regionstyrelsen beslutade", "VVG noterar"). What remiss responses and reports say of
themselves ("Remissvar", "Yttrande över", "avstyrker", "Rapport 2020:3") counts against, so the
document is left to their loaders (two loaders for one document is an error).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from proveniens.loaders.minutes.text import is_organisation_like
from proveniens.loaders.text.dates import DAY_MONTH

THRESHOLD = 3
# Where the signals are looked for: a report that mentions a decision on page 40 is no minutes.
_OPENING_LINES = 200
_OPENING_CHARS = 30_000
_TITLE = re.compile(
    r"^\s*(?:\d+\s+)*(?:Mötesanteckning(?:ar)?|Minnesanteckning(?:ar)?|Protokoll|Anteckningar|Kallelse|"
    r"Sammanställning\s+från|Föredragningslista|Dagordning|Möteskallelse|Kungörelse)\b",
    re.IGNORECASE,
)
_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?:^|\s)(?:Närvarande|Ledamöter|Ersättare|Frånvarande|Ej närvarande|Anmält förhinder|Inbjudna|"
                r"Beslutande|Deltagare)\b\s*:?"), 2),
    (re.compile(r"(?:^|\s)(?:Föredragande|Föredragare)\b|\b(?:föredrar|går igenom)\b"), 1),
    (re.compile(r"(?:^|\s)(?:Ställningstagande|Beslut|Beslutet|Förslag till beslut)\s*:?(?:\s|$)"), 1),
    (re.compile(r"\b(?:sammanträde(?:t|s\w*)?|vid mötet|mötet\s+(?:beslutar|noterar)|Nästa möte|Mötesform)\b",
                re.IGNORECASE), 1),
    (re.compile(r"\b(?:Val av justerare|Justerare|justering|föregående protokoll|föredragningslista|Mötets öppnande|"
                r"Upprop|Övriga frågor|Mötets avslutande)\b", re.IGNORECASE), 1),
    (re.compile(r"(?:^|\n)\s*(?:[•*]\s*)?§\s*\d|\bAgendan?\b|\bDagordning\b"), 1),
    # A board, committee or council, or a body's abbreviation ("VVG noterar"), and a decision verb.
    (re.compile(r"(?:\b[A-ZÅÄÖ][\wåäö]*(?:styrelsen|nämnden|rådet|fullmäktige)|\b[A-ZÅÄÖ]{2,6})\s+(?:beslutade|beslutar|"
                r"ställer sig bakom|noterar|godkänner|tog ställning)\b|\btog\s+\w+\s+ställning\b"), 1),
)
_OTHER_KIND = re.compile(
    r"^\s*(?:Remissvar|Remissyttrande|Yttrande|Svar på remiss|Sammanfattning|Förord|Innehållsförteckning)\b"
    r"|\b(?:Rapport|PM)\s+\d{4}:\d+\b",
    re.IGNORECASE,
)
# A protocol extract that answers a remiss on an inquiry is read as the remiss response it records.
_ANSWERS_REMISS = re.compile(
    r"\b(?:Yttrande över|Remissvar på|Remissyttrande över|Svar på remiss(?:en)?)\b[^\n]*(?:\b(?:SOU|Ds)\s*\d{4}:\d+|"
    r"betänkande)",
    re.IGNORECASE,
)
_STANCE = re.compile(r"\b(?:tillstyrker|avstyrker)\b", re.IGNORECASE)
_NUMBERED_AGENDA = re.compile(r"(?m)^\s*1\s*[.)]\s+[A-ZÅÄÖ].*\n(?:.*\n){0,40}?\s*2\s*[.)]\s+[A-ZÅÄÖ]")


def recognition_score(lines: Sequence[str]) -> int:
    """How strongly the text reads as minutes or a notice (THRESHOLD or more: it does)."""
    head = [x for x in lines[:12] if x.strip() and not x.startswith("Source: ")]
    text = "\n".join(lines[:_OPENING_LINES])[:_OPENING_CHARS]  # minutes show their kind from the start
    score = 3 if any(_TITLE.match(x) for x in head[:4]) else 0
    if head and (m := DAY_MONTH.search(head[0])) and is_organisation_like(head[0][: m.start()]):
        score += 2  # "Regionstyrelsen 17 maj": a body's meeting of a day
    score += sum(weight for rx, weight in _SIGNALS if rx.search(text))
    score += 1 if _NUMBERED_AGENDA.search(text) else 0
    if any(_OTHER_KIND.search(x) for x in head[:3]) or any(_ANSWERS_REMISS.search(x) for x in lines[:15]):
        score -= 4
    whole = "\n".join(lines)
    if "styrker" in whole.casefold() and len(_STANCE.findall(whole)) >= 2:  # most texts: no "…styrker" at all
        score -= 4
    return score

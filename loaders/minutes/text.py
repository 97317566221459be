"""Reading the small things minutes are made of: clock times and lists of names (dates: dates.py).

Pure functions without RDF, so they can be tested on their own (property-based tests in
tests/loaders/test_minutes_text.py). Every parser returns None (or an empty list) for text it does
not understand rather than guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from proveniens.loaders.text.dates import find_dates

_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE = re.compile(
    rf"(?:\bkl(?:ockan)?\.?\s*)?(?<![\d/.:\-–]){_CLOCK}\s*(?:-|–|—|till)\s*{_CLOCK}(?![\d/]|[-–]\d)"
)
_TIME = re.compile(r"(?<![\d/.:\-])(\d{1,2})[.:](\d{2})(?![\d/]|[.:]\d)")


def _clock(hours: str, minutes: str | None) -> dt.time | None:
    h, m = int(hours), int(minutes or 0)
    return dt.time(h, m) if h < 24 and m < 60 else None


def parse_time_range(text: str) -> tuple[dt.time, dt.time] | None:
    """Start and end of the first clock-time range in `text`: "13:00-14.40", "kl. 13-15", "kl 8 – 8.30".

    Dates in the text ("2022-03-14", "24 september 2021") are not read as times.
    """
    for mention in find_dates(text):
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    for m in _TIME_RANGE.finditer(text):
        start, end = _clock(m[1], m[2]), _clock(m[3], m[4])
        if start and end and start < end:
            return start, end
    return None


def parse_time(text: str) -> dt.time | None:
    """The first clock time written with minutes ("14.15", "14:15") in `text`."""
    for m in _TIME.finditer(text):
        t = _clock(m[1], m[2])
        if t:
            return t
    return None


# ----------------------------------------------------------------------------------------------
# Names

_UPPER = "A-ZÅÄÖÉÈÜÆØ"
_LOWER = "a-zåäöéèüæøß"
NAME_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_PARTICLE = r"(?:von|af|de|van|der|da)"
NAME = rf"{NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{NAME_TOKEN}){{1,3}}"
_NAME_AT_START = re.compile(rf"^({NAME})(?=$|[\s,(])")
PARTIES = frozenset({"M", "S", "C", "L", "KD", "V", "MP", "SD", "FP", "FI"})  # Swedish parties' letters
PARTY = re.compile(rf"\s*\((?:{'|'.join(sorted(PARTIES))})\)")
# Words that start sentences and labels, never given names.
NOT_GIVEN_NAMES = frozenset(
    {
        "Bra", "Det", "Den", "De", "Vi", "Ni", "Man", "Vad", "Hur", "Som", "Från", "Till", "För", "Med", "Och",
        "Inom", "Under", "Efter", "Enligt", "Ställningstagande", "Föredragande", "Information", "Dialog", "Beslut",
        "Mötets", "Dagens", "Föregående", "Godkännande", "Övriga", "Nästa", "Förslag", "Ärendet", "Rapport",
        "Aktuellt", "Planering", "Status", "Syftet", "Bakgrunden", "Mötesform", "Datum", "Tid", "Plats", "Inbjudna",
        "Närvarande", "Frånvarande", "Sekreterare", "Ordförande", "Vice", "Justerare", "Upprop", "Kommunerna",
        "Regionen", "Region", "Kommun", "Sveriges", "Västra", "Södra", "Norra", "Östra", "Hälso", "Nära", "God",
        "Färdplan", "Diskussion", "Workshop", "Prioriterat", "Remiss", "Samordnare", "Presidiet",
    }
)


@dataclass(frozen=True)
class NameMention:
    """A person named in a list, with the organisation text that follows the name (as written), if any."""

    name: str
    affiliation: str | None = None


def clean_name(text: str) -> str:
    """A name without party letters, surrounding punctuation or doubled spaces."""
    return " ".join(PARTY.sub("", text).strip(" .,;:").split())


# Whole words, or the endings of compounds in the definite form ("Regionstyrelsen", "äldreförvaltningen").
_ORGANISATION_WORD = re.compile(
    r"(?:(?<![^ ])(?:stad|kommun|region|landsting|förvaltning|nämnd|styrelse|förbund|sjukhus|universitet|myndighet)|"
    r"(?:regionen|landstinget|förvaltningen|nämnden|styrelsen|förbundet|sjukhuset|verket|institutet|"
    r"departementet|samverkan|kommunalförbund))(?![^ ])",
    re.IGNORECASE,
)  # in words parted by single spaces: a whole word, or the end of one


def is_organisation_like(text: str) -> bool:
    """Capitalised words that name an organisation, not a person ("Göteborgs Stad", "Hälso- och sjukvårdsstyrelsen")."""
    return _ORGANISATION_WORD.search(clean_name(text)) is not None  # one search, not one per word


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words, the first not a word that starts sentences or labels, not an organisation."""
    text = clean_name(text)
    return bool(re.fullmatch(NAME, text)) and text.split()[0] not in NOT_GIVEN_NAMES and not is_organisation_like(text)


def _split_list(text: str, mask: re.Pattern[str] | None) -> list[str]:
    """Split a list of people at commas, semicolons and 'och'/'samt' that are followed by a name."""
    protected = text
    if mask is not None:  # keep organisation names such as "Sveriges Kommuner och Regioner" whole
        protected = mask.sub(lambda m: m[0].replace(",", "\x00").replace(" och ", " \x01 "), text)
    parts = re.split(rf"\s*[;,]\s*|\s+(?:och|samt|&)\s+(?={NAME_TOKEN}\s+{NAME_TOKEN})", protected)
    return [p.replace("\x00", ",").replace(" \x01 ", " och ").strip() for p in parts if p and p.strip()]


_ORDINAL = re.compile(r"\d+:[ae]\s")  # "1:e vice ordförande", "2:a vice ordförande": a role, not a name


def parse_people(
    text: str, body_pattern: re.Pattern[str] | None = None, strict: bool = False
) -> list[NameMention] | None:
    """The people of a list such as "Ann Söderström, VGR och Ann-Charlotte Järnström, Västkom".

    A part after a name that is not itself a name is that person's affiliation or description
    ("VGR", "regeringens fd utredare av God och nära vård"). With `strict`, the text must be nothing
    but such a list (used for unlabelled lines under a heading); None when it is not.
    """
    text = PARTY.sub("", " ".join(text.split())).strip(" .;:")
    if not text:
        return [] if not strict else None
    people: list[NameMention] = []
    for part in _split_list(text, body_pattern):
        part = part.strip(" .")
        if body_pattern is not None and body_pattern.fullmatch(part):
            if people and people[-1].affiliation is None:
                people[-1] = NameMention(people[-1].name, part)
            elif strict and not people:
                return None
            continue
        match = _NAME_AT_START.match(part)
        name = match[1] if match else None
        if name and body_pattern is not None:  # "Boel Mörck VGR": stop the name where an organisation starts
            words = name.split()
            while len(words) > 2 and body_pattern.fullmatch(words[-1]):
                words.pop()
            name = " ".join(words)
        if name and is_organisation_like(name):
            name = None
        if (
            name
            and name.split()[0] not in NOT_GIVEN_NAMES
            and (body_pattern is None or not body_pattern.fullmatch(name))
        ):
            rest = part[len(name) :].strip(" ,")
            if strict and (len(rest.split()) > 8 or rest.endswith("?")):
                return None
            people.append(NameMention(name, rest or None))
        elif people and (
            part[:1].islower()
            or _ORDINAL.match(part)
            or is_organisation_like(part)
            or (body_pattern is not None and body_pattern.search(part))
        ):
            if strict and len(part.split()) > 8:
                return None
            last = people[-1]  # "Karin Berg, Region Örebro län, ordförande": every part describes her
            people[-1] = NameMention(last.name, f"{last.affiliation}, {part}" if last.affiliation else part)
        elif strict:
            return None
    return people if people or not strict else None

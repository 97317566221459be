"""The organisation a member of a body sits for, as the roll call writes it beside the member's name.

"Hasse Karlsson PRO", "Ulrik Hammar (L), norra hälso- och sjukvårdsnämnden", "Anna Berg, Kungälvs kommun": under a
label of the body's members the words after a name name the organisation that member represents. A body the
knowledge holds is that body; an abbreviation ("PRO", not a party's letters) or a name whose head word states a
body kind ("…nämnden", "…förbundet") is minted; anything else ("enhet folkhälsa", "nämndsekreterare": a unit, a
title) names no organisation, and nothing is guessed. Nothing here knows RDF.
"""

from __future__ import annotations

import re

from proveniens.loaders.knowledge import Body, BodyKind
from proveniens.loaders.knowledge.entities import find_bodies, new_body
from proveniens.loaders.knowledge.kinds import kind_of_name
from proveniens.loaders.minutes.text import PARTIES

_ABBREVIATION = re.compile(r"^([A-ZÅÄÖ]{2,6})(?![\wÅÄÖåäö-])")
_LONGEST = 6  # words of a title and organisation name ("norra hälso- och sjukvårdsnämnden" is four)


def represented(affiliation: str | None) -> tuple[Body, str] | None:
    """The organisation `affiliation` (the words after a member's name) names, and how it is written there."""
    if not affiliation:
        return None
    if found := find_bodies(affiliation):
        body, written, at = found[0]
        return (body, written) if len(affiliation[:at].split()) < _LONGEST else None  # later: other words' body
    if (m := _ABBREVIATION.match(affiliation)) and m[1] not in PARTIES:
        return new_body(m[1]), m[1]
    words = affiliation.split()
    for n, word in enumerate(words[:_LONGEST], 1):
        if kind_of_name(word) is not BodyKind.ORGANIZATION:
            written = " ".join(words[:n])
            return new_body(written[:1].upper() + written[1:]), written
    return None

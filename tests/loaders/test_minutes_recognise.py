"""Recognition of minutes scores what the text does, not which body wrote it."""

from __future__ import annotations

import pytest

from proveniens.loaders.minutes.recognise import recognition_score


@pytest.mark.parametrize("body", ["VVG", "SRO", "KSAU", "Samverkansrådet", "Regionstyrelsen"])
def test_a_body_deciding_counts_whatever_its_name(body: str) -> None:
    plain = ["Punkt 3 Lägesrapport", "Information om arbetet."]
    deciding = [*plain, f"{body} noterar informationen."]
    assert recognition_score(deciding) == recognition_score(plain) + 1

"""Precision and recall of find_citations against the labelled list of every citation in the corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from proveniens.loaders.citations.find import find_citations

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold" / "citations"
CORPUS = REPO / "sources" / "corpus"

Key = tuple[str, int, str, str]


def gold_keys() -> Counter[Key]:
    keys: Counter[Key] = Counter()
    for path in sorted(GOLD.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            keys[(item["document"], item["line"], item["kind"], item["identifier"])] += 1
    return keys


def found_keys() -> Counter[Key]:
    keys: Counter[Key] = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for c in find_citations(text):
            keys[(path.name, text.count("\n", 0, c.start) + 1, c.kind.value, c.identifier)] += 1
    return keys


def score(gold: Counter[Key], found: Counter[Key]) -> tuple[float, float, list[Key], list[Key]]:
    hits = sum((gold & found).values())
    precision = hits / max(sum(found.values()), 1)
    recall = hits / max(sum(gold.values()), 1)
    return precision, recall, sorted((found - gold).elements()), sorted((gold - found).elements())


def test_the_gold_covers_every_corpus_document() -> None:
    documents = {key[0] for key in gold_keys()}
    assert documents == {p.name for p in CORPUS.glob("*.txt")}


def test_gold_lines_hold_the_text_they_label() -> None:
    for path in sorted(GOLD.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            lines = (CORPUS / item["document"]).read_text(encoding="utf-8").split("\n")
            first_word = item["text"].split()[0].rstrip("-")
            assert first_word in lines[item["line"] - 1], item


@pytest.mark.parametrize("kind", [None, "sou", "prop", "law", "provision", "agreement", "kommitte", "diarienummer"])
def test_precision_and_recall_on_the_corpus(kind: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    gold, found = gold_keys(), found_keys()
    if kind is not None:
        gold = Counter({k: v for k, v in gold.items() if k[2] == kind})
        found = Counter({k: v for k, v in found.items() if k[2] == kind})
    precision, recall, false_pos, misses = score(gold, found)
    with capsys.disabled():
        print(
            f"\ncitations[{kind or 'all'}]: precision {precision:.3f}, recall {recall:.3f}, gold {sum(gold.values())}"
        )
        for k in false_pos:
            print("  not in gold:", k)
        for k in misses:
            print("  missed:     ", k)
    assert precision >= 0.95, false_pos
    assert recall >= 0.90, misses


def test_the_score_would_notice_a_wrong_parser() -> None:
    gold = gold_keys()
    broken = Counter({(d, line + 1, k, i): n for (d, line, k, i), n in gold.items()})
    precision, recall, _, _ = score(gold, broken)
    assert precision < 0.95 and recall < 0.90

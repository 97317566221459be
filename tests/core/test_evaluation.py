"""Precision and recall of the loaders against the hand-curated gold (gold/README.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from proveniens.evaluation.corpus import GOLD_DIR, RELATIONS, Found, evaluate, meets_goal, read_gold, render, score

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "sources" / "corpus"
CLI = Path(sys.executable).with_name("proveniens")


@pytest.fixture(scope="module")
def scores() -> list:
    return evaluate()


def test_the_bundled_corpus_meets_the_goal_on_every_relation(scores: list) -> None:
    covered = {s.relation for s in scores}
    assert {"attendance", "decisions", "presenters", "citations", "roles", "dates"} <= covered
    for s in scores:
        assert s.gold > 0 or s.relation == "attendance", s.relation
        assert s.precision >= 0.95 and s.recall >= 0.90, render([s])
    assert meets_goal(scores)


def test_every_gold_line_is_a_content_line_that_says_it() -> None:
    """Each gold fact's line exists and holds words of the fact (a decision's first words, a title's first word)."""
    for path in sorted((GOLD_DIR / "minutes").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lines = (CORPUS / data["document"]).read_text(encoding="utf-8").split("\n")
        for relation in RELATIONS:
            for entry in data.get(relation) or []:
                numbers = entry.get("lines", [entry.get("line")])
                assert all(isinstance(n, int) and 1 <= n <= len(lines) and lines[n - 1].strip() for n in numbers), entry
                text = " ".join(" ".join(lines[n - 1].split()) for n in numbers)
                if "text" in entry:
                    assert " ".join(str(entry["text"]).split()[:3]) in text, entry
                if "title" in entry:
                    assert str(entry["title"]).split()[0] in text, entry
                if "time" in entry:
                    assert str(entry["time"]).replace(":", ".") in text, entry


def test_a_fact_with_evidence_elsewhere_is_a_miss_and_an_extra() -> None:
    gold, found = Found(), Found()
    gold.add("d.txt", ("m", "p", "absent", ""), {(25, 25)})
    gold.add("d.txt", ("m", "q", "absent", ""), {(25, 25)})
    found.add("d.txt", ("m", "p", "absent", ""), {(25, 25)})
    found.add("d.txt", ("m", "q", "absent", ""), {(40, 41)})  # right fact, wrong lines
    found.add("d.txt", ("m", "r", "absent", ""), {(25, 25)})  # not in the gold
    found.add("other.txt", ("m", "s", "absent", ""), {(1, 1)})  # a document the gold does not cover
    s = score("attendance", gold, found, {"d.txt"})
    assert (s.gold, s.found, s.matched) == (2, 3, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)
    assert any("wrong evidence" in m for m in s.misses)
    assert len(s.extras) == 2


def test_a_wrong_gold_lowers_the_score(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    shutil.copytree(GOLD_DIR, gold_dir)
    path = gold_dir / "minutes" / "001_06d9e870a2ccb54a.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["attendance"][0]["status"] = "present"  # Bengt Hilmersson was absent
    data["attendance"].append({"person": "person/nobody", "status": "absent", "line": 25})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    attendance = next(s for s in evaluate(gold_dir=gold_dir) if s.relation == "attendance")
    assert attendance.matched == attendance.gold - 2
    assert attendance.recall < 0.9 and attendance.precision < 1
    assert not meets_goal([attendance])


def test_the_gold_covers_the_three_minutes() -> None:
    _, covered = read_gold()
    for relation in ("attendance", "decisions", "presenters", "roles", "dates"):
        assert {"000_03928f52508d805a.txt", "001_06d9e870a2ccb54a.txt", "002_ba0b3cc1446c0b9e.txt"} <= covered[
            relation
        ], relation


def test_the_eval_command_prints_the_table() -> None:
    command = [str(CLI), "eval", "--no-details", "--no-gate-documents"]  # the corpus goal alone
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["relation", "gold", "found"]
    assert {row.split()[0] for row in rows} >= {"attendance", "decisions", "presenters", "citations", "roles", "dates"}

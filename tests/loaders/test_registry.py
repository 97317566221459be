"""A document's loader is chosen by its content; none or two are handled plainly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph

from proveniens.errors import SourceError
from proveniens.loaders.registry import LoadedDocument, choose_loader
from proveniens.loaders.sources import SourceFile, SourceKind, read_source


@dataclass
class KeywordLoader:
    name: str
    keyword: str
    version: str = "1"

    def recognise(self, source: SourceFile) -> bool:
        return self.keyword in source.text

    def load(self, source: SourceFile) -> LoadedDocument:
        return LoadedDocument(Graph())


@pytest.fixture
def minutes(tmp_path: Path) -> SourceFile:
    path = tmp_path / "m.txt"
    path.write_text("Mötesanteckning SRO\nStällningstagande: SRO noterar informationen\n", encoding="utf-8")
    return read_source(path, SourceKind.DOCUMENT)


def test_the_loader_whose_kind_matches_is_chosen(minutes: SourceFile) -> None:
    loaders = (KeywordLoader("remiss", "Dnr"), KeywordLoader("minutes", "Ställningstagande"))
    chosen = choose_loader(minutes, loaders)
    assert chosen is not None and chosen.name == "minutes"


def test_no_match_is_none(minutes: SourceFile) -> None:
    assert choose_loader(minutes, (KeywordLoader("remiss", "Dnr"),)) is None


def test_two_matches_is_an_error_naming_both(minutes: SourceFile) -> None:
    loaders = (KeywordLoader("a", "SRO"), KeywordLoader("b", "Ställningstagande"))
    with pytest.raises(SourceError, match=r"several loaders \(a, b\)"):
        choose_loader(minutes, loaders)

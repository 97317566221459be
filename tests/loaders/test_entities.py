"""People and bodies: one IRI per real person or body; spelling variants resolve; surnames alone never merge."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from proveniens.loaders.knowledge import knowledge, slugify
from proveniens.loaders.knowledge.entities import (
    BodyKind,
    PersonIndex,
    body_named,
    find_bodies,
    new_body,
    spelling_variant,
)

CURATED = Path(__file__).resolve().parents[2] / "sources" / "curated"


def curated_labels() -> dict[str, str]:
    """The Swedish skos:prefLabel of every organisation in the curated files, by IRI path."""
    labels = {}
    for path in CURATED.glob("*.yaml"):
        for res in yaml.safe_load(path.read_text(encoding="utf-8")).get("resources", []):
            label = res.get("skos:prefLabel")
            if str(res.get("iri", "")).startswith("org/") and isinstance(label, dict) and "sv" in label:
                labels[res["iri"]] = label["sv"]
    return labels


def test_knowledge_names_agree_with_the_curated_files() -> None:
    labels = curated_labels()
    assert labels, "the curated files name no organisations"
    for body in knowledge().bodies:
        if f"org/{body.slug}" in labels:
            assert body.name == labels[f"org/{body.slug}"], body.slug


def test_the_knowledge_is_one_entry_per_entity() -> None:
    BODIES, PEOPLE = knowledge().bodies, knowledge().people
    assert len({b.slug for b in BODIES}) == len(BODIES)
    assert len({p.slug for p in PEOPLE}) == len(PEOPLE)
    spellings = [s.casefold() for b in BODIES for s in (b.name, *b.variants)]
    assert len(spellings) == len(set(spellings)), "a spelling names two bodies"
    names = [n.casefold() for p in PEOPLE for n in (p.name, *p.variants)]
    assert len(names) == len(set(names)), "a spelling names two people"
    for body in BODIES:
        assert all(slugify(part) == part for part in body.slug.split("/"))
        if body.kind is BodyKind.UNIT:
            assert body.parent in {b.slug for b in BODIES}, body.slug
    for person in PEOPLE:
        assert person.slug == slugify(person.name)
        assert not person.variants or person.note, f"{person.name}: say why the variants are this person"


def test_bodies_by_any_spelling() -> None:
    assert body_named("Västkom") is body_named("VästKom") is body_named("VÄSTKOM")
    assert body_named("VGR") is body_named("Västra Götalandsregionen")
    assert body_named("SROs").slug == "sro"  # type: ignore[union-attr]
    assert body_named("Göteborgs Stad") is body_named("Göteborgs kommun")  # a municipality, however written
    assert body_named("Göteborgs Stad").region == "vgr"  # type: ignore[union-attr]
    assert body_named("Lundby stadsdelsnämnd") is None
    found = [(b.slug, written) for b, written, _ in find_bodies("Anneli Bjerde, VästKom och SKR:s samordnare, VGR.")]
    assert found == [("vastkom", "VästKom"), ("skr", "SKR"), ("vgr", "VGR")]
    assert find_bodies("anneli.bjerde@vastkom.se") == []


def test_variants_are_alt_labels_and_the_preferred_name_is_not() -> None:
    vgr = body_named("VGR")
    assert vgr is not None
    assert spelling_variant(vgr, "VGR") == "VGR"
    assert spelling_variant(vgr, "Västra Götalandsregionen") is None


def test_a_new_body_keeps_its_abbreviation() -> None:
    body = new_body("DVG", "Delregional vårdsamverkan Fyrbodal")
    assert (body.slug, body.name, body.variants, body.kind) == (
        "dvg", "Delregional vårdsamverkan Fyrbodal", ("DVG",), BodyKind.COLLABORATION)  # fmt: skip
    assert new_body("SRO").slug == "sro"  # a known body is not minted again


def test_people_resolve_through_the_knowledge() -> None:
    index = PersonIndex(["Ulf Olson", "Ann-Marie Svensson", "Anneli Bjerde"], body_named("SRO"))
    for written, slug in (("Ulf Olson", "ulf-olsson"), ("Ann-Marie Svensson", "anne-marie-svensson"),
                          ("Anneli Bjerde", "anneli-assmundson-bjerde")):  # fmt: skip
        ref = index.resolve(written)
        assert (ref.slug, ref.written, ref.is_variant) == (slug, written, True)
        assert index.note(ref)


def test_a_short_form_resolves_to_the_full_name_in_the_same_document() -> None:
    index = PersonIndex(["Karin Berg Ekström", "Karin Ekström"])
    assert index.resolve("Karin Ekström").slug == "karin-berg-ekstrom"


def test_a_shared_surname_alone_never_merges() -> None:
    index = PersonIndex(["Jonas Andersson", "Jeanette Andersson", "Andersson"])
    assert index.resolve("Jonas Andersson").slug != index.resolve("Jeanette Andersson").slug
    two = PersonIndex(["Eva Berg Lind", "Eva Holm Lind", "Eva Lind"])
    assert two.resolve("Eva Lind").slug == "eva-lind"  # two people it could be: it stays itself


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), max_size=40))
def test_slugs_are_ascii_words_joined_by_hyphens(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*)?", slug)


def test_slug_examples() -> None:
    assert slugify("Ann-Charlotte Järnström") == "ann-charlotte-jarnstrom"
    assert slugify("Anna Nergårdh") == "anna-nergardh"
    assert slugify("VVG/covid-19") == "vvg-covid-19"


def test_a_name_without_its_accents_is_the_same_person() -> None:
    ref = PersonIndex(["Ann-Charlotte Jarnstrom"], body_named("VVG")).resolve("Ann-Charlotte Jarnstrom")
    assert (ref.slug, ref.name, ref.is_variant) == ("ann-charlotte-jarnstrom", "Ann-Charlotte Järnström", True)
    assert "accents" in (PersonIndex([]).note(ref) or "")
    assert body_named("Vastkom") is body_named("VästKom")

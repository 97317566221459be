"""What a reader of Swedish health-policy texts knows without being told: law names and their
abbreviations with their SFS numbers, the names of the recurring government–SKR agreements, and the
department letters of inquiries and registration numbers.

Patterns are written for flattened text (see flattext.py): single spaces, hyphenation undone, and
"hälso- och" possibly written "hälso-och".
"""

from __future__ import annotations

from dataclasses import dataclass

from proveniens.loaders.knowledge import knowledge, slugify  # noqa: F401 (slugify: one function, also for code that imports it from here)

# Government department letters used in inquiry numbers ("S 2017:01") and registration numbers
# ("S2019/03056/FS"), longest first so "UD" wins over "U".
DEPARTMENTS = ("UD", "Fi", "Fö", "Ju", "Jo", "Ku", "Ko", "In", "A", "I", "L", "M", "N", "S", "U")

_HOS = r"hälso-\s?och\s?sjukvårds"  # "hälso- och sjukvårds" with the elision space optional


@dataclass(frozen=True)
class Law:
    """A law known by name (regex, case-insensitive on the first letter) and perhaps an abbreviation."""

    sfs: str  # "2017:30"
    name: str  # the title as in SFS, for dcterms:title
    pattern: str  # matches the name as used in running text, e.g. "hälso- och sjukvårdslagen"
    abbreviation: str | None = None


LAWS: tuple[Law, ...] = (
    Law("2017:30", "Hälso- och sjukvårdslag", _HOS + r"lag(?:en)?", "HSL"),
    Law("2001:453", "Socialtjänstlag", r"socialtjänstlag(?:en)?", "SoL"),
    Law(
        "1993:387",
        "Lag om stöd och service till vissa funktionshindrade",
        r"lag(?:en)? om stöd och service till vissa funktionshindrade",
        "LSS",
    ),
    Law("2014:821", "Patientlag", r"patientlag(?:en)?"),
    Law("2008:355", "Patientdatalag", r"patientdatalag(?:en)?", "PDL"),
    Law("2010:659", "Patientsäkerhetslag", r"patientsäkerhetslag(?:en)?", "PSL"),
    Law(
        "2017:612",
        "Lag om samverkan vid utskrivning från sluten hälso- och sjukvård",
        r"lag(?:en)? om samverkan vid utskrivning från sluten " + _HOS.replace("sjukvårds", "sjukvård"),
    ),
    Law("2016:1145", "Lag om offentlig upphandling", r"lag(?:en)? om offentlig upphandling", "LOU"),
    Law("2008:962", "Lag om valfrihetssystem", r"lag(?:en)? om valfrihetssystem", "LOV"),
    Law("2009:400", "Offentlighets- och sekretesslag", r"offentlighets-\s?och\s?sekretesslag(?:en)?", "OSL"),
    Law("2017:725", "Kommunallag", r"kommunallag(?:en)?"),
    Law("2017:900", "Förvaltningslag", r"förvaltningslag(?:en)?"),
    Law("1985:125", "Tandvårdslag", r"tandvårdslag(?:en)?"),
    Law("2004:168", "Smittskyddslag", r"smittskyddslag(?:en)?"),
    Law("1991:1128", "Lag om psykiatrisk tvångsvård", r"lag(?:en)? om psykiatrisk tvångsvård", "LPT"),
    Law("2010:110", "Socialförsäkringsbalk", r"socialförsäkringsbalk(?:en)?", "SFB"),
)

LAW_BY_SFS = {law.sfs: law for law in LAWS}
LAW_BY_ABBREVIATION = {law.abbreviation: law for law in LAWS if law.abbreviation}


def law_name_regex() -> str:
    """One alternation of every known law name, capitalised or not; the names grouped by their first letter,
    so that re tries at a word only the names that start with its letter (the same matches, in the same
    order of preference)."""
    by_first: dict[str, list[str]] = {}
    for law in LAWS:
        by_first.setdefault(law.pattern[0], []).append(law.pattern[1:])
    return "|".join(f"(?:[{first}{first.upper()}](?:{'|'.join(rests)}))" for first, rests in by_first.items())


@dataclass(frozen=True)
class AgreementTitle:
    """A recurring agreement between the government and SKR (or a regional agreement) by its title.

    `distinctive` titles are agreements wherever they occur; others ("God och nära vård" is also the
    reform's name) only after "överenskommelse(n) (om)" or with a year ("God och nära vård 2019").
    """

    slug: str  # IRI slug without year: agreement/{slug}-{year} or agreement/{slug}
    label: str  # the normalised title
    pattern: str
    distinctive: bool
    yearly: bool = True


AGREEMENTS: tuple[AgreementTitle, ...] = (
    AgreementTitle(
        "god-och-nara-vard",
        "God och nära vård",
        r"[Gg]od och nära vård(?: ?[–—-] ?[Ee]n omställning av "
        + _HOS.replace("sjukvårds", "sjukvården")
        + r" med fokus på primärvården)?",
        distinctive=False,
    ),
    AgreementTitle(
        "investering-vardens-medarbetare",
        "En investering för utvecklade förutsättningar för vårdens medarbetare",
        r"(?:[Ee]n )?investering för utvecklade förutsättningar för vårdens medarbetare",
        distinctive=True,
    ),
    AgreementTitle(
        "okad-tillganglighet-barnhalsovarden",
        "Ökad tillgänglighet för barnhälsovården",
        r"[Öö]kad tillgänglighet (?:för|i|inom) barnhälsovården",
        distinctive=True,
        yearly=False,
    ),
    AgreementTitle(
        "battre-resursutnyttjande",
        "Bättre resursutnyttjande i hälso- och sjukvården",
        r"(?:stöd till )?[Bb]ättre resursutnyttjande i " + _HOS.replace("sjukvårds", "sjukvården"),
        distinctive=False,
    ),
)


def agreement_regex() -> str:
    return "|".join(f"(?P<ag{i}>{a.pattern})" for i, a in enumerate(AGREEMENTS))


def inquiry_names() -> dict[str, str]:
    """The inquiries of the curated files by designation ("S 2017:01" → its name), for texts that name one."""
    return knowledge().inquiries


def inquiries_by_name() -> dict[str, tuple[str, str, str]]:
    """The same by lower-case name: (department, year, number), for texts that name an inquiry without its number."""
    return {n.lower(): (i.split()[0], *i.split()[1].split(":")) for i, n in inquiry_names().items()}


@dataclass(frozen=True)
class Municipality:
    slug: str
    name: str
    districts: tuple[str, ...]  # stadsdelsnämnder, whose mention places a text in the city


def municipalities() -> tuple[Municipality, ...]:
    """The municipalities whose district councils the knowledge files list (Stockholms stad's, for one)."""
    k = knowledge()
    out = []
    for body in k.bodies:
        units = [u.name.removesuffix(" stadsdelsnämnd") for u in k.units_of(body) if u.name.endswith("stadsdelsnämnd")]
        if units and k.municipality(body.name) is body:
            out.append(Municipality(body.slug, body.name, tuple(units)))
    return tuple(out)


# The proposals of an SOU as inquiries and respondents name them, so that every remiss response
# points at the same proposal. Keys are SOU identifiers; values (slug, words that name it), tried in
# order against a proposal's heading first, then its text. Unlisted proposals get a slug from their heading.
PROPOSALS: dict[str, tuple[tuple[str, str], ...]] = {
    "SOU 2020:19": (
        ("patientkontrakt", r"patientkontrakt"),
        ("gemensam-plan", r"gemensam(?:ma)? (?:övergripande )?plan|övergripande gemensam plan"),
        ("samverkansansvar", r"samverka(?:n|nsansvar)?\b"),
        ("individuell-plan", r"individuell(?:a)? plan"),
        ("utbildningsansvar", r"utbildning"),
        ("valfrihetssystem", r"valfrihetssystem"),
    ),
}


# How running text names the parties of a government agreement (labels: the knowledge files' bodies).
PARTIES: dict[str, str] = {
    "regeringen": r"\b[Rr]egeringen?s?\b|\bstaten\b",
    "skr": r"\bSKR\b|Sveriges Kommuner och Regioner",
}

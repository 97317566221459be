"""`proveniens fetch riksdagen DOK_ID…`: Riksdagen's records downloaded into a sources folder.

A document is named by its id (`H7038`) or as it is cited, by kind, riksmöte and beteckning
(`"prop 2019/20:8"`, `bet/2019/20:CU4`, the product's own IRI path): the id is then looked up in
Riksdagen's `dokumentlista`, and only a hit of exactly that kind, riksmöte and beteckning counts.

For each document: its `dokumentstatus` as JSON (`{dok_id}.json`, lower case as openriksdag names
them) and, for a betänkande, the `votering` of every point decided by vote
(`{DOK_ID}-{punkt}-{VOTERING_ID}.json`). The next `proveniens build` reads them like any source.

Polite and safe to repeat:
- one request at a time, at least `delay` seconds apart;
- a failed request (connection error, 429, 5xx, an answer cut short) is retried after a growing pause (a server's
  `Retry-After` is honoured), up to `retries` times;
- a file is written under a temporary name and renamed into place only once it has arrived whole
  and parses as a record, so a folder never holds half a file;
- a file already in the folder that parses is not fetched again: an interrupted run resumes.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from proveniens.errors import ProveniensError, SourceError
from proveniens.loaders.riksdagen.record import Element, read_record

DEFAULT_BASE = "https://data.riksdagen.se"
_DOK_ID = re.compile(r"[A-Za-z0-9]{3,20}")
_VOTERING_ID = re.compile(r"[0-9A-Fa-f-]{36}")
_RETRIED = {429, 500, 502, 503, 504}
# "prop 2019/20:8", "Prop. 2019/20:8", "bet/2019/20:CU4": kind, riksmöte, beteckning
_CITED = re.compile(
    r"(?P<kind>prop|skr|bet|mot|rskr)\.?[ /]*(?P<rm>(?:19|20)[0-9]{2}/(?:[0-9]{2}|(?:19|20)[0-9]{2})):"
    r"(?P<bet>[A-Za-zÅÄÖåäö]{0,4}[0-9]+)",
    re.IGNORECASE,
)


class FetchError(ProveniensError):
    """A record could not be downloaded, even after retrying."""

    status = 502


@dataclass
class Fetcher:
    """Downloads records one request at a time, at most one per `delay` seconds."""

    base: str = DEFAULT_BASE
    delay: float = 1.0
    retries: int = 4
    timeout: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    _last: float = field(default=-1e9, repr=False)

    def get(self, url: str, check: Callable[[bytes], object] = lambda _: None) -> bytes | None:
        """The body of `url` once `check` accepts it; None when the server has no such record (404).

        Connection errors, 429, 5xx and a body `check` refuses (a download cut short) are retried."""
        pause = max(self.delay, 0.5)
        for attempt in range(self.retries + 1):
            self._wait()
            wait = pause
            try:
                response = httpx.get(url, timeout=self.timeout, headers={"User-Agent": "proveniens-fetch"})
            except httpx.HTTPError as err:
                problem = f"{type(err).__name__}: {err}"
            else:
                if response.status_code == 404:
                    return None
                if response.status_code == 200:
                    try:
                        check(response.content)
                        return response.content
                    except (SourceError, UnicodeDecodeError) as err:
                        problem = f"the answer is not a whole record ({err})"
                elif response.status_code in _RETRIED:
                    problem = f"the server answered {response.status_code}"
                    wait = _retry_after(response) or pause
                else:
                    raise FetchError(f"{url}: the server answered {response.status_code}.")
            if attempt == self.retries:
                raise FetchError(f"{url}: {problem}; gave up after {self.retries + 1} attempts, nothing was written.")
            self.sleep(wait)
            pause *= 2
        raise AssertionError("unreachable")

    def _wait(self) -> None:
        gap = time.monotonic() - self._last
        if gap < self.delay:
            self.sleep(self.delay - gap)
        self._last = time.monotonic()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


@dataclass(frozen=True)
class Fetched:
    """What a run left in the folder, and the records the server does not have (404)."""

    files: list[Path]
    missing: list[str]


def fetch_documents(dok_ids: list[str], into: Path, fetcher: Fetcher) -> Fetched:
    """Every record of `dok_ids` and their votes in `into`, fetched or kept from an earlier run."""
    into.mkdir(parents=True, exist_ok=True)
    out = Fetched([], [])
    for name in dok_ids:  # every name is checked before the first request
        if not (_CITED.fullmatch(name.strip()) or _DOK_ID.fullmatch(name)):
            raise SourceError(
                name, None, "is neither a Riksdagen document id nor a citation.",
                'Give ids such as H701CU5 or GF03167, or citations such as "prop 2019/20:8" or bet/2019/20:CU4.',
            )  # fmt: skip
    for name in dok_ids:
        dok_id = _dok_id(name, fetcher, out)
        if dok_id is None:
            continue
        path = into / f"{dok_id.lower()}.json"
        record = _fetch(fetcher, f"{fetcher.base}/dokumentstatus/{dok_id.upper()}.json", path, out)
        for number, votering in _votes(record) if record is not None else []:
            vote_path = into / f"{dok_id.upper()}-{number}-{votering.upper()}.json"
            _fetch(fetcher, f"{fetcher.base}/votering/{votering.upper()}/json", vote_path, out)
    return out


def _dok_id(name: str, fetcher: Fetcher, out: Fetched) -> str | None:
    """The id of the document `name` names: itself, or the one `dokumentlista` lists under its citation."""
    if cited := _CITED.fullmatch(name.strip()):
        return _look_up(cited["kind"].lower(), cited["rm"], cited["bet"], fetcher, out)
    return name


def _look_up(kind: str, rm: str, bet: str, fetcher: Fetcher, out: Fetched) -> str | None:
    """The dok_id of `kind rm:bet` in Riksdagen's document list; None (and noted missing) when it lists none."""
    listed_as = "prop" if kind == "skr" else kind  # Riksdagen lists skrivelser as doktyp prop, subtyp skr
    query = httpx.QueryParams({"doktyp": listed_as, "rm": rm, "bet": bet, "utformat": "json"})
    url = f"{fetcher.base}/dokumentlista/?{query}"
    body = fetcher.get(url, _hits)
    hits = [] if body is None else _hits(body)
    same = {
        _field(hit, "dok_id") for hit in hits
        if (_field(hit, "doktyp") or _field(hit, "typ")).lower() == listed_as
        and (listed_as != "prop" or _field(hit, "subtyp").lower() == kind)
        and _field(hit, "rm") == rm and _field(hit, "beteckning").lower() == bet.lower()
    }  # fmt: skip
    if not same:
        out.missing.append(url)
        return None
    if len(same) > 1:
        raise FetchError(f"{url}: {kind} {rm}:{bet} names {len(same)} documents ({', '.join(sorted(same))}).")
    (dok_id,) = same
    if not _DOK_ID.fullmatch(dok_id):
        raise FetchError(f"{url}: the list gives {dok_id!r} as the id of {kind} {rm}:{bet}, which is not an id.")
    return dok_id


def _hits(body: bytes) -> list[dict[str, object]]:
    """The documents of a `dokumentlista` answer (one hit may come as an object, none as null)."""
    try:
        listed = json.loads(body)["dokumentlista"]
    except (ValueError, KeyError, TypeError) as err:
        raise SourceError("dokumentlista", None, f"is not a document list ({err}).", "Try again later.") from err
    found = listed.get("dokument") if isinstance(listed, dict) else None
    found = [found] if isinstance(found, dict) else found or []
    return [hit for hit in found if isinstance(hit, dict)]


def _field(hit: dict[str, object], name: str) -> str:
    value = hit.get(name)
    return value if isinstance(value, str) else ""


def _votes(record: Element) -> list[tuple[str, str]]:
    """(punkt, votering_id) of every point of a betänkande decided by vote."""
    out = []
    for proposal in record.all("dokutskottsforslag", "utskottsforslag"):
        number, votering = proposal.text("punkt"), proposal.text("votering_id")
        if number.isdigit() and _VOTERING_ID.fullmatch(votering):
            out.append((number, votering))
    return out


def _fetch(fetcher: Fetcher, url: str, path: Path, out: Fetched) -> Element | None:
    """The record at `path` if it is there and whole, else downloaded from `url` and written atomically."""
    if path.exists():
        try:
            record = read_record(path, path.read_text(encoding="utf-8"))[1]
            out.files.append(path)
            return record
        except (SourceError, UnicodeDecodeError):
            pass  # a damaged file from elsewhere: fetched again and replaced
    data = fetcher.get(url, lambda body: read_record(path, body.decode("utf-8")))
    if data is None:
        out.missing.append(url)
        return None
    _write_atomically(path, data)
    out.files.append(path)
    return read_record(path, data.decode("utf-8"))[1]


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a reader sees the old file or the whole new one, never a part."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

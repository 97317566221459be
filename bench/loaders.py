"""Loader throughput: MB of text per CPU second for each document kind, beside the 1 MB/s goal (issue 13).

A script, not a timed test. For each kind (minutes, remiss response, report) it builds a large
document out of the real texts of that kind in `sources/corpus/` and `tests/fixtures/documents/`:
the largest one first (so the document opens as that kind does), then the others again and again,
each round with its years shifted, so numbers, dates and names recur the way they do in a long
protocol or report rather than as one copied block. It checks the registry still gives the document
to that kind's loader, then measures CPU time (one core) of choosing the loader plus reading the facts.
The curated knowledge files are read, and dateparser's Swedish locale loaded (its first date costs
0.15 s, the next about 1 ms), once per process before the runs, and their time printed apart: a build
pays them once whatever it loads, so they are no part of a rate per MB.

    .venv/bin/python bench/loaders.py                 # 1 MB of each kind
    .venv/bin/python bench/loaders.py --mb 1 50       # 1 MB and 50 MB (linearity)
    .venv/bin/python bench/loaders.py --kinds report --profile   # cProfile's top 25 as well
    .venv/bin/python bench/loaders.py --build         # also: build all of sources/ (goal: under 10 s)
    .venv/bin/python bench/loaders.py --repeat 3      # the fastest of 3 runs each (a shared, busy machine)

Every run is made in a fresh process: the loaders keep small caches keyed by a line or a sentence, and a
second run over the same text in one process would find its work done (three times faster, not a rate).
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import pstats
import re
import tempfile
import time
from pathlib import Path

from proveniens.loaders.knowledge import knowledge
from proveniens.loaders.registry import choose_loader
from proveniens.loaders.sources import SourceKind, read_source
from proveniens.loaders.text.dates import find_dates

REPO = Path(__file__).resolve().parent.parent
FOLDERS = (REPO / "sources" / "corpus", REPO / "tests" / "fixtures" / "documents")
KINDS = {"minutes": "minutes", "remiss": "remiss-response", "report": "authority-report"}
GOAL_MB_S = 1.0
_YEAR = re.compile(r"\b(20[0-2]\d)\b")


def real_texts(loader_name: str) -> list[str]:
    """The real documents the registry gives to `loader_name`, largest first."""
    texts = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            loader = choose_loader(read_source(path, SourceKind.DOCUMENT))
            if loader is not None and loader.name == loader_name:
                texts.append(path.read_text(encoding="utf-8"))
    return sorted(texts, key=len, reverse=True)


def _shift_years(text: str, by: int) -> str:
    return _YEAR.sub(lambda m: str(2010 + (int(m.group(1)) - 2010 + by) % 15), text)


def generate(loader_name: str, size: int) -> str:
    """A document of about `size` characters: the largest real text, then the others repeated with years varied."""
    texts = real_texts(loader_name)
    parts, length, round_no = [texts[0]], len(texts[0]), 0
    while length < size:
        round_no += 1
        for text in texts[1:] or texts:
            part = _shift_years(text, round_no)
            parts.append(part)
            length += len(part) + 1
            if length >= size:
                break
    return "\n".join(parts)


def measure(loader_name: str, size: int, profile: bool) -> tuple[float, float]:
    """(MB, CPU seconds) for choosing the loader and loading one generated document of `size` characters."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bench-{loader_name}.txt"
        path.write_text(generate(loader_name, size), encoding="utf-8")
        source = read_source(path, SourceKind.DOCUMENT)
        mb = len(source.text.encode("utf-8")) / 1e6
        profiler = cProfile.Profile() if profile else None
        started = time.process_time()
        if profiler:
            profiler.enable()
        loader = choose_loader(source)
        if loader is None or loader.name != loader_name:
            raise SystemExit(f"the generated {loader_name} document went to {loader and loader.name}")
        loaded = loader.load(source)
        if profiler:
            profiler.disable()
        seconds = time.process_time() - started
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(f"  ({len(loaded.graph)} triples)")
    return mb, seconds


def measure_fresh(loader_name: str, size: int, profile: bool) -> tuple[float, float]:
    """measure() in a new process, which reads the knowledge files first (not counted, as in a build)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_measure_in_child, (loader_name, size, profile))


def _measure_in_child(loader_name: str, size: int, profile: bool) -> tuple[float, float]:
    _once_per_process()
    return measure(loader_name, size, profile)


def _once_per_process() -> None:
    knowledge()
    find_dates("1 januari 2000")  # dateparser reads its locale data at the first date


def measure_build() -> tuple[float, float]:
    """(wall seconds the build reports, CPU seconds) for a full build of `sources/` into a fresh store."""
    from proveniens.build import build

    with tempfile.TemporaryDirectory() as folder:
        started = time.process_time()
        result = build(REPO / "sources", Path(folder) / "store")
        return result.seconds, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0], help="document sizes in MB")
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=sorted(KINDS))
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions per run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is reported")
    parser.add_argument("--build", action="store_true", help="also time a full build of sources/")
    args = parser.parse_args()
    started = time.process_time()
    _once_per_process()  # per build, whatever the size or number of documents: not a rate
    print(f"knowledge files and date locale, once per process: {time.process_time() - started:.2f} s CPU "
          "(not in the rates)")
    rows = []
    for kind in args.kinds:
        for mb in args.mb:
            runs = [measure_fresh(KINDS[kind], int(mb * 1e6), args.profile) for _ in range(args.repeat)]
            size, seconds = min(runs, key=lambda r: r[1])  # the least disturbed run on a shared machine
            rows.append((kind, size, seconds, size / seconds))
            print(f"{kind:8} {size:7.2f} MB {seconds:8.2f} s CPU {size / seconds:6.2f} MB/s", flush=True)
    print("\n| kind | MB | CPU s | MB/s | goal MB/s | met |\n|---|---|---|---|---|---|")
    for kind, size, seconds, rate in rows:
        met = "yes" if rate >= GOAL_MB_S else "NO"
        print(f"| {kind} | {size:.2f} | {seconds:.2f} | {rate:.2f} | {GOAL_MB_S:.1f} | {met} |")
    if args.build:
        wall, cpu = measure_build()
        print(f"\nbuild of sources/: {wall:.1f} s wall ({cpu:.1f} s CPU in this process), goal < 10 s")


if __name__ == "__main__":
    main()

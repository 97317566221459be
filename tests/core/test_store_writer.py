"""A full build written to disk by a second process (proveniens/storage/store_writer.py) while it is validated.

The writer is only forked by a process with no RocksDB threads yet, which a test process that
opened a store is not: each case runs its builds in a fresh Python process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from proveniens.build import build
from proveniens.storage.store import StoreLayout, open_read_only
from tests.core.test_build import BAD_IDENTIFIER, SOURCES, quads

FRESH_THEN_FOREGROUND = """
import sys
from pathlib import Path
from proveniens.build import build
from proveniens.storage.store_writer import can_fork

sources, background, foreground = map(Path, sys.argv[1:])
assert can_fork(), "a fresh process forks the writer"
build(sources, background, incremental=False)
assert not can_fork(), "having opened the written store, this process writes in the foreground"
build(sources, foreground, incremental=False)
"""

REFUSED = """
import sys
from pathlib import Path
from proveniens.build import build
from proveniens.errors import ValidationFailed
from proveniens.storage.store_writer import can_fork

sources, root = map(Path, sys.argv[1:])
assert can_fork()
try:
    build(sources, root, incremental=False)
except ValidationFailed:
    sys.exit(3)
"""


def _python(script: str, *args: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, timeout=600)


def test_a_build_written_by_the_writer_equals_one_written_in_the_foreground(tmp_path: Path) -> None:
    done = _python(FRESH_THEN_FOREGROUND, SOURCES, tmp_path / "background", tmp_path / "foreground")
    assert done.returncode == 0, done.stderr
    written = quads(open_read_only(tmp_path / "background"))
    assert written == quads(open_read_only(tmp_path / "foreground"))
    assert any("/graph/lineage" in q for q in written)  # the graph the writer itself adds


def test_a_refused_build_stops_the_writer_and_leaves_the_served_build(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    root = tmp_path / "store"
    build(sources, root)
    layout = StoreLayout(root)
    served = layout.current_build()
    before = quads(open_read_only(root))
    (sources / "curated" / "zz_bad_identifier.yaml").write_text(BAD_IDENTIFIER, encoding="utf-8")

    refused = _python(REFUSED, sources, root)

    assert refused.returncode == 3, refused.stderr
    assert layout.current_build() == served
    assert sorted(layout.builds.iterdir()) == [served]  # the writer's half-written build is gone
    assert quads(open_read_only(root)) == before

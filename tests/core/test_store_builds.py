"""Only complete builds count toward PROVENIENS_KEEP_BUILDS: what a killed build leaves is removed, never kept
in place of a good build, and a build still being written is left alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from proveniens.build import BuildReport
from proveniens.storage.store import StoreLayout

SOURCES = Path(__file__).resolve().parents[2] / "sources"
PROVENIENS = str(Path(sys.executable).parent / "proveniens")


def store_with_one_build(bundled_build: tuple[Path, BuildReport], tmp_path: Path) -> StoreLayout:
    root = tmp_path / "store"
    shutil.copytree(bundled_build[0], root, symlinks=True)
    return StoreLayout(root)


def build_command(layout: StoreLayout) -> list[str]:
    return [PROVENIENS, "build", "--sources", str(SOURCES), "--store", str(layout.root)]


def run_build(layout: StoreLayout, keep: int) -> None:
    env = {**os.environ, "PROVENIENS_KEEP_BUILDS": str(keep)}
    result = subprocess.run(build_command(layout), env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_a_killed_build_does_not_push_out_a_good_one(bundled_build: tuple[Path, BuildReport], tmp_path: Path) -> None:
    layout = store_with_one_build(bundled_build, tmp_path)
    first = layout.current_build()
    killed = subprocess.Popen(build_command(layout), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while killed.poll() is None:  # kill -9 as soon as the build starts writing its directory
        if len(list(layout.builds.iterdir())) > 1:
            killed.kill()
            break
        time.sleep(0.002)
    killed.wait()
    assert layout.current_build() == first, "the build finished before it could be killed"
    assert len(list(layout.builds.iterdir())) == 2  # the good build and what the killed one left

    run_build(layout, keep=2)

    second = layout.current_build()
    assert second != first
    assert sorted(layout.builds.iterdir()) == sorted([first, second])


def test_a_build_being_written_is_neither_counted_nor_removed(
    bundled_build: tuple[Path, BuildReport], tmp_path: Path
) -> None:
    layout = store_with_one_build(bundled_build, tmp_path)
    first = layout.current_build()
    in_progress = layout.new_build_dir()  # this test's process is alive: its build is still being written

    run_build(layout, keep=2)

    second = layout.current_build()
    assert in_progress.is_dir()
    assert sorted(p for p in layout.builds.iterdir() if p != in_progress) == sorted([first, second])

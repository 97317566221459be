"""The curl examples in the README work against a real server, as written."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCKS = [b for b in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL) if "curl " in b]


def test_readme_has_curl_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_curl_example_succeeds(server: str, block: str) -> None:
    script = "set -e\n" + block.replace("http://127.0.0.1:8000", server).replace("curl -s ", "curl -sf ")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the example printed nothing"

"""The README's Python examples run, so that they cannot drift from the API."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_has_a_python_quick_start() -> None:
    assert BLOCKS
    assert "lid.load()" in BLOCKS[0]


def test_python_blocks_run() -> None:
    for block in BLOCKS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(README), "exec"), {})
        assert out.getvalue().strip(), "a README example should print something"
    assert "c-0001" in out.getvalue()

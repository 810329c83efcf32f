"""Every text file the code writes has LF line ends on every system.

Python's text mode turns "\\n" into the platform's line end (CRLF on Windows) unless it is
told ``newline="\\n"``; an export or a descriptor written so would differ from the golden files
and from the hashes in the descriptor. Binary writes and ``foundations.atomic.write_text`` are
safe; this scan finds a text write that says nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: outputs/site/ is checked by its own rewrite; the rest of the code and the tools here.
SCANNED = [
    p
    for folder in ("src", "tools")
    for p in sorted((ROOT / folder).rglob("*.py"))
    if "outputs/site/" not in p.as_posix()
]


def _text_mode(call: ast.Call) -> bool:
    """Whether an ``open`` call writes in text mode (its mode has w, a or x and no b)."""
    modes = [a for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    modes += [k.value for k in call.keywords if k.arg == "mode"]
    return any(
        isinstance(m, ast.Constant)
        and isinstance(m.value, str)
        and set(m.value) & set("wax")
        and "b" not in m.value
        for m in modes
    )


def unsaid_text_writes(source: str) -> list[int]:
    """The lines of ``source`` that write text without ``newline=``."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        method = isinstance(func, ast.Attribute) and name == "write_text"
        writes = method or (name in ("open", "fdopen") and _text_mode(node))
        if writes and not any(k.arg == "newline" for k in node.keywords):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_text_is_written_with_lf_line_ends(path: Path) -> None:
    assert unsaid_text_writes(path.read_text(encoding="utf-8")) == []


def test_the_scan_finds_a_text_write_that_says_nothing() -> None:
    source = (
        'p.write_text(t, encoding="utf-8")\n'
        'p.write_text(t, encoding="utf-8", newline="\\n")\n'
        'open(p, "w", encoding="utf-8")\n'
        'open(p, "wb")\n'
        'p.open(mode="a")\n'
        'os.fdopen(fd, "w", newline="\\n")\n'
        "p.open()\n"
    )
    assert unsaid_text_writes(source) == [1, 3, 5]
    assert SCANNED and any(p.name == "atomic.py" for p in SCANNED)
